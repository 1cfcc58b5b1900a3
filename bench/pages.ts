/**
 * The pages the bench loads, built from the shared fixtures. Widgets that "arrive late" are put in
 * by a page script after the load event, the way the site's own scripts add blocks after first render.
 */
import {
  articleUrl,
  genevaArticlePage,
  longArticlePage,
  real2020Page,
  WIDGET_VARIANTS,
  widgetHtml,
  type WidgetVariant,
} from '../tools/pages';
import {
  busierPage, busyPage, busyUrl, hardUrl, pausedWidgetsPage, quotingPage, SHADOW_CASES, shadowPage, undoingPage, WRAPPER_CASES, wrapperPage,
} from '../tools/hard-pages';
import { withSampler } from '../tools/first-frame';
import { inParts, send, type PageServer } from '../tools/server';

export interface BenchPage {
  name: string;
  /** The article's real address; the bench serves it over http under the same host and path. */
  url: string;
  html: string;
  /** Widgets arrive after load: a run waits for the last of them. */
  late?: boolean;
  /** With `late`: the page expression that says it did all it does (default LATE_DONE). */
  settled?: string;
}

/** Set on window by the late-insertion script once its last widget is in. */
export const LATE_DONE = 'window.__lateWidgetsDone === true';

export interface LateWidgets {
  variants: readonly WidgetVariant[];
  count: number;
  /** After the load event. */
  firstAfterMs: number;
  batches: number;
  batchGapMs: number;
}

/** A page script that inserts widgets spread evenly over the story, in batches, after load. */
function lateInsertion({ variants, count, firstAfterMs, batches, batchGapMs }: LateWidgets): string {
  const widgets = Array.from({ length: count }, (_, i) => widgetHtml(variants[i % variants.length]!, { seed: 100 + i }));
  // `<` escaped so no widget markup can end the script element early.
  const data = JSON.stringify({ widgets, firstAfterMs, batches, batchGapMs }).replace(/</g, '\\u003c');
  return `<script>(() => {
  const { widgets, firstAfterMs, batches, batchGapMs } = ${data};
  addEventListener('load', () => {
    const blocks = Array.from(document.querySelectorAll('app-storyline-elements > app-storyline-element'));
    const places = widgets.map((_, i) => blocks[Math.floor(((i + 1) * blocks.length) / (widgets.length + 1))]);
    const perBatch = Math.ceil(widgets.length / batches);
    for (let b = 0; b < batches; b++) {
      setTimeout(() => {
        for (let i = b * perBatch; i < Math.min(widgets.length, (b + 1) * perBatch); i++) {
          places[i].insertAdjacentHTML('afterend', widgets[i]);
        }
        if (b === batches - 1) window.__lateWidgetsDone = true;
      }, firstAfterMs + b * batchGapMs);
    }
  });
})();</script>`;
}

function withLateWidgets(html: string, late: LateWidgets): string {
  const end = html.lastIndexOf('</body>');
  if (end === -1) throw new Error('bench page has no </body> to put the late widgets before');
  return html.slice(0, end) + lateInsertion(late) + html.slice(end);
}

/**
 * The 2020 page has no job widget of today's kind, but its "Serviceangebote" strip has a STELLENMARKT
 * tile that the extension hides; marking that tile gives the flash sampler something to watch.
 */
function real2020WithMarkedTile(): string {
  const html = real2020Page();
  const tile = /<li (class="vhb-serviceoffer-list-item[^"]*")>(?=<a href="https?:\/\/karriere\.handelsblatt\.com)/;
  if (!tile.test(html)) throw new Error('the real 2020 page no longer has its STELLENMARKT tile');
  return html.replace(tile, '<li $1 data-test-widget="stellenmarkt-2020">');
}

export const LONG_LATE: LateWidgets = { variants: WIDGET_VARIANTS, count: 50, firstAfterMs: 100, batches: 5, batchGapMs: 100 };

export function longLatePage(): BenchPage {
  return { name: 'long2000-50late', url: articleUrl.long, html: withLateWidgets(longArticlePage({ paragraphs: 2000 }), LONG_LATE), late: true };
}

/** Pages whose widget frames are counted; each gets the sampler as the first child of <head>. */
export function flashPages(): BenchPage[] {
  const late = (ms: number): BenchPage => ({
    name: `geneva-late${ms}ms`,
    url: articleUrl.geneva,
    html: withLateWidgets(genevaArticlePage(), { variants: WIDGET_VARIANTS, count: WIDGET_VARIANTS.length, firstAfterMs: ms, batches: 1, batchGapMs: 0 }),
    late: true,
  });
  const pages: BenchPage[] = [
    { name: 'real2020', url: articleUrl.real2020, html: real2020WithMarkedTile() },
    ...WIDGET_VARIANTS.map((variant) => ({ name: `geneva-${variant}`, url: articleUrl.geneva, html: genevaArticlePage({ widget: variant }) })),
    late(600),
    late(1200),
    longLatePage(),
    ...hardPages(),
  ];
  return pages.map((page) => ({ ...page, html: withSampler(page.html) }));
}

/** The busy page: 2,000 paragraphs, 500 nodes changed per frame for 3 s after load, two late widgets. */
export function busyBenchPage(): BenchPage {
  return { name: 'busy500', url: busyUrl, html: busyPage(3), late: true, settled: 'window.__busyDone === true' };
}

/** Issue 28's busier page: 2,000 paragraphs, 500 elements swapped all over the story per frame for 3 s, a widget arriving halfway. */
export function busierBenchPage(): BenchPage {
  return { name: 'busier500', url: busyUrl, html: busierPage(3), late: true, settled: 'window.__busyDone === true' };
}

/** The busy pages, on which the watching controls are measured (bench/floor.ts), and what each does. */
export const BUSY_PAGES: Readonly<Record<string, string>> = {
  busy500: 'busy page, a ticker of 500 cells rewritten per frame for 3 s',
  busier500: 'busier page, 500 elements swapped all over the 2,000-paragraph story per frame for 3 s, a widget arriving halfway',
};

/** Issue 9's hard markups (tools/hard-pages.ts): shadow roots, wrappers, quoting story, a page undoing the hiding, a busy page. */
export function hardPages(): BenchPage[] {
  const widgetsIn = (n: number): string => `document.querySelectorAll('[data-test-widget]').length >= ${n}`;
  return [
    ...SHADOW_CASES.map((kind) => ({ name: `shadow-${kind}`, url: hardUrl, html: shadowPage(kind), late: kind.startsWith('late'), settled: widgetsIn(2) })),
    ...WRAPPER_CASES.map((kind) => ({ name: `wrapper-${kind}`, url: hardUrl, html: wrapperPage(kind) })),
    { name: 'story-quoting-widget', url: hardUrl, html: quotingPage() },
    { name: 'paused-inside-widgets', url: hardUrl, html: pausedWidgetsPage() },
    { name: 'page-undoing-hiding', url: hardUrl, html: undoingPage(), late: true, settled: 'window.__undoDone === true' },
    busyBenchPage(),
    busierBenchPage(),
  ];
}

/** Pages whose content-script cost is measured: the real page as saved, the long page, the busy pages. */
export function costPages(): BenchPage[] {
  return [{ name: 'real2020', url: articleUrl.real2020, html: real2020Page() }, longLatePage(), busyBenchPage(), busierBenchPage()];
}

/**
 * Serves every page under its real host and path; pages sharing a path are told apart by a
 * `bench` query parameter (`<set>.<name>`), which neither the site's URLs nor the extension give meaning to.
 */
export function servePages<Set extends string>(server: PageServer, sets: Record<Set, readonly BenchPage[]>): (set: Set, page: BenchPage) => string {
  const byPath = new Map<string, Map<string, string>>();
  for (const [set, pages] of Object.entries(sets) as [Set, readonly BenchPage[]][]) {
    for (const page of pages) {
      const { pathname } = new URL(page.url);
      const named = byPath.get(pathname) ?? new Map<string, string>();
      const key = `${set}.${page.name}`;
      if (named.has(key)) throw new Error(`two bench pages named ${key}`);
      named.set(key, page.html);
      byPath.set(pathname, named);
    }
  }
  for (const [pathname, named] of byPath) {
    server.route(pathname, async (_request, response, url) => {
      const html = named.get(url.searchParams.get('bench') ?? '');
      if (html === undefined) {
        response.writeHead(404).end();
        return;
      }
      // Paused where the page says, as the tests serve it.
      await send(response, inParts(html));
    });
  }
  return (set, page) => {
    const url = new URL(page.url.replace(/^https:/, 'http:'));
    url.searchParams.set('bench', `${set}.${page.name}`);
    return url.href;
  };
}
