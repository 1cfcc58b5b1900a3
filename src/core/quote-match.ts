/**
 * Finds a briefing quote in the text of the open article, for "show in article".
 *
 * The page rarely holds our quote letter for letter: Handelsblatt reworded paragraphs during the day,
 * our received copy has swapped words (see ../shared/source/READING-NOTES.md), and the markup splits
 * sentences into links, `<strong>`, soft hyphens and typographic quotes. So both sides are compared in a
 * normalised form, first as an exact substring, then word by word with a few edits allowed. A quote that
 * is not clearly there gives no match: marking the wrong sentence would be worse than marking none.
 *
 * Normalising a long page costs tens of milliseconds, so it is read stretch by stretch, only as far as the quotes
 * need; a quote that no stretch read so far holds is first looked for in a sketch of the page's raw text, which can
 * prove cheaply that the page does not hold it anywhere, not even with a few words changed.
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
 * The normalised text under a root, with the way back to the DOM, read as far as a search has needed: `findQuote` reads
 * on stretch by stretch until it has its quote's first exact place, and to the end only when there is none and the
 * page's raw text does not rule the quote out (`mayHold`). The text nodes must not change while the index is in use:
 * rebuild it when the page's text changes (today's site renders the article body in two steps).
 */
export interface TextIndex {
  /**
   * The part read so far as `normaliseForMatch` would give it; block boundaries and `<br>` are spaces. Always the
   * start of the whole page's text, except that until the index is complete it may end in the space before what follows.
   */
  readonly text: string;
  /** The indexed text nodes, in document order. */
  readonly nodes: readonly Text[];
  /**
   * For each node, where the normalised form of its data (whitespace collapsed, not trimmed) starts in `text`.
   * One before its first unit when the space it starts with merges into the space before it.
   */
  readonly starts: readonly number[];
  /** Whether the whole page has been read. */
  readonly complete: boolean;
  /** How many stretches have been read. */
  readonly stretches: number;
  /** Reads the next stretch of the page into the index; false when nothing was left to read. */
  readOn(): boolean;
  /**
   * False when no place in the whole page can hold a quote of these (normalised) words with at most `maxEdits` edits,
   * judged from the page's raw text without reading it into the index (see `sketchPage`); true when one may.
   */
  mayHold(words: readonly string[], maxEdits: number): boolean;
}

export interface IndexOptions {
  /** A CSS selector for elements to leave out with their subtree, e.g. what the extension has hidden. */
  skip?: string;
  /**
   * How many UTF-16 units of page text the first stretch reads (whole nodes, so a little more); each later stretch reads
   * twice as much as the one before. Tests make it small to put stretch ends inside quotes.
   */
  firstStretch?: number;
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

/** Elements laid out in a line: their text joins the surrounding words. Everything else separates words. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time',
  'tt', 'u', 'var', 'wbr',
]);

/**
 * Elements whose text a reader never sees as prose. hidden="until-found" content is revealed by find-in-page,
 * so it is part of what a reader can reach.
 */
const NOT_PROSE = [
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'canvas', 'svg', 'math', 'textarea', 'select',
  '[hidden]:not([hidden=until-found])',
];

const ELEMENT_NODE = 1;
const SHOW_TEXT = 4;
const SPACE = 32;

/**
 * The page is normalised as one string, its nodes' data joined by this character, which no step changes; where it
 * ends up tells where each node's part starts. Text that holds it itself reads it as U+FFFD. Not a noncharacter
 * such as U+FFFF: the minifier writes it out raw, and Chrome refuses a content script holding one as "not UTF-8".
 */
const SEPARATOR = '\ufffc';

/** Accents as NFKD leaves them, quote marks, soft hyphens and zero-width characters. */
const DROPPED = /[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff"'„“”‟«»‚‘’‛‹›]/g;
/**
 * Where all other combining marks are; German text has none, so the slow Unicode-property pass is rarely needed.
 * Each range starts one before its first mark, so that no mark stands after another character in the class.
 */
const OTHER_MARKS = /[\u0482-\u1fff\u20cf-\ufe2f]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const WHITESPACE = /\s{2,}|[^\S ]/g;
/**
 * A run of SEPARATOR, with the space after it when a space stands before it: whitespace runs across nodes collapse
 * too.
 */
const JUNCTION = /(?<= )\ufffc+ |\ufffc/g;

/** ES2024, in every browser the extension supports; the project's TypeScript library is ES2023. */
interface WellFormed {
  toWellFormed(): string;
}

/**
 * Lower-case, compatibility-decomposed, without accents and other combining marks, ß as ss, final sigma as sigma (so
 * that no character's form depends on its neighbours), without quote marks, soft hyphens and zero-width characters,
 * every dash as '-', lone surrogates as U+FFFD, whitespace runs as one space (not trimmed). Each step is one native
 * pass over the whole string: looping over the characters in JavaScript costs several times as much before the JIT
 * has compiled the loop, and the index is built once per page, cold. Character by character the result is the same,
 * which is what lets `pointAt` fold a single node's data and land where the whole page's normalisation put it.
 */
function fold(text: string): string {
  let folded = (text as unknown as WellFormed).toWellFormed().normalize('NFKD').toLowerCase().replace(DROPPED, '');
  if (OTHER_MARKS.test(folded)) folded = folded.replace(/\p{M}/gu, '');
  return folded
    .replace(DASHES, '-')
    .replaceAll('ß', 'ss')
    .replaceAll('ς', 'σ')
    .replace(WHITESPACE, ' ');
}

function clean(text: string): string {
  return text.replaceAll(SEPARATOR, '\ufffd');
}

/**
 * The form in which quote and page are compared: lower-case, without accents, quote marks, soft hyphens
 * and zero-width characters, every dash as '-', whitespace (also no-break spaces) collapsed to single
 * spaces and trimmed.
 */
export function normaliseForMatch(text: string): string {
  return fold(clean(text)).trim();
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

/**
 * Where the `count`-th word before `position` starts (the text's start if there are fewer). Words are runs of `isWord`
 * units.
 */
function wordStartBefore(text: string, position: number, count: number, isWord = isWordUnit): number {
  let seen = 0;
  let i = position;
  while (i > 0 && seen < count) {
    while (i > 0 && !isWord(text.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    while (i > 0 && isWord(text.charCodeAt(i - 1))) i--;
    seen++;
  }
  return i;
}

/**
 * The next place from `from` on where `needle` stands without being part of a longer word. Unless the text is `ended`,
 * a place running up to its end is not taken: the next character, still unread, may continue the word.
 */
function indexOfWhole(text: string, needle: string, from: number, ended = true): number {
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

/**
 * A quote near the top of a long article is found after reading this much of it; a page read to the end is still
 * folded in a few large native passes, since the stretches double.
 */
const FIRST_STRETCH = 4096;

/** A TextIndex as its reader fills it. */
interface Reading {
  text: string;
  nodes: Text[];
  starts: number[];
  complete: boolean;
  stretches: number;
  readOn(): boolean;
  mayHold(words: readonly string[], maxEdits: number): boolean;
}

/** Where laying out the page's text stands between two stretches. */
interface Layout {
  /** Whether the text so far ends in a space (or is empty): a space the next node starts with merges into it. */
  spaced: boolean;
  /** The last node that gave the text something. */
  last: Node;
}

/**
 * Indexes the prose under `root`, reading it only as a search needs it (see `TextIndex`). Text in script, style,
 * template and similar elements, in elements with the `hidden` attribute and in skipped elements is left out; blocks
 * and `<br>` separate words, inline elements (links, `<strong>`) do not. A tree walker over the text nodes and a query
 * per left-out kind touch far fewer DOM objects than visiting every element would; elements are looked at only where
 * two nodes' words would otherwise run together.
 */
export function openTextIndex(
  root: Element | Document | DocumentFragment,
  { skip, firstStretch = FIRST_STRETCH }: IndexOptions = {},
): TextIndex {
  const doc = root.ownerDocument ?? root;
  const leftOut = leftOutNodes(doc, root, skip);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const layout: Layout = { spaced: true, last: root };
  let stretch = firstStretch;
  let sketch: Sketch | null | undefined;
  const reading: Reading = {
    text: '',
    nodes: [],
    starts: [],
    complete: false,
    stretches: 0,
    readOn: () => {
      if (reading.complete) return false;
      const nodes: Text[] = [];
      const data: string[] = [];
      reading.complete = !readNodes(walker, leftOut, stretch, nodes, data);
      reading.stretches++;
      stretch *= 2;
      append(reading, layout, nodes, fold(data.join(SEPARATOR)), leftOut);
      if (reading.complete) reading.text = reading.text.trimEnd();
      return true;
    },
    mayHold: (words, maxEdits) => {
      if (sketch === undefined) sketch = sketchPage(root, leftOut);
      return sketch === null || mayHold(sketch, words, maxEdits);
    },
  };
  return reading;
}

/** The whole prose under `root`, read at once (see `openTextIndex`). */
export function buildTextIndex(root: Element | Document | DocumentFragment, { skip }: IndexOptions = {}): TextIndex {
  const index = openTextIndex(root, { skip, firstStretch: Infinity });
  index.readOn();
  return index;
}

/**
 * Left-out elements with their text nodes. One query per selector: Chromium finds a lone tag name by tag, but matches
 * a selector list element by element.
 */
function leftOutNodes(doc: Document, root: Element | Document | DocumentFragment, skip: string | undefined): Set<Node> {
  const leftOut = new Set<Node>();
  for (const selector of skip === undefined ? NOT_PROSE : [...NOT_PROSE, skip]) {
    for (const element of root.querySelectorAll(selector)) {
      leftOut.add(element);
      textNodes(doc, element, (node) => leftOut.add(node));
    }
  }
  return leftOut;
}

/**
 * Takes the walker's next text nodes that are prose, with their data, until `units` units are read; false when the page
 * ran out first. The page's own separator characters become U+FFFD here, so that the joined stretch can be split again.
 */
function readNodes(walker: TreeWalker, leftOut: Set<Node>, units: number, nodes: Text[], data: string[]): boolean {
  for (let read = 0; read < units; ) {
    const node = walker.nextNode() as Text | null;
    if (node === null) return false;
    const text = node.data;
    if (text === '' || leftOut.has(node)) continue;
    nodes.push(node);
    data.push(text.includes(SEPARATOR) ? clean(text) : text);
    read += text.length;
  }
  return true;
}

/**
 * Adds a folded stretch of nodes (their data joined by SEPARATOR) to the index: each node's part lands once the
 * separators are gone, a space it starts with merges into one before it, and a space stands where a block boundary
 * would otherwise run two words together. Per stretch, so the index's text is joined from a few large pieces.
 */
function append(reading: Reading, layout: Layout, nodes: Text[], folded: string, leftOut: Set<Node>): void {
  const spacedBefore = layout.spaced;
  const boundaries: number[] = [];
  let length = reading.text.length;
  let from = 0;
  nodes.forEach((node, i) => {
    const end = i === nodes.length - 1 ? folded.length : folded.indexOf(SEPARATOR, from);
    let size = end - from;
    let start = length;
    if (folded.charCodeAt(from) === SPACE) {
      if (layout.spaced) {
        size--;
        start--;
      }
    } else if (!layout.spaced && size > 0 && separated(layout.last, node, leftOut)) {
      boundaries.push(from);
      start = ++length;
    }
    reading.nodes.push(node);
    reading.starts.push(start);
    if (size > 0) {
      length += size;
      layout.spaced = folded.charCodeAt(end - 1) === SPACE;
      layout.last = node;
    }
    from = end + 1;
  });
  const parts = boundaries.map((at, i) => folded.slice(boundaries[i - 1] ?? 0, at));
  parts.push(folded.slice(boundaries[boundaries.length - 1] ?? 0));
  const text = parts.join(' ').replace(JUNCTION, '');
  // Within the stretch JUNCTION merges such a space; at its start the space before is in the text already.
  reading.text += spacedBefore && text.charCodeAt(0) === SPACE ? text.slice(1) : text;
}

function textNodes(doc: Document, root: Node, visit: (node: Text) => void): void {
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) visit(node);
}

/**
 * Whether a block starts or ends between two text nodes, `from` before `to`, which keeps their words apart. Walks
 * the nodes between them in document order, not into left-out elements (a left-out block still separates).
 */
function separated(from: Node, to: Node, leftOut: Set<Node>): boolean {
  const separates = (node: Node): boolean => node.nodeType === ELEMENT_NODE && !INLINE.has((node as Element).localName);
  let node = from;
  for (;;) {
    while (node.nextSibling === null) {
      node = node.parentNode as Node;
      if (separates(node)) return true;
    }
    node = node.nextSibling;
    while (node !== to) {
      if (separates(node)) return true;
      if (leftOut.has(node) || node.firstChild === null) break;
      node = node.firstChild;
    }
    if (node === to) return false;
  }
}

/**
 * The characters a sketch folds, each as the index folds it (a surrogate pair as one): all but ASCII ones other than
 * quote marks, and but these, kept as they are: umlauts and ß, which stand for the index's a, o, u and ss (see
 * `wordPattern`; replacing the thousands of them in a long German page would cost more than the rest of the sketch), and
 * characters that separate words in the index's form too (dashes, no-break space, ellipsis, euro, degree, section sign,
 * middle dot). Not a /u pattern: in Chromium one takes several times as long for each character it finds.
 */
const UNCOMMON = /[\ud800-\udbff][\udc00-\udfff]|[^\0-!#-&(-\x7f\u00a0\u00a7\u00b0\u00b7\u00df\u00e4\u00f6\u00fc\u2013\u2014\u2026\u20ac]/g;

/**
 * Raw page text brought into the index's form character by character, in native passes much cheaper than `fold`'s NFKD
 * over a long page: it has the word characters `normaliseForMatch` gives, except that ä, ö, ü and ß stand for a, o, u
 * and ss, and it separates words wherever that does. (Other whitespace, dashes and ellipses stand as they are, and it
 * is not trimmed.) A page has few kinds of uncommon characters, each folded once.
 */
export function sketchText(raw: string): string {
  const folded = new Map<string, string>();
  const foldOnce = (char: string): string => {
    let form = folded.get(char);
    if (form === undefined) folded.set(char, (form = fold(char)));
    return form;
  };
  return raw.toLowerCase().replace(UNCOMMON, foldOnce);
}

const UMLAUTS: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

/** A stretch of a sketch in the index's form: for a short one, cheaper than `wordPattern` for each word. */
function withoutUmlauts(sketch: string): string {
  return sketch.replace(/[äöüß]/g, (char) => UMLAUTS[char] ?? char);
}

/**
 * Where a word of the index's form may stand in a sketch: its a, o and u may be umlauts there, and two or more s may be
 * ß (a lone s is an s: ß stands for two). It also takes such a run with another number of s, which only makes the
 * sketch rule out less; a pattern starting with a letter rather than a class is much faster to search for.
 */
function wordPattern(word: string): RegExp {
  return new RegExp(word.replace(/[aou]|ss+/g, (letters) => LETTER_VARIANTS[letters] ?? '[sß]+'), 'g');
}

const LETTER_VARIANTS: Record<string, string> = { a: '[aä]', o: '[oö]', u: '[uü]' };

/** The page's raw text in the index's form, for ruling a quote out before the page is read into the index. */
interface Sketch {
  text: string;
  /** At most how many words more than the index any part of `text` holds; Infinity when that was not counted. */
  slack: number;
  /** The places of each word looked up so far (see `placesOf`). */
  places: Map<string, number[] | null>;
}

/**
 * Left-out text longer than this, or with more words than MAX_SLACK, is not counted word by word: a sketch holding that
 * much more than the index only tells which words the page lacks, not which stand close together.
 */
const MAX_SLACK_TEXT = 1024;
const MAX_SLACK = 64;

const DOCUMENT_NODE = 9;

/**
 * Sketches the page from `textContent`: one native read instead of visiting every text node, and `sketchText` instead
 * of `fold`. Every word of the index stands in it, as part of a word at least: textContent runs the text of blocks
 * together where the index puts a space, and holds the left-out text too, between words the index keeps apart (a
 * left-out element that is not inline separates them), which is why `slack` counts the left-out elements' words.
 *
 * Null, for "cannot tell", where a left-out element is inline: the index joins the words on either side of it, which
 * its text keeps apart in textContent. (textContent also holds CDATA sections, which the index does not read; in an
 * HTML document the parser makes them only inside svg and math, which are left out, and createCDATASection refuses to.)
 */
function sketchPage(root: Element | Document | DocumentFragment, leftOut: Set<Node>): Sketch | null {
  const elements = [...leftOut].filter((node): node is Element => node.nodeType === ELEMENT_NODE);
  if (elements.some((element) => INLINE.has(element.localName))) return null;
  const texts = elements.map((element) => element.textContent);
  const countable = texts.reduce((length, text) => length + text.length, 0) <= MAX_SLACK_TEXT;
  const slack = countable ? texts.reduce((sum, text) => sum + wordSpans(sketchText(text), 0, Infinity).length, 0) : Infinity;
  const top = root.nodeType === DOCUMENT_NODE ? ((root as Document).documentElement as Element | null) : root;
  return { text: sketchText(top?.textContent ?? ''), slack: slack > MAX_SLACK ? Infinity : slack, places: new Map() };
}

/** A quote's words for `mayHold`. */
interface QuoteVocabulary {
  words: readonly string[];
  /** Each word once, longest (rarest) first. */
  distinct: string[];
  /** Where each word stands in the quote, last first. */
  positions: Map<string, number[]>;
  maxEdits: number;
}

/**
 * Words shorter than this are not looked up: nearly every page has them, and they are too common to say where a quote
 * would stand.
 */
const SURE_WORD = 4;

/**
 * Whether the sketched page may hold a quote of `words` with at most `maxEdits` edits. As in `alignedSearch`, a match
 * leaves one of any `maxEdits` + 1 quote words unchanged, so the places of a few rare words are where a match could be;
 * a word the page lacks has none, and is an edit wherever the match is. So a quote with more lacking words than
 * `maxEdits` is ruled out at once; otherwise a match would stand around one of the places (`holdsAround`). Each word
 * looked up costs a pass over the page's text, so only as many are looked up as that needs.
 */
function mayHold(sketch: Sketch, words: readonly string[], maxEdits: number): boolean {
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => positions.set(word, [i, ...(positions.get(word) ?? [])]));
  const quote: QuoteVocabulary = { words, distinct: [...positions.keys()].sort((a, b) => b.length - a.length), positions, maxEdits };
  const anchors: { word: string; places: number[] }[] = [];
  let lacking = 0;
  let covered = 0;
  for (const word of quote.distinct) {
    if (covered > maxEdits || word.length < SURE_WORD) break;
    const places = placesOf(sketch, word);
    if (places === null) continue;
    const count = positions.get(word)?.length ?? 0;
    covered += count;
    if (places.length === 0) lacking += count;
    else anchors.push({ word, places });
  }
  if (lacking > maxEdits) return false;
  if (covered <= maxEdits || sketch.slack === Infinity) return true;
  return anchors.some(({ word, places }) =>
    positions.get(word)?.some((i) => places.some((at) => holdsAround(sketch, quote, i, at))));
}

/**
 * Where `word` stands in the sketch, as a whole word or inside one (textContent runs blocks together): at most
 * MAX_ANCHOR_HITS places, null when there are more.
 */
function placesOf(sketch: Sketch, word: string): number[] | null {
  let places = sketch.places.get(word);
  if (places !== undefined) return places;
  places = [];
  const pattern = wordPattern(word);
  for (let found = pattern.exec(sketch.text); found !== null; found = pattern.exec(sketch.text)) {
    if (places.length === MAX_ANCHOR_HITS) {
      places = null;
      break;
    }
    places.push(found.index);
    pattern.lastIndex = found.index + 1;
  }
  sketch.places.set(word, places);
  return places;
}

/**
 * Whether enough of the quote's words stand in their order around `at`, where its `i`-th word stands in the sketch, for
 * a match with that word unchanged: all but maxEdits of the quote's words stand unchanged and in order within i words
 * before it and as many after it as the quote has after its `i`-th word. (A match may reach further by the words it
 * adds, but it loses no more of its unchanged words out there than it adds words, and each is an edit.) In the sketch,
 * blocks run together make fewer words, left-out text at most `slack` more.
 */
function holdsAround(sketch: Sketch, quote: QuoteVocabulary, i: number, at: number): boolean {
  const { text, slack } = sketch;
  const start = wordStartBefore(text, at, i + slack, isSketchWordUnit);
  // The word `at` starts in, then the rest.
  const end = sketchWordsEnd(text, at, quote.words.length - i + slack);
  return holdsInOrder(quote, withoutUmlauts(text.slice(start, end)));
}

/**
 * Counts a sketch's words with every non-ASCII character as a letter: that can only join words, so the stretch around a
 * place takes in at least as many words as it should, and it spares the Unicode lookup `isWordUnit` makes for them.
 */
function isSketchWordUnit(code: number): boolean {
  return code >= 0x80 || isWordUnit(code);
}

/** A sketch's word as `isSketchWordUnit` counts them, with what separates it from the one before. */
const SKETCH_WORD = /[\0-/:-@[-`{-\x7f]*[^\0-/:-@[-`{-\x7f]+/y;

/** Where the `count`-th word of a sketch from `position` on ends (its end if there are fewer), in native steps. */
function sketchWordsEnd(text: string, position: number, count: number): number {
  let end = position;
  SKETCH_WORD.lastIndex = position;
  for (let seen = 0; seen < count && SKETCH_WORD.test(text); seen++) end = SKETCH_WORD.lastIndex;
  return end;
}

/**
 * Whether all but maxEdits of the quote's words may stand in `text` unchanged and in their order: the longest common
 * subsequence of the quote's words and the places where any of them stands in `text` is long enough. A place is any
 * occurrence, also inside a longer word (words of blocks run together) or overlapping another, which can only make the
 * subsequence longer than the truth. The subsequence is found as the longest rising run of quote positions, the
 * places taken in text order, each with its word's positions last first (Hunt and Szymanski).
 */
function holdsInOrder(quote: QuoteVocabulary, text: string): boolean {
  const needed = quote.words.length - quote.maxEdits;
  let lacking = 0;
  const places: { at: number; positions: number[] }[] = [];
  for (const word of quote.distinct) {
    const positions = quote.positions.get(word) ?? [];
    let at = text.indexOf(word);
    if (at === -1 && (lacking += positions.length) > quote.maxEdits) return false;
    for (; at !== -1; at = text.indexOf(word, at + 1)) places.push({ at, positions });
  }
  places.sort((a, b) => a.at - b.at);
  // tails[k]: the lowest quote position a rising run of k + 1 positions can end in.
  const tails: number[] = [];
  for (const { positions } of places) {
    for (const position of positions) {
      let low = 0;
      let high = tails.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((tails[mid] ?? 0) < position) low = mid + 1;
        else high = mid;
      }
      tails[low] = position;
    }
  }
  return tails.length >= needed;
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

  const at = firstWhole(index, needle, quoteWords.list);
  if (at === null) return null;
  const found =
    at === -1
      ? withEdges(index.text, alignedSearch(index.text, quoteWords), needle.slice(0, firstWord.start), needle.slice(lastWord.end))
      : { start: at, end: at + needle.length, edits: 0 };
  if (found === null) return null;
  return {
    start: pointAt(index, found.start, 0),
    end: pointAt(index, found.end - 1, 1),
    score: 1 - found.edits / spans.length,
    exact: found.edits === 0,
  };
}

/**
 * After this many stretches, a quote not found yet is first ruled out, if it can be, from the page's raw text
 * (`TextIndex.mayHold`), which costs several times less per character than reading on. A short article is read to its
 * end by then, and on a long one that holds the quotes they stand near the top.
 */
const STRETCHES_BEFORE_SKETCH = 1;

/**
 * The first place where `needle` stands as whole words, reading on stretch by stretch until it is found (the first
 * place in the page, whatever the stretches) or the page is read to the end, as the word alignment needs it: -1 when
 * there is no such place. Null when the page's raw text shows that it holds the quote's `words` nowhere, not even with
 * a few changed: then the rest of the page is not read.
 */
function firstWhole(index: TextIndex, needle: string, words: readonly string[]): number | null {
  let sketched = false;
  for (let from = 0; ; ) {
    const at = indexOfWhole(index.text, needle, from, index.complete);
    if (at !== -1) return at;
    if (!sketched && !index.complete && index.stretches >= STRETCHES_BEFORE_SKETCH) {
      if (!index.mayHold(words, allowedEdits(words.length))) return null;
      sketched = true;
    }
    const read = index.text.length;
    if (!index.readOn()) return -1;
    // Places starting before this ended inside the text read before, and were turned down on what it showed.
    from = Math.max(0, read - needle.length);
  }
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
 * The DOM point of the character that gave `position` in the index's text; `after` 1 gives the point just behind it
 * (behind both halves of a surrogate pair). Folds prefixes of that one node's data to find the shortest that
 * reaches past `position`, rather than keeping a source offset for every unit of the page.
 */
function pointAt(index: TextIndex, position: number, after: 0 | 1): TextPoint {
  let low = 0;
  let high = index.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((index.starts[mid] ?? 0) <= position) low = mid;
    else high = mid - 1;
  }
  const node = index.nodes[low] as Text;
  const unit = position - (index.starts[low] ?? 0);
  const reaches = (end: number): boolean => fold(clean(node.data.slice(0, end))).length > unit;
  // `lo` units of the data fold to no more than `unit`, `hi` units to more. Folding seldom changes a length by much,
  // so the bounds close in from `unit + 1` in doubling steps before halving.
  let lo = 0;
  let hi = node.data.length;
  for (let probe = unit + 1, step = 1; probe > lo && probe < hi; step *= 2) {
    if (reaches(probe)) {
      hi = probe;
      probe -= step;
    } else {
      lo = probe;
      probe += step;
    }
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return { node, offset: hi - 1 + after };
}

/** A Range over the match, for scrolling to it and marking it. The text nodes must not have changed since indexing. */
export function toRange(match: QuoteMatch): Range {
  const range = match.start.node.ownerDocument.createRange();
  range.setStart(match.start.node, match.start.offset);
  range.setEnd(match.end.node, match.end.offset);
  return range;
}

/**
 * Finds several quotes in one page, indexing it once and only as far as the last exact place: to the end only when a
 * quote is changed, or missing and not ruled out from the page's raw text. Only found quotes are in the result.
 */
export function findQuotes(
  root: Element | Document | DocumentFragment,
  quotes: readonly { id: string; text: string }[],
  options: IndexOptions = {},
): Map<string, QuoteMatch> {
  const index = openTextIndex(root, options);
  const found = new Map<string, QuoteMatch>();
  for (const { id, text } of quotes) {
    const match = findQuote(index, text);
    if (match !== null) found.set(id, match);
  }
  return found;
}
