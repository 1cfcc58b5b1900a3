/**
 * "Show in article": which briefing quotes the open story holds, and scrolling one into view with a
 * mark on it. The story's text is indexed once and reused until the page changes, and read only as far
 * as the quotes asked for need it (on a long article their exact places are near the top), so a status
 * request followed by a click costs at most one pass over the text. The mark is a CSS Custom Highlight
 * where the browser has the API, because that leaves the page's DOM alone; otherwise a `<mark>` wrapper
 * that is taken out again, leaving the page's text nodes as they were. The mark stays while the reader
 * reads beside the side panel, until another quote is shown or the page changes; the panel is told then.
 * For the panel, the quotes standing in the visible part of the page are reported as the reader scrolls.
 */
import { findQuote, openTextIndex, toRange, type QuoteMatch, type TextIndex } from '../../core/quote';
import { HIDE_ATTRIBUTE } from '../../core/hiding-rules';
import { ARTICLE_ROOT } from '../../core/selectors';
import type { QuoteQuery } from '../../shared/messages';
import { announce, listen } from '../../shared/messaging';
import type { ContentContext } from '../context';

const HIGHLIGHT_NAME = 'lagebild-quote';
const MARK_ATTRIBUTE = 'data-lagebild-mark';
/** System colours follow forced-colours mode; Mark on MarkText is readable on any page background. */
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: Mark; color: MarkText; }`;

type Unmark = () => void;

/** The element a quote's passage stands in: what is observed for "in view", one per quote. */
function passageElement(range: Range): Element | null {
  const container = range.commonAncestorContainer;
  return container.nodeType === 1 ? (container as Element) : container.parentElement;
}

/** What the Custom Highlight API adds to a window; older browsers and test DOMs lack it. */
interface HighlightApi {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
}

/** Text the extension hid (the job widget, teaser boxes) is not the article's, and must not be marked. */
const skip = `[${HIDE_ATTRIBUTE}]`;

/** The text nodes a match covers, from the index, so that hidden text inside the range stays untouched. */
function nodesOf(index: TextIndex, match: QuoteMatch): Text[] {
  const first = index.nodes.indexOf(match.start.node);
  const last = index.nodes.indexOf(match.end.node);
  return first === -1 || last < first ? [] : index.nodes.slice(first, last + 1);
}

/**
 * Wraps each covered piece of text in its own `<mark>` (a range across a link or `<strong>` cannot be
 * surrounded by one element). Undoing joins each split node back into the node the page made, rather
 * than normalize() on the parent, which would also merge text nodes the page split itself and may
 * still hold (Angular keeps references to the text nodes it renders).
 */
function wrap(doc: Document, nodes: Text[], match: QuoteMatch): Unmark {
  const undos: Unmark[] = [];
  for (const node of nodes) {
    const from = node === match.start.node ? match.start.offset : 0;
    const to = node === match.end.node ? match.end.offset : node.length;
    if (!/\S/.test(node.data.slice(from, to)) || node.parentNode === null) continue;
    const middle = from > 0 ? node.splitText(from) : node;
    const tail = to - from < middle.length ? middle.splitText(to - from) : null;
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, '');
    middle.before(mark);
    mark.append(middle);
    undos.push(() => {
      if (mark.parentNode !== null) mark.replaceWith(...mark.childNodes);
      for (const piece of [middle, tail]) {
        if (piece !== null && piece !== node && node.nextSibling === piece) {
          node.appendData(piece.data);
          piece.remove();
        }
      }
    });
  }
  return () => {
    for (const undo of undos.reverse()) undo();
  };
}

function highlight(doc: Document, range: Range, style: { element: HTMLStyleElement | null }): Unmark | null {
  const win = doc.defaultView as HighlightApi | null;
  const registry = win?.CSS?.highlights;
  const HighlightOfPage = win?.Highlight;
  if (registry === undefined || HighlightOfPage === undefined) return null;
  if (!style.element?.isConnected) {
    style.element = doc.createElement('style');
    style.element.textContent = HIGHLIGHT_CSS;
    (doc.querySelector('head') ?? doc.documentElement).append(style.element);
  }
  registry.set(HIGHLIGHT_NAME, new HighlightOfPage(range));
  return () => registry.delete(HIGHLIGHT_NAME);
}

function prefersReducedMotion(doc: Document): boolean {
  return doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches === true;
}

/**
 * The one passage marked at a time. `indexStale` is called when marking or unmarking split or
 * joined the text nodes an index points into.
 */
function passageMark(doc: Document, indexStale: () => void): { set(id: string, range: Range, nodes: Text[], match: QuoteMatch): void; clear(tell: boolean): void } {
  let unmark: Unmark | null = null;
  let marked: string | null = null;
  const style = { element: null as HTMLStyleElement | null };
  return {
    set(id, range, nodes, match) {
      const undo = highlight(doc, range, style) ?? wrap(doc, nodes, match);
      // A wrapper splits text nodes the index points into, and joins them again when it goes.
      indexStale();
      marked = id;
      unmark = () => {
        undo();
        indexStale();
      };
    },
    /** Takes the mark away; `tell` when the reader did not ask for it, so the panel stops calling it marked. */
    clear(tell) {
      const undo = unmark;
      const id = marked;
      unmark = null;
      marked = null;
      undo?.();
      if (tell && id !== null) announce({ type: 'lagebild/mark-cleared', id });
    },
  };
}

/**
 * One observer on the few elements the quotes stand in: the browser reports crossings of the
 * viewport's edge, so nothing runs per scroll event and nothing is read from the rest of the page.
 */
function observeInView(Observer: typeof IntersectionObserver, index: TextIndex, quotes: readonly QuoteQuery[]): { watcher: IntersectionObserver; watching: string[] } {
  const ids = new Map<Element, string[]>();
  for (const quote of quotes) {
    const match = findQuote(index, quote.text);
    const element = match && passageElement(toRange(match));
    if (element) ids.set(element, [...(ids.get(element) ?? []), quote.id]);
  }
  const inView = new Set<string>();
  let reported = '';
  const watcher = new Observer((entries) => {
    for (const entry of entries) {
      for (const id of ids.get(entry.target) ?? []) {
        if (entry.isIntersecting) inView.add(id);
        else inView.delete(id);
      }
    }
    const now = quotes.map((q) => q.id).filter((id) => inView.has(id));
    if (now.join() === reported) return;
    reported = now.join();
    announce({ type: 'lagebild/quotes-in-view', ids: now });
  });
  for (const element of ids.keys()) watcher.observe(element);
  return { watcher, watching: [...ids.values()].flat() };
}

/** Answers show-quote requests, and adds to the status answer which of the asked quotes the page holds. */
export function findQuotesInStory(ctx: ContentContext): void {
  const { doc, signal } = ctx;
  let index: TextIndex | null = null;
  let watcher: IntersectionObserver | null = null;
  const mark = passageMark(doc, () => {
    index = null;
  });

  const currentIndex = (): TextIndex | null => {
    const root = doc.querySelector(ARTICLE_ROOT) ?? doc.querySelector('body');
    if (root === null) return null;
    index ??= openTextIndex(root, { skip });
    return index;
  };

  const stopWatching = (): void => {
    watcher?.disconnect();
    watcher = null;
  };

  const watch = (quotes: readonly QuoteQuery[]): string[] => {
    stopWatching();
    const current = currentIndex();
    const Observer = doc.defaultView?.IntersectionObserver;
    if (current === null || Observer === undefined || ctx.verdict?.aboutUkraine !== true) return [];
    const observed = observeInView(Observer, current, quotes);
    watcher = observed.watcher;
    return observed.watching;
  };

  const show = (quote: QuoteQuery): boolean => {
    mark.clear(false);
    const current = currentIndex();
    const match = current && findQuote(current, quote.text);
    if (!current || !match) return false;
    const range = toRange(match);
    range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: prefersReducedMotion(doc) ? 'auto' : 'smooth',
    });
    mark.set(quote.id, range, nodesOf(current, match), match);
    return true;
  };

  ctx.onPageChange(({ urlChanged }) => {
    index = null;
    if (!urlChanged) return;
    mark.clear(true);
    // The panel asks again for the new page once the page features announce the change.
    stopWatching();
  });
  signal.addEventListener('abort', () => {
    mark.clear(true);
    stopWatching();
  });
  listen(
    {
      'lagebild/show-quote': ({ quote }) => ({ shown: show(quote) }),
      'lagebild/watch-quotes': ({ quotes }) => ({ watching: watch(quotes) }),
    },
    signal,
  );

  // The briefing's quotes stand only in Ukraine coverage: other pages are not read at all, which
  // spares every other article the index (tens of milliseconds on a very long one).
  ctx.onStatusRequest(({ quotes }, answer) => {
    if (!answer.verdict.aboutUkraine) return;
    const current = currentIndex();
    if (current !== null) answer.quotesFound = quotes.filter((quote) => findQuote(current, quote.text) !== null).map((quote) => quote.id);
  });
}
