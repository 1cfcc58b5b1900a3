/** How the matcher reads a story: stretch by stretch, and what it rules out before reading on. */
import { describe, expect, it } from 'vitest';
import { findQuote, findQuotes, openTextIndex, type QuoteMatch } from '../../src/core/quote';
import { normaliseForMatch } from '../../src/core/quote/normalise';
import { articleUrl, GENEVA_TEXT, longArticlePage } from '../../tools/pages';
import { parseHtml } from '../support/dom';
import { QUOTES, QUOTE_KEYS, htmlText, storyPage, genevaPage, replaceOnce, DECORATIONS, decoratedGenevaPage, buildTextIndex, marked, paragraphOf, type QuoteKey } from '../support/quote-pages';

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

