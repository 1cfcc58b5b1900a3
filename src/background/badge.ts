/** What the badge says for a page report. Pure, so it is tested without a browser. */
import type { PageKind } from '../core/page';
import type { MessageKey, Translate } from '../shared/i18n';
import type { PageReport } from '../shared/messages';

const TITLE_KEYS: Record<PageKind, MessageKey> = {
  'ukraine-article': 'badgeTitleUkraineArticle',
  'ukraine-liveblog': 'badgeTitleUkraineLiveblog',
  article: 'badgeTitleArticle',
  'handelsblatt-page': 'badgeTitleHandelsblattPage',
  'not-handelsblatt': 'badgeTitleNotHandelsblatt',
};

export function badgeFor(report: PageReport, t: Translate): { text: string; title: string } {
  const count = report.hiddenCount;
  const kind = t(TITLE_KEYS[report.kind]);
  const hidden = count === 0 ? '' : count === 1 ? t('badgeTitleHiddenOne') : t('badgeTitleHiddenMany', count);
  return {
    text: count > 0 ? (count > 99 ? '99+' : String(count)) : '',
    title: hidden ? `Lagebild – ${kind} · ${hidden}` : `Lagebild – ${kind}`,
  };
}
