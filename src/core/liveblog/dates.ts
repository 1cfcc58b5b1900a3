/**
 * Every live-blog entry's day ("2022-01-21"), in Germany's time, from the first of these it has:
 * 1. its stamp's `datetime` ("2022-01-21T15:40:00+01:00");
 * 2. a date in its stamp's text ("21.01.2022, 15:40", "21. Januar 2022 - 15.40", "21.01., 15:40");
 * 3. a relative stamp ("vor 5 Minuten", "gestern, 15:40") against the `now` passed in;
 * 4. the day heading above it ("Mittwoch, 26. Januar 2022"), looked for among a bounded number of
 *    elements before its stamp and before each of the stamp's ancestors, and remembered per element:
 *    the entry above has already found it, so a long blog is not walked once per entry;
 * 5. the page's own date: its structured data's `dateModified`, its metadata, the header's date.
 * A date without a year takes the page's (or the one before, when it would lie ahead of it).
 * Pure: DOM types only; the clock is an argument.
 */

const SHOW_TEXT = 4;

/** Month names and their usual short forms, German and English, lower case without the dot. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januar jänner january jan', 1], ['februar february feb', 2], ['märz maerz march mär mar mrz', 3], ['april apr', 4],
    ['mai may', 5], ['juni june jun', 6], ['juli july jul', 7], ['august aug', 8], ['september sep sept', 9],
    ['oktober october okt oct', 10], ['november nov', 11], ['dezember december dez dec', 12],
  ].flatMap(([names, month]) => String(names).split(' ').map((name) => [name, Number(month)] as const)),
);
const MONTH_WORD = String.raw`[A-Za-zÄä]{3,9}\.?`;

/** The names and short forms of a month (1 to 12), lower case. */
export function monthNames(month: number): string[] {
  return [...MONTHS].filter(([, m]) => m === month).map(([name]) => name);
}

export function monthOf(word: string): number | null {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}

const WEEKDAYS: readonly (readonly string[])[] = [
  ['sonntag', 'sunday'], ['montag', 'monday'], ['dienstag', 'tuesday'], ['mittwoch', 'wednesday'],
  ['donnerstag', 'thursday'], ['freitag', 'friday'], ['samstag', 'sonnabend', 'saturday'],
];

/** Every weekday's names, lower case. */
export const allWeekdayNames = (): readonly string[] => WEEKDAYS.flat();

/** The names of a day's weekday, lower case ("freitag", "friday"). */
export function weekdayNames(day: string): readonly string[] {
  return WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()] ?? [];
}

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, ein: 1, eine: 1, einem: 1, einer: 1, einen: 1, zwei: 2, two: 2, drei: 3, three: 3, vier: 4, four: 4,
  fünf: 5, five: 5, sechs: 6, six: 6, sieben: 7, seven: 7, acht: 8, eight: 8, neun: 9, nine: 9, zehn: 10, ten: 10, elf: 11, zwölf: 12,
};
/**
 * Each unit in days or in calendar months, and how far off a text that counts in it may be. Weeks are
 * rounded as days are not: "vor vier Wochen" may be five, so a count of weeks may be off by two days a week.
 */
const WEEK_DAYS = 7;
const WEEK_ROUNDING = 2;
const UNITS: readonly [RegExp, { days: number } | { months: number }, number][] = [
  [/^(?:tag|day)/i, { days: 1 }, 1], [/^(?:woche|week)/i, { days: WEEK_DAYS }, 4], [/^(?:monat|month)/i, { months: 1 }, 10], [/^(?:jahr|year)/i, { months: 12 }, 10],
];

/** `day` moved back by `months` calendar months (the 31st to the month's last day). */
function monthsBefore(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return valid(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(d, last)) ?? day;
}
const AMOUNT = String.raw`(\d{1,2}|[A-Za-zäöü]{1,6})`;
const UNIT = String.raw`(Tag|Woche|Monat|Jahr|day|week|month|year)[a-z]*`;
const ELAPSED = new RegExp(
  [
    String.raw`\bvor\s+(?:genau\s+|fast\s+|gut\s+|rund\s+|knapp\s+|etwa\s+)?${AMOUNT}\s+${UNIT}`,
    String.raw`\b${AMOUNT}\s+${UNIT}\s+(?:nach|ago|after)\b`,
    String.raw`\b${AMOUNT}\s+${UNIT}\s+(?:ist|sind)\s+es\s+her\b`,
  ].join('|'),
  'gi',
);

/** A span of time a text counts back from its own day ("vor fünf Wochen", "Zwei Jahre nach", "Ein Jahr ist es her", "a year ago"): the day it points at. */
export interface PointBack {
  /** The words that count back, as the text has them. */
  text: string;
  day: string;
  /** Days the text may be off by. */
  tolerance: number;
}

/** Every day `text`, written on `day`, points back to by counting ("vor fünf Wochen" on 24 February: 20 January). */
export function pointsBack(text: string, day: string): PointBack[] {
  const out: PointBack[] = [];
  for (const m of text.matchAll(ELAPSED)) {
    const amountWord = (m[1] ?? m[3] ?? m[5] ?? '').toLowerCase();
    const amount = /^\d/.test(amountWord) ? Number(amountWord) : NUMBERS[amountWord];
    const unit = UNITS.find(([pattern]) => pattern.test(m[2] ?? m[4] ?? m[6] ?? ''));
    if (amount === undefined || unit === undefined) continue;
    const [, step, least] = unit;
    const tolerance = 'days' in step && step.days === WEEK_DAYS ? Math.max(least, amount * WEEK_ROUNDING) : least;
    out.push({ text: m[0], day: 'days' in step ? addDays(day, -amount * step.days) : monthsBefore(day, amount * step.months), tolerance });
  }
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** A year written with two digits or none, read against the day `ref` (the page's): never more than a day ahead of it. */
function withYear(year: string | undefined, month: number, day: number, ref: string | null): string | null {
  if (year !== undefined) return valid(year.length === 2 ? 2000 + Number(year) : Number(year), month, day);
  if (ref === null) return null;
  const refYear = Number(ref.slice(0, 4));
  const same = valid(refYear, month, day);
  return same !== null && same > addDays(ref, 1) ? valid(refYear - 1, month, day) : same;
}

const NUMERIC = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2})(?!\d))?/;
const NAMED = new RegExp(String.raw`(?<!\d)(\d{1,2})\.?\s+(${MONTH_WORD})(?:\s+(\d{4}))?`);
const NAMED_EN = new RegExp(String.raw`(${MONTH_WORD})\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?`);
const ISO_DAY = /(\d{4})-(\d{2})-(\d{2})/;

/** The first date written in `text`, as a day; `ref` gives the year where the text has none. */
export function dayInText(text: string, ref: string | null): string | null {
  const iso = ISO_DAY.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC.exec(text);
  if (numeric) return withYear(numeric[3], Number(numeric[2]), Number(numeric[1]), ref);
  const named = NAMED.exec(text);
  const month = named && monthOf(named[2] ?? '');
  if (named && month) return withYear(named[3], month, Number(named[1]), ref);
  const en = NAMED_EN.exec(text);
  const enMonth = en && monthOf(en[1] ?? '');
  return en && enMonth ? withYear(en[3], enMonth, Number(en[2]), ref) : null;
}

/** Each form of a date, looked for on its own: a month name's words must not hide a day from the others ("vom 10. Januar"). */
const DATE_FORMS = [NUMERIC, NAMED, NAMED_EN].map((r) => new RegExp(r.source, 'g'));

/** Every date written in `text` ("vom 10. Januar", "am 21.01.", "January 21"), as days; `ref` gives the year where the text has none. */
export function daysInText(text: string, ref: string | null): string[] {
  const out: string[] = [];
  for (const form of DATE_FORMS) {
    for (const m of text.matchAll(form)) {
      const day = dayInText(m[0], ref);
      if (day !== null) out.push(day);
    }
  }
  return out;
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

let berlin: Intl.DateTimeFormat | null = null;
const HOUR_MS = 3_600_000;
/** Germany's day by UTC hour, as formatted last: a live blog's entries fall in few hours. */
const dayByHour = new Map<number, string>();
const DAYS_KEPT = 64;

/**
 * The day in Germany at the moment `ms`: the live blog's day, wherever the reader is. Germany's
 * midnight and its clock changes fall on a full UTC hour, so one UTC hour is one day there: the
 * formatter, some 25 µs a call, runs once an hour of entries.
 */
export function berlinDay(ms: number): string {
  const hour = Math.floor(ms / HOUR_MS);
  const known = dayByHour.get(hour);
  if (known !== undefined) return known;
  // Made once: building a formatter costs more than formatting a thousand dates.
  berlin ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
  const day = berlin.format(ms);
  if (dayByHour.size >= DAYS_KEPT) dayByHour.clear();
  dayByHour.set(hour, day);
  return day;
}

/** A machine date ("2022-01-21T23:30:00Z", "2022-01-21") as Germany's day. */
export function dayOfIso(value: string): string | null {
  const day = ISO_DAY.exec(value);
  if (day === null || day.index !== 0) return null;
  // A time with its offset is the moment: in Germany it may be the next day. A bare date is the day.
  if (!/T\d/.test(value) || !/(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) return valid(Number(day[1]), Number(day[2]), Number(day[3]));
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : berlinDay(ms);
}

const RELATIVE = /^(?:vor\s+(\d{1,3}|einer?)\s+(Sek|Min|Std|Stunde|Tag|Woche)[a-z.]*|(gerade|soeben|jetzt|heute|gestern|vorgestern)\b)/i;
const UNIT_MS: Record<string, number> = { sek: 1000, min: 60_000, std: 3_600_000, stunde: 3_600_000, tag: 86_400_000, woche: 604_800_000 };
const WORD_DAYS: Record<string, number> = { gerade: 0, soeben: 0, jetzt: 0, heute: 0, gestern: 1, vorgestern: 2 };

/** A relative time ("vor 5 Minuten", "vor einer Stunde", "gestern, 15:40", "heute") as the day it names. */
export function dayOfRelative(text: string, now: number): string | null {
  const m = RELATIVE.exec(text.trim());
  if (m === null) return null;
  if (m[3] !== undefined) return addDays(berlinDay(now), -(WORD_DAYS[m[3].toLowerCase()] ?? 0));
  const amount = /^\d/.test(m[1] ?? '') ? Number(m[1]) : 1;
  return berlinDay(now - amount * (UNIT_MS[(m[2] ?? '').toLowerCase()] ?? 0));
}

const WEEKDAY = String.raw`(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*`;
/** A day heading's whole text: a weekday perhaps, a date, and no clock time. */
const HEADING = new RegExp(String.raw`^(?:${WEEKDAY})?(?:\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?|\d{1,2}\.?\s+${MONTH_WORD}(?:\s+\d{4})?|${MONTH_WORD}\s+\d{1,2},?(?:\s+\d{4})?|\d{4}-\d{2}-\d{2})$`);
const MAX_HEADING = 40;

/** The day a day heading's text names ("Mittwoch, 26. Januar 2022"); null for any other text. */
export function dayOfHeading(text: string, ref: string | null): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed.length > MAX_HEADING || !HEADING.test(trimmed)) return null;
  return dayInText(trimmed, ref);
}

/** Whether `el` is a day heading between entries: never an entry's headline. */
export function isDayHeading(el: Element): boolean {
  const text = el.textContent;
  return text.length <= MAX_HEADING * 2 && HEADING.test(text.replace(/\s+/g, ' ').trim());
}

interface JsonDates {
  dateModified?: unknown;
  datePublished?: unknown;
}

/** The newest date a page's structured data gives ("dateModified" before "datePublished"). */
function jsonLdDay(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? (data as unknown[]) : [data]) {
      const { dateModified, datePublished } = (item ?? {}) as JsonDates;
      const day = [dateModified, datePublished].map((v) => (typeof v === 'string' ? dayOfIso(v) : null)).find((d) => d !== null);
      if (day) return day;
    }
  }
  return null;
}

/** The header's date ("21.01.2022 - 06:00 Uhr" in `app-story-date` [cited in tests/fixtures/HANDELSBLATT-DOM.md]). */
const PAGE_DATES = 'meta[property="article:modified_time"], meta[property="article:published_time"], app-story-date, header time[datetime]';

/** The page's own date: its structured data, else its metadata or header. Null when it gives none. */
export function pageDay(doc: Document): string | null {
  const fromData = jsonLdDay(doc);
  if (fromData !== null) return fromData;
  for (const el of doc.querySelectorAll(PAGE_DATES)) {
    const value = el.getAttribute('content') ?? el.getAttribute('datetime');
    const day = value !== null ? dayOfIso(value) : dayInText(el.textContent, null);
    if (day !== null) return day;
  }
  return null;
}

/** Elements looked at before the stamp, and before each of its ancestors, for a day heading. */
const LOOK_BACK = 24;
/**
 * How far up from the stamp a day heading may stand: beside the entry (flat markup), beside the
 * element around the entry (a day's group), in markup that wraps the stamp a few levels deep.
 */
const LEVELS = 7;

/** A stamp's own day: its machine date, a date in its text, or its relative time. */
export function stampDay(stamp: Element, ref: string | null, now: number): string | null {
  const attr = stamp.getAttribute('datetime');
  const fromAttr = attr === null ? null : dayOfIso(attr.trim());
  if (fromAttr !== null) return fromAttr;
  const text = stamp.textContent;
  return dayOfRelative(text, now) ?? dayInText(text, ref);
}

/** The days of one page's entries, with what it remembers of the day headings it found. */
export class EntryDays {
  /** For an element before or at an entry: the day of the nearest heading above it (null: none within reach). */
  private readonly above = new WeakMap<Element, string | null>();
  private page: string | null | undefined;

  constructor(private readonly doc: Document) {}

  /** The page's date, read once until `reset`. */
  pageDay(): string | null {
    if (this.page === undefined) this.page = pageDay(this.doc);
    return this.page;
  }

  /** The page was replaced or re-split: its date and its headings are read again. */
  reset(): void {
    this.page = undefined;
  }

  /** The entry's day: its stamp's, the day heading above it, else the page's. */
  dayOf(stamp: Element, now: number): string | null {
    const ref = this.pageDay();
    return stampDay(stamp, ref, now) ?? this.headingAbove(stamp, ref, LEVELS) ?? ref;
  }

  private headingAbove(el: Element, ref: string | null, levels: number): string | null {
    const known = this.above.get(el);
    if (known !== undefined) return known;
    let found: string | null | undefined;
    let at = el.previousElementSibling;
    for (let n = 0; at !== null && n < LOOK_BACK && found === undefined; n++, at = at.previousElementSibling) {
      const heading = textFits(at) ? dayOfHeading(at.textContent, ref) : null;
      found = heading ?? this.above.get(at);
    }
    const parent = el.parentElement;
    if (found === undefined) found = at === null && parent !== null && levels > 1 ? this.headingAbove(parent, ref, levels - 1) : null;
    this.above.set(el, found);
    return found;
  }
}

/** Cheap first test: a heading's text is short, so an element with much text is none. */
function textFits(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    length += (node.nodeValue ?? '').length;
    if (length > MAX_HEADING * 2) return false;
  }
  return length > 0;
}
