/**
 * The badge's count. The background asks for it when a page has loaded (background/page-scripts.ts,
 * through the door, ../from-background.ts); only changes after that are reported by message, so
 * most page loads send none and never set up the extension API's messaging in the page.
 */
import { reportPage } from '../../shared/messaging';
import type { ContentContext } from '../context';

/** Coalesces bursts (a late body with many widgets) into one badge update. */
const REPORT_DELAY_MS = 50;

export function reportHidden(ctx: ContentContext): void {
  const { signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (): void => {
    const hiddenCount = ctx.hiddenCount;
    if (signal.aborted || ctx.badgeShows === null || hiddenCount === ctx.badgeShows) return;
    ctx.badgeShows = hiddenCount;
    reportPage({ type: 'lagebild/page-report', hiddenCount }).catch(() => {
      // The background may be starting up or the extension reloading: the next change reports again.
      ctx.badgeShows = -1;
    });
  };
  ctx.onFindings(() => {
    if (ctx.badgeShows === null) return;
    clearTimeout(timer);
    timer = setTimeout(send, REPORT_DELAY_MS);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
  });
}
