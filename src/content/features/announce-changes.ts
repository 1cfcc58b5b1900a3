/**
 * Tells extension pages (the side panel) when the verdict or the hidden count changes, so the panel
 * asks the tab's status again after the site's own navigation: no page load tells it then. Runs
 * with the page features, which run in a tab once the panel asked it anything.
 */
import { announce } from '../../shared/messaging';
import type { ContentContext } from '../context';

/** Coalesces a page the site rebuilds in steps into one announcement. */
const SETTLE_MS = 50;

/**
 * What the panel shows of the page: its kind, which article, how many blocks are hidden, and whether
 * it follows a live blog (from then on the live blog's changes reach the panel on their own).
 */
function key(ctx: ContentContext): string {
  const v = ctx.verdict;
  return JSON.stringify([v?.kind, v?.articleId, v?.headline, ctx.hiddenCount, ctx.liveblog !== null]);
}

export function announceChanges(ctx: ContentContext): void {
  const { signal } = ctx;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // What the panel last heard about; the findings on joining are what it asked for already.
  let told = key(ctx);

  ctx.onFindings(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = key(ctx);
      if (signal.aborted || now === told) return;
      told = now;
      announce({ type: 'lagebild/page-changed' });
    }, SETTLE_MS);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
  });
}
