/** What the extension concluded about a page, and why. Shared by detection, messages and the popup. */

export type PageKind =
  | 'ukraine-article'
  | 'ukraine-liveblog'
  | 'article'
  | 'handelsblatt-page'
  | 'not-handelsblatt';

export const PAGE_KINDS: readonly PageKind[] = [
  'ukraine-article',
  'ukraine-liveblog',
  'article',
  'handelsblatt-page',
  'not-handelsblatt',
];

export type SignalSource =
  | 'host'
  | 'url'
  | 'article-id'
  | 'json-ld'
  | 'meta'
  | 'topic-link'
  | 'kicker'
  | 'headline'
  | 'liveblog'
  | 'body';

/** One piece of evidence. `weight` is its contribution to the Ukraine score (0 for structural signals). */
export interface Signal {
  source: SignalSource;
  detail: string;
  weight: number;
}

export interface PageVerdict {
  kind: PageKind;
  /** 7–9 digit article ID from the URL (or the page's own markup), else null. */
  articleId: string | null;
  aboutUkraine: boolean;
  /** Sum of the signal weights; aboutUkraine is score >= the detector's threshold. */
  score: number;
  headline: string | null;
  signals: Signal[];
}
