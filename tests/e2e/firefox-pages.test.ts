/**
 * The popup, the side panel and the options page of the built extension in Firefox ESR, over WebDriver
 * BiDi: each opened at its moz-extension:// address (fixed UUID) in a window beside the article's, as
 * the sidebar stands beside it. The popup fits on one screen in both languages, the side panel shows
 * the briefing for the article and marks every quote in a row, and axe finds nothing in light or dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { allQuotes, briefing } from '../../src/briefing';
import { articleUrl, genevaArticlePage } from '../../tools/pages';
import { ABOUT_ENTRIES } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { AXE_RUN, AXE_SOURCE, DOCUMENT_HEIGHT, POPUP_MAX_HEIGHT, type AxeViolation } from '../support/axe';
import { firefoxPath } from '../../tools/browsers';
import { launchFirefox, openExtensionPage } from '../../tools/firefox';
import { served, startServer, type PageServer } from '../../tools/server';
import { browserOrSkip, ensureBuilt } from './prerequisites';

const executablePath = browserOrSkip('Firefox', firefoxPath(), 'FIREFOX_PATH');
const QUOTE_IDS = allQuotes(briefing).map((q) => q.id);

const PAGES = { popup: 'src/popup/index.html', panel: 'src/panel/index.html', options: 'src/options/index.html' } as const;

describe.skipIf(executablePath === null).each(['light', 'dark'] as const)('the extension’s pages in Firefox, %s', (scheme) => {
  let server: PageServer;
  let browser: Browser;
  let article: Page;

  beforeAll(async () => {
    const extensionPath = ensureBuilt('firefox');
    server = await startServer();
    browser = await launchFirefox({ executablePath: executablePath!, extensionPath, port: server.port, colorScheme: scheme });
    server.route(served(articleUrl.geneva), genevaArticlePage({ widget: 'known' }));
    server.route(served(LIVEBLOG_DAY_URL), liveblogMarkupPage('storyline'));
    article = await browser.newPage();
    await article.goto(served(articleUrl.geneva));
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await openExtensionPage(browser, path);
    // The article stays the tab in front of its window, as when the reader opens the sidebar.
    await page.waitForFunction(`!document.querySelector('#status') || document.querySelector('#status').dataset.statusKind !== 'loading'`);
    return page;
  }

  async function axe(page: Page): Promise<AxeViolation[]> {
    expect(await page.evaluate(`matchMedia('(prefers-color-scheme: ${scheme})').matches`)).toBe(true);
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(AXE_RUN) as Promise<AxeViolation[]>;
  }

  it.skipIf(scheme === 'dark')('the popup fits on one screen in German and English and shows the status of the article', async () => {
    const popup = await open(PAGES.popup);
    await popup.setViewport({ width: 400, height: 600 });
    expect(await popup.evaluate(`document.querySelector('#status').dataset.statusKind`)).toBe('ukraine-article');
    const heights: Record<string, number> = {};
    for (const language of ['de', 'en'] as const) {
      await popup.click(`#language-${language}`);
      await popup.waitForFunction(`document.documentElement.lang === '${language}'`);
      heights[language] = (await popup.evaluate(DOCUMENT_HEIGHT)) as number;
      expect(await popup.$$eval('.compare li', (items) => items.length)).toBe(2);
      expect(await popup.$$eval('input[data-setting]', (inputs) => inputs.map((i) => i.dataset.setting))).toEqual(['hideJobAds']);
    }
    process.stdout.write(`Firefox popup height: de ${heights.de} px, en ${heights.en} px\n`);
    expect(Math.max(heights.de!, heights.en!)).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    await popup.close();
  });

  it.skipIf(scheme === 'dark')('the side panel shows the briefing for the article in front and marks every quote in a row', async () => {
    const panel = await open(PAGES.panel);
    expect(await panel.evaluate(`document.querySelector('#status').dataset.statusKind`)).toBe('ukraine-article');
    expect(await panel.$$eval('button[data-quote-id]:not(:disabled)', (buttons) => buttons.map((b) => (b as HTMLElement).dataset.quoteId))).toEqual(QUOTE_IDS);
    for (const id of QUOTE_IDS) {
      await panel.click(`button[data-quote-id="${id}"]`);
      await panel.waitForFunction(`document.querySelector('.quote-feedback[data-quote-id="${id}"]').textContent === 'The passage is marked in the article.'
        || document.querySelector('.quote-feedback[data-quote-id="${id}"]').textContent === 'Die Stelle ist im Artikel markiert.'`);
      const marked = await panel.$$eval('.quote-feedback', (all) => all.filter((f) => f.textContent).map((f) => (f as HTMLElement).dataset.quoteId));
      expect(marked).toEqual([id]);
    }
    await panel.close();
  });

  it('has no axe violations on the popup, the side panel (quotes open) and the options page', async () => {
    const results: Record<string, AxeViolation[]> = {};
    for (const [name, path] of Object.entries(PAGES)) {
      const page = await open(path);
      await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
      if (name === 'options') await page.waitForSelector('#setting-hideJobAds:not([disabled])');
      results[name] = await axe(page);
      await page.close();
    }
    process.stdout.write(`Firefox axe (${scheme}): ${Object.entries(results).map(([name, v]) => `${name} ${v.length}`).join(', ')} violations\n`);
    expect(results).toEqual({ popup: [], panel: [], options: [] });
  });

  it.skipIf(scheme === 'dark')('the options page saves a switch', async () => {
    const options = await open(PAGES.options);
    await options.waitForSelector('#setting-quietReading:not([disabled])');
    // Job ads, "Lesen Sie hier mehr", the card on live blogs and on articles, the markers, the record of visits.
    expect(await options.$$eval('input[data-setting]', (inputs) => inputs.length)).toBe(6);
    const teaserShown = (): Promise<unknown> => article.evaluate(`document.querySelector('app-storyline-teaser').getClientRects().length > 0`);
    expect(await teaserShown()).toBe(true);
    await options.click('#setting-quietReading');
    // Quiet reading on: the reading-tip box in the article goes, which only the stored setting can do.
    await article.waitForFunction(`document.querySelector('app-storyline-teaser').getClientRects().length === 0`, { timeout: 5000 });
    await options.click('#setting-quietReading');
    await article.waitForFunction(`document.querySelector('app-storyline-teaser').getClientRects().length > 0`, { timeout: 5000 });
    await options.close();
  });

  // Last: the live blog's tab stands in front of the article's until it closes.
  it('the side panel beside a live blog lists its entries about the talks, with no axe violations', async () => {
    const blog = await browser.newPage();
    await blog.goto(served(LIVEBLOG_DAY_URL));
    const panel = await open(PAGES.panel);
    await panel.waitForFunction(`document.querySelectorAll('#liveblog .live-entry').length === ${ABOUT_ENTRIES.length}`, { polling: 50, timeout: 20_000 });
    const violations = await axe(panel);
    process.stdout.write(`Firefox axe, panel beside the live blog (${scheme}): ${violations.length} violations\n`);
    expect(violations).toEqual([]);
    await panel.close();
    await blog.close();
  });
});
