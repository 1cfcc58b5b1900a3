/**
 * Lagebild's page features: what the page is, the popup's and side panel's questions, quotes in
 * the article and the context card. Not loaded with every page: the manifest runs this on a live
 * blog's address, the popup and side panel before they ask a tab anything, the background when the
 * content script asks. It joins the context the first script left and starts once, however often
 * it is run; without that context (the first script failed) there is nothing to build on.
 */
import { sharedContext } from './context';
import { announceChanges } from './features/announce-changes';
import { answerStatus } from './features/answer-status';
import { contextCard } from './features/context-card';
import { findQuotesInStory } from './features/find-quotes';
import { hiddenByRule } from './features/hidden-by-rule';
import { liveblogContext } from './features/liveblog-context';
import { recognisePage } from './features/recognise-page';
import { readStoredSettings } from './stored-reader';

const ctx = sharedContext();
if (ctx && !ctx.signal.aborted && !ctx.pageFeatures) {
  ctx.pageFeatures = true;
  // They act on settings a page load does not (the card's, the markers', the language): read them.
  readStoredSettings(ctx);
  recognisePage(ctx);
  findQuotesInStory(ctx);
  hiddenByRule(ctx);
  answerStatus(ctx);
  announceChanges(ctx);
  contextCard(ctx);
  liveblogContext(ctx);
}
