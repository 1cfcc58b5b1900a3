/** What the badge says for a page report. Pure, so it is tested without a browser. */
import type { Translate } from '../shared/i18n';
import type { PageReport } from '../shared/messages';

export function badgeFor(report: PageReport, t: Translate): { text: string; title: string } {
  const count = report.hiddenCount;
  const hidden = count === 0 ? '' : count === 1 ? t('badgeTitleHiddenOne') : t('badgeTitleHiddenMany', count);
  return {
    text: count > 0 ? (count > 99 ? '99+' : String(count)) : '',
    title: hidden ? `Lagebild · ${hidden}` : 'Lagebild',
  };
}
