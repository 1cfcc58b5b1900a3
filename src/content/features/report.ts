/**
 * Tells the background how many blocks are hidden, for the badge. Nothing is sent while nothing
 * is hidden: a new page starts with an empty badge, so most pages cost no message at all.
 */
import { reportPage } from '../../shared/messaging';
import type { ContentContext } from '../context';

/** Coalesces bursts (a late body with many widgets) into one badge update. */
const REPORT_DELAY_MS = 50;

export function reportHidden(ctx: ContentContext): void {
  const { signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reported = 0;

  const send = (): void => {
    const hiddenCount = ctx.hiddenCount;
    if (signal.aborted || hiddenCount === reported) return;
    reported = hiddenCount;
    reportPage({ type: 'lagebild/page-report', hiddenCount }).catch(() => {
      // The background may be starting up or the extension reloading: the next change reports again.
      reported = -1;
    });
  };
  ctx.onFindings(() => {
    clearTimeout(timer);
    timer = setTimeout(send, REPORT_DELAY_MS);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
  });
}
