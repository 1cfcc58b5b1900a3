import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEdits,
  buildTextIndex,
  findQuote,
  normaliseForMatch,
  openTextIndex,
  tokens,
  type QuoteMatch,
  type TextPoint,
} from '../../src/core/quote-match';
import { articleUrl } from '../fixtures/pages';
import { parseHtml } from '../support/dom';

const QUOTE_MARKS = ['"', "'", '„', '“', '”', '«', '»', '‚', '‘', '’', '‹', '›'];
const INVISIBLE = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const WHITESPACE = [' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2009', '\u202F', '\u3000'];

/** Pieces that hit the normaliser's special cases: decomposed umlauts, ligatures, lone surrogates, emoji. */
const TRICKY = [
  ...QUOTE_MARKS, ...INVISIBLE, ...WHITESPACE, '–', '—', '‑', '-', 'ä', 'Ä', 'ß', 'ẞ', 'u\u0308', '\u0308', 'é', 'İ',
  'ﬁ', '¨', 'Σ', '½', '.', ',', 'a', 'Z', '1', '😀', '\uD800', '\uDC00',
];

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('normaliseForMatch', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normaliseForMatch(text);
        expect(normaliseForMatch(once)).toBe(once);
      }),
    );
  });

  it('ignores soft hyphens and zero-width characters wherever they are inserted', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE))), (text, insertions) => {
        const points = Array.from(text);
        for (const [at, char] of insertions) points.splice(at % (points.length + 1), 0, char);
        expect(normaliseForMatch(points.join(''))).toBe(normaliseForMatch(text));
      }),
    );
  });

  it('ignores which quote marks a text uses', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.constantFrom(...QUOTE_MARKS), { minLength: 1 }), (text, marks) => {
        let n = 0;
        const swapped = Array.from(text, (char) => (QUOTE_MARKS.includes(char) ? marks[n++ % marks.length]! : char)).join('');
        expect(normaliseForMatch(swapped)).toBe(normaliseForMatch(text));
      }),
    );
  });

  it('ignores how much whitespace of which kind separates words', () => {
    const word = fc.string({ unit: 'binary', maxLength: 12 }).filter((w) => !/\s/u.test(w));
    const run = fc.array(fc.constantFrom(...WHITESPACE), { minLength: 1, maxLength: 3 }).map((r) => r.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, run, run)), run, run, (parts, lead, trail) => {
        const oneWay = parts.map(([w, a]) => w + a).join('');
        const otherWay = lead + parts.map(([w, , b]) => w + b).join('') + trail;
        expect(normaliseForMatch(otherWay)).toBe(normaliseForMatch(oneWay));
      }),
    );
  });
});

/** A word of the generated page: letters, then perhaps a punctuation mark. */
interface Word {
  letters: string;
  punctuation: string;
}

/** How the page sets a word: perhaps in an inline element, perhaps with a soft hyphen, and what space follows. */
interface Look {
  wrapper: string;
  softHyphenAt: number;
  space: string;
}

const pageWord: fc.Arbitrary<Word> = fc.record({
  letters: fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{1,12}$/),
  punctuation: fc.constantFrom('', '', '', ',', '.', ':', '!'),
});

const look: fc.Arbitrary<Look> = fc.record({
  wrapper: fc.constantFrom('', '', 'strong', 'a', 'em', 'span'),
  softHyphenAt: fc.nat(),
  space: fc.constantFrom(...WHITESPACE),
});

const generatedPage = fc.record({
  words: fc.array(pageWord, { minLength: 8, maxLength: 80 }),
  paragraphLength: fc.integer({ min: 3, max: 40 }),
  looks: fc.array(look, { minLength: 1, maxLength: 7 }),
  quoteStart: fc.nat(),
  quoteLength: fc.integer({ min: 8, max: 40 }),
});

const doc = parseHtml('<!DOCTYPE html><html lang="de"><head><title>Seite</title></head><body></body></html>', articleUrl.geneva);

function withSoftHyphen(letters: string, at: number): string {
  const cut = at % letters.length;
  return cut === 0 ? letters : `${letters.slice(0, cut)}\u00AD${letters.slice(cut)}`;
}

/** Sets the words into paragraphs of the shared document; returns each word's text node. */
function render(words: Word[], paragraphLength: number, looks: Look[]): Text[] {
  doc.body.replaceChildren();
  const nodes: Text[] = [];
  let paragraph = doc.createElement('p');
  for (const word of words) {
    const { wrapper, softHyphenAt, space } = looks[nodes.length % looks.length]!;
    const node = doc.createTextNode(withSoftHyphen(word.letters, softHyphenAt) + word.punctuation);
    if (wrapper === '') {
      paragraph.append(node, space);
    } else {
      const inline = doc.createElement(wrapper);
      inline.append(node);
      paragraph.append(inline, space);
    }
    nodes.push(node);
    if (nodes.length % paragraphLength === 0) {
      doc.body.append(paragraph);
      paragraph = doc.createElement('p');
    }
  }
  doc.body.append(paragraph);
  return nodes;
}

/** Where a quote of `length` words from `start` lies, provided no other place has the same words. */
function uniqueSelection(words: Word[], quoteStart: number, quoteLength: number): { start: number; end: number } {
  const length = Math.min(quoteLength, words.length);
  const start = quoteStart % (words.length - length + 1);
  const keys = words.map((w) => tokens(w.letters).join());
  const key = (from: number): string => keys.slice(from, from + length).join(' ');
  fc.pre(keys.filter((_, i) => i + length <= keys.length && key(i) === key(start)).length === 1);
  return { start, end: start + length - 1 };
}

function expectPoint(point: TextPoint, node: Text, offset: number): void {
  expect(point.node).toBe(node);
  expect(point.offset).toBe(offset);
}

describe('findQuote on generated pages', () => {
  it('finds any run of eight or more words exactly where it stands', () => {
    fc.assert(
      fc.property(generatedPage, ({ words, paragraphLength, looks, quoteStart, quoteLength }) => {
        const { start, end } = uniqueSelection(words, quoteStart, quoteLength);
        const nodes = render(words, paragraphLength, looks);
        const quote = words.slice(start, end + 1).map((w) => w.letters + w.punctuation).join(' ');
        const match = findQuote(buildTextIndex(doc), quote);
        expect(match).not.toBeNull();
        expect(match!.exact).toBe(true);
        expect(match!.score).toBe(1);
        expectPoint(match!.start, nodes[start]!, 0);
        expectPoint(match!.end, nodes[end]!, nodes[end]!.data.length);
      }),
    );
  });

  it('finds it with up to the allowed number of changed words, and not with one more', () => {
    const stranger = fc.stringMatching(/^[a-z]{13,16}$/);
    const changes = fc.record({ count: fc.nat(3), oneTooMany: fc.boolean(), seeds: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }) });
    fc.assert(
      fc.property(generatedPage, changes, stranger, (page, { count, oneTooMany, seeds }, replacement) => {
        const { start, end } = uniqueSelection(page.words, page.quoteStart, page.quoteLength);
        const nodes = render(page.words, page.paragraphLength, page.looks);
        const length = end - start + 1;
        // Mostly right at the threshold, where an off-by-one would show.
        const wanted = oneTooMany ? allowedEdits(length) + 1 : Math.min(count, allowedEdits(length));
        const changed = new Set<number>();
        for (const seed of seeds) if (changed.size < wanted) changed.add(seed % length);
        for (let i = 0; changed.size < wanted; i++) changed.add(i);
        const quote = page.words
          .slice(start, end + 1)
          .map((w, i) => (changed.has(i) ? replacement : w.letters) + w.punctuation)
          .join(' ');
        const match = findQuote(buildTextIndex(doc), quote);
        if (changed.size > allowedEdits(length)) {
          expect(match).toBeNull();
          return;
        }
        expect(match).not.toBeNull();
        expect(match!.exact).toBe(changed.size === 0);
        expect(match!.score).toBeCloseTo(1 - changed.size / length, 10);
        expectPoint(match!.start, nodes[start]!, 0);
        expectPoint(match!.end, nodes[end]!, nodes[end]!.data.length);
      }),
    );
  });
});

describe('reading generated pages stretch by stretch', () => {
  const pointOf = (point: TextPoint | undefined) => (point === undefined ? null : { node: point.node, offset: point.offset });
  const whereFound = (match: QuoteMatch | null) => match && { start: pointOf(match.start), end: pointOf(match.end), score: match.score, exact: match.exact };

  it('gives the index and the matches of reading at once, wherever the stretches end', () => {
    fc.assert(
      fc.property(generatedPage, fc.integer({ min: 1, max: 64 }), fc.option(fc.nat(7), { nil: -1 }), (page, firstStretch, changed) => {
        render(page.words, page.paragraphLength, page.looks);
        const start = page.quoteStart % page.words.length;
        const quote = page.words
          .slice(start, start + page.quoteLength)
          .map((w, i) => (i === changed ? 'verändert' : w.letters) + w.punctuation)
          .join(' ');
        const whole = buildTextIndex(doc);
        const index = openTextIndex(doc, { firstStretch });
        const match = findQuote(index, quote);
        expect(whereFound(match)).toEqual(whereFound(findQuote(whole, quote)));
        if (match?.exact !== true) expect(index.complete).toBe(true);
        while (index.readOn());
        expect(index.text).toBe(whole.text);
        expect(index.nodes).toEqual(whole.nodes);
        expect(index.starts).toEqual(whole.starts);
      }),
    );
  });
});
