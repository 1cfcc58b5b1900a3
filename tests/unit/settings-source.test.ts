// @vitest-environment happy-dom
/**
 * Where a page's settings come from (src/content/settings-source.ts): the defaults without a word
 * to storage, unless the background registered stored-settings.ts, which may run before or after
 * the content script; the page features' own read (stored-reader.ts), once however often asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext, shareContext, type ContentContext } from '../../src/content/context';
import { startSettings } from '../../src/content/settings-source';
import { readStoredSettings } from '../../src/content/stored-reader';
import { STORED_SETTINGS_KEY } from '../../src/content/keys';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/core/settings';
import { resetFakeBrowser, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;
const mark = Symbol.for(STORED_SETTINGS_KEY);
const shared = Symbol.for('lagebild.content-context');

beforeEach(() => {
  fake = resetFakeBrowser();
  vi.stubGlobal('browser', fake);
  Reflect.deleteProperty(globalThis, mark);
  Reflect.deleteProperty(globalThis, shared);
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A page's context, shared as start.iife.ts shares it, with a listener recording every settings dispatch. */
function page(): { ctx: ContentContext; seen: Settings[]; controller: AbortController } {
  const controller = new AbortController();
  const ctx = createContext(document, controller.signal);
  const seen: Settings[] = [];
  ctx.onSettings((s) => seen.push(s));
  shareContext(ctx);
  return { ctx, seen, controller };
}

const stored: Settings = { ...DEFAULT_SETTINGS, hideJobAds: false };

describe('a page’s settings', () => {
  it('are the defaults at once, with no storage read, where stored-settings.ts did not run', async () => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: stored });
    const reads = vi.spyOn(fake.storage.sync, 'get');
    const { ctx, seen } = page();
    startSettings(ctx);
    expect(seen).toEqual([DEFAULT_SETTINGS]);
    expect(ctx.settingsLoaded).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).not.toHaveBeenCalled();
  });

  it.each(['before', 'after'] as const)('are read from storage where stored-settings.ts ran %s the content script', async (when) => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: stored });
    if (when === 'before') await import('../../src/content/stored-settings');
    const { ctx, seen } = page();
    startSettings(ctx);
    if (when === 'after') await import('../../src/content/stored-settings');
    await vi.waitFor(() => {
      expect(ctx.settings).toEqual(stored);
    });
    expect(seen.at(-1)).toEqual(stored);
    expect(ctx.settingsLoaded).toBe(true);
    // From then on storage's own change event reaches the page too.
    await fake.storage.sync.set({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
    await vi.waitFor(() => {
      expect(ctx.settings).toEqual(DEFAULT_SETTINGS);
    });
  });

  it('are read when the page features ask, and not known until then', async () => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, entryMarkers: false } });
    const reads = vi.spyOn(fake.storage.sync, 'get');
    const { ctx } = page();
    startSettings(ctx);
    readStoredSettings(ctx);
    expect(ctx.settingsLoaded).toBe(false);
    const late: Settings[] = [];
    ctx.onSettings((s) => late.push(s));
    expect(late).toEqual([]);
    await vi.waitFor(() => {
      expect(late).toEqual([{ ...DEFAULT_SETTINGS, entryMarkers: false }]);
    });
    // The registered script's read and the page features' are one: storage is read once, followed once.
    await import('../../src/content/stored-settings');
    readStoredSettings(ctx);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('stop following storage when the page’s work stops', async () => {
    const { ctx, controller } = page();
    startSettings(ctx);
    readStoredSettings(ctx);
    await vi.waitFor(() => {
      expect(ctx.settingsLoaded).toBe(true);
    });
    controller.abort();
    await fake.storage.sync.set({ [SETTINGS_KEY]: stored });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ctx.settings).toEqual(DEFAULT_SETTINGS);
  });
});
