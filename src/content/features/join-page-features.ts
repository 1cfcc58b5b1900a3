/**
 * Most pages need only hiding and the badge. The page features (recognition, quotes, the context
 * card) come where a page needs them without being asked: the manifest runs them on a live blog's
 * address when it loads; this asks for them when the site's own navigation leads to one without a
 * load, and on every page while the reader wants the card on Ukraine articles too.
 */
import { LIVEBLOG_ADDRESS } from '../../core/selectors';
import { requestPageFeatures } from '../../shared/messaging';
import type { ContentContext } from '../context';

export function joinPageFeatures(ctx: ContentContext): void {
  const { doc } = ctx;
  let asked = false;
  const ask = (): void => {
    if (asked || ctx.pageFeatures) return;
    asked = true;
    requestPageFeatures();
  };
  // A load of a live blog's address has them from the manifest already.
  const wanted = (navigated: boolean): boolean =>
    ctx.settingsLoaded && (ctx.settings.cardOnArticles || (navigated && LIVEBLOG_ADDRESS.test(doc.location.pathname)));
  ctx.onPageChange(({ source, urlChanged }) => {
    if ((source === 'parsed' || urlChanged) && wanted(urlChanged)) ask();
  });
  ctx.onSettings(() => {
    if (doc.readyState !== 'loading' && wanted(false)) ask();
  });
}
