/**
 * Finds a briefing quote in the text of the open story, for "show in article". The page rarely holds our quote letter
 * for letter: Handelsblatt rewords paragraphs during the day, our received copy has swapped words, and the markup splits
 * sentences into links, soft hyphens and typographic quotes. So quote and page are compared normalised
 * (normalise.ts), first as an exact substring, then word by word with a few edits (align.ts), in an index
 * of the story read only as far as needed (text-index.ts).
 */
import { alignQuote, allowedEdits, type Found } from './align';
import { indexOfWhole, normaliseForMatch, wordsOf } from './normalise';
import { openTextIndex, type IndexOptions, type TextIndex, type TextPoint } from './text-index';

export { openTextIndex, type TextIndex, type TextPoint };

export interface QuoteMatch {
  start: TextPoint;
  end: TextPoint;
  /** 1 − edits / quote words: 1 when every word of the quote stands in the page unchanged and in order. */
  score: number;
  /** True when the page has the quote's words unchanged and in order (punctuation and quote marks aside). */
  exact: boolean;
}

/**
 * Where `quote` stands in the indexed story, or null when it is not clearly there: the first place holding it exactly,
 * else the best place holding it with at most `allowedEdits` edits, among equally good ones the first.
 */
export function findQuote(index: TextIndex, quote: string): QuoteMatch | null {
  const needle = wordsOf(normaliseForMatch(quote));
  if (needle.list.length === 0) return null;
  const at = firstWhole(index, needle.text, needle.list);
  if (at === null) return null;
  const found: Found | null = at === -1 ? alignQuote(index.text, needle) : { start: at, end: at + needle.text.length, edits: 0 };
  if (found === null) return null;
  return {
    start: index.pointAt(found.start, 0),
    end: index.pointAt(found.end - 1, 1),
    score: 1 - found.edits / needle.list.length,
    exact: found.edits === 0,
  };
}

/**
 * The first place where `needle` stands as whole words, reading on until it is found or the page ends (-1: then the
 * alignment needs the whole page). Null when the page's letters rule the quote out, before the rest is read.
 */
function firstWhole(index: TextIndex, needle: string, words: readonly string[]): number | null {
  let ruledOutChecked = false;
  for (let from = 0; ; ) {
    const at = indexOfWhole(index.text, needle, from, index.complete);
    if (at !== -1) return at;
    if (index.complete) return -1;
    if (!ruledOutChecked) {
      if (!index.mayHold(words, allowedEdits(words.length))) return null;
      ruledOutChecked = true;
    }
    const read = index.text.length;
    index.readOn();
    // Places starting before this ended inside the text read before, and were turned down on what it showed.
    from = Math.max(0, read - needle.length);
  }
}

/** A Range over the match, for scrolling to it and marking it. The text nodes must not have changed since indexing. */
export function toRange(match: QuoteMatch): Range {
  const range = match.start.node.ownerDocument.createRange();
  range.setStart(match.start.node, match.start.offset);
  range.setEnd(match.end.node, match.end.offset);
  return range;
}

/** Finds several quotes in one story, indexing it once. Only found quotes are in the result. */
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
