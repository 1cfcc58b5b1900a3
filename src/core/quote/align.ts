/**
 * Where a quote stands in the page's normalised text with a few words changed, missing or added: a word-level edit
 * distance around the places of its rarest words. A quote that is not clearly there gives no place: marking the wrong
 * sentence would be worse than marking none.
 */
import { indexOfWhole, wordSpans, wordsOf, wordStartBefore, type Words } from './normalise';

/**
 * How many word edits a quote of `wordCount` words may need and still count as found: one per eight words, at most
 * three. The received text's worst quote needs two in 30 words; under eight words a different sentence is easily one
 * word off, so a short quote must stand word for word.
 */
export function allowedEdits(wordCount: number): number {
  return Math.min(3, Math.floor(wordCount / 8));
}

/** An anchor word found more often than this is too common to say where a quote is; later anchors are tried. */
const MAX_ANCHOR_HITS = 64;

/** A changed word costs a little less than a missing one, so ties keep the changed word inside the span. */
const SUBSTITUTION = 99;
const GAP = 100;

export interface Found {
  start: number;
  end: number;
  edits: number;
}

/**
 * The best place for `quote` (normalised, with at least one word) in `text`, among equally good ones the first. A match
 * with k edits leaves one of any k + 1 quote words unchanged, so the places of k + 1 rare words (longest first, too
 * common ones skipped) are enough; around each, a window as wide as the quote plus k words either side is aligned.
 */
export function alignQuote(text: string, quote: Words): Found | null {
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
  return best && withEdges(text, best, quote);
}

/** An aligned span covers words only; it takes in the quote's own leading and trailing punctuation where the page has it. */
function withEdges(text: string, found: Found, quote: Words): Found {
  const head = quote.text.slice(0, quote.spans[0]?.start ?? 0);
  const tail = quote.text.slice(quote.spans[quote.spans.length - 1]?.end ?? quote.text.length);
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

const SENTENCE_END = /[.!?]/;

/**
 * A missing first or last quote word costs about as much as a changed one, so the alignment may pair it with a word of
 * the neighbouring sentence. Such an edge pair is dropped where the page has a sentence end the quote does not: the
 * word still counts as an edit, but the mark stays inside the sentence.
 */
function withoutStrayEdges(pairs: Pair[], quote: Words, page: Words): Pair[] {
  const between = (words: Words, a: number, b: number): string => words.text.slice(words.spans[a]?.end ?? 0, words.spans[b]?.start ?? 0);
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
