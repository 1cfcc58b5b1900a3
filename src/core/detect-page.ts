/**
 * What kind of Handelsblatt page this is and whether it is about the war in Ukraine.
 * Pure: reads the document, never changes it. Runs at DOMContentLoaded and after every SPA
 * navigation, so it reads only cheap places: the URL, head metadata, the story header, a bounded
 * number of links and the first few paragraphs, never the whole body text.
 *
 * Evidence is scored, not matched: each kind of evidence (keywords, title, slug, …) counts once,
 * from its best source, and a passing mention in one paragraph weighs little, so an article that
 * names Ukraine on the side stays an ordinary article.
 *
 * The first run in a page is the one the content script pays for, and there compiling code and
 * patterns costs more than reading the page: hence few and flagless patterns, and work that
 * only names evidence is done only for evidence that counts.
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
const UKRAINE_THRESHOLD = 4;

/**
 * Stems, each part of every spelling of some term, searched in lower-cased text. The fewer and
 * plainer the patterns, the cheaper a first run: with /i, or with `\p{L}` to find the word around
 * a stem, compiling them cost several times the rest of it. Slugs spell umlauts out, hence
 * "saporischschja" needs no variant.
 */
const STEMS = /ukrain|kie[vw]|kyjiw|kyiv|elensk|donbas|done[tz]|lu[gh]ansk|krim|crimea|harki|mariupol|herson|apori|odes|ba[ck]hmut|awdijiwka|russ|putin|kreml|mos[ck]|la[vw]ro|pesko|hoigu|nato|invasion|einmarsch|eskalation|san[kc]tion|truppen|troops|soldaten|militär|krieg/g;

/**
 * Classifies a whole lower-cased word; the empty groups tell Ukraine (1) from Russia (2), the
 * rest is war. Ukraine wins over Russia over war ("Russlandukraine"). "ukrain" and "krieg" count
 * inside compounds ("Ostukraine", "Angriffskrieg"), the rest only starting the word, some only
 * as the whole word ("Krimi" is not "Krim"). Russia's side points at Ukraine only together with
 * more of Russia or of war.
 */
const TERM = /^(?:(?=.*ukrain)|kiew|kyjiw$|kyiv$|kiev$|selenskyj|selensky$|zelensky|donbass?$|donezk|donetsk|lu[gh]ansk|krim$|crimea|charkiw|kharkiv|mariupol|[ck]herson|saporischschja|zaporizhzhia|odess?a$|ba[ck]hmut|awdijiwka)()|^(?:russland|russisch|russen?$|russia|putin|kreml|moskau|moscow$|lawrow|lavrov$|peskow$|peskov$|schoigu$|shoigu$)()|krieg|^(?:nato|invasion|einmarsch|eskalation|sanktion|sanction|truppen$|troops$|soldaten$|militär)/;

const ARTICLE_TYPES: unknown[] = [
  'NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'LiveBlogPosting',
];

const ORIGIN = /^(?:https?:)?\/\/[^/]+/i;

/**
 * Bounds on what one run reads. Live collections are read item by item, never by `length`:
 * a collection is then walked only as far as it is read, where `length` would count the whole page.
 */
const MAX_LINKS = 60;
const MAX_PARAGRAPHS = 5;
const MAX_P_EXAMINED = 15;
const MAX_BUTTONS = 40;
const MAX_TEXT = 600;
const MAX_SIBLINGS = 8;

/** Distinct words naming Ukraine, Russia and war, in that order. */
type Terms = [string[], string[], string[]];

/** Lower-case Latin letters with umlauts, ß and accents: enough to find where a German word ends. */
const isLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 223 && code <= 591 && code !== 247);

function termsIn(text: string): Terms {
  const terms: Terms = [[], [], []];
  const bounded = text.slice(0, MAX_TEXT);
  const lower = bounded.toLowerCase();
  // Lower-casing keeps every position but for rare letters such as "İ"; then the words are named lower-case.
  const shown = lower.length === bounded.length ? bounded : lower;
  STEMS.lastIndex = 0;
  for (let stem = STEMS.exec(lower); stem; stem = STEMS.exec(lower)) {
    let start = stem.index;
    let end = STEMS.lastIndex;
    while (isLetter(lower.charCodeAt(start - 1))) start--;
    while (isLetter(lower.charCodeAt(end))) end++;
    STEMS.lastIndex = end;
    const term = TERM.exec(lower.slice(start, end));
    const list = term && terms[term[1] === '' ? 0 : term[2] === '' ? 1 : 2];
    const word = shown.slice(start, end);
    if (list && !list.includes(word)) list.push(word);
  }
  return terms;
}

/** Full weight for a Ukraine term; 1 for Russia together with more of Russia or of war. */
function weigh([ukraine, russia, war]: Terms, full: number): number {
  return ukraine.length ? full : russia.length && russia.length + war.length > 1 ? 1 : 0;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Works on relative and absolute addresses alike, as JSON-LD and canonical links carry either. */
function idInUrl(href: unknown): string | null {
  return typeof href === 'string' ? (ARTICLE_ID_IN_PATH.exec(href.replace(/[?#].*/s, ''))?.[1] ?? null) : null;
}

/** Comma-separated lists and arrays of them alike; whitespace inside an entry is cleaned only where it is shown. */
function strings(value: unknown): string[] {
  const list: string[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item !== 'string') continue;
    for (const entry of item.split(',')) {
      const trimmed = entry.trim();
      if (trimmed) list.push(trimmed);
    }
  }
  return list;
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

/** The first article node, whether written as one object, an array, or inside `@graph`. */
function ldArticle(data: unknown): LdArticle | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = ldArticle(item);
      if (found) return found;
    }
    return null;
  }
  if (typeof data !== 'object' || !data) return null;
  const node = data as LdNode;
  const types = node['@type'];
  const type: unknown = (Array.isArray(types) ? types : [types]).find((t) => ARTICLE_TYPES.includes(t));
  if (typeof type !== 'string') return Array.isArray(node['@graph']) ? ldArticle(node['@graph']) : null;
  const main = node.mainEntityOfPage;
  const mainId = typeof main === 'string' ? main : (main as LdNode | null)?.['@id'];
  return {
    type,
    headline: typeof node.headline === 'string' ? clean(node.headline) : null,
    keywords: strings(node.keywords),
    sections: strings(node.articleSection),
    id: idInUrl(typeof mainId === 'string' ? mainId : node.url),
  };
}

function readJsonLd(doc: Document): { article: LdArticle | null; unreadable: number } {
  // The head's blocks; only a page without any there is searched whole.
  let scripts = (doc.head as HTMLHeadElement | null)?.querySelectorAll(JSON_LD);
  if (!scripts?.length) scripts = doc.querySelectorAll(JSON_LD);
  let unreadable = 0;
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent || 'null');
    } catch {
      unreadable++;
      continue;
    }
    const article = ldArticle(data);
    if (article) return { article, unreadable };
  }
  return { article: null, unreadable };
}

// ---------------------------------------------------------------------------------------------
// Evidence

/** One place a kind of evidence can come from; the first with the highest weight speaks for the kind. */
interface Candidate {
  source: SignalSource;
  label: string;
  /** Text to search; for keyword lists each entry is named on its own. */
  text: string | string[] | null | undefined;
}

function best(candidates: Candidate[], full: number): Signal | null {
  let found: Signal | null = null;
  for (const { source, label, text } of candidates) {
    if (!text?.length) continue;
    const list = Array.isArray(text);
    const terms = termsIn(list ? text.join(', ') : text);
    const weight = weigh(terms, full);
    if (weight <= (found?.weight ?? 0)) continue;
    const names = list ? text.filter((k) => termsIn(k).some((t) => t.length)).map(clean) : terms.flat();
    found = { source, detail: `${label}: ${names.slice(0, 4).join(', ')}`, weight };
  }
  return found;
}

/** Only the story's own links: the site navigation links /themen/ukraine on every page. */
function topicSlugs(root: Element | null): string[] {
  // The related-topics box follows the story; looking only there keeps long pages cheap.
  let related: Element | null = null;
  let next = root?.nextElementSibling;
  for (let i = 0; next && !related && i < MAX_SIBLINGS; i++, next = next.nextElementSibling) {
    related = next.matches(RELATED_TOPICS) ? next : next.querySelector(RELATED_TOPICS);
  }
  const slugs: string[] = [];
  for (const scope of [root, related]) {
    const links = scope?.getElementsByTagName('a') ?? [];
    for (let i = 0, link; i < MAX_LINKS && (link = links[i]); i++) {
      // The attribute, not `href`: resolving each link's URL would cost more than matching its path;
      // and only links to a topic are worth matching against the selector.
      const href = link.getAttribute('href') ?? '';
      const slug = href.includes('/themen/') && link.matches(TOPIC_LINK) && TOPIC_PATH.exec(href.replace(ORIGIN, ''))?.[1]?.toLowerCase();
      if (slug && !slugs.includes(slug)) slugs.push(slug);
    }
  }
  return slugs;
}

function topicSignal(slugs: string[]): Signal | null {
  const ukraine: string[] = [];
  const russia: string[] = [];
  for (const slug of slugs) {
    const [u, r, w] = termsIn(slug);
    if (u.length) ukraine.push(slug);
    else if (r.length + w.length) russia.push(slug);
  }
  const weight = ukraine.length ? 2 : russia.length > 1 ? 1 : 0;
  if (!weight) return null;
  return { source: 'topic-link', detail: `topic links: ${[...ukraine, ...russia].slice(0, 4).map((s) => `/themen/${s}`).join(', ')}`, weight };
}

/** The opening paragraphs, as far as a search reads them. */
function firstParagraphs(root: Element | null): string[] {
  const texts: string[] = [];
  const ps = root?.getElementsByTagName('p') ?? [];
  for (let i = 0, p; i < MAX_P_EXAMINED && texts.length < MAX_PARAGRAPHS && (p = ps[i]); i++) {
    if (p.matches(ARTICLE_PARAGRAPH)) texts.push(p.textContent.slice(0, MAX_TEXT));
  }
  return texts;
}

/** Most of the opening paragraphs must name Ukraine; one paragraph alone is a side remark. */
function bodySignal(paragraphs: string[]): Signal | null {
  const naming = paragraphs.filter((p) => termsIn(p)[0].length).length;
  const weight = naming > 2 ? 2 : naming === 2 ? 1 : naming / 2;
  if (!weight) return null;
  return { source: 'body', detail: `first paragraphs: ${naming} of ${paragraphs.length} name Ukraine`, weight };
}

function liveblogMarkers(doc: Document, path: string, ld: LdArticle | null, lead: string | null): string[] {
  const markers: string[] = [];
  if (ld?.type === 'LiveBlogPosting') markers.push('LiveBlogPosting');
  if (LIVEBLOG_SLUG.test(path)) markers.push('slug');
  if (lead && LIVEBLOG_LEAD.test(lead)) markers.push('"+++ Der Newsblog."');
  const buttons = doc.getElementsByTagName('button');
  const seen: string[] = [];
  for (let i = 0, button; i < MAX_BUTTONS && (button = buttons[i]); i++) {
    const text = clean(button.textContent);
    if (LIVEBLOG_TEXT_MARKERS.includes(text) && !seen.includes(text)) seen.push(text);
  }
  if (seen.length) markers.push(`buttons "${seen.join('", "')}"`);
  return markers;
}

// ---------------------------------------------------------------------------------------------

function verdict(kind: PageKind, articleId: string | null, headline: string | null, signals: Signal[]): PageVerdict {
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  return { kind, articleId, aboutUkraine: score >= UKRAINE_THRESHOLD, score, headline, signals };
}

/** `<meta>` contents by name or property; the first of each wins. */
function headMetas(head: HTMLHeadElement | null): Map<string, string> {
  const metas = new Map<string, string>();
  const metaElements = head?.getElementsByTagName('meta') ?? [];
  for (let i = 0, el; (el = metaElements[i]); i++) {
    const key = el.getAttribute('property') ?? el.getAttribute('name');
    const content = el.getAttribute('content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  return metas;
}

/** The article ID in the address, the head's canonical address and the markup; which counts, and the signal saying whence. */
function articleIds(doc: Document, head: HTMLHeadElement | null, pathname: string, metas: Map<string, string>): { urlId: string | null; canonicalId: string | null; articleId: string | null; signal: Signal | null } {
  const ogUrl = metas.get('og:url');
  const urlId = idInUrl(pathname);
  const canonicalId = idInUrl(ogUrl === undefined ? head?.querySelector('link[rel="canonical"]')?.getAttribute('href') : ogUrl.trim());
  const markupId = urlId ? null : (doc.querySelector(ARTICLE_ID_ELEMENT)?.getAttribute('data-article-id') ?? null);
  const articleId = urlId ?? (markupId && /^\d{7,9}$/.test(markupId) ? markupId : null) ?? canonicalId;
  const from = urlId ? 'URL' : articleId === markupId ? 'markup' : 'canonical URL';
  const signal: Signal | null = articleId ? { source: 'article-id', detail: `article ID ${articleId} (${from})`, weight: 0 } : null;
  return { urlId, canonicalId, articleId, signal };
}

/**
 * The page's words on its topic, and the signals they give. The head is read first and the header
 * only without it: on the old design each header query costs as much as the whole head.
 */
function topicEvidence(doc: Document, pathname: string, ld: LdArticle | null, headMeta: (key: string) => string | null): { headline: string | null; lead: string | null; signals: (Signal | null)[] } {
  const ogTitle = headMeta('og:title');
  const headline = ld?.headline || ogTitle || clean(doc.querySelector(HEADLINE)?.textContent) || null;
  const kicker = clean(doc.querySelector(KICKER)?.textContent) || null;
  const lead = headMeta('og:description') || headMeta('description') || clean(doc.querySelector(LEAD_TEXT)?.textContent) || null;

  const root = doc.querySelector(ARTICLE_ROOT);
  const slugs = topicSlugs(root);
  const paragraphs = firstParagraphs(root);
  const evidence: [Candidate[], number][] = [
    [[{ source: 'url', label: 'slug', text: pathname.replace(ARTICLE_ID_IN_PATH, '').split('/').filter(Boolean).at(-1) }], 3],
    [[
      { source: 'json-ld', label: 'keywords', text: ld?.keywords },
      { source: 'meta', label: 'keywords', text: strings(headMeta('keywords')) },
      { source: 'meta', label: 'news_keywords', text: strings(headMeta('news_keywords')) },
    ], 3],
    [[
      { source: 'json-ld', label: 'articleSection', text: ld?.sections },
      { source: 'meta', label: 'article:section', text: strings(headMeta('article:section')) },
      { source: 'meta', label: 'vr:category', text: strings(headMeta('vr:category')) },
    ], 2],
    [[
      { source: 'json-ld', label: 'headline', text: ld?.headline },
      { source: 'meta', label: 'og:title', text: ogTitle },
      { source: 'headline', label: 'headline', text: headline },
    ], 2],
    [[{ source: 'kicker', label: 'kicker', text: kicker }], 2],
    [[{ source: 'headline', label: 'lead', text: lead }], 1],
  ];
  // One search through all of it (nested lists join with commas) tells whether any text has a
  // stem: on an article about anything else, the usual page, the search per source is skipped.
  const everything = String([evidence.map(([candidates]) => candidates.map((c) => c.text)), slugs, paragraphs]);
  if (everything.toLowerCase().search(STEMS) < 0) return { headline, lead, signals: [] };
  return { headline, lead, signals: [...evidence.map(([candidates, full]) => best(candidates, full)), topicSignal(slugs), bodySignal(paragraphs)] };
}

export function detectPage(doc: Document, url: string | URL): PageVerdict {
  let location: URL | null = null;
  try {
    location = new URL(url);
  } catch {
    // Not an address at all: not Handelsblatt either.
  }
  if (!location || !HANDELSBLATT_HOST.test(location.hostname)) {
    return verdict('not-handelsblatt', null, null, [
      { source: 'host', detail: `host: ${location?.hostname || String(url).slice(0, 80)}`, weight: 0 },
    ]);
  }
  const signals: Signal[] = [{ source: 'host', detail: `host: ${location.hostname}`, weight: 0 }];
  const add = (signal: Signal | null): void => {
    if (signal) signals.push(signal);
  };

  const head = doc.head as HTMLHeadElement | null;
  const metas = headMetas(head);
  const { pathname } = location;
  const { urlId, canonicalId, articleId, signal: idSignal } = articleIds(doc, head, pathname, metas);
  add(idSignal);

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

  if (ld) add({ source: 'json-ld', detail: `JSON-LD ${ld.type}`, weight: 0 });
  const { headline, lead, signals: topic } = topicEvidence(doc, pathname, ld, headMeta);
  for (const signal of topic) add(signal);

  const markers = liveblogMarkers(doc, pathname, ld, lead);
  if (markers.length > 0) add({ source: 'liveblog', detail: `live-blog markers: ${markers.join(', ')}`, weight: 0 });
  const isUkraineLiveblog = urlId === UKRAINE_LIVEBLOG_ID || canonicalId === UKRAINE_LIVEBLOG_ID;
  if (isUkraineLiveblog) add({ source: 'liveblog', detail: `Ukraine live blog ID ${UKRAINE_LIVEBLOG_ID}`, weight: UKRAINE_THRESHOLD });

  const isArticle = articleId !== null || ld !== null || headMeta('og:type') === 'article';
  const result = verdict('handelsblatt-page', articleId, headline, signals);
  if (!isArticle) return result;
  if (isUkraineLiveblog || (result.aboutUkraine && markers.length >= 2)) return { ...result, kind: 'ukraine-liveblog' };
  return { ...result, kind: result.aboutUkraine ? 'ukraine-article' : 'article' };
}
