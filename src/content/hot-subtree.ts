/**
 * The observer of the document's light DOM, and what it does on a busy page. A ticker that
 * rewrites hundreds of cells every frame sends hundreds of records a frame, and every record
 * costs the page (it is made while the page's script runs) and us (it is handed over): together
 * more than the page's own script. Such a ticker only replaces text under one element. Once a
 * frame brings that many text-only records from under one element (the hot element), the hot
 * element is left out: its ancestors are observed without their subtrees (a new child is still
 * seen, and observed with its own) and their other children with theirs.
 *
 * Under the hot element, only a change in its number of elements is seen, read natively once a
 * frame: a widget arriving there is elements, and the whole hot element is searched then. Text
 * alone written there is not seen. Every two seconds its text is read in two frames in a row (a
 * native read, where observing it for a frame would hand over hundreds of records); once it stays
 * the same, the hot element has calmed down: the whole document is observed as before, and it is
 * searched.
 * The hot element never holds the story (see STORY), so the story is always observed.
 */
import { BOUNDARY } from '../core/find-blocks';

/** Text-only records in one frame that make their common ancestor hot. */
export const HOT_RECORDS = 100;
/** Frames between two looks at whether the hot element calmed down. */
const PROBE_FRAMES = 120;
/** What a hot element may not be nor hold: the page, its story (the containers a hidden block never grows into). */
const STORY = `${BOUNDARY}, head`;

export interface LightWatch {
  /** Observes the whole document (again). */
  observeAll(): void;
  /** A childList record: an element added to an ancestor of the hot element is observed with its subtree. */
  added(record: MutationRecord, node: Node): void;
  /** Once a frame, while not hot: how many of the frame's records only replaced text, and some of their targets. */
  frame(textOnly: number, targets: readonly Node[]): void;
  stop(): void;
}

/** The closest element holding all of `nodes`, in the document (not in a shadow root), or null. */
function commonAncestor(nodes: readonly Node[]): Element | null {
  let common: Element | null = null;
  for (const node of nodes) {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return null;
    if (!common) common = el;
    while (common && !common.contains(el)) common = common.parentElement;
    if (!common) return null;
  }
  return common;
}

/**
 * `search` hears of the hot element when its elements changed, and when it is let go. While an
 * element is hot, a frame callback of its own looks at it: one count a frame, nothing else.
 */
export function lightWatch(doc: Document, observer: MutationObserver, options: MutationObserverInit, search: (el: Element) => void): LightWatch {
  const win = doc.defaultView;
  /** Own children only, for the ancestors of the hot element. */
  const shallow: MutationObserverInit = { ...options, subtree: false, characterData: false };
  let hot: Element | null = null;
  const ancestors = new Set<Node>();
  let stopped = false;

  const observeAll = (): void => {
    observer.disconnect();
    observer.observe(doc.documentElement, options);
    hot = null;
    ancestors.clear();
  };

  /** The hot element's frame callback: its element count, and every PROBE_FRAMES frames whether it calmed down. */
  const watchHot = (el: Element): void => {
    const elements = el.getElementsByTagName('*');
    let count = elements.length;
    let frames = 0;
    /** Its text a frame ago, when this is the second frame of a look. */
    let before: string | null = null;
    const onFrame = (): void => {
      if (stopped || hot !== el) return;
      if (!el.isConnected) {
        observeAll();
        return;
      }
      if (before !== null) {
        const calm = el.textContent === before;
        before = null;
        if (calm) {
          observeAll();
          search(el);
          return;
        }
      } else if (++frames % PROBE_FRAMES === 0) {
        before = el.textContent;
      }
      const now = elements.length;
      if (now !== count) {
        count = now;
        search(el);
      }
      win?.requestAnimationFrame(onFrame);
    };
    win?.requestAnimationFrame(onFrame);
  };

  const leaveOut = (el: Element): void => {
    observer.disconnect();
    ancestors.clear();
    for (let child = el, parent = el.parentElement; parent; child = parent, parent = parent.parentElement) {
      ancestors.add(parent);
      observer.observe(parent, shallow);
      for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
        if (sibling !== child) observer.observe(sibling, options);
      }
    }
    observer.observe(el, shallow);
    hot = el;
    watchHot(el);
  };

  return {
    observeAll,
    added(record, node) {
      if (hot && node.nodeType === 1 && ancestors.has(record.target)) observer.observe(node, options);
    },
    frame(textOnly, targets) {
      if (hot || textOnly < HOT_RECORDS) return;
      const el = commonAncestor(targets);
      if (el?.isConnected && el.getRootNode() === doc && !el.matches(STORY) && !el.querySelector(STORY)) leaveOut(el);
    },
    stop() {
      stopped = true;
      observer.disconnect();
    },
  };
}
