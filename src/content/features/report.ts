/**
 * Tells the background what the page is and how many blocks are hidden (for the badge), and
 * answers the popup's status request with what the features put into the shared context.
 */
import type { PageReport } from '../../shared/messages';
import { listen, reportPage } from '../../shared/messaging';
import type { ContentContext } from '../context';

/** Coalesces bursts (a late body with many widgets) into one badge update. */
const REPORT_DELAY_MS = 50;

export function reportFindings(ctx: ContentContext): void {
  const { signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';

  const send = (): void => {
    if (signal.aborted || !ctx.verdict) return;
    const report: PageReport = {
      type: 'lagebild/page-report',
      kind: ctx.verdict.kind,
      hiddenCount: ctx.hiddenCount,
      headline: ctx.verdict.headline,
    };
    const key = JSON.stringify(report);
    if (key === last) return;
    last = key;
    reportPage(report).catch(() => {
      // The background may be starting up or the extension reloading: the next change reports again.
      last = '';
    });
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(send, REPORT_DELAY_MS);
  };
  ctx.onFindings(schedule);
  // What was found before this script joined (the first script hides from document_start on).
  schedule();

  listen({ 'lagebild/status': (request) => ctx.statusFor(request) ?? undefined }, signal);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
  });
}
