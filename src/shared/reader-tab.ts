/**
 * The tab the reader reads and the pages beside it, for the popup, side panel and options page:
 * which tab is in front, when that changes, opening the side panel and the options page. No
 * messaging here (that is shared/messaging.ts); everything fails calm.
 */
import type { Tabs } from 'webextension-polyfill';
import { ext, target } from './browser';

/** The tab the reader is looking at in this window, as far as an extension page can tell without the "tabs" permission. */
export interface ReaderTab {
  id: number;
  windowId: number;
}

export async function activeTab(): Promise<ReaderTab | null> {
  try {
    const { tabs } = ext();
    // A page in a tab of its own (the side panel's page opened in a window of its own) is not what
    // the reader reads: then it is the active tab of a browser window, not this one.
    // Typed as always a tab, but undefined in a side panel, a sidebar or a popup.
    const own = (await tabs.getCurrent()) as Tabs.Tab | undefined;
    const candidates = own
      ? (await tabs.query({ active: true, windowType: 'normal' })).filter((tab) => tab.id !== own.id)
      : await tabs.query({ active: true, currentWindow: true });
    const [tab] = candidates;
    return tab?.id === undefined || tab.windowId === undefined ? null : { id: tab.id, windowId: tab.windowId };
  } catch {
    return null;
  }
}

/**
 * Calls back when the reader looks at another tab or the tab in front loads a new page. Without
 * the "tabs" permission neither event says which page; the content script answers that.
 */
export function onReaderTabChanged(callback: () => void): () => void {
  const activated = (): void => {
    callback();
  };
  const updated = (_tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): void => {
    if (tab.active && change.status === 'complete') callback();
  };
  const { tabs } = ext();
  tabs.onActivated.addListener(activated);
  tabs.onUpdated.addListener(updated);
  return () => {
    tabs.onActivated.removeListener(activated);
    tabs.onUpdated.removeListener(updated);
  };
}

/** What each browser calls its panel beside the page; neither is in the polyfill's types for both. */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number } | { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) beside the article. Both browsers allow it
 * only in answer to the reader's click or key, so this must be called synchronously from the
 * handler, with the window known beforehand. Resolves whether it opened.
 */
export function openBesideArticle(windowId: number): Promise<boolean> {
  return openPanel({ windowId });
}

/** The same beside a tab, for a click in the page, which names its tab and not its window. */
export function openBesideTab(tabId: number): Promise<boolean> {
  return openPanel({ tabId });
}

function openPanel(where: { windowId: number } | { tabId: number }): Promise<boolean> {
  try {
    const api = ext() as unknown as PanelApis;
    const opening = target === 'firefox' || !api.sidePanel ? api.sidebarAction?.open() : api.sidePanel.open(where);
    return opening ? opening.then(() => true, () => false) : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

/** The settings beyond the popup's one switch live on the options page. */
export function openOptions(): Promise<void> {
  return ext().runtime.openOptionsPage().catch(() => undefined);
}
