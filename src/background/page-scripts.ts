/**
 * The background's part in keeping the extension API off a page's common path
 * (content/settings-source.ts, content/features/report.ts):
 * - it registers `stored-settings.ts` beside the content script while the reader's settings
 *   differ from the defaults where every page load acts on them, and only then;
 * - it hands a settings change to the open Handelsblatt tabs;
 * - it asks a tab that finished loading for its badge count.
 * The last two run a function in the content scripts' world (`scripting.executeScript`), which
 * calls the door the content script left there (content/from-background.ts).
 * Everything fails calm: a tab that closed or is not ours is skipped.
 */
import browser from 'webextension-polyfill';
import { pageLoadNeedsStored, type Settings } from '../core/settings';
import { DOOR_KEY, STORED_SETTINGS_SCRIPT } from '../content/keys';
import { target } from '../shared/browser';
import { parseMessage, type PageReport } from '../shared/messages';

const SCRIPT_ID = 'lagebild-stored-settings';

/** Where the content scripts run: the manifest's host permissions. */
function pages(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/** Registers or unregisters stored-settings.ts as these settings ask. */
export async function matchSettingsScript(settings: Settings): Promise<void> {
  const wanted = pageLoadNeedsStored(settings);
  try {
    const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
    if (wanted && !registered) {
      await browser.scripting.registerContentScripts([
        { id: SCRIPT_ID, js: [STORED_SETTINGS_SCRIPT], matches: pages(), runAt: 'document_start', persistAcrossSessions: true },
      ]);
    } else if (!wanted && registered) {
      await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    }
  } catch {
    // A registration racing another (two changes at once) or a browser that refuses it: the next change tries again.
  }
}

/** The open tabs the content scripts run in. */
async function ourTabs(): Promise<number[]> {
  try {
    return (await browser.tabs.query({ url: pages() })).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  } catch {
    return [];
  }
}

/** Runs in the page, in the content scripts' world: hands the door the settings. */
function toDoorSettings(key: string, raw: unknown): void {
  const door = (globalThis as Record<symbol, { settings?: (raw: unknown) => void } | undefined>)[Symbol.for(key)];
  door?.settings?.(raw);
}

/** Runs in the page, in the content scripts' world: the door's badge counts, or null without a door. */
function fromDoorBadge(key: string): unknown {
  const door = (globalThis as Record<symbol, { badge?: () => unknown } | undefined>)[Symbol.for(key)];
  return door?.badge?.() ?? null;
}

export async function pushSettings(settings: Settings): Promise<void> {
  const tabs = await ourTabs();
  await Promise.all(
    tabs.map((tabId) =>
      browser.scripting.executeScript({ target: { tabId }, func: toDoorSettings, args: [DOOR_KEY, settings] }).catch(() => undefined),
    ),
  );
}

/** The badge's counts of the page in this tab (hidden blocks, new entries); null where no content script of ours answers. */
export async function pullBadge(tabId: number): Promise<PageReport | null> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: fromDoorBadge, args: [DOOR_KEY] });
    const report = parseMessage(typeof result?.result === 'object' ? { ...result.result, type: 'lagebild/page-report' } : null);
    return report?.type === 'lagebild/page-report' ? report : null;
  } catch {
    return null;
  }
}

/** Calls back with each tab of ours that finished loading a page. */
export function onPageLoaded(callback: (tabId: number) => void): void {
  const listener = (tabId: number, change: { status?: string }): void => {
    if (change.status === 'complete') callback(tabId);
  };
  // Firefox filters in the browser, so other sites' tabs never wake the background; Chrome has no filter.
  if (target === 'firefox') browser.tabs.onUpdated.addListener(listener, { urls: pages(), properties: ['status'] });
  else {
    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      if (tab.url !== undefined) listener(tabId, change);
    });
  }
}
