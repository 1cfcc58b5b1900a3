/**
 * The content script's one MutationObserver. Its callback only queues what changed; the work
 * runs once per batch in a microtask, which is before the next paint (rendering never happens
 * between a mutation and the microtask checkpoint that follows it), so a widget inserted late
 * is hidden before it is ever drawn.
 */

export interface PageChange {
  /** Outermost added or changed nodes, still in the document. */
  added: Node[];
  /** Elements were removed (counts may have dropped). */
  removed: boolean;
  /** The address changed without a page load (single-page navigation). */
  urlChanged: boolean;
}

export type ChangeListener = (change: PageChange) => void;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function watchPage(doc: Document, signal: AbortSignal, listener: ChangeListener): { flush: () => void } {
  const win = doc.defaultView;
  let queue: Node[] = [];
  let removed = false;
  let scheduled = false;
  let lastUrl = doc.location.href;

  const flush = (): void => {
    scheduled = false;
    if (signal.aborted) return;
    const batch = new Set(queue);
    queue = [];
    const added: Node[] = [];
    for (const node of batch) {
      if (!node.isConnected) continue;
      let outer = true;
      for (let up = node.parentNode; up; up = up.parentNode) {
        if (batch.has(up)) {
          outer = false;
          break;
        }
      }
      if (outer) added.push(node);
    }
    const url = doc.location.href;
    const urlChanged = url !== lastUrl;
    lastUrl = url;
    const change: PageChange = { added, removed, urlChanged };
    removed = false;
    if (added.length || change.removed || urlChanged) listener(change);
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  };

  // The document's own realm: the same thing in a page, and right for a document made elsewhere.
  const Observer = win?.MutationObserver ?? MutationObserver;
  const observer = new Observer((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) queue.push(node);
        }
        if (record.removedNodes.length) removed = true;
      } else {
        queue.push(record.target);
      }
    }
    schedule();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['src', 'href'],
  });

  // Address changes the DOM does not show at once: back/forward, and pushState/replaceState where
  // the Navigation API reports them (the isolated world cannot wrap the page's own history).
  win?.addEventListener('popstate', schedule, { signal });
  const navigation = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  navigation?.addEventListener('currententrychange', schedule, { signal });

  signal.addEventListener('abort', () => {
    observer.disconnect();
  });
  return { flush };
}
