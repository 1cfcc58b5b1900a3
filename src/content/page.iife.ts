/**
 * Lagebild's second content script, run once the document is parsed: what the page is, the
 * badge report, the popup's questions, quotes in the article and the context card. Kept out of
 * the document_start script so nothing here weighs on the first paint. It joins the context the
 * first script left; without it (that script failed) there is nothing to build on.
 */
import { sharedContext } from './context';
import { contextCard } from './features/context-card';
import { findQuotesInStory } from './features/find-quotes';
import { recognisePage } from './features/recognise-page';
import { reportFindings } from './features/report';

const ctx = sharedContext();
if (ctx && !ctx.signal.aborted) {
  recognisePage(ctx);
  findQuotesInStory(ctx);
  reportFindings(ctx);
  contextCard(ctx);
}
