/**
 * The extension API without webextension-polyfill, which alone would take two thirds of the content
 * script's size budget (16 KB) and is not needed: every call made through this module (messaging
 * answered through `sendResponse`, storage, tabs, i18n) works alike in both browsers' Manifest V3.
 * So this is Firefox's native `browser`, else Chrome's `chrome`, typed with the polyfill's types.
 * Content scripts, the popup and the shared settings and messaging modules use it; only the
 * background imports the polyfill, for its badge and i18n calls.
 */
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;

/** 'chrome' or 'firefox' in a build (vite.config.ts defines it); undefined in tests, which stub `browser`. */
declare const __LAGEBILD_TARGET__: 'chrome' | 'firefox' | undefined;
export const target = typeof __LAGEBILD_TARGET__ === 'undefined' ? undefined : __LAGEBILD_TARGET__;

const scope = globalThis as { browser?: Api; chrome?: Api };

export function ext(): Api {
  // Chrome has a `browser` too, but the first read of it builds a second copy of the API: about
  // a millisecond of every page load in a content script (bench/floor.ts). Chrome's own is `chrome`.
  const api = target === 'chrome' ? scope.chrome : (scope.browser ?? scope.chrome);
  if (!api) throw new Error('Not running in a browser extension.');
  return api;
}
