/**
 * In Chrome a content script outlives its extension after an update, a reload or an uninstall:
 * its `chrome.*` calls then throw "Extension context invalidated". Every feature gets one
 * AbortSignal; once the extension is gone the signal aborts, observers and listeners come off,
 * and the page sees no errors.
 */
import { ext, target } from '../shared/browser';

function extensionAlive(): boolean {
  // Firefox takes a content script down with its extension (its sandbox is destroyed): nothing
  // to ask there, and the first read of `browser.runtime` costs a page load milliseconds.
  if (target === 'firefox') return true;
  try {
    return typeof ext().runtime.id === 'string';
  } catch {
    return false;
  }
}

/** Runs `task` only while the extension lives; aborts everything once it does not. */
export function guard(controller: AbortController, task: () => unknown): void {
  if (controller.signal.aborted) return;
  if (!extensionAlive()) {
    controller.abort();
    return;
  }
  try {
    const result = task();
    if (result instanceof Promise) {
      result.catch(() => {
        if (!extensionAlive()) controller.abort();
      });
    }
  } catch {
    if (!extensionAlive()) controller.abort();
  }
}
