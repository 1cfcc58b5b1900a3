/**
 * "Alle als gesehen markieren" / "Mark all as seen" under the panel's live-blog list: shown while the
 * blog in the tab has entries new since the reader's last visit; a click asks the tab to count them
 * all as seen. The list hears the new state as the content script announces it.
 */
import type { LiveblogState } from '../shared/messages';
import { requestMarkSeen } from '../shared/messaging';
import type { Translate } from '../shared/i18n';
import { el } from '../ui/dom';

export interface SeenControl {
  render(t: Translate): HTMLElement;
  /** The tab's live-blog state (null without a live blog), and which tab it is. */
  set(state: LiveblogState | null, tabId: number | null): void;
}

export function seenControl(): SeenControl {
  let fresh = false;
  let tabId: number | null = null;
  let button: HTMLButtonElement | null = null;
  const apply = (): void => {
    if (button) button.hidden = !fresh || tabId === null;
  };
  return {
    render(t) {
      button = el('button', { type: 'button', class: 'action-button mark-seen' }, t('panelMarkSeen'));
      button.addEventListener('click', () => {
        if (tabId === null) return;
        void requestMarkSeen(tabId).then((state) => {
          if (state !== null) fresh = state.entries.some((e) => e.fresh);
          apply();
        });
      });
      apply();
      return el('p', { class: 'seen-control' }, button);
    },
    set(state, tab) {
      fresh = state?.entries.some((e) => e.fresh) ?? false;
      tabId = tab;
      apply();
    },
  };
}
