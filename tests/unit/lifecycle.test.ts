/**
 * The content script's guard (src/content/lifecycle.ts): tasks run while the extension lives, and
 * everything aborts once it is gone; the extension API is not read while the page loads, only
 * once ALIVE_FOR_MS has passed or a task failed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A `browser` whose runtime id can be taken away (as Chrome does to a script left behind), counting reads of `runtime`. */
function stubRuntime(): { reads: () => number; unload: () => void } {
  let reads = 0;
  let id: string | undefined = 'lagebild@test';
  vi.stubGlobal('browser', {
    get runtime() {
      reads++;
      return { id };
    },
  });
  return { reads: () => reads, unload: () => { id = undefined; } };
}

let clock = 1000;

beforeEach(() => {
  clock = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.resetModules();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('guard', () => {
  it('runs tasks without reading the extension API while the page loads', async () => {
    const runtime = stubRuntime();
    const { guard } = await import('../../src/content/lifecycle');
    const controller = new AbortController();
    const ran: number[] = [];
    for (let i = 0; i < 20; i++) {
      clock += 100;
      guard(controller, () => ran.push(i));
    }
    expect(ran).toHaveLength(20);
    expect(runtime.reads()).toBe(0);
  });

  it('asks again once the time has passed, and aborts when the extension is gone', async () => {
    const runtime = stubRuntime();
    const { ALIVE_FOR_MS, guard } = await import('../../src/content/lifecycle');
    const controller = new AbortController();
    const task = vi.fn();
    clock += ALIVE_FOR_MS + 1;
    guard(controller, task);
    expect(runtime.reads()).toBe(1);
    expect(task).toHaveBeenCalledTimes(1);

    runtime.unload();
    clock += 10;
    guard(controller, task);
    expect(task).toHaveBeenCalledTimes(2);
    expect(runtime.reads()).toBe(1); // Within the time: not asked.
    clock += ALIVE_FOR_MS;
    guard(controller, task);
    expect(task).toHaveBeenCalledTimes(2);
    expect(controller.signal.aborted).toBe(true);
  });

  it('asks at once when a task fails, and aborts if the extension is gone', async () => {
    const runtime = stubRuntime();
    const { guard } = await import('../../src/content/lifecycle');
    const controller = new AbortController();
    guard(controller, () => {
      throw new Error('kept');
    });
    expect(controller.signal.aborted).toBe(false);
    runtime.unload();
    guard(controller, () => {
      throw new Error('Extension context invalidated.');
    });
    expect(runtime.reads()).toBe(2);
    expect(controller.signal.aborted).toBe(true);
  });

  it('asks when a task\'s promise fails', async () => {
    const runtime = stubRuntime();
    const { guard } = await import('../../src/content/lifecycle');
    const controller = new AbortController();
    runtime.unload();
    guard(controller, () => Promise.reject(new Error('Extension context invalidated.')));
    await vi.waitFor(() => {
      expect(controller.signal.aborted).toBe(true);
    });
  });
});
