/**
 * The badge's count. The background asks for it when a page has loaded (background/page-scripts.ts,
 * through the door, ../from-background.ts); only changes after that are reported by message, so
 * most page loads send none and never set up the extension API's messaging in the page.
 *
 * A background that is starting can miss the tab's load: Chromium drops the tab events of a new
 * service worker's first moments (the first page after an install shows it). A page the
 * background has not asked within UNASKED_MS of its load event reports its count itself.
 */
import { reportPage } from '../../shared/messaging';
import type { ContentContext } from '../context';

/** Coalesces bursts (a late body with many widgets) into one badge update. */
const REPORT_DELAY_MS = 50;
/** A report the background did not take is sent again once, this much later. */
const RETRY_MS = 1000;
/** The background's ask comes within milliseconds of the load event; this is long past it. */
export const UNASKED_MS = 500;

export function reportHidden(ctx: ContentContext): void {
  const { signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;

  const send = (): void => {
    const { hiddenCount } = ctx;
    const fresh = ctx.liveblog?.fresh ?? 0;
    const shows = ctx.badgeShows;
    if (signal.aborted || shows === null || (hiddenCount === shows.hiddenCount && fresh === shows.fresh)) return;
    ctx.badgeShows = { hiddenCount, fresh };
    reportPage({ type: 'lagebild/page-report', hiddenCount, fresh }).then(
      () => {
        retries = 0;
      },
      () => {
        // The background may be starting up or the extension reloading: the count is sent again once a
        // little later (a page that never changes again would keep a stale badge), then at the next change.
        ctx.badgeShows = { hiddenCount: -1, fresh: -1 };
        if (retries++ === 0) later(RETRY_MS);
      },
    );
  };
  const later = (ms: number): void => {
    clearTimeout(timer);
    timer = setTimeout(send, ms);
  };
  ctx.onFindings(() => {
    if (ctx.badgeShows !== null) later(REPORT_DELAY_MS);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
  });
  reportIfUnasked(ctx, send);
}

/**
 * After the load event, a page not yet asked takes the badge as empty (as a new page's is) and
 * reports from there; `send` sends nothing once the content script stopped.
 */
function reportIfUnasked(ctx: ContentContext, send: () => void): void {
  const view = ctx.doc.defaultView;
  if (view === null) return;
  const unasked = (): void => {
    if (ctx.badgeShows !== null) return;
    ctx.badgeShows = { hiddenCount: 0, fresh: 0 };
    send();
  };
  const wait = (): void => {
    setTimeout(unasked, UNASKED_MS);
  };
  if (ctx.doc.readyState === 'complete') wait();
  else view.addEventListener('load', wait, { once: true, signal: ctx.signal });
}
