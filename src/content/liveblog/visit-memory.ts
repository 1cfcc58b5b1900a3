/**
 * This tab's visit of a live blog, as the record of visits sees it (core/liveblog/visits.ts). A visit
 * begins when the page features first follow the blog in this page load (or follow another blog
 * after an in-site navigation); its entries, and those the page adds while it is open, are reported
 * to the background, which remembers them, and the answer says which were known before the visit:
 * the rest are new. Reports go out only when the entries changed, at most once a second, the first
 * at once: an entry seen is remembered within a second, and an idle blog costs nothing.
 */
import type { VisitReport } from '../../shared/messages';
import { rememberVisit } from '../../shared/messaging';
import type { TrackedEntry } from './tracker';

/** A report at most this often while the blog updates. */
export const REPORT_MS = 1000;

export class VisitMemory {
  private blog: string | null = null;
  private start = 0;
  /** Each followed entry's identity, by its ID on this page. */
  private readonly keyOf = new Map<string, string>();
  private gone = new Set<string>();
  private allSeen = false;
  private told = '';
  private lastSent = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The entries known before this visit, or marked as seen; null on a first visit or when nothing is remembered. */
  private known: Set<string> | null = null;
  /** When the previous visit began; null on a first visit or when nothing is remembered. */
  lastVisit: number | null = null;
  /** Reports sent, for the bench's writes per minute. */
  reports = 0;

  constructor(
    private readonly signal: AbortSignal,
    /** The background answered: what is new may have changed. */
    private readonly onRecall: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Follows the visit of `blog` (its article ID); null, or the feature off, remembers nothing. */
  visit(blog: string | null, entries: Iterable<TrackedEntry>): void {
    if (blog === this.blog) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    Object.assign(this, { blog, start: this.now(), gone: new Set(), allSeen: false, told: '', known: null, lastVisit: null });
    this.keyOf.clear();
    this.changed([...entries], []);
  }

  /** The tracker's news: entries added or changed, and removed. */
  changed(changed: readonly TrackedEntry[], removed: readonly TrackedEntry[]): void {
    if (this.blog === null) return;
    for (const t of removed) {
      const key = this.keyOf.get(t.id);
      if (key !== undefined) this.gone.add(key);
      this.keyOf.delete(t.id);
    }
    for (const t of changed) {
      const before = this.keyOf.get(t.id);
      // An edit the page gives no ID for is a new entry: the old identity goes.
      if (before !== undefined && before !== t.key) this.gone.add(before);
      this.keyOf.set(t.id, t.key);
    }
    this.schedule();
  }

  isFresh(key: string): boolean {
    return this.known !== null && !this.known.has(key);
  }

  /** The reader marked every entry as seen. */
  markAllSeen(): void {
    if (this.blog === null) return;
    for (const key of this.keyOf.values()) this.known?.add(key);
    this.allSeen = true;
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.blog = null;
  }

  private schedule(): void {
    if (this.blog === null || this.timer !== undefined) return;
    this.timer = setTimeout(this.send, Math.max(0, this.lastSent + REPORT_MS - this.now()));
  }

  private readonly send = (): void => {
    this.timer = undefined;
    const { blog } = this;
    if (this.signal.aborted || blog === null) return;
    const keys = [...new Set(this.keyOf.values())];
    const told = keys.join(' ');
    if (told === this.told && this.gone.size === 0 && !this.allSeen) return;
    const report: VisitReport = { type: 'lagebild/visit', blog, start: this.start, keys, gone: [...this.gone], allSeen: this.allSeen };
    Object.assign(this, { told, gone: new Set(), allSeen: false, lastSent: this.now() });
    this.reports++;
    void rememberVisit(report).then((recall) => {
      if (this.blog !== blog || this.signal.aborted) return;
      const before = `${this.lastVisit}|${this.known?.size ?? -1}`;
      if (recall === null) {
        // Not remembered (a private window, the feature off, a background starting): nothing is new.
        this.known = null;
        this.lastVisit = null;
        // Sent again with the blog's next change, should the background only have been starting.
        this.told = '';
      } else {
        this.lastVisit = recall.lastVisit;
        // Known only grows within a visit: an answer to an earlier report must not undo a later "seen".
        this.known = recall.lastVisit === null ? null : new Set([...(this.known ?? []), ...recall.seen]);
      }
      // Most answers change nothing (a first visit, a report of entries already told): no pass over the blog then.
      if (`${this.lastVisit}|${this.known?.size ?? -1}` !== before) this.onRecall();
    });
  };
}
