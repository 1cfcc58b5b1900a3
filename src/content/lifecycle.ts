/**
 * In Chrome a content script outlives its extension after an update, a reload or an uninstall:
 * its `chrome.*` calls then throw "Extension context invalidated". Every feature gets one
 * AbortSignal; once the extension is gone the signal aborts, observers and listeners come off,
 * and the page sees no errors.
 */
import { ext, target } from '../shared/browser';

/**
 * How long the extension counts as alive without asking again. The first read of
 * `chrome.runtime` builds its bindings, milliseconds of a page load, and a script just injected
 * has a live extension: so it is not asked while the page loads, nor more than once in this time
 * later. A script left behind does DOM work for this long at most; a failed task asks at once.
 */
export const ALIVE_FOR_MS = 5000;
let askedAt = performance.now();

function extensionAlive(askNow: boolean): boolean {
  // Firefox takes a content script down with its extension (its sandbox is destroyed): nothing
  // to ask there, and the first read of `browser.runtime` costs a page load milliseconds.
  if (target === 'firefox') return true;
  const now = performance.now();
  if (!askNow && now - askedAt < ALIVE_FOR_MS) return true;
  askedAt = now;
  try {
    return typeof ext().runtime.id === 'string';
  } catch {
    return false;
  }
}

/** Runs `task` only while the extension lives; aborts everything once it does not. */
export function guard(controller: AbortController, task: () => unknown): void {
  if (controller.signal.aborted) return;
  if (!extensionAlive(false)) {
    controller.abort();
    return;
  }
  try {
    const result = task();
    if (result instanceof Promise) {
      result.catch(() => {
        if (!extensionAlive(true)) controller.abort();
      });
    }
  } catch {
    if (!extensionAlive(true)) controller.abort();
  }
}
