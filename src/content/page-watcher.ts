/**
 * How the content script learns that the page changed, in two phases.
 *
 * While the parser runs, a MutationObserver would hand over one record for every parsed node
 * (thousands on an article page, most of the script's cost). Instead the document is offered
 * once per frame, from a requestAnimationFrame callback registered at document_start, so it runs
 * before any the page registers and before that frame is painted. With it comes the text parsed
 * since the frame before (see textAfter): a listener looks at that, not at the whole
 * page again, and searches the document only when the new text gives it a reason.
 *
 * Once the document is parsed, one MutationObserver takes over for what comes late (lazy
 * bodies, widgets, single-page navigation), on the document and on every shadow root found
 * (shadow-roots.ts). Its callback only queues; the queue is handled once per animation frame,
 * from a requestAnimationFrame callback, which runs before that frame is painted (uBlock
 * Origin's pattern): a page that changes the DOM many times per frame costs one pass per frame.
 * Two cases cannot wait for our frame callback, and are handled in the microtask after the
 * change instead, which is before the next paint too: the first change after a quiet spell (no
 * frame callback is pending, and one asked for now might only come a frame later, if the page
 * is inside its own frame callbacks), and changes made after our callback ran in this frame (by
 * the page's later frame callbacks), until the next frame begins. A part of the page that
 * rewrites its text hundreds of times a frame (a ticker) is left out of the observer
 * (hot-subtree.ts).
 */

import { HOT_RECORDS, lightWatch, type LightWatch } from './hot-subtree';
import { shadowScout, type ShadowScout } from './shadow-roots';
import { parsedSince, readPart, wholeText } from './parsed-text';

export interface PageChange {
  /**
   * 'parsing': the document as parsed so far, each frame until DOMContentLoaded; 'parsed': the
   * whole document once it is (or at once, on a document already parsed); 'mutation': what changed later.
   */
  source: 'parsing' | 'parsed' | 'mutation';
  /** Outermost added or changed nodes, still in the document (the root element for the parser), and shadow roots found. */
  added: Node[];
  /**
   * 'parsing': the text parsed since the previous frame, from a little before where that one ended
   * (so words split between two frames stand whole in one of them), the whole text at the first.
   * 'parsed': '' when the frames' texts hold the whole text (see `readPart`), else the whole
   * document's text. null for 'mutation': look at `added` itself.
   */
  parsedText: string | null;
  /**
   * Something changed that `added` does not hold (counts may have dropped, a text index is stale):
   * the parse is done, a child list changed, or a text changed that cannot start a search.
   */
  removed: boolean;
  /** The address changed without a page load (single-page navigation). */
  urlChanged: boolean;
  /** 'parsing': the last node parsed, where the parser adds next; the elements it is inside are still open. */
  parserAt?: Node;
}

export type ChangeListener = (change: PageChange) => void;

/**
 * Frames the frame loop keeps running after the last change: a busy page keeps it going. Few: a
 * change after a quiet spell is taken in the microtask anyway (see the top), and every idle frame
 * is a callback into this script on a page at rest (some 0.15 ms each on the bench's real page).
 */
const IDLE_FRAMES = 2;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['src', 'href'] };
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

/** Shadow roots, as the scout finds them: observed at once, and offered to the listener as changes of their own by `offer`. */
interface ShadowRoots {
  scout: ShadowScout;
  offer: () => void;
}

/** The shadow roots phase: `observe` watches each root from the moment it is found, while parsing too (the parser fills a declarative root as it goes). */
function watchShadowRoots(doc: Document, signal: AbortSignal, listener: ChangeListener, observe: (root: ShadowRoot) => void): ShadowRoots {
  const pending: ShadowRoot[] = [];
  const scout = shadowScout(
    doc,
    (root) => {
      observe(root);
      pending.push(root);
    },
    signal,
  );
  const offer = (): void => {
    for (let root = pending.shift(); root; root = pending.shift()) {
      if (!signal.aborted) listener({ source: 'mutation', added: [root], parsedText: null, removed: false, urlChanged: false });
    }
  };
  return { scout, offer };
}

/** What the observers' records leave for the next pass. */
interface Backlog {
  /** Added or changed nodes to hand on. */
  queue: Node[];
  /** Something changed that the queue does not hold (see PageChange.removed). */
  removed: boolean;
  /** Records of this frame that only replaced text (see hot-subtree.ts), and every 16th one's target. */
  textOnly: number;
  targets: Node[];
}

function replacedText(backlog: Backlog, target: Node): void {
  if ((backlog.textOnly++ & 15) === 0) backlog.targets.push(target);
}

/** Sorts a batch of records into the backlog; see watchPage for `textMatters`. */
function takeRecords(backlog: Backlog, records: MutationRecord[], textMatters: (text: string) => boolean, light: LightWatch): void {
  for (const record of records) {
    if (record.type === 'childList') {
      let elements = false;
      for (const node of record.addedNodes) {
        if (node.nodeType === ELEMENT_NODE) {
          elements = true;
          backlog.queue.push(node);
          light.added(record, node);
        } else if (node.nodeType === TEXT_NODE && textMatters((node as Text).data)) {
          backlog.queue.push(node);
        }
      }
      if (!elements) replacedText(backlog, record.target);
      // Not read from removedNodes: on a busy page each read is an object more per record, and
      // the listener checks what it holds itself.
      backlog.removed = true;
    } else if (record.type === 'characterData' && !textMatters((record.target as Text).data)) {
      replacedText(backlog, record.target);
      backlog.removed = true;
    } else {
      backlog.queue.push(record.target);
    }
  }
}

/**
 * When a pass over the changes runs: `pass` once per animation frame while the page changes (it
 * says whether this frame was busy, and whether something still waits for later frames), and
 * `flush` in the microtask after a change that cannot wait for our frame callback (see the top).
 */
function passScheduler(doc: Document, signal: AbortSignal, flush: () => void, pass: () => { busy: boolean; waiting: boolean }): () => void {
  const win = doc.defaultView;
  let microtaskPending = false;
  let framePending = false;
  /**
   * The document timeline's time when our frame callback last ran: while it still reads the same,
   * this frame's callbacks may be running after ours (or the frame is over and ours comes first in
   * the next). It moves once a frame, before the frame callbacks. (A timer each frame, to tell the
   * same, cost the busy bench page some 5 to 10 ms in 3 s.)
   */
  const timeline = (doc as { timeline?: AnimationTimeline }).timeline; // Not in jsdom.
  let ourFrameTime: CSSNumberish | null = null;
  const afterOurFrame = (): boolean => ourFrameTime !== null && timeline?.currentTime === ourFrameTime;
  let idleFrames = 0;
  const onFrame = (): void => {
    framePending = false;
    if (signal.aborted) return;
    const { busy, waiting } = pass();
    ourFrameTime = timeline?.currentTime ?? null;
    idleFrames = busy ? 0 : idleFrames + 1;
    if (idleFrames < IDLE_FRAMES || waiting) requestFrame();
  };
  const requestFrame = (): void => {
    if (framePending || !win) return;
    framePending = true;
    win.requestAnimationFrame(onFrame);
  };
  return () => {
    if ((!framePending || !win || afterOurFrame()) && !microtaskPending) {
      microtaskPending = true;
      queueMicrotask(() => {
        microtaskPending = false;
        flush();
      });
    }
    idleFrames = 0;
    requestFrame();
  };
}

/** The observer phase: the light DOM's observer and the shadow roots' one, their records handled once a frame. */
interface Observers {
  light: LightWatch;
  /** Asks for a pass: in this frame's microtask or at the next frame callback, whichever comes first and is due. */
  schedule: () => void;
  observeRoot: (root: ShadowRoot) => void;
}

function watchMutations(doc: Document, signal: AbortSignal, listener: ChangeListener, textMatters: (text: string) => boolean, roots: ShadowRoots): Observers {
  const backlog: Backlog = { queue: [], removed: false, textOnly: 0, targets: [] };
  let lastUrl = doc.location.href;
  const takeAll = (): void => {
    takeRecords(backlog, observer.takeRecords(), textMatters, light);
    takeRecords(backlog, rootObserver.takeRecords(), textMatters, light);
  };

  const flush = (): void => {
    if (signal.aborted) return;
    takeAll();
    const added = outermost(new Set(backlog.queue));
    backlog.queue = [];
    for (const node of added) roots.scout.added(node);
    const url = doc.location.href;
    const urlChanged = url !== lastUrl;
    lastUrl = url;
    const change: PageChange = { source: 'mutation', added, parsedText: null, removed: backlog.removed, urlChanged };
    backlog.removed = false;
    if (added.length || change.removed || urlChanged) listener(change);
    roots.offer();
  };
  const schedule = passScheduler(doc, signal, flush, () => {
    takeAll();
    light.frame(backlog.textOnly, backlog.targets);
    backlog.textOnly = 0;
    backlog.targets = [];
    const busy = backlog.queue.length > 0 || backlog.removed;
    flush();
    const waiting = roots.scout.recheck();
    roots.offer();
    return { busy, waiting };
  });

  // The document's own realm: the same thing in a page, and right for a document made elsewhere.
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const onRecords = (records: MutationRecord[]): void => {
    takeRecords(backlog, records, textMatters, light);
    // A ticker is left out as soon as its records say so, not at our next frame callback: the
    // page's own frame callback may come before ours in the next frame, with as many records again.
    if (backlog.textOnly >= HOT_RECORDS) light.frame(backlog.textOnly, backlog.targets);
    schedule();
  };
  /** The document's light DOM, and the shadow roots: a busy part of the page can be left out of the first alone. */
  const observer = new Observer(onRecords);
  const rootObserver = new Observer(onRecords);
  const light = lightWatch(doc, observer, OBSERVED, (el) => {
    backlog.queue.push(el);
    schedule();
  });
  signal.addEventListener('abort', () => {
    light.stop();
    rootObserver.disconnect();
  });
  return {
    light,
    schedule,
    observeRoot: (root) => {
      rootObserver.observe(root, OBSERVED);
    },
  };
}

/**
 * The parse-time phase: until DOMContentLoaded (not until readyState changes: a frame can fall
 * between the two), the text parsed since the frame before, offered from a frame callback; then
 * the observers take over. On a document already parsed, the whole text at once.
 */
function watchParsing(doc: Document, signal: AbortSignal, observers: Observers, parsed: (source: 'parsing' | 'parsed', parsedText: string, parserAt?: Node) => void): void {
  const win = doc.defaultView;
  if (doc.readyState !== 'loading' || !win) {
    observers.light.observeAll();
    parsed('parsed', wholeText(doc));
    return;
  }
  let done = false;
  const since = parsedSince(doc);
  const part = readPart(doc);
  /** The text parsed since the last read, offered; the part read is taken note of. */
  const readNew = (): void => {
    const text = since.read();
    part.mark();
    if (text !== null) parsed('parsing', text, since.at() ?? undefined);
  };
  const eachFrame = (): void => {
    if (signal.aborted || done) return;
    readNew();
    win.requestAnimationFrame(eachFrame);
  };
  win.requestAnimationFrame(eachFrame);
  doc.addEventListener(
    'DOMContentLoaded',
    () => {
      done = true;
      observers.light.observeAll();
      readNew();
      // Else a page script put something before the parser's position: the whole text once more.
      parsed('parsed', part.untouched() ? '' : wholeText(doc));
    },
    { once: true, signal },
  );
}

/**
 * `textMatters`: whether a text node added or edited on its own is worth handing to the listener;
 * the others only set `removed`, so a page that rewrites text every frame costs a test per node.
 */
export function watchPage(doc: Document, signal: AbortSignal, listener: ChangeListener, textMatters: (text: string) => boolean = () => true): void {
  const roots = watchShadowRoots(doc, signal, listener, (root) => {
    observers.observeRoot(root);
  });
  const observers = watchMutations(doc, signal, listener, textMatters, roots);
  watchParsing(doc, signal, observers, (source, parsedText, parserAt) => {
    // The parser removes nothing; once it is done, counts are checked (a page script may have).
    if (!signal.aborted) listener({ source, added: [doc.documentElement], parsedText, removed: source === 'parsed', urlChanged: false, parserAt });
    roots.scout.parsed();
    roots.offer();
  });

  // Address changes the DOM does not show at once: back/forward, and pushState/replaceState where
  // the Navigation API reports them (the isolated world cannot wrap the page's own history).
  const win = doc.defaultView;
  win?.addEventListener('popstate', observers.schedule, { signal });
  const navigation = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  navigation?.addEventListener('currententrychange', observers.schedule, { signal });
}
