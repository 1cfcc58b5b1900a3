/**
 * What every page builder shares: the options, the document around a story (head, meta tags,
 * JSON-LD, header, body) and the widgets placed between its paragraphs.
 */
import { ORIGIN } from './fixture-data';
import { JOB_MARKET_URL, widgetHtml, type WidgetOptions, type WidgetVariant } from './widgets';

export type JsonLdShape = 'object' | 'graph' | 'array' | 'malformed' | 'none';

export interface PageOptions extends WidgetOptions {
  widget?: WidgetVariant;
  /** How many widgets (default 1 when `widget` is set). */
  widgetCount?: number;
  /** The first widget follows this body paragraph (on the topic page: teaser); default 4, moved up so one always follows. */
  widgetAfter?: number;
  /** Paragraphs between further widgets (default 2). */
  widgetEvery?: number;
  /** How the JSON-LD is written: one object, inside `@graph`, in an array, broken, or left out. */
  jsonLd?: JsonLdShape;
  /** Leave out og:* and keyword metas, as an SPA that does not update its head would. */
  meta?: boolean;
}

export interface Block {
  html: string;
  /** Widgets go between paragraphs only, and positions count paragraphs. */
  paragraph: boolean;
}

interface Topic {
  slug: string;
  label: string;
}

interface StoryPage {
  url: string;
  title: string;
  kicker: string;
  headline: string;
  leadText: string;
  authors: string | null;
  published: string;
  modified: string;
  section: string;
  keywords: string[];
  relatedTopics: Topic[];
  body: Block[];
  /** Extra content between header and body, e.g. the live blog's controls. */
  beforeBody?: string;
  jsonLd: Record<string, unknown>;
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

export function paragraphBlock(innerHtml: string): Block {
  return {
    html: `<app-storyline-element><app-storyline-paragraph><app-rich-text>${innerHtml}</app-rich-text></app-storyline-paragraph></app-storyline-element>`,
    paragraph: true,
  };
}

export function withWidgets(blocks: Block[], opts: PageOptions): Block[] {
  if (!opts.widget) return blocks;
  const paragraphs = blocks.filter((b) => b.paragraph).length;
  const last = Math.max(1, paragraphs - 1);
  const first = opts.widgetAfter ?? 4;
  const every = opts.widgetEvery ?? 2;
  const count = opts.widgetCount ?? 1;
  const after = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const position = Math.min(last, Math.max(1, first + i * every));
    after.set(position, (after.get(position) ?? 0) + 1);
  }
  const out: Block[] = [];
  let seen = 0;
  let made = 0;
  for (const block of blocks) {
    out.push(block);
    if (!block.paragraph) continue;
    seen++;
    for (let n = after.get(seen) ?? 0; n > 0; n--) {
      out.push({ html: widgetHtml(opts.widget, { seed: (opts.seed ?? 1) + made++ }), paragraph: false });
    }
  }
  return out;
}

export function jsonLdScript(data: Record<string, unknown>, shape: JsonLdShape): string {
  if (shape === 'none') return '';
  const org = { '@type': 'Organization', name: 'Handelsblatt', url: ORIGIN };
  const wrapped =
    shape === 'graph' ? { '@context': 'https://schema.org', '@graph': [org, data] }
    : shape === 'array' ? [org, data]
    : data;
  // A `</script>` inside a string would end the element early.
  let json = JSON.stringify(wrapped, null, 1).replace(/</g, '\\u003c');
  if (shape === 'malformed') json = json.slice(0, -2) + ',,}';
  return `<script type="application/ld+json">${json}</script>`;
}

function metaTags(page: StoryPage, ogType: string): string {
  const keywords = page.keywords.join(', ');
  return [
    `<meta name="description" content="${esc(page.leadText)}">`,
    `<meta property="og:type" content="${ogType}">`,
    `<meta property="og:title" content="${esc(page.headline)}">`,
    `<meta property="og:description" content="${esc(page.leadText)}">`,
    `<meta property="og:url" content="${page.url}">`,
    `<meta property="og:site_name" content="Handelsblatt">`,
    keywords ? `<meta name="keywords" content="${esc(keywords)}">` : '',
    keywords ? `<meta name="news_keywords" content="${esc(keywords)}">` : '',
    page.section ? `<meta property="article:section" content="${esc(page.section)}">` : '',
  ].filter(Boolean).join('\n');
}

/** "21.01.2022 - 14:06 Uhr", as `app-story-date` shows it [cited]. */
export function storyDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} - ${get('hour')}:${get('minute')} Uhr`;
}

/**
 * The site's frame around any page. The navigation's topic links (invented) are a trap: a detector
 * that counts every `/themen/ukraine` link on the page would call every article a Ukraine article.
 */
export function documentShell(head: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}
</head>
<body>
<app-root>
<app-header><header class="site-header"><a class="site-logo" href="/">Handelsblatt</a>
<app-header-navigation><nav aria-label="Ressorts"><a href="/politik">Politik</a> <a href="/unternehmen">Unternehmen</a> <a href="/finanzen">Finanzen</a> <a href="/technik">Technik</a></nav>
<nav aria-label="Top-Themen"><a href="/themen/ukraine">Ukraine-Krieg</a> <a href="/themen/kuenstliche-intelligenz">KI</a> <a href="/themen/iran">Iran</a></nav></app-header-navigation>
</header></app-header>
<main>
${main}
</main>
<footer class="site-footer"><a href="/impressum">Impressum</a> <a href="${JOB_MARKET_URL}">Stellenmarkt</a></footer>
</app-root>
</body>
</html>
`;
}

export function storyDocument(page: StoryPage, ogType: string, opts: PageOptions): string {
  const head = [
    `<title>${esc(page.title)}</title>`,
    `<link rel="canonical" href="${page.url}">`,
    opts.meta === false ? '' : metaTags(page, ogType),
    jsonLdScript(page.jsonLd, opts.jsonLd ?? 'object'),
  ].filter(Boolean).join('\n');
  const body = withWidgets(page.body, opts).map((b) => b.html).join('\n');
  const topics = page.relatedTopics.map((t) => `<a href="/themen/${t.slug}">${esc(t.label)}</a>`).join(' ');
  const main = `<app-story-detail-page>
<app-header-content>
<app-header-content-kicker>${esc(page.kicker)}</app-header-content-kicker>
<app-header-content-headline><h2>${esc(page.headline)}</h2></app-header-content-headline>
<app-header-content-lead-text>${esc(page.leadText)}</app-header-content-lead-text>
${page.authors ? `<app-header-content-authors>${esc(page.authors)}</app-header-content-authors>` : ''}
<app-story-date>${storyDate(page.published)}</app-story-date>
</app-header-content>
<app-toolbar><button type="button">Merken</button> <button type="button">Teilen</button></app-toolbar>
${page.beforeBody ?? ''}
<app-storyline-elements>
${body}
</app-storyline-elements>
${topics ? `<app-storyline-related-topics><h3>Mehr zum Thema</h3>${topics}</app-storyline-related-topics>` : ''}
<app-detail-page-content-footer><a href="/">Startseite</a></app-detail-page-content-footer>
</app-story-detail-page>`;
  return documentShell(head, main);
}

export function newsArticleJsonLd(page: Omit<StoryPage, 'jsonLd'>, type: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': type,
    headline: page.headline,
    description: page.leadText,
    datePublished: page.published,
    dateModified: page.modified,
    articleSection: page.section,
    keywords: page.keywords,
    mainEntityOfPage: page.url,
    publisher: { '@type': 'Organization', name: 'Handelsblatt' },
    ...extra,
  };
}

const SECTIONS: Record<string, string> = {
  politik: 'Politik', unternehmen: 'Unternehmen', finanzen: 'Finanzen', technik: 'Technik',
};

export function sectionOf(url: string): string {
  const first = new URL(url).pathname.split('/')[1] ?? '';
  return SECTIONS[first] ?? '';
}

function labelOfSlug(slug: string): string {
  return slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

export function topicsIn(html: string): Topic[] {
  const slugs = new Set([...html.matchAll(/href="\/themen\/([^"/?#]+)"/g)].map((m) => m[1] ?? ''));
  return [...slugs].filter(Boolean).map((slug) => ({ slug, label: labelOfSlug(slug) }));
}

