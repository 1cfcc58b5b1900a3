/**
 * Which live-blog entries are about the briefing's event, judged as a careful reader does:
 * - Evidence: its people by name, or by a role while they held it at the entry's date; the event's
 *   names ("Krisentreffen", "die beiden Außenminister"); its place; what came of it in other words;
 *   a quote of it. Each person, the names, the place, each outcome and the quotes are one item each;
 *   a name that says where ("das Genfer Treffen") is its place too. A role is a phrase of the
 *   briefing, or a word for the country beside one for the office ("Moskaus" + "Ressortchef"). What
 *   it promised, named beside its sender, is that sender's answer.
 *   A word for any meeting ("Begegnung", "talks") is its name beside one of its people or its place,
 *   on its day and the two after, where the entry dates nothing to another day; and alone where the
 *   reader knows which meeting is meant: "das Treffen" on its day, "das Treffen am Freitag" in its
 *   days. "Ein Treffen" is a new one, "das Treffen mit Kuleba" someone else's.
 * - From the day the event was announced to the day what it promised ran out, an entry counts with
 *   two items: one is never enough ("Genf" at the UN, "Sicherheitsgarantien" at a Nato exercise).
 *   An entry that dates something to before the announcement ("das Gespräch in Genf vom 10. Januar"),
 *   or names the people of another meeting that shares its words, speaks of that meeting unless it
 *   names one of the event's people or what the event alone produced. The two of them by what they
 *   share ("die beiden Außenminister") name it on its day only.
 * - Before that, nothing counts. After it, or with no date at all, an entry counts only where it
 *   refers back to the event: a phrase that does ("die in Genf zugesagte Antwort"), or its name,
 *   place or both its people with its time ("im Januar 2022", "vor Kriegsbeginn"). So a later
 *   meeting of the same people, the same city or demand years later, and the role held by someone
 *   else do not count. An undated entry is judged as a late one: nothing says it is of those days,
 *   and a list about one January should not fill with entries that only share its words.
 * Pure: text and day in, verdict out; the event's words are the briefing's, the rule has only the
 * language's own (articles, weekdays, months, counts of time).
 */
import { allWeekdayNames, daysBetween, daysInText, monthNames, pointsBack, weekdayNames } from './dates';
import { fold, indexOfExactly, isDefinite, PhraseIndex, spanText, tokens, words, type Found, type Phrase, type Tokens } from './phrases';

export { words } from './phrases';

/** A person of the event, by the names the news gives them. */
export interface EventPerson {
  id: string;
  names: string[];
  /** The side they speak for, an ID of the briefing's sides. */
  side: string | null;
}

/** A role and who held it when: a role names its holder only while they held it. */
export interface EventOffice {
  /** How the news names the role ("US-Außenminister", "der amerikanische Chefdiplomat"). */
  terms: string[];
  /**
   * The role as the news composes it, beside `terms`: a word for its country before a word for the
   * office ("russische" + "Chefdiplomat", "Moskaus" + "oberste Diplomat") or after it ("Außenminister"
   * + "aus Moskau"). Every pair is a term.
   */
  composed?: { before: string[]; nouns: string[]; after: string[] };
  /** ISO days, `to` null while held; `person` an ID of `people` or of someone outside the event. */
  holders: { person: string; from: string; to: string | null }[];
}

/** The event in time and in words: what the rule reads. */
export interface EventInWords {
  /** ISO days: when it was announced, when it happened, the last day what it promised ran on. */
  announced: string;
  date: string;
  runsUntil: string;
  people: EventPerson[];
  offices: EventOffice[];
  /** What the news calls it ("Krisentreffen", "das Treffen in Genf", "die beiden Außenminister"). */
  names: string[];
  /**
   * What the news calls any event of its kind ("Treffen", "Begegnung", "talks"): beside one of its
   * people, in the days right after it, such a word names it ("nach der Begegnung mit dem Amerikaner").
   */
  commonNames?: string[];
  /** The two of them by what they share ("die beiden Außenminister"): on its day, a name of it; any other day, another pair. */
  pair?: string[];
  /**
   * Words of other events that share its words: the people of another meeting in the same city
   * ("Sherman", "Rjabkow"). An entry naming one speaks of that meeting unless it names one of the event's people.
   */
  others?: string[];
  places: string[];
  /**
   * What came of it, in other words, by outcome. `alone`: named so that nothing else is meant (the
   * answer it promised, by its sender), it is evidence enough by itself from the event to `runsUntil`.
   * `of` and `by`: one of the outcomes `of` named beside one of `by` is this one ("Die USA haben ihre
   * Antwort zu Papier gebracht", "die Antwort aus den USA": the answer, and its sender).
   */
  outcomes: { id: string; terms: string[]; alone?: boolean; of?: string[]; by?: string[] }[];
  /** Phrases with which a later text refers back to it ("die in Genf zugesagte Antwort"). */
  references: string[];
  /** Its time in other words ("vor Kriegsbeginn"); its date, month and year the rule writes itself. */
  when: string[];
}

export interface TalkPosition {
  /** The position's quote ID, which the briefing's view links to. */
  id: string;
  side: string;
  /** Words that show an entry touches this position. */
  cues: string[];
  /** The quote in each language: an entry repeating five words of it in a row quotes it. */
  quote: string[];
}

export interface RelevanceProfile {
  event: EventInWords;
  positions: TalkPosition[];
}

export interface Relevance {
  /** The kinds of evidence found: person IDs, outcome IDs, `name`, `place`, `reference`, `QUOTE_SIGNAL`. */
  signals: string[];
  /** The evidence in the entry's own words, a few short items ("US-Außenminister", "Krisentreffen", "21.01."). */
  evidence: string[];
  /** IDs of the positions touched, quoted ones first. */
  positions: string[];
  /** IDs of the positions whose quote the entry repeats. */
  quoted: string[];
  sides: string[];
}

export const QUOTE_SIGNAL = 'quote';
/** Items an entry of the event's days needs. */
export const MIN_ITEMS = 2;
/** Evidence items a verdict gives at most. */
const MAX_EVIDENCE = 5;
/** Words in a row an entry must share with a quote to quote it. */
const SHINGLE = 5;
/** Letters an event's word may go on by ("Lawrows", "Genfer", "Amtskollegen"), not a word of its own ("Außenministerium"). */
const MAX_SUFFIX = 2;
/** A month named without its year points back to the event only within this many days of it. */
const MONTH_ALONE_DAYS = 366;
/** A weekday named in the days around the event is the event's day ("am Freitag"). */
const WEEKDAY_DAYS = 6;
/**
 * Days after the event in which a word for any meeting beside one of its people is this meeting
 * ("das Gespräch vom Vortag"): its day and the weekend's reactions, before the people meet others.
 */
const COMMON_DAYS = 2;

type Tag =
  | { kind: 'person'; id: string }
  | { kind: 'office'; index: number }
  | { kind: 'common' | 'pair' | 'other' | 'place' | 'reference' | 'when' | 'month' | 'weekday' }
  /** `place`: the name says where too ("das Genfer Treffen"), and is its place as well. */
  | { kind: 'name'; place: boolean }
  | { kind: 'outcome' | 'by'; id: string }
  | { kind: 'otherWeekday'; name: string };

export interface CompiledProfile {
  event: EventInWords;
  phrases: PhraseIndex<Tag>;
  sides: Map<string, string | null>;
  positions: { id: string; side: string; cues: PhraseIndex<true>; shingles: Set<string>; marked: string[][] }[];
}

/** The words a quote sets in quotation marks of its own („offen und nützlich“): shared, they quote it. */
function markedPhrases(quote: string): string[][] {
  return [...quote.matchAll(/[„“"]([^„“”"]{3,80})[“”"]/g)].map((m) => words(m[1] ?? '')).filter((p) => p.length >= 2);
}

function shingles(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= list.length; i++) out.push(list.slice(i, i + SHINGLE).join(' '));
  return out;
}

const phrase = <T>(text: string, tag: T): Phrase<T> => ({ words: words(text), tag });

/** The event's date as texts write it: "21. Januar", "January 21", "21.01.2022", "Januar 2022" (and the month alone). */
function datePhrases(date: string): Phrase<Tag>[] {
  const [year = '', month = '', day = ''] = date.split('-');
  const d = String(Number(day));
  const when = (...list: string[]): Phrase<Tag> => ({ words: list, tag: { kind: 'when' }, exact: true });
  const out = [day, d].flatMap((dd) => [when(dd, month, year), when(dd, String(Number(month)), year)]);
  for (const name of monthNames(Number(month)).map(fold)) {
    out.push(when(name, year), when(d, name), when(name, d), { words: [name], tag: { kind: 'month' }, exact: true });
  }
  const own = weekdayNames(date);
  for (const name of allWeekdayNames()) out.push({ words: [name], tag: own.includes(name) ? { kind: 'weekday' } : { kind: 'otherWeekday', name }, exact: true });
  return out;
}

/** An office's terms, and the pairs it composes. */
function officeTerms({ terms, composed }: EventOffice): string[] {
  if (composed === undefined) return terms;
  const { before, nouns, after } = composed;
  return [...terms, ...before.flatMap((b) => nouns.map((n) => `${b} ${n}`)), ...nouns.flatMap((n) => after.map((a) => `${n} ${a}`))];
}

export function compileProfile(profile: RelevanceProfile): CompiledProfile {
  const { event } = profile;
  const places = new PhraseIndex(event.places.map((p) => phrase(p, true as const)), MAX_SUFFIX);
  const all: Phrase<Tag>[] = [
    ...event.people.flatMap((p) => p.names.map((n) => phrase<Tag>(n, { kind: 'person', id: p.id }))),
    ...event.offices.flatMap((o, index) => officeTerms(o).map((t) => phrase<Tag>(t, { kind: 'office', index }))),
    ...event.names.map((n) => phrase<Tag>(n, { kind: 'name', place: places.find(tokens(n)).length > 0 })),
    ...(event.commonNames ?? []).map((n) => phrase<Tag>(n, { kind: 'common' })),
    ...(event.pair ?? []).map((n) => phrase<Tag>(n, { kind: 'pair' })),
    ...(event.others ?? []).map((n) => phrase<Tag>(n, { kind: 'other' })),
    ...event.places.map((n) => phrase<Tag>(n, { kind: 'place' })),
    ...event.outcomes.flatMap((o) => o.terms.map((t) => phrase<Tag>(t, { kind: 'outcome', id: o.id }))),
    ...event.outcomes.flatMap((o) => (o.by ?? []).map((t) => phrase<Tag>(t, { kind: 'by', id: o.id }))),
    ...event.references.map((n) => phrase<Tag>(n, { kind: 'reference' })),
    ...event.when.map((n) => phrase<Tag>(n, { kind: 'when' })),
    ...datePhrases(event.date),
  ];
  return {
    event,
    phrases: new PhraseIndex(all.filter((p) => p.words.length > 0), MAX_SUFFIX),
    sides: new Map(event.people.map((p) => [p.id, p.side])),
    positions: profile.positions.map((p) => ({
      id: p.id,
      side: p.side,
      cues: new PhraseIndex(p.cues.map((c) => phrase(c, true as const)).filter((c) => c.words.length > 0)),
      shingles: new Set(p.quote.flatMap((q) => shingles(words(q)))),
      marked: p.quote.flatMap(markedPhrases),
    })),
  };
}

/** Who a role names on `day`: its holder then, or nobody when the day is unknown. */
function holderOn(office: EventOffice | undefined, day: string | null): string | null {
  if (office === undefined || day === null) return null;
  return office.holders.find((h) => h.from <= day && (h.to === null || day <= h.to))?.person ?? null;
}

/** Words that may stand between an outcome and its sender for the one to name the other ("Russland erwartet von den USA nächste Woche eine Antwort"). */
const SENDER_REACH = 3;
type Span = { from: number; to: number };
const near = (a: Span, b: Span): boolean => a.from - b.to <= SENDER_REACH && b.from - a.to <= SENDER_REACH;

/** The entry's evidence: one item per key, each with its first words in the entry. */
class Items {
  readonly found = new Map<string, string>();
  /** The entry names another event's people: no item, a sign it speaks of that event. */
  other = false;

  add(key: string, text: string): void {
    if (!this.found.has(key)) this.found.set(key, text);
  }

  has(key: string): boolean {
    return this.found.has(key);
  }

  /** Items that are evidence of the event on its days; without what came of it, before it happened. */
  count(outcomes = true): number {
    let n = 0;
    for (const key of this.found.keys()) if (key !== 'month' && (outcomes || !key.startsWith('outcome:'))) n++;
    return n;
  }
}

/**
 * The items the entry's phrases give on its day. A role gives its holder then; the event's date,
 * month or weekday point at it only on another day than its own ("am Freitag" is the event's day
 * in the days around it, and just today on it). `named`: the dates the entry writes.
 */
function collect(text: Tokens, found: Found<Tag>[], profile: CompiledProfile, day: string | null, named: readonly string[]): Items {
  const items = new Items();
  const { date, offices } = profile.event;
  const onOtherDay = day !== date;
  let common = '';
  let definite = '';
  // Where each outcome and each outcome's sender stand in the entry, by the outcome's ID.
  const outcomesAt = new Map<string, Span[]>();
  const sendersOf = new Map<string, Span[]>();
  const at = (map: Map<string, Span[]>, id: string, span: Span): void => {
    map.set(id, [...(map.get(id) ?? []), span]);
  };
  // A day named that is neither the event's nor the entry's own is another meeting's ("ihr Treffen mit Lawrow am Dienstag").
  let elsewhere = named.some((d) => d !== date);
  for (const { tag, from, to } of found) {
    const own = spanText(text, from, to);
    if (tag.kind === 'common') {
      common ||= own;
      if (isDefinite(text.words, from, to)) definite ||= own;
    } else if (tag.kind === 'by') at(sendersOf, tag.id, { from, to });
    else if (tag.kind === 'pair') {
      if (day === date) items.add('name', own);
    } else if (tag.kind === 'other') items.other = true;
    else if (tag.kind === 'otherWeekday') elsewhere ||= day === null || !weekdayNames(day).includes(tag.name);
    else if (tag.kind === 'person') items.add(tag.id, own);
    else if (tag.kind === 'outcome') {
      items.add(`outcome:${tag.id}`, own);
      at(outcomesAt, tag.id, { from, to });
    } else if (tag.kind === 'name') {
      items.add('name', own);
      if (tag.place) items.add('place', own);
    } else if (tag.kind === 'office') {
      const person = holderOn(offices[tag.index], day);
      // A role names the event's person only while they held it; held by anyone else, it is no evidence.
      if (person !== null && profile.sides.has(person)) items.add(person, own);
    } else if (tag.kind === 'weekday') {
      if (day !== null && onOtherDay && Math.abs(daysBetween(date, day)) <= WEEKDAY_DAYS) items.add('when', own);
    } else if (tag.kind !== 'when' || onOtherDay) items.add(tag.kind, own);
  }
  for (const { id, of = [] } of profile.event.outcomes) {
    const own = sendersOf.get(id) ?? [];
    const named = of.flatMap((o) => outcomesAt.get(o) ?? []).find((o) => own.some((s) => near(o, s)));
    if (named !== undefined) items.add(`outcome:${id}`, spanText(text, named.from, named.to));
  }
  // A word for any meeting is this one beside its people in the days right after it, and the meeting the reader knows beside
  // its place from its announcement on ("das Außenministertreffen auf ihrem Boden"), where the entry dates nothing to another day.
  const until = day !== null && !elsewhere && daysBetween(date, day) <= COMMON_DAYS;
  const fresh = until && day >= date;
  if (common !== '' && fresh && profile.event.people.some((p) => items.has(p.id))) items.add('name', common);
  else if (definite !== '' && until && day >= profile.event.announced && items.has('place')) items.add('name', definite);
  if (day !== null) {
    const back = pointsBack(text.text, day).find((p) => Math.abs(daysBetween(date, p.day)) <= p.tolerance);
    if (back) items.add('when', back.text);
  }
  // "Das Treffen" the reader knows is the day's meeting on its day, and the meeting of its day where the entry names that day
  // ("das Treffen am Freitag", "vor einem Jahr"); "ein Treffen", "das Treffen mit Kuleba" or one of another day are others.
  if (definite !== '' && !items.has('name') && !elsewhere && !items.other && ((fresh && day === date) || items.has('when'))) items.add('name', definite);
  return items;
}

/** The positions whose quote the entry repeats, and the first words it set in the quote's own marks („offen und nützlich“). */
function quotedPositions(text: Tokens, profile: CompiledProfile): { quoted: CompiledProfile['positions']; marked: string } {
  const own = shingles(text.words);
  let marked = '';
  const quoted = profile.positions.filter((p) => {
    for (const m of p.marked) {
      const at = indexOfExactly(text.words, m);
      if (at === -1) continue;
      marked ||= `„${spanText(text, at, at + m.length)}“`;
      return true;
    }
    return own.some((s) => p.shingles.has(s));
  });
  return { quoted, marked };
}

/**
 * Whether an entry of `day` (null: unknown) counts with these items. `earlier`: the entry dates
 * something to before the event was news ("das Gespräch in Genf vom 10. Januar"), or names another
 * event's people.
 */
function counts(items: Items, profile: CompiledProfile, day: string | null, earlier: boolean): boolean {
  const { announced, runsUntil, date } = profile.event;
  const people = profile.event.people.filter((p) => items.has(p.id)).length;
  const bothPeople = people >= 2 && people === profile.event.people.length;
  if (day !== null && day < announced) return false;
  const alone = profile.event.outcomes.some((o) => o.alone === true && items.has(`outcome:${o.id}`));
  // Its name, place and outcomes are then another meeting's: only its people, or what it alone produced, make it this one.
  if (earlier && people === 0 && !alone && day !== null && day <= runsUntil) return false;
  // Before it happened nothing has come of it yet: an entry must point at the meeting itself.
  if (day !== null && day < date) return items.count(false) >= MIN_ITEMS && (items.has('place') || items.has('when') || bothPeople);
  if (day !== null && day <= runsUntil) return items.count() >= MIN_ITEMS || alone;
  if (items.has('reference')) return true;
  const anchored = items.has('name') || items.has('place') || bothPeople;
  const monthIsEnough = day !== null && daysBetween(date, day) <= MONTH_ALONE_DAYS;
  return anchored && (items.has('when') || (monthIsEnough && items.has('month')));
}

/** Names the signal IDs of the items, the people first. */
function signalIds(items: Items): string[] {
  return [...items.found.keys()].filter((k) => k !== 'month').map((k) => k.replace(/^outcome:/, ''));
}

/** The day as a short date ("21.01."), the evidence that the entry is of the event's days. */
const shortDate = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}.`;

/** The entry's verdict; null when it is not about the event. `day`: the entry's, "2022-01-21", null if unknown. */
export function judgeEntry(text: string, profile: CompiledProfile, day: string | null = null): Relevance | null {
  const list = tokens(text);
  const found = profile.phrases.find(list);
  // Without any of the event's words no entry counts (a date pointing back is one item at most): most of a blog's entries end here.
  if (found.length === 0) return null;
  const { quoted, marked } = quotedPositions(list, profile);
  const named = day !== null ? daysInText(text, day) : [];
  const items = collect(list, found, profile, day, named);
  if (quoted.length > 0) items.add(QUOTE_SIGNAL, marked);
  const cues = profile.positions.map((p) => ({ p, hits: p.cues.find(list) })).filter(({ hits }) => hits.length > 0);
  const { date, runsUntil } = profile.event;
  // What one of its people said there, in a phrase of its own ("schnell, hart" beside the US secretary), is an item once it was said, while it is news.
  const speakers = new Set([...items.found.keys()].map((k) => profile.sides.get(k)).filter(Boolean));
  const saidThere = day !== null && day >= date && day <= runsUntil ? cues.filter(({ p }) => speakers.has(p.side)) : [];
  const said = saidThere.flatMap(({ hits }) => hits).find((h) => h.to - h.from >= 2);
  if (said) items.add('said', spanText(list, said.from, said.to));
  const earlier = named.some((d) => d < profile.event.announced) || items.other;
  if (!counts(items, profile, day, earlier)) return null;
  const cued = cues.map(({ p }) => p).filter((p) => !quoted.includes(p));
  const positions = [...quoted, ...cued];
  const signals = signalIds(items);
  const sides = new Set([...signals.map((s) => profile.sides.get(s) ?? null), ...positions.map((p) => p.side)].filter((s): s is string => s !== null));
  // Only the dates of the event's days are evidence; a late entry's is its reference back.
  const inDays = day !== null && day <= runsUntil;
  const evidence = [...items.found].filter(([key, own]) => own !== '' && key !== 'month').map(([, own]) => own);
  return {
    signals,
    evidence: [...new Set([...evidence.slice(0, MAX_EVIDENCE - (inDays ? 1 : 0)), ...(inDays ? [shortDate(day)] : [])])],
    positions: positions.map((p) => p.id),
    quoted: quoted.map((p) => p.id),
    sides: [...sides],
  };
}
