/**
 * Live-blog context in Firefox ESR with the built extension, over WebDriver BiDi, on the day's blog in
 * every markup: the side panel's page, open at its moz-extension:// address in a window beside the
 * article's (as the sidebar stands beside it), lists the entries about the talks and no other, and a
 * click brings an entry into view; entries the page adds, edits or drops are followed with the panel
 * open; each entry about the talks carries a marker, whose click shows its popover in place where
 * Firefox does not open the sidebar. The control: the same page on a host the extension does not run
 * on gets no marker, so a count of markers can fail.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import { firefoxPath } from '../../tools/browsers';
import { ABOUT_ENTRIES, LIVEBLOG_DAY } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, LIVEBLOG_MARKUPS, entrySelector, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { articleUrl, liveblogPage } from '../../tools/pages';
import { AXE_RUN, AXE_SOURCE, type AxeViolation } from '../support/axe';
import { firefoxSession } from './firefox-session';
import { DATED_BLOGS, DAY_2025_ADDED, FOCUSED_ROW, FOCUS_LIST_HEADING, LIST_LAYOUT, NONE_LISTED, day2025Page, expectedTitles, focusEntryHeading, liveEntryTitle, markedEntryText, type ListLayout } from './liveblog-steps';
import { browserOrSkip } from './prerequisites';
import { OTHER_SITE } from './scenarios';

const executablePath = browserOrSkip('Firefox', firefoxPath(), 'FIREFOX_PATH');
const PANEL = 'src/panel/index.html';
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
/** Interval polling: a window that is not in front may get no animation frames. */
const POLL = { polling: 50 } as const;

const listed = (panel: Page): Promise<(string | null)[]> =>
  panel.$$eval('#liveblog .live-entry .entry-title', (titles) => titles.map((e) => e.textContent));
const markers = (page: Page): Promise<number> => page.evaluate(() => document.querySelectorAll('lagebild-entry-mark').length);
const listedCount = (n: number): string => `document.querySelectorAll('#liveblog .live-entry').length === ${n}`;

type Call = ['add' | 'remove', string] | ['edit', string, string] | ['showQueued'];

/**
 * Calls the blog's own `window.__liveblog` in the page's world, where puppeteer evaluates: all
 * `calls` in one task, so the page changes them in one go, as a live blog's update does.
 */
function live(page: Page, ...calls: Call[]): Promise<void> {
  return page.evaluate((all: Call[]) => {
    const hooks = (window as unknown as { __liveblog: Record<string, (...a: string[]) => void> }).__liveblog;
    for (const [hook, ...args] of all) hooks[hook]!(...args);
  }, calls);
}

describe.skipIf(executablePath === null)('live-blog context in Firefox', () => {
  const session = firefoxSession(executablePath!);

  it.each(LIVEBLOG_MARKUPS)('%s: the panel lists every entry about the talks and no other; a click shows it', async (markup) => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage(markup, { jobWidget: true }));
    const panel = await session.extensionPage(PANEL);
    await panel.waitForFunction(`document.querySelectorAll('#liveblog .live-entry').length >= ${ABOUT_ENTRIES.length}`, { ...POLL, timeout: 20_000 });
    const titles = await listed(panel);
    expect(titles).toHaveLength(ABOUT_ENTRIES.length);
    // Newest first, as the blog has them.
    ABOUT_ENTRIES.forEach((entry, i) => { expect(titles[i]).toContain(liveEntryTitle(entry, markup)); });
    expect(await markers(page)).toBe(ABOUT_ENTRIES.length);

    const inView = (): Promise<boolean> => page.evaluate((sel) => {
      const rect = document.querySelector(sel)!.getBoundingClientRect();
      return rect.top >= 0 && rect.top < innerHeight;
    }, entrySelector(ABOUT_ENTRIES.at(-1)!.key));
    expect(await inView()).toBe(false);
    await panel.click('#liveblog .live-entry:last-child .entry-show');
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.has('lagebild-entry'))).toBe(true);
  });

  /** The panel beside `page` once it lists `n` entries, and a check that both follow the page to `m` within the second. */
  async function panelBeside(page: Page, n: number): Promise<{ panel: Page; follows: (m: number) => Promise<void> }> {
    const panel = await session.extensionPage(PANEL);
    await panel.waitForFunction(listedCount(n), { ...POLL, timeout: 20_000 });
    const follows = async (m: number): Promise<void> => {
      // The product's bound for a live update: within a second, with the panel open.
      await panel.waitForFunction(listedCount(m), { ...POLL, timeout: 1000 });
      await expect.poll(() => markers(page)).toBe(m);
    };
    return { panel, follows };
  }

  /** The popup's sentence for the tab in front; the panel's page goes first, so the article is that tab. */
  async function popupSentence(panel: Page): Promise<string | null> {
    await panel.close();
    const popup = await session.extensionPage(POPUP);
    await popup.waitForFunction(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`, { ...POLL, timeout: 10_000 });
    return popup.$eval('#status .status-sentence', (e) => e.textContent);
  }
  const counted = (n: number): RegExp => new RegExp(`(^|\\s)${n} (Einträge|entries)`);

  it('entries the page adds, edits and drops are followed with the panel open; the popup counts them', async () => {
    const later = ABOUT_ENTRIES.slice(0, 2);
    const start = LIVEBLOG_DAY.filter((e) => !later.includes(e));
    const html = liveblogMarkupPage('storyline', { entries: start, live: { manual: true, newPostButton: [later[1]!] } });
    const page = await session.open(LIVEBLOG_DAY_URL, html);
    const { panel, follows } = await panelBeside(page, ABOUT_ENTRIES.length - 2);

    await live(page, ['add', later[0]!.key]);
    await follows(ABOUT_ENTRIES.length - 1);
    expect(await panel.$$eval('#liveblog .live-entry.new .entry-title', (e) => e.map((t) => t.textContent))).toEqual([liveEntryTitle(later[0]!)]);

    await live(page, ['showQueued']);
    await follows(ABOUT_ENTRIES.length);
    // An entry edited so that it no longer speaks of the talks leaves the list; one removed too.
    await live(page, ['edit', 'genf-vorschau', 'Der Dax schließt kaum verändert.']);
    await follows(ABOUT_ENTRIES.length - 1);
    await live(page, ['remove', later[0]!.key]);
    await follows(ABOUT_ENTRIES.length - 2);

    expect(await popupSentence(panel)).toMatch(counted(ABOUT_ENTRIES.length - 2));
  });

  // Two entries dropped in one update: both leave the count (each removal is made, not only the first).
  it('entries dropped in one update leave the popup’s count, as they leave the panel', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline', { live: { manual: true } }));
    const { panel, follows } = await panelBeside(page, ABOUT_ENTRIES.length);
    await live(page, ['remove', ABOUT_ENTRIES[0]!.key], ['remove', ABOUT_ENTRIES[1]!.key]);
    await follows(ABOUT_ENTRIES.length - 2);
    expect(await popupSentence(panel)).toMatch(counted(ABOUT_ENTRIES.length - 2));
  });

  it.each(DATED_BLOGS)('$name: the panel lists exactly the entries about the talks, newest first', async ({ entries, markup }) => {
    const expected = expectedTitles(entries, markup);
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage(markup, { entries }));
    const panel = await session.extensionPage(PANEL);
    await panel.waitForFunction(`document.querySelectorAll('#liveblog .live-entry').length >= ${expected.length}`, { ...POLL, timeout: 20_000 });
    const titles = await listed(panel);
    expect(titles).toHaveLength(expected.length);
    expected.forEach((title, i) => { expect(titles[i]).toContain(title); });
    expect(await markers(page)).toBe(expected.length);
  });

  it('a day in 2025 with nothing about the talks: nothing is listed, marked or counted', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, day2025Page());
    const panel = await session.extensionPage(PANEL);
    // An entry about the talks the page adds is listed alone: the rule has judged the day's entries and listed none.
    await live(page, ['showQueued']);
    await panel.waitForFunction(listedCount(1), { ...POLL, timeout: 20_000 });
    expect(await listed(panel)).toEqual([expect.stringContaining(DAY_2025_ADDED.headline!)]);
    await live(page, ['remove', DAY_2025_ADDED.key]);
    await panel.waitForFunction(listedCount(0), { ...POLL, timeout: 1000 });
    expect(await markers(page)).toBe(0);
    expect(await popupSentence(panel)).toMatch(NONE_LISTED);
  });

  it('a marker is reached by keyboard; Firefox opens no sidebar from the page, so the marker shows its popover in place', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('article'));
    await expect.poll(() => markers(page), { timeout: 20_000 }).toBe(ABOUT_ENTRIES.length);
    const entry = entrySelector('genf-handschlag');
    // The closed shadow root keeps the page's scripts out: the popover is seen from outside, as the
    // host the page finds below the popover's place (2em under the time, the marker's host at its start).
    expect(await page.evaluate((sel) => document.querySelector(`${sel} lagebild-entry-mark`)!.shadowRoot, entry)).toBeNull();
    const seen = (): Promise<{ rect: number[]; focused: boolean; popover: boolean }> => page.evaluate((sel) => {
      const host = document.querySelector(`${sel} lagebild-entry-mark`)!;
      const { x, y, width, height } = host.getBoundingClientRect();
      return { rect: [x, y, width, height], focused: document.activeElement === host, popover: document.elementFromPoint(x + 20, y + 60) === host };
    }, entry);
    await page.evaluate(focusEntryHeading, entry);
    await page.keyboard.press('Tab');
    const before = await seen();
    expect(before).toMatchObject({ focused: true, popover: false });
    expect(before.rect.slice(2)).toEqual([0, 0]);

    await page.keyboard.press('Enter');
    await expect.poll(seen).toEqual({ ...before, popover: true });
    const panel = await session.extensionPage(PANEL);
    expect(await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof WebExtension }).browser;
      const sidebar = (api as unknown as { sidebarAction: { isOpen(o: { windowId?: number }): Promise<boolean> } }).sidebarAction;
      return Promise.all((await api.windows.getAll()).map((w) => sidebar.isOpen({ windowId: w.id })));
    })).toEqual([false, false]);
    // A trusted click on the button, just after the time, closes it again.
    await page.bringToFront();
    await page.mouse.click(before.rect[0]! + 12, before.rect[1]! + 9);
    await expect.poll(seen).toEqual(before);
  });

  it('control: on a host the extension does not run on, no entry is marked', async () => {
    const other = await session.open(OTHER_SITE, liveblogMarkupPage('storyline'));
    // The same page where the extension runs, opened after it, is marked: by then the other would be too.
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline'));
    await expect.poll(() => markers(page), { timeout: 20_000 }).toBe(ABOUT_ENTRIES.length);
    expect(await other.evaluate(() => document.querySelectorAll('[data-test-key]').length)).toBeGreaterThan(ABOUT_ENTRIES.length);
    expect(await markers(other)).toBe(0);
  });

  it.each(['de', 'en'] as const)('the list in %s, at 320 and 480 px: rows inside the panel, no scrolling sideways, no browser-default control, axe clean; every row reached by keyboard shows its entry', async (language) => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline'));
    const panel = await session.extensionPage(PANEL);
    await panel.waitForFunction(listedCount(ABOUT_ENTRIES.length), { ...POLL, timeout: 20_000 });
    // The panel's own switch: the options page that saveSettings uses would stand in a window of its own, taken for the reader's.
    await panel.click(`#language-${language}`);
    await panel.waitForFunction(`document.documentElement.lang === '${language}' && ${listedCount(ABOUT_ENTRIES.length)}`, POLL);
    for (const width of [320, 480]) {
      await panel.setViewport({ width, height: 700 });
      await panel.waitForFunction(`innerWidth === ${width}`, POLL);
      const layout = (await panel.evaluate(LIST_LAYOUT)) as ListLayout;
      process.stdout.write(`Firefox panel list at ${width} px (${language}): ${JSON.stringify(layout)}\n`);
      expect(layout).toEqual({ viewport: width, scrollsSideways: false, rows: ABOUT_ENTRIES.length, outside: [], overflowing: [], browserDefault: [] });
    }
    await panel.evaluate(AXE_SOURCE);
    expect(await panel.evaluate(AXE_RUN)).toEqual([] satisfies AxeViolation[]);

    // From the list's heading, Tab reaches each row in turn (and its links); Enter shows its entry in the page.
    await panel.setViewport({ width: 320, height: 700 });
    await panel.evaluate(FOCUS_LIST_HEADING);
    const reached: string[] = [];
    for (let presses = 0; presses < 40; presses++) {
      await panel.keyboard.press('Tab');
      const row = (await panel.evaluate(FOCUSED_ROW)) as string | null;
      if (row === 'out') break;
      if (row === null) continue;
      reached.push(row);
      await panel.keyboard.press('Enter');
      // First words end in "…" where the entry goes on.
      await expect.poll(() => page.evaluate(markedEntryText), { timeout: 10_000 }).toContain(row.replace(/…$/, ''));
    }
    expect(reached).toHaveLength(ABOUT_ENTRIES.length);
    ABOUT_ENTRIES.forEach((entry, i) => { expect(reached[i]).toContain(liveEntryTitle(entry)); });
    await session.saveSettings({ ...DEFAULT_SETTINGS });
  });

  it('a blog without an entry about the talks: one line in the panel, nothing counted in the popup, no card; they follow an entry that comes and goes', async () => {
    const about = ABOUT_ENTRIES[0]!;
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline', { entries: LIVEBLOG_DAY.filter((e) => !e.about), live: { manual: true } }));
    const card = (): Promise<number> => page.evaluate(() => document.querySelectorAll('lagebild-card').length);
    const line = `document.querySelector('#liveblog .liveblog-count')?.textContent === 'Kein Eintrag zu den Gesprächen in Genf.'`;
    const { panel, follows } = await panelBeside(page, 0);
    await panel.click('#language-de');
    await panel.waitForFunction(`${line} && document.querySelector('#liveblog .live-entries').hidden`, { ...POLL, timeout: 5000 });
    // An entry about the talks comes: listed, marked, and the card with it, so the rule's data has arrived.
    await live(page, ['add', about.key]);
    await follows(1);
    await expect.poll(card).toBe(1);
    await live(page, ['remove', about.key]);
    await follows(0);
    await panel.waitForFunction(line, POLL);
    await expect.poll(card).toBe(0);
    expect(await popupSentence(panel)).toBe('Der Ukraine-Liveblog des Handelsblatts. Kein Eintrag zu den Gesprächen in Genf.');
    await session.saveSettings({ ...DEFAULT_SETTINGS });
  });

  it('a blog of other news only, as the live blog is years later: no card, the popup counts nothing', async () => {
    const page = await session.open(articleUrl.liveblog, liveblogPage());
    const popup = await session.extensionPage(POPUP);
    await popup.waitForFunction(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`, { ...POLL, timeout: 10_000 });
    expect(await popup.$eval('#status .status-sentence', (e) => e.textContent)).toMatch(/(Kein Eintrag zu den Gesprächen in Genf|No entry about the Geneva talks)\.$/);
    expect(await page.evaluate(() => document.querySelectorAll('lagebild-card').length)).toBe(0);
  });

  // Last: the switch is stored for the whole session, so it is turned on again at the end.
  it('markers move nothing in the story, and go when switched off on the options page', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('plain'));
    await expect.poll(() => markers(page), { timeout: 20_000 }).toBe(ABOUT_ENTRIES.length);
    const rects = (): Promise<string> => page.evaluate(() =>
      JSON.stringify([...document.querySelectorAll('[data-test-key]')].map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })));
    const withMarkers = await rects();
    const options = await session.extensionPage(OPTIONS);
    const toggle = '#setting-entryMarkers:not([disabled])';
    await options.waitForSelector(toggle);
    await options.click(toggle);
    await expect.poll(() => markers(page)).toBe(0);
    expect(await rects()).toBe(withMarkers);
    await options.click(toggle);
    await expect.poll(() => markers(page)).toBe(ABOUT_ENTRIES.length);
  });
});
