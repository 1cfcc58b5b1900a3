/**
 * The article side of the briefing in a real Chromium with the built extension: "show in article"
 * scrolls to a quote and marks it, the context card sits at the top of the live blog, and both
 * follow the site's in-page navigation together with status, badge and hiding. Requests are sent
 * from the service worker exactly as the popup sends them (tabs.sendMessage to the tab).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type Browser from 'webextension-polyfill';
import { allQuotes, briefing } from '../../src/briefing';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/core/settings';
import { PAGE_FEATURES_SCRIPT } from '../../src/shared/messaging';
import type { Message, QuoteQuery, ShowQuoteResult, TabStatus } from '../../src/shared/messages';
import {
  API_ARTICLES, GENEVA_ID, WIDGET_SELECTOR, apiArticlePage, articleUrl, genevaArticlePage, type GenevaText,
} from '../../tools/pages';
import { chromiumPath } from '../../tools/browsers';
import { liveblogMarkupPage } from '../../tools/liveblog-pages';
import { ExtensionBrowser } from '../../tools/extension-browser';
import { startServer, type PageServer } from '../../tools/server';
import { browserOrSkip, ensureBuilt } from './prerequisites';
import { navigateInPage, withInPageNavigation } from './scenarios';

/** The context card's element, as the page sees it. */
const CARD_TAG = 'lagebild-card';
/** The Custom Highlight the quote mark is registered under. */
const HIGHLIGHT_NAME = 'lagebild-quote';

declare const chrome: typeof Browser;

const executablePath = browserOrSkip('Chromium', chromiumPath(), 'CHROMIUM_PATH');
const HOSTS = ['www.handelsblatt.com', 'jobs.handelsblatt.com'];
const served = (url: string): string => url.replace(/^https:/, 'http:');

const QUOTES: QuoteQuery[] = allQuotes(briefing).map((q) => ({ id: q.id, text: q.de }));
const quote = (id: string): QuoteQuery => QUOTES.find((q) => q.id === id)!;

/** Site CSS that would wreck the card if it reached in: the shadow root must keep it out. */
const HOSTILE_CSS = `<style>${CARD_TAG}, section, button, ul, li { display: none !important; } * { color: red !important; }</style>`;

interface Marked {
  text: string;
  top: number;
  bottom: number;
  viewport: number;
  background: string;
}

/** Evaluated in the page's own world: the highlight registry is the document's, shared by every world. */
const MARKED = `(() => {
  const highlight = CSS.highlights.get(${JSON.stringify(HIGHLIGHT_NAME)});
  const range = highlight && [...highlight][0];
  if (!range) return null;
  const rect = range.getBoundingClientRect();
  const element = range.startContainer.parentElement;
  return { text: range.toString(), top: rect.top, bottom: rect.bottom, viewport: innerHeight,
    background: getComputedStyle(element, '::highlight(${HIGHLIGHT_NAME})').backgroundColor };
})()`;

/** Lower-case words only: how the page writes quote marks and spaces does not matter here. */
const words = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe.skipIf(executablePath === null)('the article and the briefing in Chromium', () => {
  let server: PageServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const extensionPath = ensureBuilt('chrome');
    server = await startServer();
    server.route('/favicon.ico', { body: '', status: 204 });
    browser = await ExtensionBrowser.launch({ executablePath: executablePath!, extensionPath, port: server.port, hosts: HOSTS });
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  afterEach(async () => {
    await Promise.all(browser.context.pages().map((page) => page.close()));
    await browser.saveSettings({ ...DEFAULT_SETTINGS });
  });

  async function open(url: string, html: string): Promise<Page> {
    server.route(served(url), html);
    return browser.open(served(url));
  }

  /** Sends a message to the page's content script as the popup does: the page features run first. */
  async function tell<T>(page: Page, message: Message): Promise<T> {
    const tabId = await browser.tabId(page);
    const answer: unknown = await browser.serviceWorker.evaluate(
      async ([id, m, script]) => {
        await chrome.scripting.executeScript({ target: { tabId: id }, files: [script] });
        return chrome.tabs.sendMessage(id, m);
      },
      [tabId, message, PAGE_FEATURES_SCRIPT] as const,
    );
    return answer as T;
  }

  const status = (page: Page): Promise<TabStatus> => tell<TabStatus>(page, { type: 'lagebild/status', quotes: QUOTES });

  async function storedSettings(): Promise<Partial<Settings>> {
    const got = await browser.serviceWorker.evaluate((key) => chrome.storage.sync.get(key), SETTINGS_KEY);
    const settings: unknown = got[SETTINGS_KEY];
    return settings ?? {};
  }

  async function expectShown(page: Page, query: QuoteQuery, pageText: string = query.text): Promise<void> {
    expect(await tell<ShowQuoteResult>(page, { type: 'lagebild/show-quote', quote: query })).toEqual({ shown: true });
    await expect.poll(async () => {
      const marked = await page.evaluate<Marked | null>(MARKED);
      return marked !== null && marked.top >= 0 && marked.bottom <= marked.viewport;
    }, { timeout: 5000 }).toBe(true);
    const marked = (await page.evaluate<Marked | null>(MARKED))!;
    expect(words(marked.text)).toBe(words(pageText));
    expect(marked.background, 'the highlight has a colour of its own').not.toMatch(/^(rgba\(0, 0, 0, 0\)|transparent)$/);
  }

  const SHOWN: [GenevaText, string, (text: string) => string][] = [
    ['corrected', 'blinken-position', (t) => t],
    ['corrected', 'lawrow-putin-biden', (t) => t],
    ['corrected', 'lawrow-weapons', (t) => t],
    ['as-received', 'blinken-position', (t) => t.replace('Position', 'Place').replace('Partner', 'Accomplice')],
    ['as-received', 'blinken-response', (t) => t.replace('Partner', 'Accomplice')],
    ['as-received', 'blinken-invasion', (t) => t],
  ];

  it.each(['corrected', 'as-received'] as const)('reports the quotes the %s article holds', async (text) => {
    const page = await open(articleUrl.geneva, genevaArticlePage({ text, widget: 'known' }));
    const found = (await status(page)).quotesFound;
    expect(found).toEqual(expect.arrayContaining(QUOTES.filter((q) => q.id.startsWith('blinken-')).map((q) => q.id)));
    if (text === 'corrected') expect(found).toEqual(QUOTES.map((q) => q.id));
  });

  it('scrolls to one quote after another on the corrected and the damaged article and marks each', async () => {
    for (const text of ['corrected', 'as-received'] as const) {
      const page = await open(articleUrl.geneva, genevaArticlePage({ text, widget: 'known' }));
      // A short window, so every quote needs a scroll to come into view.
      await page.setViewportSize({ width: 1000, height: 300 });
      // Instant scrolling, so the position read right after the click is where the scroll ends.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const before = await page.evaluate(() => document.body.innerText);
      const scrolls: number[] = [];
      for (const [, id, inPage] of SHOWN.filter(([t]) => t === text)) {
        await page.evaluate(() => {
          scrollTo(0, 0);
        });
        await expectShown(page, quote(id), inPage(quote(id).text));
        scrolls.push(await page.evaluate(() => scrollY));
      }
      expect(scrolls.every((y) => y > 0), `scroll positions ${scrolls.join(', ')}`).toBe(true);
      // The mark stays while the reader clicks and reads beside the side panel; the text is the page's own.
      await page.mouse.click(5, 5);
      expect(await page.evaluate(`CSS.highlights.has(${JSON.stringify(HIGHLIGHT_NAME)})`)).toBe(true);
      expect(await page.evaluate(() => document.body.innerText)).toBe(before);
      await page.close();
    }
  });

  it('says when the open article does not hold a quote', async () => {
    const page = await open(articleUrl.free, apiArticlePage(API_ARTICLES.free));
    expect((await status(page)).quotesFound).toEqual([]);
    expect(await tell<ShowQuoteResult>(page, { type: 'lagebild/show-quote', quote: QUOTES[0]! })).toEqual({ shown: false });
  });

  it('puts the context card at the top of the live blog, out of reach of the site CSS, usable by keyboard', async () => {
    // A day of the blog with entries about the talks: on a day without, the card stays away.
    const page = await open(articleUrl.liveblog, liveblogMarkupPage('storyline', { url: articleUrl.liveblog }).replace('</head>', `${HOSTILE_CSS}</head>`));
    const card = page.locator(CARD_TAG);
    await card.waitFor({ state: 'attached' });
    const collapsed = (await card.boundingBox())!;
    expect(collapsed.height).toBeGreaterThan(30);
    expect(collapsed.y + collapsed.height).toBeLessThan(page.viewportSize()!.height);
    expect(await page.evaluate((tag) => document.querySelector(tag)?.nextElementSibling?.localName, CARD_TAG)).toBe('app-storyline-elements');
    expect(await page.evaluate((tag) => (document.querySelector(tag) as HTMLElement).shadowRoot, CARD_TAG)).toBeNull();

    // Focus moves into the closed root: the page sees the host as the active element.
    await card.evaluate((host) => {
      host.scrollIntoView();
    });
    for (let i = 0; i < 40 && !(await card.evaluate((host) => document.activeElement === host)); i++) await page.keyboard.press('Tab');
    expect(await card.evaluate((host) => document.activeElement === host)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await card.boundingBox())!.height).toBeGreaterThan(collapsed.height + 100);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await card.boundingBox())!.height).toBe(collapsed.height);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(storedSettings).toMatchObject({ cardDismissed: true });
  });

  it('hides teaser boxes only with quiet reading on', async () => {
    const page = await open(articleUrl.geneva, genevaArticlePage());
    const teaserShown = (): Promise<boolean> => page.locator('app-storyline-teaser').isVisible();
    await expect.poll(teaserShown).toBe(true);
    await browser.saveSettings({ ...DEFAULT_SETTINGS, quietReading: true });
    await expect.poll(teaserShown).toBe(false);
    await browser.saveSettings({ ...DEFAULT_SETTINGS });
    await expect.poll(teaserShown).toBe(true);
  });

  it('follows in-page navigation from another article to the Geneva article: status, badge, hiding, quotes, card', async () => {
    await browser.saveSettings({ ...DEFAULT_SETTINGS, cardOnArticles: true });
    server.route(served(articleUrl.geneva), genevaArticlePage({ widget: 'known', widgetCount: 2 }));
    const page = await open(articleUrl.free, withInPageNavigation(apiArticlePage(API_ARTICLES.free)));
    await expect.poll(async () => (await status(page)).verdict.kind).toBe('article');
    expect(await page.locator(CARD_TAG).count()).toBe(0);

    await page.evaluate(navigateInPage(served(articleUrl.geneva)));
    await expect.poll(async () => (await status(page)).verdict.kind).toBe('ukraine-article');
    const after = await status(page);
    expect(after.verdict.articleId).toBe(GENEVA_ID);
    expect(after.quotesFound).toEqual(QUOTES.map((q) => q.id));
    await expect.poll(() => browser.badgeText(page)).toBe('2');
    expect(await page.locator(WIDGET_SELECTOR).evaluateAll((widgets) => widgets.map((w) => w.getClientRects().length))).toEqual([0, 0]);
    await expect.poll(() => page.locator(CARD_TAG).count()).toBe(1);
    await expectShown(page, quote('blinken-invasion'));
  });

  it('shows the card when the live blog is reached in place, and takes it away on the way out', async () => {
    server.route(served(articleUrl.liveblog), liveblogMarkupPage('storyline', { url: articleUrl.liveblog }));
    server.route(served(articleUrl.metered), apiArticlePage(API_ARTICLES.metered));
    const page = await open(articleUrl.free, withInPageNavigation(apiArticlePage(API_ARTICLES.free)));
    await expect.poll(async () => (await status(page)).verdict.kind).toBe('article');
    await page.evaluate(navigateInPage(served(articleUrl.liveblog)));
    await expect.poll(() => page.locator(CARD_TAG).count()).toBe(1);
    await page.evaluate(navigateInPage(served(articleUrl.metered)));
    // The card may go before the verdict changes: with the blog's entries about the talks.
    await expect.poll(() => page.locator(CARD_TAG).count()).toBe(0);
    await expect.poll(async () => (await status(page)).verdict.kind).toBe('article');
  });

  it('caused no console errors in any page or the service worker', () => {
    expect(browser.consoleErrors).toEqual([]);
  });
});
