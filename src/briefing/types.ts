/**
 * The shape of a bundled briefing. A briefing is data: German and English side by side,
 * rendered by a view that knows nothing about its subject.
 */
import type { EventInWords } from '../core/liveblog/relevance';

export type { EventInWords, EventOffice, EventPerson } from '../core/liveblog/relevance';

export type Lang = 'de' | 'en';

/** A text in both languages. */
export interface Bilingual {
  de: string;
  en: string;
}

export interface KeyFact {
  label: Bilingual;
  value: Bilingual;
}

export interface Quote {
  /** Stable ID, used by "show in article" messages (e.g. "blinken-position"). */
  id: string;
  /** The speaker's name as each language writes it (Sergej Lawrow, Sergei Lavrov). */
  speaker: Bilingual;
  /**
   * Set when the German is an agency's reported speech ("…, sagte Lawrow"), not the speaker's own
   * words: the view attributes it ("laut dpa").
   */
  reportedBy?: string;
  /** Verbatim from the corrected article text (tests/fixtures/source/…corrected.txt). */
  de: string;
  /** The speaker's own English words where they exist (Blinken, from FACTS.md), else a translation marked as such. */
  en: string;
  /** True when `en` is the speaker's original wording, false when it is our translation. */
  enIsOriginal: boolean;
}

export interface Position {
  text: Bilingual;
  /** The position in a few words, for a link to it from a live-blog entry ("schriftliche Antwort"). */
  short: Bilingual;
  /** The quote this position rests on. */
  quote: Quote;
  /** Words (German and English) that show a live-blog entry touches this position. */
  cues: string[];
}

/** A kind of evidence a live-blog entry can share with the event (a person, the place, what was agreed), by its ID in the rule's verdict. */
export interface EventSignal {
  id: string;
  /** How the panel names it ("Blinken · Genf · schriftliche Antwort"). */
  label: Bilingual;
  /** The side a person speaks for. */
  side?: string;
}

export interface Side {
  id: string;
  name: Bilingual;
  /** The side in a word, before a position's short label ("USA", "Russland"). */
  short: Bilingual;
  /** Who speaks for the side, e.g. "Antony Blinken, US-Außenminister". */
  speaker: Bilingual;
  /** The side's stance in one short line, for the popup's comparison. */
  stance: Bilingual;
  positions: Position[];
}

export interface TimelineEvent {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  text: Bilingual;
  /** Happened after the article's date: shown as later context, never as part of the article. */
  later: boolean;
  /** Marks the event the briefing is about. */
  current?: boolean;
}

export interface Source {
  publisher: string;
  title: Bilingual;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  url: string;
  /**
   * The link goes to an index page (a section or an archive) because the document's own address is
   * not confirmed; the title must then say so.
   */
  index?: boolean;
}

export interface Briefing {
  id: string;
  /** ISO date of the event. */
  date: string;
  title: Bilingual;
  summary: Bilingual;
  /** The summary in two sentences, for the popup. */
  gist: Bilingual;
  facts: KeyFact[];
  sides: [Side, Side];
  timeline: TimelineEvent[];
  sources: Source[];
  /** How the panel names the kinds of evidence that tie a live-blog entry to the event. */
  signals: EventSignal[];
  /**
   * The event in time and in words, as the live-blog rule reads it (core/liveblog/relevance.ts):
   * when, who held which role then, what the news calls it, what came of it, how later texts refer back.
   */
  event: EventInWords;
  /** The Handelsblatt article this briefing is about: the context card links to it. */
  articleId: string;
}
