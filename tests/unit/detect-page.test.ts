import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectPage } from '../../src/core/detect-page';
import type { PageVerdict, Signal } from '../../src/core/page';
import { ARTICLE_PARAGRAPH } from '../../src/core/selectors';
import {
  API_ARTICLES,
  GENEVA_HEADLINE,
  WIDGET_VARIANTS,
  apiArticlePage,
  articleUrl,
  genevaArticlePage,
  jobMarketArticlePage,
  liveblogPage,
  liveblogUrl,
  longArticlePage,
  real2020Page,
  topicPage,
} from '../../tools/pages';
import { parseHtml } from '../support/dom';

function detect(html: string, url: string): PageVerdict {
  return detectPage(parseHtml(html, url), url);
}

function signal(verdict: PageVerdict, source: Signal['source'], detail: RegExp): Signal | undefined {
  return verdict.signals.find((s) => s.source === source && detail.test(s.detail));
}

/** Adds one paragraph to the story body after the given paragraph, as the site would render it. */
function insertParagraph(doc: Document, text: string, after: number): void {
  const anchor = doc.querySelectorAll(ARTICLE_PARAGRAPH)[after]?.closest('app-storyline-element');
  if (!anchor) throw new Error(`no paragraph ${after}`);
  const element = doc.createElement('app-storyline-element');
  const p = doc.createElement('p');
  p.textContent = text;
  element.append(doc.createElement('app-storyline-paragraph'));
  element.firstElementChild!.append(doc.createElement('app-rich-text'));
  element.firstElementChild!.firstElementChild!.append(p);
  anchor.after(element);
}

const SIDE_REMARKS = [
  'Auch der Krieg in der Ukraine hat die Lieferketten der Branche belastet, heißt es in der Mitteilung.',
  'Seit dem russischen Überfall auf die Ukraine sind die Energiepreise stark gestiegen.',
  'Analysten verweisen auf die Unsicherheit durch den Konflikt um die Krim und den Donbass.',
  'In Kiew hatte das Unternehmen bereits 2019 ein Büro eröffnet.',
];

describe('detectPage on the real 2020 page', () => {
  const verdict = detect(real2020Page(), articleUrl.real2020);

  it('calls it a Handelsblatt article on another topic, keyed on its ID', () => {
    expect(verdict.kind).toBe('article');
    expect(verdict.articleId).toBe('25776812');
    expect(verdict.aboutUkraine).toBe(false);
    expect(verdict.headline).toBe('Deutschland und Frankreich: Der enge Partner wird zum Fremden');
  });

  it('reports its structural signals with weight 0', () => {
    expect(signal(verdict, 'host', /www\.handelsblatt\.com/)?.weight).toBe(0);
    expect(signal(verdict, 'article-id', /25776812 \(URL\)/)?.weight).toBe(0);
    expect(signal(verdict, 'json-ld', /NewsArticle/)?.weight).toBe(0);
  });

  it('finds the ID in the old design\'s markup when the URL has none', () => {
    const url = 'https://www.handelsblatt.com/politik/international/grenzschliessungen';
    const v = detect(real2020Page(), url);
    expect(v.articleId).toBe('25776812');
    expect(signal(v, 'article-id', /markup/)).toBeDefined();
    expect(v.kind).toBe('article');
  });
});

describe('detectPage on articles from the content API (other topics)', () => {
  const cases = Object.entries(API_ARTICLES).map(([name, article]) => ({ name, article }));

  it.each(cases)('$name is an ordinary article', ({ article }) => {
    const url = articleUrl.free.replace(API_ARTICLES.free.url.href, article.url.href);
    const v = detect(apiArticlePage(article, { lazy: article === API_ARTICLES.free }), url);
    expect(v.kind).toBe('article');
    expect(v.articleId).toBe(article.meta.id);
    expect(v.aboutUkraine).toBe(false);
    expect(v.headline).toBe(article.header.headline);
  });

  it.each(WIDGET_VARIANTS)('a job widget (%s) changes nothing', (widget) => {
    const v = detect(apiArticlePage(API_ARTICLES.free, { lazy: true, widget }), articleUrl.free);
    expect(v.kind).toBe('article');
    expect(v.score).toBe(0);
  });

  it('the job-market article is an ordinary article', () => {
    expect(detect(jobMarketArticlePage({ widget: 'known' }), articleUrl.jobMarket).kind).toBe('article');
  });

  it.each(SIDE_REMARKS)('one side paragraph naming Ukraine does not make a Ukraine article: %s', (remark) => {
    const doc = parseHtml(apiArticlePage(API_ARTICLES.metered), articleUrl.metered);
    insertParagraph(doc, remark, 0);
    const v = detectPage(doc, articleUrl.metered);
    expect(v.kind).toBe('article');
    expect(v.aboutUkraine).toBe(false);
  });

  it('no single paragraph naming Ukraine, anywhere in the body, flips an article', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SIDE_REMARKS), fc.integer({ min: 0, max: 3 }), fc.constantFrom('free', 'metered', 'premium'), (remark, after, name) => {
        const article = API_ARTICLES[name];
        const url = `https://www.handelsblatt.com${article.url.href}`;
        const doc = parseHtml(apiArticlePage(article, { lazy: name === 'free' }), url);
        insertParagraph(doc, remark, Math.min(after, doc.querySelectorAll(ARTICLE_PARAGRAPH).length - 1));
        return detectPage(doc, url).kind === 'article';
      }),
      { numRuns: 30 },
    );
  });
});

describe('detectPage on the Geneva article (Ukraine)', () => {
  it.each(['corrected', 'as-received'] as const)('the %s text is a Ukraine article', (text) => {
    const v = detect(genevaArticlePage({ text }), articleUrl.geneva);
    expect(v.kind).toBe('ukraine-article');
    expect(v.articleId).toBe('27996778');
    expect(v.aboutUkraine).toBe(true);
    expect(v.headline).toBe(GENEVA_HEADLINE);
  });

  it('names its evidence: JSON-LD keywords, slug, kicker, topic links, body', () => {
    const v = detect(genevaArticlePage(), articleUrl.geneva);
    const keywords = signal(v, 'json-ld', /^keywords: /);
    expect(keywords?.detail).toMatch(/Ukraine/);
    expect(keywords?.detail).toMatch(/Russland/);
    expect(keywords?.weight).toBeGreaterThan(0);
    expect(signal(v, 'url', /^slug: .*ukraine/)?.weight).toBeGreaterThan(0);
    expect(signal(v, 'kicker', /Ukraine/)?.weight).toBeGreaterThan(0);
    expect(signal(v, 'topic-link', /\/themen\/ukraine/)?.weight).toBeGreaterThan(0);
    expect(signal(v, 'body', /first paragraphs/)?.weight).toBeGreaterThan(0);
    for (const s of v.signals) expect(s.detail.length).toBeLessThan(160);
  });

  it('counts each kind of evidence once: meta keywords repeat the JSON-LD ones', () => {
    const v = detect(genevaArticlePage(), articleUrl.geneva);
    expect(v.signals.filter((s) => /keywords: /.test(s.detail))).toHaveLength(1);
    expect(v.score).toBe(v.signals.reduce((sum, s) => sum + s.weight, 0));
  });

  it.each(['graph', 'array'] as const)('reads JSON-LD written as %s', (jsonLd) => {
    const v = detect(genevaArticlePage({ jsonLd }), articleUrl.geneva);
    expect(signal(v, 'json-ld', /^keywords: Ukraine/)).toBeDefined();
    expect(v.kind).toBe('ukraine-article');
  });

  it('survives malformed JSON-LD and says it ignored it', () => {
    const v = detect(genevaArticlePage({ jsonLd: 'malformed' }), articleUrl.geneva);
    expect(signal(v, 'json-ld', /unreadable/)?.weight).toBe(0);
    expect(v.kind).toBe('ukraine-article');
    expect(signal(v, 'meta', /^keywords: Ukraine/)).toBeDefined();
  });

  it('recognises it from the page body alone when the head carries nothing', () => {
    const v = detect(genevaArticlePage({ jsonLd: 'none', meta: false }), articleUrl.geneva);
    expect(v.kind).toBe('ukraine-article');
    expect(v.headline).toBe(GENEVA_HEADLINE);
  });

  it('recognises it without any help from the URL', () => {
    const url = 'https://www.handelsblatt.com/27996778.html';
    expect(detect(genevaArticlePage(), url).kind).toBe('ukraine-article');
  });

  it('takes the ID from the canonical URL when the address has none', () => {
    const v = detect(genevaArticlePage(), 'https://www.handelsblatt.com/politik/international/blinken-lawrow');
    expect(v.articleId).toBe('27996778');
    expect(signal(v, 'article-id', /canonical/)).toBeDefined();
  });

  it('ignores a head left over from the previous article after an SPA navigation', () => {
    const doc = parseHtml(genevaArticlePage(), articleUrl.geneva);
    const url = articleUrl.metered;
    const v = detectPage(doc, url);
    expect(v.articleId).toBe(API_ARTICLES.metered.meta.id);
    expect(signal(v, 'json-ld', /describes article 27996778, ignored/)).toBeDefined();
    expect(signal(v, 'meta', /describes article 27996778, ignored/)).toBeDefined();
    expect(signal(v, 'json-ld', /^keywords/)).toBeUndefined();
    expect(v.headline).toBe(GENEVA_HEADLINE);
  });

  it('stays a Ukraine article with every widget variant in the body', () => {
    for (const widget of WIDGET_VARIANTS) {
      expect(detect(genevaArticlePage({ widget, widgetCount: 2 }), articleUrl.geneva).kind).toBe('ukraine-article');
    }
  });
});

describe('detectPage on the Ukraine live blog', () => {
  it('recognises it by its ID', () => {
    const v = detect(liveblogPage(), articleUrl.liveblog);
    expect(v.kind).toBe('ukraine-liveblog');
    expect(v.articleId).toBe('27982126');
    expect(v.aboutUkraine).toBe(true);
    expect(signal(v, 'liveblog', /27982126/)?.weight).toBeGreaterThan(0);
    expect(signal(v, 'liveblog', /markers: .*LiveBlogPosting.*Neueste zuerst/)?.weight).toBe(0);
  });

  it('keeps recognising it when the slug follows a new lead headline', () => {
    const url = liveblogUrl({ slug: 'liveblog-zum-ukraine-krieg-waffenruhe-gespraeche-in-istanbul' });
    expect(detect(liveblogPage({ slug: 'liveblog-zum-ukraine-krieg-waffenruhe-gespraeche-in-istanbul' }), url).kind).toBe('ukraine-liveblog');
  });

  it('recognises it from its ID alone, before the app has rendered anything', () => {
    expect(detect('', 'https://www.handelsblatt.com/27982126.html').kind).toBe('ukraine-liveblog');
  });

  it('recognises another Ukraine live blog by its markers', () => {
    const url = liveblogUrl({ id: '100200099' });
    const v = detect(liveblogPage({ id: '100200099' }), url);
    expect(v.kind).toBe('ukraine-liveblog');
    expect(v.articleId).toBe('100200099');
  });

  it('a live blog on another topic is an ordinary article', () => {
    const doc = parseHtml(apiArticlePage(API_ARTICLES.free), articleUrl.free);
    const controls = doc.createElement('div');
    for (const label of ['Neueste zuerst', 'Älteste zuerst']) {
      const button = doc.createElement('button');
      button.textContent = label;
      controls.append(button);
    }
    doc.querySelector('app-storyline-elements')!.before(controls);
    expect(detectPage(doc, articleUrl.free).kind).toBe('article');
  });
});

describe('detectPage on other pages', () => {
  it('the topic page /themen/ukraine is a Handelsblatt page about Ukraine, not an article', () => {
    const v = detect(topicPage(), articleUrl.topic);
    expect(v.kind).toBe('handelsblatt-page');
    expect(v.articleId).toBeNull();
    expect(v.aboutUkraine).toBe(true);
  });

  it('the home page is a Handelsblatt page', () => {
    expect(detect('<html><head><title>Handelsblatt</title></head><body></body></html>', 'https://www.handelsblatt.com/').kind)
      .toBe('handelsblatt-page');
  });

  it.each([
    'https://www.spiegel.de/politik/ausland/ukraine-krieg-a-27996778.html',
    'https://handelsblatt.com.example.org/politik/27996778.html',
    'https://nothandelsblatt.com/27996778.html',
    'not a url',
  ])('%s is not Handelsblatt, decided from the address alone', (url) => {
    const v = detectPage(parseHtml(genevaArticlePage(), articleUrl.geneva), url);
    expect(v.kind).toBe('not-handelsblatt');
    expect(v.articleId).toBeNull();
    expect(v.signals).toEqual([expect.objectContaining({ source: 'host', weight: 0 })]);
  });

  it('accepts other Handelsblatt hosts and a URL object', () => {
    const url = new URL(articleUrl.geneva.replace('www.', 'app.'));
    expect(detectPage(parseHtml(genevaArticlePage(), url), url).kind).toBe('ukraine-article');
  });

  it('an empty document at an article address is an article, not yet about anything', () => {
    const v = detect('', articleUrl.geneva);
    expect(v.kind).toBe('article');
    expect(v.articleId).toBe('27996778');
    expect(v.headline).toBeNull();
    expect(v.aboutUkraine).toBe(false);
  });

  it('an empty document elsewhere is a Handelsblatt page', () => {
    const v = detect('', 'https://www.handelsblatt.com/politik');
    expect(v).toMatchObject({ kind: 'handelsblatt-page', articleId: null, aboutUkraine: false, score: 0, headline: null });
  });
});

describe('detectPage reading metadata', () => {
  const url = 'https://www.handelsblatt.com/politik/international/ein-artikel/100200001.html';
  const page = (head: string, body = ''): string => `<html><head>${head}</head><body>${body}</body></html>`;
  const ld = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

  it('takes keywords as a comma-separated string and @type as an array', () => {
    const v = detect(page(ld({ '@type': ['NewsArticle'], headline: 'Gespräche in Genf', keywords: 'Ukraine, Russland, Nato' })), url);
    expect(signal(v, 'json-ld', /^keywords: Ukraine, Russland, Nato$/)?.weight).toBe(3);
  });

  it('reads keywords, news_keywords, article:section and og:title from meta tags', () => {
    const v = detect(page('<meta name="news_keywords" content="Wirtschaft, Ukraine"><meta property="article:section" content="Ukraine-Krieg"><meta property="og:title" content="Selenskyj in Berlin">'), url);
    expect(signal(v, 'meta', /^news_keywords: Ukraine$/)).toBeDefined();
    expect(signal(v, 'meta', /^article:section: Ukraine-Krieg$/)).toBeDefined();
    expect(signal(v, 'meta', /^og:title: Selenskyj$/)).toBeDefined();
    expect(v.kind).toBe('ukraine-article');
  });

  it('needs Russia together with war or more of Russia, and then weighs it lightly', () => {
    const russia = detect(page(ld({ '@type': 'NewsArticle', keywords: ['Russland', 'Gas'] })), url);
    expect(signal(russia, 'json-ld', /keywords/)).toBeUndefined();
    const war = detect(page(ld({ '@type': 'NewsArticle', keywords: ['Russland', 'Nato', 'Krieg'] })), url);
    expect(signal(war, 'json-ld', /keywords/)?.weight).toBe(1);
    expect(war.kind).toBe('article');
  });

  it('matches words, not letters inside other words', () => {
    const kicker = (text: string): PageVerdict => detect(page('', `<app-header-content-kicker>${text}</app-header-content-kicker>`), url);
    expect(signal(kicker('Krimi'), 'kicker', /./)).toBeUndefined();
    expect(signal(kicker('Krim'), 'kicker', /Krim/)).toBeDefined();
    expect(signal(kicker('Ostukraine'), 'kicker', /Ostukraine/)).toBeDefined();
    expect(signal(kicker('Kyjiw'), 'kicker', /Kyjiw/)).toBeDefined();
    expect(signal(kicker('Iran-Krieg'), 'kicker', /./)).toBeUndefined();
    expect(signal(kicker('Großkrim'), 'kicker', /./)).toBeUndefined();
    expect(signal(kicker('Krim-Brücke'), 'kicker', /^kicker: Krim$/)).toBeDefined();
  });

  it.each([
    ['slug', 'https://www.handelsblatt.com/politik/kiew-unter-beschuss/100200001.html', page(''), 'url', /^slug: kiew$/],
    ['lead', url, page('<meta property="og:description" content="Neue Angriffe auf Charkiw">'), 'headline', /^lead: Charkiw$/],
    ['topic link', url, page('', '<article class="vhb-article"><a class="topic-link" href="/themen/ukraine">Ukraine</a></article>'), 'topic-link', /\/themen\/ukraine/],
    ['body', url, page('', `<article class="vhb-article"><div itemprop="articleBody">${'<p>In Kyjiw heulen die Sirenen.</p>'.repeat(3)}</div></article>`), 'body', /3 of 3/],
  ] as const)('finds a term that only the %s carries', (_where, address, html, source, detail) => {
    expect(signal(detect(html, address), source, detail)?.weight).toBeGreaterThan(0);
  });

  it('never throws, whatever the JSON-LD says', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ '@type': 'NewsArticle', keywords: v, headline: v, articleSection: v }))), (text) => {
        const doc = parseHtml(page('<script type="application/ld+json"></script>'), url);
        doc.querySelector('script')!.textContent = text;
        return detectPage(doc, url).articleId === '100200001';
      }),
      { numRuns: 60 },
    );
  });
});

describe('detectPage cost', () => {
  /** happy-dom is many times slower than a browser; this bound only catches a detector that reads everything. */
  function median(doc: Document, url: string): number {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      detectPage(doc, url);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[15]!;
  }

  it('stays cheap on the real 2020 page and does not grow with the length of the article', () => {
    const real = median(parseHtml(real2020Page(), articleUrl.real2020), articleUrl.real2020);
    const short = median(parseHtml(longArticlePage({ paragraphs: 10 }), articleUrl.long), articleUrl.long);
    const long = median(parseHtml(longArticlePage({ paragraphs: 2000 }), articleUrl.long), articleUrl.long);
    expect(real).toBeLessThan(10);
    expect(long).toBeLessThan(short * 5 + 1);
  });
});
