/** What the live-blog tests in both browsers share: how the panel names an entry, and a reader's step in the page. */
import type { LiveblogEntry } from '../../tools/liveblog-corpus';

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
