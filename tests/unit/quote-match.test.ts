import { describe, expect, it } from 'vitest';
import { allQuotes, briefing } from '../../src/briefing';
import { findQuote, findQuotes, openTextIndex, toRange, type QuoteMatch, type TextIndex } from '../../src/core/quote-match';
import { allowedEdits } from '../../src/core/quote/align';
import { normaliseForMatch, wordsOf } from '../../src/core/quote/normalise';
import { allPages, articleUrl, GENEVA_TEXT, genevaArticlePage, longArticlePage } from '../../tools/pages';
import { parseHtml } from '../support/dom';

/** Verbatim from the corrected article (checked in the first test). */
const QUOTES = {
  blinkenPosition:
    'Ich habe die Position der Vereinigten Staaten und unserer europäischen Verbündeten und Partner übermittelt, dass wir fest an der Seite der Ukraine stehen und ihre Souveränität und territoriale Integrität unterstützen',
  blinkenInvasion:
    'Wir haben deutlich gemacht, dass es sich um eine erneute Invasion handelt, wenn sich irgendwelche russischen Streitkräfte über die Grenze der Ukraine bewegen.',
  blinkenResponse:
    'Darauf werden die Vereinigten Staaten und unsere Partner und Verbündeten schnell, hart und mit vereinten Kräften reagieren.',
  lawrowBilanz: 'Russlands Außenminister Sergej Lawrow zieht eine positive Bilanz seines Gesprächs mit Blinken.',
  lawrowUseful: 'Das Treffen sei „offen und nützlich“ gewesen',
  lawrowPrepared: 'Allerdings sollte jeglicher Kontakt zwischen beiden Staatschefs gut vorbereitet sein.',
  lawrowNoThreat:
    'Russland habe das ukrainische Volk niemals bedroht und hege auch keine Angriffspläne gegen die frühere Sowjetrepublik.',
} as const;

type QuoteKey = keyof typeof QUOTES;
const QUOTE_KEYS = Object.keys(QUOTES) as QuoteKey[];

/** The same sentences as received, with their damaged words (READING-NOTES.md). */
const RECEIVED: Partial<Record<QuoteKey, string>> = {
  blinkenPosition:
    'Ich habe die Place der Vereinigten Staaten und unserer europäischen Verbündeten und Accomplice übermittelt, dass wir fest an der Seite der Ukraine stehen und ihre Souveränität und territoriale Integrität unterstützen',
  blinkenResponse:
    'Darauf werden die Vereinigten Staaten und unsere Accomplice und Verbündeten schnell, hart und mit vereinten Kräften reagieren.',
  lawrowBilanz: 'Russlands Außenminister Sergej Lawrow zieht eine optimistic Bilanz seines Gesprächs mit Blinken.',
  lawrowPrepared: 'Allerdings sollte jeglicher Kontakt zwischen beiden Staatschefs intestine vorbereitet sein.',
};

const LAWROW_PARAGRAPH = GENEVA_TEXT.corrected.split('\n').find((line) => line.startsWith('Russlands Außenminister'))!;

/** A plausible later version of the Lawrow paragraph: a few words reworded, one of them inside the quote. */
const LAWROW_REWORDED =
  'Russlands Außenminister Sergej Lawrow zog eine positive Bilanz seines Gesprächs mit Blinken. Das Treffen sei „offen und nützlich“ gewesen, sagte Lawrow. Er kündigte an, dass der Dialog weitergehen solle. Präsident Wladimir Putin sei stets bereit, in Kontakt mit US-Präsident Joe Biden zu treten. Allerdings müsse jeglicher Kontakt zwischen beiden Staatschefs gut vorbereitet sein.';

/** The same content, rewritten throughout: no sentence of the original survives. */
const LAWROW_REWRITTEN =
  'Lawrow sprach nach dem Treffen von einem nützlichen und offenen Austausch mit seinem Kollegen. Ein Gipfel zwischen Putin und Biden sei denkbar, müsse aber sorgfältig vorbereitet werden, betonte der russische Chefdiplomat. Moskau wolle den Dialog fortsetzen.';

/** Other news in Handelsblatt's voice, sharing words and phrases with the quotes but none of their sentences. */
const UNRELATED = [
  'Die Vereinigten Staaten und ihre Verbündeten werden schnell und hart reagieren, falls Iran die Straße von Hormus sperrt, sagte ein Sprecher des Außenministeriums in Washington.',
  'Ich habe die Position der Bundesregierung übermittelt, dass wir fest an der Seite Israels stehen, sagte die Ministerin. Präsident Donald Trump sagte geplante Angriffe auf Iran kurzfristig ab; das Treffen im Weißen Haus sei offen gewesen.',
  'Der britische Pharmakonzern Astrazeneca erwägt eine Fusion mit dem US-Rivalen Bristol-Myers Squibb. Die Gespräche seien gut vorbereitet, hieß es aus Unternehmenskreisen, eine Entscheidung falle frühestens im Herbst.',
  'Allerdings sollte jeglicher Kontakt zu den Aufsichtsbehörden in Brüssel und Washington abgestimmt sein, sagte der Vorstandschef. Die Souveränität der Kartellwächter in der Europäischen Union stehe außer Frage.',
];

function htmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A page in today's story markup with one paragraph per entry; entries are HTML. */
function storyPage(paragraphs: readonly string[], extraBody = ''): Document {
  const body = paragraphs
    .map((p) => `<app-storyline-element><app-storyline-paragraph><app-rich-text><p>${p}</p></app-rich-text></app-storyline-paragraph></app-storyline-element>`)
    .join('\n');
  return parseHtml(
    `<!DOCTYPE html><html lang="de"><head><title>Test</title></head><body>${extraBody}<app-storyline-elements>${body}</app-storyline-elements></body></html>`,
    articleUrl.geneva,
  );
}

function linesOf(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The Geneva text as a page, with `edit` applied to each line's HTML. */
function genevaPage(text: string, edit: (html: string) => string = (html) => html): Document {
  return storyPage(linesOf(text).map((line) => edit(htmlText(line))));
}

function replaceOnce(html: string, from: string, to: string): string {
  return html.includes(from) ? html.replace(from, to) : html;
}

/** The corrected text with the markup the site puts inside sentences and the character variants it uses. */
const DECORATIONS: [string, string][] = [
  ['an der Seite der Ukraine stehen', 'an der Seite der <a href="/themen/ukraine" target="_self" class="topic-link">Ukraine</a> stehen'],
  ['Souveränität', 'Souve&shy;räni&shy;tät'],
  ['„Ich habe', '«Ich habe'],
  ['unterstützen“', 'unterstützen»'],
  ['bewegen. Darauf', 'bewegen.<br>Darauf'],
  ['schnell, hart', 'schnell,\n   hart'],
  ['„offen und nützlich“', '"offen und nützlich"'],
  ['Joe Biden', 'Joe&nbsp;Biden'],
  ['Staatschefs', 'Staats&shy;chefs'],
  ['Russland habe das ukrainische Volk', '<strong>Russland habe das ukrainische Volk</strong>'],
  ['Angriffspläne', 'Angriffs\u200Bpläne'],
];

function decoratedGenevaPage(): Document {
  return genevaPage(GENEVA_TEXT.corrected, (html) => DECORATIONS.reduce((out, [from, to]) => replaceOnce(out, from, to), html));
}

/** The story read at once, as a short article is. */
function buildTextIndex(root: Element | Document | DocumentFragment, { skip }: { skip?: string } = {}): TextIndex {
  return openTextIndex(root, { skip, firstStretch: Infinity });
}

const tokens = (text: string): string[] => wordsOf(normaliseForMatch(text)).list;

function find(doc: Document, quote: string): QuoteMatch | null {
  return findQuote(buildTextIndex(doc), quote);
}

function marked(match: QuoteMatch): string {
  return normaliseForMatch(toRange(match).toString());
}

function paragraphOf(match: QuoteMatch): Element | null {
  const common = toRange(match).commonAncestorContainer;
  return (common.nodeType === 1 ? (common as Element) : common.parentElement)?.closest('p') ?? null;
}

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

describe('reading the page stretch by stretch', () => {
  /** The decorated article with everything the index leaves out around and inside it. */
  function pageWithLeftOuts(): Document {
    const doc = decoratedGenevaPage();
    doc.body.insertAdjacentHTML('afterbegin', '<script>var x = "Skript";</script><div data-lagebild-hidden><p>Stellenmarkt eins</p></div>');
    const paragraphs = doc.querySelectorAll('app-storyline-elements p');
    paragraphs[3]!.insertAdjacentHTML('beforeend', '<span hidden>versteckt</span><template><p>Vorlage</p></template>');
    paragraphs[5]!.insertAdjacentHTML('afterend', '<div data-lagebild-hidden><p>Stellenmarkt zwei</p></div>');
    // Spaces at both ends of neighbouring nodes merge, also where a stretch ends between them (early in the page, where
    // stretches are still short).
    paragraphs[0]!.insertAdjacentHTML('beforebegin', '<p>Vorweg <em> betont </em><span>  </span> weiter </p>');
    doc.body.append(' \n');
    return doc;
  }

  const STRETCHES = [1, 2, 7, 40, 333, 100_000];

  function expectSameMatch(actual: QuoteMatch | null, expected: QuoteMatch | null): void {
    expect(actual === null).toBe(expected === null);
    if (actual === null || expected === null) return;
    expect(actual.start.node).toBe(expected.start.node);
    expect(actual.start.offset).toBe(expected.start.offset);
    expect(actual.end.node).toBe(expected.end.node);
    expect(actual.end.offset).toBe(expected.end.offset);
    expect(actual.score).toBe(expected.score);
  }

  it.each(STRETCHES)('gives the text and nodes of reading at once, and a start of that text after each stretch (first stretch %i)', (firstStretch) => {
    const doc = pageWithLeftOuts();
    const whole = buildTextIndex(doc, { skip: '[data-lagebild-hidden]' });
    const index = openTextIndex(doc, { skip: '[data-lagebild-hidden]', firstStretch });
    while (index.readOn()) expect(whole.text.startsWith(index.text.trimEnd())).toBe(true);
    expect(index.complete).toBe(true);
    expect(index.text).toBe(whole.text);
    expect(whole.text).toBe(whole.text.trim());
    expect(whole.text).toContain('vorweg betont weiter');
    expect(index.nodes).toEqual(whole.nodes);
    expect(index.text).not.toMatch(/skript|stellenmarkt|versteckt|vorlage/);
  });

  it.each(STRETCHES)('finds every quote where reading at once finds it, exact or not (first stretch %i)', (firstStretch) => {
    for (const text of [GENEVA_TEXT.corrected, GENEVA_TEXT['as-received']]) {
      const doc = genevaPage(text, (html) => DECORATIONS.reduce((out, [from, to]) => replaceOnce(out, from, to), html));
      const whole = buildTextIndex(doc);
      const index = openTextIndex(doc, { firstStretch });
      for (const key of QUOTE_KEYS) expectSameMatch(findQuote(index, QUOTES[key]), findQuote(whole, QUOTES[key]));
    }
  });

  it('finds a quote that runs across the end of a stretch, and takes it before a later place', () => {
    const [head, tail] = [QUOTES.blinkenInvasion.slice(0, 40), QUOTES.blinkenInvasion.slice(40)];
    const page = storyPage(['Vorweg ein anderer Satz.', `${htmlText(head)}<strong>${htmlText(tail)}</strong>`, 'Dazwischen.', htmlText(QUOTES.blinkenInvasion)]);
    // Stretches of 1, 2 and 4 units: the first holds the sentence before, the second ends inside the quote.
    const index = openTextIndex(page, { firstStretch: 1 });
    const match = findQuote(index, QUOTES.blinkenInvasion)!;
    expect(match.exact).toBe(true);
    expect(paragraphOf(match)).toBe(page.querySelectorAll('p')[1]);
    expect(marked(match)).toBe(normaliseForMatch(QUOTES.blinkenInvasion));
  });

  it('does not take a place ending where a stretch ends when the next node goes on with its last word', () => {
    const page = storyPage([`${htmlText(QUOTES.blinkenPosition)}<span>d</span>`, 'Dazwischen.', `${htmlText(QUOTES.blinkenPosition)}.`]);
    const match = findQuote(openTextIndex(page, { firstStretch: 1 }), QUOTES.blinkenPosition)!;
    expect(paragraphOf(match)).toBe(page.querySelectorAll('p')[2]);
  });

  it('takes a place ending where a stretch ends once the next node shows the word ends there', () => {
    const page = storyPage([`${htmlText(QUOTES.blinkenPosition)}<br>d`, 'Dazwischen.', `${htmlText(QUOTES.blinkenPosition)}.`]);
    const match = findQuote(openTextIndex(page, { firstStretch: 1 }), QUOTES.blinkenPosition)!;
    expect(paragraphOf(match)).toBe(page.querySelector('p'));
  });

  it('reads a long page no further than the quotes it finds exactly need', () => {
    const page = parseHtml(longArticlePage({ paragraphs: 200, topic: 'ukraine' }), articleUrl.long);
    const index = openTextIndex(page);
    for (const key of QUOTE_KEYS) expect(findQuote(index, QUOTES[key])?.exact).toBe(true);
    expect(index.complete).toBe(false);
    expect(index.text.length).toBeLessThan(buildTextIndex(page).text.length / 10);
  });

  /** The Lawrow sentence with one word changed, and paragraphs enough to put several stretch ends between two places. */
  const reworded = QUOTES.lawrowPrepared.replace('sollte', 'müsse');
  const filler = Array.from({ length: 40 }, (_, i) => `Absatz ${i} über anderes, lang genug für mehrere Abschnitte beim Lesen.`);

  it('reads on past the quotes found exactly for one that the page holds only with a changed word', () => {
    const page = storyPage([htmlText(QUOTES.blinkenInvasion), ...filler, htmlText(reworded)]);
    const found = findQuotes(page, [{ id: 'invasion', text: QUOTES.blinkenInvasion }, { id: 'prepared', text: QUOTES.lawrowPrepared }], { firstStretch: 16 });
    expect(found.get('invasion')?.exact).toBe(true);
    expect(found.get('prepared')?.exact).toBe(false);
    expect(marked(found.get('prepared')!)).toBe(normaliseForMatch(reworded));
  });

  it('prefers the quote word for word late in the page to a changed version early in it', () => {
    const page = storyPage([htmlText(reworded), ...filler, htmlText(QUOTES.lawrowPrepared)]);
    const match = findQuote(openTextIndex(page, { firstStretch: 16 }), QUOTES.lawrowPrepared)!;
    expect(match.exact).toBe(true);
    expect(paragraphOf(match)).toBe([...page.querySelectorAll('p')].at(-1));
  });
});

describe('ruling a quote out from a sketch of the whole story before reading it', () => {
  /** Enough other paragraphs before the quote that its page is read stretch by stretch and sketched first. */
  const before = Array.from({ length: 12 }, (_, i) => `Absatz ${i} über die Gespräche in Genf, lang genug für mehrere Abschnitte beim Lesen.`);
  const after = ['Danach ging es um anderes.', 'Am Abend reiste Blinken weiter nach Berlin.'];

  /**
   * The quote's story read at once, and read from a first stretch of one unit, which sketches the story at once. The
   * story root, as the content script has it, holds no more than the test puts in it, so the rule-out is tight.
   */
  function bothWays(page: Document, quote: string, skip?: string): { whole: QuoteMatch | null; lazy: QuoteMatch | null; index: ReturnType<typeof openTextIndex> } {
    const story = page.querySelector('app-storyline-elements')!;
    const index = openTextIndex(story, { skip, firstStretch: 1 });
    return { whole: findQuote(buildTextIndex(story, { skip }), quote), lazy: findQuote(index, quote), index };
  }

  function expectSame(actual: QuoteMatch | null, expected: QuoteMatch | null): void {
    expect(actual && { ...actual, start: { ...actual.start }, end: { ...actual.end } }).toEqual(
      expected && { ...expected, start: { ...expected.start }, end: { ...expected.end } },
    );
  }

  it('leaves the rest of a long page unread for a quote it does not hold', () => {
    const page = parseHtml(longArticlePage({ paragraphs: 200 }), articleUrl.long);
    const index = openTextIndex(page);
    for (const key of QUOTE_KEYS) expect(findQuote(index, QUOTES[key])).toBeNull();
    expect(index.complete).toBe(false);
    expect(index.text.length).toBeLessThan(buildTextIndex(page).text.length / 10);
  });

  /** The quote's words of five letters or more, each set as `set` gives it, in HTML. */
  function everyLongWord(quote: string, set: (word: string) => string): string {
    return htmlText(quote).replace(/[\p{L}]{5,}/gu, set);
  }

  const half = (word: string): number => word.length >> 1;
  const WIDGET = '<div class="job-widget">Top-Jobs des Tages: Referent Außenpolitik (m/w/d) in Berlin</div>';

  /**
   * Pages that hold a quote exactly or nearly, set the ways the raw text differs most from the index's form; each
   * touches more of the quote's words than it may have edits, so a sketch that read them wrong would rule it out.
   */
  const HELD: { name: string; key: QuoteKey; paragraphs: string[]; skip?: string }[] = [
    { name: 'a quote of fewer than eight words, which must stand word for word', key: 'lawrowUseful', paragraphs: [htmlText(QUOTES.lawrowUseful)] },
    { name: 'one word changed', key: 'lawrowPrepared', paragraphs: ['Allerdings müsse jeglicher Kontakt zwischen beiden Staatschefs gut vorbereitet sein.'] },
    { name: 'two words swapped', key: 'blinkenPosition', paragraphs: [htmlText(QUOTES.blinkenPosition.replace('fest an der Seite', 'an der fest Seite'))] },
    { name: 'soft hyphens in words', key: 'lawrowPrepared', paragraphs: [everyLongWord(QUOTES.lawrowPrepared, (w) => `${w.slice(0, half(w))}&shy;${w.slice(half(w))}`)] },
    { name: 'zero-width characters in words', key: 'lawrowPrepared', paragraphs: [everyLongWord(QUOTES.lawrowPrepared, (w) => `${w.slice(0, half(w))}\u200B${w.slice(half(w))}\uFEFF`)] },
    { name: 'typographic quote marks in and around words', key: 'lawrowPrepared', paragraphs: [everyLongWord(QUOTES.lawrowPrepared, (w) => `„${w.slice(0, half(w))}’${w.slice(half(w))}“`)] },
    { name: 'straight quote marks in words', key: 'lawrowPrepared', paragraphs: [everyLongWord(QUOTES.lawrowPrepared, (w) => `${w.slice(0, half(w))}'${w.slice(half(w))}&quot;`)] },
    { name: 'words split over inline elements', key: 'lawrowPrepared', paragraphs: [everyLongWord(QUOTES.lawrowPrepared, (w) => `${w.slice(0, half(w))}<a href="/themen/x">${w.slice(half(w))}</a>`)] },
    { name: 'no umlauts where the quote has them', key: 'blinkenPosition', paragraphs: [htmlText(QUOTES.blinkenPosition.replace(/[äöü]/g, (c) => c.normalize('NFD')[0]!))] },
    { name: 'umlauts as letter and combining mark', key: 'blinkenPosition', paragraphs: [htmlText(QUOTES.blinkenPosition.normalize('NFD'))] },
    { name: 'ß for ss and ss for ß', key: 'lawrowBilanz', paragraphs: [htmlText(QUOTES.lawrowBilanz.replace('Russlands Außenminister', 'Rußlands Aussenminister'))] },
    { name: 'capitals, no-break spaces and dashes', key: 'blinkenResponse', paragraphs: [htmlText(QUOTES.blinkenResponse.toUpperCase()).replaceAll(' und ', '&nbsp;und&nbsp;').replace('schnell, hart', 'schnell – hart')] },
    { name: 'accents and ligatures', key: 'lawrowNoThreat', paragraphs: [htmlText(QUOTES.lawrowNoThreat.replace('Angriffspläne', 'Angriﬀsplàne').replace('bedroht', 'bédroht').replace('Sowjetrepublik', 'Sowjetrepublík'))] },
    { name: 'a quote across two blocks whose words run together in textContent', key: 'blinkenPosition', paragraphs: [htmlText(QUOTES.blinkenPosition.slice(0, 60)), htmlText(QUOTES.blinkenPosition.slice(60))] },
    { name: 'a left-out block early in the quote', key: 'blinkenPosition', skip: '.job-widget', paragraphs: [`<span>${htmlText(QUOTES.blinkenPosition).replace(' der Vereinigten', `${WIDGET} der Vereinigten`)}</span>`] },
    { name: 'a left-out block late in the quote', key: 'blinkenInvasion', skip: '.job-widget', paragraphs: [`<span>${htmlText(QUOTES.blinkenInvasion).replace(' über die', `${WIDGET} über die`)}</span>`] },
    { name: 'a left-out script inside the quote', key: 'lawrowPrepared', paragraphs: [htmlText(QUOTES.lawrowPrepared).replace(' Kontakt', '<script>track("Kontakt zu Staatschefs")</script> Kontakt')] },
    { name: 'left-out inline elements inside words', key: 'lawrowPrepared', paragraphs: [everyLongWord(QUOTES.lawrowPrepared, (w) => `${w.slice(0, half(w))}<span hidden>Anzeige</span>${w.slice(half(w))}`)] },
  ];

  it.each(HELD)('finds the quote where reading at once finds it: $name', ({ key, paragraphs, skip }) => {
    const page = storyPage([...before, ...paragraphs, ...after]);
    const { whole, lazy } = bothWays(page, QUOTES[key], skip);
    expect(whole).not.toBeNull();
    expectSame(lazy, whole);
  });

  it('rules out a sentence that shares the quote\'s words but not their order, and reads no further', () => {
    const page = storyPage([...before, 'Nach dem Gespräch mit Blinken sagte Lawrow, das Treffen sei offen und nützlich gewesen. Eine Einigung gebe es nicht.', ...after]);
    const { whole, lazy, index } = bothWays(page, QUOTES.lawrowUseful.replace('gewesen', 'gewesen, sagte Lawrow'));
    expect(whole).toBeNull();
    expect(lazy).toBeNull();
    expect(index.complete).toBe(false);
  });

  it('finds a quote late in a page that has its words more often than they can say where it stands', () => {
    const changed = htmlText(QUOTES.lawrowPrepared.replace('Kontakt zwischen', 'Treffen zwischen').replace('gut vorbereitet', 'gründlich vorbereitet'));
    const page = storyPage([...Array.from({ length: 70 }, () => changed), htmlText(QUOTES.lawrowPrepared)]);
    const { whole, lazy } = bothWays(page, QUOTES.lawrowPrepared);
    expect(whole!.exact).toBe(true);
    expectSame(lazy, whole);
  });

  it('takes the quote\'s first place when a changed version stands earlier in the page', () => {
    const page = storyPage([...before, 'Allerdings müsse jeglicher Kontakt zwischen beiden Staatschefs gut vorbereitet sein.', ...after, htmlText(QUOTES.lawrowPrepared)]);
    const { whole, lazy } = bothWays(page, QUOTES.lawrowPrepared);
    expect(whole!.exact).toBe(true);
    expectSame(lazy, whole);
  });
});
