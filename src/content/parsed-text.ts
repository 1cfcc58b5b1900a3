/**
 * The text the parser added, read while it runs (see page-watcher.ts): from the last node read to
 * the end of the document, and whether the part read before is still as it was.
 */
import { target } from '../shared/browser';

const TEXT_NODE = 3;
/** Characters of one frame's text carried into the next: longer than any phrase a listener looks for. */
const OVERLAP = 120;

/**
 * How a text is read: by a range's toString, one native call, or text node by text node. In
 * Chromium a range's text of a long page costs some ten times its nodes' (Range.toString builds one
 * string natively at about 17 ns a character: 11 ms for a 2,000-paragraph story, its nodes 1 ms);
 * Firefox keeps the one call: there each node would be a call through the content script's Xray
 * wrapper, and its figures (bench/firefox-cost.ts) were measured with the range.
 */
const BY_NODES = target === 'chrome';
const SHOW_TEXT = 4;

/** The text of the document after `from` (its text from `offset` on, where it is a text node), script and style text included: what a range from there to the end holds. */
export function textAfter(doc: Document, from: Node, offset: number, byNodes = BY_NODES): string {
  const root = doc.documentElement;
  if (!byNodes) {
    const range = doc.createRange();
    range.setStart(from, offset);
    range.setEnd(root, root.childNodes.length);
    return range.toString();
  }
  let text = from.nodeType === TEXT_NODE ? (from as Text).data.slice(offset) : '';
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  walker.currentNode = from;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += (node as Text).data;
  return text;
}

/** The document's text (script and style text included). */
export function wholeText(doc: Document): string {
  return textAfter(doc, doc.documentElement, 0);
}

/** The last node in document order: where the parser is adding (it only ever appends). */
export function lastNode(doc: Document): Node {
  let node: Node = doc;
  while (node.lastChild) node = node.lastChild;
  return node;
}

/** The text parsed since the previous `read`, and the last node it read up to (`lastNode` then; null before the first). */
export interface ParsedReader {
  read: () => string | null;
  at: () => Node | null;
}

/**
 * A reader of the text parsed since its previous call. The parser appends after the last node it
 * made, and into it while it is open (an element's children, a text node's characters), so that
 * text is what a range from the end of the previous last node's content to the end of the
 * document holds (textAfter). Each call also carries the end of the
 * previous one's text, so words split between two calls stand whole in one. The first call, and
 * any after the page took the previous last node out, read the whole document. Null: the parser
 * added nothing since (it waits for a script or a style sheet, often for several frames).
 */
export function parsedSince(doc: Document, byNodes = BY_NODES): ParsedReader {
  let from: Node | null = null;
  /** How much of `from` was read: a text node's length then; an element, the last node, was empty. */
  let fromOffset = 0;
  let carried = '';
  const read = (): string | null => {
    const root = doc.documentElement;
    const previous = from;
    from = lastNode(doc);
    const length = from.nodeType === TEXT_NODE ? (from as Text).length : 0;
    if (from === previous && length === fromOffset) return null;
    let start: Node = root;
    let offset = 0;
    // Gone, shortened, or outside the root element (the document at first): read from the top.
    if (previous?.isConnected && root.contains(previous) && (previous.nodeType !== TEXT_NODE || (previous as Text).length >= fromOffset)) {
      start = previous;
      offset = fromOffset;
    } else {
      carried = '';
    }
    fromOffset = length;
    const text = carried + textAfter(doc, start, offset, byNodes);
    carried = text.slice(-OVERLAP);
    return text;
  };
  return { read, at: () => from };
}

/**
 * Whether the part of the document the frames read is still as they read it: no element was put
 * into it or taken out of it since (the element the last read ended with stands at the same place
 * in the document's live element list, a native count and one look). Only then do the frames'
 * texts stand for the whole text. Not seen: a page script's edit of a text already read.
 */
export function readPart(doc: Document): { mark(): void; untouched(): boolean } {
  const all = doc.getElementsByTagName('*');
  let count = 0;
  let last: Element | undefined;
  let touched = false;
  const moved = (): boolean => all[count - 1] !== last;
  return {
    /** After each read: checks the part read before, then takes in what was read now. */
    mark() {
      if (count > 0 && moved()) touched = true;
      count = all.length;
      last = all[count - 1];
    },
    untouched: () => count > 0 && !touched && !moved(),
  };
}
