/**
 * Every Handelsblatt selector and URL pattern the extension relies on, next to its evidence.
 * Grades as in tests/fixtures/HANDELSBLATT-DOM.md: [seen] in a saved real file,
 * [cited] from scrapers and filter lists that target the live site, [inferred] a conclusion.
 * tests/unit/selectors.test.ts counts what each selector finds on the fixtures, so a site
 * redesign shows up as a failing count instead of silent breakage.
 * Old and new designs stand side by side: the 2020 server-rendered `vhb-*` markup [seen] and
 * today's Angular app with custom elements [cited].
 */

/** Host names that belong to Handelsblatt. app.handelsblatt.com redirects to www [cited]. */
export const HANDELSBLATT_HOST = /(^|\.)handelsblatt\.com$/i;

/** Article IDs: 8 digits until ~2023, 9 after; the slug may change while the ID stays [seen]. */
export const ARTICLE_ID_IN_PATH = /\/(\d{7,9})\.html$/;

/** The Ukraine live blog keeps one ID for years while its slug follows the lead headline [cited]. */
export const UKRAINE_LIVEBLOG_ID = '27982126';

/** Topic pages `/themen/<slug>` [cited] and in-text topic links `a.topic-link` [seen, API]. */
export const TOPIC_PATH = /^\/themen\/([^/?#]+)/;
export const TOPIC_LINK = 'a.topic-link, a[href^="/themen/"], a[href*="handelsblatt.com/themen/"]';

/** Story containers: the article element of the old design [seen], the storyline of today's [cited]. */
export const ARTICLE_ROOT = 'article.vhb-article, app-storyline-elements, [itemprop="articleBody"]';

/**
 * Paragraphs of article prose. Old design: plain `p` in `div[itemprop=articleBody]` [seen].
 * Today: `app-rich-text > p` [cited]; the sister site wiwo.de uses `hmg-rich-text` [cited].
 */
export const ARTICLE_PARAGRAPH = [
  '[itemprop="articleBody"] p',
  'app-storyline-paragraph p',
  'app-rich-text p',
  'hmg-rich-text p',
].join(', ');

/**
 * Header parts of today's design [cited] and the old one. On the saved 2020 page the kicker is
 * `span.vhb-overline--onecolumn` and the headline `span.vhb-headline--onecolumn[itemprop=headline]`
 * [seen]; `h2.vhb-headline` there titles the "Mehr zu:" and comment boxes, not the article [seen],
 * so it is not a headline selector.
 */
export const KICKER = 'app-header-content-kicker, .vhb-overline--onecolumn, .vhb-article--kicker, .vhb-kicker';
export const HEADLINE = 'app-header-content-headline h2, app-header-content-headline, .vhb-headline--onecolumn, h1.vhb-headline, article h1';
export const LEAD_TEXT = 'app-header-content-lead-text, .vhb-article--introduction';

/** Topic links collected below the story [cited]. */
export const RELATED_TOPICS = 'app-storyline-related-topics';

/** The old design names the article on its root element [seen]. */
export const ARTICLE_ID_ELEMENT = 'article[data-article-id]';

/** Structured data: a NewsArticle in the 2020 page [seen], `seo.jsonLd` in today's API [cited]. */
export const JSON_LD = 'script[type="application/ld+json"]';

/** Live blogs: the slug starts with "liveblog-zum-…" [cited]; the lead ends in "+++ Der Newsblog." [cited]. */
export const LIVEBLOG_SLUG = /(^|[/-])(liveblog|newsblog)-/i;
/**
 * Addresses the page features run on as the page loads (manifest.json's second content script
 * names the same as match patterns; tests/unit/manifest.test.ts keeps them in step): the Ukraine
 * live blog's ID, and live-blog slugs, where detectPage then decides whether it is about Ukraine.
 */
export const LIVEBLOG_ADDRESS = new RegExp(`/${UKRAINE_LIVEBLOG_ID}\\.html|/(liveblog|newsblog)-`);
export const LIVEBLOG_LEAD = /\+\+\+\s*Der Newsblog\.?\s*$/;

/** Live-blog UI strings on the page [cited]; the container markup is unknown. */
export const LIVEBLOG_TEXT_MARKERS = ['Liveblog zum Ukraine-Krieg', 'Neueste zuerst', 'Älteste zuerst', 'Neuen Beitrag anzeigen'];

/** In-body teaser boxes of today's design [cited]; ">> Lesen Sie hier mehr …" lives there [inferred]. */
export const STORYLINE_TEASER = 'app-storyline-teaser';

/** Handelsblatt's job market: jobs.handelsblatt.com (StepStone partner) [cited], formerly karriere.handelsblatt.com [seen]. */
export const JOB_HOSTS = ['jobs.handelsblatt.com', 'karriere.handelsblatt.com'];
