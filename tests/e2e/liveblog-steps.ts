/** What the live-blog tests in both browsers share: how the panel names an entry, and a reader's step in the page. */
import { LIVEBLOG_DAY, type LiveblogEntry } from '../../tools/liveblog-corpus';
import { BLOG_YEARS, DAY_2025, REPORTERS_DAY } from '../../tools/liveblog-days';
import { liveblogMarkupPage, type LiveblogMarkup } from '../../tools/liveblog-pages';

/** What the side panel lists a live-blog entry as: its headline, or the first words of its text (always in plain markup). */
export const liveEntryTitle = (e: LiveblogEntry, markup = 'storyline'): string =>
  (markup !== 'plain' && e.headline) || e.text.split(' ').slice(0, 3).join(' ');

/**
 * Runs in the page (passed to `page.evaluate`): focuses the heading of the entry `selector` names,
 * so that the next Tab reaches what follows it (the entry's marker), as a keyboard reader gets there.
 */
export function focusEntryHeading(selector: string): void {
  const heading = document.querySelector<HTMLElement>(`${selector} h2`);
  if (heading === null) throw new Error(`no heading in ${selector}`);
  heading.tabIndex = -1;
  heading.focus();
}

/** What the panel's list measures as laid out: each finding names the elements it is about. */
export interface ListLayout {
  /** The panel's width, scroll bar included. */
  viewport: number;
  /** Laid out wider than the panel's box (scroll bar excluded): the reader would scroll sideways. */
  scrollsSideways: boolean;
  rows: number;
  /** Elements of the list (and their list markers) reaching outside the panel's box. */
  outside: string[];
  /** Rows whose content is wider than the row. */
  overflowing: string[];
  /** Buttons and links drawn as the browser draws them unstyled: its font, its grey face or its bevel. */
  browserDefault: string[];
}

/**
 * An expression for the side panel's page: measures its "Im Liveblog" list. A list item drawn with
 * a marker (a number, a bullet) counts as outside, since the marker hangs beside the item's box.
 */
export const LIST_LAYOUT = `(() => {
  const width = document.documentElement.clientWidth;
  const section = document.querySelector('#liveblog');
  const all = [...section.querySelectorAll('*')].filter((e) => e.getClientRects().length > 0);
  const name = (e) => e.localName + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' "' + e.textContent.trim().slice(0, 30) + '"';
  const bodyFont = getComputedStyle(document.body).fontFamily;
  const outside = all.filter((e) => {
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return r.left < 0 || r.right > width || (style.display === 'list-item' && style.listStyleType !== 'none');
  }).map(name);
  const rows = [...section.querySelectorAll('.live-entry')];
  const overflowing = rows.filter((row) => row.scrollWidth > row.clientWidth).map(name);
  const browserDefault = [...section.querySelectorAll('button, a')].filter((e) => {
    const style = getComputedStyle(e);
    return style.fontFamily !== bodyFont || ['outset', 'inset'].includes(style.borderTopStyle)
      || (e.localName === 'button' && style.backgroundColor !== 'rgba(0, 0, 0, 0)');
  }).map(name);
  return { viewport: innerWidth, scrollsSideways: document.documentElement.scrollWidth > width, rows: rows.length, outside, overflowing, browserDefault };
})()`;

/** An expression for the side panel's page: the entry whose row has focus, 'out' when focus left the list, null between rows. */
export const FOCUSED_ROW = `(() => {
  const at = document.activeElement;
  if (!at || !at.closest('#liveblog .live-entries')) return 'out';
  return at.matches('.entry-show') ? at.closest('.live-entry').querySelector('.entry-title').textContent : null;
})()`;

/** An expression for the side panel's page: focus on the list's heading, so the next Tab reaches the first row. */
export const FOCUS_LIST_HEADING = `(() => {
  const heading = document.querySelector('#liveblog-heading');
  heading.tabIndex = -1;
  heading.focus();
})()`;

/** Runs in the live blog's page: the text the entry mark covers, null without one. */
export function markedEntryText(): string | null {
  const highlight = CSS.highlights.get('lagebild-entry');
  // The mark is a live Range over the entry's parts (src/content/liveblog/show-entry.ts).
  const range = highlight ? ([...highlight][0] as Range | undefined) : undefined;
  return range ? range.toString() : null;
}

/**
 * The live blogs of issue 26 whose about-the-talks entries the panel must list exactly, newest first:
 * a day in reporters' words (the site's markup, machine dates), and the blog over the years in day
 * groups under day headings, whose stamps give the clock alone (each entry's day is its heading's).
 */
export const DATED_BLOGS = [
  { name: 'the day in reporters’ words', entries: REPORTERS_DAY, markup: 'storyline' },
  { name: 'the blog over the years, under day headings', entries: BLOG_YEARS, markup: 'unknown' },
] as const satisfies readonly { name: string; entries: readonly LiveblogEntry[]; markup: LiveblogMarkup }[];

/** What the panel must list for a blog: the titles of its entries about the talks, newest first. */
export const expectedTitles = (entries: readonly LiveblogEntry[], markup: LiveblogMarkup): string[] =>
  entries.filter((e) => e.about).map((e) => liveEntryTitle(e, markup));

/**
 * The blog of a day in 2025 with nothing about the talks, and one entry about them the reader can
 * have the page add ("Neuen Beitrag anzeigen"): once the panel lists that one alone, the rule has
 * judged the day's entries and listed none of them.
 */
export const DAY_2025_ADDED = LIVEBLOG_DAY.find((e) => e.key === 'genf-handschlag')!;
export const day2025Page = (): string => liveblogMarkupPage('storyline', { entries: DAY_2025, live: { manual: true, newPostButton: [DAY_2025_ADDED] } });

/** The popup's sentence when the blog has no entry about the talks, in either language. */
export const NONE_LISTED = /Kein Eintrag zu den Gesprächen in Genf|No entry about the Geneva talks/;
