/**
 * The normalised text of a story, with the way back to its DOM nodes. A long page costs tens of milliseconds to
 * normalise, so the index reads it stretch by stretch, only as far as the quotes need; a quote it has not met yet can be
 * ruled out from a sketch of the whole page (quote/rule-out.ts) before the rest is read.
 */
import { clean, fold, SEPARATOR, sketch } from './normalise';
import { mayHold } from './rule-out';

/** A position in the page: an offset in one text node, as `Range.setStart` takes it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * The text nodes must not change while the index is in use: rebuild it when the page's text changes (today's site
 * renders the article body in two steps).
 */
export interface TextIndex {
  /**
   * The part read so far in `fold`'s form, trimmed at the start; blocks and `<br>` are spaces. Until the index is
   * complete it may end in the space before what follows.
   */
  readonly text: string;
  /** The indexed text nodes, in document order. */
  readonly nodes: readonly Text[];
  /** Whether the whole page has been read. */
  readonly complete: boolean;
  /** Reads the next stretch of the page; false when nothing was left to read. */
  readOn(): boolean;
  /** False when no place in the whole page can hold a quote of these (normalised) words with at most `maxEdits` edits. */
  mayHold(words: readonly string[], maxEdits: number): boolean;
  /** The DOM point of the character at `position` in `text`; `after` 1 gives the point just behind it. */
  pointAt(position: number, after: 0 | 1): TextPoint;
}

export interface IndexOptions {
  /** A CSS selector for elements to leave out with their subtree, e.g. what the extension has hidden. */
  skip?: string;
  /** How many UTF-16 units the first stretch reads; each later one reads twice as many. Infinity reads all at once. */
  firstStretch?: number;
}

/** A quote near the top of a long article is found after reading this much of it. */
const FIRST_STRETCH = 4096;

/** Elements laid out in a line: their text joins the surrounding words. Everything else separates words. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time',
  'tt', 'u', 'var', 'wbr',
]);

/** Elements whose text a reader never sees as prose; hidden="until-found" text is revealed by find-in-page. */
const NOT_PROSE = [
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'canvas', 'svg', 'math', 'textarea', 'select',
  '[hidden]:not([hidden=until-found])',
];

const ELEMENT_NODE = 1;
const SHOW_TEXT = 4;
const SPACE = 32;

/** A run of SEPARATOR, with the space after it when a space stands before it: whitespace runs across nodes collapse. */
const JUNCTION = /(?<= )\ufffc+ |\ufffc/g;

interface Reading {
  text: string;
  nodes: Text[];
  /** For each node, where its folded data starts in `text` (one before, when its leading space merged). */
  starts: number[];
  complete: boolean;
}

/** Where laying out the text stands between two stretches. */
interface Layout {
  /** Whether the text so far ends in a space (or is empty): a space the next node starts with merges into it. */
  spaced: boolean;
  /** The last node that gave the text something. */
  last: Node;
}

/**
 * Indexes the prose under `root`, its first stretch at once. Script, style, template and similar elements, hidden
 * elements and skipped ones are left out; blocks and `<br>` separate words, inline elements do not. A tree walker over
 * the text nodes touches far fewer DOM objects than visiting every element.
 */
export function openTextIndex(root: Element | Document | DocumentFragment, { skip, firstStretch = FIRST_STRETCH }: IndexOptions = {}): TextIndex {
  const doc = root.ownerDocument ?? root;
  const leftOut = leftOutNodes(doc, root, skip);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const layout: Layout = { spaced: true, last: root };
  const reading: Reading = { text: '', nodes: [], starts: [], complete: false };
  let stretch = firstStretch;
  let pageSketch: string | undefined;
  const index = {
    get text() {
      return reading.text;
    },
    nodes: reading.nodes,
    get complete() {
      return reading.complete;
    },
    readOn: (): boolean => {
      if (reading.complete) return false;
      const nodes: Text[] = [];
      const data: string[] = [];
      reading.complete = !readNodes(walker, leftOut, stretch, nodes, data);
      stretch *= 2;
      append(reading, layout, nodes, fold(data.join(SEPARATOR)), leftOut);
      if (reading.complete) reading.text = reading.text.trimEnd();
      return true;
    },
    mayHold: (words: readonly string[], maxEdits: number): boolean => {
      pageSketch ??= sketch(proseOf(doc, root, leftOut));
      return mayHold(pageSketch, words, maxEdits);
    },
    pointAt: (position: number, after: 0 | 1): TextPoint => pointAt(reading, position, after),
  };
  index.readOn();
  return index;
}

/** Left-out elements with their text nodes. One query per selector: Chromium matches a selector list element by element. */
function leftOutNodes(doc: Document, root: Element | Document | DocumentFragment, skip: string | undefined): Set<Node> {
  const leftOut = new Set<Node>();
  for (const selector of skip === undefined ? NOT_PROSE : [...NOT_PROSE, skip]) {
    for (const element of root.querySelectorAll(selector)) {
      leftOut.add(element);
      const walker = doc.createTreeWalker(element, SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) leftOut.add(node);
    }
  }
  return leftOut;
}

/** The data of every prose text node, run together: what the rule-out's sketch is made from. */
function proseOf(doc: Document, root: Node, leftOut: Set<Node>): string {
  // With nothing left out (a story root usually), one native read; a document's textContent is null.
  const whole = leftOut.size === 0 ? root.textContent : null;
  if (whole !== null) return whole;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const data: string[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) if (!leftOut.has(node)) data.push((node as Text).data);
  return data.join('');
}

/**
 * Takes the walker's next prose text nodes, with their data, until `units` units are read; false when the page ran out
 * first. The page's own separator characters become U+FFFD, so that the joined stretch can be split again.
 */
function readNodes(walker: TreeWalker, leftOut: Set<Node>, units: number, nodes: Text[], data: string[]): boolean {
  for (let read = 0; read < units; ) {
    const node = walker.nextNode() as Text | null;
    if (node === null) return false;
    const text = node.data;
    if (text === '' || leftOut.has(node)) continue;
    nodes.push(node);
    data.push(text.includes(SEPARATOR) ? clean(text) : text);
    read += text.length;
  }
  return true;
}

/**
 * Adds a folded stretch of nodes (their data joined by SEPARATOR): each node's part lands once the separators are gone,
 * a space it starts with merges into one before it, and a space stands where a block boundary would otherwise run two
 * words together. Joined per stretch, so the index's text is built from a few large pieces.
 */
function append(reading: Reading, layout: Layout, nodes: Text[], folded: string, leftOut: Set<Node>): void {
  const spacedBefore = layout.spaced;
  const boundaries: number[] = [];
  let length = reading.text.length;
  let from = 0;
  nodes.forEach((node, i) => {
    const end = i === nodes.length - 1 ? folded.length : folded.indexOf(SEPARATOR, from);
    let size = end - from;
    let start = length;
    if (folded.charCodeAt(from) === SPACE) {
      if (layout.spaced) {
        size--;
        start--;
      }
    } else if (!layout.spaced && size > 0 && separated(layout.last, node, leftOut)) {
      boundaries.push(from);
      start = ++length;
    }
    reading.nodes.push(node);
    reading.starts.push(start);
    if (size > 0) {
      length += size;
      layout.spaced = folded.charCodeAt(end - 1) === SPACE;
      layout.last = node;
    }
    from = end + 1;
  });
  const parts = boundaries.map((at, i) => folded.slice(boundaries[i - 1] ?? 0, at));
  parts.push(folded.slice(boundaries[boundaries.length - 1] ?? 0));
  const text = parts.join(' ').replace(JUNCTION, '');
  // Within the stretch JUNCTION merges such a space; at its start the space before is in the text already.
  reading.text += spacedBefore && text.charCodeAt(0) === SPACE ? text.slice(1) : text;
}

/**
 * Whether a block starts or ends between two text nodes, `from` before `to`. Walks the nodes between them in document
 * order, not into left-out elements (a left-out block still separates).
 */
function separated(from: Node, to: Node, leftOut: Set<Node>): boolean {
  const separates = (node: Node): boolean => node.nodeType === ELEMENT_NODE && !INLINE.has((node as Element).localName);
  let node = from;
  for (;;) {
    while (node.nextSibling === null) {
      node = node.parentNode as Node;
      if (separates(node)) return true;
    }
    node = node.nextSibling;
    while (node !== to) {
      if (separates(node)) return true;
      if (leftOut.has(node) || node.firstChild === null) break;
      node = node.firstChild;
    }
    if (node === to) return false;
  }
}

/**
 * Folds prefixes of the one node `position` falls in to find the shortest that reaches past it, rather than keeping a
 * source offset for every unit of the page; `after` 1 steps behind both halves of a surrogate pair.
 */
function pointAt(reading: Reading, position: number, after: 0 | 1): TextPoint {
  let low = 0;
  let high = reading.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((reading.starts[mid] ?? 0) <= position) low = mid;
    else high = mid - 1;
  }
  const node = reading.nodes[low] as Text;
  const unit = position - (reading.starts[low] ?? 0);
  const reaches = (end: number): boolean => fold(clean(node.data.slice(0, end))).length > unit;
  // Folding seldom changes a length by much, so the bounds close in from `unit + 1` in doubling steps before halving.
  let lo = 0;
  let hi = node.data.length;
  for (let probe = unit + 1, step = 1; probe > lo && probe < hi; step *= 2) {
    if (reaches(probe)) {
      hi = probe;
      probe -= step;
    } else {
      lo = probe;
      probe += step;
    }
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return { node, offset: hi - 1 + after };
}
