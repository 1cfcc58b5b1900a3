/**
 * "Im Liveblog" / "In the live blog": the live blog's entries about the event, newest first, each a
 * row: its time (and its day where that is not the blog's current day), its headline or first
 * words, what tied it to the event in a few words, and the positions of the briefing it touches as
 * short links to them in the panel. The row is one button that brings the entry into view in the
 * page; the links are controls of their own, laid above it. Entries new since the reader's last
 * visit, or that arrive while the panel is open, say "new".
 */
import { pick } from '../briefing/index';
import type { Briefing, Lang } from '../briefing/types';
import { QUOTE_SIGNAL } from '../core/liveblog/relevance';
import { shortDay } from '../shared/day';
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
  /** The blog's current day: entries of other days show theirs. */
  today: string | null;
  onShow: (id: string) => void;
}

/** The one hidden note every row's button points to: what a press on it does. */
const SHOW_NOTE_ID = 'live-entry-show-note';

/** The clock time the page gives ("15:40 Uhr", "15.40", "21.01.2022, 15:40" all give "15:40"); else its words. */
export function entryClock(time: string): string {
  const [, hours, minutes] = [...time.matchAll(/(?<![\d.])(\d{1,2})[:.](\d{2})(?![.\d])/g)].at(-1) ?? [];
  return hours && minutes ? `${hours.padStart(2, '0')}:${minutes}` : time.trim();
}

/** The entry's day where it is not the blog's current one, with the year where that differs too. */
function entryDay(entry: LiveEntry, view: LiveblogView): string | null {
  if (entry.day === null || entry.day === view.today) return null;
  return shortDay(entry.day, view.lang, view.today === null || view.today.slice(0, 4) !== entry.day.slice(0, 4));
}

/** "A few words": more items than these make the row a list of its own. */
const MAX_EVIDENCE = 4;

/** The same words quoted and not ("„offen und nützlich“", "offen und nützlich") are one item. */
const evidenceKey = (item: string): string => item.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** What tied the entry to the event: its own words where the rule gives them, else the briefing's names of the signals. */
function evidence(entry: LiveEntry, view: LiveblogView): { text: string; own: boolean } {
  const own = entry.evidence.filter((item, i, all) => all.findIndex((other) => evidenceKey(other) === evidenceKey(item)) === i);
  if (own.length > 0) return { text: own.slice(0, MAX_EVIDENCE).join(' · '), own: true };
  const names = entry.signals
    .map((id) => (id === QUOTE_SIGNAL ? view.t('liveblogQuoteSignal') : view.briefing.signals.find((s) => s.id === id)?.label))
    .map((label) => (typeof label === 'string' ? label : label ? pick(label, view.lang) : null))
    .filter((name): name is string => name !== null);
  return { text: names.join(' · '), own: false };
}

/** The positions an entry touches as short links ("Russland: schriftliche Antwort"); else the sides its people speak for. */
function touches(entry: LiveEntry, view: LiveblogView): HTMLElement | null {
  const { briefing, lang, t } = view;
  const links = entry.positions.flatMap((id) => {
    const side = briefing.sides.find((s) => s.positions.some((p) => p.quote.id === id));
    const position = side?.positions.find((p) => p.quote.id === id);
    if (!side || !position) return [];
    const quoted = entry.quoted.includes(id);
    const link = el('a', { href: `#position-${id}`, 'data-position-link': id, title: pick(position.text, lang) },
      el('span', { class: 'link-side' }, `${pick(side.short, lang)}:`), ' ', pick(position.short, lang),
      quoted && el('span', { class: 'link-quoted' }, ` · ${t('liveblogQuoteSignal')}`));
    return [el('li', {}, link)];
  });
  const sides = entry.positions.length === 0
    ? briefing.sides.filter((s) => entry.sides.includes(s.id)).map((s) => el('li', { class: 'entry-side', 'data-side-link': s.id }, pick(s.short, lang)))
    : [];
  const items = [...links, ...sides];
  return items.length > 0 ? el('ul', { class: 'entry-positions', 'aria-label': t('liveblogPositionsLabel') }, ...items) : null;
}

function entryItem(entry: LiveEntry, index: number, view: LiveblogView, focus: boolean): HTMLElement {
  const isNew = entry.fresh || (view.known !== null && !view.known.has(entry.id));
  const day = entryDay(entry, view);
  const why = evidence(entry, view);
  const evidenceId = `live-entry-${index}-evidence`;
  const show = el(
    'button',
    { type: 'button', class: 'entry-show', 'data-entry-id': entry.id, 'aria-describedby': why.text ? `${evidenceId} ${SHOW_NOTE_ID}` : SHOW_NOTE_ID },
    el('span', { class: 'entry-when' },
      el('time', entry.iso ? { datetime: entry.iso } : {}, entryClock(entry.time)),
      day && el('span', { class: 'entry-day' }, day),
      isNew && el('span', { class: 'badge entry-new' }, view.t('liveblogNew'))),
    // Handelsblatt's entries are German whatever the panel's language.
    el('span', { class: entry.headline ? 'entry-title' : 'entry-title first-words', lang: 'de' }, entry.title),
  );
  show.addEventListener('click', () => { view.onShow(entry.id); });
  return el(
    'li',
    { class: ['live-entry', isNew ? 'new' : '', focus ? 'focus' : ''].filter(Boolean).join(' '), 'data-entry-id': entry.id },
    show,
    why.text && el('p', { class: 'entry-evidence', id: evidenceId, ...(why.own ? { lang: 'de' } : {}) }, why.text),
    touches(entry, view),
  );
}

export function renderLiveblog(t: Translate): HTMLElement {
  return el(
    'section',
    { id: 'liveblog', 'aria-labelledby': 'liveblog-heading', hidden: '' },
    el('h2', { id: 'liveblog-heading', class: 'kicker' }, t('liveblogHeading')),
    el('p', { class: 'liveblog-count', role: 'status' }),
    el('span', { id: SHOW_NOTE_ID, hidden: '' }, t('liveblogShow')),
    el('ol', { class: 'live-entries' }),
  );
}

/** Which control of which row has focus: a keyboard reader in the list stays where they were as it is redrawn. */
function focusIn(list: HTMLElement): { id: string; link: string | null } | null {
  const active = list.ownerDocument.activeElement;
  const row = active instanceof HTMLElement && list.contains(active) ? active.closest<HTMLElement>('.live-entry') : null;
  return row ? { id: row.dataset.entryId ?? '', link: active instanceof HTMLElement ? (active.dataset.positionLink ?? null) : null } : null;
}

function restoreFocus(list: HTMLElement, { id, link }: { id: string; link: string | null }): void {
  const row = [...list.querySelectorAll<HTMLElement>('.live-entry')].find((r) => r.dataset.entryId === id);
  const control = link === null ? row?.querySelector<HTMLElement>('.entry-show') : row?.querySelector<HTMLElement>(`a[data-position-link="${CSS.escape(link)}"]`);
  control?.focus({ preventScroll: true });
}

/** Fills the section in place (the count is a live region). */
export function updateLiveblog(section: HTMLElement, state: LiveblogState, view: LiveblogView): void {
  const count = section.querySelector('.liveblog-count');
  const sentence = liveblogSentence(state.entries.length, view.t);
  if (count && count.textContent !== sentence) count.textContent = sentence;
  const list = section.querySelector<HTMLElement>('.live-entries');
  if (!list) return;
  // Without an entry the count's one line says it all: no empty list for a screen reader to announce.
  list.hidden = state.entries.length === 0;
  const before = focusIn(list);
  list.replaceChildren(...state.entries.map((entry, i) => entryItem(entry, i, view, entry.id === state.focus)));
  if (before) restoreFocus(list, before);
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
    updateLiveblog(section, state, { briefing, lang: lang(), t, known, today: state.today, onShow });
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
