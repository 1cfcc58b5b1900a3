/**
 * Finds a briefing quote in the text of the open article, for "show in article".
 *
 * The page rarely holds our quote letter for letter: Handelsblatt reworded paragraphs during the day,
 * our received copy has swapped words (see ../shared/source/READING-NOTES.md), and the markup splits
 * sentences into links, `<strong>`, soft hyphens and typographic quotes. So both sides are compared in a
 * normalised form, first as an exact substring, then word by word with a few edits allowed. A quote that
 * is not clearly there gives no match: marking the wrong sentence would be worse than marking none.
 */

/** A position in the page: an offset in one text node, as `Range.setStart` takes it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

export interface QuoteMatch {
  start: TextPoint;
  end: TextPoint;
  /** 1 − edits / quote words: 1 when every word of the quote stands in the page unchanged and in order. */
  score: number;
  /** True when the page has the quote's words unchanged and in order (punctuation and quote marks aside). */
  exact: boolean;
}

/**
 * The normalised text under a root, with the way back to the DOM. A snapshot: rebuild it when the page's
 * text changes (today's site renders the article body in two steps).
 */
export interface TextIndex {
  /** Everything under the root as `normaliseForMatch` would give it; block boundaries and `<br>` are spaces. */
  readonly text: string;
  /** The indexed text nodes, in document order. */
  readonly nodes: readonly Text[];
  /** For each node, where its data starts in the concatenation of all nodes' data. */
  readonly nodeStarts: Int32Array;
  /** For each UTF-16 unit of `text`, the offset in that concatenation of the character it came from. */
  readonly sources: Int32Array;
}

export interface IndexOptions {
  /** Leave out an element and its subtree, e.g. what the extension has hidden. */
  skip?: (element: Element) => boolean;
}

/**
 * How many word edits (a word changed, missing or added) a quote of `wordCount` words may need and still
 * count as found. One per eight words, at most three: the received text's worst quote needs two edits in
 * 30 words (two swapped words, see READING-NOTES.md); a 10-word Lawrow sentence with one word reworded still matches; anything
 * under eight words must match exactly, since a different sentence can easily be one word off a short quote.
 */
export function allowedEdits(wordCount: number): number {
  return Math.min(MAX_EDITS, Math.floor(wordCount / WORDS_PER_EDIT));
}

const WORDS_PER_EDIT = 8;
const MAX_EDITS = 3;

/** An anchor word found more often than this is too common to say where a quote is; later anchors are tried. */
const MAX_ANCHOR_HITS = 64;

/** Alignment costs. A changed word costs a little less than a missing one, so ties keep the changed word inside the span. */
const SUBSTITUTION = 99;
const GAP = 100;

const QUOTE_MARKS = '"\'„“”‟«»‚‘’‛‹›';
const INVISIBLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';

/** Elements laid out in a line: their text joins the surrounding words. Everything else separates words. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time',
  'tt', 'u', 'var', 'wbr',
]);

/** Elements whose text a reader never sees as prose. */
const NOT_PROSE = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'canvas', 'svg', 'math', 'textarea', 'select',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const SPACE = 32;

/**
 * One character's normalised form: '' for quote marks and invisible characters, ' ' for any whitespace,
 * '-' for any dash, U+FFFD for a lone surrogate, otherwise compatibility-decomposed, lower-cased, without
 * accents, ß as ss.
 * Accents go because pages and quotes may spell "ü" precomposed or as u + combining mark.
 */
function foldStep(char: string): string {
  if (char.length === 1 && char >= '\ud800' && char <= '\udfff') return '\ufffd';
  if (QUOTE_MARKS.includes(char) || INVISIBLE.includes(char)) return '';
  if (DASHES.includes(char)) return '-';
  if (/^\s$/u.test(char)) return ' ';
  return char.normalize('NFKD').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replaceAll('ß', 'ss');
}

const foldCache = new Map<string, string>();

/** Folds until nothing changes, so that normalising twice gives what normalising once gives. */
function fold(char: string): string {
  let folded = foldCache.get(char);
  if (folded !== undefined) return folded;
  folded = foldStep(char);
  for (let round = 0; round < 4; round++) {
    const again = Array.from(folded, foldStep).join('');
    if (again === folded) break;
    folded = again;
  }
  foldCache.set(char, folded);
  return folded;
}

/**
 * Decodes the built units in one native call (String.fromCharCode over spread chunks took most of the
 * indexing time). Typed arrays are little-endian on every platform browsers run on; lone surrogates, which
 * the decoder would replace, never reach it because fold() already replaces them.
 */
const utf16 = new TextDecoder('utf-16le');

const DROPPED = -1;
const WHITESPACE = -2;

/** fold() of every ASCII character, as one code, DROPPED or WHITESPACE: the common case of the hot loop. */
const ASCII_FOLD = Int32Array.from({ length: 0x80 }, (_, code) => {
  const folded = fold(String.fromCharCode(code));
  if (folded === '') return DROPPED;
  return folded === ' ' ? WHITESPACE : folded.charCodeAt(0);
});

/** Builds normalised text unit by unit, remembering where each unit came from; whitespace runs become one space. */
class NormalisedText {
  private codes = new Uint16Array(1024);
  private sources = new Int32Array(1024);
  private length = 0;
  private pendingSpace = false;

  /** Appends `data`, whose first character is at `base` in the source. */
  push(data: string, base: number): void {
    // Each ASCII character adds at most itself and one pending space; other characters reserve their own room.
    this.reserve(data.length + 1);
    let { codes, sources, length, pendingSpace } = this;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      const ascii = code < 0x80 ? (ASCII_FOLD[code] ?? DROPPED) : 0;
      if (ascii === DROPPED) continue;
      if (ascii === WHITESPACE) {
        pendingSpace = true;
        continue;
      }
      if (ascii > 0) {
        if (pendingSpace && length > 0) {
          codes[length] = SPACE;
          sources[length++] = base + i;
        }
        pendingSpace = false;
        codes[length] = ascii;
        sources[length++] = base + i;
        continue;
      }
      const pair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(data.charCodeAt(i + 1));
      const folded = fold(pair ? data.slice(i, i + 2) : data.charAt(i));
      this.length = length;
      this.pendingSpace = pendingSpace;
      this.reserve(data.length - i + folded.length + 1);
      for (let k = 0; k < folded.length; k++) this.append(folded.charCodeAt(k), base + i);
      ({ codes, sources, length, pendingSpace } = this);
      if (pair) i++;
    }
    this.length = length;
    this.pendingSpace = pendingSpace;
  }

  /** Words on either side of a block boundary or `<br>` must not run together. */
  boundary(): void {
    this.pendingSpace = true;
  }

  finish(): { text: string; sources: Int32Array } {
    return { text: utf16.decode(this.codes.subarray(0, this.length)), sources: this.sources.slice(0, this.length) };
  }

  /** A pending space is written only before a following character, which trims the text at both ends. */
  private append(unit: number, source: number): void {
    if (unit === SPACE) {
      this.pendingSpace = true;
      return;
    }
    if (this.pendingSpace && this.length > 0) {
      this.codes[this.length] = SPACE;
      this.sources[this.length++] = source;
    }
    this.pendingSpace = false;
    this.codes[this.length] = unit;
    this.sources[this.length++] = source;
  }

  private reserve(units: number): void {
    const needed = this.length + 2 * units;
    if (needed <= this.codes.length) return;
    const capacity = Math.max(needed, this.codes.length * 2);
    const codes = new Uint16Array(capacity);
    codes.set(this.codes.subarray(0, this.length));
    this.codes = codes;
    const sources = new Int32Array(capacity);
    sources.set(this.sources.subarray(0, this.length));
    this.sources = sources;
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The form in which quote and page are compared: lower-case, without accents, quote marks, soft hyphens
 * and zero-width characters, every dash as '-', whitespace (also no-break spaces) collapsed to single
 * spaces and trimmed.
 */
export function normaliseForMatch(text: string): string {
  const out = new NormalisedText();
  out.push(text, 0);
  return out.finish().text;
}

/** The words of a text, normalised: letters and digits; punctuation, quote marks and dashes separate them. */
export function tokens(text: string): string[] {
  const normalised = normaliseForMatch(text);
  return wordSpans(normalised, 0, Infinity).map(({ start, end }) => normalised.slice(start, end));
}

const wordClass = new Uint8Array(0x10000);

/** Letters and digits make words; surrogates count as letters so that a character outside the BMP is never split. */
function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  let known = wordClass[code];
  if (known === 0) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    wordClass[code] = known;
  }
  return known === 1;
}

interface Span {
  start: number;
  end: number;
}

/** Up to `count` words of `text` from `from` on. */
function wordSpans(text: string, from: number, count: number): Span[] {
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

/** Where the `count`-th word before `position` starts (the text's start if there are fewer). */
function wordStartBefore(text: string, position: number, count: number): number {
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

/** The next place from `from` on where `needle` stands without being part of a longer word. */
function indexOfWhole(text: string, needle: string, from: number): number {
  const wordAtStart = isWordUnit(needle.charCodeAt(0));
  const wordAtEnd = isWordUnit(needle.charCodeAt(needle.length - 1));
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (wordAtStart && at > 0 && isWordUnit(text.charCodeAt(at - 1))) continue;
    if (wordAtEnd && end < text.length && isWordUnit(text.charCodeAt(end))) continue;
    return at;
  }
  return -1;
}

/**
 * Indexes the prose under `root` in one pass over its text nodes. Text in script, style, template and
 * similar elements, in elements with the `hidden` attribute and in skipped elements is left out; blocks
 * and `<br>` separate words, inline elements (links, `<strong>`) do not.
 */
export function buildTextIndex(root: Element | Document | DocumentFragment, options: IndexOptions = {}): TextIndex {
  const out = new NormalisedText();
  const nodes: Text[] = [];
  const starts: number[] = [];
  let consumed = 0;

  const walk = (parent: Node): void => {
    for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const node = child as Text;
        if (node.data.length === 0) continue;
        nodes.push(node);
        starts.push(consumed);
        out.push(node.data, consumed);
        consumed += node.data.length;
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element;
        const separates = !INLINE.has(element.localName);
        if (separates) out.boundary();
        if (isProse(element, options)) walk(element);
        if (separates) out.boundary();
      }
    }
  };
  walk(root);

  const { text, sources } = out.finish();
  return { text, nodes, nodeStarts: Int32Array.from(starts), sources };
}

function isProse(element: Element, options: IndexOptions): boolean {
  if (NOT_PROSE.has(element.localName)) return false;
  const hidden = element.getAttribute('hidden');
  // hidden="until-found" content is revealed by find-in-page, so it is part of what a reader can reach.
  if (hidden !== null && hidden !== 'until-found') return false;
  return options.skip?.(element) !== true;
}

interface Found {
  start: number;
  end: number;
  edits: number;
}

/**
 * Where `quote` stands in the indexed page, or null when it is not clearly there. Tries the normalised quote
 * as an exact substring, then a word alignment that allows `allowedEdits(words)` edits. Among equally good
 * places the first in the document wins.
 */
export function findQuote(index: TextIndex, quote: string): QuoteMatch | null {
  const needle = normaliseForMatch(quote);
  const spans = wordSpans(needle, 0, Infinity);
  const firstWord = spans[0];
  const lastWord = spans[spans.length - 1];
  if (firstWord === undefined || lastWord === undefined) return null;
  const quoteWords = wordsOf(needle, spans);

  const at = indexOfWhole(index.text, needle, 0);
  const found =
    at === -1
      ? withEdges(index.text, alignedSearch(index.text, quoteWords), needle.slice(0, firstWord.start), needle.slice(lastWord.end))
      : { start: at, end: at + needle.length, edits: 0 };
  if (found === null) return null;
  return {
    start: pointAt(index, index.sources[found.start] ?? 0, 0),
    end: pointAt(index, index.sources[found.end - 1] ?? 0, 1),
    score: 1 - found.edits / spans.length,
    exact: found.edits === 0,
  };
}

/** An aligned span covers words only; it takes in the quote's own leading and trailing punctuation where the page has it too. */
function withEdges(text: string, found: Found | null, head: string, tail: string): Found | null {
  if (found === null) return null;
  const start = head !== '' && text.slice(found.start - head.length, found.start) === head ? found.start - head.length : found.start;
  const end = tail !== '' && text.startsWith(tail, found.end) ? found.end + tail.length : found.end;
  return { start, end, edits: found.edits };
}

interface Anchor {
  /** Where the word stands in the page. */
  position: number;
  /** Which word of the quote it is. */
  word: number;
}

/** Words of a text with where each stands in it. */
interface Words {
  text: string;
  spans: Span[];
  list: string[];
}

function wordsOf(text: string, spans: Span[]): Words {
  return { text, spans, list: spans.map(({ start, end }) => text.slice(start, end)) };
}

/**
 * A match with at most k edits leaves at least one of any k + 1 quote words unchanged in the page, so the
 * page occurrences of k + 1 rare quote words (longest first; too common ones skipped) are enough to find it.
 * Each occurrence opens a window as wide as the quote plus k words on either side, aligned word by word.
 */
function alignedSearch(text: string, quote: Words): Found | null {
  const maxEdits = allowedEdits(quote.list.length);
  let best: (Found & { cost: number }) | null = null;
  const tried = new Set<number>();
  for (const anchor of anchorsFor(text, quote.list, maxEdits)) {
    const windowStart = wordStartBefore(text, anchor.position, anchor.word + maxEdits);
    if (tried.has(windowStart)) continue;
    tried.add(windowStart);
    const page = wordsOf(text, wordSpans(text, windowStart, quote.list.length + 2 * maxEdits));
    const alignment = align(quote.list, page.list);
    if (alignment === null || alignment.edits > maxEdits) continue;
    const pairs = withoutStrayEdges(alignment.pairs, quote, page);
    const start = page.spans[pairs[0]?.page ?? 0]?.start ?? 0;
    const end = page.spans[pairs[pairs.length - 1]?.page ?? 0]?.end ?? 0;
    if (best === null || alignment.cost < best.cost || (alignment.cost === best.cost && start < best.start)) {
      best = { start, end, edits: alignment.edits, cost: alignment.cost };
    }
  }
  return best;
}

/**
 * A quote word missing from the page costs about as much as a changed one, so the alignment may pair a missing
 * first or last word with the last or first word of the neighbouring sentence. Such an edge pair is dropped
 * where the page has a sentence end before the rest of the match that the quote does not have: the word still
 * counts as an edit, but the mark stays inside the sentence.
 */
function withoutStrayEdges(pairs: Pair[], quote: Words, page: Words): Pair[] {
  /** Whether `edge`, the first or last of the neighbours `a` and `b`, is a changed word set off by a sentence end. */
  const stray = (a: Pair | undefined, b: Pair | undefined, edge: Pair | undefined): boolean =>
    a !== undefined && b !== undefined && edge !== undefined
    && quote.list[edge.quote] !== page.list[edge.page]
    && SENTENCE_END.test(between(page, a.page, b.page)) && !SENTENCE_END.test(between(quote, a.quote, b.quote));
  let from = 0;
  let to = pairs.length - 1;
  while (to > from && stray(pairs[from], pairs[from + 1], pairs[from])) from++;
  while (to > from && stray(pairs[to - 1], pairs[to], pairs[to])) to--;
  return pairs.slice(from, to + 1);
}

const SENTENCE_END = /[.!?]/;

/** The text between two words. */
function between(words: Words, a: number, b: number): string {
  return words.text.slice(words.spans[a]?.end ?? 0, words.spans[b]?.start ?? 0);
}

function anchorsFor(text: string, words: string[], maxEdits: number): Anchor[] {
  const byRarity = words.map((_, i) => i).sort((a, b) => (words[b]?.length ?? 0) - (words[a]?.length ?? 0) || a - b);
  const anchors: Anchor[] = [];
  const tried = new Set<string>();
  let covered = 0;
  for (const i of byRarity) {
    if (covered > maxEdits) break;
    const word = words[i] ?? '';
    if (tried.has(word)) continue;
    tried.add(word);
    const positions: number[] = [];
    for (let at = indexOfWhole(text, word, 0); at !== -1 && positions.length <= MAX_ANCHOR_HITS; at = indexOfWhole(text, word, at + 1)) {
      positions.push(at);
    }
    if (positions.length > MAX_ANCHOR_HITS) continue;
    const places = words.flatMap((w, j) => (w === word ? [j] : []));
    covered += places.length;
    for (const position of positions) for (const place of places) anchors.push({ position, word: place });
  }
  return anchors;
}

/** A quote word and the page word it is aligned with, equal or changed. */
interface Pair {
  quote: number;
  page: number;
}

interface Alignment {
  cost: number;
  edits: number;
  /** In order; never empty. */
  pairs: Pair[];
}

/** Word-level edit distance of the whole quote against any stretch of the page words (free ends in the page). */
function align(quote: string[], page: string[]): Alignment | null {
  const cols = page.length + 1;
  const cost = new Int32Array((quote.length + 1) * cols);
  const diagonal = (i: number, j: number): number => (quote[i - 1] === page[j - 1] ? 0 : SUBSTITUTION);
  for (let i = 1; i <= quote.length; i++) {
    cost[i * cols] = i * GAP;
    for (let j = 1; j < cols; j++) {
      cost[i * cols + j] = Math.min(
        (cost[(i - 1) * cols + j - 1] ?? 0) + diagonal(i, j),
        (cost[(i - 1) * cols + j] ?? 0) + GAP,
        (cost[i * cols + j - 1] ?? 0) + GAP,
      );
    }
  }
  const lastRow = quote.length * cols;
  let end = 1;
  for (let j = 2; j < cols; j++) if ((cost[lastRow + j] ?? 0) < (cost[lastRow + end] ?? 0)) end = j;

  let i = quote.length;
  let j = end;
  let edits = 0;
  const pairs: Pair[] = [];
  while (i > 0) {
    const here = cost[i * cols + j] ?? 0;
    if (j > 0 && here === (cost[(i - 1) * cols + j - 1] ?? 0) + diagonal(i, j)) {
      pairs.push({ quote: i - 1, page: j - 1 });
      if (quote[i - 1] !== page[j - 1]) edits++;
      i--;
      j--;
    } else if (here === (cost[(i - 1) * cols + j] ?? 0) + GAP) {
      edits++;
      i--;
    } else {
      edits++;
      j--;
    }
  }
  return pairs.length === 0 ? null : { cost: cost[lastRow + end] ?? 0, edits, pairs: pairs.reverse() };
}

/**
 * The DOM point of the source character at `source`; `after` 1 gives the point just behind it
 * (behind both halves of a surrogate pair).
 */
function pointAt(index: TextIndex, source: number, after: 0 | 1): TextPoint {
  let low = 0;
  let high = index.nodeStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((index.nodeStarts[mid] ?? 0) <= source) low = mid;
    else high = mid - 1;
  }
  const node = index.nodes[low] as Text;
  const offset = source - (index.nodeStarts[low] ?? 0);
  if (after === 0) return { node, offset };
  const code = node.data.charCodeAt(offset);
  const width = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(node.data.charCodeAt(offset + 1)) ? 2 : 1;
  return { node, offset: offset + width };
}

/** A Range over the match, for scrolling to it and marking it. The text nodes must not have changed since indexing. */
export function toRange(match: QuoteMatch): Range {
  const range = match.start.node.ownerDocument.createRange();
  range.setStart(match.start.node, match.start.offset);
  range.setEnd(match.end.node, match.end.offset);
  return range;
}

/** Finds several quotes in one page, indexing it once. Only found quotes are in the result. */
export function findQuotes(
  root: Element | Document | DocumentFragment,
  quotes: readonly { id: string; text: string }[],
  options: IndexOptions = {},
): Map<string, QuoteMatch> {
  const index = buildTextIndex(root, options);
  const found = new Map<string, QuoteMatch>();
  for (const { id, text } of quotes) {
    const match = findQuote(index, text);
    if (match !== null) found.set(id, match);
  }
  return found;
}
