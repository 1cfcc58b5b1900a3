/**
 * Settings storage, for every part of the extension (messaging is shared/messaging.ts). Reading
 * fails calm: a broken area gives the other area's copy or the defaults, never an exception; a
 * save rejects only when neither area takes it, so the caller can say so.
 */
import type { Storage } from 'webextension-polyfill';
import { ext } from './browser';
import { SETTINGS_KEY, latestStored, parseSettings, sanitizePatch, stampSettings, type Settings } from '../core/settings';

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
