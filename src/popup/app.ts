/**
 * The popup: one screen on what Lagebild did in this tab and the gist of the talks, the job-ad
 * switch, and the way to the whole briefing beside the article (the side panel) and to the other
 * settings (the options page). The briefing is drawn at once; the tab's status fills in.
 */
import { pick } from '../briefing/index';
import type { Briefing, Lang } from '../briefing/types';
import { requestTabStatus } from '../shared/messaging';
import { activeTab, openBesideArticle, openOptions } from '../shared/reader-tab';
import type { Translate } from '../shared/i18n';
import { el } from '../ui/dom';
import { briefingSection } from '../ui/briefing-view';
import { renderSettings } from '../ui/settings-view';
import { startShell, type ShellOptions } from '../ui/shell';
import { renderStatus, updateStatus, type StatusState } from '../ui/status-view';

export interface PopupOptions extends ShellOptions {
  briefing: Briefing;
}

/** The gist and the two sides in one line each: the comparison at a glance. */
export function renderGist(briefing: Briefing, lang: Lang, t: Translate): HTMLElement {
  return briefingSection(
    briefing,
    lang,
    t,
    el('p', { class: 'summary' }, pick(briefing.gist, lang)),
    el(
      'ul',
      { class: 'compare', 'aria-label': t('sidesCompactHeading') },
      ...briefing.sides.map((side) => el('li', { 'data-side-id': side.id }, el('strong', {}, pick(side.name, lang), ': '), pick(side.stance, lang))),
    ),
  );
}

export function startPopup(root: HTMLElement, options: PopupOptions): void {
  let status: StatusState = { phase: 'loading' };
  /** Known before the reader clicks: opening the panel must happen in the click itself. */
  let windowId: number | null = null;

  const besideArticle = (t: Translate): HTMLElement => {
    const feedback = el('p', { class: 'action-feedback', role: 'status' });
    const open = el('button', { type: 'button', id: 'beside-article', class: 'primary', 'aria-describedby': 'beside-article-hint' }, t('besideArticle'));
    open.addEventListener('click', () => {
      feedback.textContent = '';
      const opening = windowId === null ? Promise.resolve(false) : openBesideArticle(windowId);
      void opening.then((opened) => {
        if (opened) window.close();
        else feedback.textContent = t('besideArticleFailed');
      });
    });
    const more = el('button', { type: 'button', id: 'more-settings', class: 'link' }, t('moreSettings'));
    more.addEventListener('click', () => {
      void openOptions().then(() => {
        window.close();
      });
    });
    return el(
      'section',
      { id: 'actions', 'aria-label': t('besideArticle') },
      el('div', { class: 'action-row' }, open, more),
      el('p', { class: 'hint', id: 'beside-article-hint' }, t('besideArticleHint')),
      feedback,
    );
  };

  const shell = startShell(root, options, {
    title: 'popupTitle',
    kind: 'popup',
    main: ({ t, lang, saveToggle }) => [
      renderStatus(status, t),
      renderSettings(t, saveToggle, ['hideJobAds'], false),
      renderGist(options.briefing, lang(), t),
      besideArticle(t),
    ],
  });

  void activeTab()
    .then(async (tab) => {
      windowId = tab?.windowId ?? null;
      return tab === null ? null : requestTabStatus([], 600, tab.id);
    })
    .catch(() => null)
    .then((answer) => {
      status = { phase: 'ready', status: answer };
      const section = root.querySelector<HTMLElement>('#status');
      if (section) updateStatus(section, status, shell.t);
    });
}
