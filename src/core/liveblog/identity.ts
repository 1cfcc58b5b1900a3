/**
 * A live-blog entry's identity across visits: the page's own ID where it gives one (an `id` or a
 * post's data attribute on the entry or around its time stamp: the site's storyline markup has
 * `id="beitrag-…"`, embeds `id="lb-post-…"`), so an edited headline keeps it; otherwise its time
 * and headline (or first words). Either is hashed: the record of visits holds no text of the page.
 * Pure: DOM types only.
 */
import type { BlogEntry } from './entries';

const ID_ATTRIBUTES = ['id', 'data-id', 'data-entry-id', 'data-post-id'];

/** A 53-bit string hash (cyrb53): short, and collisions among a blog's entries are out of reach. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The page's own ID of the entry: on its stamp or an element around it, up to the entry's part. */
export function pageEntryId(entry: BlogEntry): string | null {
  const top = entry.parts.find((part) => part.contains(entry.stamp)) ?? null;
  for (let at: Element | null = entry.stamp; at !== null; at = at === top ? null : at.parentElement) {
    for (const name of ID_ATTRIBUTES) {
      const value = at.getAttribute(name)?.trim();
      if (value) return value;
    }
  }
  return null;
}

/** The identity the record of visits keeps: "p…" from the page's ID, "t…" from time and title. */
export function entryKey(entry: BlogEntry, time: { text: string; iso: string | null }, title: string): string {
  const own = pageEntryId(entry);
  return own !== null ? `p${hash(own)}` : `t${hash(`${time.iso ?? time.text}\n${title}`)}`;
}
