/**
 * The one module that sends and listens for the extension's messages (the contract is messages.ts).
 * Senders check every answer with its parser; listeners take only this extension's senders and
 * messages that fit the contract. Everything fails calm: no receiver, a late or malformed answer
 * gives null (or "not shown"), never an exception in the caller.
 */
import type { Runtime } from 'webextension-polyfill';
import { ext } from './browser';
import {
  parseCardContent,
  parseLiveblogProfile,
  parseLiveblogState,
  parseMessage,
  parseShowQuoteResult,
  parseTabStatus,
  parseVisitRecall,
  parseWatchedIds,
  type CardContent,
  type LiveblogProfile,
  type LiveblogState,
  type MarkCleared,
  type Message,
  type PageChanged,
  type PageReport,
  type QuoteQuery,
  type QuotesInView,
  type ShowQuoteResult,
  type TabStatus,
  type VisitRecall,
  type VisitReport,
} from './messages';
import { activeTab } from './reader-tab';

type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** Who sent a message: a content script's tab, or null for the extension's own pages. */
export interface Sender {
  tabId: number | null;
  /** The tab is in a private window (incognito in Chrome, private browsing in Firefox): nothing of it is remembered. */
  incognito: boolean;
}

/**
 * What a receiver does with each message type: its return value (or what its promise resolves to)
 * is the answer; undefined leaves the message to other receivers.
 */
export type Handlers = { [T in Message['type']]?: (message: MessageOf<T>, sender: Sender) => unknown };

type Listener = (raw: unknown, sender: Runtime.MessageSender, sendResponse: (answer: unknown) => void) => boolean;

/** True when a message comes from this extension itself (its pages or its content scripts). */
function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === ext().runtime.id;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Answers through sendResponse, the one form both browsers' native APIs accept: at once for a
 * plain value (false: no sender is kept waiting), later for a promise (true keeps the channel open).
 * Listening stops when `signal` aborts.
 */
export function listen(handlers: Handlers, signal?: AbortSignal): void {
  const listener: Listener = (raw, sender, sendResponse) => {
    if (signal?.aborted || !isOwnSender(sender)) return false;
    const message = parseMessage(raw);
    const handler = message && (handlers[message.type] as ((m: Message, s: Sender) => unknown) | undefined);
    if (!handler) return false;
    let answer: unknown;
    try {
      answer = handler(message, { tabId: sender.tab?.id ?? null, incognito: sender.tab?.incognito === true });
    } catch {
      // A failing receiver must not surface in the page; the sender gets no answer and shows nothing.
      return false;
    }
    if (answer === undefined) return false;
    if (!isPromise(answer)) {
      sendResponse(answer);
      return false;
    }
    answer.then(sendResponse, () => {
      sendResponse(undefined);
    });
    return true;
  };
  const onMessage = ext().runtime.onMessage as unknown as {
    addListener(l: Listener): void;
    removeListener(l: Listener): void;
  };
  onMessage.addListener(listener);
  signal?.addEventListener('abort', () => {
    try {
      onMessage.removeListener(listener);
    } catch {
      // The extension is gone; its listener went with it.
    }
  });
}

/**
 * The page features' script as built (crxjs keeps the source path, .ts → .js; the manifest's
 * live-blog entry names the same file). A page gets it from its manifest entry on the live blog,
 * from the background when the content script asks (`requestPageFeatures`), and from the popup or
 * side panel before they ask the tab anything. Running it again in the same page does nothing.
 */
export const PAGE_FEATURES_SCRIPT = 'src/content/page.iife.js';

/** Runs the page features in a tab's top frame; false where the extension may not (not Handelsblatt, a closed tab). */
export async function runPageFeatures(tabId: number): Promise<boolean> {
  try {
    // From the root: Firefox resolves a relative path against the calling page (src/panel/…).
    await ext().scripting.executeScript({ target: { tabId }, files: [`/${PAGE_FEATURES_SCRIPT}`] });
    return true;
  } catch {
    return false;
  }
}

/** Content script → background: run the page features in this tab. */
export function requestPageFeatures(): void {
  const message: Message = { type: 'lagebild/join' };
  ext()
    .runtime.sendMessage(message)
    .catch(() => {
      // Starting up or reloaded: the page stays without its card until the next navigation asks again.
    });
}

/** Content script → background: the badge's report. Rejects when no background answers. */
export async function reportPage(report: PageReport): Promise<void> {
  await ext().runtime.sendMessage(report);
}

/** Content script → background: the context card's text; null when the background is not there. */
export async function requestCard(): Promise<CardContent | null> {
  const message: Message = { type: 'lagebild/card' };
  try {
    return parseCardContent(await ext().runtime.sendMessage(message));
  } catch {
    // Starting up, or the extension was reloaded: no card this time; the next change asks again.
    return null;
  }
}

/** Content script → background: what ties a live-blog entry to the briefing; null when the background is not there. */
export async function requestLiveblogProfile(): Promise<LiveblogProfile | null> {
  const message: Message = { type: 'lagebild/liveblog-profile' };
  try {
    return parseLiveblogProfile(await ext().runtime.sendMessage(message));
  } catch {
    return null;
  }
}

/** Live-blog features → background: remember this visit's entries; what was known before it, or null where nothing is remembered. */
export async function rememberVisit(report: VisitReport): Promise<VisitRecall | null> {
  try {
    return parseVisitRecall(await ext().runtime.sendMessage(report));
  } catch {
    // Starting up or reloaded: the next report (the next change of the blog) is remembered.
    return null;
  }
}

/**
 * In-page marker → background: open the side panel beside this tab. Must be sent from the reader's
 * click, which the browser may count as the gesture opening a panel needs; resolves whether it opened.
 */
export async function requestOpenPanel(): Promise<boolean> {
  const message: Message = { type: 'lagebild/open-panel' };
  try {
    const answer: unknown = await ext().runtime.sendMessage(message);
    return typeof answer === 'object' && answer !== null && (answer as { opened?: unknown }).opened === true;
  } catch {
    return false;
  }
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

/**
 * Popup or side panel → a tab's content script (`tabId`, else the active tab's), once the page
 * features run there; null without a tab, a content script, or an answer in time. A tab the
 * extension may not script is not asked at all: no content script of ours runs there.
 */
async function askTab(tabId: number | undefined, message: Message, timeoutMs: number): Promise<unknown> {
  const id = tabId ?? (await activeTab())?.id ?? null;
  if (id === null || !(await runPageFeatures(id))) return null;
  return withTimeout(ext().tabs.sendMessage(id, message), timeoutMs);
}

/** What the tab's content script found, and which of `quotes` the page holds. */
export async function requestTabStatus(quotes: QuoteQuery[] = [], timeoutMs = 600, tabId?: number): Promise<TabStatus | null> {
  return parseTabStatus(await askTab(tabId, { type: 'lagebild/status', quotes }, timeoutMs));
}

export async function requestShowQuote(quote: QuoteQuery, timeoutMs = 1000, tabId?: number): Promise<ShowQuoteResult> {
  return parseShowQuoteResult(await askTab(tabId, { type: 'lagebild/show-quote', quote }, timeoutMs));
}

/** Asks the tab to report which of `quotes` come into view as the reader scrolls; resolves the IDs it watches. */
export async function requestWatchQuotes(tabId: number, quotes: QuoteQuery[], timeoutMs = 1000): Promise<string[]> {
  return parseWatchedIds(await askTab(tabId, { type: 'lagebild/watch-quotes', quotes }, timeoutMs));
}

/** The tab's live-blog entries about the event; null where the tab has no live blog or did not answer. */
export async function requestLiveblog(tabId: number, timeoutMs = 1000): Promise<LiveblogState | null> {
  return parseLiveblogState(await askTab(tabId, { type: 'lagebild/liveblog' }, timeoutMs));
}

/** Side panel → the tab's content script: every entry of its live blog counts as seen; the new state, or null. */
export async function requestMarkSeen(tabId: number, timeoutMs = 1000): Promise<LiveblogState | null> {
  return parseLiveblogState(await askTab(tabId, { type: 'lagebild/mark-seen' }, timeoutMs));
}

export async function requestShowEntry(id: string, tabId: number, timeoutMs = 1000): Promise<ShowQuoteResult> {
  return parseShowQuoteResult(await askTab(tabId, { type: 'lagebild/show-entry', id }, timeoutMs));
}

/** What the page features tell extension pages unasked. */
export type TabNews = QuotesInView | MarkCleared | PageChanged | LiveblogState;

/** Page features → extension pages that listen (the side panel); nobody listening is fine. */
export function announce(news: TabNews): void {
  try {
    ext()
      .runtime.sendMessage(news)
      .catch(() => undefined);
  } catch {
    // The extension was reloaded: this content script has nobody left to tell.
  }
}

/** Calls back with what this extension's content scripts announce, and from which tab. Returns an unsubscribe. */
export function onTabNews(callback: (news: TabNews, tabId: number) => void): () => void {
  const controller = new AbortController();
  // Each returns undefined: news wants no answer, and an extension page must not answer for the background.
  const tell = (news: TabNews, { tabId }: Sender): undefined => {
    if (tabId !== null) callback(news, tabId);
    return undefined;
  };
  listen(
    { 'lagebild/quotes-in-view': tell, 'lagebild/mark-cleared': tell, 'lagebild/page-changed': tell, 'lagebild/liveblog-state': tell },
    controller.signal,
  );
  return () => {
    controller.abort();
  };
}
