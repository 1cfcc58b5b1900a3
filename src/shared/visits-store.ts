/**
 * The record of live-blog visits in storage.local, never storage.sync: it stays on this machine.
 * The background writes it (background/visits.ts); the options page counts it and forgets it. Only
 * those two touch it: a page without a live blog never reads storage for it. Fails calm: an area
 * that cannot be read gives an empty record, a write that fails is tried with the next report.
 */
import type { Storage } from 'webextension-polyfill';
import { ext } from './browser';
import { VISITS_KEY } from '../core/liveblog/visits';

/** The record as stored, unparsed (core/liveblog/visits.ts reads it); undefined where there is none. */
export async function loadVisits(): Promise<unknown> {
  try {
    return (await ext().storage.local.get(VISITS_KEY))[VISITS_KEY];
  } catch {
    return undefined;
  }
}

export async function saveVisits(record: unknown): Promise<void> {
  await ext().storage.local.set({ [VISITS_KEY]: record });
}

/** Forgets every blog. */
export async function forgetVisits(): Promise<void> {
  await ext().storage.local.remove(VISITS_KEY);
}

/** Calls back with the record whenever it changes. Returns an unsubscribe. */
export function onVisitsChanged(callback: (raw: unknown) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string): void => {
    const change = changes[VISITS_KEY];
    if (change && area === 'local') callback(change.newValue);
  };
  ext().storage.onChanged.addListener(listener);
  return () => {
    ext().storage.onChanged.removeListener(listener);
  };
}
