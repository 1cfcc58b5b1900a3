/**
 * On the options page, under the switch for "what is new since the last visit": how many live blogs
 * are remembered, and a button that forgets them all. The page hands in the count and the forgetting
 * (options/options.ts); the view only shows them.
 */
import type { Translate } from '../shared/i18n';
import { el } from './dom';

export function visitsSentence(blogs: number, t: Translate): string {
  if (blogs === 0) return t('visitsRememberedNone');
  return blogs === 1 ? t('visitsRememberedOne') : t('visitsRememberedMany', blogs);
}

export function renderVisits(t: Translate, onForget: () => Promise<void>): HTMLElement {
  const count = el('p', { class: 'visits-count', role: 'status' });
  const forget = el('button', { type: 'button', class: 'action-button visits-forget' }, t('visitsForget'));
  forget.disabled = true;
  forget.addEventListener('click', () => {
    forget.disabled = true;
    void onForget();
  });
  return el('section', { id: 'visits', 'aria-label': t('settingRememberVisits') }, count, forget);
}

/** Shows the count; the button is there while there is something to forget. */
export function applyVisits(root: ParentNode, blogs: number, t: Translate): void {
  const count = root.querySelector('.visits-count');
  if (count) count.textContent = visitsSentence(blogs, t);
  const forget = root.querySelector<HTMLButtonElement>('.visits-forget');
  if (forget) forget.disabled = blogs === 0;
}
