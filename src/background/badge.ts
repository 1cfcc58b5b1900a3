/** What the badge says for a page report. Pure, so it is tested without a browser. */
import type { Translate } from '../shared/i18n';
import type { PageReport } from '../shared/messages';

/** The badge's colour for blocks hidden, and its own for new entries about the event on a live blog. */
export const BADGE_COLOR = '#143a5a';
export const FRESH_COLOR = '#b3261e';

const shortCount = (count: number): string => (count > 99 ? '99+' : String(count));

export function badgeFor(report: PageReport, t: Translate): { text: string; title: string; color: string } {
  const fresh = report.fresh ?? 0;
  if (fresh > 0) {
    return { text: shortCount(fresh), title: `Lagebild · ${fresh === 1 ? t('badgeTitleFreshOne') : t('badgeTitleFreshMany', fresh)}`, color: FRESH_COLOR };
  }
  const count = report.hiddenCount;
  const hidden = count === 0 ? '' : count === 1 ? t('badgeTitleHiddenOne') : t('badgeTitleHiddenMany', count);
  return {
    text: count > 0 ? shortCount(count) : '',
    title: hidden ? `Lagebild · ${hidden}` : 'Lagebild',
    color: BADGE_COLOR,
  };
}
