/**
 * The side panel (Chrome) or sidebar (Firefox): the whole briefing beside the article. It stays
 * open while the reader reads, so it follows the tab in front: switching tabs, loading a page or
 * the site's in-page navigation (announced by the page features) asks the tab again. With no
 * article open it is the briefing alone. "Show in article" marks a passage; as the reader scrolls,
 * the positions whose quotes are in view are marked here.
 */
import { allQuotes } from '../briefing/index';
import type { Briefing, Quote } from '../briefing/types';
import { UKRAINE_LIVEBLOG_ID } from '../core/selectors';
import type { QuoteQuery } from '../shared/messages';
import { onTabNews, requestLiveblog, requestShowEntry, requestShowQuote, requestTabStatus, requestWatchQuotes } from '../shared/messaging';
import { activeTab, onReaderTabChanged } from '../shared/reader-tab';
import { applyQuotesFound, applyQuotesInView, clearQuoteFeedback, renderBriefing } from '../ui/briefing-view';
import { el, externalLink } from '../ui/dom';
import { startShell, type ShellOptions } from '../ui/shell';
import { renderStatus, updateStatus, type StatusState } from '../ui/status-view';
import { liveblogPart, renderLiveblog } from './liveblog-view';
import { seenControl } from './seen-control';

export const LIVEBLOG_URL = `https://www.handelsblatt.com/${UKRAINE_LIVEBLOG_ID}.html`;

/** Lets a burst of reports from a page the site is rebuilding settle into one question. */
const SETTLE_MS = 150;

/** The tab is searched for the German words: they are what the Handelsblatt article prints. */
export function quoteQuery(quote: Quote): QuoteQuery {
  return { id: quote.id, text: quote.de };
}

export interface PanelOptions extends ShellOptions {
  briefing: Briefing;
}

export function startPanel(root: HTMLElement, options: PanelOptions): void {
  const quotes = allQuotes(options.briefing).map(quoteQuery);
  let status: StatusState = { phase: 'loading' };
  let tabId: number | null = null;
  let inView: string[] = [];
  /** Each question to a tab supersedes the ones before: a late answer about another tab is dropped. */
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seen = seenControl();

  const live = liveblogPart(root, options.briefing, () => shell, (id) => {
    if (tabId !== null) void requestShowEntry(id, tabId);
  });

  const apply = (): void => {
    applyQuotesFound(root, status.phase === 'ready' ? (status.status?.quotesFound ?? []) : []);
    applyQuotesInView(root, inView);
    live.apply();
  };

  const showQuote = async (quote: Quote): Promise<boolean> =>
    tabId !== null && (await requestShowQuote(quoteQuery(quote), 1000, tabId)).shown;

  const shell = startShell(root, options, {
    title: 'panelTitle',
    kind: 'panel',
    main: ({ t, lang }) => [
      renderStatus(status, t),
      renderLiveblog(t),
      seen.render(t),
      renderBriefing(options.briefing, { lang: lang(), t, onShowQuote: showQuote }),
      el('p', { class: 'liveblog' }, externalLink(LIVEBLOG_URL, t('liveblogLink'))),
    ],
    drawn: apply,
  });

  /** `anotherPage`: the tab in front is not the page the panel spoke of, so nothing it said about marks holds. */
  const refresh = async (anotherPage: boolean): Promise<void> => {
    const question = ++asked;
    if (anotherPage) clearQuoteFeedback(root);
    const tab = await activeTab();
    const answer = tab === null ? null : await requestTabStatus(quotes, 600, tab.id).catch(() => null);
    if (question !== asked) return;
    const liveblog = tab !== null && answer?.liveblog ? await requestLiveblog(tab.id) : null;
    if (question !== asked) return;
    live.set(liveblog, anotherPage || tabId !== (tab?.id ?? null));
    seen.set(liveblog, tab?.id ?? null);
    tabId = tab?.id ?? null;
    status = { phase: 'ready', status: answer };
    inView = [];
    const section = root.querySelector<HTMLElement>('#status');
    if (section) updateStatus(section, status, shell.t);
    apply();
    const found = quotes.filter((quote) => answer?.quotesFound.includes(quote.id));
    if (tab !== null && found.length > 0) await requestWatchQuotes(tab.id, found);
  };
  const refreshSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(false), SETTLE_MS);
  };

  onReaderTabChanged(() => void refresh(true));
  onTabNews((news, from) => {
    if (from !== tabId) return;
    if (news.type === 'lagebild/page-changed') refreshSoon();
    else if (news.type === 'lagebild/liveblog-state') {
      live.update(news);
      seen.set(news, from);
    }
    else if (news.type === 'lagebild/mark-cleared') clearQuoteFeedback(root, news.id);
    else {
      inView = news.ids;
      applyQuotesInView(root, inView);
    }
  });
  void refresh(false);
}
