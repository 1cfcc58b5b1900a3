// @vitest-environment happy-dom
/**
 * The badge's count from the page's side (src/content/features/report.ts): no message while the
 * background asks (through the door, src/content/from-background.ts), changes after its ask
 * reported, and a page the background never asked (a starting service worker missed its load)
 * reporting itself once the time after the load event is up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/content/context';
import { openDoor } from '../../src/content/from-background';
import { DOOR_KEY } from '../../src/content/keys';
import { reportHidden, UNASKED_MS } from '../../src/content/features/report';
import type { PageReport } from '../../src/shared/messages';

const sent = vi.hoisted(() => [] as PageReport[]);
/** How many of the next reports the background does not take. */
const refusing = vi.hoisted(() => ({ next: 0 }));
vi.mock('../../src/shared/messaging', () => ({
  reportPage: (report: PageReport) => {
    sent.push(report);
    if (refusing.next > 0) {
      refusing.next--;
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    }
    return Promise.resolve();
  },
}));

/** Each finding lets this much time pass, past the report's coalescing delay. */
const FIND_MS = 100;
const running: AbortController[] = [];

/** A content script's badge report and door on this document, as start.iife.ts sets them up. */
function page() {
  const controller = new AbortController();
  running.push(controller);
  const ctx = createContext(document, controller.signal);
  reportHidden(ctx);
  openDoor(ctx, controller);
  const door = (globalThis as Record<symbol, { badge(): { hiddenCount: number; fresh: number } | null }>)[Symbol.for(DOOR_KEY)]!;
  const find = (hiddenCount: number): void => {
    ctx.hiddenCount = hiddenCount;
    ctx.announceFindings();
    vi.advanceTimersByTime(FIND_MS);
  };
  return { ctx, controller, door, find };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('browser', { runtime: { id: 'lagebild@test' } });
  sent.length = 0;
  refusing.next = 0;
});
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  vi.useRealTimers();
  Reflect.deleteProperty(globalThis, Symbol.for(DOOR_KEY));
});

describe('the badge report', () => {
  it('sends nothing when the background asks in time; changes after its ask are sent, once each', () => {
    expect(document.readyState).toBe('complete');
    const { door, find } = page();
    find(2);
    vi.advanceTimersByTime(UNASKED_MS - 1 - FIND_MS);
    expect(door.badge()).toEqual({ hiddenCount: 2, fresh: 0 });
    vi.advanceTimersByTime(10 * UNASKED_MS);
    expect(sent).toEqual([]);
    find(2);
    find(3);
    expect(sent).toEqual([{ type: 'lagebild/page-report', hiddenCount: 3, fresh: 0 }]);
  });

  it('is sent by the page itself when the background has not asked by the time after the load event', () => {
    const { find } = page();
    find(2);
    vi.advanceTimersByTime(UNASKED_MS - 1 - FIND_MS);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ type: 'lagebild/page-report', hiddenCount: 2, fresh: 0 }]);
    find(1);
    expect(sent.map((r) => r.hiddenCount)).toEqual([2, 1]);
  });

  it('sends nothing for a page with nothing hidden, whose badge is empty anyway, until something is', () => {
    const { find } = page();
    vi.advanceTimersByTime(10 * UNASKED_MS);
    expect(sent).toEqual([]);
    find(1);
    expect(sent).toEqual([{ type: 'lagebild/page-report', hiddenCount: 1, fresh: 0 }]);
  });

  it('counts the time from the load event on a page still loading', () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      const { find } = page();
      find(2);
      vi.advanceTimersByTime(10 * UNASKED_MS);
      expect(sent).toEqual([]);
      window.dispatchEvent(new Event('load'));
      vi.advanceTimersByTime(UNASKED_MS);
      expect(sent).toEqual([{ type: 'lagebild/page-report', hiddenCount: 2, fresh: 0 }]);
    } finally {
      Reflect.deleteProperty(document, 'readyState');
    }
  });

  it('sends a report the background did not take once more, a second later, and then waits for a change', async () => {
    const { door, find } = page();
    door.badge();
    refusing.next = 2;
    find(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(sent.map((r) => r.hiddenCount)).toEqual([2]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((r) => r.hiddenCount)).toEqual([2, 2]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(2);
    find(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((r) => r.hiddenCount)).toEqual([2, 2, 3]);
    refusing.next = 1;
    find(4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent.map((r) => r.hiddenCount)).toEqual([2, 2, 3, 4, 4]);
  });

  it('sends the new entries of a live blog, which the background asked before they were known', () => {
    const { ctx, door, find } = page();
    find(2);
    expect(door.badge()).toEqual({ hiddenCount: 2, fresh: 0 });
    ctx.liveblog = { related: 5, total: 30, fresh: 2, lastVisit: 1 };
    find(2);
    expect(sent).toEqual([{ type: 'lagebild/page-report', hiddenCount: 2, fresh: 2 }]);
    find(2);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing once the content script is stopped', () => {
    const { controller, find } = page();
    find(2);
    controller.abort();
    vi.advanceTimersByTime(10 * UNASKED_MS);
    expect(sent).toEqual([]);
  });
});
