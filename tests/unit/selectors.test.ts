/**
 * How many elements each site selector finds on each fixture page. A redesign of handelsblatt.com
 * (or a change to the fixtures) shows up here as a wrong count, not as silent breakage.
 * The 2020 page is real; the others are built in today's markup (tests/fixtures/PROVENANCE.md).
 */
import { describe, expect, it } from 'vitest';
import * as selectors from '../../src/core/selectors';
import {
  ARTICLE_ID_ELEMENT,
  ARTICLE_ID_IN_PATH,
  HANDELSBLATT_HOST,
  JOB_HOSTS,
  LIVEBLOG_LEAD,
  LIVEBLOG_SLUG,
  LIVEBLOG_TEXT_MARKERS,
  TOPIC_PATH,
  UKRAINE_LIVEBLOG_ID,
} from '../../src/core/selectors';
import {
  type FixturePage,
  WIDGET_VARIANTS,
  allPages,
  articleUrl,
  genevaArticlePage,
  liveblogPage,
} from '../../tools/pages';
import { parseHtml } from '../support/dom';

/** String exports that are values, not CSS selectors. */
const NOT_SELECTORS = new Set(['UKRAINE_LIVEBLOG_ID']);

const PAGES: FixturePage[] = [
  ...allPages(),
  ...WIDGET_VARIANTS.map((widget) => ({ name: `geneva+${widget}`, url: articleUrl.geneva, html: genevaArticlePage({ widget }) })),
];

/**
 * Expected matches per selector, one column per page, in the order of `COLUMNS`.
 * real2020's 44 paragraphs include an image caption's two `p` inside the article body [seen].
 */
const COLUMNS = ['real2020', 'free', 'metered', 'premium', 'geneva', 'geneva-as-received', 'liveblog', 'topic', 'jobMarket',
  'geneva+known', 'geneva+text-only', 'geneva+paragraph-br', 'geneva+iframe', 'geneva+listing'] as const;

const EXPECTED: Record<string, number[]> = {
  //                    2020 free met prem gen rec live topic job | known text br iframe listing
  TOPIC_LINK:          [10,  9,   5,  3,   9,  9,  5,   3,    5,    9,    9,   9,  9,     9],
  ARTICLE_ROOT:        [2,   1,   1,  1,   1,  1,  1,   0,    1,    1,    1,   1,  1,     1],
  ARTICLE_PARAGRAPH:   [44,  4,   3,  3,   8,  8,  6,   0,    7,    8,    8,   9,  8,     8],
  KICKER:              [1,   1,   1,  1,   1,  1,  1,   0,    1,    1,    1,   1,  1,     1],
  HEADLINE:            [1,   2,   2,  2,   2,  2,  2,   0,    2,    2,    2,   2,  2,     2],
  LEAD_TEXT:           [1,   1,   1,  1,   1,  1,  1,   0,    1,    1,    1,   1,  1,     1],
  RELATED_TOPICS:      [0,   1,   1,  0,   1,  1,  1,   0,    1,    1,    1,   1,  1,     1],
  ARTICLE_ID_ELEMENT:  [1,   0,   0,  0,   0,  0,  0,   0,    0,    0,    0,   0,  0,     0],
  JSON_LD:             [1,   1,   1,  1,   1,  1,  1,   1,    1,    1,    1,   1,  1,     1],
  STORYLINE_TEASER:    [0,   0,   0,  0,   1,  1,  0,   0,    0,    1,    1,   1,  1,     1],
};

/** Links (and frames) to the job market per page: the site footer links it on every built page. */
const JOB_LINKS: Record<string, number> = {
  real2020: 1, free: 1, metered: 1, premium: 1, geneva: 1, 'geneva-as-received': 1, liveblog: 1, topic: 1, jobMarket: 2,
  'geneva+known': 2, 'geneva+text-only': 1, 'geneva+paragraph-br': 1, 'geneva+iframe': 2, 'geneva+listing': 5,
};

const docs = new Map(PAGES.map((page) => [page.name, parseHtml(page.html, page.url)]));

function doc(name: string): Document {
  const found = docs.get(name);
  if (!found) throw new Error(`no fixture page ${name}`);
  return found;
}

describe('selector counts on the fixture pages', () => {
  const selectorExports = Object.entries(selectors)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !NOT_SELECTORS.has(entry[0]));

  it('has a row for every exported selector and a column for every page', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(selectorExports.map(([name]) => name).sort());
    expect([...COLUMNS].sort()).toEqual(PAGES.map((p) => p.name).sort());
  });

  const cases = selectorExports.flatMap(([name, selector]) =>
    COLUMNS.map((page, i) => ({ name, selector, page, expected: EXPECTED[name]?.[i] })));

  it.each(cases)('$name finds $expected on $page', ({ selector, page, expected }) => {
    expect(doc(page).querySelectorAll(selector).length).toBe(expected);
  });

  it.each(COLUMNS)('JOB_HOSTS: links to the job market on %s', (page) => {
    const targets = [...doc(page).querySelectorAll('a[href], iframe[src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
      .map((href) => new URL(href, articleUrl.geneva).hostname);
    expect(targets.filter((host) => JOB_HOSTS.includes(host)).length).toBe(JOB_LINKS[page]);
  });

  it.each(COLUMNS)('LIVEBLOG_TEXT_MARKERS: only the live blog shows its UI strings (%s)', (page) => {
    const buttons = [...doc(page).querySelectorAll('button')].map((b) => b.textContent.trim());
    const found = LIVEBLOG_TEXT_MARKERS.filter((marker) => buttons.includes(marker));
    expect(found).toEqual(page === 'liveblog' ? ['Neueste zuerst', 'Älteste zuerst', 'Neuen Beitrag anzeigen'] : []);
  });

  it('the old design names the article on its root', () => {
    expect(doc('real2020').querySelector(ARTICLE_ID_ELEMENT)?.getAttribute('data-article-id')).toBe('25776812');
  });

  it('the old design\'s kicker and headline are the article\'s, not a box\'s', () => {
    expect(doc('real2020').querySelector(selectors.KICKER)?.textContent.trim()).toBe('Grenzschließungen');
    expect(doc('real2020').querySelector(selectors.HEADLINE)?.textContent.trim())
      .toBe('Deutschland, Frankreich und die Rückkehr der Ressentiments');
  });

  it('the live blog\'s page text carries its title and newsblog lead', () => {
    const live = parseHtml(liveblogPage(), articleUrl.liveblog);
    expect(live.body.textContent).toContain(LIVEBLOG_TEXT_MARKERS[0]);
    expect(LIVEBLOG_LEAD.test(live.querySelector(selectors.LEAD_TEXT)?.textContent ?? '')).toBe(true);
  });
});

describe('URL patterns', () => {
  it.each([
    ['www.handelsblatt.com', true],
    ['handelsblatt.com', true],
    ['app.handelsblatt.com', true],
    ['jobs.handelsblatt.com', true],
    ['nothandelsblatt.com', false],
    ['handelsblatt.com.example.org', false],
    ['www.wiwo.de', false],
  ])('HANDELSBLATT_HOST %s → %s', (host, expected) => {
    expect(HANDELSBLATT_HOST.test(host)).toBe(expected);
  });

  it.each([
    [new URL(articleUrl.real2020).pathname, '25776812'],
    [new URL(articleUrl.free).pathname, '100244481'],
    ['/29439906.html', '29439906'],
    ['/dpa/some-agency-copy/1234567.html', '1234567'],
    ['/themen/ukraine', undefined],
    ['/politik/international/artikel-2022/123456.html', undefined],
    ['/politik/1234567890.html', undefined],
  ])('ARTICLE_ID_IN_PATH %s → %s', (path, id) => {
    expect(ARTICLE_ID_IN_PATH.exec(path)?.[1]).toBe(id);
  });

  it('the live blog URL carries its ID and a live-blog slug', () => {
    const path = new URL(articleUrl.liveblog).pathname;
    expect(ARTICLE_ID_IN_PATH.exec(path)?.[1]).toBe(UKRAINE_LIVEBLOG_ID);
    expect(LIVEBLOG_SLUG.test(path)).toBe(true);
    expect(LIVEBLOG_SLUG.test(new URL(articleUrl.geneva).pathname)).toBe(false);
  });

  it.each([
    ['/themen/ukraine', 'ukraine'],
    ['/themen/wladimir-putin?ref=x', 'wladimir-putin'],
    ['/politik/themen/ukraine', undefined],
  ])('TOPIC_PATH %s → %s', (path, slug) => {
    expect(TOPIC_PATH.exec(path)?.[1]).toBe(slug);
  });
});
