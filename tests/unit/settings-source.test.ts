// @vitest-environment happy-dom
/**
 * Where a page's settings come from (src/content/settings-source.ts): the defaults without a word
 * to storage, unless the background registered stored-settings.ts, which may run before or after
 * the content script; a change from the background; the page features' own read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext, type ContentContext } from '../../src/content/context';
import { followSettings, receiveSettings } from '../../src/content/settings-source';
import { STORED_SETTINGS_KEY } from '../../src/content/keys';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/core/settings';
import { resetFakeBrowser, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;
const mark = Symbol.for(STORED_SETTINGS_KEY);

beforeEach(() => {
  fake = resetFakeBrowser();
  vi.stubGlobal('browser', fake);
  Reflect.deleteProperty(globalThis, mark);
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A page's context with a listener recording every settings dispatch. */
function page(): { ctx: ContentContext; seen: Settings[]; controller: AbortController } {
  const controller = new AbortController();
  const ctx = createContext(document, controller.signal);
  const seen: Settings[] = [];
  ctx.onSettings((s) => seen.push(s));
  return { ctx, seen, controller };
}

const stored: Settings = { ...DEFAULT_SETTINGS, hideJobAds: false };

describe('a page’s settings', () => {
  it('are the defaults at once, with no storage read, where stored-settings.ts did not run', async () => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: stored });
    const reads = vi.spyOn(fake.storage.sync, 'get');
    const { ctx, seen, controller } = page();
    followSettings(ctx, controller);
    expect(seen).toEqual([DEFAULT_SETTINGS]);
    expect(ctx.settingsLoaded).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).not.toHaveBeenCalled();
  });

  it.each(['before', 'after'] as const)('are read from storage where stored-settings.ts ran %s the content script', async (when) => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: stored });
    const { ctx, seen, controller } = page();
    if (when === 'before') await import('../../src/content/stored-settings');
    followSettings(ctx, controller);
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

  it('follow the background’s word of a change, once however often it is told', () => {
    const { ctx, seen, controller } = page();
    followSettings(ctx, controller);
    receiveSettings(ctx, stored);
    receiveSettings(ctx, { ...stored });
    expect(seen).toEqual([DEFAULT_SETTINGS, stored]);
    // A malformed word falls back to the defaults field by field, as a read of storage does.
    receiveSettings(ctx, { hideJobAds: 'no' });
    expect(ctx.settings).toEqual(DEFAULT_SETTINGS);
    controller.abort();
    receiveSettings(ctx, stored);
    expect(ctx.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('are read when the page features ask, and not known until then', async () => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, entryMarkers: false } });
    const { ctx, controller } = page();
    followSettings(ctx, controller);
    ctx.readStoredSettings();
    expect(ctx.settingsLoaded).toBe(false);
    const late: Settings[] = [];
    ctx.onSettings((s) => late.push(s));
    expect(late).toEqual([]);
    await vi.waitFor(() => {
      expect(late).toEqual([{ ...DEFAULT_SETTINGS, entryMarkers: false }]);
    });
  });
});
