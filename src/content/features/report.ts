/**
 * Tells the background what the page is and how many blocks are hidden (for the badge), and
 * answers the popup's status request, with the briefing quotes the page holds.
 */
import { ext } from '../../shared/browser';
import type { Message, QuoteQuery, TabStatus } from '../../shared/messages';
import type { ContentContext } from '../context';
import { answer } from './messages';
import { recognise } from './recognise-page';

/** Coalesces bursts (a late body with many widgets) into one badge update. */
const REPORT_DELAY_MS = 50;

export function reportFindings(ctx: ContentContext, quotesFound: (quotes: readonly QuoteQuery[]) => string[]): void {
  const { signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';

  const send = (): void => {
    if (signal.aborted || !ctx.verdict) return;
    const report: Message = {
      type: 'lagebild/page-report',
      kind: ctx.verdict.kind,
      hiddenCount: ctx.hiddenCount,
      headline: ctx.verdict.headline,
    };
    const key = JSON.stringify(report);
    if (key === last) return;
    last = key;
    ext().runtime.sendMessage(report).catch(() => {
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

  answer(ctx, 'lagebild/status', ({ quotes }): TabStatus => ({
    verdict: ctx.verdict ?? recognise(ctx),
    hiddenCount: ctx.hiddenCount,
    settings: ctx.settings,
    quotesFound: quotesFound(quotes),
  }));
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
  });
}
