/**
 * npm start: builds, serves the Geneva article (with the job widget in it) offline under its real
 * address, and opens Chromium with the extension on it: the widget is gone, and the Lagebild button
 * in the toolbar (under the puzzle piece) opens the popup. Close the browser or press Ctrl+C to stop.
 *
 * With no display it runs headless instead, writes screenshots of the article with and without the
 * extension and of the popup in light and dark to docs/screenshots/, and exits.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { articleUrl, genevaArticlePage, WIDGET_SELECTOR } from '../tests/fixtures/pages';
import { POPUP_PATH } from '../tests/support/extension-browser';
import { startServer } from '../tests/support/server';
import { launch } from '../bench/chromium';
import { build, DIST, ROOT } from '../bench/dist';

const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
/** Wide enough for the article column, small enough that the PNGs stay small. */
const ARTICLE_VIEWPORT = { width: 760, height: 560 };
/** Chrome draws an action popup at most 800 × 600; the popup's own CSS decides the width inside that. */
const POPUP_VIEWPORT = { width: 420, height: 600 };

build();
const server = await startServer();
server.route(articleUrl.geneva, genevaArticlePage({ widget: 'known' }));
const article = articleUrl.geneva.replace(/^https:/, 'http:');

async function openArticle(context: BrowserContext): Promise<Page> {
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(article, { waitUntil: 'load' });
  return tab;
}

/**
 * The article shots show the same stretch of the story: where the widget sits when nothing hides it.
 * The popup is opened as a tab, so its status is that of a tab that is no article.
 */
async function takeScreenshots(): Promise<string[]> {
  const without = await launch({ extension: null, port: server.port });
  const withExtension = await launch({ extension: DIST.chrome, port: server.port });
  try {
    const plain = await openArticle(without.context);
    await plain.setViewportSize(ARTICLE_VIEWPORT);
    const scrollY = await plain.locator(WIDGET_SELECTOR).first().evaluate((widget) => {
      widget.scrollIntoView({ block: 'center' });
      return window.scrollY;
    });
    const hidden = await openArticle(withExtension.context);
    await hidden.setViewportSize(ARTICLE_VIEWPORT);
    await hidden.evaluate((y) => {
      window.scrollTo(0, y);
    }, scrollY);
    const files = [join(SCREENSHOTS, 'article-without-extension.png'), join(SCREENSHOTS, 'article-with-extension.png')];
    await plain.screenshot({ path: files[0] });
    await hidden.screenshot({ path: files[1] });

    for (const scheme of ['light', 'dark'] as const) {
      const popup = await withExtension.context.newPage();
      await popup.setViewportSize(POPUP_VIEWPORT);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(`${withExtension.extensionOrigin!}/${POPUP_PATH}`, { waitUntil: 'load' });
      // The tab status fills in after the first render; the shot should show it settled.
      await popup.waitForTimeout(500);
      const file = join(SCREENSHOTS, `popup-${scheme}.png`);
      const width = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().width));
      await popup.screenshot({ path: file, clip: { x: 0, y: 0, width: Math.min(width, POPUP_VIEWPORT.width), height: POPUP_VIEWPORT.height } });
      files.push(file);
    }
    return files;
  } finally {
    await withExtension.close();
    await without.close();
  }
}

if (process.env.DISPLAY) {
  const session = await launch({ extension: DIST.chrome, port: server.port, headless: false });
  await openArticle(session.context);
  process.stdout.write(
    `Lagebild is running on ${articleUrl.geneva}\n`
    + '(served offline from this machine). Click the puzzle piece in the toolbar, then Lagebild, to open the popup;\n'
    + `or open ${session.extensionOrigin!}/${POPUP_PATH} in a tab.\nClose the browser or press Ctrl+C to stop.\n`,
  );
  session.context.once('close', () => {
    void session.close().then(() => server.close());
  });
  process.once('SIGINT', () => {
    void session.context.close();
  });
} else {
  mkdirSync(SCREENSHOTS, { recursive: true });
  try {
    const files = await takeScreenshots();
    process.stdout.write(`No display: ran headless and wrote\n${files.map((f) => `  ${relative(ROOT, f)}`).join('\n')}\n`);
  } finally {
    await server.close();
  }
}
