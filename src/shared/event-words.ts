/**
 * Checks the event data of a live-blog profile (core/liveblog/relevance.ts `EventInWords`) before
 * the content script judges entries by it: days as ISO days, every list a list of strings.
 */
import { isRecord } from '../core/settings';
import type { EventInWords, EventOffice, EventPerson } from '../core/liveblog/relevance';

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function isPerson(raw: unknown): raw is EventPerson {
  return isRecord(raw) && isId(raw.id) && isStrings(raw.names) && (raw.side === null || isId(raw.side));
}

const isComposed = (raw: unknown): boolean => raw === undefined || (isRecord(raw) && isStrings(raw.before) && isStrings(raw.nouns) && isStrings(raw.after));

function isOffice(raw: unknown): raw is EventOffice {
  return isRecord(raw) && isStrings(raw.terms) && isComposed(raw.composed) && Array.isArray(raw.holders)
    && raw.holders.every((h: unknown) => isRecord(h) && isId(h.person) && isDay(h.from) && (h.to === null || isDay(h.to)));
}

/** The event's data, copied to the fields the rule reads; null when any of it is malformed. */
export function parseEventInWords(raw: unknown): EventInWords | null {
  if (!isRecord(raw) || !isDay(raw.announced) || !isDay(raw.date) || !isDay(raw.runsUntil)) return null;
  const { people, offices, names, places, outcomes, references, when } = raw;
  if (!Array.isArray(people) || !people.every(isPerson) || !Array.isArray(offices) || !offices.every(isOffice)) return null;
  if (![names, places, references, when].every(isStrings)) return null;
  const { commonNames, pair, others } = raw;
  if (![commonNames, pair, others].every((list) => list === undefined || isStrings(list))) return null;
  if (!Array.isArray(outcomes) || !outcomes.every((o: unknown) => isRecord(o) && isId(o.id) && isStrings(o.terms) && (o.alone === undefined || typeof o.alone === 'boolean')
    && (o.of === undefined || isStrings(o.of)) && (o.by === undefined || isStrings(o.by)))) return null;
  return {
    announced: raw.announced,
    date: raw.date,
    runsUntil: raw.runsUntil,
    people: people.map((p) => ({ id: p.id, names: p.names, side: p.side })),
    offices: offices.map((o) => ({
      terms: o.terms,
      ...(o.composed !== undefined ? { composed: { before: o.composed.before, nouns: o.composed.nouns, after: o.composed.after } } : {}),
      holders: o.holders.map((h) => ({ person: h.person, from: h.from, to: h.to })),
    })),
    names: names as string[],
    ...(commonNames !== undefined ? { commonNames: commonNames as string[] } : {}),
    ...(pair !== undefined ? { pair: pair as string[] } : {}),
    ...(others !== undefined ? { others: others as string[] } : {}),
    places: places as string[],
    outcomes: (outcomes as EventInWords['outcomes']).map((o) => ({
      id: o.id,
      terms: o.terms,
      ...(o.alone === true ? { alone: true } : {}),
      ...(o.of !== undefined && o.by !== undefined ? { of: o.of, by: o.by } : {}),
    })),
    references: references as string[],
    when: when as string[],
  };
}
