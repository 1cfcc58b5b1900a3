/**
 * Brings a live-blog entry into view and marks it, as "Show in article" marks a quote: a CSS Custom
 * Highlight over the entry where the browser has the API (the page's DOM stays as it was), else an
 * outline on its parts. One entry is marked at a time; the mark goes when another is shown.
 */
import type { BlogEntry } from '../../core/liveblog/entries';

const HIGHLIGHT_NAME = 'lagebild-entry';
const OUTLINE_ATTRIBUTE = 'data-lagebild-entry';
const CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: Mark; color: MarkText; }
[${OUTLINE_ATTRIBUTE}] { outline: 3px solid Mark !important; outline-offset: 4px !important; }`;

interface HighlightApi {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
}

let style: HTMLStyleElement | null = null;

function ensureStyle(doc: Document): void {
  if (style?.isConnected) return;
  style = doc.createElement('style');
  style.textContent = CSS;
  (doc.querySelector('head') ?? doc.documentElement).append(style);
}

export function showEntry(doc: Document, entry: BlogEntry): boolean {
  const [first] = entry.parts;
  const last = entry.parts.at(-1);
  if (first === undefined || last === undefined || !first.isConnected) return false;
  ensureStyle(doc);
  for (const marked of doc.querySelectorAll(`[${OUTLINE_ATTRIBUTE}]`)) marked.removeAttribute(OUTLINE_ATTRIBUTE);
  const win = doc.defaultView as HighlightApi | null;
  const registry = win?.CSS?.highlights;
  const HighlightOfPage = win?.Highlight;
  if (registry !== undefined && HighlightOfPage !== undefined) {
    const range = doc.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    registry.set(HIGHLIGHT_NAME, new HighlightOfPage(range));
  } else {
    for (const part of entry.parts) part.setAttribute(OUTLINE_ATTRIBUTE, '');
  }
  const reduced = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches === true;
  first.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  return true;
}
