/**
 * The background keeps the toolbar badge: per tab, the number of blocks hidden on the page
 * (empty at 0) and a tooltip that says what the page is. It holds no state of its own: each
 * report from a content script carries everything the badge needs.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { badgeFor } from './badge';
import { parseMessage } from '../shared/messages';
import { isOwnSender } from '../shared/runtime';

const BADGE_COLOR = '#143a5a';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (!isOwnSender(sender) || tabId === undefined) return undefined;
  const message = parseMessage(raw);
  if (message?.type !== 'lagebild/page-report') return undefined;
  const badge = badgeFor(message, (key, substitution) => browser.i18n.getMessage(key, substitution));
  // A tab can close between report and update; the badge then has nowhere to go.
  return Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]).then(
    () => undefined,
    () => undefined,
  );
});
