/** What the content script's features share: the page, one abort signal, settings, and what was found. */
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { PageVerdict } from '../core/page';
import type { PageChange } from './page-watcher';

export interface ContentContext {
  readonly doc: Document;
  readonly signal: AbortSignal;
  settings: Settings;
  verdict: PageVerdict | null;
  hiddenCount: number;
  /** Every batch of DOM changes, in the order features registered. */
  onPageChange(listener: (change: PageChange) => void): void;
  onSettings(listener: (settings: Settings) => void): void;
  /** Verdict or hidden count changed: tell the background (debounced by the report feature). */
  onFindings(listener: () => void): void;
  announce(event: 'findings'): void;
  dispatchPageChange(change: PageChange): void;
  dispatchSettings(settings: Settings): void;
}

export function createContext(doc: Document, signal: AbortSignal): ContentContext {
  const pageListeners: ((change: PageChange) => void)[] = [];
  const settingsListeners: ((settings: Settings) => void)[] = [];
  const findingsListeners: (() => void)[] = [];
  const ctx: ContentContext = {
    doc,
    signal,
    settings: { ...DEFAULT_SETTINGS },
    verdict: null,
    hiddenCount: 0,
    onPageChange: (l) => pageListeners.push(l),
    onSettings: (l) => settingsListeners.push(l),
    onFindings: (l) => findingsListeners.push(l),
    announce: () => {
      for (const l of findingsListeners) l();
    },
    dispatchPageChange: (change) => {
      for (const l of pageListeners) l(change);
    },
    dispatchSettings: (settings) => {
      ctx.settings = settings;
      for (const l of settingsListeners) l(settings);
    },
  };
  return ctx;
}
