/**
 * The real Handelsblatt data the page builders start from (tests/fixtures/real, with provenance in
 * tests/fixtures/PROVENANCE.md), and the addresses the pages are served under.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ORIGIN = 'https://www.handelsblatt.com';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');

function readFixture(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8');
}

export interface ApiElement {
  content: string;
  type: string;
  isPaywalled: boolean;
}

export interface ApiArticle {
  meta: { id: string; classification: string };
  url: { href: string };
  header: {
    headline: string;
    kicker: string;
    leadText: string;
    dates: { published: string; updated: string };
  };
  elements: ApiElement[];
}

export interface ApiLazyStory {
  elements: ApiElement[];
}

export interface ApiTeaser {
  id: string;
  headline: string;
  kicker: string;
  leadText: string;
  url: { href: string };
}

export const API_ARTICLES = {
  free: JSON.parse(readFixture('./real/handelsblatt-api/hb-article-free.json')) as ApiArticle,
  metered: JSON.parse(readFixture('./real/handelsblatt-api/hb-article-metered.json')) as ApiArticle,
  premium: JSON.parse(readFixture('./real/handelsblatt-api/hb-article-premium.json')) as ApiArticle,
} as const;

/** The rest of the free article's body, loaded lazily by the site (`/api/content/lazy/story/`). */
export const LAZY_STORY = JSON.parse(readFixture('./real/handelsblatt-api/hb-lazy-story.json')) as ApiLazyStory;

export const TICKER = JSON.parse(readFixture('./real/handelsblatt-api/hb-ticker.json')) as ApiTeaser[];

export type GenevaText = 'corrected' | 'as-received';

export const GENEVA_TEXT: Record<GenevaText, string> = {
  corrected: readFixture('./source/handelsblatt-2022-01-21-genf.corrected.txt'),
  'as-received': readFixture('./source/handelsblatt-2022-01-21-genf.as-received.txt'),
};

/** The saved 2020 page, older design, not about Ukraine. */
export function real2020Page(): string {
  return readFixture('./real/handelsblatt.com.grenzschliessungen.html');
}

export const UKRAINE_LIVEBLOG_ID = '27982126';

export const articleUrl = {
  real2020: `${ORIGIN}/politik/international/grenzschliessungen-deutschland-frankreich-und-die-rueckkehr-der-ressentiments/25776812.html`,
  free: ORIGIN + API_ARTICLES.free.url.href,
  metered: ORIGIN + API_ARTICLES.metered.url.href,
  premium: ORIGIN + API_ARTICLES.premium.url.href,
  geneva: `${ORIGIN}/politik/international/ukraine-konflikt-gespraech-blinken-lawrow-vorzeitig-beendet-us-aussenminister-warnt-vor-eskalation/27996778.html`,
  liveblog: `${ORIGIN}/politik/international/liveblog-zum-ukraine-krieg-selenskyj-fordert-mehr-flugabwehr-fuer-kiew/${UKRAINE_LIVEBLOG_ID}.html`,
  topic: `${ORIGIN}/themen/ukraine`,
  jobMarket: `${ORIGIN}/politik/konjunktur/arbeitsmarkt-warum-unternehmen-trotz-flaute-fachkraefte-suchen/100200017.html`,
  long: `${ORIGIN}/unternehmen/industrie/dossier-die-groessten-fusionen-der-wirtschaftsgeschichte/100200023.html`,
} as const;

