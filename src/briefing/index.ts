/** The bundled briefing and the pure helpers its view needs. */
import type { RelevanceProfile } from '../core/liveblog/relevance';
import type { LanguageChoice } from '../core/settings';
import { geneva2022 } from './geneva-2022';
import type { Bilingual, Briefing, Lang, Quote } from './types';

export const briefing = geneva2022;

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** Every quote the briefing rests on, in reading order: the set a page is searched for. */
export function allQuotes(b: Briefing): Quote[] {
  return b.sides.flatMap((side) => side.positions.map((position) => position.quote));
}

/**
 * A fixed choice wins; otherwise German readers get German and everyone else English,
 * because English is the language the briefing shares with readers of any other locale.
 * Only the primary subtag counts, so "de-AT" and "de_CH" are German but "del" (Delaware) is not.
 */
export function briefingLanguage(uiLanguage: string, choice: LanguageChoice): Lang {
  if (choice !== 'auto') return choice;
  return /^de(?:[-_]|$)/i.test(uiLanguage.trim()) ? 'de' : 'en';
}

/** Outer and inner quotation marks as each language sets them. */
const MARKS: Record<Lang, { outer: [string, string]; inner: [string, string]; nested: RegExp }> = {
  de: { outer: ['„', '“'], inner: ['‚', '‘'], nested: /„([^„“]*)“/g },
  en: { outer: ['“', '”'], inner: ['‘', '’'], nested: /“([^“”]*)”/g },
};

/** A quote in its language's marks; a quotation inside it takes the inner ones („…‚…‘…“, “…‘…’…”). */
export function quoted(text: string, lang: Lang): string {
  const { outer, inner, nested } = MARKS[lang];
  return `${outer[0]}${text.replace(nested, `${inner[0]}$1${inner[1]}`)}${outer[1]}`;
}

/** What ties a live-blog entry to the briefing (core/liveblog/relevance.ts): its event in time and words, and each position's cues and quote. */
export function relevanceProfile(b: Briefing): RelevanceProfile {
  return {
    event: b.event,
    positions: b.sides.flatMap((side) =>
      side.positions.map((p) => ({ id: p.quote.id, side: side.id, cues: p.cues, quote: [p.quote.de, p.quote.en] })),
    ),
  };
}
