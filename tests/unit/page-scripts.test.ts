// @vitest-environment happy-dom
/**
 * The background's part in keeping the extension API off a page's common path
 * (src/background/page-scripts.ts): the settings script registered only while a setting every
 * page acts on differs from its default; a change handed to each open tab's door; the badge's
 * count asked of a tab that finished loading. The functions the background runs in a tab run
 * here, against the door the content script opens (src/content/from-background.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/content/context';
import { openDoor } from '../../src/content/from-background';
import { DOOR_KEY, STORED_SETTINGS_SCRIPT } from '../../src/content/keys';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';

interface Registration { id: string; js: string[]; matches: string[]; runAt: string }
type Injection = { target: { tabId: number }; func: (...args: unknown[]) => unknown; args: unknown[] };

const api = vi.hoisted(() => ({
  registered: [] as Registration[],
  tabs: [] as { id?: number }[],
  injected: [] as number[],
  /** Tabs whose page the extension may not script. */
  refused: new Set<number>(),
  updated: null as ((tabId: number, change: { status?: string }, tab: { url?: string }) => void) | null,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getManifest: () => ({ host_permissions: ['*://*.handelsblatt.com/*'] }) },
    scripting: {
      getRegisteredContentScripts: ({ ids }: { ids: string[] }) => Promise.resolve(api.registered.filter((r) => ids.includes(r.id))),
      registerContentScripts: (scripts: Registration[]) => {
        api.registered.push(...scripts);
        return Promise.resolve();
      },
      unregisterContentScripts: ({ ids }: { ids: string[] }) => {
        api.registered = api.registered.filter((r) => !ids.includes(r.id));
        return Promise.resolve();
      },
      // Runs the function here, in this test's global, where the content script's door is.
      executeScript: ({ target, func, args }: Injection) => {
        api.injected.push(target.tabId);
        if (api.refused.has(target.tabId)) return Promise.reject(new Error('Cannot access contents of the page.'));
        return Promise.resolve([{ result: func(...args) }]);
      },
    },
    tabs: {
      query: ({ url }: { url: string[] }) => (url.length ? Promise.resolve(api.tabs) : Promise.reject(new Error('no pattern'))),
      onUpdated: {
        addListener: (listener: typeof api.updated) => {
          api.updated = listener;
        },
      },
    },
  },
}));

const { matchSettingsScript, onPageLoaded, pullBadge, pushSettings } = await import('../../src/background/page-scripts');

/** A content script's context with its door open, as start.iife.ts leaves it. */
function pageWithDoor() {
  const controller = new AbortController();
  const ctx = createContext(document, controller.signal);
  ctx.dispatchSettings({ ...DEFAULT_SETTINGS });
  openDoor(ctx, controller);
  return { ctx, controller };
}

beforeEach(() => {
  // The content script's guard asks whether its extension still lives.
  vi.stubGlobal('browser', { runtime: { id: 'lagebild@test' } });
  api.registered = [];
  api.tabs = [];
  api.injected = [];
  api.refused.clear();
  Reflect.deleteProperty(globalThis, Symbol.for(DOOR_KEY));
});

describe('the settings script', () => {
  it('is registered while a setting every page acts on differs from its default, and only then', async () => {
    await matchSettingsScript({ ...DEFAULT_SETTINGS });
    expect(api.registered).toEqual([]);
    await matchSettingsScript({ ...DEFAULT_SETTINGS, language: 'en', entryMarkers: false, cardDismissed: true });
    expect(api.registered).toEqual([]);
    for (const change of [{ hideJobAds: false }, { quietReading: true }, { cardOnArticles: true }] satisfies Partial<Settings>[]) {
      await matchSettingsScript({ ...DEFAULT_SETTINGS, ...change });
      await matchSettingsScript({ ...DEFAULT_SETTINGS, ...change });
      expect(api.registered).toEqual([
        expect.objectContaining({ js: [STORED_SETTINGS_SCRIPT], matches: ['*://*.handelsblatt.com/*'], runAt: 'document_start' }),
      ]);
      await matchSettingsScript({ ...DEFAULT_SETTINGS });
      expect(api.registered).toEqual([]);
    }
  });
});

describe('a settings change', () => {
  it('reaches the door of every open tab of ours; a tab that refuses or has no door is passed over', async () => {
    const { ctx } = pageWithDoor();
    api.tabs = [{ id: 4 }, { id: 5 }, {}];
    api.refused.add(4);
    const settings = { ...DEFAULT_SETTINGS, hideJobAds: false };
    await pushSettings(settings);
    expect(api.injected).toEqual([4, 5]);
    expect(ctx.settings).toEqual(settings);
  });
});

describe('the badge’s count', () => {
  it('is the door’s, which from then on has the page report changes', async () => {
    const { ctx, controller } = pageWithDoor();
    ctx.hiddenCount = 3;
    expect(ctx.badgeShows).toBeNull();
    expect(await pullBadge(9)).toEqual({ type: 'lagebild/page-report', hiddenCount: 3, fresh: 0 });
    expect(ctx.badgeShows).toEqual({ hiddenCount: 3, fresh: 0 });
    controller.abort();
    expect(await pullBadge(9)).toBeNull();
  });

  it('is null where no content script of ours opened a door, or the page refuses', async () => {
    expect(await pullBadge(9)).toBeNull();
    pageWithDoor();
    api.refused.add(9);
    expect(await pullBadge(9)).toBeNull();
  });

  it('is asked when a tab of ours finished loading, not before, nor in tabs of other sites', () => {
    const loaded: number[] = [];
    onPageLoaded((tabId) => loaded.push(tabId));
    api.updated!(1, { status: 'loading' }, { url: 'https://www.handelsblatt.com/a' });
    api.updated!(1, { status: 'complete' }, { url: 'https://www.handelsblatt.com/a' });
    // Without the "tabs" permission the browser gives no address of another site's tab.
    api.updated!(2, { status: 'complete' }, {});
    expect(loaded).toEqual([1]);
  });
});
