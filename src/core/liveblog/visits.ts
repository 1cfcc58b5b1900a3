/**
 * What a reader has had in front of them on a live blog, visit by visit, so a later visit can say
 * what is new since. Pure: the stored record and this visit's entries in, what is new and the record
 * to store out. The record holds per blog (its article ID) only when its last two visits began and
 * the identities of its entries (core/liveblog/identity.ts): no text, no address.
 *
 * A visit is one page load of the blog, in one tab; it begins when the page features first follow
 * the blog. Entries the page adds while it is open are seen in that visit: new now (the reader is
 * told of them as they come), known at the next visit. An entry is new when the blog has an earlier
 * visit and the entry was not on the page in any of them.
 */
import { isRecord } from '../settings';

export const VISITS_KEY = 'visits';
/** Blogs remembered at most; the one visited longest ago goes first. */
export const MAX_BLOGS = 20;
/** Entries remembered at most, over all blogs; the oldest seen go first. */
export const MAX_KEYS = 2000;
const MAX_ID = 64;

export interface BlogVisits {
  /** When the blog's latest visit began (ms). */
  at: number;
  /** When the visit before it began; null while the blog has had one visit. */
  prev: number | null;
  /** Entries on the page in an earlier visit (or marked as seen), oldest seen first. */
  seen: string[];
  /** Entries first on the page in the latest visit, in the order they came. */
  fresh: string[];
}

export interface VisitRecord {
  v: 1;
  blogs: Record<string, BlogVisits>;
}

/** What one tab tells of its visit: the entries on the page now, and those the page removed since it last told. */
export interface Visit {
  blog: string;
  /** When this visit began (ms): the same in every report of the visit. */
  start: number;
  keys: readonly string[];
  gone?: readonly string[];
  /** The reader marked everything as seen. */
  allSeen?: boolean;
}

export interface VisitOutcome {
  /** This visit's entries not on the page in an earlier one; none on a first visit. */
  fresh: string[];
  /** When the previous visit began; null on a first visit. */
  lastVisit: number | null;
  /** The entries known before this visit (or marked as seen), for telling entries that come later. */
  seen: string[];
  record: VisitRecord;
}

export const emptyVisits = (): VisitRecord => ({ v: 1, blogs: {} });

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isId);

function parseBlog(raw: unknown): BlogVisits | null {
  if (!isRecord(raw)) return null;
  const { at, prev, seen, fresh } = raw;
  if (!isTime(at) || !(prev === null || isTime(prev)) || !isIdList(seen) || !isIdList(fresh)) return null;
  return { at, prev, seen: [...seen], fresh: [...fresh] };
}

/** Whatever storage returned: a corrupt or foreign record, or a blog in it, is dropped without an error. */
export function parseVisits(raw: unknown): VisitRecord {
  const record = emptyVisits();
  if (!isRecord(raw) || raw.v !== 1 || !isRecord(raw.blogs)) return record;
  for (const [blog, value] of Object.entries(raw.blogs)) {
    const parsed = isId(blog) ? parseBlog(value) : null;
    if (parsed) record.blogs[blog] = parsed;
  }
  return bounded(record);
}

/** How many blogs a stored record remembers, for the options page. */
export function rememberedBlogs(raw: unknown): number {
  return Object.keys(parseVisits(raw).blogs).length;
}

/** Entries the record remembers, over all blogs. */
export const keyCount = (record: VisitRecord): number => Object.values(record.blogs).reduce((sum, b) => sum + b.seen.length + b.fresh.length, 0);

/**
 * Within the bounds: the blogs visited longest ago go first, then the entries seen longest ago, the
 * oldest blog's first. A blog that loses all its entries so is dropped: its next visit is a first one
 * rather than one that calls every entry new.
 */
export function bounded(record: VisitRecord): VisitRecord {
  const byAge = Object.entries(record.blogs).sort(([, a], [, b]) => a.at - b.at);
  const blogs = byAge.slice(Math.max(0, byAge.length - MAX_BLOGS)).map(([id, b]): [string, BlogVisits] => [id, { ...b, seen: [...b.seen], fresh: [...b.fresh] }]);
  let excess = blogs.reduce((sum, [, b]) => sum + b.seen.length + b.fresh.length, 0) - MAX_KEYS;
  const emptied = new Set<BlogVisits>();
  for (const [, b] of blogs) {
    if (excess <= 0) break;
    const fromSeen = Math.min(excess, b.seen.length);
    b.seen.splice(0, fromSeen);
    const fromFresh = Math.min(excess - fromSeen, b.fresh.length);
    b.fresh.splice(0, fromFresh);
    excess -= fromSeen + fromFresh;
    if (fromSeen + fromFresh > 0 && b.seen.length + b.fresh.length === 0) emptied.add(b);
  }
  return { v: 1, blogs: Object.fromEntries(blogs.filter(([, b]) => !emptied.has(b))) };
}

/** Adds `more` to `list` where it does not hold them yet, in order. */
function withAll(list: readonly string[], more: Iterable<string>): string[] {
  const out = [...list];
  const has = new Set(list);
  for (const key of more) {
    if (has.has(key)) continue;
    has.add(key);
    out.push(key);
  }
  return out;
}

/** The blog as this visit leaves it: a new visit makes the last one's entries seen. */
function nextBlog(before: BlogVisits | undefined, visit: Visit): BlogVisits {
  const gone = new Set(visit.gone ?? []);
  const keep = (key: string): boolean => !gone.has(key);
  if (before === undefined) return { at: visit.start, prev: null, seen: [], fresh: withAll([], visit.keys.filter(keep)) };
  // A tab whose visit began before the latest one (two tabs of one blog) adds to the latest.
  const isNew = visit.start > before.at;
  const seen = (isNew ? withAll(before.seen, before.fresh) : before.seen).filter(keep);
  const known = new Set(seen);
  const fresh = withAll(isNew ? [] : before.fresh.filter(keep), visit.keys.filter((key) => keep(key) && !known.has(key)));
  const blog = { at: isNew ? visit.start : before.at, prev: isNew ? before.at : before.prev, seen, fresh };
  return visit.allSeen ? { ...blog, seen: withAll(seen, fresh), fresh: [] } : blog;
}

/** Records one report of a visit in the stored record: what is new on the page, and the record to store. */
export function recordVisit(stored: unknown, visit: Visit): VisitOutcome {
  const record = parseVisits(stored);
  const blog = nextBlog(record.blogs[visit.blog], visit);
  const next = bounded({ v: 1, blogs: { ...record.blogs, [visit.blog]: blog } });
  const kept = next.blogs[visit.blog] ?? blog;
  const known = new Set(kept.seen);
  const onPage = visit.keys.filter((key) => !known.has(key));
  return {
    fresh: kept.prev === null ? [] : onPage,
    lastVisit: kept.prev,
    seen: kept.prev === null ? [] : kept.seen,
    record: next,
  };
}

/** The record's size as stored, in bytes of JSON: what remembering costs. */
export const storedBytes = (record: VisitRecord): number => new TextEncoder().encode(JSON.stringify(record)).length;
