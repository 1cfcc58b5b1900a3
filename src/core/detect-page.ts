/**
 * What kind of Handelsblatt page this is and whether it is about the war in Ukraine.
 * Pure: reads the document, never changes it. Runs at DOMContentLoaded and after every SPA
 * navigation, so it reads only cheap places: the URL, head metadata, the story header, a bounded
 * number of links and the first few paragraphs, never the whole body text.
 *
 * Evidence is scored, not matched: each kind of evidence (keywords, title, slug, …) counts once,
 * from its best source, and a passing mention in one paragraph weighs little, so an article that
 * names Ukraine on the side stays an ordinary article.
 */
import type { PageKind, PageVerdict, Signal, SignalSource } from './page';
import {
  ARTICLE_ID_ELEMENT,
  ARTICLE_ID_IN_PATH,
  ARTICLE_PARAGRAPH,
  ARTICLE_ROOT,
  HANDELSBLATT_HOST,
  HEADLINE,
  JSON_LD,
  KICKER,
  LEAD_TEXT,
  LIVEBLOG_LEAD,
  LIVEBLOG_SLUG,
  LIVEBLOG_TEXT_MARKERS,
  RELATED_TOPICS,
  TOPIC_LINK,
  TOPIC_PATH,
  UKRAINE_LIVEBLOG_ID,
} from './selectors';

/** Score from which a page counts as about Ukraine: more than any single kind of evidence gives alone. */
export const UKRAINE_THRESHOLD = 4;

/**
 * Finding terms takes two steps because a Unicode-aware pattern with word boundaries is several
 * times slower than the whole rest of a run: a plain pattern finds candidate stems, then the word
 * around each (letters as Unicode sees them, since JS `\b` does not know umlauts) is classified.
 * Slugs spell umlauts out, hence "saporischschja" needs no variant.
 */
const CANDIDATES = new RegExp(
  'ukrain|kiew|kyjiw|kyiv|kiev|selensk|zelensk|donbas|donezk|donetsk|luhansk|lugansk|krim|crimea|charkiw|kharkiv|mariupol'
    + '|cherson|kherson|saporisch|zaporizh|odes|bachmut|bakhmut|awdijiwka'
    + '|russ|putin|kreml|moskau|moscow|lawrow|lavrov|peskow|peskov|schoigu|shoigu'
    + '|nato|invasion|einmarsch|eskalation|sanktion|sanction|truppen|troops|soldaten|militär|krieg',
  'gi',
);

/** Words that on their own put Ukraine in the text; "ukrain" also inside compounds ("Ostukraine"), "Krimi" is not "Krim". */
const UKRAINE_WORD = /ukrain|^(?:kiew|kyjiw$|kyiv$|kiev$|selenskyj|selensky$|zelensky|donbass?$|donezk|donetsk|luhansk|lugansk|krim$|crimea|charkiw|kharkiv|mariupol|cherson|kherson|saporischschja|zaporizhzhia|odessa$|odesa$|bachmut|bakhmut|awdijiwka)/;

/** Russia's side of the war: points at Ukraine only together with more of Russia or of war. */
const RUSSIA_WORD = /^(?:russland|russisch|russen?$|russia|putin|kreml|moskau|moscow$|lawrow|lavrov$|peskow$|peskov$|schoigu$|shoigu$)/;

/** Context for Russia; "krieg" also inside compounds ("Angriffskrieg"). */
const WAR_WORD = /krieg|^(?:nato|invasion|einmarsch|eskalation|sanktion|sanction|truppen$|troops$|soldaten$|militär)/;

const LETTER = /\p{L}/u;

const ARTICLE_TYPES = new Set([
  'NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'LiveBlogPosting',
]);

const ORIGIN = /^(?:https?:)?\/\/[^/]+/i;

/** Bounds on what one run reads. */
const MAX_LINKS = 60;
const MAX_PARAGRAPHS = 5;
const MAX_P_EXAMINED = 15;
const MAX_BUTTONS = 40;
const MAX_TEXT = 600;
const MAX_SIBLINGS = 8;

interface Terms {
  ukraine: string[];
  russia: string[];
  war: string[];
}

function isLetter(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && LETTER.test(ch);
}

function termsIn(text: string): Terms {
  const bounded = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const found = { ukraine: new Set<string>(), russia: new Set<string>(), war: new Set<string>() };
  CANDIDATES.lastIndex = 0;
  for (let match = CANDIDATES.exec(bounded); match; match = CANDIDATES.exec(bounded)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start > 0 && isLetter(bounded, start - 1)) start--;
    while (isLetter(bounded, end)) end++;
    CANDIDATES.lastIndex = end;
    const word = bounded.slice(start, end);
    const lower = word.toLowerCase();
    if (UKRAINE_WORD.test(lower)) found.ukraine.add(word);
    else if (RUSSIA_WORD.test(lower)) found.russia.add(word);
    else if (WAR_WORD.test(lower)) found.war.add(word);
  }
  return { ukraine: [...found.ukraine], russia: [...found.russia], war: [...found.war] };
}

/** Full weight for a Ukraine term; a fraction for Russia together with more of Russia or of war. */
function weigh(terms: Terms, full: number): number {
  if (terms.ukraine.length > 0) return full;
  if (terms.russia.length > 0 && terms.russia.length + terms.war.length >= 2) return Math.min(1, full);
  return 0;
}

function named(terms: Terms): string {
  return [...terms.ukraine, ...terms.russia, ...terms.war].slice(0, 4).join(', ');
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function toUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Works on relative and absolute addresses alike, as JSON-LD and canonical links carry either. */
function idInUrl(href: string | null | undefined): string | null {
  const path = href?.split(/[?#]/)[0];
  return path ? (ARTICLE_ID_IN_PATH.exec(path)?.[1] ?? null) : null;
}

interface Head {
  /** `<meta>` contents by name or property; the first of each wins. */
  metas: Map<string, string>;
  canonical: string | null;
}

function readHead(doc: Document): Head {
  const metas = new Map<string, string>();
  const head = doc.head as HTMLHeadElement | null;
  if (!head) return { metas, canonical: null };
  for (const el of head.getElementsByTagName('meta')) {
    const key = el.getAttribute('property') ?? el.getAttribute('name');
    const content = el.getAttribute('content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  return { metas, canonical: head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null };
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

interface LdArticle {
  type: string;
  headline: string | null;
  keywords: string[];
  sections: string[];
  /** The article the node names (url / mainEntityOfPage), to spot a head left over from the previous page. */
  id: string | null;
}

type LdNode = Record<string, unknown>;

function isNode(value: unknown): value is LdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map(clean).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? strings(v) : []));
  return [];
}

function typesOf(node: LdNode): string[] {
  const type = node['@type'];
  return typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : [];
}

function nodeUrl(node: LdNode): string | null {
  const main = node.mainEntityOfPage;
  if (typeof main === 'string') return main;
  if (isNode(main) && typeof main['@id'] === 'string') return main['@id'];
  return typeof node.url === 'string' ? node.url : null;
}

/** Top-level nodes, whether written as one object, an array, or inside `@graph`. */
function topNodes(data: unknown): LdNode[] {
  if (Array.isArray(data)) return data.flatMap(topNodes);
  if (!isNode(data)) return [];
  const graph = data['@graph'];
  return Array.isArray(graph) ? [data, ...graph.flatMap(topNodes)] : [data];
}

/** The head's blocks; only a page without any there is searched whole. */
function jsonLdScripts(doc: Document): Iterable<Element> {
  const inHead = (doc.head as HTMLHeadElement | null)?.querySelectorAll(JSON_LD);
  return inHead?.length ? inHead : doc.querySelectorAll(JSON_LD);
}

function readJsonLd(doc: Document): { article: LdArticle | null; unreadable: number } {
  let unreadable = 0;
  for (const script of jsonLdScripts(doc)) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent || 'null');
    } catch {
      unreadable++;
      continue;
    }
    for (const node of topNodes(data)) {
      const type = typesOf(node).find((t) => ARTICLE_TYPES.has(t));
      if (!type) continue;
      return {
        article: {
          type,
          headline: typeof node.headline === 'string' ? clean(node.headline) : null,
          keywords: strings(node.keywords),
          sections: strings(node.articleSection),
          id: idInUrl(nodeUrl(node)),
        },
        unreadable,
      };
    }
  }
  return { article: null, unreadable };
}

// ---------------------------------------------------------------------------------------------
// Evidence

/** One place a kind of evidence can come from; the first with the highest weight speaks for the kind. */
interface Candidate {
  source: SignalSource;
  label: string;
  /** Text to search; for keyword lists each entry is searched and named on its own. */
  text: string | string[] | null;
}

function best(candidates: Candidate[], full: number): Signal | null {
  let found: Signal | null = null;
  for (const { source, label, text } of candidates) {
    if (!text || text.length === 0) continue;
    let weight: number;
    let detail: string;
    if (Array.isArray(text)) {
      const terms = termsIn(text.join(', '));
      weight = weigh(terms, full);
      const hits = text.filter((k) => {
        const t = termsIn(k);
        return t.ukraine.length + t.russia.length + t.war.length > 0;
      });
      detail = `${label}: ${hits.slice(0, 4).join(', ')}`;
    } else {
      const terms = termsIn(text);
      weight = weigh(terms, full);
      detail = `${label}: ${named(terms)}`;
    }
    if (weight > (found?.weight ?? 0)) found = { source, detail, weight };
  }
  return found;
}

/** Only the story's own links: the site navigation links /themen/ukraine on every page. */
function topicSlugs(root: Element | null, related: Element | null): string[] {
  const slugs = new Set<string>();
  for (const scope of [root, related]) {
    if (!scope) continue;
    // A live collection is walked only as far as it is read, so the bound keeps long pages cheap.
    const links = scope.getElementsByTagName('a');
    for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
      const link = links[i];
      if (!link?.matches(TOPIC_LINK)) continue;
      // The attribute, not `href`: resolving each link's URL would cost more than matching its path.
      const path = (link.getAttribute('href') ?? '').replace(ORIGIN, '');
      const slug = TOPIC_PATH.exec(path)?.[1];
      if (slug) slugs.add(slug.toLowerCase());
    }
  }
  return [...slugs];
}

/** The related-topics box follows the story; looking only there keeps long pages cheap. */
function relatedTopics(root: Element | null): Element | null {
  let next = root?.nextElementSibling;
  for (let i = 0; next && i < MAX_SIBLINGS; i++, next = next.nextElementSibling) {
    const found = next.matches(RELATED_TOPICS) ? next : next.querySelector(RELATED_TOPICS);
    if (found) return found;
  }
  return null;
}

function topicSignal(root: Element | null, related: Element | null): Signal | null {
  const slugs = topicSlugs(root, related);
  const ukraine = slugs.filter((s) => termsIn(s.replace(/-/g, ' ')).ukraine.length > 0);
  const russia = slugs.filter((s) => {
    const terms = termsIn(s.replace(/-/g, ' '));
    return terms.ukraine.length === 0 && terms.russia.length + terms.war.length > 0;
  });
  const weight = ukraine.length > 0 ? 2 : russia.length >= 2 ? 1 : 0;
  if (weight === 0) return null;
  return { source: 'topic-link', detail: `topic links: ${[...ukraine, ...russia].slice(0, 4).map((s) => `/themen/${s}`).join(', ')}`, weight };
}

function firstParagraphs(root: Element | null): string[] {
  if (!root) return [];
  const texts: string[] = [];
  const ps = root.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < MAX_P_EXAMINED && texts.length < MAX_PARAGRAPHS; i++) {
    const p = ps[i];
    if (p?.matches(ARTICLE_PARAGRAPH)) texts.push(p.textContent);
  }
  return texts;
}

/** Most of the opening paragraphs must name Ukraine; one paragraph alone is a side remark. */
function bodySignal(root: Element | null): Signal | null {
  const paragraphs = firstParagraphs(root);
  const naming = paragraphs.filter((p) => termsIn(p).ukraine.length > 0).length;
  const weight = naming >= 3 ? 2 : naming === 2 ? 1 : naming === 1 ? 0.5 : 0;
  if (weight === 0) return null;
  return { source: 'body', detail: `first paragraphs: ${naming} of ${paragraphs.length} name Ukraine`, weight };
}

function liveblogMarkers(doc: Document, url: URL, ld: LdArticle | null, lead: string | null): string[] {
  const markers: string[] = [];
  if (ld?.type === 'LiveBlogPosting') markers.push('LiveBlogPosting');
  if (LIVEBLOG_SLUG.test(url.pathname)) markers.push('slug');
  if (lead && LIVEBLOG_LEAD.test(lead)) markers.push('"+++ Der Newsblog."');
  const buttons = doc.getElementsByTagName('button');
  const seen = new Set<string>();
  for (let i = 0; i < buttons.length && i < MAX_BUTTONS; i++) {
    const text = clean(buttons[i]?.textContent);
    if (LIVEBLOG_TEXT_MARKERS.includes(text)) seen.add(text);
  }
  if (seen.size > 0) markers.push(`buttons "${[...seen].join('", "')}"`);
  return markers;
}

// ---------------------------------------------------------------------------------------------

function verdict(kind: PageKind, articleId: string | null, headline: string | null, signals: Signal[]): PageVerdict {
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  return { kind, articleId, aboutUkraine: score >= UKRAINE_THRESHOLD, score, headline, signals };
}

export function detectPage(doc: Document, url: string | URL): PageVerdict {
  const location = toUrl(url);
  if (!location || !HANDELSBLATT_HOST.test(location.hostname)) {
    return verdict('not-handelsblatt', null, null, [
      { source: 'host', detail: `host: ${location?.hostname || String(url).slice(0, 80)}`, weight: 0 },
    ]);
  }
  const signals: Signal[] = [{ source: 'host', detail: `host: ${location.hostname}`, weight: 0 }];
  const add = (signal: Signal | null): void => {
    if (signal) signals.push(signal);
  };

  const { metas, canonical } = readHead(doc);
  const urlId = idInUrl(location.pathname);
  const canonicalId = idInUrl(metas.get('og:url')?.trim() ?? canonical);
  const markupId = urlId ? null : (doc.querySelector(ARTICLE_ID_ELEMENT)?.getAttribute('data-article-id') ?? null);
  const articleId = urlId ?? (markupId && /^\d{7,9}$/.test(markupId) ? markupId : null) ?? canonicalId;
  if (articleId) {
    const from = urlId ? 'URL' : articleId === markupId ? 'markup' : 'canonical URL';
    add({ source: 'article-id', detail: `article ID ${articleId} (${from})`, weight: 0 });
  }

  // After an SPA navigation the head may still describe the previous article: then trust the body only.
  const headIsStale = urlId !== null && canonicalId !== null && canonicalId !== urlId;
  const { article: ldFound, unreadable } = readJsonLd(doc);
  const ldIsStale = ldFound?.id != null && urlId !== null && ldFound.id !== urlId;
  const ld = ldIsStale ? null : ldFound;
  if (unreadable > 0) add({ source: 'json-ld', detail: `${unreadable} unreadable JSON-LD block(s) ignored`, weight: 0 });
  if (ldIsStale) add({ source: 'json-ld', detail: `JSON-LD describes article ${ldFound.id ?? ''}, ignored`, weight: 0 });
  if (headIsStale) add({ source: 'meta', detail: `head metadata describes article ${canonicalId}, ignored`, weight: 0 });
  const headMeta = (key: string): string | null => {
    const content = headIsStale ? undefined : metas.get(key);
    return content ? clean(content) : null;
  };

  // The head is read first and the header only without it: on the old design each header query
  // costs as much as the whole head.
  const ogTitle = headMeta('og:title');
  const headline = ld?.headline || ogTitle || clean(doc.querySelector(HEADLINE)?.textContent) || null;
  const kicker = clean(doc.querySelector(KICKER)?.textContent) || null;
  const lead = headMeta('og:description') || headMeta('description') || clean(doc.querySelector(LEAD_TEXT)?.textContent) || null;
  const ogType = headMeta('og:type');

  if (ld) add({ source: 'json-ld', detail: `JSON-LD ${ld.type}`, weight: 0 });

  const slug = location.pathname.replace(ARTICLE_ID_IN_PATH, '').split('/').filter(Boolean).at(-1) ?? '';
  add(best([{ source: 'url', label: 'slug', text: slug.replace(/-/g, ' ') }], 3));
  add(best([
    { source: 'json-ld', label: 'keywords', text: ld?.keywords ?? null },
    { source: 'meta', label: 'keywords', text: strings(headMeta('keywords')) },
    { source: 'meta', label: 'news_keywords', text: strings(headMeta('news_keywords')) },
  ], 3));
  add(best([
    { source: 'json-ld', label: 'articleSection', text: ld?.sections ?? null },
    { source: 'meta', label: 'article:section', text: strings(headMeta('article:section')) },
    { source: 'meta', label: 'vr:category', text: strings(headMeta('vr:category')) },
  ], 2));
  add(best([
    { source: 'json-ld', label: 'headline', text: ld?.headline ?? null },
    { source: 'meta', label: 'og:title', text: ogTitle },
    { source: 'headline', label: 'headline', text: headline },
  ], 2));
  add(best([{ source: 'kicker', label: 'kicker', text: kicker }], 2));
  add(best([{ source: 'headline', label: 'lead', text: lead }], 1));
  const root = doc.querySelector(ARTICLE_ROOT);
  add(topicSignal(root, relatedTopics(root)));
  add(bodySignal(root));

  const markers = liveblogMarkers(doc, location, ld, lead);
  if (markers.length > 0) add({ source: 'liveblog', detail: `live-blog markers: ${markers.join(', ')}`, weight: 0 });
  const isUkraineLiveblog = urlId === UKRAINE_LIVEBLOG_ID || canonicalId === UKRAINE_LIVEBLOG_ID;
  if (isUkraineLiveblog) add({ source: 'liveblog', detail: `Ukraine live blog ID ${UKRAINE_LIVEBLOG_ID}`, weight: UKRAINE_THRESHOLD });

  const isArticle = articleId !== null || ld !== null || ogType === 'article';
  const result = verdict('handelsblatt-page', articleId, headline, signals);
  if (!isArticle) return result;
  if (isUkraineLiveblog || (result.aboutUkraine && markers.length >= 2)) return { ...result, kind: 'ukraine-liveblog' };
  return { ...result, kind: result.aboutUkraine ? 'ukraine-article' : 'article' };
}
