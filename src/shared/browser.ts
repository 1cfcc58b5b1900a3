/**
 * The extension API for code that runs in the content script. The content script has a size
 * budget (16 KB) that webextension-polyfill alone would take two thirds of, and it does not need
 * it: every call made through this module (runtime messaging with synchronous `sendResponse`,
 * storage, tabs) is promise-based in both browsers' Manifest V3. So this is Firefox's native
 * `browser`, else Chrome's `chrome`, typed with the polyfill's types. Extension pages (popup,
 * background) import webextension-polyfill itself.
 */
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;

/** 'chrome' or 'firefox' in a build (vite.config.ts defines it); undefined in tests, which stub `browser`. */
declare const __LAGEBILD_TARGET__: 'chrome' | 'firefox' | undefined;
const target = typeof __LAGEBILD_TARGET__ === 'undefined' ? undefined : __LAGEBILD_TARGET__;

const scope = globalThis as { browser?: Api; chrome?: Api };

export function ext(): Api {
  // Chrome has a `browser` too, but the first read of it builds a second copy of the API: about
  // a millisecond of every page load in a content script (bench/floor.ts). Chrome's own is `chrome`.
  const api = target === 'chrome' ? scope.chrome : (scope.browser ?? scope.chrome);
  if (!api) throw new Error('Not running in a browser extension.');
  return api;
}
