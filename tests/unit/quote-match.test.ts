import { describe, expect, it } from 'vitest';
import { allQuotes, briefing } from '../../src/briefing';
import { findQuote, findQuotes, toRange } from '../../src/core/quote';
import { allowedEdits } from '../../src/core/quote/align';
import { normaliseForMatch } from '../../src/core/quote/normalise';
import { allPages, articleUrl, GENEVA_TEXT, genevaArticlePage, longArticlePage } from '../../tools/pages';
import { parseHtml } from '../support/dom';
import { QUOTES, QUOTE_KEYS, RECEIVED, LAWROW_PARAGRAPH, LAWROW_REWORDED, LAWROW_REWRITTEN, UNRELATED, htmlText, storyPage, linesOf, genevaPage, DECORATIONS, decoratedGenevaPage, buildTextIndex, tokens, find, marked, paragraphOf, type QuoteKey } from '../support/quote-pages';

describe('test data', () => {
  it('takes every quote verbatim from the corrected text, and the damaged sentences from the received one', () => {
    for (const quote of Object.values(QUOTES)) expect(GENEVA_TEXT.corrected).toContain(quote);
    for (const sentence of Object.values(RECEIVED)) expect(GENEVA_TEXT['as-received']).toContain(sentence);
    expect(GENEVA_TEXT.corrected).toContain(LAWROW_PARAGRAPH);
  });

  it('applies every decoration', () => {
    const html = linesOf(GENEVA_TEXT.corrected).map(htmlText).join('\n');
    for (const [from] of DECORATIONS) expect(html).toContain(from);
  });
});

describe('normaliseForMatch and tokens', () => {
  it('lower-cases, drops quote marks, soft hyphens and zero-width characters, unifies dashes and whitespace', () => {
    expect(normaliseForMatch('  „Souve\u00ADräni\u200Btät“ —\u00A0Ukraine–Konflikt\n\t«Straße» ')).toBe(
      'souveranitat - ukraine-konflikt strasse',
    );
    expect(normaliseForMatch("'offen' und \"nützlich\" ‚gewesen‘ ‹so›")).toBe('offen und nutzlich gewesen so');
  });

  it('treats precomposed and decomposed umlauts alike', () => {
    expect(normaliseForMatch('Verbünde\u0308ten')).toBe(normaliseForMatch('Verbündeten'));
    expect(normaliseForMatch('Verbu\u0308ndeten')).toBe('verbundeten');
  });

  it('splits words at punctuation, quote marks and dashes', () => {
    expect(tokens('„Ich habe“, sagte US-Präsident Joe Biden: rund 100.000 Soldaten.')).toEqual([
      'ich', 'habe', 'sagte', 'us', 'prasident', 'joe', 'biden', 'rund', '100', '000', 'soldaten',
    ]);
    expect(tokens(' – „“ ')).toEqual([]);
  });
});

describe('buildTextIndex', () => {
  it('joins inline markup and separates blocks and <br>', () => {
    const doc = storyPage(['Verbün<strong>de\u00ADten</strong> und<br>Partner', 'Ende.', 'Anfang <a href="/x">im</a>Satz']);
    expect(buildTextIndex(doc).text).toBe('verbundeten und partner ende. anfang imsatz');
  });

  it('leaves out scripts, styles, templates, hidden elements and what the caller skips', () => {
    const doc = storyPage(
      ['Sichtbar', '<span hidden>versteckt</span>bleibt', '<span hidden="until-found">auffindbar</span>'],
      '<script type="application/ld+json">{"articleBody":"Skript"}</script><style>p{}</style><noscript>Kein JS</noscript>'
        + '<template><p>Vorlage</p></template><div data-lagebild-hidden><p>Top-Jobs des Tages</p></div>',
    );
    const index = buildTextIndex(doc, { skip: '[data-lagebild-hidden]' });
    expect(index.text).toBe('sichtbar bleibt auffindbar');
  });

  it('indexes an element or a fragment as well as a document', () => {
    const doc = decoratedGenevaPage();
    const paragraph = doc.querySelectorAll('p')[2]!;
    expect(buildTextIndex(paragraph).text).toBe(normaliseForMatch(LAWROW_PARAGRAPH));
    const fragment = doc.createDocumentFragment();
    fragment.append(paragraph.cloneNode(true));
    expect(buildTextIndex(fragment).text).toBe(normaliseForMatch(LAWROW_PARAGRAPH));
  });
});

describe('findQuote in the corrected article', () => {
  const doc = decoratedGenevaPage();
  const index = buildTextIndex(doc);

  it.each(QUOTE_KEYS)('finds %s exactly, across links, <strong>, <br>, soft hyphens and other quote marks', (key) => {
    const match = findQuote(index, QUOTES[key]);
    expect(match).not.toBeNull();
    expect(match!.exact).toBe(true);
    expect(match!.score).toBe(1);
    expect(marked(match!)).toBe(normaliseForMatch(QUOTES[key]));
    expect(normaliseForMatch(paragraphOf(match!)!.textContent)).toContain(normaliseForMatch(QUOTES[key]).slice(0, 40));
  });

  it('returns a range that starts and ends in the text nodes of the match', () => {
    const match = findQuote(index, QUOTES.lawrowNoThreat)!;
    const range = toRange(match);
    expect(range.startContainer).toBe(match.start.node);
    expect(range.startOffset).toBe(match.start.offset);
    expect(range.endContainer).toBe(match.end.node);
    expect(range.endOffset).toBe(match.end.offset);
    expect(match.start.node.parentElement!.localName).toBe('strong');
    expect(range.toString()).toBe(QUOTES.lawrowNoThreat.replace('Angriffspläne', 'Angriffs\u200Bpläne'));
  });

  it('finds a quote that runs across a <br>', () => {
    const page = storyPage(['Ich habe die Position der Vereinigten Staaten und unserer europäischen Verbündeten und<br>Partner übermittelt, dass wir fest an der Seite der Ukraine stehen und ihre Souveränität und territoriale Integrität unterstützen.']);
    const match = find(page, QUOTES.blinkenPosition)!;
    expect(match.exact).toBe(true);
    expect(match.start.node).not.toBe(match.end.node);
    expect(toRange(match).toString()).toBe(QUOTES.blinkenPosition.replace('und Partner', 'undPartner'));
  });

  it('counts a quote whose punctuation differs from the page as exact', () => {
    const match = findQuote(index, `„${QUOTES.blinkenPosition}.“`)!;
    expect(match.exact).toBe(true);
    expect(match.score).toBe(1);
    expect(marked(match)).toBe(normaliseForMatch(QUOTES.blinkenPosition));
  });

  it('finds every quote of the bundled briefing in the article page as built for the site', () => {
    const page = parseHtml(genevaArticlePage(), articleUrl.geneva);
    const quotes = allQuotes(briefing);
    const found = findQuotes(page, quotes.map(({ id, de }) => ({ id, text: de })));
    expect([...found.keys()]).toEqual(quotes.map((q) => q.id));
    for (const quote of quotes) {
      const match = found.get(quote.id)!;
      expect(match.exact).toBe(true);
      expect(marked(match)).toBe(normaliseForMatch(quote.de));
    }
  });

  it('takes the first of several places that hold the quote', () => {
    const page = storyPage([htmlText(QUOTES.lawrowPrepared), 'Dazwischen.', htmlText(QUOTES.lawrowPrepared)]);
    const match = find(page, QUOTES.lawrowPrepared)!;
    expect(paragraphOf(match)).toBe(page.querySelector('p'));
  });

  it('finds the quotes on a 2,000-paragraph page (the size benchmarks time)', () => {
    const page = parseHtml(longArticlePage({ paragraphs: 2000, topic: 'ukraine' }), articleUrl.long);
    const found = findQuotes(page, QUOTE_KEYS.map((key) => ({ id: key, text: QUOTES[key] })));
    expect([...found.keys()]).toEqual(QUOTE_KEYS);
  });
});

describe('findQuote in the text as received', () => {
  const index = buildTextIndex(genevaPage(GENEVA_TEXT['as-received']));

  it.each(Object.entries(RECEIVED))('finds %s despite its damaged words and marks the received sentence', (key, sentence) => {
    const quote = QUOTES[key as QuoteKey];
    const match = findQuote(index, quote);
    expect(match).not.toBeNull();
    expect(match!.exact).toBe(false);
    expect(match!.score).toBeGreaterThanOrEqual(0.9);
    expect(match!.score).toBeLessThan(1);
    expect(marked(match!)).toBe(normaliseForMatch(sentence));
  });

  it('finds the undamaged Blinken quote exactly', () => {
    const match = findQuote(index, QUOTES.blinkenInvasion)!;
    expect(match.exact).toBe(true);
    expect(marked(match)).toBe(normaliseForMatch(QUOTES.blinkenInvasion));
  });

  it('finds every quote of the bundled briefing in the received article page', () => {
    const page = parseHtml(genevaArticlePage({ text: 'as-received' }), articleUrl.geneva);
    const quotes = allQuotes(briefing);
    const found = findQuotes(page, quotes.map(({ id, de }) => ({ id, text: de })));
    expect([...found.keys()]).toEqual(quotes.map((q) => q.id));
    expect(quotes.filter((q) => !found.get(q.id)!.exact).map((q) => q.id).length).toBeGreaterThanOrEqual(2);
  });
});

describe('findQuote in a later version of the article', () => {
  it('still finds the Lawrow quotes in a paragraph with a few words reworded', () => {
    const index = buildTextIndex(genevaPage(GENEVA_TEXT.corrected.replace(LAWROW_PARAGRAPH, LAWROW_REWORDED)));
    const prepared = findQuote(index, QUOTES.lawrowPrepared)!;
    expect(prepared.exact).toBe(false);
    expect(prepared.score).toBe(0.9);
    expect(marked(prepared)).toBe(normaliseForMatch('Allerdings müsse jeglicher Kontakt zwischen beiden Staatschefs gut vorbereitet sein.'));
    expect(marked(findQuote(index, QUOTES.lawrowBilanz)!)).toBe(
      normaliseForMatch('Russlands Außenminister Sergej Lawrow zog eine positive Bilanz seines Gesprächs mit Blinken.'),
    );
    expect(findQuote(index, QUOTES.lawrowUseful)!.exact).toBe(true);
  });

  it('finds none of them once the paragraph is rewritten', () => {
    const index = buildTextIndex(genevaPage(GENEVA_TEXT.corrected.replace(LAWROW_PARAGRAPH, LAWROW_REWRITTEN)));
    expect(findQuote(index, QUOTES.lawrowPrepared)).toBeNull();
    expect(findQuote(index, QUOTES.lawrowBilanz)).toBeNull();
    expect(findQuote(index, QUOTES.lawrowUseful)).toBeNull();
    expect(findQuote(index, QUOTES.blinkenResponse)).not.toBeNull();
  });
});

describe('the similarity threshold', () => {
  it('allows one edit per eight words, at most three, and none below eight words', () => {
    expect([4, 7, 8, 10, 15, 16, 17, 24, 30, 40, 100].map(allowedEdits)).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 3]);
    expect(tokens(QUOTES.blinkenPosition)).toHaveLength(30);
    expect(tokens(QUOTES.blinkenResponse)).toHaveLength(17);
    expect(tokens(QUOTES.lawrowPrepared)).toHaveLength(10);
    expect(tokens(QUOTES.lawrowUseful)).toHaveLength(7);
  });

  /**
   * Each case edits the quote's sentence in the corrected article; `words` counts the word edits (changed, missing
   * or added words), `found` says whether the quote must still be found, and then where.
   */
  const CASES: { key: QuoteKey; words: number; edits: [string, string][]; found: boolean }[] = [
    { key: 'blinkenPosition', words: 3, edits: [['Position', 'Haltung'], ['europäischen', 'westlichen'], ['fest', 'entschlossen']], found: true },
    { key: 'blinkenPosition', words: 4, edits: [['Position', 'Haltung'], ['europäischen', 'westlichen'], ['fest', 'entschlossen'], ['territoriale', 'staatliche']], found: false },
    { key: 'blinkenResponse', words: 2, edits: [['Partner und ', '']], found: true },
    { key: 'blinkenResponse', words: 2, edits: [['schnell', 'rasch'], ['mit vereinten', 'mit gemeinsamen']], found: true },
    { key: 'blinkenResponse', words: 3, edits: [['Partner und ', ''], ['schnell', 'rasch']], found: false },
    { key: 'lawrowPrepared', words: 1, edits: [['sollte', 'müsse']], found: true },
    { key: 'lawrowPrepared', words: 1, edits: [['Allerdings ', '']], found: true },
    { key: 'lawrowPrepared', words: 1, edits: [['vorbereitet sein.', 'vorbereitet.']], found: true },
    { key: 'lawrowPrepared', words: 1, edits: [['zwischen beiden', 'zwischen den beiden']], found: true },
    { key: 'lawrowPrepared', words: 2, edits: [['sollte', 'müsse'], ['jeglicher', 'jeder']], found: false },
    { key: 'lawrowUseful', words: 1, edits: [['nützlich', 'produktiv']], found: false },
  ];

  it.each(CASES)('$key with $words word edit(s): found $found', ({ key, edits, found }) => {
    const sentence = edits.reduce<string>((out, [from, to]) => out.replace(from, to), QUOTES[key]);
    const page = storyPage(linesOf(GENEVA_TEXT.corrected).map((line) => htmlText(line.replace(QUOTES[key], sentence))));
    const match = find(page, QUOTES[key]);
    if (found) expect(marked(match!)).toBe(normaliseForMatch(sentence));
    else expect(match).toBeNull();
  });

  it('finds no quote in articles on other subjects that share words and phrases with them', () => {
    const quotes = [
      ...QUOTE_KEYS.map((key) => ({ id: key, text: QUOTES[key] })),
      ...allQuotes(briefing).map(({ id, de }) => ({ id, text: de })),
    ];
    expect(findQuotes(storyPage(UNRELATED.map(htmlText)), quotes).size).toBe(0);
    for (const fixture of allPages().filter((p) => !p.name.startsWith('geneva'))) {
      expect(findQuotes(parseHtml(fixture.html, fixture.url), quotes), fixture.name).toEqual(new Map());
    }
  });

  it('finds nothing for a quote without words', () => {
    const index = buildTextIndex(decoratedGenevaPage());
    expect(findQuote(index, '')).toBeNull();
    expect(findQuote(index, ' „ – “ ')).toBeNull();
  });

  it('does not find a quote that only the page\'s JSON-LD or a skipped element holds', () => {
    const jsonLd = JSON.stringify({ articleBody: QUOTES.lawrowPrepared });
    const page = storyPage(
      ['Anderer Text.'],
      `<script type="application/ld+json">${jsonLd}</script><div class="job-widget"><p>${htmlText(QUOTES.blinkenInvasion)}</p></div>`,
    );
    expect(find(page, QUOTES.lawrowPrepared)).toBeNull();
    const found = findQuotes(page, [{ id: 'invasion', text: QUOTES.blinkenInvasion }], { skip: '.job-widget' });
    expect(found.size).toBe(0);
  });
});

