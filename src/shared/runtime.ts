/**
 * The one place besides the entry files that touches the extension API: settings storage and
 * messaging. Everything here fails calm: a broken storage area or a tab without our content
 * script gives defaults or `null`, never an exception in the caller.
 */
import type { Runtime, Storage } from 'webextension-polyfill';
import { ext } from './browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings, sanitizePatch, type Settings } from '../core/settings';
import { parseTabStatus, parseShowQuoteResult, type Message, type QuoteQuery, type ShowQuoteResult, type TabStatus } from './messages';

type Area = 'sync' | 'local';

async function readArea(area: Area): Promise<unknown> {
  const got = await ext().storage[area].get(SETTINGS_KEY);
  return got[SETTINGS_KEY];
}

/** storage.sync first (it follows the reader across devices), storage.local when sync is unavailable or empty. */
export async function loadSettings(): Promise<Settings> {
  for (const area of ['sync', 'local'] as const) {
    try {
      const raw = await readArea(area);
      if (raw !== undefined) return parseSettings(raw);
    } catch {
      // This area is unavailable (sync disabled, quota, corrupt profile): try the next.
    }
  }
  return { ...DEFAULT_SETTINGS };
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...sanitizePatch(patch) };
  try {
    await ext().storage.sync.set({ [SETTINGS_KEY]: next });
  } catch {
    await ext().storage.local.set({ [SETTINGS_KEY]: next });
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
