/**
 * What the record of visits (#27) costs a live blog that keeps updating: its writes, counted from
 * the extension's service worker as bench/liveblog.ts streams entries, and its size afterwards.
 */
import type { BrowserContext } from 'playwright-core';
import { LIVEBLOG_RUN } from './liveblog';
import { median, round } from './stats';
import { check, kb, type Row } from './table';

export interface VisitWrites {
  streamWrites: number;
  idleWrites: number;
  recordBytes: number;
}

/**
 * Counts the writes of the record of visits from the extension's service worker, which makes them;
 * null where no worker of the extension runs (the control, the floor).
 */
export async function visitWrites(context: BrowserContext, ownOrigin: string | null): Promise<(() => Promise<{ writes: number; bytes: number }>) | null> {
  const worker = ownOrigin === null ? undefined : context.serviceWorkers().find((w) => w.url().startsWith(ownOrigin));
  if (worker === undefined) return null;
  await worker.evaluate(`(() => { const g = globalThis; g.__visitWrites = 0; if (g.__visitCounter) return; g.__visitCounter = true;
    chrome.storage.onChanged.addListener((changes, area) => { if (area === 'local' && 'visits' in changes) g.__visitWrites++; }); })()`);
  return () => worker.evaluate(`(async () => ({ writes: globalThis.__visitWrites,
    bytes: new TextEncoder().encode(JSON.stringify((await chrome.storage.local.get('visits')).visits ?? null)).length }))()`);
}

/** Writes per minute of the record of visits while the blog updates (≤ 60: once a second), and in the idle after its last second. */
export function visitsRow(runs: readonly { streamMs: number; visits: VisitWrites | null }[], row: (measure: string, value: string, budget: string, verdict?: Row['verdict']) => Row): Row {
  const measured = runs.flatMap((r) => (r.visits ? [{ ...r.visits, minutes: r.streamMs / 60_000, seconds: r.streamMs / 1000 }] : []));
  if (measured.length === 0) return row('record of visits: writes per minute while the blog updates', 'n/a', 'no service worker to count from');
  const perMinute = round(median(measured.map((v) => v.streamWrites / v.minutes)));
  const idle = Math.max(...measured.map((v) => v.idleWrites));
  // Once a second: the first change of the stream may be written at once, then one a second.
  const calm = measured.every((v) => v.streamWrites <= 1 + Math.floor(v.seconds));
  const bytes = round(median(measured.map((v) => v.recordBytes)));
  return row('record of visits: writes per minute while the blog updates / in the idle after', `${perMinute} / min / ${idle} in ${LIVEBLOG_RUN.idleMs / 1000} s`,
    `≤ 1 + one a second of the stream; ≤ 1 in the idle (the last second's); record after the run ${kb(bytes)} in storage.local`, check(calm && idle <= 1));
}
