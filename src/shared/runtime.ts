/**
 * The one place besides the entry files that touches the extension API: settings storage and
 * messaging. Everything here fails calm: a broken storage area or a tab without our content
 * script gives defaults or `null`, never an exception in the caller.
 */
import type { Runtime, Storage } from 'webextension-polyfill';
import { ext } from './browser';
import { SETTINGS_KEY, latestStored, parseSettings, sanitizePatch, stampSettings, type Settings } from '../core/settings';
import { parseTabStatus, parseShowQuoteResult, type Message, type QuoteQuery, type ShowQuoteResult, type TabStatus } from './messages';

type Area = 'sync' | 'local';

/** What the area holds, or undefined when it holds nothing or cannot be read (sync disabled, corrupt profile). */
async function readArea(area: Area): Promise<unknown> {
  try {
    const got = await ext().storage[area].get(SETTINGS_KEY);
    return got[SETTINGS_KEY];
  } catch {
    return undefined;
  }
}

/** Both areas at once: a save that sync refused lives in local and must win over sync's older copy. */
async function readStored(): Promise<unknown> {
  const [sync, local] = await Promise.all([readArea('sync'), readArea('local')]);
  return latestStored(sync, local);
}

/** The settings saved last, in storage.sync (it follows the reader across devices) or storage.local. */
export async function loadSettings(): Promise<Settings> {
  return parseSettings(await readStored());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const stored = await readStored();
  const next = { ...parseSettings(stored), ...sanitizePatch(patch) };
  const item = { [SETTINGS_KEY]: stampSettings(next, stored, Date.now()) };
  try {
    await ext().storage.sync.set(item);
  } catch {
    await ext().storage.local.set(item);
  }
  return next;
}

/** Calls back with the new settings whenever they change in either area. Returns an unsubscribe. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>): void => {
    const change = changes[SETTINGS_KEY];
    if (change) callback(parseSettings(change.newValue));
  };
  ext().storage.onChanged.addListener(listener);
  return () => {
    ext().storage.onChanged.removeListener(listener);
  };
}

/** True when a message comes from this extension itself (its pages or its content scripts). */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === ext().runtime.id;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(null);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

async function activeTabId(): Promise<number | null> {
  try {
    const [tab] = await ext().tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * Asks the active tab's content script what it found, and which of `quotes` the page holds;
 * null when there is no content script or it does not answer in time.
 */
export async function requestTabStatus(quotes: QuoteQuery[] = [], timeoutMs = 600): Promise<TabStatus | null> {
  const tabId = await activeTabId();
  if (tabId === null) return null;
  const message: Message = { type: 'lagebild/status', quotes };
  const raw = await withTimeout(ext().tabs.sendMessage(tabId, message), timeoutMs);
  return parseTabStatus(raw);
}

export async function requestShowQuote(quote: QuoteQuery, timeoutMs = 1000): Promise<ShowQuoteResult> {
  const tabId = await activeTabId();
  if (tabId === null) return { shown: false };
  const message: Message = { type: 'lagebild/show-quote', quote };
  return parseShowQuoteResult(await withTimeout(ext().tabs.sendMessage(tabId, message), timeoutMs));
}
