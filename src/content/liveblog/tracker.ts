/**
 * Follows a live blog's entries as the page changes them, for hours. The blog is split once
 * (core/liveblog/entries.ts); after that an observer on the blog alone hands over the children that
 * changed, and each is read again with its neighbours only: the work per added, edited or removed
 * entry is that entry's, not the blog's. An entry the page drops is forgotten with all its elements.
 * Nothing runs while the page is idle: one timer per batch of changes, none in between.
 */
import { entriesOf, entryAt, entryHeadline, entryText, entryTime, findBlogs, firstWords, type BlogEntry } from '../../core/liveblog/entries';
import { entryKey } from '../../core/liveblog/identity';
import type { Relevance } from '../../core/liveblog/relevance';
import { rootAccessor } from '../shadow-roots';

export interface TrackedEntry {
  readonly id: string;
  /** The entry's identity across visits (core/liveblog/identity.ts); `id` holds for this page only. */
  key: string;
  entry: BlogEntry;
  time: { text: string; iso: string | null };
  /** The entry's day, "2022-01-21"; null when neither it nor the page gives one. */
  day: string | null;
  title: string;
  headline: boolean;
  /** Null until judged, and for entries not about the event. */
  relevance: Relevance | null;
  text: string;
}

export interface Tracker {
  /** Every entry followed now, in no particular order. */
  entries(): IterableIterator<TrackedEntry>;
  find(id: string): TrackedEntry | undefined;
  size(): number;
  /** Splits the page again: a new page, a blog that arrived late or was replaced. */
  rescan(): void;
  /** Judges every entry again (the rule's data arrived). */
  rejudge(): void;
  /** Whether the blogs followed are still in the page. */
  intact(): boolean;
  stop(): void;
}

export interface TrackerOptions {
  /** Where to look first (the story); the whole body when it holds no blog. */
  root: () => Element | null;
  /** The entry's verdict, given its day. */
  judge: (text: string, day: string | null) => Relevance | null;
  /** The entry's day (core/liveblog/dates.ts); none given: the entries have no day. */
  day?: (entry: BlogEntry) => string | null;
  /** Elements the extension put into entries, which are not the page's changes. */
  ours: (node: Node) => boolean;
  /** Entries added or changed, and those removed, after each batch. */
  onChange: (changed: TrackedEntry[], removed: TrackedEntry[]) => void;
}

/** Coalesces a burst of the page's changes (an entry rendered in steps) into one pass. */
const BATCH_MS = 40;

function sameRelevance(a: Relevance | null, b: Relevance | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The entries followed, found by their stamp, their ID or any of their parts; what changed since the last `drain`. */
class EntryIndex {
  readonly byId = new Map<string, TrackedEntry>();
  private readonly byStamp = new Map<Element, TrackedEntry>();
  /** Every part of every entry, to its entry: a removed or edited child finds its entry at once. */
  readonly owners = new Map<Element, TrackedEntry>();
  /** Entries whose reading another entry's made stale (flat markup): read again in the same batch. */
  stale = new Set<TrackedEntry>();
  private changed = new Set<TrackedEntry>();
  private removed: TrackedEntry[] = [];
  private serial = 0;

  constructor(private readonly options: Pick<TrackerOptions, 'judge' | 'day'>) {}

  private unown(tracked: TrackedEntry): void {
    for (const part of tracked.entry.parts) if (this.owners.get(part) === tracked) this.owners.delete(part);
  }

  forget(tracked: TrackedEntry): void {
    this.byStamp.delete(tracked.entry.stamp);
    this.byId.delete(tracked.id);
    this.unown(tracked);
    this.changed.delete(tracked);
    this.removed.push(tracked);
  }

  read(tracked: TrackedEntry): void {
    const time = entryTime(tracked.entry);
    const text = entryText(tracked.entry);
    const headline = entryHeadline(tracked.entry);
    const day = this.options.day?.(tracked.entry) ?? null;
    const relevance = this.options.judge(text, day);
    if (tracked.text === text && tracked.time.text === time.text && tracked.day === day && sameRelevance(tracked.relevance, relevance)) return;
    const title = headline ?? firstWords(text, time.text);
    Object.assign(tracked, { time, day, text, relevance, title, headline: headline !== null, key: entryKey(tracked.entry, time, title) });
    this.changed.add(tracked);
  }

  upsert(entry: BlogEntry): TrackedEntry {
    let tracked = this.byStamp.get(entry.stamp);
    if (tracked === undefined) {
      tracked = { id: `e${++this.serial}`, key: '', entry, time: { text: '', iso: null }, day: null, title: '', headline: false, relevance: null, text: '' };
      this.byStamp.set(entry.stamp, tracked);
      this.byId.set(tracked.id, tracked);
    } else {
      this.unown(tracked);
      tracked.entry = entry;
    }
    for (const part of entry.parts) {
      const before = this.owners.get(part);
      // A new stamp in flat markup takes the text after it from the entry above: that one is read again.
      if (before !== undefined && before !== tracked) this.stale.add(before);
      this.owners.set(part, tracked);
    }
    this.read(tracked);
    return tracked;
  }

  /** What changed and what went since the last call. */
  drain(): { changed: TrackedEntry[]; removed: TrackedEntry[] } {
    const out = { changed: [...this.changed].filter((t) => this.byId.has(t.id)), removed: this.removed };
    this.changed = new Set();
    this.removed = [];
    return out;
  }

  clear(): void {
    this.byId.clear();
    this.byStamp.clear();
    this.owners.clear();
  }
}

/** The child of one of `blogs` that holds `node`; null outside the blogs. */
function childOf(blogs: ReadonlySet<Element>, node: Node): Element | null {
  for (let at: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; at !== null; at = at.parentElement) {
    if (at.parentElement !== null && blogs.has(at.parentElement)) return at;
  }
  return null;
}

/** Whether a record only adds or removes the extension's own elements (none: it is the page's). */
function onlyOurs(record: MutationRecord, ours: (node: Node) => boolean): boolean {
  let any = false;
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of list) {
      if (!ours(node)) return false;
      any = true;
    }
  }
  return any;
}

/** The page's changes to its blogs, sorted: children added or edited, and entries that lost a part. */
function sortRecords(records: MutationRecord[], blogs: ReadonlySet<Element>, index: EntryIndex, ours: (node: Node) => boolean, dirty: Set<Element>): void {
  for (const record of records) {
    if (onlyOurs(record, ours)) continue;
    if (record.type !== 'childList' || !blogs.has(record.target as Element)) {
      const child = childOf(blogs, record.target);
      if (child !== null) dirty.add(child);
      continue;
    }
    for (const node of record.removedNodes) {
      const owner = node.nodeType === 1 ? index.owners.get(node as Element) : undefined;
      if (owner !== undefined) index.stale.add(owner);
    }
    for (const node of record.addedNodes) if (node.nodeType === 1) dirty.add(node as Element);
  }
}

/** The blogs in the shadow roots under `top` (an embed that renders into one), roots in roots too. */
function blogsInRoots(doc: Document, top: Element): Element[] {
  const rootOf = rootAccessor(doc);
  const stack = [top];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    for (const el of at.querySelectorAll('*')) {
      const root = rootOf(el);
      if (root === null) continue;
      const found = [...root.children].flatMap(findBlogs);
      if (found.length > 0) return found;
      stack.push(...root.children);
    }
  }
  return [];
}

/** The blogs in the story, else in the whole body, else in the page's shadow roots (looked through only then). */
function blogsIn(doc: Document, root: Element | null): Element[] {
  const found = root ? findBlogs(root) : [];
  if (found.length > 0) return found;
  const inBody = root !== doc.body ? findBlogs(doc.body) : [];
  return inBody.length > 0 ? inBody : blogsInRoots(doc, doc.body);
}

export function trackLiveblog(doc: Document, options: TrackerOptions): Tracker {
  let blogs = new Set<Element>();
  const index = new EntryIndex(options);
  let dirty = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blogOf = (child: Element): Element | null => (child.parentElement !== null && blogs.has(child.parentElement) ? child.parentElement : null);

  const flush = (): void => {
    timer = undefined;
    const children = dirty;
    dirty = new Set();
    const stale = index.stale;
    index.stale = new Set();
    for (const tracked of stale) {
      const start = tracked.entry.parts.find((part) => part.contains(tracked.entry.stamp));
      if (start === undefined || !tracked.entry.stamp.isConnected || blogOf(start) === null) index.forget(tracked);
      else children.add(start);
    }
    for (const child of children) {
      const blog = blogOf(child);
      const entry = blog && entryAt(blog, child);
      if (entry) index.upsert(entry);
    }
    // Reading an entry can make a neighbour's reading stale (flat markup): once more, never in a loop.
    for (const tracked of index.stale) if (index.byId.has(tracked.id)) index.read(tracked);
    index.stale = new Set();
    const { changed, removed } = index.drain();
    if (changed.length > 0 || removed.length > 0) options.onChange(changed, removed);
  };

  const Observer = doc.defaultView?.MutationObserver;
  const observer = Observer
    ? new Observer((records) => {
        sortRecords(records, blogs, index, options.ours, dirty);
        if (dirty.size > 0 || index.stale.size > 0) timer ??= setTimeout(flush, BATCH_MS);
      })
    : null;

  const rescan = (): void => {
    observer?.disconnect();
    blogs = new Set(blogsIn(doc, options.root()));
    const seen = new Set<TrackedEntry>();
    for (const blog of blogs) {
      observer?.observe(blog, { childList: true, subtree: true, characterData: true });
      for (const entry of entriesOf(blog)) seen.add(index.upsert(entry));
    }
    for (const tracked of [...index.byId.values()]) if (!seen.has(tracked)) index.forget(tracked);
    clearTimeout(timer);
    flush();
  };

  return {
    entries: () => index.byId.values(),
    find: (id) => index.byId.get(id),
    size: () => index.byId.size,
    rescan,
    rejudge: () => {
      for (const tracked of index.byId.values()) index.read(tracked);
      clearTimeout(timer);
      flush();
    },
    intact: () => [...blogs].every((blog) => blog.isConnected),
    stop: () => {
      observer?.disconnect();
      clearTimeout(timer);
      blogs.clear();
      index.clear();
    },
  };
}
