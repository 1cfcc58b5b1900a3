/**
 * The live-blog profile in one language, built from the bundled briefing: the relevance rule's data
 * and the names the in-page markers show. Pure, like the card; the background adds the language.
 */
import { pick, relevanceProfile } from '../briefing';
import type { Briefing, Lang } from '../briefing/types';
import { QUOTE_SIGNAL } from '../core/liveblog/relevance';
import { translator } from '../shared/i18n';
import type { LiveblogProfile } from '../shared/messages';

export function liveblogProfile(briefing: Briefing, lang: Lang): LiveblogProfile {
  const t = translator(lang);
  const names: Record<string, string> = { [QUOTE_SIGNAL]: t('liveblogQuoteSignal') };
  for (const signal of briefing.signals) names[signal.id] = pick(signal.label, lang);
  for (const side of briefing.sides) {
    names[side.id] = pick(side.name, lang);
    for (const position of side.positions) names[position.quote.id] = `${pick(side.name, lang)}: ${pick(position.text, lang)}`;
  }
  return {
    lang,
    relevance: relevanceProfile(briefing),
    names,
    labels: { marker: t('liveblogMarker'), signals: t('liveblogSignalsLabel'), positions: t('liveblogPositionsLabel'), close: t('liveblogClose'), fresh: t('liveblogNew') },
  };
}
