/**
 * Issue 9's hard pages in Firefox with the built extension: no frame with a visible widget from
 * the first, every story element shown, and the badge counting the widgets hidden; and each page
 * on a host the extension does not run on, where the sampler must see the widget (the control).
 */
import { describe, expect, it } from 'vitest';
import { firefoxPath } from '../../tools/browsers';
import { expectNoFlash, flashReport } from './flash';
import { HARD_CASES } from './hard-cases';
import { firefoxSession } from './firefox-session';
import { browserOrSkip } from './prerequisites';
import { OTHER_SITE } from './scenarios';

const executablePath = browserOrSkip('Firefox', firefoxPath(), 'FIREFOX_PATH');

describe.skipIf(executablePath === null)('hard pages in Firefox', () => {
  const session = firefoxSession(executablePath!);
  const open = (url: string, html: string): ReturnType<typeof session.open> => session.open(url, html);

  it.each(HARD_CASES)('$name: no visible widget in any frame, story shown, badge counts', async (c) => {
    const page = await open(c.url, c.html());
    if (c.settled) await page.waitForFunction(c.settled, { timeout: 15_000 });
    const report = await flashReport(page, c.widgets);
    expectNoFlash(report, c.widgets);
    if (c.storyAtLeast) expect(report.paragraphs.total).toBeGreaterThanOrEqual(c.storyAtLeast);
    await expect.poll(() => session.badgeText(), { timeout: 10_000 }).toBe(String(c.badge));
  }, 60_000);

  it.each(HARD_CASES)('control, $name: without the extension the sampler sees the widget', async (c) => {
    const page = await open(OTHER_SITE, c.html());
    if (c.settled) await page.waitForFunction(c.settled, { timeout: 15_000 });
    const report = await flashReport(page, c.widgets);
    expect(report.visibleFrames).toBeGreaterThan(0);
  }, 60_000);
});
