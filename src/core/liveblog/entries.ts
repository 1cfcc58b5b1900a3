/**
 * A live blog split into entries, whatever its markup. The rule, in three steps:
 * 1. A time stamp opens an entry: a `<time>` (or anything with `datetime`), an element whose whole
 *    text is a clock time ("15:40", "15.40 Uhr", "21.01.2022, 15:40 Uhr"), or a block whose text
 *    starts with one followed by "Uhr".
 * 2. The blog is the element whose children hold the time stamps one each. Where most stamps sit in
 *    children holding several (day groups, a wrapper around the blog), the rule looks inside those.
 * 3. An entry is a child holding a stamp, with a heading just before it and, in flat markup, the
 *    text blocks after it up to the next stamp, a rule (`<hr>`) or anything else.
 * Pure: DOM types only, no globals; the content script calls it on the page's document.
 */

import { isDayHeading } from './dates';

const SHOW_TEXT = 4;

/** Day and month, then the clock: "21.01.2022, 15:40", "21. Januar 2022 - 15.40", "15:40". */
const DATE = String.raw`(?:\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zÄä]{3,9}\.?)\s?(?:\d{2,4})?\s*[,|–-]?\s*)?`;
const CLOCK = String.raw`(?:[01]?\d|2[0-3])[:.][0-5]\d`;
/** A text that is nothing but a time stamp (an element of its own), the clock's or a relative one ("vor 5 Minuten"). */
const STAMP_ONLY = new RegExp(`^(?:${DATE}${CLOCK}(?:\\s*Uhr)?|vor \\d{1,2} (?:Min\\.|Minuten?|Std\\.|Stunden?))$`);
/** A block's text that starts with a clock time and "Uhr" (plain markup without a time element). */
const STAMP_AT_START = new RegExp(`^${DATE}${CLOCK}\\s*Uhr\\b`);
/** A stamp's text as the entry gives its time: date and clock, "Uhr" where it follows. */
const TIME_TEXT = new RegExp(`^${DATE}${CLOCK}(?:\\s*Uhr)?`);
/** No stamp is longer; a longer text is prose that happens to start with a number. */
const MAX_STAMP = 40;

const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'font', 'i', 'label', 'mark', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);
/** What can continue an entry in flat markup: prose, not controls, ads or rules. */
const TEXT_BLOCKS = new Set(['p', 'ul', 'ol', 'blockquote', 'figure', 'table', 'dl', 'pre']);
const HEADING = /^h[1-6]$/;
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

export interface BlogEntry {
  /** The blog's children that make up the entry, in order; usually one. */
  parts: Element[];
  /** The entry's time stamp. */
  stamp: Element;
}

/** The tag name in lower case, as HTML elements give it without a new string. */
const tag = (el: Element): string => el.localName;

/** The nearest ancestor that is not inline: where a text stands at the start or not. */
function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el !== null && INLINE.has(tag(el)) && el.parentElement !== null) el = el.parentElement;
  return el;
}

/** No text before `node` inside `block`. */
function startsBlock(node: Node, block: Element): boolean {
  for (let at: Node | null = node; at !== null && at !== block; at = at.parentNode) {
    for (let before = at.previousSibling; before !== null; before = before.previousSibling) {
      if (/\S/.test(before.textContent ?? '')) return false;
    }
  }
  return true;
}

/** How a stamp's text starts: a digit or "vor 5", after white space. Most texts of a blog fail it, and cost no copy. */
const OPENS_STAMP = /^\s*(?:\d|vor \d)/;

/** The stamp a text node stands for, if it opens an entry. */
function stampOfText(text: Text): Element | null {
  const parent = text.parentElement;
  if (parent === null || !OPENS_STAMP.test(text.data) || NOT_TEXT.has(tag(parent))) return null;
  const data = text.data.trimStart();
  const own = parent.textContent;
  if (own.length <= MAX_STAMP * 2 && STAMP_ONLY.test(own.trim())) return parent;
  if (!STAMP_AT_START.test(data)) return null;
  const block = blockOf(text);
  return block !== null && startsBlock(text, block) ? parent : null;
}

const STAMP_ELEMENTS = 'time, [datetime]:not(del):not(ins)';

/** The time stamps under `root` (and `root` itself), in document order. */
export function findStamps(root: Element): Element[] {
  const found = new Set<Element>();
  if (root.matches(STAMP_ELEMENTS)) found.add(root);
  for (const el of root.querySelectorAll(STAMP_ELEMENTS)) found.add(el);
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const stamp = stampOfText(node as Text);
    if (stamp !== null && !found.has(stamp) && stamp.closest('time') === null) found.add(stamp);
  }
  if (found.size < 2) return [...found];
  const ordered = [...found];
  // Elements and texts were found in two passes; document order decides which stamp comes first.
  return ordered.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** Whether `el` holds a time stamp: a native query first, the texts only where it finds no time element. */
export function holdsStamp(el: Element): boolean {
  return el.matches(STAMP_ELEMENTS) || el.querySelector(STAMP_ELEMENTS) !== null || findStamps(el).length > 0;
}

/** For each element above a stamp: its children that hold stamps, and how many each holds. */
function stampCounts(root: Element, stamps: readonly Element[]): Map<Element, Map<Element, number>> {
  const counts = new Map<Element, Map<Element, number>>();
  for (const stamp of stamps) {
    for (let child = stamp; child !== root; ) {
      const parent = child.parentElement;
      if (parent === null) break;
      let kids = counts.get(parent);
      if (kids === undefined) counts.set(parent, (kids = new Map<Element, number>()));
      kids.set(child, (kids.get(child) ?? 0) + 1);
      child = parent;
    }
  }
  return counts;
}

/** Step 2: the elements whose children are the entries. */
function chooseBlogs(el: Element, counts: Map<Element, Map<Element, number>>): Element[] {
  const kids = counts.get(el);
  if (kids === undefined) return [];
  const holders = [...kids];
  const [only] = holders;
  if (holders.length === 1 && only !== undefined) return chooseBlogs(only[0], counts);
  const groups = holders.filter(([, n]) => n > 1);
  const inGroups = groups.reduce((sum, [, n]) => sum + n, 0);
  const alone = holders.length - groups.length;
  // A stamp or two in one entry (an update time) does not make the entry a blog of its own; stamps
  // gathered mostly in groups (days, a blog beside the page header's date) do. Where most days hold
  // one entry, a day holding several under its own heading is still a blog of its own.
  if (inGroups > 2 * alone) return groups.flatMap(([group]) => chooseBlogs(group, counts));
  return [el, ...groups.filter(([group]) => headsDay(group)).flatMap(([group]) => chooseBlogs(group, counts))];
}

/** Whether `el` opens with a day heading: a day's group, whose entries stand below it. */
function headsDay(el: Element): boolean {
  const first = el.firstElementChild;
  return first !== null && isDayHeading(first);
}

/** A child holding a day's several entries under its heading: a blog of its own, not an entry. */
const isDayGroup = (el: Element, stamps: number): boolean => stamps > 1 && headsDay(el);

/** The elements under `root` whose children are a live blog's entries; none when it holds no blog. */
export function findBlogs(root: Element): Element[] {
  const stamps = findStamps(root);
  if (stamps.length < 2) return [];
  return chooseBlogs(root, stampCounts(root, stamps));
}

function isHeading(el: Element): boolean {
  return HEADING.test(tag(el)) || el.getAttribute('role') === 'heading';
}

/** A heading of the entry's own: a day heading ("Mittwoch, 26. Januar 2022") heads the entries below it, not one. */
const isOwnHeading = (el: Element): boolean => isHeading(el) && !isDayHeading(el);

/** Step 3 from one stamp-holding child: the heading before it and the flat text after it. */
function entryFrom(start: Element, stamp: Element, holds: (el: Element) => boolean): BlogEntry {
  const parts = [start];
  const before = start.previousElementSibling;
  if (before !== null && isOwnHeading(before) && !holds(before)) parts.unshift(before);
  const tail: Element[] = [];
  for (let next = start.nextElementSibling; next !== null && !holds(next); next = next.nextElementSibling) {
    if (isHeading(next)) {
      if (isDayHeading(next)) break;
      tail.push(next);
      continue;
    }
    if (!TEXT_BLOCKS.has(tag(next))) break;
    parts.push(...tail.splice(0), next);
  }
  return { parts, stamp };
}

/** Every entry of one blog, in the page's order. */
export function entriesOf(blog: Element): BlogEntry[] {
  const entries: BlogEntry[] = [];
  const stamps = new Map<Element, Element>();
  for (const child of blog.children) {
    const found = findStamps(child);
    const [stamp] = found;
    if (stamp !== undefined && !isDayGroup(child, found.length)) stamps.set(child, stamp);
  }
  const holds = (el: Element): boolean => stamps.has(el);
  for (const [child, stamp] of stamps) entries.push(entryFrom(child, stamp, holds));
  return entries;
}

/**
 * The entry a child of the blog belongs to, read from that child and its neighbours only (what a
 * change to one entry costs): the child itself when it holds a stamp, else the stamp-holding
 * sibling before it whose flat text reaches it. Null for an ad, a control or a rule.
 */
export function entryAt(blog: Element, child: Element): BlogEntry | null {
  if (child.parentElement !== blog || (headsDay(child) && isDayGroup(child, findStamps(child).length))) return null;
  const stampOf = (el: Element): Element | undefined => findStamps(el)[0];
  const holds = holdsStamp;
  let start: Element | null = child;
  if (isHeading(child) && !holds(child)) {
    if (isDayHeading(child)) return null;
    const next = child.nextElementSibling;
    if (next !== null && holds(next)) start = next;
  }
  while (start !== null && !holds(start)) {
    if (!TEXT_BLOCKS.has(tag(start)) && !isHeading(start)) return null;
    start = start.previousElementSibling;
  }
  const stamp = start && stampOf(start);
  if (!start || !stamp) return null;
  const entry = entryFrom(start, stamp, holds);
  return entry.parts.includes(child) ? entry : null;
}

/** The entry's time as the page writes it, and as a machine date where the page gives one. */
export function entryTime(entry: BlogEntry): { text: string; iso: string | null } {
  const { stamp } = entry;
  const iso = stamp.getAttribute('datetime');
  const text = stamp.textContent.replace(/\s+/g, ' ').trim();
  const match = TIME_TEXT.exec(text);
  return { text: match?.[0] ?? (text.slice(0, MAX_STAMP) || (iso ?? '')), iso: iso !== null && !Number.isNaN(Date.parse(iso)) ? iso : null };
}

/** The entry's own headline; null for entries that have none. */
export function entryHeadline(entry: BlogEntry): string | null {
  for (const part of entry.parts) {
    const heading = isHeading(part) ? part : part.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
    const text = heading?.textContent.replace(/\s+/g, ' ').trim();
    if (text && !STAMP_ONLY.test(text) && (heading === null || !isDayHeading(heading))) return text;
  }
  return null;
}

/** An element's text with a space where one block ends and the next begins ("Titel" and "Text", not "TitelText"). */
function spacedText(root: Element): string {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let out = '';
  let lastBlock: Element | null = null;
  let dayHeading = false;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || NOT_TEXT.has(tag(parent))) continue;
    const block = blockOf(node);
    // A day heading inside an entry (a day's group holding one entry) heads it and is not its text.
    if (block !== lastBlock) dayHeading = block !== null && block !== root && isDayHeading(block);
    if (!dayHeading) out += (block === lastBlock ? '' : ' ') + (node.nodeValue ?? '');
    lastBlock = block;
  }
  return out;
}

/** The entry's whole text, blocks and parts apart by a space. */
export function entryText(entry: BlogEntry): string {
  return entry.parts.map(spacedText).join(' ').replace(/\s+/g, ' ').trim();
}

/** The first words of a text, for an entry without a headline; the time stamp it starts with left out. */
export function firstWords(text: string, stamp: string, count = 12): string {
  const rest = text.startsWith(stamp) ? text.slice(stamp.length).replace(/^[\s:–-]+/, '') : text;
  const words = rest.split(' ').filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')} …` : words.join(' ');
}
