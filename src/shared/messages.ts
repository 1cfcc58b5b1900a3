/**
 * The whole contract between content script, background and popup. Every receiver runs its input
 * through `parseMessage` or the answer's parser and ignores what does not fit; shared/messaging.ts
 * is the one module that sends and listens.
 */
import { PAGE_KINDS, type PageKind, type PageVerdict, type Signal } from '../core/page';
import type { RuleId } from '../core/hiding-rules';
import { isRecord, parseSettings, type Settings } from '../core/settings';
import { parseLiveblogState, parseVisitReport, type LiveblogProfileRequest, type LiveblogRequest, type LiveblogState, type MarkSeenRequest, type ShowEntryRequest, type VisitReport } from './liveblog-messages';
import { MAX_ID, isCount, isString, parseIds, parseTime } from './parse';

export {
  MAX_LIVE_ENTRIES,
  parseLiveblogProfile,
  parseLiveblogState,
  parseVisitRecall,
  type LiveEntry,
  type LiveblogProfile,
  type LiveblogProfileRequest,
  type LiveblogRequest,
  type LiveblogState,
  type MarkSeenRequest,
  type ShowEntryRequest,
  type VisitRecall,
  type VisitReport,
} from './liveblog-messages';

/** A briefing quote the content script should look for. The briefing itself is not bundled there. */
export interface QuoteQuery {
  id: string;
  text: string;
}

/** Popup → content script: what is this tab, and which of these quotes does it hold? Answered with a TabStatus. */
export interface StatusRequest {
  type: 'lagebild/status';
  quotes: QuoteQuery[];
}

/** Popup → content script: scroll to and mark the passage a briefing quote rests on. */
export interface ShowQuoteRequest {
  type: 'lagebild/show-quote';
  quote: QuoteQuery;
}

/**
 * Side panel → content script: watch where these quotes stand in the story and tell which are in
 * view (QuotesInView) as the reader scrolls; an empty list stops watching. Answered with the IDs watched.
 */
export interface WatchQuotesRequest {
  type: 'lagebild/watch-quotes';
  quotes: QuoteQuery[];
}

/** Content script → extension pages: the watched quotes now in the visible part of the page. */
export interface QuotesInView {
  type: 'lagebild/quotes-in-view';
  ids: string[];
}

/** Content script → extension pages: the mark "show in article" set is gone (the page changed). */
export interface MarkCleared {
  type: 'lagebild/mark-cleared';
  id: string;
}

/** Content script → background: the context card's text in the reader's language. */
export interface CardRequest {
  type: 'lagebild/card';
}

/** The context card's content, built from the bundled briefing by the background. */
export interface CardContent {
  lang: 'de' | 'en';
  title: string;
  /** The day of the talks as the language writes it, beside the title, so the card never reads as today's news. */
  date: { iso: string; text: string };
  summary: string;
  sides: { name: string; positions: string[] }[];
  link: { label: string; url: string };
  labels: { expand: string; collapse: string; dismiss: string; region: string; entriesOne: string; entriesMany: string; openPanel: string };
}

/** Content script → background: how many blocks are hidden now, and on a live blog how many entries about the event are new; update the badge. */
export interface PageReport {
  type: 'lagebild/page-report';
  hiddenCount: number;
  /** New since the reader's last visit (#27): the badge shows these, in a colour of their own, while there are any. */
  fresh?: number;
}


/**
 * Content script → background: run the page features (recognition, quotes, the card) in my tab.
 * They are not loaded with every page, only where a page needs them (see shared/messaging.ts).
 */
export interface JoinRequest {
  type: 'lagebild/join';
}

/**
 * Page features → extension pages: the verdict or the hidden count changed (an in-site navigation,
 * a late widget hidden); the side panel asks the tab's status again.
 */
export interface PageChanged {
  type: 'lagebild/page-changed';
}


/** In-page marker → background: open the side panel beside this tab. Answered with `{ opened }`. */
export interface OpenPanelRequest {
  type: 'lagebild/open-panel';
}

export type Message =
  | LiveblogProfileRequest
  | LiveblogRequest
  | LiveblogState
  | ShowEntryRequest
  | OpenPanelRequest
  | VisitReport
  | MarkSeenRequest
  | StatusRequest
  | ShowQuoteRequest
  | WatchQuotesRequest
  | QuotesInView
  | MarkCleared
  | PageChanged
  | CardRequest
  | PageReport
  | JoinRequest;

/** How many blocks one hiding rule hid on the page. */
export interface HiddenBlocks {
  rule: RuleId;
  count: number;
}

/** The content script's answer to a StatusRequest. */
export interface TabStatus {
  verdict: PageVerdict;
  hiddenCount: number;
  /** The same blocks by rule, so a reader is told what was hidden and not only how many. */
  hidden: HiddenBlocks[];
  settings: Settings;
  /** IDs of the briefing quotes found in this page's text. */
  quotesFound: string[];
  /**
   * On a live blog: how many of its entries are about the event, of how many; how many of those are
   * new since the last visit, and when it began (both null on a first visit or when not remembered).
   */
  liveblog: { related: number; total: number; fresh: number | null; lastVisit: number | null } | null;
}

export interface ShowQuoteResult {
  shown: boolean;
}

const MAX_QUOTE = 2000;
const MAX_QUOTES = 50;

const RULE_IDS: readonly RuleId[] = ['jobs', 'teasers'];

function parseQuotes(raw: unknown): QuoteQuery[] {
  return Array.isArray(raw) ? raw.slice(0, MAX_QUOTES).map(parseQuote).filter((q): q is QuoteQuery => q !== null) : [];
}

function parseQuote(raw: unknown): QuoteQuery | null {
  if (!isRecord(raw)) return null;
  const { id, text } = raw;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) return null;
  if (typeof text !== 'string' || text.trim().length === 0 || text.length > MAX_QUOTE) return null;
  return { id, text };
}

export function parseMessage(raw: unknown): Message | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'lagebild/status':
      return { type: 'lagebild/status', quotes: parseQuotes(raw.quotes) };
    case 'lagebild/watch-quotes':
      return { type: 'lagebild/watch-quotes', quotes: parseQuotes(raw.quotes) };
    case 'lagebild/quotes-in-view':
      return { type: 'lagebild/quotes-in-view', ids: parseIds(raw.ids) };
    case 'lagebild/mark-cleared': {
      const [id] = parseIds([raw.id]);
      return id === undefined ? null : { type: 'lagebild/mark-cleared', id };
    }
    case 'lagebild/show-quote': {
      const quote = parseQuote(raw.quote);
      return quote ? { type: 'lagebild/show-quote', quote } : null;
    }
    case 'lagebild/card':
      return { type: 'lagebild/card' };
    case 'lagebild/page-report': {
      const { hiddenCount } = raw;
      if (typeof hiddenCount !== 'number' || !Number.isInteger(hiddenCount) || hiddenCount < 0) return null;
      return { type: 'lagebild/page-report', hiddenCount, fresh: isCount(raw.fresh) ? raw.fresh : 0 };
    }
    case 'lagebild/visit':
      return parseVisitReport(raw);
    case 'lagebild/join':
      return { type: 'lagebild/join' };
    case 'lagebild/page-changed':
      return { type: 'lagebild/page-changed' };
    case 'lagebild/liveblog-profile':
    case 'lagebild/liveblog':
    case 'lagebild/open-panel':
    case 'lagebild/mark-seen':
      return { type: raw.type };
    case 'lagebild/liveblog-state':
      return parseLiveblogState(raw);
    case 'lagebild/show-entry': {
      const [id] = parseIds([raw.id]);
      return id === undefined ? null : { type: 'lagebild/show-entry', id };
    }
    default:
      return null;
  }
}

function parseSignal(raw: unknown): Signal | null {
  if (!isRecord(raw)) return null;
  const { source, detail, weight } = raw;
  if (typeof source !== 'string' || typeof detail !== 'string' || typeof weight !== 'number' || !Number.isFinite(weight)) return null;
  return { source: source as Signal['source'], detail, weight };
}

/** Checks a content script's answer before the popup shows any of it. */
export function parseTabStatus(raw: unknown): TabStatus | null {
  if (!isRecord(raw) || !isRecord(raw.verdict)) return null;
  const v = raw.verdict;
  if (!PAGE_KINDS.includes(v.kind as PageKind)) return null;
  if (typeof raw.hiddenCount !== 'number' || !Number.isInteger(raw.hiddenCount) || raw.hiddenCount < 0) return null;
  const signals = Array.isArray(v.signals) ? v.signals.map(parseSignal).filter((s): s is Signal => s !== null) : [];
  const quotesFound = Array.isArray(raw.quotesFound) ? raw.quotesFound.filter((q): q is string => typeof q === 'string') : [];
  const hidden = (Array.isArray(raw.hidden) ? raw.hidden : []).filter(
    (h): h is HiddenBlocks => isRecord(h) && RULE_IDS.includes(h.rule as RuleId) && typeof h.count === 'number' && Number.isInteger(h.count) && h.count > 0,
  );
  return {
    verdict: {
      kind: v.kind as PageKind,
      articleId: typeof v.articleId === 'string' ? v.articleId : null,
      aboutUkraine: v.aboutUkraine === true,
      score: typeof v.score === 'number' && Number.isFinite(v.score) ? v.score : 0,
      headline: typeof v.headline === 'string' ? v.headline : null,
      signals,
    },
    hiddenCount: raw.hiddenCount,
    hidden: hidden.map(({ rule, count }) => ({ rule, count })),
    settings: parseSettings(raw.settings),
    quotesFound,
    liveblog: parseCounts(raw.liveblog),
  };
}

function parseCounts(raw: unknown): TabStatus['liveblog'] {
  if (!isRecord(raw) || !isCount(raw.related) || !isCount(raw.total)) return null;
  return { related: raw.related, total: raw.total, fresh: isCount(raw.fresh) ? raw.fresh : null, lastVisit: parseTime(raw.lastVisit) };
}


export function parseShowQuoteResult(raw: unknown): ShowQuoteResult {
  return { shown: isRecord(raw) && raw.shown === true };
}

/** Only links to Handelsblatt: the card never sends a reader anywhere else. */
const CARD_LINK = /^https:\/\/www\.handelsblatt\.com\/\S*$/;

/** Checks the background's card before any of it reaches the page. */
export function parseCardContent(raw: unknown): CardContent | null {
  if (!isRecord(raw) || !isRecord(raw.link) || !isRecord(raw.labels) || !Array.isArray(raw.sides)) return null;
  const { lang, title, summary, link, labels, date } = raw;
  const sides = raw.sides.map((side: unknown) =>
    isRecord(side) && isString(side.name) && Array.isArray(side.positions) && side.positions.every(isString)
      ? { name: side.name, positions: side.positions }
      : null,
  );
  if ((lang !== 'de' && lang !== 'en') || !isString(title) || !isString(summary) || sides.includes(null)) return null;
  if (!isString(link.label) || !isString(link.url) || !CARD_LINK.test(link.url)) return null;
  if (!isRecord(date) || !isString(date.iso) || !/^\d{4}-\d{2}-\d{2}$/.test(date.iso) || !isString(date.text)) return null;
  const { expand, collapse, dismiss, region, entriesOne, entriesMany, openPanel } = labels;
  if (![expand, collapse, dismiss, region, entriesOne, entriesMany, openPanel].every(isString)) return null;
  return {
    lang,
    title,
    date: { iso: date.iso, text: date.text },
    summary,
    sides: sides as CardContent['sides'],
    link: { label: link.label, url: link.url },
    labels: { expand, collapse, dismiss, region, entriesOne, entriesMany, openPanel } as CardContent['labels'],
  };
}

/** The content script's answer to a WatchQuotesRequest: the IDs it found and now watches. */
export function parseWatchedIds(raw: unknown): string[] {
  return isRecord(raw) ? parseIds(raw.watching) : [];
}
