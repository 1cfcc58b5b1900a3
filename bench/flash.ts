/**
 * Flash: in how many rendered frames a job widget was visible. The sampler from the end-to-end
 * tests (first child of <head>) checks every widget root's client rects in every frame; a page
 * is watched until its late widgets are in and then for a few dozen more frames.
 */
import type { BrowserContext } from 'playwright-core';
import { afterFrames, FLASH_REPORT, type FlashReport } from '../tools/first-frame';
import { LATE_DONE, type BenchPage } from './pages';

/** Frames watched after the page settled: a widget the extension hid late would show in these. */
const SETTLE_FRAMES = 30;

export interface FlashResult {
  visibleFrames: number;
  frames: number;
  widgetsSeen: number;
  visibleWidgets: string[];
}

export async function measureFlash(context: BrowserContext, page: BenchPage, address: string): Promise<FlashResult> {
  const tab = await context.newPage();
  try {
    await tab.goto(address, { waitUntil: 'load' });
    if (page.late) await tab.waitForFunction(page.settled ?? LATE_DONE, undefined, { timeout: 15_000 });
    await tab.evaluate(afterFrames(SETTLE_FRAMES));
    const report = await tab.evaluate<FlashReport>(FLASH_REPORT);
    if (report.widgetsSeen === 0) throw new Error(`${page.name}: the sampler saw no widget, so its flash figure would mean nothing`);
    return { visibleFrames: report.visibleFrames, frames: report.frames, widgetsSeen: report.widgetsSeen, visibleWidgets: report.visibleWidgets };
  } finally {
    await tab.close();
  }
}
