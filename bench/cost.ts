/**
 * The content script's main-thread cost per page load, measured two ways in the same load:
 * - attributed: a V8 CPU profile of the page's renderer (sampling every 50 µs), counting each sample
 *   whose stack holds a frame of the extension's content script, with the time until the next sample:
 *   the script's own JavaScript and the DOM calls it makes, in the isolated world, and nothing of the page's;
 * - metrics: CDP Performance.getMetrics for the load (script, task, style, layout durations), compared
 *   between the same page with and without the extension: includes what no stack shows, like the
 *   manifest stylesheet's selectors in style recalculation, but it is as noisy as the page.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { LATE_DONE, type BenchPage } from './pages';

const SAMPLING_INTERVAL_US = 50;
/** After the page settled: the content script's flush and its debounced report run in this. */
const SETTLE_MS = 300;
/** A sample is followed by a longer gap only when the thread went idle; idle is nobody's cost. */
const MAX_SAMPLE_US = 1_000;

const METRICS = ['ScriptDuration', 'TaskDuration', 'RecalcStyleDuration', 'LayoutDuration', 'V8CompileDuration'] as const;
export type MetricName = (typeof METRICS)[number];

export interface LoadCost {
  /** ms of samples in the content script (0 without the extension). */
  attributedMs: number;
  /** ms per metric over the whole load. */
  metrics: Record<MetricName, number>;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Milliseconds of samples with a frame from one of `scripts` (URLs) on the stack. */
export function attributedMs(profile: Profile, scripts: readonly string[]): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inScript = new Map<number, boolean>();
  const onStack = (id: number): boolean => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const result = scripts.includes(byId.get(id)?.callFrame.url ?? '') || (up !== undefined && onStack(up));
    inScript.set(id, result);
    return result;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  for (let i = 0; i < samples.length - 1; i++) {
    if (onStack(samples[i]!)) us += Math.min(deltas[i + 1] ?? 0, MAX_SAMPLE_US);
  }
  return us / 1000;
}

async function metrics(cdp: CDPSession): Promise<Record<MetricName, number>> {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  const seconds = new Map(all.map((m) => [m.name, m.value]));
  return Object.fromEntries(METRICS.map((name) => [name, (seconds.get(name) ?? 0) * 1000])) as Record<MetricName, number>;
}

/** One fresh tab, one load of `address`, profiled from before navigation until the page settled. */
/** `scripts`: the content scripts' URLs, none for a load without the extension. */
export async function measureLoad(context: BrowserContext, page: BenchPage, address: string, scripts: readonly string[]): Promise<LoadCost> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await tab.goto(address, { waitUntil: 'load' });
    if (page.late) await tab.waitForFunction(LATE_DONE, undefined, { timeout: 10_000 });
    await tab.waitForTimeout(SETTLE_MS);
    const { profile } = await cdp.send('Profiler.stop');
    const cost = { attributedMs: attributedMs(profile, scripts), metrics: await metrics(cdp) };
    await cdp.detach();
    return cost;
  } finally {
    await tab.close();
  }
}
