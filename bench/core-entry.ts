/**
 * Bundled into a page script by core.ts: the content script's pure core, timed in the page it runs
 * on, without the extension around it. Each function runs its task once (the first, cold run of a
 * page load, as the content script meets it) and then `warmRuns` more times.
 */
import { allQuotes, briefing } from '../src/briefing/index';
import { detectPage } from '../src/core/detect-page';
import { findBlocks } from '../src/core/find-blocks';
import { findQuotes } from '../src/core/quote';
import { ARTICLE_ROOT } from '../src/core/selectors';

export interface Timing {
  coldMs: number;
  warmMs: number[];
  /** What the task found, so a figure for a task that found nothing stands out. */
  found: string;
}

/** The content script searches for the German wording: it is what the article prints. */
const quotes = allQuotes(briefing).map((quote) => ({ id: quote.id, text: quote.de }));

function timed(warmRuns: number, task: () => string): Timing {
  let start = performance.now();
  const found = task();
  const coldMs = performance.now() - start;
  const warmMs: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    start = performance.now();
    task();
    warmMs.push(performance.now() - start);
  }
  return { coldMs, warmMs, found };
}

/** As find-quotes.ts does it: the story root, else the body. */
const findAllQuotes = (warmRuns: number): Timing =>
  timed(warmRuns, () => {
    const root = document.querySelector(ARTICLE_ROOT) ?? document.body;
    return `${findQuotes(root, quotes).size} of ${quotes.length} quotes`;
  });

export const tasks = {
  /** On a long page that holds the quotes near its top. */
  quotes: findAllQuotes,
  /** On a long page that holds none of them, so every quote is looked for in the whole page, also with changed words. */
  quotesAbsent: findAllQuotes,
  detect: (warmRuns: number, url: string): Timing =>
    timed(warmRuns, () => {
      const verdict = detectPage(document, url);
      return `${verdict.kind}, aboutUkraine ${String(verdict.aboutUkraine)}, score ${verdict.score}`;
    }),
  blocks: (warmRuns: number): Timing => timed(warmRuns, () => `${findBlocks(document).length} blocks`),
};
