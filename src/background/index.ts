/**
 * The background keeps the toolbar badge: per tab, the number of blocks hidden on the page
 * (empty at 0). It holds no state of its own: each report from a content script carries
 * everything the badge needs. It gives content scripts the context card's text, so the briefing
 * is bundled here and not into the content script, and runs the page features where one asks.
 */
import browser from 'webextension-polyfill';
import { briefing, briefingLanguage } from '../briefing';
import type { Lang } from '../briefing/types';
import { badgeFor } from './badge';
import { cardContent } from './card';
import { liveblogProfile } from './liveblog-profile';
import { matchSettingsScript, onPageLoaded, pullBadge, pushSettings } from './page-scripts';
import { rememberVisit } from './visits';
import { translator } from '../shared/i18n';
import type { CardContent, PageReport } from '../shared/messages';
import { listen, runPageFeatures } from '../shared/messaging';
import { loadSettings, onSettingsChanged } from '../shared/runtime';
import { openBesideArticle, openBesideTab } from '../shared/reader-tab';

/** The reader's language, as the popup and the card use it. */
async function readerLanguage(): Promise<Lang> {
  const { language } = await loadSettings();
  return briefingLanguage(browser.i18n.getUILanguage(), language);
}

async function updateBadge(tabId: number, report: PageReport): Promise<undefined> {
  const badge = badgeFor(report, translator(await readerLanguage()));
  // A tab can close between report and update; the badge then has nowhere to go.
  return Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]).then(
    () => undefined,
    () => undefined,
  );
}

async function card(): Promise<CardContent> {
  return cardContent(briefing, await readerLanguage());
}

// Only content scripts (a sender with a tab) are answered; the popup asks its tab, not the background.
listen({
  'lagebild/page-report': (report, { tabId }) => (tabId === null ? undefined : updateBadge(tabId, report)),
  'lagebild/card': (_, { tabId }) => (tabId === null ? undefined : card()),
  'lagebild/join': (_, { tabId }) => (tabId === null ? undefined : runPageFeatures(tabId)),
  'lagebild/liveblog-profile': (_, { tabId }) => (tabId === null ? undefined : readerLanguage().then((lang) => liveblogProfile(briefing, lang))),
  // Called at once from the listener: the marker's click is the gesture the browser may count.
  'lagebild/open-panel': (_, { tabId }) => (tabId === null ? undefined : openBesideTab(tabId).then((opened) => ({ opened }))),
  'lagebild/visit': (report, { tabId, incognito }) => (tabId === null ? undefined : rememberVisit(report, incognito)),
});

/** manifest.json's command for the side panel; Firefox opens its sidebar by `_execute_sidebar_action` itself. */
const OPEN_PANEL_COMMAND = 'open-side-panel';

// The key press is the reader's gesture that sidePanel.open needs, so the window comes with the command.
browser.commands.onCommand.addListener((command, tab) => {
  if (command === OPEN_PANEL_COMMAND && tab?.windowId !== undefined) void openBesideArticle(tab.windowId);
});

// Pages learn the settings from here, not from storage (page-scripts.ts). One change at a time, in order.
let settingsWork: Promise<void> = Promise.resolve();
function followStoredSettings(push: boolean): void {
  settingsWork = settingsWork.then(async () => {
    const settings = await loadSettings();
    await matchSettingsScript(settings);
    if (push) await pushSettings(settings);
  });
}
onSettingsChanged(() => {
  followStoredSettings(true);
});
// A registration is kept across sessions, but an update or a browser that dropped it is set right here.
browser.runtime.onInstalled.addListener(() => {
  followStoredSettings(false);
});
browser.runtime.onStartup.addListener(() => {
  followStoredSettings(false);
});

// The badge on the background's initiative: a page that finished loading is asked its count.
onPageLoaded((tabId) => {
  void pullBadge(tabId).then((report) => (report === null ? undefined : updateBadge(tabId, report)));
});
