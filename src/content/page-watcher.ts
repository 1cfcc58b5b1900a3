/**
 * How the content script learns that the page changed, in two phases.
 *
 * While the parser runs, a MutationObserver would hand over one record for every parsed node
 * (thousands on an article page, most of the script's cost). Instead the whole document is
 * offered once per frame, from a requestAnimationFrame callback registered at document_start,
 * so it runs before any the page registers and before that frame is painted. A listener can
 * afford this because its scan starts with one native look at the whole text (see findBlocks).
 *
 * Once the document is parsed, one MutationObserver takes over for what comes late (lazy
 * bodies, widgets, single-page navigation). Its callback only queues; the work runs once per
 * batch in a microtask, which is before the next paint: rendering never happens between a
 * mutation and the microtask checkpoint that follows it.
 */

export interface PageChange {
  /** 'parser': the document as parsed so far (each frame while parsing, once at DOMContentLoaded); 'mutation': what changed later. */
  source: 'parser' | 'mutation';
  /** Outermost added or changed nodes, still in the document (the root element for the parser). */
  added: Node[];
  /** Elements were removed (counts may have dropped). */
  removed: boolean;
  /** The address changed without a page load (single-page navigation). */
  urlChanged: boolean;
}

export type ChangeListener = (change: PageChange) => void;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Outermost nodes of a batch that are still in the document. */
function outermost(batch: Set<Node>): Node[] {
  const added: Node[] = [];
  for (const node of batch) {
    if (!node.isConnected) continue;
    let outer = true;
    for (let up = node.parentNode; up && outer; up = up.parentNode) outer = !batch.has(up);
    if (outer) added.push(node);
  }
  return added;
}

export function watchPage(doc: Document, signal: AbortSignal, listener: ChangeListener): void {
  const win = doc.defaultView;
  let queue: Node[] = [];
  let removed = false;
  let scheduled = false;
  let lastUrl = doc.location.href;

  const wholeDocument = (): void => {
    if (!signal.aborted) listener({ source: 'parser', added: [doc.documentElement], removed: true, urlChanged: false });
  };

  const flush = (): void => {
    scheduled = false;
    if (signal.aborted) return;
    const added = outermost(new Set(queue));
    queue = [];
    const url = doc.location.href;
    const urlChanged = url !== lastUrl;
    lastUrl = url;
    const change: PageChange = { source: 'mutation', added, removed, urlChanged };
    removed = false;
    if (added.length || change.removed || urlChanged) listener(change);
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  };

  const observe = (): void => {
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
    signal.addEventListener('abort', () => {
      observer.disconnect();
    });
  };

  if (doc.readyState === 'loading' && win) {
    // Until DOMContentLoaded, not until readyState changes: a frame can fall between the two.
    let parsed = false;
    const eachFrame = (): void => {
      if (signal.aborted || parsed) return;
      wholeDocument();
      win.requestAnimationFrame(eachFrame);
    };
    win.requestAnimationFrame(eachFrame);
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        parsed = true;
        wholeDocument();
        observe();
      },
      { once: true, signal },
    );
  } else {
    wholeDocument();
    observe();
  }

  // Address changes the DOM does not show at once: back/forward, and pushState/replaceState where
  // the Navigation API reports them (the isolated world cannot wrap the page's own history).
  win?.addEventListener('popstate', schedule, { signal });
  const navigation = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  navigation?.addEventListener('currententrychange', schedule, { signal });
}
