/**
 * The content script's main-thread cost per page load, measured two ways in the same load:
 * - own: a Chromium trace of the load (category devtools.timeline), summing the thread CPU time
 *   (`tdur`) of every task that runs the content script's code: evaluating each script
 *   (compiling included) and each callback of it (frames, events, timers, observers). CPU time,
 *   not wall time, so another process on the machine does not inflate it, and tracing costs the
 *   page far less than a sampling profiler. Promise continuations run inside the microtask
 *   checkpoint, for which the trace names no script: the little work the content script does
 *   after an extension API answers is not in it.
 * - metrics: CDP Performance.getMetrics for the load (script, task, style, layout durations), compared
 *   between the same page with and without the extension: includes what no script event shows, like the
 *   manifest stylesheet's selectors in style recalculation, but it is as noisy as the page.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { LATE_DONE, type BenchPage } from './pages';

/** Every measured tab's size, with and without the extension. */
const VIEWPORT = { width: 1280, height: 900 };

/** After the page settled: the content script's flush and its debounced report run in this. */
const SETTLE_MS = 300;

export const METRICS = ['ScriptDuration', 'TaskDuration', 'RecalcStyleDuration', 'LayoutDuration', 'V8CompileDuration'] as const;
export type MetricName = (typeof METRICS)[number];

/** The trace events in which a script's own code runs; v8.compile and the like nest inside them. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall']);

export interface LoadCost {
  /** ms of thread CPU time in the content script's tasks (0 without the extension). */
  ownMs: number;
  /** The first script's (the start script's) first evaluation: V8 compiling it, and running its top level (compiling excluded). */
  start: { compileMs: number; evaluateMs: number };
  /** How many such tasks: the script's evaluations and callbacks. */
  tasks: number;
  /** ms per metric over the whole load. */
  metrics: Record<MetricName, number>;
}

export interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/**
 * Thread CPU time of the outermost script events whose script is one of `scripts` (URLs): an event
 * nested in another counted one (a callback run inside the script's own task) is in that one already.
 */
export function ownCpu(events: readonly TraceEvent[], scripts: readonly string[]): { ms: number; tasks: number } {
  const ours = events
    .filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && scripts.includes(e.args?.data?.url ?? ''))
    .sort((a, b) => a.tid - b.tid || a.ts - b.ts);
  let us = 0;
  let tasks = 0;
  let thread = Number.NaN;
  let end = -Infinity;
  for (const e of ours) {
    if (e.tid !== thread) {
      thread = e.tid;
      end = -Infinity;
    }
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    us += e.tdur ?? e.dur ?? 0;
    tasks++;
  }
  return { ms: us / 1000, tasks };
}

/**
 * The first evaluation of `script`: thread CPU time of V8's compile events for it (v8.compile,
 * nested in the evaluation), and of the evaluation less them. What every page pays before the
 * script's first callback.
 */
export function firstEvaluation(events: readonly TraceEvent[], script: string | undefined): { compileMs: number; evaluateMs: number } {
  const of = (name: string): TraceEvent[] => events.filter((e) => e.ph === 'X' && e.name === name && script !== undefined && e.args?.data?.url === script);
  const evaluation = of('EvaluateScript').sort((a, b) => a.ts - b.ts)[0];
  if (!evaluation) return { compileMs: 0, evaluateMs: 0 };
  const end = evaluation.ts + (evaluation.dur ?? 0);
  const compile = of('v8.compile')
    .filter((e) => e.tid === evaluation.tid && e.ts >= evaluation.ts && e.ts < end)
    .reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);
  return { compileMs: compile / 1000, evaluateMs: ((evaluation.tdur ?? evaluation.dur ?? 0) - compile) / 1000 };
}

async function metrics(cdp: CDPSession): Promise<Record<MetricName, number>> {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  const seconds = new Map(all.map((m) => [m.name, m.value]));
  return Object.fromEntries(METRICS.map((name) => [name, (seconds.get(name) ?? 0) * 1000])) as Record<MetricName, number>;
}

/** Starts tracing the tab; the returned function ends it and gives the events. */
async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => {
      cdp.once('Tracing.tracingComplete', () => {
        resolve();
      });
    });
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/**
 * One fresh tab, one load of `address`, traced from before navigation until the page settled.
 * `scripts`: the content scripts' URLs, none for a load without the extension.
 */
export async function measureLoad(context: BrowserContext, page: BenchPage, address: string, scripts: readonly string[]): Promise<LoadCost> {
  const tab = await context.newPage();
  try {
    // The two browsers are launched differently (see tools/chromium.ts and extension-browser.ts):
    // the same window size for both, or the smaller one paints more frames and a page that works
    // every frame does more of its own work there.
    await tab.setViewportSize(VIEWPORT);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    const endTrace = await startTrace(cdp);
    await tab.goto(address, { waitUntil: 'load' });
    if (page.late) await tab.waitForFunction(page.settled ?? LATE_DONE, undefined, { timeout: 15_000 });
    await tab.waitForTimeout(SETTLE_MS);
    const events = await endTrace();
    const own = ownCpu(events, scripts);
    const start = firstEvaluation(events, scripts.find((script) => script.endsWith('/start.iife.js')) ?? scripts[0]);
    const cost = { ownMs: own.ms, tasks: own.tasks, start, metrics: await metrics(cdp) };
    await cdp.detach();
    return cost;
  } finally {
    await tab.close();
  }
}
