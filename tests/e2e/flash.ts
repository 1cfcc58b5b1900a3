/** Reading and judging the first-frame sampler's report, the same way in either browser. */
import { expect } from 'vitest';
import { FLASH_REPORT, afterFrames, type FlashReport } from '../../tools/first-frame';

/** What Playwright's and Puppeteer's pages both offer. */
export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
  waitForFunction(expression: string): Promise<unknown>;
}

/** Frames to let pass after the last change before a page is judged: a late hide would show in them. */
export const SETTLE_FRAMES = 10;

/** The report once `widgets` widget roots have reached the document and SETTLE_FRAMES have passed. */
export async function flashReport(page: EvaluatingPage, widgets: number): Promise<FlashReport> {
  await page.waitForFunction(`window.__flash.widgetsSeen >= ${widgets}`);
  await page.evaluate(afterFrames(SETTLE_FRAMES));
  return (await page.evaluate(FLASH_REPORT)) as FlashReport;
}

export function expectNoFlash(report: FlashReport, widgets: number): void {
  expect(report.widgetsSeen, 'widget roots that reached the document').toBe(widgets);
  expect(report.visibleFrames, `frames showing a widget (first: ${report.firstVisibleFrame}, ${report.visibleWidgets.join(', ')})`).toBe(0);
  expect(report.paragraphs.missing, 'article paragraphs that did not render').toEqual([]);
  expect(report.storyHiddenFrames, `frames hiding a story element (first: ${report.firstHiddenStory})`).toBe(0);
  expect(report.paragraphs.total, 'article paragraphs').toBeGreaterThan(0);
}
