import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuote, openTextIndex, type QuoteMatch, type TextIndex, type TextPoint } from '../../src/core/quote';
import { allowedEdits } from '../../src/core/quote/align';
import { normaliseForMatch, sketch, wordsOf } from '../../src/core/quote/normalise';
import { articleUrl } from '../../tools/pages';
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

describe('sketch', () => {
  /** The words of a text as the index reads them, whatever lies between them. */
  const wordsIn = (text: string): string => wordsOf(text).list.join(' ');

  it('has the words of normaliseForMatch for every character of the BMP', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCharCode(code)}b`;
      if (wordsIn(sketch(text)) !== wordsIn(normaliseForMatch(text))) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('has the words of normaliseForMatch for any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
        expect(wordsIn(sketch(text))).toBe(wordsIn(normaliseForMatch(text)));
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

const tokens = (text: string): string[] => wordsOf(normaliseForMatch(text)).list;

/** The page read at once, as a short article is. */
const buildTextIndex = (root: Element | Document): TextIndex => openTextIndex(root, { firstStretch: Infinity });

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
        // A changed quote is aligned over the whole page.
        if (match !== null && !match.exact) expect(index.complete).toBe(true);
        while (index.readOn());
        expect(index.text).toBe(whole.text);
        expect(index.nodes).toEqual(whole.nodes);
      }),
    );
  });
});

/**
 * Spellings that fold alike, a few words each: pages and quotes drawn from them repeat words often, so a quote's words
 * stand all over the page, in other orders too, and the page's raw text spells them otherwise than the quote.
 */
const VOCABULARY = [
  ['Gespräch', 'Gesprach', 'GESPRÄCH', 'Gespra\u0308ch'],
  ['Außenminister', 'Aussenminister', 'AUSSENMINISTER'],
  ['Russland', 'Rußland'],
  ['über', 'uber', 'Über'],
  ['nützlich', 'Nützlich', 'nüt\u00ADzlich'],
  ['Sicherheitsgarantien', 'Sicherheits\u00ADgarantien', 'Sicherheits\u200Bgarantien'],
  ['Souveränität', 'Souveranitat'],
  ['Angriffspläne', 'Angriﬀspläne', 'Angriffsplàne'],
  ['offen'], ['und'], ['die'], ['sei'], ['gewesen'], ['Lawrow'], ['Genf'], ['Kontakt'], ['Treffen'],
];

/** A page word: which vocabulary word, which spelling, and how it is set. */
interface SetWord {
  word: number;
  spelling: number;
  punctuation: string;
  /** Inline markup splitting the word, or quote marks in or around it. */
  inside: '' | 'split' | 'apostrophe' | 'quoted';
}

const setWord: fc.Arbitrary<SetWord> = fc.record({
  word: fc.nat(VOCABULARY.length - 1),
  spelling: fc.nat(),
  punctuation: fc.constantFrom('', '', '', '', ',', '.'),
  inside: fc.constantFrom('', '', '', '', '', 'split', 'apostrophe', 'quoted'),
});

/** What the index leaves out, put after a word: a hidden block, a script, or a hidden inline element inside the word. */
const leftOut = fc.array(fc.record({ after: fc.nat(), kind: fc.constantFrom('block', 'script', 'block', 'script', 'inline') }), { maxLength: 3 });

function spelt(word: number, spelling: number): string {
  const spellings = VOCABULARY[word]!;
  return spellings[spelling % spellings.length]!;
}

/** A word's text, set as `inside` says; a hidden inline element, if any, goes into its middle. */
function wordNodes(w: SetWord, hiddenInside: boolean): (Node | string)[] {
  const letters = spelt(w.word, w.spelling);
  const cut = letters.length >> 1;
  const [head, tail] = [letters.slice(0, cut), letters.slice(cut)];
  if (hiddenInside) {
    const hidden = doc.createElement('span');
    hidden.hidden = true;
    hidden.append('Anzeige');
    return [head, hidden, tail];
  }
  if (w.inside === 'split') {
    const bold = doc.createElement('b');
    bold.append(tail);
    return [head, bold];
  }
  return [w.inside === 'apostrophe' ? `${head}’${tail}` : w.inside === 'quoted' ? `„${letters}“` : letters];
}

/** Sets the words into paragraphs with nothing between them, so that textContent runs the paragraphs together. */
function renderSet(words: SetWord[], paragraphLength: number, leftOuts: { after: number; kind: string }[]): void {
  doc.body.replaceChildren();
  let paragraph = doc.createElement('p');
  words.forEach((w, i) => {
    const here = leftOuts.filter(({ after }) => after % words.length === i);
    paragraph.append(...wordNodes(w, here.some(({ kind }) => kind === 'inline')), `${w.punctuation} `);
    for (const { kind } of here.filter(({ kind }) => kind !== 'inline')) {
      const element = doc.createElement(kind === 'script' ? 'script' : 'div');
      element.hidden = kind === 'block';
      element.append(kind === 'script' ? 'track("Gespräch")' : 'Top-Jobs des Tages in Genf');
      paragraph.append(element);
    }
    if ((i + 1) % paragraphLength === 0) {
      doc.body.append(paragraph);
      paragraph = doc.createElement('p');
    }
  });
  doc.body.append(paragraph);
}

/** Changes made to a stretch of the page to make the quote: which words, and how. */
const quoteEdits = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('change', 'drop', 'add', 'swap') }), { maxLength: 4 });

describe('ruling quotes out from a sketch of generated pages', () => {
  const pointOf = (point: TextPoint) => ({ node: point.node, offset: point.offset });
  const whereFound = (match: QuoteMatch | null) => match && { start: pointOf(match.start), end: pointOf(match.end), score: match.score, exact: match.exact };

  it('rules out no quote that reading the whole page finds, wherever it stands and however it is spelt', () => {
    const page = fc.record({
      words: fc.array(setWord, { minLength: 20, maxLength: 120 }),
      paragraphLength: fc.integer({ min: 2, max: 30 }),
      leftOuts: leftOut,
      quoteStart: fc.nat(),
      quoteLength: fc.integer({ min: 4, max: 30 }),
      spellings: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
    });
    fc.assert(
      fc.property(page, quoteEdits, fc.integer({ min: 1, max: 32 }), ({ words, paragraphLength, leftOuts, quoteStart, quoteLength, spellings }, edits, firstStretch) => {
        renderSet(words, paragraphLength, leftOuts);
        const start = quoteStart % words.length;
        const quoteWords = words.slice(start, start + quoteLength).map((w, i) => spelt(w.word, spellings[i] ?? 0));
        for (const { at, kind } of edits) {
          const i = at % quoteWords.length;
          if (kind === 'change') quoteWords[i] = 'Zwischenruf';
          else if (kind === 'drop' && quoteWords.length > 1) quoteWords.splice(i, 1);
          else if (kind === 'add') quoteWords.splice(i, 0, 'Zwischenruf');
          else if (i + 1 < quoteWords.length) quoteWords.splice(i, 2, quoteWords[i + 1]!, quoteWords[i]!);
        }
        const quote = quoteWords.join(' ');
        expect(whereFound(findQuote(openTextIndex(doc.body, { firstStretch }), quote))).toEqual(whereFound(findQuote(buildTextIndex(doc.body), quote)));
      }),
      { numRuns: 300 },
    );
  });
});
