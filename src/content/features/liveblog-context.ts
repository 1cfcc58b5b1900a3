/**
 * Live-blog context: on a live blog the extension recognises, the entries about the event are found
 * in whatever markup the blog uses, followed as the blog updates, marked beside their time, counted
 * for the popup and listed in the side panel, which is told of every change. The rule's data comes
 * from the background, which holds the briefing; until it arrives entries are followed, not judged.
 */
import { compileProfile, judgeEntry, type CompiledProfile, type Relevance } from '../../core/liveblog/relevance';
import { ARTICLE_ROOT } from '../../core/selectors';
import type { LanguageChoice } from '../../core/settings';
import { MAX_LIVE_ENTRIES, type LiveEntry, type LiveblogProfile, type LiveblogState } from '../../shared/messages';
import { announce, listen, requestLiveblogProfile, requestOpenPanel } from '../../shared/messaging';
import type { ContentContext } from '../context';
import { isMarker, removeMarkers, syncMarker } from '../liveblog/markers';
import { showEntry } from '../liveblog/show-entry';
import { trackLiveblog, type TrackedEntry, type Tracker } from '../liveblog/tracker';

/** Lets a burst of updates reach the panel as one message, well within the second it may take. */
const ANNOUNCE_MS = 150;
/** A page without a blog yet is split again at most this often while it keeps adding elements. */
const RETRY_MS = 1000;

const minutes = (time: string): number | null => {
  const m = /(\d{1,2})[:.](\d{2})(?!.*\d[:.]\d)/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Newest first: by date where every entry gives one, else as the page orders them, turned when it counts up. */
export function newestFirst<T extends TrackedEntry>(entries: T[]): T[] {
  const inPage = [...entries].sort((a, b) => (a.entry.stamp.compareDocumentPosition(b.entry.stamp) & 4 ? -1 : 1));
  const date = (t: TrackedEntry): number => Date.parse(t.time.iso ?? '');
  if (inPage.every((t) => t.time.iso !== null)) return inPage.sort((a, b) => date(b) - date(a));
  const first = minutes(inPage[0]?.time.text ?? '');
  const last = minutes(inPage.at(-1)?.time.text ?? '');
  return first !== null && last !== null && first < last ? inPage.reverse() : inPage;
}

function liveEntry(t: TrackedEntry & { relevance: Relevance }): LiveEntry {
  return { id: t.id, time: t.time.text, iso: t.time.iso, title: t.title.slice(0, 300), headline: t.headline, ...t.relevance };
}

export function liveblogContext(ctx: ContentContext): void {
  const { doc, signal } = ctx;
  let tracker: Tracker | null = null;
  let profile: LiveblogProfile | null = null;
  let compiled: CompiledProfile | null = null;
  let asked: LanguageChoice | null = null;
  let focus: string | null = null;
  let told = '';
  /** A side panel asked for the entries: from then on it is told of every change. Nobody else listens. */
  let listened = false;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let lastRetry = 0;

  const markersOn = (): boolean => ctx.settings.entryMarkers;
  /** The entries about the event, kept as entries change: no pass over the blog per update. */
  const relatedIds = new Set<string>();
  const related = (): (TrackedEntry & { relevance: Relevance })[] =>
    [...relatedIds].map((id) => tracker?.find(id)).filter((t): t is TrackedEntry & { relevance: Relevance } => t?.relevance != null);

  /** The counts the popup, the card and the badge's neighbours read from the shared context. */
  const count = (): void => {
    const now = tracker === null ? null : { related: relatedIds.size, total: tracker.size() };
    const news = now?.related !== ctx.liveblog?.related;
    ctx.liveblog = now;
    if (news) ctx.announceFindings();
  };

  const state = (): LiveblogState => ({
    type: 'lagebild/liveblog-state',
    entries: newestFirst(related()).slice(0, MAX_LIVE_ENTRIES).map(liveEntry),
    total: tracker?.size() ?? 0,
    focus,
  });

  const tell = (): void => {
    if (!listened) return;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (signal.aborted) return;
      const now = state();
      const key = JSON.stringify(now);
      if (key === told) return;
      told = key;
      announce(now);
    }, ANNOUNCE_MS);
  };

  const open = async (id: string): Promise<boolean> => {
    focus = id;
    const opened = await requestOpenPanel();
    // An open panel hears of the focus now; one that is opening asks for the state and finds it there.
    tell();
    return opened;
  };

  const mark = (t: TrackedEntry): void => {
    syncMarker(doc, t, profile, markersOn(), { open });
  };

  const onChange = (changed: TrackedEntry[], removed: TrackedEntry[]): void => {
    let news = false;
    for (const t of changed) {
      mark(t);
      news ||= t.relevance !== null || relatedIds.has(t.id);
      if (t.relevance !== null) relatedIds.add(t.id);
      else relatedIds.delete(t.id);
    }
    for (const t of removed) {
      // Every removal is made: `news ||= delete(…)` would stop deleting once news were true.
      if (relatedIds.delete(t.id)) news = true;
      if (t.id === focus) focus = null;
    }
    if (news) tell();
    count();
  };

  const start = (): void => {
    if (tracker !== null) return;
    tracker = trackLiveblog(doc, {
      root: () => doc.querySelector(ARTICLE_ROOT),
      judge: (text) => (compiled ? judgeEntry(text, compiled) : null),
      ours: isMarker,
      onChange,
    });
    tracker.rescan();
  };

  const stop = (): void => {
    tracker?.stop();
    tracker = null;
    relatedIds.clear();
    removeMarkers(doc);
    count();
    tell();
  };

  const loadProfile = (): void => {
    const { language } = ctx.settings;
    if (asked === language) return;
    asked = language;
    void requestLiveblogProfile().then((answer) => {
      if (answer === null || asked !== language || signal.aborted) return;
      profile = answer;
      compiled = compileProfile(answer.relevance);
      tracker?.rejudge();
      if (tracker) for (const t of tracker.entries()) mark(t);
    });
  };

  const follow = (): void => {
    if (ctx.verdict?.kind !== 'ukraine-liveblog') {
      if (tracker !== null) stop();
      return;
    }
    start();
    if (ctx.settingsLoaded) loadProfile();
  };

  ctx.onFindings(follow);
  ctx.onSettings(() => {
    if (ctx.verdict?.kind !== 'ukraine-liveblog') return;
    loadProfile();
    if (tracker) for (const t of tracker.entries()) mark(t);
  });
  ctx.onPageChange(({ source, urlChanged, added }) => {
    if (tracker === null || source !== 'mutation') return;
    if (urlChanged || !tracker.intact()) {
      tracker.rescan();
      return;
    }
    // A blog that renders after the page (or not at all): split again now and then while elements come.
    const now = Date.now();
    if (tracker.size() === 0 && added.length > 0 && now - lastRetry >= RETRY_MS) {
      lastRetry = now;
      tracker.rescan();
    }
  });
  signal.addEventListener('abort', () => {
    clearTimeout(announceTimer);
    tracker?.stop();
    removeMarkers(doc);
  });

  listen(
    {
      'lagebild/liveblog': () => {
        if (ctx.verdict?.kind !== 'ukraine-liveblog') return undefined;
        listened = true;
        const now = state();
        told = JSON.stringify(now);
        return now;
      },
      'lagebild/show-entry': ({ id }) => {
        const t = tracker?.find(id);
        return { shown: t !== undefined && showEntry(doc, t.entry) };
      },
    },
    signal,
  );
  follow();
}
