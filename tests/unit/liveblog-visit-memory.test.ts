/**
 * A tab's visit of a live blog and the background that remembers it, with storage faked: three
 * visits tell what is new on the second only; reports go out at once, then at most once a second
 * while the blog updates and never while it idles; a private window and the switch turned off leave
 * storage untouched; "mark all as seen" holds for the next visit too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberVisit as backgroundRemembers } from '../../src/background/visits';
import { VisitMemory, REPORT_MS } from '../../src/content/liveblog/visit-memory';
import type { TrackedEntry } from '../../src/content/liveblog/tracker';
import { VISITS_KEY, parseVisits } from '../../src/core/liveblog/visits';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/core/settings';
import type { VisitReport } from '../../src/shared/messages';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';

const tab = vi.hoisted(() => ({ incognito: false, reports: [] as { at: number; keys: string[] }[] }));
vi.mock('../../src/shared/messaging', () => ({
  rememberVisit: (report: VisitReport) => {
    tab.reports.push({ at: Date.now(), keys: report.keys });
    return backgroundRemembers(report, tab.incognito);
  },
}));

const BLOG = '27982126';
const entry = (key: string): TrackedEntry => ({ id: `id-${key}`, key }) as TrackedEntry;
const entries = (...keys: string[]): TrackedEntry[] => keys.map(entry);
const stored = () => parseVisits(fakeBrowser.storage.local.data.get(VISITS_KEY));

/** One page load of the blog with these entries, its first report answered. */
async function visit(...keys: string[]): Promise<VisitMemory> {
  const memory = new VisitMemory(new AbortController().signal, () => undefined);
  memory.visit(BLOG, entries(...keys));
  await vi.advanceTimersByTimeAsync(0);
  return memory;
}

const freshOf = (memory: VisitMemory, ...keys: string[]): string[] => keys.filter((k) => memory.isFresh(k));

beforeEach(() => {
  vi.stubGlobal('browser', resetFakeBrowser());
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2022, 0, 21, 9));
  tab.incognito = false;
  tab.reports.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a tab’s visits of a live blog', () => {
  it('tells nothing new on the first visit, what came between on the second, nothing on the third', async () => {
    const first = await visit('a', 'b');
    expect(freshOf(first, 'a', 'b')).toEqual([]);
    expect(first.lastVisit).toBeNull();
    const firstAt = Date.now();

    vi.setSystemTime(new Date(2022, 0, 21, 13));
    const second = await visit('d', 'c', 'a', 'b');
    expect(freshOf(second, 'a', 'b', 'c', 'd')).toEqual(['c', 'd']);
    expect(second.lastVisit).toBe(firstAt);

    vi.setSystemTime(new Date(2022, 0, 21, 18));
    const third = await visit('d', 'c', 'a', 'b');
    expect(freshOf(third, 'a', 'b', 'c', 'd')).toEqual([]);
    expect(third.lastVisit).toBe(new Date(2022, 0, 21, 13).getTime());
  });

  it('reports at once, then at most once a second while the blog updates, and not at all while it idles', async () => {
    const memory = await visit('a');
    expect(tab.reports).toHaveLength(1);
    for (let i = 0; i < 50; i++) {
      memory.changed([entry(`n${i}`)], []);
      await vi.advanceTimersByTimeAsync(100);
    }
    const times = tab.reports.map((r) => r.at);
    expect(times.slice(1).every((t, i) => t - times[i]! >= REPORT_MS)).toBe(true);
    expect(tab.reports.length).toBeLessThanOrEqual(1 + 5 + 1);
    await vi.advanceTimersByTimeAsync(REPORT_MS);
    // The last entry is remembered within a second of its arrival.
    expect(stored().blogs[BLOG]!.fresh).toContain('n49');
    const settled = tab.reports.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(tab.reports).toHaveLength(settled);
    // An entry changed in place, its identity the same: nothing to report.
    memory.changed([entry('n3')], []);
    await vi.advanceTimersByTimeAsync(2 * REPORT_MS);
    expect(tab.reports).toHaveLength(settled);
  });

  it('counts entries the page adds while it is open as new in this visit, and known at the next', async () => {
    await visit('a');
    vi.setSystemTime(new Date(2022, 0, 21, 13));
    const second = await visit('a');
    second.changed([entry('live')], []);
    expect(freshOf(second, 'a', 'live')).toEqual(['live']);
    await vi.advanceTimersByTimeAsync(REPORT_MS);
    vi.setSystemTime(new Date(2022, 0, 21, 18));
    expect(freshOf(await visit('live', 'a'), 'a', 'live')).toEqual([]);
  });

  it('marks all as seen, for this visit and the next', async () => {
    await visit('a');
    vi.setSystemTime(new Date(2022, 0, 21, 13));
    const second = await visit('b', 'a');
    expect(freshOf(second, 'a', 'b')).toEqual(['b']);
    second.markAllSeen();
    expect(freshOf(second, 'a', 'b')).toEqual([]);
    await vi.advanceTimersByTimeAsync(REPORT_MS);
    expect(stored().blogs[BLOG]).toMatchObject({ seen: ['a', 'b'], fresh: [] });
    second.changed([entry('c')], []);
    expect(freshOf(second, 'a', 'b', 'c')).toEqual(['c']);
  });

  it('remembers nothing in a private window', async () => {
    tab.incognito = true;
    await visit('a');
    vi.setSystemTime(new Date(2022, 0, 21, 13));
    const second = await visit('b', 'a');
    expect(freshOf(second, 'a', 'b')).toEqual([]);
    expect(second.lastVisit).toBeNull();
    expect(fakeBrowser.storage.local.writes).toEqual([]);
  });

  it('remembers nothing with the switch off', async () => {
    fakeBrowser.storage.sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, rememberVisits: false });
    await visit('a');
    expect(fakeBrowser.storage.local.writes).toEqual([]);
  });

  it('writes the reports of two tabs one after the other, so neither is lost', async () => {
    const report = (blog: string, keys: string[]): VisitReport => ({ type: 'lagebild/visit', blog, start: Date.now(), keys, gone: [], allSeen: false });
    await Promise.all([backgroundRemembers(report('1', ['a']), false), backgroundRemembers(report('2', ['b']), false)]);
    expect(Object.keys(stored().blogs).sort()).toEqual(['1', '2']);
  });
});
