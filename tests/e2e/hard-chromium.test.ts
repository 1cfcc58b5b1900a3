/**
 * Issue 9's hard pages in Chromium with the built extension: no frame with a visible widget from
 * the first, every story element shown, the badge counting what is hidden now; and each page on
 * a host the extension does not run on, where the sampler must see the widget (the control).
 */
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../../tools/browsers';
import { withSampler } from '../../tools/first-frame';
import { chromiumSession } from './chromium-session';
import { expectNoFlash, flashReport } from './flash';
import { HARD_CASES } from './hard-cases';
import { browserOrSkip } from './prerequisites';
import { OTHER_SITE } from './scenarios';

const executablePath = browserOrSkip('Chromium', chromiumPath(), 'CHROMIUM_PATH');
const HOSTS = ['www.handelsblatt.com', 'jobs.handelsblatt.com', 'www.example.org'];

describe.skipIf(executablePath === null)('hard pages in Chromium', () => {
  const session = chromiumSession(executablePath!, HOSTS);

  it.each(HARD_CASES)('$name: no visible widget in any frame, story shown, badge counts', async (c) => {
    const page = await session.open(c.url, withSampler(c.html()));
    if (c.settled) await page.waitForFunction(c.settled, undefined, { timeout: 15_000 });
    const report = await flashReport(page, c.widgets);
    expectNoFlash(report, c.widgets);
    if (c.storyAtLeast) expect(report.paragraphs.total).toBeGreaterThanOrEqual(c.storyAtLeast);
    await expect.poll(() => session.browser.badgeText(page)).toBe(String(c.badge));
  }, 60_000);

  it.each(HARD_CASES)('control, $name: without the extension the sampler sees the widget', async (c) => {
    const page = await session.open(OTHER_SITE, withSampler(c.html()));
    if (c.settled) await page.waitForFunction(c.settled, undefined, { timeout: 15_000 });
    const report = await flashReport(page, c.widgets);
    expect(report.visibleFrames).toBeGreaterThan(0);
    expect(report.visibleNow).toBeGreaterThan(0);
  }, 60_000);
});
