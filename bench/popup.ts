/**
 * The popup's time to first render, in the real action popup opened over an article tab as a click
 * on the toolbar button opens it (chrome.action.openPopup, driven over the DevTools protocol by the
 * end-to-end harness), a new popup each time. Timed by the popup's own Paint Timing:
 * first-contentful-paint from its navigation start, read once `#app` shows the briefing's title;
 * also the same paint counted from the end of its HTML response, which leaves out the browser's
 * navigation work and is the popup's own part.
 */
import type { Page } from 'playwright-core';
import { briefing } from '../src/briefing/index';
import type { ExtensionBrowser } from '../tools/extension-browser';

export interface PopupLoad {
  firstContentfulPaintMs: number;
  firstContentfulPaintAfterHtmlMs: number;
}

const TITLES = JSON.stringify([briefing.title.de, briefing.title.en]);

const DRAWN = `${TITLES}.some((title) => (document.getElementById('app')?.textContent ?? '').includes(title))
  && performance.getEntriesByName('first-contentful-paint').length > 0`;

const TIMINGS = `(() => {
  const [navigation] = performance.getEntriesByType('navigation');
  const [paint] = performance.getEntriesByName('first-contentful-paint');
  return { firstContentfulPaintMs: paint.startTime, firstContentfulPaintAfterHtmlMs: paint.startTime - navigation.responseEnd };
})()`;

export async function measurePopup(browser: ExtensionBrowser, over: Page): Promise<PopupLoad> {
  const popup = await browser.openPopup(over);
  try {
    await popup.waitFor(DRAWN, 10_000);
    return await popup.evaluate<PopupLoad>(TIMINGS);
  } finally {
    await popup.close();
  }
}
