/**
 * The built extension in Debian's Firefox ESR over WebDriver BiDi: hiding without a visible frame,
 * and recognition of the page, seen from outside through what the content script does to it.
 */
import { describe, expect, it } from 'vitest';
import { HIDE_ATTRIBUTE } from '../../src/core/hiding-rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
  API_ARTICLES, WIDGET_SELECTOR, WIDGET_VARIANTS, apiArticlePage, articleUrl, genevaArticlePage,
} from '../../tools/pages';
import { firefoxPath } from '../../tools/browsers';
import { liveblogMarkupPage } from '../../tools/liveblog-pages';
import { afterFrames, FLASH_REPORT } from '../../tools/first-frame';
import { expectNoFlash, flashReport } from './flash';
import { firefoxSession } from './firefox-session';
import { browserOrSkip } from './prerequisites';
import { OTHER_SITE, withLateWidgets } from './scenarios';

/** The context card's element, as the page sees it. */
const CARD_TAG = 'lagebild-card';

const executablePath = browserOrSkip('Firefox', firefoxPath(), 'FIREFOX_PATH');


describe.skipIf(executablePath === null)('Lagebild in Firefox', () => {
  const session = firefoxSession(executablePath!);
  const open = (url: string, html: string): ReturnType<typeof session.open> => session.open(url, html);

  it('the flash detector sees the widget where the extension does not run (the control)', async () => {
    const page = await open(OTHER_SITE, genevaArticlePage({ widget: 'known' }));
    const report = await flashReport(page, 1);
    expect(report.firstVisibleFrame).not.toBeNull();
    expect(report.visibleNow).toBe(1);
  });

  it.each(WIDGET_VARIANTS)('hides the %s widget from the first frame', async (variant) => {
    const page = await open(articleUrl.geneva, genevaArticlePage({ widget: variant, widgetCount: 2 }));
    expectNoFlash(await flashReport(page, 2), 2);
  });

  it.each(['known', 'text-only'] as const)('hides the %s widget arriving 600 ms and 1,200 ms after load', async (variant) => {
    const page = await open(articleUrl.free, withLateWidgets(apiArticlePage(API_ARTICLES.free, { lazy: true }), variant));
    expectNoFlash(await flashReport(page, 2), 2);
  });

  it('marks a widget it found by its text, so the content script ran and not only the stylesheet', async () => {
    const page = await open(articleUrl.geneva, genevaArticlePage({ widget: 'text-only' }));
    await flashReport(page, 1);
    const marked = await page.evaluate(
      (widget: string, hide: string) => document.querySelector(`${widget}[${hide}], ${widget} [${hide}], [${hide}] ${widget}`) !== null,
      WIDGET_SELECTOR,
      HIDE_ATTRIBUTE,
    );
    expect(marked).toBe(true);
  });

  it('follows the hiding switch: in the open tab, in a page opened after, and on the badge', async () => {
    const html = genevaArticlePage({ widget: 'text-only', widgetCount: 2 });
    const visibleNow = async (page: Awaited<ReturnType<typeof open>>): Promise<number> => {
      await page.evaluate(afterFrames(2));
      return page.evaluate(`${FLASH_REPORT}.visibleNow`) as Promise<number>;
    };
    const before = await open(articleUrl.geneva, html);
    expectNoFlash(await flashReport(before, 2), 2);
    await expect.poll(() => session.badgeText()).toBe('2');
    try {
      await session.saveSettings({ ...DEFAULT_SETTINGS, hideJobAds: false });
      await expect.poll(() => visibleNow(before)).toBe(2);
      // The page starts with the defaults and reads the stored settings as it starts.
      const after = await open(articleUrl.geneva, html);
      await expect.poll(() => visibleNow(after)).toBe(2);
      await expect.poll(() => session.badgeText()).toBe('');
    } finally {
      await session.saveSettings({ ...DEFAULT_SETTINGS });
    }
    await expect.poll(() => visibleNow(before)).toBe(0);
    const again = await open(articleUrl.geneva, html);
    expectNoFlash(await flashReport(again, 2), 2);
    await expect.poll(() => session.badgeText()).toBe('2');
  });

  it('recognises the Ukraine live blog and puts the context card on it, but not on another article', async () => {
    // A day of the blog with entries about the talks: on a day without, the card stays away (liveblog-firefox.test.ts).
    const liveblog = await open(articleUrl.liveblog, liveblogMarkupPage('storyline', { url: articleUrl.liveblog }));
    await liveblog.waitForSelector(CARD_TAG, { timeout: 5000 });
    const other = await open(articleUrl.free, apiArticlePage(API_ARTICLES.free));
    await other.evaluate(afterFrames(30));
    expect(await other.$(CARD_TAG)).toBeNull();
  });
});
