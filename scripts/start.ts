/**
 * npm start: builds, serves the Geneva article (with the job widget in it) offline under its real
 * address, and opens Chromium with the extension on it: the widget is gone, and the Lagebild button
 * in the toolbar (under the puzzle piece) opens the popup. Close the browser or press Ctrl+C to stop.
 *
 * With no display (or --headless) it runs headless instead, writes screenshots of the article with
 * and without the extension, of the side panel open beside the article and beside the live blog of
 * the day of the talks, and of the popup in light and dark, and exits. They go to screenshots/ (ignored by git); `npm run screenshots` passes
 * `--out docs/screenshots` to refresh the README's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { articleUrl, genevaArticlePage, WIDGET_SELECTOR } from '../tools/pages';
import { ExtensionBrowser, POPUP_PATH, type Popup } from '../tools/extension-browser';
import { LIVEBLOG_DAY_URL, liveblogMarkupPage } from '../tools/liveblog-pages';
import { chromiumPath } from '../tools/browsers';
import { served, startServer } from '../tools/server';
import { launch } from '../tools/chromium';
import { build, DIST, ROOT } from '../tools/dist';

const { values: args } = parseArgs({ options: { headless: { type: 'boolean', default: false }, out: { type: 'string', default: 'screenshots' } } });
const SCREENSHOTS = resolve(ROOT, args.out);
/** Wide enough for the article column, small enough that the PNGs stay small. */
const ARTICLE_VIEWPORT = { width: 760, height: 560 };

build();
const server = await startServer();
server.route(articleUrl.geneva, genevaArticlePage({ widget: 'known' }));
server.route(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline'));
const article = articleUrl.geneva.replace(/^https:/, 'http:');

async function openArticle(context: BrowserContext): Promise<Page> {
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(article, { waitUntil: 'load' });
  return tab;
}

/**
 * The article shots show the same stretch of the story: where the widget sits when nothing hides it.
 * The popup is the real toolbar popup, opened over the article, so it shows what it found there.
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

    return files;
  } finally {
    await withExtension.close();
    await without.close();
  }
}

/**
 * A tab and the side panel beside it as one picture: the browser draws its side panel outside the
 * page, so the two shots are set side by side on a page of their own and that page is shot.
 */
async function sideBySide(browser: ExtensionBrowser, tab: Page, panel: Popup, name: string): Promise<string> {
  const shots = [await tab.screenshot(), await panel.screenshot(false)].map((png) => `data:image/png;base64,${png.toString('base64')}`);
  await panel.close();
  const sheet = await browser.context.newPage();
  await sheet.setContent(`<body style="margin:0"><div style="display:inline-flex">${shots.map((src) => `<img src="${src}" style="display:block;height:${ARTICLE_VIEWPORT.height}px">`).join('')}</div></body>`);
  const file = join(SCREENSHOTS, name);
  await sheet.locator('div').screenshot({ path: file });
  await sheet.close();
  return file;
}

/** The side panel beside the article, a quote shown in it. */
async function besideTheArticle(browser: ExtensionBrowser, tab: Page): Promise<string> {
  await tab.setViewportSize(ARTICLE_VIEWPORT);
  const panel = await browser.openSidePanel(tab);
  await panel.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-article'`);
  await panel.click('button[data-quote-id="blinken-invasion"]');
  await panel.waitFor(`document.querySelector('.quote-feedback[data-quote-id="blinken-invasion"]').textContent !== ''`);
  await panel.evaluate(`document.querySelector('button[data-quote-id="blinken-invasion"]').closest('li').scrollIntoView({ block: 'center' })`);
  return sideBySide(browser, tab, panel, 'article-with-side-panel.png');
}

/** The side panel's list beside the live blog of the day of the talks, an entry shown in the page. */
async function besideTheLiveblog(browser: ExtensionBrowser): Promise<string> {
  const tab = await browser.open(served(LIVEBLOG_DAY_URL));
  await tab.setViewportSize(ARTICLE_VIEWPORT);
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  const panel = await browser.openSidePanel(tab);
  await panel.emulateColorScheme('light', true);
  await panel.waitFor(`document.querySelectorAll('#liveblog .live-entry').length >= 3`);
  // Clicked from script: a mouse would leave the row hovered in the picture.
  await panel.evaluate(`document.querySelector('#liveblog .live-entry:nth-child(2) .entry-show').click()`);
  await tab.waitForFunction(() => CSS.highlights.has('lagebild-entry') && scrollY > 0);
  await panel.evaluate(`document.querySelector('#liveblog').scrollIntoView({ block: 'start' })`);
  return sideBySide(browser, tab, panel, 'liveblog-with-side-panel.png');
}

async function popupScreenshots(): Promise<string[]> {
  const browser = await ExtensionBrowser.launch({
    executablePath: chromiumPath() ?? '/usr/bin/chromium',
    extensionPath: DIST.chrome,
    port: server.port,
    hosts: ['www.handelsblatt.com'],
  });
  try {
    const tab = await browser.open(served(articleUrl.geneva));
    const files: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await browser.openPopup(tab);
      // Reduced motion: the status would otherwise fade in for 160 ms and may be shot half drawn.
      await popup.emulateColorScheme(scheme, true);
      await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-article'`);
      // Settled: the parts held back until the first paint are drawn, fonts are in, nothing animates.
      await popup.waitFor(
        `!document.documentElement.classList.contains('before-first-paint') && document.fonts.status === 'loaded' && document.getAnimations().length === 0`,
      );
      await popup.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
      const file = join(SCREENSHOTS, `popup-${scheme}.png`);
      writeFileSync(file, await popup.screenshot());
      files.push(file);
      await popup.close();
    }
    files.push(await besideTheArticle(browser, tab), await besideTheLiveblog(browser));
    return files;
  } finally {
    await browser.close();
  }
}

if (process.env.DISPLAY && !args.headless) {
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
    const files = [...(await takeScreenshots()), ...(await popupScreenshots())];
    process.stdout.write(`No display: ran headless and wrote\n${files.map((f) => `  ${relative(ROOT, f)}`).join('\n')}\n`);
  } finally {
    await server.close();
  }
}
