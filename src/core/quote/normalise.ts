/**
 * The form in which quote and page are compared, and the words of a text in that form. Quote and page are folded alike,
 * so that typographic quote marks, soft hyphens, umlaut spellings, accents and the like do not tell them apart.
 */

/**
 * The index folds the page as one string, its nodes' data joined by this character, which no step changes; where it
 * ends up tells where each node's part starts. Not a noncharacter such as U+FFFF: the minifier writes it out raw, and
 * Chrome refuses a content script holding one as "not UTF-8".
 */
export const SEPARATOR = '\ufffc';

/** Accents as NFKD leaves them, quote marks, soft hyphens and zero-width characters. */
const DROPPED = /[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff"'„“”‟«»‚‘’‛‹›]/g;
/**
 * Where all other combining marks are; German text has none, so the slow Unicode-property pass is rarely needed.
 * Each range starts one before its first mark, so that no mark stands after another character in the class.
 */
const OTHER_MARKS = /[\u0482-\u1fff\u20cf-\ufe2f]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const WHITESPACE = /\s{2,}|[^\S ]/g;

/** ES2024, in every browser the extension supports; the project's TypeScript library is ES2023. */
interface WellFormed {
  toWellFormed(): string;
}

/**
 * Lower-case, compatibility-decomposed, without accents and other combining marks, ß as ss, final sigma as sigma,
 * without quote marks, soft hyphens and zero-width characters, every dash as '-', lone surrogates as U+FFFD, whitespace
 * runs as one space (not trimmed). Native passes over the whole string, which a cold page pays far less for than a
 * loop. Character by character the result is the same, so a prefix of one node's data folds to where the page's fold
 * put it (the index relies on that to find DOM points).
 */
export function fold(text: string): string {
  let folded = (text as unknown as WellFormed).toWellFormed().normalize('NFKD').toLowerCase().replace(DROPPED, '');
  if (OTHER_MARKS.test(folded)) folded = folded.replace(/\p{M}/gu, '');
  return folded
    .replace(DASHES, '-')
    .replaceAll('ß', 'ss')
    .replaceAll('ς', 'σ')
    .replace(WHITESPACE, ' ');
}

/** Text that holds SEPARATOR itself reads it as U+FFFD. */
export function clean(text: string): string {
  return text.replaceAll(SEPARATOR, '\ufffd');
}

/** `fold`, trimmed: how a quote is compared. */
export function normaliseForMatch(text: string): string {
  return fold(clean(text)).trim();
}

const wordClass = new Uint8Array(0x10000);

/** Letters and digits make words; surrogates count as letters so that a character outside the BMP is never split. */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  let known = wordClass[code];
  if (known === 0) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    wordClass[code] = known;
  }
  return known === 1;
}

/**
 * Everything `sketch` folds one character at a time: all but ASCII other than quote marks, umlauts and ß (replaced
 * natively below, there are thousands of them on a long German page), and no-break space and dashes, which separate
 * words either way. Not a /u pattern: in Chromium one takes several times as long for each character it finds.
 */
const UNCOMMON = /[\ud800-\udbff][\udc00-\udfff]|[^\0-!#-&(-\x7f\u00a0\u00df\u00e4\u00f6\u00fc\u2013\u2014]/g;

/**
 * A long page's text with the word units `fold` gives it (what lies between words may differ), in a few native passes
 * and without NFKD over the whole page, which cost a cold page several times as much. A page has few kinds of uncommon
 * characters, each folded once.
 */
export function sketch(text: string): string {
  const folded = new Map<string, string>();
  const foldOnce = (char: string): string => {
    let form = folded.get(char);
    if (form === undefined) folded.set(char, (form = fold(char)));
    return form;
  };
  return text.toLowerCase().replace(UNCOMMON, foldOnce).replaceAll('ä', 'a').replaceAll('ö', 'o').replaceAll('ü', 'u').replaceAll('ß', 'ss');
}

export interface Span {
  start: number;
  end: number;
}

/** Up to `count` words of `text` from `from` on. */
export function wordSpans(text: string, from: number, count: number): Span[] {
  const spans: Span[] = [];
  let i = from;
  while (i < text.length && spans.length < count) {
    while (i < text.length && !isWordUnit(text.charCodeAt(i))) i++;
    if (i === text.length) break;
    const start = i;
    while (i < text.length && isWordUnit(text.charCodeAt(i))) i++;
    spans.push({ start, end: i });
  }
  return spans;
}

/** Words of a normalised text with where each stands in it. */
export interface Words {
  text: string;
  spans: Span[];
  list: string[];
}

export function wordsOf(text: string, spans: Span[] = wordSpans(text, 0, Infinity)): Words {
  return { text, spans, list: spans.map(({ start, end }) => text.slice(start, end)) };
}

/** Where the `count`-th word before `position` starts (the text's start if there are fewer). */
export function wordStartBefore(text: string, position: number, count: number): number {
  let seen = 0;
  let i = position;
  while (i > 0 && seen < count) {
    while (i > 0 && !isWordUnit(text.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    while (i > 0 && isWordUnit(text.charCodeAt(i - 1))) i--;
    seen++;
  }
  return i;
}

/**
 * The next place from `from` on where `needle` stands without being part of a longer word. Unless the text is `ended`,
 * a place running up to its end is not taken: the next character, still unread, may continue the word.
 */
export function indexOfWhole(text: string, needle: string, from: number, ended = true): number {
  const wordAtStart = isWordUnit(needle.charCodeAt(0));
  const wordAtEnd = isWordUnit(needle.charCodeAt(needle.length - 1));
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (wordAtStart && at > 0 && isWordUnit(text.charCodeAt(at - 1))) continue;
    if (wordAtEnd && (end < text.length ? isWordUnit(text.charCodeAt(end)) : !ended)) continue;
    return at;
  }
  return -1;
}
