/**
 * Follows a live blog's entries as the page changes them, for hours. The blog is split once
 * (core/liveblog/entries.ts); after that an observer on the blog alone hands over the children that
 * changed, and each is read again with its neighbours only: the work per added, edited or removed
 * entry is that entry's, not the blog's. An entry the page drops is forgotten with all its elements.
 * Nothing runs while the page is idle: one timer per batch of changes, none in between.
 */
import { entriesOf, entryAt, entryHeadline, entryText, entryTime, findBlogs, firstWords, type BlogEntry } from '../../core/liveblog/entries';
import type { Relevance } from '../../core/liveblog/relevance';

export interface TrackedEntry {
  readonly id: string;
  entry: BlogEntry;
  time: { text: string; iso: string | null };
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
  judge: (text: string) => Relevance | null;
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

export function trackLiveblog(doc: Document, options: TrackerOptions): Tracker {
  let blogs = new Set<Element>();
  const byStamp = new Map<Element, TrackedEntry>();
  const byId = new Map<string, TrackedEntry>();
  /** Every part of every entry, to its entry: a removed or edited child finds its entry at once. */
  const owners = new Map<Element, TrackedEntry>();
  let dirtyChildren = new Set<Element>();
  let dirtyEntries = new Set<TrackedEntry>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let serial = 0;
  let changed = new Set<TrackedEntry>();
  let removed: TrackedEntry[] = [];
  const Observer = doc.defaultView?.MutationObserver;

  const forget = (tracked: TrackedEntry): void => {
    byStamp.delete(tracked.entry.stamp);
    byId.delete(tracked.id);
    for (const part of tracked.entry.parts) if (owners.get(part) === tracked) owners.delete(part);
    changed.delete(tracked);
    removed.push(tracked);
  };

  const read = (tracked: TrackedEntry): void => {
    const time = entryTime(tracked.entry);
    const text = entryText(tracked.entry);
    const headline = entryHeadline(tracked.entry);
    const relevance = options.judge(text);
    if (tracked.text === text && tracked.time.text === time.text && sameRelevance(tracked.relevance, relevance)) return;
    Object.assign(tracked, { time, text, relevance, title: headline ?? firstWords(text, time.text), headline: headline !== null });
    changed.add(tracked);
  };

  const upsert = (entry: BlogEntry): TrackedEntry => {
    let tracked = byStamp.get(entry.stamp);
    if (tracked === undefined) {
      tracked = { id: `e${++serial}`, entry, time: { text: '', iso: null }, title: '', headline: false, relevance: null, text: '' };
      byStamp.set(entry.stamp, tracked);
      byId.set(tracked.id, tracked);
    } else {
      for (const part of tracked.entry.parts) if (owners.get(part) === tracked) owners.delete(part);
      tracked.entry = entry;
    }
    for (const part of entry.parts) {
      const before = owners.get(part);
      // A new stamp in flat markup takes the text after it from the entry above: that one is read again.
      if (before !== undefined && before !== tracked) dirtyEntries.add(before);
      owners.set(part, tracked);
    }
    read(tracked);
    return tracked;
  };

  const blogOf = (child: Element): Element | null => {
    const parent = child.parentElement;
    return parent !== null && blogs.has(parent) ? parent : null;
  };

  const flush = (): void => {
    timer = undefined;
    const children = dirtyChildren;
    const entries = dirtyEntries;
    dirtyChildren = new Set();
    dirtyEntries = new Set();
    for (const tracked of entries) {
      const [start] = tracked.entry.parts.filter((part) => part.contains(tracked.entry.stamp));
      if (start !== undefined) children.add(start);
      if (!tracked.entry.stamp.isConnected || start === undefined || blogOf(start) === null) forget(tracked);
    }
    for (const child of children) {
      const blog = blogOf(child);
      const entry = blog && entryAt(blog, child);
      if (entry !== null) upsert(entry);
    }
    // Reading an entry can make a neighbour's reading stale (flat markup): once more, never in a loop.
    for (const tracked of dirtyEntries) if (byId.has(tracked.id)) read(tracked);
    dirtyEntries = new Set();
    const out = [...changed].filter((t) => byId.has(t.id));
    const gone = removed;
    changed = new Set();
    removed = [];
    if (out.length > 0 || gone.length > 0) options.onChange(out, gone);
  };

  const schedule = (): void => {
    timer ??= setTimeout(flush, BATCH_MS);
  };

  /** The child of a blog that holds `node`; null outside the blogs. */
  const childOf = (node: Node): Element | null => {
    for (let at: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; at !== null; at = at.parentElement) {
      if (at.parentElement !== null && blogs.has(at.parentElement)) return at;
    }
    return null;
  };

  const onRecords = (records: MutationRecord[]): void => {
    for (const record of records) {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      if (nodes.length > 0 && nodes.every(options.ours)) continue;
      if (record.type === 'childList' && blogs.has(record.target as Element)) {
        for (const node of record.removedNodes) {
          const owner = node.nodeType === 1 ? owners.get(node as Element) : undefined;
          if (owner !== undefined) dirtyEntries.add(owner);
        }
        for (const node of record.addedNodes) if (node.nodeType === 1) dirtyChildren.add(node as Element);
      } else {
        const child = childOf(record.target);
        if (child !== null) dirtyChildren.add(child);
      }
    }
    if (dirtyChildren.size > 0 || dirtyEntries.size > 0) schedule();
  };
  const observer = Observer ? new Observer(onRecords) : null;

  const rescan = (): void => {
    const root = options.root();
    let found = root ? findBlogs(root) : [];
    if (found.length === 0 && root !== doc.body) found = findBlogs(doc.body);
    observer?.disconnect();
    blogs = new Set(found);
    const seen = new Set<TrackedEntry>();
    for (const blog of blogs) {
      observer?.observe(blog, { childList: true, subtree: true, characterData: true });
      for (const entry of entriesOf(blog)) seen.add(upsert(entry));
    }
    for (const tracked of [...byId.values()]) if (!seen.has(tracked)) forget(tracked);
    clearTimeout(timer);
    flush();
  };

  return {
    entries: () => byId.values(),
    find: (id) => byId.get(id),
    size: () => byId.size,
    rescan,
    rejudge: () => {
      for (const tracked of byId.values()) read(tracked);
      clearTimeout(timer);
      flush();
    },
    intact: () => [...blogs].every((blog) => blog.isConnected),
    stop: () => {
      observer?.disconnect();
      clearTimeout(timer);
      blogs.clear();
      byStamp.clear();
      byId.clear();
      owners.clear();
    },
  };
}
