/**
 * Handelsblatt's Ukraine live blog of 21 January 2022 (tools/liveblog-corpus.ts) in several markups:
 * the site's storyline markup as tools/pages.ts has it, and four it might have or that other live
 * blogs have, since nobody has seen the blog's container (tests/fixtures/HANDELSBLATT-DOM.md). Every
 * page is served at the live blog's address in the site's shell, so the extension takes it for the
 * Ukraine live blog. An optional page script changes the blog after load as a live one does.
 *
 * Test scaffolding the site does not have and the extension must never use: `data-test-key` on each
 * entry's elements, `data-test-timeline` on the element holding the entries, and `window.__liveblog`.
 */
import { LIVEBLOG_DAY, type LiveblogEntry } from './liveblog-corpus';
import { esc, newsArticleJsonLd, paragraphBlock, storyDate, storyDocument, type Block, type JsonLdShape } from './page-shell';
import { LIVEBLOG_TITLE, liveblogUrl } from './pages';
import { widgetHtml, type WidgetVariant } from './widgets';

export type LiveblogMarkup = 'storyline' | 'embed' | 'article' | 'plain' | 'unknown';

export const LIVEBLOG_MARKUPS: readonly LiveblogMarkup[] = ['storyline', 'embed', 'article', 'plain', 'unknown'];

/** Every element of an entry carries its corpus key here; the extension must not read it. */
export const TEST_KEY_ATTRIBUTE = 'data-test-key';
/** On the element whose descendants are the entries (and ads, widgets). */
export const TEST_TIMELINE_ATTRIBUTE = 'data-test-timeline';

/** The elements of entry `key`: one in every markup but 'plain', where they are its paragraphs and rule. */
export function entrySelector(key: string): string {
  return `[${TEST_KEY_ATTRIBUTE}="${key}"]`;
}

export const LIVEBLOG_DAY_HEADLINE = 'USA und Russland ringen um Entspannung';
export const LIVEBLOG_DAY_URL = liveblogUrl({ slug: 'liveblog-zum-ukraine-krieg-usa-und-russland-ringen-um-entspannung' });

/** What a live blog does after load; timed parts start at load, or on `__liveblog.start()` when `manual`. */
export interface LiveOptions {
  /** Entries put on top, one per `everyMs` or per animation frame; the oldest dropped beyond `keepAtMost`. */
  addNewOnTop?: { entries: readonly LiveblogEntry[]; everyMs: number | 'frame'; keepAtMost?: number };
  /** Queued: shown on top when "Neuen Beitrag anzeigen" is clicked (or `showQueued()`), first given topmost. */
  newPostButton?: readonly LiveblogEntry[];
  /** Appended at the bottom, all at once, when the reader scrolls near the end (or `loadOlder()`). */
  olderOnScroll?: readonly LiveblogEntry[];
  /** Removed `removeAfterMs` (default 1,000) after the start. */
  removeKeys?: readonly string[];
  removeAfterMs?: number;
  /** The entry's text replaced in place (a change of its text node), `afterMs` (default 1,000) after the start. */
  editKey?: { key: string; text: string; afterMs?: number };
  /** Where `__liveblog.navigate()` goes: another live blog, reached without a page load. */
  navigateTo?: { url: string; markup: LiveblogMarkup; entries?: readonly LiveblogEntry[]; headline?: string };
  manual?: boolean;
}

export interface LiveblogMarkupOptions {
  /** The entries on the page, in the order given (default: the whole day, newest first). */
  entries?: readonly LiveblogEntry[];
  /** The job widget between the 3rd and 4th entry: true for the markup's usual variant, or the variant. */
  jobWidget?: boolean | WidgetVariant;
  live?: LiveOptions;
  url?: string;
  headline?: string;
  /** The entries also in the JSON-LD's `liveBlogUpdate`, as Google asks of live blogs (default true). */
  liveBlogUpdate?: boolean;
  jsonLd?: JsonLdShape;
  meta?: boolean;
}

/**
 * What a test can call on `window.__liveblog` (and `window.__loadOlder`). Keys must be of entries
 * the page knows: the day's, the page's and those of `live`.
 */
export interface LiveblogHooks {
  add(key: string, where?: 'top' | 'bottom'): void;
  remove(key: string): void;
  edit(key: string, text: string): void;
  showQueued(): void;
  loadOlder(): void;
  /** Starts the timed changes; resolves when the last `addNewOnTop` entry is in. */
  start(): Promise<void>;
  removeAll(): void;
  navigate(): void;
  /** The entries' keys in page order. */
  keys(): string[];
  queued: number;
  done: boolean;
}

// ---------------------------------------------------------------------------------------------
// Entries in each markup

/** "15:40 Uhr" in Germany's time. */
function clock(iso: string): string {
  return storyDate(iso).slice(13);
}

/** Stable post number for the site's own IDs: a filler's from its index, a day entry's from its place in the day. */
function postNumber(entry: LiveblogEntry): number {
  const filler = /^filler-(\d+)$/.exec(entry.key);
  if (filler) return 1000 + Number(filler[1]);
  const index = LIVEBLOG_DAY.findIndex((e) => e.key === entry.key);
  return index === -1 ? 900 : LIVEBLOG_DAY.length - index;
}

/** The text as two paragraphs when it is long: first sentence, the rest (plain markup only). */
export function plainParagraphs(text: string): string[] {
  if (text.length <= 160) return [text];
  const split = /(?<=[a-zäöüß)“][.!?][“"]?)\s+(?=[A-ZÄÖÜ„])/.exec(text);
  return split ? [text.slice(0, split.index), text.slice(split.index + split[0].length)] : [text];
}

type Render = (entry: LiveblogEntry) => string;

const RENDER: Record<LiveblogMarkup, Render> = {
  storyline: (e) => `<app-storyline-element ${TEST_KEY_ATTRIBUTE}="${e.key}"><div class="liveblog-entry" id="beitrag-${postNumber(e)}">`
    + `<time datetime="${e.time}">${clock(e.time)}</time>${e.headline ? `<h3>${esc(e.headline)}</h3>` : ''}`
    + `<app-rich-text><p>${esc(e.text)}</p></app-rich-text></div></app-storyline-element>`,
  embed: (e) => `<div class="lb-post" id="lb-post-${postNumber(e)}" ${TEST_KEY_ATTRIBUTE}="${e.key}"><div class="lb-post-body">`
    + `<div class="lb-post-header"><span class="lb-author">Handelsblatt</span> <time datetime="${e.time}">${clock(e.time).replace(' Uhr', '')}</time></div>`
    + `<div class="lb-post-content"><div class="lb-item">${e.headline ? `<h4>${esc(e.headline)}</h4>` : ''}`
    + `<div class="lb-text"><p>${esc(e.text)}</p></div></div></div></div></div>`,
  article: (e) => `<article class="ticker-entry" ${TEST_KEY_ATTRIBUTE}="${e.key}"><header>${e.headline ? `<h2>${esc(e.headline)}</h2>` : ''}`
    + `<time datetime="${e.time}">${clock(e.time)}</time></header><p>${esc(e.text)}</p></article>`,
  plain: (e) => {
    const mark = `${TEST_KEY_ATTRIBUTE}="${e.key}"`;
    const [first, ...rest] = plainParagraphs(e.text);
    return [`<p ${mark}><strong>${clock(e.time)}</strong> ${esc(first ?? '')}</p>`, ...rest.map((p) => `<p ${mark}>${esc(p)}</p>`), `<hr ${mark}>`].join('\n');
  },
  unknown: (e) => `<li class="meldung" ${TEST_KEY_ATTRIBUTE}="${e.key}"><span class="zeit">${clock(e.time).replace(' Uhr', '').replace(':', '.')}</span> `
    + `${e.headline ? `<span class="titel">${esc(e.headline)}</span>` : ''}<div class="inhalt">${esc(e.text)}</div></li>`,
};

/** Where an entry's text stands, for edits: the element holding it first. */
const TEXT_PLACE: Record<LiveblogMarkup, string> = {
  storyline: 'app-rich-text p',
  embed: '.lb-text p',
  article: 'p',
  plain: 'p',
  unknown: '.inhalt',
};

/** The widget a markup's blog would most plausibly carry between entries. */
const WIDGET_IN: Record<LiveblogMarkup, WidgetVariant> = {
  storyline: 'known',
  embed: 'text-only',
  article: 'text-only',
  plain: 'text-only',
  unknown: 'text-only',
};

const AD = '<div class="lb-ad"><span class="lb-ad-label">Anzeige</span><div class="lb-ad-slot" style="min-height:90px"></div></div>';

/** "Freitag, 21. Januar 2022" in Germany's time. */
function dayLabel(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(iso));
}

function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(iso));
}

/** The blog's entries (with the widget, `null` where it goes) as the body blocks of the story. */
function blogBlocks(markup: LiveblogMarkup, entries: readonly LiveblogEntry[], widget: string | null): Block[] {
  const at = Math.min(3, entries.length - 1);
  // In the list of the invented markup the widget is a list item too.
  const between = widget && (markup === 'unknown' ? `<li class="hinweis">${widget}</li>` : widget);
  const items = entries.map((e, i) => `${i === at && between ? `${between}\n` : ''}${RENDER[markup](e)}`);
  const timeline = `${TEST_TIMELINE_ATTRIBUTE}=""`;
  switch (markup) {
    case 'storyline':
      return items.map((html) => ({ html, paragraph: true }));
    case 'embed': {
      const posts = items.map((html, i) => (i % 5 === 4 ? `${html}\n${AD}` : html));
      return [{
        html: `<app-storyline-element><div class="lb-embed" data-lb-instance="hb-ukraine"><div class="lb-embed-frame">`
          + `<div class="lb-timeline" ${timeline}>\n${posts.join('\n')}\n</div><div class="lb-powered">Live-Ticker</div></div></div></app-storyline-element>`,
        paragraph: true,
      }];
    }
    case 'article':
      return [{ html: `<app-storyline-element><section class="ticker" ${timeline}>\n${items.join('\n')}\n</section></app-storyline-element>`, paragraph: true }];
    case 'plain':
      return [{ html: paragraphBlock(`\n${items.join('\n')}\n`).html.replace('<app-rich-text>', `<app-rich-text ${timeline}>`), paragraph: true }];
    case 'unknown': {
      const days = new Map<string, string[]>();
      entries.forEach((e, i) => days.set(dayOf(e.time), [...(days.get(dayOf(e.time)) ?? []), items[i]!]));
      const groups = [...days].map(([day, lis]) => `<ticker-tag datum="${day}"><div class="tag-kopf">${dayLabel(`${day}T12:00:00+01:00`)}</div>`
        + `<ul class="meldungen">\n${lis.join('\n')}\n</ul></ticker-tag>`);
      return [{ html: `<app-storyline-element><ticker-verlauf ${timeline}>\n${groups.join('\n')}\n</ticker-verlauf></app-storyline-element>`, paragraph: true }];
    }
  }
}

/** Where an entry goes when the blog is empty. */
const EMPTY_LIST: Record<LiveblogMarkup, string> = {
  storyline: `[${TEST_TIMELINE_ATTRIBUTE}]`,
  embed: `[${TEST_TIMELINE_ATTRIBUTE}]`,
  article: `[${TEST_TIMELINE_ATTRIBUTE}]`,
  plain: `[${TEST_TIMELINE_ATTRIBUTE}]`,
  unknown: `[${TEST_TIMELINE_ATTRIBUTE}] ul`,
};

const CONTROLS = '<div class="liveblog-controls"><button type="button" aria-pressed="true">Neueste zuerst</button> '
  + '<button type="button" aria-pressed="false">Älteste zuerst</button> '
  + '<button type="button" class="liveblog-new-entry">Neuen Beitrag anzeigen</button></div>';

// ---------------------------------------------------------------------------------------------
// The page

export function liveblogMarkupPage(markup: LiveblogMarkup, opts: LiveblogMarkupOptions = {}): string {
  const entries = opts.entries ?? LIVEBLOG_DAY;
  for (const e of entries) if (!/^[a-z0-9-]+$/.test(e.key)) throw new Error(`entry key ${e.key} is not [a-z0-9-]+`);
  const variant = opts.jobWidget === true ? WIDGET_IN[markup] : opts.jobWidget || null;
  const headline = opts.headline ?? LIVEBLOG_DAY_HEADLINE;
  const times = entries.map((e) => e.time).sort();
  const body = blogBlocks(markup, entries, variant && widgetHtml(variant, { seed: 7 }));
  const page = {
    url: opts.url ?? LIVEBLOG_DAY_URL,
    title: `${LIVEBLOG_TITLE}: ${headline}`,
    kicker: LIVEBLOG_TITLE,
    headline,
    leadText: 'Nato verstärkt die Ostflanke +++ Bundesregierung berät über Hilfen für Kiew +++ Der Newsblog.',
    authors: 'Handelsblatt',
    published: times[0] ?? '2022-01-21T06:00:00+01:00',
    modified: times.at(-1) ?? '2022-01-21T06:00:00+01:00',
    section: 'Politik',
    keywords: ['Ukraine', 'Russland', 'Ukraine-Konflikt'],
    relatedTopics: [{ slug: 'ukraine', label: 'Ukraine' }, { slug: 'russland', label: 'Russland' }],
    body,
    beforeBody: CONTROLS,
  };
  const updates = opts.liveBlogUpdate === false ? {} : {
    liveBlogUpdate: entries.map((e) => ({ '@type': 'BlogPosting', ...(e.headline ? { headline: e.headline } : {}), articleBody: e.text, datePublished: e.time })),
  };
  const jsonLd = newsArticleJsonLd(page, 'LiveBlogPosting', { headline: page.title, coverageStartTime: '2021-12-01T06:00:00+01:00', ...updates });
  let html = storyDocument({ ...page, jsonLd }, 'article', { jsonLd: opts.jsonLd, meta: opts.meta });
  // The storyline blog's entries are the story's own elements: the story list is the timeline.
  if (markup === 'storyline') html = html.replace('<app-storyline-elements>', `<app-storyline-elements ${TEST_TIMELINE_ATTRIBUTE}="">`);
  return opts.live ? html.replace('</head>', `${liveScript(markup, entries, opts.live)}\n</head>`) : html;
}

// ---------------------------------------------------------------------------------------------
// The live script

interface BlogData {
  markup: LiveblogMarkup;
  templates: Record<string, string>;
  keys: string[];
  textPlace: string;
  emptyList: string;
}

function blogData(markup: LiveblogMarkup, onPage: readonly LiveblogEntry[], more: readonly LiveblogEntry[]): BlogData {
  const templates: Record<string, string> = {};
  for (const e of [...LIVEBLOG_DAY, ...onPage, ...more]) templates[e.key] = RENDER[markup](e);
  return { markup, templates, keys: onPage.map((e) => e.key), textPlace: TEXT_PLACE[markup], emptyList: EMPTY_LIST[markup] };
}

/** The parts of a built page that an in-site navigation swaps. */
function navigationTarget(target: NonNullable<LiveOptions['navigateTo']>): Record<string, unknown> {
  const entries = target.entries ?? LIVEBLOG_DAY;
  const html = liveblogMarkupPage(target.markup, { url: target.url, entries, headline: target.headline });
  const part = (pattern: RegExp): string => pattern.exec(html)?.[1] ?? '';
  return {
    // The page is served over http or https under the blog's host: the path alone stays on its origin.
    path: new URL(target.url).pathname,
    canonical: target.url,
    title: part(/<title>([\s\S]*?)<\/title>/),
    main: part(/<main>([\s\S]*)<\/main>/),
    jsonLd: part(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/),
    blog: blogData(target.markup, entries, []),
  };
}

/** A script for the page's head: `window.__liveblog` at once, the timed changes from the load event. */
function liveScript(markup: LiveblogMarkup, entries: readonly LiveblogEntry[], live: LiveOptions): string {
  const more = [...(live.addNewOnTop?.entries ?? []), ...(live.newPostButton ?? []), ...(live.olderOnScroll ?? [])];
  const data = {
    blog: blogData(markup, entries, more),
    stream: live.addNewOnTop ? { keys: live.addNewOnTop.entries.map((e) => e.key), everyMs: live.addNewOnTop.everyMs, keepAtMost: live.addNewOnTop.keepAtMost ?? null } : null,
    queued: (live.newPostButton ?? []).map((e) => e.key),
    older: (live.olderOnScroll ?? []).map((e) => e.key),
    remove: live.removeKeys ? { keys: live.removeKeys, afterMs: live.removeAfterMs ?? 1000 } : null,
    edit: live.editKey ? { afterMs: 1000, ...live.editKey } : null,
    navigation: live.navigateTo ? navigationTarget(live.navigateTo) : null,
    manual: live.manual ?? false,
  };
  // `<` escaped so no entry can end the script element early.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script>(() => {
  const data = ${json};
  const KEY = ${JSON.stringify(TEST_KEY_ATTRIBUTE)};
  let blog = data.blog;
  let keys = blog.keys.slice();
  const queued = data.queued.slice();
  let older = data.older.slice();
  const timeline = () => document.querySelector('[${TEST_TIMELINE_ATTRIBUTE}]');
  const elementsOf = (key) => Array.from(timeline().querySelectorAll('[' + KEY + '="' + key + '"]'));
  const fragment = (key) => {
    const html = blog.templates[key];
    if (html === undefined) throw new Error('the live blog has no entry ' + key);
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  };
  const remove = (key) => {
    for (const el of elementsOf(key)) el.remove();
    const at = keys.indexOf(key);
    if (at !== -1) keys.splice(at, 1);
  };
  const add = (key, where = 'top') => {
    const content = fragment(key);
    const all = timeline().querySelectorAll('[' + KEY + ']');
    if (all.length === 0) document.querySelector(blog.emptyList).append(content);
    else if (where === 'top') all[0].before(content);
    else all[all.length - 1].after(content);
    if (where === 'top') keys.unshift(key); else keys.push(key);
    const most = data.stream && data.stream.keepAtMost;
    while (most && keys.length > most) remove(keys[keys.length - 1]);
  };
  const edit = (key, text) => {
    const places = elementsOf(key).flatMap((el) => (el.matches(blog.textPlace) ? [el] : Array.from(el.querySelectorAll(blog.textPlace))));
    const [first, ...rest] = places;
    const node = Array.from(first.childNodes).reverse().find((n) => n.nodeType === Node.TEXT_NODE);
    node.data = (blog.markup === 'plain' ? ' ' : '') + text;
    for (const el of rest) el.remove();
  };
  const showQueued = () => {
    for (const key of queued.splice(0).reverse()) add(key, 'top');
    hooks.queued = 0;
  };
  const loadOlder = () => {
    for (const key of older.splice(0)) add(key, 'bottom');
  };
  const navigate = () => {
    const to = data.navigation;
    history.pushState({}, '', to.path);
    document.title = to.title;
    document.querySelector('main').innerHTML = to.main;
    const canonical = document.querySelector('link[rel="canonical"]');
    if (canonical) canonical.href = to.canonical;
    const ld = document.querySelector('script[type="application/ld+json"]');
    if (ld) ld.textContent = to.jsonLd;
    blog = to.blog;
    keys = blog.keys.slice();
    older = [];
    queued.length = 0;
  };
  let started = null;
  const start = () => started || (started = new Promise((resolve) => {
    if (data.remove) setTimeout(() => data.remove.keys.forEach(remove), data.remove.afterMs);
    if (data.edit) setTimeout(() => edit(data.edit.key, data.edit.text), data.edit.afterMs);
    const stream = data.stream;
    if (!stream) { hooks.done = true; resolve(); return; }
    let next = 0;
    const step = () => {
      add(stream.keys[next++], 'top');
      if (next < stream.keys.length) schedule();
      else { hooks.done = true; resolve(); }
    };
    const schedule = () => (stream.everyMs === 'frame' ? requestAnimationFrame(step) : setTimeout(step, stream.everyMs));
    schedule();
  }));
  const hooks = {
    add, remove, edit, showQueued, loadOlder, start, navigate,
    removeAll: () => keys.slice().forEach(remove),
    keys: () => keys.slice(),
    queued: queued.length,
    done: false,
  };
  window.__liveblog = hooks;
  window.__loadOlder = loadOlder;
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('.liveblog-new-entry')) showQueued();
  });
  addEventListener('scroll', () => {
    if (older.length && innerHeight + scrollY > document.documentElement.scrollHeight - 600) loadOlder();
  }, { passive: true });
  if (!data.manual) addEventListener('load', () => { start(); });
})();</script>`;
}
