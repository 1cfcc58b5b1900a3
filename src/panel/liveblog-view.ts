/**
 * "Im Liveblog" / "In the live blog": the live blog's entries about the event, newest first, each
 * with its time and headline (or first words), the signals that made it count, and the positions
 * of the briefing it touches, each a link to that position in the panel. A click on an entry brings
 * it into view in the page and marks it. Entries that arrive while the panel is open say "new".
 */
import { pick } from '../briefing/index';
import type { Briefing, Lang } from '../briefing/types';
import { QUOTE_SIGNAL } from '../core/liveblog/relevance';
import type { Translate } from '../shared/i18n';
import type { LiveEntry, LiveblogState } from '../shared/messages';
import { el } from '../ui/dom';
import { liveblogSentence } from '../ui/status-view';

export interface LiveblogView {
  briefing: Briefing;
  lang: Lang;
  t: Translate;
  /** IDs shown before: the rest are new. */
  known: ReadonlySet<string> | null;
  onShow: (id: string) => void;
}

function signalNames(entry: LiveEntry, view: LiveblogView): string {
  return entry.signals
    .map((id) => (id === QUOTE_SIGNAL ? view.t('liveblogQuoteSignal') : view.briefing.signals.find((s) => s.id === id)?.label))
    .map((label) => (typeof label === 'string' ? label : label ? pick(label, view.lang) : null))
    .filter((name): name is string => name !== null)
    .join(' · ');
}

/** The positions an entry touches, each a link to it in the briefing; else the sides its people speak for. */
function touches(entry: LiveEntry, view: LiveblogView): HTMLElement | null {
  const { briefing, lang, t } = view;
  const links = entry.positions.flatMap((id) => {
    const side = briefing.sides.find((s) => s.positions.some((p) => p.quote.id === id));
    const position = side?.positions.find((p) => p.quote.id === id);
    if (!side || !position) return [];
    const quoted = entry.quoted.includes(id) ? ` (${t('liveblogQuoteSignal')})` : '';
    return [el('li', {}, el('a', { href: `#position-${id}`, 'data-position-link': id }, `${pick(side.name, lang)}: ${pick(position.text, lang)}${quoted}`))];
  });
  const sides = entry.positions.length === 0 ? briefing.sides.filter((s) => entry.sides.includes(s.id)).map((s) => el('li', { 'data-side-link': s.id }, pick(s.name, lang))) : [];
  const items = [...links, ...sides];
  return items.length > 0 ? el('div', { class: 'entry-touches' }, el('span', { class: 'touches-label' }, t('liveblogPositionsLabel')), el('ul', {}, ...items)) : null;
}

function entryItem(entry: LiveEntry, view: LiveblogView, focus: boolean): HTMLElement {
  const isNew = view.known !== null && !view.known.has(entry.id);
  const show = el(
    'button',
    { type: 'button', class: 'entry-show', 'data-entry-id': entry.id, title: view.t('liveblogShow') },
    el('time', entry.iso ? { datetime: entry.iso } : {}, entry.time),
    ' ',
    // Handelsblatt's entries are German whatever the panel's language.
    el('span', { class: entry.headline ? 'entry-title' : 'entry-title first-words', lang: 'de' }, entry.title),
  );
  show.addEventListener('click', () => { view.onShow(entry.id); });
  return el(
    'li',
    { class: ['live-entry', isNew ? 'new' : '', focus ? 'focus' : ''].filter(Boolean).join(' '), 'data-entry-id': entry.id },
    show,
    isNew && el('span', { class: 'entry-new' }, view.t('liveblogNew')),
    el('p', { class: 'entry-signals' }, signalNames(entry, view)),
    touches(entry, view),
  );
}

export function renderLiveblog(t: Translate): HTMLElement {
  return el(
    'section',
    { id: 'liveblog', 'aria-labelledby': 'liveblog-heading', hidden: '' },
    el('h2', { id: 'liveblog-heading', class: 'kicker' }, t('liveblogHeading')),
    el('p', { class: 'liveblog-count', role: 'status' }),
    el('ol', { class: 'live-entries' }),
  );
}

/** Fills the section in place (the count is a live region). */
export function updateLiveblog(section: HTMLElement, state: LiveblogState, view: LiveblogView): void {
  const count = section.querySelector('.liveblog-count');
  const sentence = liveblogSentence(state.entries.length, view.t);
  if (count && count.textContent !== sentence) count.textContent = sentence;
  section.querySelector('.live-entries')?.replaceChildren(...state.entries.map((entry) => entryItem(entry, view, entry.id === state.focus)));
}

/** The live-blog part of the panel: the state of the tab in front, and which entries it showed first. */
export interface LiveblogPart {
  /** The tab's answer; `newPage` when it speaks of another page than before, whose entries are all not new. */
  set(state: LiveblogState | null, newPage: boolean): void;
  /** A change the tab announced. */
  update(state: LiveblogState): void;
  /** Draws the state into the section (after the shell drew the page). */
  apply(): void;
}

export function liveblogPart(root: HTMLElement, briefing: Briefing, shell: () => { lang: () => Lang; t: Translate }, onShow: (id: string) => void): LiveblogPart {
  let state: LiveblogState | null = null;
  /** The entries the panel showed first for this page: those after them are new. */
  let known: Set<string> | null = null;
  let focused: string | null = null;
  const apply = (): void => {
    const section = root.querySelector<HTMLElement>('#liveblog');
    if (!section) return;
    section.hidden = state === null;
    if (state === null) return;
    known ??= new Set(state.entries.map((e) => e.id));
    const { lang, t } = shell();
    updateLiveblog(section, state, { briefing, lang: lang(), t, known, onShow });
    if (state.focus !== null && state.focus !== focused) section.querySelector(`li[data-entry-id="${CSS.escape(state.focus)}"]`)?.scrollIntoView({ block: 'nearest' });
    focused = state.focus;
  };
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLElement>('a[data-position-link]');
    if (!link) return;
    event.preventDefault();
    goToPosition(root, link.dataset.positionLink ?? '');
  });
  return {
    set(next, newPage) {
      if (newPage) known = null;
      state = next;
    },
    update(next) {
      state = next;
      apply();
    },
    apply,
  };
}

/** Scrolls the panel to a position of the briefing and marks it for a moment. */
function goToPosition(root: HTMLElement, id: string): void {
  const item = root.querySelector<HTMLElement>(`.positions > li[data-quote-id="${CSS.escape(id)}"]`);
  if (!item) return;
  if (!item.hasAttribute('tabindex')) item.setAttribute('tabindex', '-1');
  item.scrollIntoView({ block: 'center' });
  item.focus({ preventScroll: true });
  item.classList.add('position-target');
  setTimeout(() => { item.classList.remove('position-target'); }, 2000);
}
