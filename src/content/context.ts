/** What the content script's features share: the page, one abort signal, settings, and what was found. */
import { DEFAULT_SETTINGS, sameSettings, type Settings } from '../core/settings';
import type { PageVerdict } from '../core/page';
import type { StatusRequest, TabStatus } from '../shared/messages';
import type { PageChange } from './page-watcher';

export interface ContentContext {
  readonly doc: Document;
  readonly signal: AbortSignal;
  settings: Settings;
  /**
   * `settings` are the reader's: read from storage, or known to be the defaults (settings-source.ts).
   * Until then they hold the defaults.
   */
  settingsLoaded: boolean;
  /** This page reads the stored settings and follows their changes (stored-reader.ts): once, whoever asks first. */
  readsStorage: boolean;
  verdict: PageVerdict | null;
  hiddenCount: number;
  /** The counts the toolbar badge shows for this page; null until the background asked for them (from-background.ts). */
  badgeShows: { hiddenCount: number; fresh: number } | null;
  /** On a live blog: how many of its entries are about the event, of how many, how many of them new since the last visit. */
  liveblog: TabStatus['liveblog'];
  /** The page features (page.iife.ts) run in this page: they start once however often they are run. */
  pageFeatures: boolean;
  /** Every batch of DOM changes, in the order features registered. */
  onPageChange(listener: (change: PageChange) => void): void;
  /** Called with every settings change; at once too when they were known before the listener came. */
  onSettings(listener: (settings: Settings) => void): void;
  /** Verdict or hidden count changed: tell whoever follows them (the badge report, the card). */
  onFindings(listener: () => void): void;
  announceFindings(): void;
  /** Adds what only this feature knows (the quotes the page holds) to the popup's status answer. */
  onStatusRequest(contributor: (request: StatusRequest, answer: TabStatus) => void): void;
  /** The answer to the popup's status request; null until the page was recognised. */
  statusFor(request: StatusRequest): TabStatus | null;
  dispatchPageChange(change: PageChange): void;
  dispatchSettings(settings: Settings): void;
}

export function createContext(doc: Document, signal: AbortSignal): ContentContext {
  const pageListeners: ((change: PageChange) => void)[] = [];
  const settingsListeners: ((settings: Settings) => void)[] = [];
  const findingsListeners: (() => void)[] = [];
  const statusContributors: ((request: StatusRequest, answer: TabStatus) => void)[] = [];
  const ctx: ContentContext = {
    doc,
    signal,
    settings: { ...DEFAULT_SETTINGS },
    settingsLoaded: false,
    verdict: null,
    hiddenCount: 0,
    badgeShows: null,
    liveblog: null,
    pageFeatures: false,
    readsStorage: false,
    onPageChange: (l) => pageListeners.push(l),
    onSettings: (l) => {
      settingsListeners.push(l);
      if (ctx.settingsLoaded) l(ctx.settings);
    },
    onFindings: (l) => findingsListeners.push(l),
    announceFindings: () => {
      for (const l of findingsListeners) l();
    },
    onStatusRequest: (c) => statusContributors.push(c),
    statusFor: (request) => {
      if (ctx.verdict === null) return null;
      const answer: TabStatus = { verdict: ctx.verdict, hiddenCount: ctx.hiddenCount, hidden: [], settings: ctx.settings, quotesFound: [], liveblog: ctx.liveblog };
      for (const c of statusContributors) c(request, answer);
      return answer;
    },
    dispatchPageChange: (change) => {
      for (const l of pageListeners) l(change);
    },
    dispatchSettings: (settings) => {
      // The same settings again (the background's word and storage's event both tell a change): nothing to do.
      if (ctx.settingsLoaded && sameSettings(settings, ctx.settings)) return;
      ctx.settings = settings;
      ctx.settingsLoaded = true;
      for (const l of settingsListeners) l(settings);
    },
  };
  return ctx;
}

/**
 * The two content scripts (first paint, then the rest) run in the same isolated world of this
 * extension, which the page cannot see: the first leaves the context here for the second.
 */
const SHARED = Symbol.for('lagebild.content-context');

export function shareContext(ctx: ContentContext): void {
  (globalThis as Record<symbol, unknown>)[SHARED] = ctx;
}

export function sharedContext(): ContentContext | null {
  return ((globalThis as Record<symbol, unknown>)[SHARED] as ContentContext | undefined) ?? null;
}
