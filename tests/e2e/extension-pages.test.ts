/**
 * The popup, the side panel and the options page of the built extension in Chromium: the popup on one
 * screen in both languages, the real side panel beside the article (opened from the popup's button)
 * following tabs and in-page navigation, "show in article" for every quote in a row, the positions in
 * view following scrolling, and axe on all three pages in light and dark.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type Browser from 'webextension-polyfill';
import { allQuotes, briefing } from '../../src/briefing';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { API_ARTICLES, apiArticlePage, articleUrl, genevaArticlePage } from '../../tools/pages';
import { AXE_RUN, AXE_SOURCE, DOCUMENT_HEIGHT, POPUP_MAX_HEIGHT, type AxeViolation } from '../support/axe';
import { chromiumPath } from '../../tools/browsers';
import { OPTIONS_PATH, type Popup } from '../../tools/extension-browser';
import { served } from '../../tools/server';
import { chromiumSession } from './chromium-session';
import { browserOrSkip } from './prerequisites';
import { navigateInPage, withInPageNavigation } from './scenarios';

declare const chrome: typeof Browser;

const executablePath = browserOrSkip('Chromium', chromiumPath(), 'CHROMIUM_PATH');
const HOSTS = ['www.handelsblatt.com', 'jobs.handelsblatt.com'];
const QUOTE_IDS = allQuotes(briefing).map((q) => q.id);
/** The name find-quotes.ts registers its CSS highlight under. */
const HIGHLIGHT_NAME = 'lagebild-quote';

/** Lower-case words only: how the page writes quote marks and spaces does not matter here. */
const words = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const HIGHLIGHTED = `(() => {
  const highlight = CSS.highlights.get(${JSON.stringify(HIGHLIGHT_NAME)});
  const range = highlight && [...highlight][0];
  return range ? range.toString() : null;
})()`;

const statusKind = (page: Popup): Promise<string> => page.evaluate(`document.querySelector('#status')?.dataset.statusKind ?? ''`);

describe.skipIf(executablePath === null)('the extension’s pages in Chromium', () => {
  const session = chromiumSession(executablePath!, HOSTS);

  async function article(): Promise<Page> {
    return session.open(articleUrl.geneva, genevaArticlePage({ widget: 'known' }));
  }

  async function sidePanel(page: Page): Promise<Popup> {
    const panel = await session.browser.openSidePanel(page);
    await panel.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-article'`);
    return panel;
  }

  async function axe(page: { evaluate<T>(expression: string): Promise<T> }): Promise<AxeViolation[]> {
    await page.evaluate(AXE_SOURCE);
    return page.evaluate<AxeViolation[]>(AXE_RUN);
  }

  it.each(['de', 'en'] as const)('the popup fits on one screen in %s: status, job-ad switch, summary, two sides, side panel', async (language) => {
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, language });
    const page = await article();
    const popup = await session.browser.openPopup(page);
    try {
      await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-article'`);
      await popup.waitFor(`document.documentElement.lang === ${JSON.stringify(language)}`);
      const height = await popup.evaluate<number>(DOCUMENT_HEIGHT);
      process.stdout.write(`popup height (${language}): ${height} px\n`);
      expect(height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
      const parts = await popup.evaluate<Record<string, unknown>>(`({
        sentence: document.querySelector('.status-sentence').textContent,
        switches: [...document.querySelectorAll('input[data-setting]')].map((i) => i.dataset.setting),
        summary: document.querySelector('#briefing .summary').textContent,
        sides: document.querySelectorAll('.compare li').length,
        button: document.querySelector('#beside-article').textContent,
      })`);
      expect(parts).toEqual({
        sentence: language === 'de'
          ? 'Ein Ukraine-Artikel des Handelsblatts. Das Stellenangebot-Widget „Top-Jobs des Tages“ ausgeblendet.'
          : 'A Handelsblatt article on Ukraine. Hid the job-ad widget “Top-Jobs des Tages”.',
        switches: ['hideJobAds'],
        summary: briefing.gist[language],
        sides: 2,
        button: language === 'de' ? 'Neben dem Artikel' : 'Beside the article',
      });
    } finally {
      await popup.close();
    }
  });

  it('opens the side panel beside the article from the popup, and "show in article" marks every quote in a row', async () => {
    const page = await article();
    await page.setViewportSize({ width: 900, height: 400 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const panel = await sidePanel(page);
    // The page keeps its own viewport: the panel stands beside it, not over it.
    expect(await panel.evaluate<number>('innerWidth')).toBeGreaterThan(200);
    expect(await panel.evaluate<string[]>(`[...document.querySelectorAll('button[data-quote-id]:not(:disabled)')].map((b) => b.dataset.quoteId)`)).toEqual(QUOTE_IDS);
    for (const quote of allQuotes(briefing)) {
      await panel.click(`button[data-quote-id="${quote.id}"]`);
      await panel.waitFor(`document.querySelector('.quote-feedback[data-quote-id="${quote.id}"]').textContent !== ''`);
      expect(words((await page.evaluate<string | null>(HIGHLIGHTED)) ?? '')).toBe(words(quote.de));
      // Only the latest one is called marked.
      expect(await panel.evaluate<string[]>(`[...document.querySelectorAll('.quote-feedback')].filter((f) => f.textContent).map((f) => f.dataset.quoteId)`)).toEqual([quote.id]);
    }
    // Reading on does not take the mark away.
    await page.mouse.click(5, 5);
    await page.mouse.wheel(0, 300);
    expect(await page.evaluate<string | null>(HIGHLIGHTED)).not.toBeNull();
    await panel.close();
  });

  it('marks the positions whose quotes are in view as the reader scrolls', async () => {
    const page = await article();
    await page.setViewportSize({ width: 900, height: 300 });
    const panel = await sidePanel(page);
    const inView = (): Promise<string[]> => panel.evaluate(`[...document.querySelectorAll('.positions > li.in-view')].map((li) => li.dataset.quoteId)`);
    for (const id of ['blinken-position', 'lawrow-weapons']) {
      const text = allQuotes(briefing).find((q) => q.id === id)!.de.split(' ').slice(0, 4).join(' ');
      await page.evaluate((start) => {
        const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent.replace(/\s+/g, ' ').includes(start));
        paragraph?.scrollIntoView({ block: 'center' });
      }, text);
      await expect.poll(inView, { timeout: 5000 }).toContain(id);
    }
    expect(await inView()).not.toContain('blinken-position');
    await page.evaluate(() => {
      scrollTo(0, document.body.scrollHeight);
    });
    await expect.poll(inView, { timeout: 5000 }).not.toContain('lawrow-weapons');
    await panel.close();
  });

  it('follows the tab in front and in-page navigation, and stops calling a passage marked once the mark is gone', async () => {
    session.server.route(served(articleUrl.free), apiArticlePage(API_ARTICLES.free));
    const page = await session.open(articleUrl.geneva, withInPageNavigation(genevaArticlePage({ widget: 'known' })));
    const panel = await sidePanel(page);
    await panel.click('button[data-quote-id="blinken-invasion"]');
    await panel.waitFor(`document.querySelector('.quote-feedback[data-quote-id="blinken-invasion"]').textContent !== ''`);

    await page.evaluate(navigateInPage(served(articleUrl.free)));
    await expect.poll(() => statusKind(panel), { timeout: 5000 }).toBe('article');
    expect(await page.evaluate<string | null>(HIGHLIGHTED)).toBeNull();
    expect(await panel.evaluate<string>(`document.querySelector('.quote-feedback[data-quote-id="blinken-invasion"]').textContent`)).toBe('');
    expect(await panel.evaluate<number>(`document.querySelectorAll('button[data-quote-id]:not(:disabled)').length`)).toBe(0);

    const other = await session.open(articleUrl.geneva, genevaArticlePage());
    await expect.poll(() => statusKind(panel), { timeout: 5000 }).toBe('ukraine-article');
    await page.bringToFront();
    await expect.poll(() => statusKind(panel), { timeout: 5000 }).toBe('article');
    await other.close();
    await panel.close();
  });

  it('has a keyboard command that opens the side panel', async () => {
    const commands = await session.browser.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((command) => command.name === 'open-side-panel')).toMatchObject({ shortcut: 'Alt+Shift+L' });
  });

  it.each(['light', 'dark'] as const)('popup, side panel and options page have no axe violations in the %s colour scheme', async (scheme) => {
    const page = await article();
    const popup = await session.browser.openPopup(page);
    await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-article'`);
    await popup.emulateColorScheme(scheme);
    const results: Record<string, AxeViolation[]> = { popup: await axe(popup) };
    await popup.close();

    const panel = await sidePanel(page);
    await panel.emulateColorScheme(scheme);
    // The quotes folded open, so axe sees their text and buttons too.
    await panel.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    results.panel = await axe(panel);
    await panel.close();

    const options = await session.browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${session.browser.extensionId}/${OPTIONS_PATH}`);
    await options.waitForSelector('#setting-hideJobAds:not([disabled])');
    results.options = await axe({ evaluate: <T>(expression: string) => options.evaluate<T>(expression) });
    process.stdout.write(`axe (${scheme}): ${Object.entries(results).map(([name, v]) => `${name} ${v.length}`).join(', ')} violations\n`);
    expect(results).toEqual({ popup: [], panel: [], options: [] });
  });

  it('caused no console errors in any page or the service worker', () => {
    expect(session.browser.consoleErrors).toEqual([]);
  });
});
