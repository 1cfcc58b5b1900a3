/**
 * Rules a quote out from a cheap sketch of the whole story, so that a long page that does not hold it is not read into
 * the index. The sketch is the story's prose with the index's words (see `sketch`), left-out text gone, but without the
 * spaces the index puts between blocks: words of neighbouring blocks may run together, so a word is looked for anywhere,
 * also inside another.
 */
import { isWordUnit, wordStartBefore } from './normalise';

/** Words shorter than this stand in nearly every page, and say nothing about where a quote would be. */
const SURE_WORD = 4;
/** A word standing more often than this is too common to say where a quote would be; rarer ones are tried instead. */
const MAX_PLACES = 64;

/**
 * False when no place in the sketched story can hold a quote of these normalised `words` with at most `maxEdits` edits.
 * A match keeps all but `maxEdits` quote words, in order, so it keeps one of any `maxEdits` + 1 of them. So: a quote
 * whose longer words are missing more than `maxEdits` times is out; otherwise the match would stand around a place of
 * one of its `maxEdits` + 1 rarest words, and there all but `maxEdits` of its words would have to stand in order.
 */
export function mayHold(sketch: string, words: readonly string[], maxEdits: number): boolean {
  const distinct = [...new Set(words)].sort((a, b) => b.length - a.length);
  const count = (word: string): number => words.filter((w) => w === word).length;
  const anchors: { word: string; places: number[] }[] = [];
  let missing = 0;
  let covered = 0;
  for (const word of distinct) {
    if (covered > maxEdits || word.length < SURE_WORD) break;
    const places = placesOf(sketch, word, MAX_PLACES);
    if (places.length > MAX_PLACES) continue;
    covered += count(word);
    if (places.length === 0) missing += count(word);
    else anchors.push({ word, places });
  }
  if (missing > maxEdits) return false;
  if (covered <= maxEdits) return true;
  return anchors.some(({ word, places }) =>
    words.some((w, i) => w === word && places.some((at) => inOrderAround(sketch, words, maxEdits, i, at))));
}

/** Where `word` stands in `text`, also inside a longer word; stops after `limit` + 1 places. */
function placesOf(text: string, word: string, limit = Infinity): number[] {
  const places: number[] = [];
  for (let at = text.indexOf(word); at !== -1 && places.length <= limit; at = text.indexOf(word, at + 1)) {
    places.push(at);
  }
  return places;
}

/**
 * Whether all but `maxEdits` quote words stand in order near `at`, where its `i`-th word stands: within `i` + `maxEdits`
 * words before and the rest of the quote plus `maxEdits` after (a match adds at most `maxEdits` words). Words run
 * together make the sketch's words fewer, so counting them can only take in more.
 */
function inOrderAround(sketch: string, words: readonly string[], maxEdits: number, i: number, at: number): boolean {
  const window = sketch.slice(wordStartBefore(sketch, at, i + maxEdits), wordsEnd(sketch, at, words.length - i + maxEdits));
  const occurrences = [...new Set(words)]
    .flatMap((word) => placesOf(window, word).map((place) => ({ place, word })))
    .sort((a, b) => a.place - b.place);
  return commonInOrder(words, occurrences.map(({ word }) => word)) >= words.length - maxEdits;
}

/** Where the `count`-th word from `position` on ends (the word `position` is in counts first). */
function wordsEnd(text: string, position: number, count: number): number {
  let i = position;
  for (let seen = 0; seen < count && i < text.length; seen++) {
    while (i < text.length && !isWordUnit(text.charCodeAt(i))) i++;
    while (i < text.length && isWordUnit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** The length of the longest common subsequence of two word lists. */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const next = [0];
    b.forEach((other, j) => next.push(word === other ? (row[j] ?? 0) + 1 : Math.max(row[j + 1] ?? 0, next[j] ?? 0)));
    row = next;
  }
  return row[b.length] ?? 0;
}
