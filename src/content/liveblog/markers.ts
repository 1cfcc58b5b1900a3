/**
 * The quiet marker beside the time of each live-blog entry about the event. It lives in a closed
 * shadow root (the site's CSS cannot reach it, the page's scripts cannot read it) on a host of no
 * size, so the story does not move by a pixel when it comes or goes. A click asks for the side
 * panel at that entry; where the browser does not open it from a click in the page, the marker
 * shows in place the evidence that ties the entry to the event, in its own words, and which
 * positions it touches.
 */
import { QUOTE_SIGNAL } from '../../core/liveblog/relevance';
import type { LiveblogProfile } from '../../shared/messages';
import { el } from '../dom';
import type { TrackedEntry } from './tracker';

export const MARKER_TAG = 'lagebild-entry-mark';

const CSS = `
:host { all: initial; display: inline-block; position: relative; width: 0; height: 0; vertical-align: top; }
button {
  position: absolute; top: 0.1em; inline-size: 1.5em; block-size: 1.5em; padding: 0; margin: 0;
  border: 1px solid #143a5a; border-radius: 50%; background: #fff; color: #143a5a; cursor: pointer;
  font: 700 12px/1 system-ui, sans-serif;
}
button.after { inset-inline-start: 0.4em; }
button.fresh { border-color: #b3261e; box-shadow: 0 0 0 2px #b3261e; }
.fresh-label { position: absolute; top: 0.35em; inset-inline-start: 2.2em; font: 700 10px/1 system-ui, sans-serif; color: #b3261e; text-transform: uppercase; white-space: nowrap; }
button.before + .fresh-label { inset-inline-start: auto; inset-inline-end: 2.2em; }
.fresh-label[hidden] { display: none; }
button.before { inset-inline-end: 0.4em; }
button:hover, button[aria-expanded="true"] { background: #143a5a; color: #fff; }
button:focus-visible { outline: 2px solid #1a6fb5; outline-offset: 2px; }
.pop {
  position: absolute; top: 2em; inset-inline-start: 0; z-index: 2147483646; inline-size: max-content; max-inline-size: min(22em, 80vw);
  padding: 0.6em 0.8em; border: 1px solid #143a5a; border-radius: 6px; background: #fff; color: #1b1b1b;
  font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); text-align: start; white-space: normal;
}
.pop[hidden] { display: none; }
.pop h2 { margin: 0 0 0.2em; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #4a4a4a; }
.pop ul { margin: 0 0 0.5em; padding-inline-start: 1.1em; }
.pop button { position: static; inline-size: auto; block-size: auto; border-radius: 4px; padding: 0.2em 0.6em; font-weight: 400; }
@media (prefers-color-scheme: dark) {
  button { background: #1b1b1b; color: #9cc7ec; border-color: #9cc7ec; }
  button.fresh { border-color: #f2b8b5; box-shadow: 0 0 0 2px #f2b8b5; }
  .fresh-label { color: #f2b8b5; }
  button:hover, button[aria-expanded="true"] { background: #9cc7ec; color: #1b1b1b; }
  .pop { background: #1b1b1b; color: #f0f0f0; border-color: #9cc7ec; }
  .pop h2 { color: #c8c8c8; }
}
@media (forced-colors: active) { button, .pop { border-color: CanvasText; } }
`;

export interface MarkerHandlers {
  /** The reader clicked: resolves whether the side panel opened at the entry. */
  open: (id: string) => Promise<boolean>;
}

interface Marker {
  host: HTMLElement;
  button: HTMLButtonElement;
  pop: HTMLElement;
  /** "neu" beside the button while the entry is new since the reader's last visit; made only then. */
  fresh: HTMLElement | null;
  key: string;
}

const markers = new WeakMap<TrackedEntry, Marker>();

const INLINE = /^(a|abbr|b|em|i|mark|small|span|strong|sub|sup|u)$/;

/** After the time when nothing follows it on its line; before it (in the margin) when text does. */
function sideOf(stamp: Element): 'after' | 'before' {
  for (let next = stamp.nextSibling; next !== null; next = next.nextSibling) {
    if (next.nodeType === 1 && !INLINE.test((next as Element).localName)) return 'after';
    if (/\S/.test(next.textContent ?? '')) return 'before';
  }
  return 'after';
}

function fill(doc: Document, marker: Marker, tracked: TrackedEntry, profile: LiveblogProfile): void {
  const { relevance } = tracked;
  if (relevance === null) return;
  const name = (id: string): string => profile.names[id] ?? id;
  const list = (items: string[]): HTMLElement => el(doc, 'ul', {}, ...items.map((item) => el(doc, 'li', {}, item)));
  // The evidence in the entry's own words, and that it quotes the briefing where it does.
  const shared = [...relevance.evidence, ...(relevance.quoted.length > 0 ? [name(QUOTE_SIGNAL)] : [])];
  const close = el(doc, 'button', { type: 'button' }, profile.labels.close);
  close.addEventListener('click', () => {
    marker.pop.hidden = true;
    marker.button.setAttribute('aria-expanded', 'false');
    marker.button.focus();
  });
  marker.pop.replaceChildren(
    el(doc, 'h2', {}, profile.labels.signals),
    list(shared),
    ...(relevance.positions.length > 0 ? [el(doc, 'h2', {}, profile.labels.positions), list(relevance.positions.map(name))] : []),
    close,
  );
}

function create(doc: Document, tracked: TrackedEntry, profile: LiveblogProfile, handlers: MarkerHandlers): Marker {
  const host = doc.createElement(MARKER_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const side = sideOf(tracked.entry.stamp);
  const button = el(doc, 'button', { type: 'button', class: side, 'aria-expanded': 'false', title: profile.labels.marker, 'aria-label': profile.labels.marker }, 'L');
  const pop = el(doc, 'div', { class: 'pop', role: 'group', 'aria-label': profile.labels.marker, hidden: '' });
  const marker: Marker = { host, button, pop, fresh: null, key: '' };
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (!pop.hidden) {
      pop.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    void handlers.open(tracked.id).then((opened) => {
      if (opened) return;
      fill(doc, marker, tracked, profile);
      pop.hidden = false;
      button.setAttribute('aria-expanded', 'true');
    });
  });
  shadow.append(el(doc, 'style', {}, CSS), button, pop);
  return marker;
}

/** The marker shows whether its entry is new since the last visit, to the eye and in its name. */
function showFresh(doc: Document, marker: Marker, profile: LiveblogProfile, fresh: boolean): void {
  if (fresh === marker.button.classList.contains('fresh')) return;
  if (fresh && marker.fresh === null) {
    marker.fresh = el(doc, 'span', { class: 'fresh-label', 'aria-hidden': 'true' }, profile.labels.fresh);
    marker.button.after(marker.fresh);
  }
  if (marker.fresh) marker.fresh.hidden = !fresh;
  marker.button.classList.toggle('fresh', fresh);
  const label = fresh ? `${profile.labels.marker} (${profile.labels.fresh})` : profile.labels.marker;
  marker.button.setAttribute('aria-label', label);
  // Nothing on the host: the page must not learn from it that its reader was here before.
  marker.button.title = label;
}

/** Puts the marker in place, or takes it away when the entry is no longer about the event or markers are off. */
export function syncMarker(doc: Document, tracked: TrackedEntry, profile: LiveblogProfile | null, on: boolean, handlers: MarkerHandlers, fresh = false): void {
  let marker = markers.get(tracked);
  if (!on || profile === null || tracked.relevance === null) {
    marker?.host.remove();
    markers.delete(tracked);
    return;
  }
  const { stamp } = tracked.entry;
  const key = `${profile.lang}|${sideOf(stamp)}`;
  if (marker !== undefined && marker.key !== key) {
    marker.host.remove();
    marker = undefined;
  }
  if (marker === undefined) {
    marker = create(doc, tracked, profile, handlers);
    marker.key = key;
    markers.set(tracked, marker);
  }
  showFresh(doc, marker, profile, fresh);
  if (marker.button.classList.contains('after') ? stamp.nextSibling !== marker.host : stamp.previousSibling !== marker.host) {
    if (marker.button.classList.contains('after')) stamp.after(marker.host);
    else stamp.before(marker.host);
  }
}

/** Takes every marker out: the markers were switched off, or the page is no live blog any more. */
export function removeMarkers(doc: Document): void {
  for (const host of doc.querySelectorAll(MARKER_TAG)) host.remove();
}

export const isMarker = (node: Node): boolean => node.nodeType === 1 && (node as Element).localName === MARKER_TAG;
