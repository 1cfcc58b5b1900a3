/**
 * "Since your last visit" in Chromium with the built extension: a live blog visited three times,
 * the browser restarted on the same profile before the second visit. Nothing is new on the first;
 * on the second exactly the two entries about the talks added since (not the trap, not the two
 * others), said by the content script's state, the popup and the badge in its own colour; "mark all
 * as seen" in the side panel; nothing new on the third. The options page forgets every blog, and a
 * private window stores nothing, while the same page in a normal window does (the control).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type WebExtension from 'webextension-polyfill';
import { chromiumPath } from '../../tools/browsers';
import { ExtensionBrowser, OPTIONS_PATH } from '../../tools/extension-browser';
import { ABOUT_ENTRIES, LIVEBLOG_DAY, corpusEntry } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { served, startServer, type PageServer } from '../../tools/server';
import { FRESH_COLOR } from '../../src/background/badge';
import type { LiveblogState } from '../../src/shared/messages';
import { liveEntryTitle } from './liveblog-steps';
import { browserOrSkip, ensureBuilt } from './prerequisites';

declare const chrome: typeof WebExtension;

const executablePath = browserOrSkip('Chromium', chromiumPath(), 'CHROMIUM_PATH');
const HOSTS = ['www.handelsblatt.com'];
/** The test server speaks http, which incognito windows would otherwise upgrade to https. */
const ARGS = ['--disable-features=HttpsUpgrades,HttpsFirstModeIncognito,HttpsFirstBalancedModeAutoEnable'];
const BLOG_ID = /\/(\d+)\.html$/.exec(LIVEBLOG_DAY_URL)![1]!;

/** Added between the first visit and the second: two about the talks, a trap, two others. */
const ADDED = [ABOUT_ENTRIES[0]!, ABOUT_ENTRIES[1]!, corpusEntry('blinken-berlin'), corpusEntry('selenskyj-ruhe'), corpusEntry('peskow-truppen')];
const BEFORE = LIVEBLOG_DAY.filter((e) => !ADDED.includes(e));

describe.skipIf(executablePath === null)('since the last visit, in Chromium', () => {
  let server: PageServer;
  let profile: string;
  let browser: ExtensionBrowser | null = null;
  const extensionPath = (): string => ensureBuilt('chrome');

  const start = async (): Promise<ExtensionBrowser> => {
    await browser?.close();
    browser = await ExtensionBrowser.launch({ executablePath: executablePath!, extensionPath: extensionPath(), port: server.port, hosts: HOSTS, profile, args: ARGS });
    return browser;
  };

  beforeAll(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'lagebild-visits-'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  });

  const visit = async (b: ExtensionBrowser, entries: typeof LIVEBLOG_DAY): Promise<Page> => {
    server.route(served(LIVEBLOG_DAY_URL), liveblogMarkupPage('storyline', { entries }));
    return b.open(served(LIVEBLOG_DAY_URL));
  };

  /** The content script's answer to the side panel's question, asked from the background's side. */
  const state = async (b: ExtensionBrowser, page: Page): Promise<LiveblogState> => {
    const tabId = await b.tabId(page);
    return b.serviceWorker.evaluate<LiveblogState, number>((id) => chrome.tabs.sendMessage(id, { type: 'lagebild/liveblog' }), tabId);
  };
  const freshTitles = async (b: ExtensionBrowser, page: Page): Promise<string[]> => (await state(b, page)).entries.filter((e) => e.fresh).map((e) => e.title);
  const stored = (b: ExtensionBrowser): Promise<{ v: number; blogs: Record<string, { at: number; prev: number | null }> } | undefined> =>
    b.serviceWorker.evaluate(async () => (await chrome.storage.local.get('visits')).visits) as never;
  const popupSentence = async (b: ExtensionBrowser, page: Page): Promise<string> => {
    const popup = await b.openPopup(page);
    await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`);
    const text = await popup.evaluate<string>(`document.querySelector('.status-sentence').textContent`);
    await popup.close();
    return text;
  };
  const badgeColor = async (b: ExtensionBrowser, page: Page): Promise<number[]> => {
    const tabId = await b.tabId(page);
    return b.serviceWorker.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId);
  };
  const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

  it('three visits, a restart before the second: new are exactly the two entries about the talks added between', async () => {
    let b = await start();
    const first = await visit(b, BEFORE);
    await expect.poll(async () => (await stored(b))?.blogs[BLOG_ID]?.at ?? null).not.toBeNull();
    expect(await freshTitles(b, first)).toEqual([]);
    expect((await state(b, first)).lastVisit).toBeNull();
    expect(await popupSentence(b, first)).not.toMatch(/Besuch|visit/);
    const firstAt = (await stored(b))!.blogs[BLOG_ID]!.at;

    b = await start();
    const second = await visit(b, LIVEBLOG_DAY);
    await expect.poll(async () => (await state(b, second)).lastVisit).toBe(firstAt);
    expect((await freshTitles(b, second)).sort()).toEqual(ADDED.filter((e) => e.about).map((e) => liveEntryTitle(e)).sort());
    expect(await popupSentence(b, second)).toMatch(/2 (neue Einträge zu den Gesprächen seit Ihrem letzten Besuch|new entries on the talks since your last visit) \(\d\d:\d\d\)\.$/);
    await expect.poll(() => b.badgeText(second)).toBe('2');
    expect(await badgeColor(b, second)).toEqual([...rgb(FRESH_COLOR), 255]);
    await second.close();

    const third = await visit(b, LIVEBLOG_DAY);
    await expect.poll(async () => (await state(b, third)).lastVisit).not.toBe(firstAt);
    expect(await freshTitles(b, third)).toEqual([]);
    expect(await popupSentence(b, third)).toMatch(/(Nichts Neues zu den Gesprächen seit Ihrem letzten Besuch|Nothing new on the talks since your last visit) \(\d\d:\d\d\)\.$/);
    expect(await b.badgeText(third)).toBe('');
  }, 120_000);

  it('marks all as seen from the side panel: the badge and the state drop them, and the next visit too', async () => {
    const b = await start();
    await b.serviceWorker.evaluate(() => chrome.storage.local.clear());
    const page = await visit(b, LIVEBLOG_DAY.filter((e) => e !== ABOUT_ENTRIES[0]));
    await expect.poll(async () => (await stored(b))?.blogs[BLOG_ID]?.at ?? null).not.toBeNull();
    await page.close();
    const back = await visit(b, LIVEBLOG_DAY);
    await expect.poll(() => freshTitles(b, back)).toEqual([liveEntryTitle(ABOUT_ENTRIES[0]!)]);
    const panel = await b.openSidePanel(back);
    await panel.waitFor(`document.querySelector('.mark-seen')?.hidden === false`);
    await panel.click('.mark-seen');
    await expect.poll(() => freshTitles(b, back)).toEqual([]);
    await expect.poll(() => b.badgeText(back)).toBe('');
    await panel.waitFor(`document.querySelector('.mark-seen')?.hidden === true`);
    await panel.close();
    await back.close();
    const again = await visit(b, LIVEBLOG_DAY);
    await expect.poll(async () => (await state(b, again)).lastVisit).not.toBeNull();
    expect(await freshTitles(b, again)).toEqual([]);
  }, 120_000);

  it('the options page counts the blogs remembered and forgets them all; the next visit is a first one', async () => {
    const b = await start();
    expect((await stored(b))?.blogs[BLOG_ID]).toBeDefined();
    const options = await b.open(`chrome-extension://${b.extensionId}/${OPTIONS_PATH}`);
    await options.waitForFunction(() => /^1 (Liveblog gemerkt|live blog remembered)\.$/.test(document.querySelector('.visits-count')?.textContent ?? ''));
    await options.click('.visits-forget');
    await options.waitForFunction(() => /^(Kein Liveblog gemerkt|No live blog remembered)\.$/.test(document.querySelector('.visits-count')?.textContent ?? ''));
    expect(await stored(b)).toBeUndefined();
    const page = await visit(b, LIVEBLOG_DAY);
    await expect.poll(async () => (await stored(b))?.blogs[BLOG_ID]?.at ?? null).not.toBeNull();
    expect((await state(b, page)).lastVisit).toBeNull();
    expect(await freshTitles(b, page)).toEqual([]);
  }, 120_000);

  it('a private window stores nothing; the same page in a normal window does', async () => {
    let b = await start();
    // Allowed in incognito as a reader allows it; Chromium reloads the extension, so it restarts on the profile.
    const settings = await b.open(`chrome://extensions/?id=${b.extensionId}`);
    await settings.locator('#allow-incognito').click();
    b = await start();
    expect(await b.serviceWorker.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
    await b.serviceWorker.evaluate(() => chrome.storage.local.clear());
    server.route(served(LIVEBLOG_DAY_URL), liveblogMarkupPage('storyline'));
    const markersIn = (tabId: number): Promise<number> =>
      b.serviceWorker.evaluate(async (id) => {
        const [result] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.querySelectorAll('lagebild-entry-mark').length });
        return result?.result as number;
      }, tabId);
    const inWindow = (incognito: boolean): Promise<number> =>
      b.serviceWorker.evaluate(async ([url, inPrivate]) => (await chrome.windows.create({ url, incognito: inPrivate })).tabs![0]!.id!, [served(LIVEBLOG_DAY_URL), incognito] as const);

    const privateTab = await inWindow(true);
    // The extension runs there: its markers are in the page. What it would report it reports at once.
    await expect.poll(() => markersIn(privateTab).catch((e: unknown) => String(e)), { timeout: 20_000 }).toBe(ABOUT_ENTRIES.length);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stored(b)).toBeUndefined();

    const normalTab = await inWindow(false);
    await expect.poll(() => markersIn(normalTab).catch(() => 0), { timeout: 20_000 }).toBe(ABOUT_ENTRIES.length);
    await expect.poll(async () => (await stored(b))?.blogs[BLOG_ID]?.at ?? null).not.toBeNull();
  }, 120_000);
});
