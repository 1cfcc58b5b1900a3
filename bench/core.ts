/**
 * The content script's pure core, timed in Chromium on the fixture pages: the quote matcher on the
 * 2,000-paragraph Ukraine page, page detection and job-widget finding on the real 2020 page.
 * Each load is a fresh tab; the first run in it is the cold one the content script pays per page.
 * The page is served cross-origin isolated (COOP/COEP on 127.0.0.1), because only then does
 * performance.now() resolve 5 µs instead of 100 µs, and sub-millisecond figures need that.
 */
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { articleUrl, longArticlePage, real2020Page } from '../tests/fixtures/pages';
import type { PageServer } from '../tests/support/server';
import type { Timing } from './core-entry';

const GLOBAL = 'lagebildBench';
const WARM_RUNS = 10;

/** The entry, built the way the content script is (minified, for the same Chromium), as one classic script. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'chrome120',
      lib: { entry: resolve(import.meta.dirname, 'core-entry.ts'), formats: ['iife'], name: GLOBAL, fileName: 'core' },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk) throw new Error('bundling bench/core-entry.ts produced no script');
  return chunk.code;
}

const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };

/** Registers /core/<name> pages with the bundle at the end of their body. */
export async function serveCorePages(server: PageServer): Promise<{ quotes: string; real2020: string }> {
  const script = await bundle();
  const pages = {
    quotes: longArticlePage({ paragraphs: 2000, topic: 'ukraine' }),
    real2020: real2020Page(),
  };
  server.route('/core/bench.js', (_request, response) => {
    response.writeHead(200, { ...ISOLATED, 'content-type': 'text/javascript' }).end(script);
  });
  for (const [name, html] of Object.entries(pages)) {
    const end = html.lastIndexOf('</body>');
    const withScript = `${html.slice(0, end)}<script src="/core/bench.js"></script>${html.slice(end)}`;
    server.route(`/core/${name}`, (_request, response) => {
      response.writeHead(200, { ...ISOLATED, 'content-type': 'text/html; charset=utf-8' }).end(withScript);
    });
  }
  const at = (name: string): string => `http://127.0.0.1:${server.port}/core/${name}`;
  return { quotes: at('quotes'), real2020: at('real2020') };
}

export type Task = 'quotes' | 'detect' | 'blocks';

/** One fresh load of `address`, then `task` run cold and warm. */
export async function timeTask(context: BrowserContext, address: string, task: Task): Promise<Timing> {
  const tab = await context.newPage();
  try {
    await tab.goto(address, { waitUntil: 'load' });
    if (!(await tab.evaluate('crossOriginIsolated'))) throw new Error(`${address} is not cross-origin isolated: timer resolution would be 100 µs`);
    return await tab.evaluate<Timing>(`${GLOBAL}.tasks.${task}(${WARM_RUNS}, ${JSON.stringify(articleUrl.real2020)})`);
  } finally {
    await tab.close();
  }
}
