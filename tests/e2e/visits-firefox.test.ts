/**
 * "Since your last visit" in Firefox ESR with the built extension, over WebDriver BiDi: a live blog
 * visited three times, Firefox restarted on the same profile before the second visit; nothing new
 * on the first, exactly the two entries about the talks added since on the second (not the trap,
 * not the two others), said by the content script's state, the popup and the badge in its own
 * colour; "mark all as seen" from the sidebar's page; nothing new on the third. The options page
 * forgets every blog; a private window stores nothing, while the same page in a normal one does.
 * WebDriver BiDi sees no toolbar: the badge and the tab's state are read from the options page.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import baseManifest from '../../manifest.json' with { type: 'json' };
import { firefoxPath } from '../../tools/browsers';
import { launchFirefox, openExtensionPage } from '../../tools/firefox';
import { ABOUT_ENTRIES, LIVEBLOG_DAY, corpusEntry } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { served, startServer, type PageServer } from '../../tools/server';
import { FRESH_COLOR } from '../../src/background/badge';
import type { LiveblogState } from '../../src/shared/messages';
import { liveEntryTitle } from './liveblog-steps';
import { browserOrSkip, ensureBuilt } from './prerequisites';

const executablePath = browserOrSkip('Firefox', firefoxPath(), 'FIREFOX_PATH');
const OPTIONS = 'src/options/index.html';
const PANEL = 'src/panel/index.html';
const POPUP = 'src/popup/index.html';
const POLL = { polling: 50 } as const;
const BLOG_ID = /\/(\d+)\.html$/.exec(LIVEBLOG_DAY_URL)![1]!;
const ADDED = [ABOUT_ENTRIES[0]!, ABOUT_ENTRIES[1]!, corpusEntry('blinken-berlin'), corpusEntry('selenskyj-ruhe'), corpusEntry('peskow-truppen')];
const BEFORE = LIVEBLOG_DAY.filter((e) => !ADDED.includes(e));

/** As a reader allows the extension in private windows (about:addons), in the profile Firefox reads it from at start. */
async function allowInPrivateWindows(profile: string): Promise<void> {
  const file = join(profile, 'extension-preferences.json');
  const prefs = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, { permissions: string[]; origins: string[] }>;
  const id = baseManifest.browser_specific_settings.gecko.id;
  const own = prefs[id] ?? { permissions: [], origins: [] };
  prefs[id] = { ...own, permissions: [...new Set([...own.permissions, 'internal:privateBrowsingAllowed'])] };
  await writeFile(file, JSON.stringify(prefs));
}

interface Seen {
  state: LiveblogState | null;
  badge: string;
  color: number[];
  stored: { blogs: Record<string, { at: number }> } | undefined;
}

/** Runs in the options page: the newest tab outside its window, what its content script answers, its badge, and the record. */
async function look(): Promise<Seen> {
  const api = (globalThis as unknown as { browser: typeof WebExtension }).browser;
  const [own] = await api.tabs.query({ currentWindow: true });
  const others = (await api.tabs.query({})).filter((tab) => tab.windowId !== own?.windowId && tab.id !== undefined);
  const tabId = Math.max(...others.map((tab) => tab.id!));
  const state = (await api.tabs.sendMessage(tabId, { type: 'lagebild/liveblog' }).catch(() => null)) as LiveblogState | null;
  const stored = (await api.storage.local.get('visits')).visits as Seen['stored'];
  return { state, badge: await api.action.getBadgeText({ tabId }), color: await api.action.getBadgeBackgroundColor({ tabId }), stored };
}

describe.skipIf(executablePath === null)('since the last visit, in Firefox', () => {
  let server: PageServer;
  let profile: string;
  let browser: Browser | null = null;

  const start = async (): Promise<Browser> => {
    await browser?.close();
    browser = await launchFirefox({ executablePath: executablePath!, extensionPath: ensureBuilt('firefox'), port: server.port, profile });
    return browser;
  };

  beforeAll(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'lagebild-visits-ff-'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  });

  const visit = async (b: Browser, entries: typeof LIVEBLOG_DAY): Promise<Page> => {
    server.route(served(LIVEBLOG_DAY_URL), liveblogMarkupPage('storyline', { entries }));
    const page = await b.newPage();
    await page.goto(served(LIVEBLOG_DAY_URL));
    return page;
  };
  /** The options page in a window of its own, beside the blog's, and a look from it. */
  const looker = async (b: Browser): Promise<() => Promise<Seen>> => {
    const options = await openExtensionPage(b, OPTIONS);
    return () => options.evaluate(look);
  };
  const fresh = (seen: Seen): string[] => (seen.state?.entries ?? []).filter((e) => e.fresh).map((e) => e.title);
  const popupSentence = async (b: Browser): Promise<string | null> => {
    const popup = await openExtensionPage(b, POPUP);
    await popup.waitForFunction(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`, { ...POLL, timeout: 10_000 });
    const text = await popup.$eval('#status .status-sentence', (e) => e.textContent);
    await popup.close();
    return text;
  };
  const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

  it('three visits, a restart before the second: new are exactly the two entries about the talks added between', async () => {
    let b = await start();
    await visit(b, BEFORE);
    let seen = await looker(b);
    await expect.poll(async () => (await seen()).stored?.blogs[BLOG_ID]?.at ?? null, { timeout: 10_000 }).not.toBeNull();
    const firstAt = (await seen()).stored!.blogs[BLOG_ID]!.at;
    expect(fresh(await seen())).toEqual([]);
    expect((await seen()).state?.lastVisit).toBeNull();

    b = await start();
    const second = await visit(b, LIVEBLOG_DAY);
    seen = await looker(b);
    await expect.poll(async () => (await seen()).state?.lastVisit ?? null, { timeout: 10_000 }).toBe(firstAt);
    expect(fresh(await seen()).sort()).toEqual(ADDED.filter((e) => e.about).map((e) => liveEntryTitle(e)).sort());
    await expect.poll(async () => (await seen()).badge).toBe('2');
    expect((await seen()).color).toEqual([...rgb(FRESH_COLOR), 255]);
    expect(await popupSentence(b)).toMatch(/2 (neue Einträge zu den Gesprächen seit Ihrem letzten Besuch|new entries on the talks since your last visit) \(\d\d:\d\d\)\.$/);

    const panel = await openExtensionPage(b, PANEL);
    await panel.waitForFunction(`document.querySelector('.mark-seen')?.hidden === false`, { ...POLL, timeout: 10_000 });
    await panel.click('.mark-seen');
    await expect.poll(async () => fresh(await seen())).toEqual([]);
    await expect.poll(async () => (await seen()).badge).toBe('');
    await panel.close();

    // Loaded again in its tab: a new visit (a new tab would open beside the options page, out of its sight).
    await second.goto(served(LIVEBLOG_DAY_URL));
    await expect.poll(async () => (await seen()).state?.lastVisit ?? firstAt, { timeout: 10_000 }).not.toBe(firstAt);
    expect(fresh(await seen())).toEqual([]);
    expect(await popupSentence(b)).toMatch(/(Nichts Neues zu den Gesprächen seit Ihrem letzten Besuch|Nothing new on the talks since your last visit) \(\d\d:\d\d\)\.$/);
  }, 180_000);

  it('the options page forgets every blog; a private window stores nothing, the same page in a normal one does', async () => {
    await browser?.close();
    browser = null;
    await allowInPrivateWindows(profile);
    const b = await start();
    const options = await openExtensionPage(b, OPTIONS);
    const count = (pattern: string): string => `/^${pattern}\\.$/.test(document.querySelector('.visits-count')?.textContent ?? '')`;
    await options.waitForFunction(count('1 (Liveblog gemerkt|live blog remembered)'), { ...POLL, timeout: 10_000 });
    await options.click('.visits-forget');
    await options.waitForFunction(count('(Kein Liveblog gemerkt|No live blog remembered)'), { ...POLL, timeout: 10_000 });

    server.route(served(LIVEBLOG_DAY_URL), liveblogMarkupPage('storyline'));
    const inWindow = (incognito: boolean): Promise<{ tab: number; stored: unknown; markers: number }> =>
      options.evaluate(async (url: string, inPrivate: boolean) => {
        const api = (globalThis as unknown as { browser: typeof WebExtension }).browser;
        const tab = (await api.windows.create({ url, incognito: inPrivate })).tabs![0]!.id!;
        let markers = 0;
        for (let tries = 0; tries < 200 && markers === 0; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          const [result] = await api.scripting.executeScript({ target: { tabId: tab }, func: () => document.querySelectorAll('lagebild-entry-mark').length }).catch(() => []);
          markers = (result?.result as number | undefined) ?? 0;
        }
        // What the page would report it reports at once; a second and a half is long past it.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return { tab, markers, stored: (await api.storage.local.get('visits')).visits };
      }, served(LIVEBLOG_DAY_URL), incognito);

    const inPrivate = await inWindow(true);
    expect(inPrivate.markers).toBe(ABOUT_ENTRIES.length);
    expect(inPrivate.stored).toBeUndefined();
    const inNormal = await inWindow(false);
    expect(inNormal.markers).toBe(ABOUT_ENTRIES.length);
    expect(inNormal.stored).toMatchObject({ blogs: { [BLOG_ID]: { prev: null } } });
  }, 180_000);
});
