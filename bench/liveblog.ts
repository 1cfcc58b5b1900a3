/**
 * What a live blog that keeps updating costs with the extension, in Chromium: the Ukraine live
 * blog in the storyline markup starts with 10 entries, then gets 600 more, one per animation
 * frame (every 20th about the Geneva talks, the rest off-topic filler), dropping the oldest beyond
 * 100 as the site does, then idles for 5 s. Each run in a fresh tab, three ways in turn:
 * - lagebild: the built extension, the page at www.handelsblatt.com;
 * - control: the same browser, the same page at 127.0.0.1, where no content script matches;
 * - floor: a control extension that observes the whole document and does nothing with it
 *   (bench/floor.ts, 'observes-all'), in a browser of its own.
 * Measured per run:
 * - own CPU: a V8 CPU profile of the tab (CDP Profiler, 200 µs samples). Content scripts run in
 *   the page's isolate, so a sample counts as the extension's when any frame on its stack comes
 *   from its chrome-extension:// origin: its mutation handling, per-frame passes and timers,
 *   whatever of it runs. Not in it: garbage collection and the style and layout work it causes,
 *   which the Performance.getMetrics durations (with − without) show instead.
 * - heap and DOM: after forced garbage collection, the isolate's JS heap (Runtime.getHeapUsage:
 *   page and content script share it, so it is read against the control) and the renderer's DOM
 *   node count (Memory.getDOMCounters; entry texts live there, outside the JS heap), after the
 *   first 10 entries, after all 600, and once the page has removed every entry (what the
 *   extension still holds: with − without, and the detached nodes DOM.getDetachedDomNodes lists).
 *
 *   npx tsx bench/liveblog.ts [--extension DIR] [--rounds N]
 * Without --extension it measures dist/chrome, built first when missing or stale.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { launch, type Session } from '../tools/chromium';
import { DIST, ensureBuilt } from '../tools/dist';
import { ABOUT_ENTRIES, dayTime, fillerEntry, LIVEBLOG_DAY, type LiveblogEntry } from '../tools/liveblog-corpus';
import { liveblogMarkupPage, LIVEBLOG_DAY_URL } from '../tools/liveblog-pages';
import { startServer, type PageServer } from '../tools/server';
import { BUSY_FLOOR_EXTENSIONS, writeFloorExtensions } from './floor';
import { servePages, type BenchPage } from './pages';
import { median, round } from './stats';
import { check, formatTable, kb, ms, type Row } from './table';
import { visitWrites, visitsRow, type VisitWrites } from './visit-writes';

export const LIVEBLOG_RUN = { initial: 10, added: 600, keepAtMost: 100, aboutEvery: 20, idleMs: 5000 } as const;

const VIEWPORT = { width: 1280, height: 900 };
/** After load, before anything is measured: the content script's first passes are done. */
const SETTLE_MS = 1000;
const SAMPLING_US = 200;
const FLOOR = 'observes-all';

/** The 600 entries, oldest first as they arrive: an about-entry copy every 20th, filler between. */
export function streamEntries(): LiveblogEntry[] {
  return Array.from({ length: LIVEBLOG_RUN.added }, (_, i) => {
    if (i % LIVEBLOG_RUN.aboutEvery !== 0) return fillerEntry(i);
    const about = ABOUT_ENTRIES[(i / LIVEBLOG_RUN.aboutEvery) % ABOUT_ENTRIES.length]!;
    return { ...about, key: `${about.key}-r${i}`, time: dayTime(22 * 60 + 30 + i) };
  });
}

export function liveblogBenchPage(): BenchPage {
  const html = liveblogMarkupPage('storyline', {
    entries: LIVEBLOG_DAY.slice(0, LIVEBLOG_RUN.initial),
    live: { manual: true, addNewOnTop: { entries: streamEntries(), everyMs: 'frame', keepAtMost: LIVEBLOG_RUN.keepAtMost } },
  });
  return { name: 'liveblog-stream', url: LIVEBLOG_DAY_URL, html };
}

// ---------------------------------------------------------------------------------------------
// One run

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * ms of the samples whose stack holds a frame `counts` (by script URL): each sample stands for the
 * time until the next one, as DevTools reads a profile.
 */
export function stackTime(profile: CpuProfile, counts: (url: string) => boolean): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const marked = new Set<number>();
  const mark = (id: number, inherited: boolean): void => {
    const node = byId.get(id);
    if (!node) return;
    const own = inherited || counts(node.callFrame.url);
    if (own) marked.add(id);
    for (const child of node.children ?? []) mark(child, own);
  };
  const children = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  for (const node of profile.nodes) if (!children.has(node.id)) mark(node.id, false);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  for (let i = 0; i < samples.length - 1; i++) if (marked.has(samples[i]!)) us += deltas[i + 1] ?? 0;
  return us / 1000;
}

/**
 * Where the own time goes: each sample's time given to the innermost frame of the extension on
 * its stack (so a DOM call counts under the function that made it), the largest first.
 */
export function ownFunctions(profile: CpuProfile, counts: (url: string) => boolean, top = 12): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const owner = new Map<number, string>();
  const walk = (id: number, inherited: string | null): void => {
    const node = byId.get(id);
    if (!node) return;
    const { url, functionName, lineNumber } = node.callFrame;
    const own = counts(url) ? `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}` : inherited;
    if (own !== null) owner.set(id, own);
    for (const child of node.children ?? []) walk(child, own);
  };
  const children = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  for (const node of profile.nodes) if (!children.has(node.id)) walk(node.id, null);
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length - 1; i++) {
    const name = owner.get(samples[i]!);
    if (name !== undefined) totals.set(name, (totals.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
}

interface Memory {
  heapBytes: number;
  /** The renderer's DOM nodes, attached or not (Memory.getDOMCounters). */
  domNodes: number;
  listeners: number;
}

async function memory(cdp: CDPSession): Promise<Memory> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { heapBytes: usedSize, domNodes: nodes, listeners: jsEventListeners };
}

interface TreeNode {
  children?: TreeNode[];
}

const treeSize = (node: TreeNode): number => 1 + (node.children ?? []).reduce((sum, child) => sum + treeSize(child), 0);

/** Nodes in the detached trees something in the heap still holds, as DevTools' "Detached elements" lists them; null where unsupported. */
async function detachedNodes(cdp: CDPSession): Promise<number | null> {
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    const { detachedNodes: found } = await cdp.send('DOM.getDetachedDomNodes');
    return found.reduce((sum, info) => sum + treeSize(info.treeNode), 0);
  } catch {
    return null;
  }
}

const DURATIONS = ['ScriptDuration', 'TaskDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
type Duration = (typeof DURATIONS)[number];

async function durations(cdp: CDPSession): Promise<Record<Duration, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return Object.fromEntries(DURATIONS.map((name) => [name, value(name)])) as Record<Duration, number>;
}

const FRAMES = (n: number): string => `new Promise((resolve) => { let left = ${n}; const f = () => (--left > 0 ? requestAnimationFrame(f) : resolve(true)); requestAnimationFrame(f); })`;

export interface LiveblogRun {
  /** ms of CPU with a frame of the extension on the stack, while the 600 entries arrived. */
  ownMs: number;
  /** The same in the 5 idle seconds after. */
  ownIdleMs: number;
  /** ms of CPU in the page's own script (adding and dropping entries). */
  pageScriptMs: number;
  /** Wall time from the first entry to the last. */
  streamMs: number;
  /** Performance.getMetrics durations over the stream. */
  durations: Record<Duration, number>;
  initial: Memory;
  full: Memory;
  emptied: Memory;
  detachedAfterRemoval: number | null;
  /** Elements attached to the document after the removal. */
  elementsAfterRemoval: number;
  /** Writes of the record of visits (#27) while the entries arrived and in the idle after; null without the extension. */
  visits: VisitWrites | null;
}


/** One fresh tab at `address`; `ownOrigin` names the extension whose frames count (none for the control). */
async function runOnce(context: BrowserContext, address: string, ownOrigin: string | null): Promise<LiveblogRun> {
  const tab = await context.newPage();
  try {
    await tab.setViewportSize(VIEWPORT);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await tab.goto(address, { waitUntil: 'load' });
    await tab.bringToFront();
    await tab.waitForTimeout(SETTLE_MS);
    const page = new URL(tab.url());
    const isOwn = (url: string): boolean => ownOrigin !== null && url.startsWith(ownOrigin);
    const isPage = (url: string): boolean => url.startsWith(page.origin + page.pathname);
    const initial = await memory(cdp);

    const writes = await visitWrites(context, ownOrigin);
    const before = await durations(cdp);
    await cdp.send('Profiler.start');
    const started = performance.now();
    await tab.evaluate('window.__liveblog.start()');
    const streamMs = performance.now() - started;
    const { profile: stream } = await cdp.send('Profiler.stop');
    const after = await durations(cdp);
    const streamWrites = (await writes?.())?.writes ?? 0;

    await cdp.send('Profiler.start');
    await tab.waitForTimeout(LIVEBLOG_RUN.idleMs);
    const { profile: idle } = await cdp.send('Profiler.stop');
    const visited = await writes?.();
    const full = await memory(cdp);

    await tab.evaluate('window.__liveblog.removeAll()');
    await tab.evaluate(FRAMES(3));
    const emptied = await memory(cdp);
    if (process.env.LIVEBLOG_TOP && ownOrigin !== null) {
      process.stderr.write(`stream: ${JSON.stringify(ownFunctions(stream, isOwn))}\nidle: ${JSON.stringify(ownFunctions(idle, isOwn))}\n`);
    }
    const run: LiveblogRun = {
      ownMs: stackTime(stream, isOwn),
      ownIdleMs: stackTime(idle, isOwn),
      pageScriptMs: stackTime(stream, (url) => isPage(url) && !isOwn(url)),
      streamMs,
      durations: Object.fromEntries(DURATIONS.map((name) => [name, after[name] - before[name]])) as Record<Duration, number>,
      initial,
      full,
      emptied,
      detachedAfterRemoval: await detachedNodes(cdp),
      elementsAfterRemoval: await tab.evaluate<number>('document.getElementsByTagName("*").length'),
      visits: visited ? { streamWrites, idleWrites: visited.writes - streamWrites, recordBytes: visited.bytes } : null,
    };
    await cdp.detach();
    return run;
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The runs, the figures, the rows

export type Way = 'lagebild' | 'control' | 'floor';
const WAYS: readonly Way[] = ['lagebild', 'control', 'floor'];

export interface LiveblogBench {
  runs: Record<Way, LiveblogRun[]>;
  rows: Row[];
}

export interface LiveblogBenchOptions {
  /** The unpacked Chromium build to measure (dist/chrome or a snapshot of it). */
  extension: string;
  /**
   * Rounds of the three runs (default 5): a run's own CPU swings by a third with the machine's load
   * (0.35 to 0.76 ms an entry for one build in one hour here), the median of five far less.
   */
  rounds?: number;
  progress?: (message: string) => void;
}

/** Starts its own server and browsers; about 20 s a run, three runs a round. */
export async function measureLiveblog({ extension, rounds = 5, progress = () => undefined }: LiveblogBenchOptions): Promise<LiveblogBench> {
  const server: PageServer = await startServer();
  const bench = liveblogBenchPage();
  const address = servePages(server, { liveblog: [bench] })('liveblog', bench);
  const floorDir = mkdtempSync(join(tmpdir(), 'lagebild-liveblog-floor-'));
  const floorPath = writeFloorExtensions(floorDir, BUSY_FLOOR_EXTENSIONS.filter((f) => f.name === FLOOR)).get(FLOOR)!;
  const sessions: Session[] = [];
  const runs: Record<Way, LiveblogRun[]> = { lagebild: [], control: [], floor: [] };
  try {
    const lagebild = await launch({ extension, port: server.port });
    sessions.push(lagebild);
    const floor = await launch({ extension: floorPath, port: server.port });
    sessions.push(floor);
    // No content script matches 127.0.0.1: the control runs in the extension's own browser.
    const control = address.replace('//www.handelsblatt.com/', `//127.0.0.1:${server.port}/`);
    for (let round = 0; round < rounds; round++) {
      for (const way of WAYS) {
        progress(`live blog, round ${round + 1} of ${rounds}: ${way}`);
        const run = way === 'lagebild' ? await runOnce(lagebild.context, address, lagebild.extensionOrigin)
          : way === 'control' ? await runOnce(lagebild.context, control, null)
          : await runOnce(floor.context, address, floor.extensionOrigin);
        runs[way].push(run);
      }
    }
  } finally {
    for (const session of sessions) await session.close();
    await server.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  return { runs, rows: liveblogRows(runs) };
}

const SECTION = `Live blog, storyline: ${LIVEBLOG_RUN.initial} entries + ${LIVEBLOG_RUN.added} one a frame, ≤ ${LIVEBLOG_RUN.keepAtMost} kept`;

function nodes(value: number): string {
  return `${Math.round(value)} nodes`;
}

function signed(text: string, value: number): string {
  return value >= 0 ? `+${text}` : text;
}

/** Issue 19's budgets for an hour of a live blog: per entry (1 ms there, 0.5 ms since issue 28), while idle, and what is kept. */
export const LIVEBLOG_BUDGET = { perEntryMs: 0.5, idleMs: 5, heapGrowthBytes: 1024 * 1024 } as const;

export function liveblogRows(runs: Record<Way, LiveblogRun[]>): Row[] {
  const m = (way: Way, pick: (run: LiveblogRun) => number): number => round(median(runs[way].map(pick)));
  const n = LIVEBLOG_RUN.added;
  const count = runs.lagebild.length;
  const perEntry = (way: Way): number => m(way, (r) => r.ownMs) / n;
  const added = (pick: (run: LiveblogRun) => number): number => m('lagebild', pick) - m('control', pick);
  const pageOwn = m('control', (r) => r.pageScriptMs) / n;
  const heapGrowth = m('lagebild', (r) => r.full.heapBytes - r.initial.heapBytes);
  const detachedMax = Math.max(...runs.lagebild.map((r) => r.detachedAfterRemoval ?? Number.NaN));
  const detached = (way: Way): string => (runs[way].some((r) => r.detachedAfterRemoval === null) ? 'n/a' : nodes(m(way, (r) => r.detachedAfterRemoval ?? 0)));
  const row = (measure: string, value: string, budget: string, verdict: Row['verdict'] = 'info'): Row => ({ section: `${SECTION} (median of ${count})`, measure, value, budget, verdict });
  return [
    row('own CPU per added entry (V8 profile, extension frames on the stack, hiding included)', ms(perEntry('lagebild')),
      `≤ ${ms(LIVEBLOG_BUDGET.perEntryMs)}; ${(perEntry('lagebild') / pageOwn).toFixed(2)}× the page's own script (${ms(pageOwn)}); floor (observes all): ${ms(perEntry('floor'))}`,
      check(perEntry('lagebild') <= LIVEBLOG_BUDGET.perEntryMs)),
    row('own CPU over the whole stream', ms(m('lagebild', (r) => r.ownMs)),
      `stream took ${ms(m('lagebild', (r) => r.streamMs))}, without the extension ${ms(m('control', (r) => r.streamMs))}`),
    row('Script / Task / Style duration per entry, with − without',
      `${ms(added((r) => r.durations.ScriptDuration) / n)} / ${ms(added((r) => r.durations.TaskDuration) / n)} / ${ms(added((r) => r.durations.RecalcStyleDuration) / n)}`,
      `without: ${ms(m('control', (r) => r.durations.ScriptDuration) / n)} / ${ms(m('control', (r) => r.durations.TaskDuration) / n)} / ${ms(m('control', (r) => r.durations.RecalcStyleDuration) / n)}`),
    row(`own CPU in the ${LIVEBLOG_RUN.idleMs / 1000} s idle after the stream`, ms(m('lagebild', (r) => r.ownIdleMs)),
      `≤ ${ms(LIVEBLOG_BUDGET.idleMs)}; floor: ${ms(m('floor', (r) => r.ownIdleMs))}`, check(m('lagebild', (r) => r.ownIdleMs) <= LIVEBLOG_BUDGET.idleMs)),
    row(`JS heap after ${LIVEBLOG_RUN.initial} entries, with / without (page and content script share it)`,
      `${kb(m('lagebild', (r) => r.initial.heapBytes))} / ${kb(m('control', (r) => r.initial.heapBytes))}`,
      `${signed(kb(added((r) => r.initial.heapBytes)), added((r) => r.initial.heapBytes))} with the extension`),
    row(`JS heap after ${LIVEBLOG_RUN.added} entries, with / without`,
      `${kb(m('lagebild', (r) => r.full.heapBytes))} / ${kb(m('control', (r) => r.full.heapBytes))}`,
      `growth since ${LIVEBLOG_RUN.initial} entries ${signed(kb(heapGrowth), heapGrowth)} ≤ ${kb(LIVEBLOG_BUDGET.heapGrowthBytes)}; floor: ${kb(m('floor', (r) => r.full.heapBytes))}`,
      check(heapGrowth <= LIVEBLOG_BUDGET.heapGrowthBytes)),
    row(`DOM nodes after ${LIVEBLOG_RUN.initial} / after ${LIVEBLOG_RUN.added} entries, with − without`,
      `${signed(nodes(added((r) => r.initial.domNodes)), added((r) => r.initial.domNodes))} / ${signed(nodes(added((r) => r.full.domNodes)), added((r) => r.full.domNodes))}`,
      `without: ${nodes(m('control', (r) => r.initial.domNodes))} / ${nodes(m('control', (r) => r.full.domNodes))}`),
    visitsRow(runs.lagebild, row),
    row('detached nodes still held once every entry is removed (DOM.getDetachedDomNodes)', detached('lagebild'),
      `0 in every run; without: ${detached('control')}; floor: ${detached('floor')}`, check(detachedMax === 0)),
  ];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { extension: { type: 'string' }, rounds: { type: 'string' } } });
  let source = values.extension;
  if (!source) {
    process.stderr.write(`dist ${ensureBuilt()}\n`);
    source = DIST.chrome;
  }
  // A snapshot, so a build into dist/ while this runs cannot change what is measured.
  const snapshot = mkdtempSync(join(tmpdir(), 'lagebild-liveblog-ext-'));
  cpSync(source, snapshot, { recursive: true });
  const started = Date.now();
  try {
    const { rows } = await measureLiveblog({
      extension: snapshot,
      rounds: Number(values.rounds ?? 5),
      progress: (message) => process.stderr.write(`liveblog ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s: ${message}\n`),
    });
    process.stdout.write(`\n${formatTable(rows)}\n\nMeasured ${source} in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
