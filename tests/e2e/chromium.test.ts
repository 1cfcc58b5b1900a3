/**
 * The built extension in a real Chromium, on fixture pages served under www.handelsblatt.com.
 * One browser for the whole file; each test opens its own tab and closes it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { PageKind } from '../../src/core/page';
import {
  API_ARTICLES, WIDGET_VARIANTS, apiArticlePage, articleUrl, genevaArticlePage, jobMarketArticlePage, liveblogPage, topicPage,
} from '../../tools/pages';
import { chromiumPath } from '../../tools/browsers';
import type { Popup } from '../../tools/extension-browser';
import { FLASH_REPORT, afterFrames, withSampler } from '../../tools/first-frame';
import { served } from '../../tools/server';
import { AXE_RUN, AXE_SOURCE, type AxeViolation } from '../support/axe';
import { chromiumSession } from './chromium-session';
import { expectNoFlash, flashReport, SETTLE_FRAMES } from './flash';
import { browserOrSkip } from './prerequisites';
import { OTHER_SITE, navigateInPage, withInPageNavigation, withLateWidgets } from './scenarios';

const executablePath = browserOrSkip('Chromium', chromiumPath(), 'CHROMIUM_PATH');

/** jobs.handelsblatt.com is where the iframe widget points; www.example.org stands for any other site. */
const HOSTS = ['www.handelsblatt.com', 'jobs.handelsblatt.com', 'www.example.org'];

describe.skipIf(executablePath === null)('Lagebild in Chromium', () => {
  const session = chromiumSession(executablePath!, HOSTS);
  const popupResources: string[] = [];

  function open(url: string, html: string): Promise<Page> {
    return session.open(url, withSampler(html));
  }

  async function popupOver(page: Page): Promise<Popup> {
    const popup = await session.browser.openPopup(page);
    await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind && document.querySelector('#status').dataset.statusKind !== 'loading'`);
    return popup;
  }

  async function closePopup(popup: Popup): Promise<void> {
    popupResources.push(...(await popup.resourceUrls()));
    await popup.close();
  }

  it('the flash detector sees the widget where the extension does not run (the control)', async () => {
    const page = await open(OTHER_SITE, genevaArticlePage({ widget: 'known', widgetCount: 2 }));
    const report = await flashReport(page, 2);
    expect(report.firstVisibleFrame).not.toBeNull();
    expect(report.visibleFrames).toBeGreaterThan(SETTLE_FRAMES);
    expect(report.visibleNow).toBe(2);
  });

  it.each(WIDGET_VARIANTS)('hides the %s widget from the first frame and counts it on the badge', async (variant) => {
    const page = await open(articleUrl.geneva, genevaArticlePage({ widget: variant, widgetCount: 2 }));
    expectNoFlash(await flashReport(page, 2), 2);
    await expect.poll(() => session.browser.badgeText(page)).toBe('2');
  });

  it.each(WIDGET_VARIANTS)('hides the %s widget arriving 600 ms and 1,200 ms after load', async (variant) => {
    const page = await open(articleUrl.free, withLateWidgets(apiArticlePage(API_ARTICLES.free, { lazy: true }), variant));
    expectNoFlash(await flashReport(page, 2), 2);
    await expect.poll(() => session.browser.badgeText(page)).toBe('2');
  });

  it.each(WIDGET_VARIANTS)('hides the %s widget on an article reached by in-page navigation', async (variant) => {
    session.server.route(served(articleUrl.free), apiArticlePage(API_ARTICLES.free, { lazy: true, widget: variant, widgetCount: 2 }));
    const page = await open(articleUrl.geneva, withInPageNavigation(genevaArticlePage({ widget: 'known' })));
    await flashReport(page, 1);
    await page.evaluate(navigateInPage(served(articleUrl.free)));
    expectNoFlash(await flashReport(page, 3), 3);
    await expect.poll(() => session.browser.badgeText(page)).toBe('2');
  });

  it('leaves the prose of an article about the job market visible', async () => {
    const page = await open(articleUrl.jobMarket, jobMarketArticlePage({ widget: 'text-only' }));
    const report = await flashReport(page, 1);
    expectNoFlash(report, 1);
    expect(report.paragraphs.total).toBeGreaterThanOrEqual(7);
    await expect.poll(() => session.browser.badgeText(page)).toBe('1');
  });

  it.each(['known', 'text-only'] as const)('shows the %s widgets in the open tab when hiding is switched off, and hides them when on', async (variant) => {
    const page = await open(articleUrl.geneva, genevaArticlePage({ widget: variant, widgetCount: 2 }));
    expectNoFlash(await flashReport(page, 2), 2);
    const visibleNow = async (): Promise<number> => {
      await page.evaluate(afterFrames(2));
      return page.evaluate<number>(`${FLASH_REPORT}.visibleNow`);
    };
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, hideJobAds: false });
    await expect.poll(visibleNow).toBe(2);
    await expect.poll(() => session.browser.badgeText(page)).toBe('');
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, hideJobAds: true });
    await expect.poll(visibleNow).toBe(0);
    await expect.poll(() => session.browser.badgeText(page)).toBe('2');
  });

  it('reads the stored settings in a page opened after a setting every page acts on changed, and only then', async () => {
    const html = genevaArticlePage({ widget: 'text-only', widgetCount: 2 });
    const visibleNow = async (page: Page): Promise<number> => {
      await page.evaluate(afterFrames(2));
      return page.evaluate<number>(`${FLASH_REPORT}.visibleNow`);
    };
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, hideJobAds: false });
    try {
      const shown = await open(articleUrl.geneva, html);
      await expect.poll(() => visibleNow(shown)).toBe(2);
    } finally {
      await session.browser.saveSettings({ ...DEFAULT_SETTINGS });
    }
    const hidden = await open(articleUrl.geneva, html);
    expectNoFlash(await flashReport(hidden, 2), 2);
    await expect.poll(() => session.browser.badgeText(hidden)).toBe('2');
  });

  const TABS: { tab: string; url: string; html: () => string; kind: PageKind }[] = [
    { tab: 'a Ukraine article', url: articleUrl.geneva, html: () => genevaArticlePage({ widget: 'known' }), kind: 'ukraine-article' },
    { tab: 'another article', url: articleUrl.free, html: () => apiArticlePage(API_ARTICLES.free), kind: 'article' },
    { tab: 'the Ukraine live blog', url: articleUrl.liveblog, html: () => liveblogPage(), kind: 'ukraine-liveblog' },
    { tab: 'a topic page', url: articleUrl.topic, html: () => topicPage(), kind: 'handelsblatt-page' },
    { tab: 'another site', url: OTHER_SITE, html: () => genevaArticlePage(), kind: 'not-handelsblatt' },
  ];

  it.each(TABS)('the popup over $tab shows the status $kind', async ({ url, html, kind }) => {
    const page = await open(url, html());
    const popup = await popupOver(page);
    try {
      expect(await popup.evaluate<string>(`document.querySelector('#status').dataset.statusKind`)).toBe(kind);
    } finally {
      await closePopup(popup);
    }
  });

  it.each(['light', 'dark'] as const)('the popup has no axe violations in the %s colour scheme', async (scheme) => {
    const page = await open(articleUrl.geneva, genevaArticlePage({ widget: 'known' }));
    const popup = await popupOver(page);
    try {
      await popup.emulateColorScheme(scheme);
      expect(await popup.evaluate<boolean>(`matchMedia('(prefers-color-scheme: ${scheme})').matches`)).toBe(true);
      await popup.evaluate(AXE_SOURCE);
      const violations = await popup.evaluate<AxeViolation[]>(AXE_RUN);
      expect(violations).toEqual([]);
    } finally {
      await closePopup(popup);
    }
  });

  describe('over the whole session', () => {
    const local = (url: string): boolean => {
      const { protocol, hostname } = new URL(url);
      return ['chrome-extension:', 'data:', 'blob:', 'about:'].includes(protocol) || HOSTS.includes(hostname);
    };

    it('no request left the browser, from pages, the popup or the service worker', () => {
      expect(session.browser.requests.length).toBeGreaterThan(0);
      expect(session.browser.requests.filter((r) => !local(r.url))).toEqual([]);
      expect(popupResources.filter((url) => !local(url))).toEqual([]);
      expect(session.server.unrouted, 'requests for something the tests never served').toEqual([]);
    });

    it('the extension caused no console errors', () => {
      expect(session.browser.consoleErrors).toEqual([]);
    });
  });
});
