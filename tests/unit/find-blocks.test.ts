/**
 * Finding the job widget in known, unknown and hostile markup, on the real 2020 page and on
 * pages built in today's markup, without ever touching article text.
 */
import { describe, expect, it } from 'vitest';
import { countHidden, findBlocks, markBlocks, mayHoldBlock, namesHost, planSearch, searchMemory, textMayMatter, type FoundBlock } from '../../src/core/find-blocks';
import { HIDE_ATTRIBUTE, HIDING_RULES, JOB_WIDGET, PROMO_TEASERS } from '../../src/core/hiding-rules';
import { ARTICLE_PARAGRAPH } from '../../src/core/selectors';
import {
  API_ARTICLES,
  WIDGET_SELECTOR,
  WIDGET_TEXT,
  WIDGET_VARIANTS,
  allPages,
  apiArticlePage,
  articleUrl,
  genevaArticlePage,
  jobMarketArticlePage,
  liveblogPage,
  real2020Page,
  widgetHtml,
} from '../../tools/pages';
import { parseHtml } from '../support/dom';

const jobs = [JOB_WIDGET];

/** Article paragraphs as a reader sees them: real prose, not a widget line. */
function proseParagraphs(doc: Document): Element[] {
  return [...doc.querySelectorAll(ARTICLE_PARAGRAPH)].filter(
    (p) => p.textContent.trim().length > 60 && !p.textContent.includes(WIDGET_TEXT.title),
  );
}

function expectNoProseInside(found: FoundBlock[], doc: Document): void {
  const prose = proseParagraphs(doc);
  expect(prose.length).toBeGreaterThan(0);
  for (const { element } of found) {
    for (const p of prose) expect(element.contains(p), `hid article text: ${p.textContent.slice(0, 60)}`).toBe(false);
  }
}

function expectEveryWidgetCovered(found: FoundBlock[], doc: Document): void {
  const widgets = [...doc.querySelectorAll(WIDGET_SELECTOR)];
  expect(widgets.length).toBeGreaterThan(0);
  for (const widget of widgets) {
    expect(found.some(({ element }) => element.contains(widget) || (widget.contains(element) && widget.textContent === element.textContent)), `widget ${widget.getAttribute('data-test-widget')} not hidden`).toBe(true);
  }
}

describe('findBlocks on pages in today\'s markup', () => {
  const builders = {
    geneva: () => [articleUrl.geneva, (o: object) => genevaArticlePage(o)] as const,
    free: () => [articleUrl.free, (o: object) => apiArticlePage(API_ARTICLES.free, { lazy: true, ...o })] as const,
    liveblog: () => [articleUrl.liveblog, (o: object) => liveblogPage(o)] as const,
  };
  for (const [name, make] of Object.entries(builders)) {
    for (const variant of WIDGET_VARIANTS) {
      it(`${name}: hides the ${variant} widget and nothing else`, () => {
        const [url, build] = make();
        const doc = parseHtml(build({ widget: variant, widgetCount: 2 }), url);
        const found = findBlocks(doc, jobs);
        expect(found).toHaveLength(2);
        expectEveryWidgetCovered(found, doc);
        expectNoProseInside(found, doc);
      });
    }
  }

  it('finds nothing on the same pages without a widget', () => {
    for (const [url, html] of [
      [articleUrl.geneva, genevaArticlePage()],
      [articleUrl.free, apiArticlePage(API_ARTICLES.free, { lazy: true })],
      [articleUrl.metered, apiArticlePage(API_ARTICLES.metered)],
      [articleUrl.liveblog, liveblogPage()],
    ] as const) {
      expect(findBlocks(parseHtml(html, url), jobs)).toEqual([]);
    }
  });
});

describe('findBlocks where the words are article text', () => {
  it('leaves a job-market article whose prose uses the widget\'s words fully alone', () => {
    const doc = parseHtml(jobMarketArticlePage(), articleUrl.jobMarket);
    expect(doc.body.textContent).toContain(WIDGET_TEXT.title);
    expect(findBlocks(doc, HIDING_RULES)).toEqual([]);
  });

  it('still hides a real widget on that article, and only the widget', () => {
    const doc = parseHtml(jobMarketArticlePage({ widget: 'text-only' }), articleUrl.jobMarket);
    const found = findBlocks(doc, jobs);
    expect(found).toHaveLength(1);
    expectEveryWidgetCovered(found, doc);
    expectNoProseInside(found, doc);
  });

  function bodyOf(html: string): Document {
    return parseHtml(`<!doctype html><html><body><article><div itemprop="articleBody">${html}</div></article></body></html>`, articleUrl.geneva);
  }

  it('keeps a prose paragraph that links to the job market', () => {
    const doc = bodyOf(
      '<p>Wer wechseln will, findet auf <a href="https://jobs.handelsblatt.com/">dem Stellenportal</a> viele Angebote; Top-Jobs des Tages stehen dort ganz oben.</p>',
    );
    expect(findBlocks(doc, jobs)).toEqual([]);
  });

  it('keeps a lone heading that names the widget (one piece of evidence is not enough)', () => {
    const doc = bodyOf('<h2>Top-Jobs des Tages</h2><p>Die Personalberater sagen, dass die Nachfrage nach Fachkräften trotz Flaute hoch bleibt und weiter steigt.</p>');
    expect(findBlocks(doc, jobs)).toEqual([]);
  });

  it("takes no evidence from an element whose text is partly a heading's: the heading is article text", () => {
    const doc = bodyOf('<div><h3>Top-Jobs des Tages</h3>Standort erkennen</div><p>Die Personalberater sagen, dass die Nachfrage nach Fachkräften hoch bleibt.</p>');
    expect(findBlocks(doc, jobs)).toEqual([]);
  });

  it('hides a widget that sits inside the rich text between two paragraphs, not the rich text', () => {
    const doc = bodyOf(
      `<app-rich-text><p>${'Erster Absatz mit genug Text, um als Artikel zu gelten. '.repeat(2)}</p>${widgetHtml('text-only')}<p>${'Zweiter Absatz, ebenfalls echte Prosa des Artikels. '.repeat(2)}</p></app-rich-text>`,
    );
    const found = findBlocks(doc, jobs);
    expect(found.map((f) => f.element.getAttribute('data-test-widget'))).toEqual(['text-only']);
  });

  it('never grows a block into a sidebar full of other things', () => {
    const doc = parseHtml(
      `<!doctype html><html><body><aside><nav>${'<a href="/themen/x">Ein anderer Link zu einem Thema</a>'.repeat(10)}</nav>${widgetHtml('text-only')}</aside></body></html>`,
      articleUrl.geneva,
    );
    const found = findBlocks(doc, jobs);
    expect(found.map((f) => f.element.tagName)).toEqual(['DIV']);
  });
});

describe('findBlocks on the real 2020 page', () => {
  it('hides the STELLENMARKT tile of the service strip and no article text', () => {
    const doc = parseHtml(real2020Page(), articleUrl.real2020);
    const found = findBlocks(doc, HIDING_RULES);
    expect(found).toHaveLength(1);
    const [tile] = found;
    expect(tile?.element.matches('li.vhb-serviceoffer-list-item')).toBe(true);
    expect(tile?.element.querySelector('a')?.getAttribute('href')).toContain('karriere.handelsblatt.com');
    expectNoProseInside(found, doc);
  });
});

describe('late content and marking', () => {
  it('finds a widget inserted after load when given just the inserted subtree', () => {
    const doc = parseHtml(genevaArticlePage(), articleUrl.geneva);
    const host = doc.querySelector('app-storyline-elements')!;
    const template = doc.createElement('template');
    template.innerHTML = widgetHtml('listing');
    const widget = template.content.firstElementChild!;
    host.insertBefore(widget, host.children[3] ?? null);
    expect(findBlocks(widget, jobs).map((f) => f.element)).toEqual([widget]);
  });

  it('finds a widget whose text arrives after its element (a text node added on its own)', () => {
    const doc = parseHtml(genevaArticlePage({ widget: 'text-only' }), articleUrl.geneva);
    const widget = doc.querySelector(WIDGET_SELECTOR)!;
    const title = widget.querySelector('span')!;
    title.textContent = '';
    const text = doc.createTextNode(WIDGET_TEXT.title);
    title.append(text);
    expect(findBlocks(text, jobs).map((f) => f.element)).toEqual([widget]);
  });

  it('does not find a block twice once it is marked, and counts outermost blocks only', () => {
    const doc = parseHtml(genevaArticlePage({ widget: 'known', widgetCount: 3 }), articleUrl.geneva);
    const first = findBlocks(doc, jobs);
    expect(first).toHaveLength(3);
    expect(markBlocks(first)).toBe(3);
    expect(doc.querySelectorAll(`[${HIDE_ATTRIBUTE}~="jobs"]`)).toHaveLength(3);
    expect(findBlocks(doc, jobs)).toEqual([]);
    expect(countHidden(doc, ['jobs'])).toBe(3);
    expect(countHidden(doc, [])).toBe(0);
    expect(countHidden(doc, ['teasers'])).toBe(0);
  });
});

describe('the teaser rule (quiet reading)', () => {
  it('finds the ">> Lesen Sie hier mehr" box and no paragraph', () => {
    const doc = parseHtml(genevaArticlePage(), articleUrl.geneva);
    const found = findBlocks(doc, HIDING_RULES).filter((f) => f.rule === 'teasers');
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const { element } of found) expect(element.textContent.trim().startsWith('>>')).toBe(true);
    expectNoProseInside(found, doc);
  });
});

describe('findBlocks and text that is not on the page', () => {
  it('ignores the widget\'s words inside scripts, styles and templates (an app\'s serialised state)', () => {
    const doc = parseHtml(
      `<!doctype html><html><head><script type="application/json" id="ng-state">{"widget":"${WIDGET_TEXT.title} – ${WIDGET_TEXT.call} ${WIDGET_TEXT.notify}"}</script></head>`
        + `<body><main><p>Ein Absatz echter Prosa, lang genug, um als Artikeltext zu gelten, und ohne jedes Widget.</p></main>`
        + `<template><div>${WIDGET_TEXT.title}<br>${WIDGET_TEXT.call}<br>${WIDGET_TEXT.notify}</div></template></body></html>`,
      articleUrl.geneva,
    );
    expect(findBlocks(doc, HIDING_RULES)).toEqual([]);
  });

  it('finds a widget whose title is split over inline elements', () => {
    const doc = parseHtml(
      `<!doctype html><html><body><app-storyline-elements><app-storyline-element><div><span>Top-</span><b>Jobs</b><span> des Tages</span>`
        + `<div>${WIDGET_TEXT.call}<br>${WIDGET_TEXT.notify}</div></div></app-storyline-element></app-storyline-elements></body></html>`,
      articleUrl.geneva,
    );
    expect(findBlocks(doc, [JOB_WIDGET]).map((f) => f.element.tagName)).toEqual(['APP-STORYLINE-ELEMENT']);
  });
});

describe('known markup found from its links', () => {
  // findBlocks looks for a known selector that names a host upwards from the links and frames to
  // that host, not with a query of the whole page: that is only right if every match holds one.
  it('every match of a known selector that names a host holds or is a link or frame to it, on every fixture page', () => {
    let matches = 0;
    for (const rule of HIDING_RULES) {
      const evidence = rule.hosts.flatMap((h) => [`a[href*="${h}"]`, `iframe[src*="${h}"]`]).join(', ');
      const pages = [...allPages(), ...WIDGET_VARIANTS.map((widget) => ({ name: widget, url: articleUrl.geneva, html: genevaArticlePage({ widget }) }))];
      for (const page of pages) {
        const doc = parseHtml(page.html, page.url);
        for (const selector of rule.selectors.filter((sel) => namesHost(sel, rule))) {
          for (const el of doc.querySelectorAll(selector)) {
            matches++;
            expect(el.matches(evidence) || el.querySelector(evidence) !== null, `${page.name}: ${selector}`).toBe(true);
          }
        }
      }
    }
    expect(matches).toBeGreaterThan(0);
  });

  it('finds the known widget and the 2020 STELLENMARKT tile as the whole-page query does', () => {
    for (const [html, url] of [[genevaArticlePage({ widget: 'known', widgetCount: 2 }), articleUrl.geneva], [real2020Page(), articleUrl.real2020]] as const) {
      const doc = parseHtml(html, url);
      const byQuery = JOB_WIDGET.selectors.flatMap((sel) => [...doc.querySelectorAll(sel)]);
      const found = findBlocks(doc, jobs).map((f) => f.element);
      expect(byQuery.length).toBeGreaterThan(0);
      for (const el of byQuery) expect(found.some((block) => block.contains(el))).toBe(true);
    }
  });
});

describe('planSearch', () => {
  it('plans nothing for text without the words on a page without job links, and the words\' rule when they come', () => {
    const doc = parseHtml(genevaArticlePage(), articleUrl.geneva);
    const memory = searchMemory();
    // The first call meets every link of the page (the site's own job links among them).
    planSearch(doc, 'Ein Absatz über Genf.', memory, true);
    expect(planSearch(doc, 'Ein Absatz über Genf.', memory, true)).toBeNull();
    const plan = planSearch(doc, `Absatz. ${WIDGET_TEXT.title}`, memory, true);
    expect(plan?.rules).toEqual([JOB_WIDGET]);
    expect([...(plan?.text ?? [])]).toEqual(['jobs']);
  });

  it('while parsing, counts links until some rule\'s words came, then plans a search once for each new job link', () => {
    const doc = parseHtml(genevaArticlePage(), articleUrl.geneva);
    const memory = searchMemory();
    const jobLink = (): void => {
      const link = doc.createElement('a');
      link.href = 'https://jobs.handelsblatt.com/';
      doc.body.append(link);
    };
    expect(planSearch(doc, 'Nichts davon.', memory, true)).toBeNull();
    jobLink();
    // A job link alone is no widget: counted, not searched from.
    expect(planSearch(doc, 'Nichts davon.', memory, true)).toBeNull();
    expect(planSearch(doc, WIDGET_TEXT.title, memory, true)?.rules).toEqual([JOB_WIDGET]);
    jobLink();
    const plan = planSearch(doc, 'Nichts davon.', memory, true);
    expect(plan?.rules).toEqual([JOB_WIDGET]);
    expect(plan?.text.size).toBe(0);
    expect(planSearch(doc, 'Nichts davon.', memory, true)).toBeNull();
  });

  it('while parsing, plans a search for a new frame to a job host at once', () => {
    const doc = parseHtml(genevaArticlePage(), articleUrl.geneva);
    const memory = searchMemory();
    planSearch(doc, 'Nichts davon.', memory, true);
    const frame = doc.createElement('iframe');
    frame.src = 'https://jobs.handelsblatt.com/widget';
    doc.body.append(frame);
    expect(planSearch(doc, 'Nichts davon.', memory, true)?.rules).toEqual([JOB_WIDGET]);
    expect(planSearch(doc, 'Nichts davon.', memory, true)).toBeNull();
  });

  it('once parsed, asks the whole document once: job links the parse phase only counted, and known markup', () => {
    const doc = parseHtml(genevaArticlePage({ widget: 'listing' }), articleUrl.geneva);
    const memory = searchMemory();
    expect(planSearch(doc, 'Nichts davon.', memory, true)).toBeNull();
    expect(planSearch(doc, 'Nichts davon.', memory, false)?.rules).toEqual([JOB_WIDGET, PROMO_TEASERS]);
    expect(planSearch(doc, 'Nichts davon.', memory, false)).toBeNull();
  });

  it('does not read the words in a page script as shown: only more of them than the scripts hold', () => {
    const carrying = `<script>window.later = ${JSON.stringify(`<div>${WIDGET_TEXT.title}</div>`)};</script>`;
    const doc = parseHtml(genevaArticlePage().replace('</main>', `${carrying}</main>`), articleUrl.geneva);
    const whole = (d: Document): string => d.documentElement.textContent;
    expect(whole(doc)).toContain(WIDGET_TEXT.title);
    expect(planSearch(doc, whole(doc), searchMemory(), false)?.text.has('jobs')).toBeFalsy();
    // While parsing, the scripts of this frame's text count: the same script, a frame later, not.
    const memory = searchMemory();
    expect(planSearch(doc, whole(doc), memory, true)?.text.has('jobs')).toBeFalsy();
    expect(planSearch(doc, WIDGET_TEXT.title, memory, true)?.text.has('jobs')).toBe(true);
    const shown = doc.createElement('p');
    shown.textContent = WIDGET_TEXT.title;
    doc.querySelector('main')!.append(shown);
    expect(planSearch(doc, whole(doc), searchMemory(), false)?.text.has('jobs')).toBe(true);
  });

  it('once parsed, plans a search for known markup and job links anywhere in the page', () => {
    const doc = parseHtml(real2020Page(), articleUrl.real2020);
    const plan = planSearch(doc, 'Nichts davon.', searchMemory(), false);
    expect(plan?.rules).toEqual([JOB_WIDGET]);
    const found = findBlocks(doc, plan ?? []);
    expect(found).toHaveLength(1);
    expect(found[0]!.element.matches('li.vhb-serviceoffer-list-item')).toBe(true);
  });
});

describe('textMayMatter', () => {
  it('passes every text a text node could be evidence with, and nothing else', () => {
    for (const rule of HIDING_RULES) {
      for (const phrase of rule.phrases) {
        expect(textMayMatter(`  ${phrase.toUpperCase()} `), phrase).toBe(true);
        expect(textMayMatter(`Heute: ${phrase.replace(/\s+/g, '\n  ')}.`), phrase).toBe(true);
      }
    }
    expect(textMayMatter('>> Lesen Sie hier mehr')).toBe(true);
    expect(textMayMatter('DAX 15.001 Punkte')).toBe(false);
    expect(textMayMatter('Jobs')).toBe(false);
  });
});

describe('mayHoldBlock', () => {
  it('is true for every element a search finds something from, on every widget variant and the real page, and false for most', () => {
    const pages = [...WIDGET_VARIANTS.map((widget) => genevaArticlePage({ widget })), real2020Page()];
    let ruledOut = 0;
    let elements = 0;
    for (const html of pages) {
      const doc = parseHtml(html, articleUrl.geneva);
      for (const el of doc.querySelectorAll('body *')) {
        elements++;
        const found = findBlocks(el).length > 0;
        if (found) expect(mayHoldBlock(el), el.outerHTML.slice(0, 120)).toBe(true);
        if (!mayHoldBlock(el)) ruledOut++;
      }
    }
    // Most elements of a page can start nothing: a paragraph, a span, a picture.
    expect(ruledOut).toBeGreaterThan(elements / 2);
  });

  it('rules out a small element with neither words nor links, and what holds no page text', () => {
    const doc = parseHtml('<p>Umsatz <small>42</small></p><script>"Top-Jobs des Tages"</script>', articleUrl.geneva);
    expect(mayHoldBlock(doc.querySelector('small')!)).toBe(false);
    expect(mayHoldBlock(doc.querySelector('script')!)).toBe(false);
    const widget = parseHtml(`<div>${widgetHtml('text-only')}</div>`, articleUrl.geneva).querySelector('div')!;
    expect(mayHoldBlock(widget)).toBe(true);
  });
});
