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
export const NONE_LISTED = /Noch kein Eintrag zu den Gesprächen in Genf|No entry about the Geneva talks yet/;
