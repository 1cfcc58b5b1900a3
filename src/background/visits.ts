/**
 * The background is the record of visits' one writer: reports of every tab go through one queue, so
 * two tabs of one blog (or a report and the options page's "forget") never write over each other's
 * read, and only the background knows for sure whether a tab is in a private window, where nothing
 * is remembered. A content script reports at most once a second while its blog updates.
 */
import { recordVisit } from '../core/liveblog/visits';
import type { VisitRecall, VisitReport } from '../shared/messages';
import { loadSettings } from '../shared/runtime';
import { loadVisits, saveVisits } from '../shared/visits-store';

let queue: Promise<unknown> = Promise.resolve();

/** Remembers one report; what was known before the visit, or null where nothing is remembered. */
export function rememberVisit(report: VisitReport, incognito: boolean): Promise<VisitRecall | null> {
  if (incognito) return Promise.resolve(null);
  const work = queue.then(async (): Promise<VisitRecall | null> => {
    if (!(await loadSettings()).rememberVisits) return null;
    const outcome = recordVisit(await loadVisits(), report);
    await saveVisits(outcome.record);
    return { lastVisit: outcome.lastVisit, seen: outcome.seen };
  });
  queue = work.catch(() => undefined);
  return work.catch(() => null);
}
