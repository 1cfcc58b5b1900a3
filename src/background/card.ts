/**
 * The context card's content in one language, built from the bundled briefing. Pure, so the
 * background only adds the reader's language. The card's own words come from the locale files in
 * the briefing's language, which may differ from the browser's.
 */
import { pick } from '../briefing';
import type { Briefing, Lang } from '../briefing/types';
import { translator } from '../shared/i18n';
import { formatDay } from '../shared/day';
import type { CardContent } from '../shared/messages';

/**
 * The first sentence: up to the first full stop, question or exclamation mark before white space,
 * except after a number, where German writes ordinals ("21. Januar").
 */
function firstSentence(text: string): string {
  return /^.*?(?<!\d)[.!?](?=\s|$)/su.exec(text.trim())?.[0] ?? text.trim();
}

export function cardContent(briefing: Briefing, lang: Lang): CardContent {
  const t = translator(lang);
  const article = briefing.sources.find((source) => source.url.endsWith(`/${briefing.articleId}.html`));
  return {
    lang,
    title: pick(briefing.title, lang),
    date: { iso: briefing.date, text: formatDay(briefing.date, lang) },
    summary: firstSentence(pick(briefing.summary, lang)),
    sides: briefing.sides.map((side) => ({
      name: pick(side.name, lang),
      positions: side.positions.map((position) => pick(position.text, lang)),
    })),
    link: { label: t('cardLink'), url: article?.url ?? `https://www.handelsblatt.com/${briefing.articleId}.html` },
    labels: {
      expand: t('cardExpand'),
      collapse: t('cardCollapse'),
      dismiss: t('cardDismiss'),
      region: t('cardRegion'),
      entriesOne: t('liveblogCountOne'),
      // The content script puts the count in; "$1" is what the locale file's placeholder stands for.
      entriesMany: t('liveblogCountMany', '$1'),
      openPanel: t('liveblogOpenPanel'),
    },
  };
}
