/**
 * Live-blog context: on a live blog the extension recognises, the entries about the event are found
 * in whatever markup the blog uses, followed as the blog updates, marked beside their time, counted
 * for the popup and listed in the side panel, which is told of every change. The rule's data comes
 * from the background, which holds the briefing; until it arrives entries are followed, not judged.
 */
import { EntryDays } from '../../core/liveblog/dates';
import { compileProfile, judgeEntry, type CompiledProfile, type Relevance } from '../../core/liveblog/relevance';
import { ARTICLE_ROOT } from '../../core/selectors';
import type { LanguageChoice } from '../../core/settings';
import { MAX_LIVE_ENTRIES, type LiveEntry, type LiveblogProfile, type LiveblogState } from '../../shared/messages';
import { announce, listen, requestLiveblogProfile, requestOpenPanel } from '../../shared/messaging';
import type { ContentContext } from '../context';
import type { PageChange } from '../page-watcher';
import { isMarker, removeMarkers, syncMarker } from '../liveblog/markers';
import { showEntry } from '../liveblog/show-entry';
import { trackLiveblog, type TrackedEntry, type Tracker } from '../liveblog/tracker';
import { VisitMemory } from '../liveblog/visit-memory';

/** Lets a burst of updates reach the panel as one message, well within the second it may take. */
const ANNOUNCE_MS = 150;
/** A page without a blog yet is split again at most this often while it keeps adding elements. */
const RETRY_MS = 1000;

const minutes = (time: string): number | null => {
  const m = /(\d{1,2})[:.](\d{2})(?!.*\d[:.]\d)/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** An entry's moment from its day and its clock ("2022-01-21", "15.40"), where both are known; sorts as the moments do. */
const dayAndClock = (t: TrackedEntry): string | null => {
  const clock = minutes(t.time.text);
  return t.day === null || clock === null ? null : `${t.day} ${String(clock).padStart(4, '0')}`;
};

/**
 * Newest first: by date where every entry gives one, else by day and clock where every entry has
 * both (a blog of several days under day headings), else as the page orders them, turned when it counts up.
 */
export function newestFirst<T extends TrackedEntry>(entries: T[]): T[] {
  const inPage = [...entries].sort((a, b) => (a.entry.stamp.compareDocumentPosition(b.entry.stamp) & 4 ? -1 : 1));
  const date = (t: TrackedEntry): number => Date.parse(t.time.iso ?? '');
  if (inPage.every((t) => t.time.iso !== null)) return inPage.sort((a, b) => date(b) - date(a));
  const moments = new Map(inPage.map((t) => [t, dayAndClock(t)]));
  const moment = (t: T): string => moments.get(t) ?? '';
  if (inPage.every((t) => moments.get(t) !== null)) return inPage.sort((a, b) => (moment(a) < moment(b) ? 1 : moment(a) > moment(b) ? -1 : 0));
  const first = minutes(inPage[0]?.time.text ?? '');
  const last = minutes(inPage.at(-1)?.time.text ?? '');
  return first !== null && last !== null && first < last ? inPage.reverse() : inPage;
}

function liveEntry(t: TrackedEntry & { relevance: Relevance }, fresh: boolean): LiveEntry {
  const { signals, positions, quoted, sides, evidence } = t.relevance;
  return { id: t.id, time: t.time.text, iso: t.time.iso, title: t.title.slice(0, 300), headline: t.headline, signals, positions, quoted, sides, day: t.day, evidence, fresh };
}

/** The blog's current day: the page's date, else its newest entry's. */
function blogToday(pageDay: string | null, entries: Iterable<TrackedEntry>): string | null {
  if (pageDay !== null) return pageDay;
  let newest: string | null = null;
  for (const t of entries) if (t.day !== null && (newest === null || t.day > newest)) newest = t.day;
  return newest;
}

type Related = TrackedEntry & { relevance: Relevance };

/** The panel's view of the blog: told of changes once it asked, each state at most once. */
class Announcer {
  private listened = false;
  private told = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly signal: AbortSignal,
    private readonly build: () => LiveblogState,
  ) {}

  /** A side panel asked: from then on it is told of every change. Nobody else listens. */
  answer(): LiveblogState {
    this.listened = true;
    const now = this.build();
    this.told = JSON.stringify(now);
    return now;
  }

  tell(): void {
    if (!this.listened) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.signal.aborted) return;
      const now = this.build();
      const key = JSON.stringify(now);
      if (key === this.told) return;
      this.told = key;
      announce(now);
    }, ANNOUNCE_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** One page's live-blog context: the tracker, the rule's data, the markers and what the panel and popup hear. */
class LiveblogFeature {
  private tracker: Tracker | null = null;
  private profile: LiveblogProfile | null = null;
  private compiled: CompiledProfile | null = null;
  private asked: LanguageChoice | null = null;
  private focus: string | null = null;
  private lastRetry = 0;
  private readonly days: EntryDays;
  /** The entries about the event, kept as entries change: no pass over the blog per update. */
  private readonly relatedIds = new Set<string>();
  readonly panel: Announcer;
  readonly visits: VisitMemory;

  constructor(private readonly ctx: ContentContext) {
    this.panel = new Announcer(ctx.signal, () => this.state());
    this.days = new EntryDays(ctx.doc);
    this.visits = new VisitMemory(ctx.signal, () => {
      this.markAll();
      this.count();
      this.panel.tell();
    });
  }

  /** Splits the page again; its date is read again with it (an in-site navigation brings another). */
  private rescan(): void {
    this.days.reset();
    this.tracker?.rescan();
  }

  private related(): Related[] {
    return [...this.relatedIds].map((id) => this.tracker?.find(id)).filter((t): t is Related => t?.relevance != null);
  }

  state(): LiveblogState {
    const entries = newestFirst(this.related()).slice(0, MAX_LIVE_ENTRIES).map((t) => liveEntry(t, this.visits.isFresh(t.key)));
    const today = blogToday(this.days.pageDay(), this.tracker?.entries() ?? []);
    const { lastVisit } = this.visits;
    return { type: 'lagebild/liveblog-state', entries, total: this.tracker?.size() ?? 0, focus: this.focus, today, lastVisit };
  }

  /** The counts the popup, the card and the badge read from the shared context. */
  private count(): void {
    const { lastVisit } = this.visits;
    const fresh = lastVisit === null ? null : this.related().filter((t) => this.visits.isFresh(t.key)).length;
    const now = this.tracker === null ? null : { related: this.relatedIds.size, total: this.tracker.size(), fresh, lastVisit };
    const news = now?.related !== this.ctx.liveblog?.related || now?.fresh !== this.ctx.liveblog?.fresh;
    this.ctx.liveblog = now;
    if (news) this.ctx.announceFindings();
  }

  private readonly open = async (id: string): Promise<boolean> => {
    this.focus = id;
    const opened = await requestOpenPanel();
    // An open panel hears of the focus now; one that is opening asks for the state and finds it there.
    this.panel.tell();
    return opened;
  };

  private mark(t: TrackedEntry): void {
    syncMarker(this.ctx.doc, t, this.profile, this.ctx.settings.entryMarkers, { open: this.open }, this.visits.isFresh(t.key));
  }

  markAll(): void {
    if (this.tracker) for (const t of this.tracker.entries()) this.mark(t);
  }

  private readonly onChange = (changed: TrackedEntry[], removed: TrackedEntry[]): void => {
    let news = false;
    for (const t of changed) {
      this.mark(t);
      news ||= t.relevance !== null || this.relatedIds.has(t.id);
      if (t.relevance !== null) this.relatedIds.add(t.id);
      else this.relatedIds.delete(t.id);
    }
    for (const t of removed) {
      // Every removal is made: `news ||= delete(…)` would stop deleting once news were true.
      if (this.relatedIds.delete(t.id)) news = true;
      if (t.id === this.focus) this.focus = null;
    }
    if (news) this.panel.tell();
    this.visits.changed(changed, removed);
    this.count();
  };

  /** Remembers this visit where the reader lets it (the switch; the background keeps private windows out). */
  private remember(): void {
    const on = this.ctx.settingsLoaded && this.ctx.settings.rememberVisits;
    const blog = on && this.tracker !== null ? (this.ctx.verdict?.articleId ?? null) : null;
    this.visits.visit(blog, this.tracker?.entries() ?? []);
    if (blog === null) this.count();
  }

  /** Every entry counts as seen: nothing is new until the page adds more. */
  markSeen(): LiveblogState {
    this.visits.markAllSeen();
    this.markAll();
    this.count();
    return this.panel.answer();
  }

  find(id: string): TrackedEntry | undefined {
    return this.tracker?.find(id);
  }

  /** Follows the blog while the page is one, and lets go when it no longer is. */
  follow(): void {
    if (this.ctx.verdict?.kind !== 'ukraine-liveblog') {
      if (this.tracker !== null) this.stop();
      return;
    }
    if (this.tracker === null) {
      const { doc } = this.ctx;
      this.tracker = trackLiveblog(doc, {
        root: () => doc.querySelector(ARTICLE_ROOT),
        judge: (text, day) => (this.compiled ? judgeEntry(text, this.compiled, day) : null),
        day: (entry) => this.days.dayOf(entry.stamp, Date.now()),
        ours: isMarker,
        onChange: this.onChange,
      });
      this.rescan();
    }
    if (this.ctx.settingsLoaded) this.loadProfile();
    this.remember();
  }

  stop(): void {
    this.visits.stop();
    this.tracker?.stop();
    this.tracker = null;
    this.relatedIds.clear();
    removeMarkers(this.ctx.doc);
    this.count();
    this.panel.tell();
  }

  loadProfile(): void {
    const { language } = this.ctx.settings;
    if (this.asked === language) return;
    this.asked = language;
    void requestLiveblogProfile().then((answer) => {
      if (answer === null || this.asked !== language || this.ctx.signal.aborted) return;
      this.profile = answer;
      this.compiled = compileProfile(answer.relevance);
      this.tracker?.rejudge();
      this.markAll();
    });
  }

  /** The blog replaced (in-site navigation), or one that renders after the page: split again, now and then. */
  pageChanged({ source, urlChanged, added }: PageChange): void {
    const { tracker } = this;
    if (tracker === null || source !== 'mutation') return;
    const now = Date.now();
    if (urlChanged || !tracker.intact()) this.rescan();
    else if (tracker.size() === 0 && added.length > 0 && now - this.lastRetry >= RETRY_MS) {
      this.lastRetry = now;
      this.rescan();
    }
  }
}

export function liveblogContext(ctx: ContentContext): void {
  const { doc, signal } = ctx;
  const feature = new LiveblogFeature(ctx);
  ctx.onFindings(() => {
    feature.follow();
  });
  ctx.onSettings(() => {
    if (ctx.verdict?.kind !== 'ukraine-liveblog') return;
    feature.loadProfile();
    feature.markAll();
    feature.follow();
  });
  ctx.onPageChange((change) => {
    feature.pageChanged(change);
  });
  signal.addEventListener('abort', () => {
    feature.panel.stop();
    feature.stop();
  });
  listen(
    {
      'lagebild/liveblog': () => (ctx.verdict?.kind === 'ukraine-liveblog' ? feature.panel.answer() : undefined),
      'lagebild/mark-seen': () => (ctx.verdict?.kind === 'ukraine-liveblog' ? feature.markSeen() : undefined),
      'lagebild/show-entry': ({ id }) => {
        const t = feature.find(id);
        return { shown: t !== undefined && showEntry(doc, t.entry) };
      },
    },
    signal,
  );
  feature.follow();
}
