/**
 * The live blog's part of the contract (shared/messages.ts names the whole): what the content script
 * tells the side panel about a blog's entries, the rule's data the background hands it, and the
 * visits it reports for the record of what the reader has seen.
 */
import type { RelevanceProfile } from '../core/liveblog/relevance';
import { isRecord } from '../core/settings';
import { parseEventInWords } from './event-words';
import { isCount, isString, parseDay, parseIds, parseTime } from './parse';

/**
 * Live-blog features → background: the entries on the page in this visit of the blog, to remember
 * (core/liveblog/visits.ts). Sent when they change, at most once a second. Answered with a VisitRecall,
 * or null where nothing is remembered (a private window, the feature off).
 */
export interface VisitReport {
  type: 'lagebild/visit';
  /** The blog's article ID. */
  blog: string;
  /** When this visit began (ms): the same in every report of the visit. */
  start: number;
  /** The identities of the entries on the page now (core/liveblog/identity.ts). */
  keys: string[];
  /** Entries the page removed since the last report. */
  gone: string[];
  /** The reader marked every entry as seen. */
  allSeen: boolean;
}

/** The background's answer to a VisitReport: when the previous visit began, and the entries known before this one. */
export interface VisitRecall {
  lastVisit: number | null;
  seen: string[];
}

/** Side panel → content script: every entry of the live blog counts as seen. Answered with the new LiveblogState. */
export interface MarkSeenRequest {
  type: 'lagebild/mark-seen';
}

/** Live-blog features → background: what ties an entry to the briefing, in the reader's language. */
export interface LiveblogProfileRequest {
  type: 'lagebild/liveblog-profile';
}

/** The background's answer: the relevance rule's data and the words the in-page markers show. */
export interface LiveblogProfile {
  lang: 'de' | 'en';
  relevance: RelevanceProfile;
  /** Display names: signals by ID, positions by quote ID as "side: position". */
  names: Record<string, string>;
  labels: { marker: string; signals: string; positions: string; close: string; fresh: string };
}

/** Side panel → content script: the live blog's entries about the event. Answered with a LiveblogState. */
export interface LiveblogRequest {
  type: 'lagebild/liveblog';
}

/** One live-blog entry about the event, as the panel lists it. */
export interface LiveEntry {
  id: string;
  /** As the page writes it ("15:40 Uhr"), and as a date where the page gives one. */
  time: string;
  iso: string | null;
  /** The entry's headline, or its first words when it has none (`headline` false). */
  title: string;
  headline: boolean;
  signals: string[];
  positions: string[];
  quoted: string[];
  sides: string[];
  /** The entry's day, "2022-01-21": from its stamp, the day heading above it, a relative time or the page's date. */
  day: string | null;
  /** What tied it to the event, a few short items in the entry's own words ("US-Außenminister", "Krisentreffen"). */
  evidence: string[];
  /** Not on the page at any earlier visit of this blog (false on a first visit, or when visits are not remembered). */
  fresh: boolean;
}

/** Content script → side panel (answer and news): the entries about the event, newest first. */
export interface LiveblogState {
  type: 'lagebild/liveblog-state';
  entries: LiveEntry[];
  /** Entries the blog holds in all, about the event or not. */
  total: number;
  /** The entry whose in-page marker the reader clicked last, for the panel to show. */
  focus: string | null;
  /** The blog's current day, "2025-03-14" (the page's date, else its newest entry's): other days show their date. */
  today: string | null;
  /** When the reader's previous visit of this blog began (ms since the epoch); null on a first visit or when not remembered. */
  lastVisit: number | null;
}

/** Side panel → content script: scroll to and mark a live-blog entry. Answered with a ShowQuoteResult. */
export interface ShowEntryRequest {
  type: 'lagebild/show-entry';
  id: string;
}

/** Entries a visit report carries at most, as many as the record of visits keeps. */
const MAX_VISIT_KEYS = 2000;
const visitKeys = (raw: unknown): string[] | null =>
  Array.isArray(raw) && raw.length <= MAX_VISIT_KEYS && raw.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 64) ? (raw as string[]) : null;

export function parseVisitReport(raw: Record<string, unknown>): VisitReport | null {
  const { blog, start } = raw;
  const keys = visitKeys(raw.keys);
  const gone = visitKeys(raw.gone);
  if (typeof blog !== 'string' || !/^\w{1,64}$/.test(blog) || parseTime(start) === null || keys === null || gone === null) return null;
  return { type: 'lagebild/visit', blog, start: start as number, keys, gone, allSeen: raw.allSeen === true };
}

/** Checks the background's answer to a visit report; null where nothing is remembered. */
export function parseVisitRecall(raw: unknown): VisitRecall | null {
  if (!isRecord(raw)) return null;
  const seen = visitKeys(raw.seen);
  return seen === null ? null : { lastVisit: parseTime(raw.lastVisit), seen };
}

/** Entries a state carries at most: the panel lists the newest. */
export const MAX_LIVE_ENTRIES = 100;
const MAX_TEXT = 400;

const shortText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

function parseLiveEntry(raw: unknown): LiveEntry | null {
  if (!isRecord(raw)) return null;
  const [id] = parseIds([raw.id]);
  const { time, iso, title } = raw;
  if (id === undefined || !shortText(time) || !shortText(title) || (iso !== null && !shortText(iso))) return null;
  return {
    id,
    time,
    iso: iso ?? null,
    title,
    headline: raw.headline === true,
    signals: parseIds(raw.signals),
    positions: parseIds(raw.positions),
    quoted: parseIds(raw.quoted),
    sides: parseIds(raw.sides),
    day: parseDay(raw.day),
    evidence: parseIds(raw.evidence).slice(0, MAX_EVIDENCE),
    fresh: raw.fresh === true,
  };
}

/** Evidence items an entry carries at most. */
const MAX_EVIDENCE = 6;

/** Checks a content script's live-blog state before the panel shows any of it. */
export function parseLiveblogState(raw: unknown): LiveblogState | null {
  if (!isRecord(raw) || !Array.isArray(raw.entries) || !isCount(raw.total)) return null;
  const entries = raw.entries.slice(0, MAX_LIVE_ENTRIES).map(parseLiveEntry).filter((e): e is LiveEntry => e !== null);
  const [focus] = parseIds([raw.focus]);
  return { type: 'lagebild/liveblog-state', entries, total: raw.total, focus: focus ?? null, today: parseDay(raw.today), lastVisit: parseTime(raw.lastVisit) };
}

const stringList = (raw: unknown): string[] | null => (Array.isArray(raw) && raw.every(isString) ? raw : null);

/** Checks the background's live-blog profile before the content script judges anything by it. */
export function parseLiveblogProfile(raw: unknown): LiveblogProfile | null {
  if (!isRecord(raw) || !isRecord(raw.relevance) || !isRecord(raw.names) || !isRecord(raw.labels)) return null;
  const { lang, relevance, names, labels } = raw;
  const event = parseEventInWords(relevance.event);
  if ((lang !== 'de' && lang !== 'en') || event === null || !Array.isArray(relevance.positions)) return null;
  const positions = relevance.positions.map((p: unknown) =>
    isRecord(p) && isString(p.id) && isString(p.side) && stringList(p.cues) && stringList(p.quote)
      ? { id: p.id, side: p.side, cues: p.cues as string[], quote: p.quote as string[] }
      : null,
  );
  if (positions.includes(null)) return null;
  if (!Object.values(names).every(isString)) return null;
  const { marker, signals: signalsLabel, positions: positionsLabel, close, fresh } = labels;
  if (![marker, signalsLabel, positionsLabel, close, fresh].every(isString)) return null;
  return {
    lang,
    relevance: { event, positions: positions as RelevanceProfile['positions'] },
    names: names as Record<string, string>,
    labels: { marker, signals: signalsLabel, positions: positionsLabel, close, fresh } as LiveblogProfile['labels'],
  };
}
