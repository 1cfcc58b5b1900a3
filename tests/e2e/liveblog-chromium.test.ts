/**
 * Live-blog context in Chromium with the built extension, on the day's blog in every markup: the
 * side panel lists the entries about the talks and no other, a click brings an entry into view,
 * entries the page adds or drops are followed with the panel left open, the popup counts them,
 * and each entry about the talks carries a marker that moves nothing. The control: the same page
 * on a host the extension does not run on gets no marker, so a count of markers can fail.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../../tools/browsers';
import type { Popup } from '../../tools/extension-browser';
import { ABOUT_ENTRIES, LIVEBLOG_DAY, corpusEntry } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, LIVEBLOG_MARKUPS, entrySelector, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { articleUrl, liveblogPage } from '../../tools/pages';
import { AXE_RUN, AXE_SOURCE, type AxeViolation } from '../support/axe';
import { chromiumSession } from './chromium-session';
import { DATED_BLOGS, DAY_2025_ADDED, FOCUSED_ROW, FOCUS_LIST_HEADING, LIST_LAYOUT, NONE_LISTED, day2025Page, expectedTitles, focusEntryHeading, liveEntryTitle, markedEntryText, type ListLayout } from './liveblog-steps';
import { browserOrSkip } from './prerequisites';
import { OTHER_SITE } from './scenarios';

const executablePath = browserOrSkip('Chromium', chromiumPath(), 'CHROMIUM_PATH');
const HOSTS = ['www.handelsblatt.com', 'www.example.org'];

const listed = (panel: Popup): Promise<string[]> =>
  panel.evaluate(`[...document.querySelectorAll('#liveblog .live-entry .entry-title')].map((e) => e.textContent)`);

const shownAs = liveEntryTitle;

/**
 * The embed rendered into a closed shadow root of a custom element, as a third-party widget may:
 * the blog's markup moves from a template into the root when the element is defined.
 */
function inClosedShadowRoot(html: string): string {
  const embed = /<div class="lb-embed"[\s\S]*?<div class="lb-powered">Live-Ticker<\/div><\/div><\/div>/.exec(html)?.[0];
  if (embed === undefined) throw new Error('no embed to move');
  const script = `<script>customElements.define('lb-widget', class extends HTMLElement { connectedCallback() {
    this.attachShadow({ mode: 'closed' }).append(document.getElementById('lb-source').content.cloneNode(true)); } });</script>`;
  return html.replace(embed, `<lb-widget></lb-widget><template id="lb-source">${embed}</template>${script}`);
}

const markers = (page: Page): Promise<number> => page.evaluate(() => document.querySelectorAll('lagebild-entry-mark').length);

/**
 * The context card's text as the browser's accessibility tree has it: its root is closed to the
 * page, and so to page.evaluate; null without a card.
 */
async function cardText(page: Page): Promise<string | null> {
  if ((await page.locator('lagebild-card').count()) === 0) return null;
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
  await cdp.detach();
  return nodes.filter((n) => n.role?.value === 'StaticText').map((n) => n.name?.value ?? '').join(' ');
}

describe.skipIf(executablePath === null)('live-blog context in Chromium', () => {
  const session = chromiumSession(executablePath!, HOSTS);

  it.each(LIVEBLOG_MARKUPS)('%s: the panel lists every entry about the talks and no other; a click shows it', async (markup) => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage(markup, { jobWidget: true }));
    const panel = await session.browser.openSidePanel(page);
    await panel.waitFor(`document.querySelectorAll('#liveblog .live-entry').length >= ${ABOUT_ENTRIES.length}`);
    const titles = await listed(panel);
    expect(titles).toHaveLength(ABOUT_ENTRIES.length);
    // Newest first, as the blog has them.
    ABOUT_ENTRIES.forEach((entry, i) => { expect(titles[i]).toContain(shownAs(entry, markup)); });
    expect(await markers(page)).toBe(ABOUT_ENTRIES.length);

    const oldest = ABOUT_ENTRIES.at(-1)!;
    await panel.click('#liveblog .live-entry:last-child .entry-show');
    await expect.poll(() => page.evaluate((sel) => {
      const rect = document.querySelector(sel)!.getBoundingClientRect();
      return rect.top >= 0 && rect.top < innerHeight;
    }, entrySelector(oldest.key))).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.has('lagebild-entry'))).toBe(true);
    await panel.close();
  }, 60_000);

  it('entries the page adds, edits and drops are followed with the panel open; the popup counts them', async () => {
    const later = ABOUT_ENTRIES.slice(0, 2);
    const start = LIVEBLOG_DAY.filter((e) => !later.includes(e));
    const html = liveblogMarkupPage('storyline', { entries: start, live: { manual: true, newPostButton: [later[1]!] } });
    const page = await session.open(LIVEBLOG_DAY_URL, html);
    const panel = await session.browser.openSidePanel(page);
    const count = (n: number): string => `document.querySelectorAll('#liveblog .live-entry').length === ${n}`;
    await panel.waitFor(count(ABOUT_ENTRIES.length - 2));

    await page.evaluate((key) => { (window as unknown as { __liveblog: { add(k: string): void } }).__liveblog.add(key); }, later[0]!.key);
    await panel.waitFor(count(ABOUT_ENTRIES.length - 1), 1000);
    expect(await panel.evaluate(`document.querySelector('#liveblog .live-entry.new .entry-title')?.textContent`)).toContain(shownAs(later[0]!));

    await page.evaluate(() => { (window as unknown as { __liveblog: { showQueued(): void } }).__liveblog.showQueued(); });
    await panel.waitFor(count(ABOUT_ENTRIES.length), 1000);

    // An entry edited so that it no longer speaks of the talks leaves the list; one removed too.
    await page.evaluate((key) => { (window as unknown as { __liveblog: { edit(k: string, t: string): void } }).__liveblog.edit(key, 'Der Dax schließt kaum verändert.'); }, 'genf-vorschau');
    await panel.waitFor(count(ABOUT_ENTRIES.length - 1), 1000);
    await page.evaluate((key) => { (window as unknown as { __liveblog: { remove(k: string): void } }).__liveblog.remove(key); }, later[0]!.key);
    await panel.waitFor(count(ABOUT_ENTRIES.length - 2), 1000);
    expect(await markers(page)).toBe(ABOUT_ENTRIES.length - 2);

    const popup = await session.browser.openPopup(page);
    await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`);
    expect(await popup.evaluate<string>(`document.querySelector('.status-sentence').textContent`)).toMatch(new RegExp(`${ABOUT_ENTRIES.length - 2} (Einträge|entries)`));
    await popup.close();
    await panel.close();
  }, 60_000);

  it('an in-site navigation to another live blog in another markup: the panel follows without a load', async () => {
    const first = LIVEBLOG_DAY.filter((e) => !e.about || e.key === ABOUT_ENTRIES[0]!.key);
    const url = LIVEBLOG_DAY_URL.replace('usa-und-russland-ringen-um-entspannung', 'der-tag-in-genf');
    const html = liveblogMarkupPage('storyline', { entries: first, live: { manual: true, navigateTo: { url, markup: 'embed' } } });
    const page = await session.open(LIVEBLOG_DAY_URL, html);
    const panel = await session.browser.openSidePanel(page);
    const count = (n: number): string => `document.querySelectorAll('#liveblog .live-entry').length === ${n}`;
    await panel.waitFor(count(1));
    await page.evaluate(() => {
      (window as unknown as { __liveblog: { navigate(): void } }).__liveblog.navigate();
    });
    await panel.waitFor(count(ABOUT_ENTRIES.length));
    await expect.poll(() => markers(page)).toBe(ABOUT_ENTRIES.length);
    await panel.close();
  }, 60_000);

  it('an embed inside a closed shadow root: its entries about the talks are listed and shown', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, inClosedShadowRoot(liveblogMarkupPage('embed')));
    // The page's own scripts cannot see into the root: the blog is out of their reach and of ours without it.
    expect(await page.evaluate(() => document.querySelectorAll('.lb-post').length)).toBe(0);
    const panel = await session.browser.openSidePanel(page);
    await panel.waitFor(`document.querySelectorAll('#liveblog .live-entry').length === ${ABOUT_ENTRIES.length}`);
    const titles = await listed(panel);
    ABOUT_ENTRIES.forEach((entry, i) => { expect(titles[i]).toContain(shownAs(entry)); });
    await panel.close();
  }, 60_000);

  it('markers move nothing in the story, and go when switched off', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('plain'));
    await expect.poll(() => markers(page)).toBe(ABOUT_ENTRIES.length);
    const rects = (): Promise<string> => page.evaluate(() =>
      JSON.stringify([...document.querySelectorAll('[data-test-key]')].map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })));
    const withMarkers = await rects();
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, entryMarkers: false });
    await expect.poll(() => markers(page)).toBe(0);
    expect(await rects()).toBe(withMarkers);
  }, 60_000);

  it('a marker is reached by keyboard and opens the side panel at its entry', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('article'));
    await expect.poll(() => markers(page)).toBe(ABOUT_ENTRIES.length);
    const entry = entrySelector('genf-handschlag');
    // The closed shadow root keeps the page's scripts out.
    expect(await page.evaluate((sel) => document.querySelector(`${sel} lagebild-entry-mark`)!.shadowRoot, entry)).toBeNull();
    await page.evaluate(focusEntryHeading, entry);
    await page.keyboard.press('Tab');
    expect(await page.evaluate((sel) => document.activeElement === document.querySelector(`${sel} lagebild-entry-mark`), entry)).toBe(true);
    await page.keyboard.press('Enter');
    const panel = await session.browser.attachToPanel();
    await panel.waitFor(`document.querySelector('#liveblog .live-entry.focus .entry-title')?.textContent === ${JSON.stringify(corpusEntry('genf-handschlag').headline)}`);
    await panel.close();
  }, 60_000);

  it.each(DATED_BLOGS)('$name: the panel lists exactly the entries about the talks, newest first', async ({ entries, markup }) => {
    const expected = expectedTitles(entries, markup);
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage(markup, { entries }));
    const panel = await session.browser.openSidePanel(page);
    await panel.waitFor(`document.querySelectorAll('#liveblog .live-entry').length >= ${expected.length}`);
    const titles = await listed(panel);
    expect(titles).toHaveLength(expected.length);
    expected.forEach((title, i) => { expect(titles[i]).toContain(title); });
    expect(await markers(page)).toBe(expected.length);
    // What the content script tells the panel: each entry's day (from its heading where its stamp has
    // only the clock), its evidence, and the blog's current day, the page's.
    const state = await panel.evaluate<{ today: string | null; entries: { day: string | null; evidence: string[] }[] }>(
      `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => chrome.tabs.sendMessage(tab.id, { type: 'lagebild/liveblog' }))`,
    );
    expect(state.today).toBe(entries[0]!.time.slice(0, 10));
    expect(state.entries.map((e) => e.day)).toEqual(entries.filter((e) => e.about).map((e) => e.time.slice(0, 10)));
    for (const e of state.entries) expect(e.evidence.length).toBeGreaterThan(0);
    await panel.close();
  }, 60_000);

  it('a day in 2025 with nothing about the talks: nothing is listed, marked or counted', async () => {
    const page = await session.open(LIVEBLOG_DAY_URL, day2025Page());
    const panel = await session.browser.openSidePanel(page);
    const count = (n: number): string => `document.querySelectorAll('#liveblog .live-entry').length === ${n}`;
    // An entry about the talks the page adds is listed alone: the rule has judged the day's entries and listed none.
    await page.evaluate(() => { (window as unknown as { __liveblog: { showQueued(): void } }).__liveblog.showQueued(); });
    await panel.waitFor(count(1));
    expect(await listed(panel)).toEqual([expect.stringContaining(DAY_2025_ADDED.headline!)]);
    await page.evaluate((key) => { (window as unknown as { __liveblog: { remove(k: string): void } }).__liveblog.remove(key); }, DAY_2025_ADDED.key);
    await panel.waitFor(count(0), 1000);
    expect(await markers(page)).toBe(0);
    await panel.close();
    const popup = await session.browser.openPopup(page);
    await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`);
    expect(await popup.evaluate<string>(`document.querySelector('.status-sentence').textContent`)).toMatch(NONE_LISTED);
    await popup.close();
  }, 60_000);

  it('control: on a host the extension does not run on, no entry is marked', async () => {
    const page = await session.open(OTHER_SITE, liveblogMarkupPage('storyline'));
    await page.waitForTimeout(500);
    expect(await markers(page)).toBe(0);
  }, 60_000);

  it.each(['de', 'en'] as const)('the list in %s, at 320 and 480 px: rows inside the panel, no scrolling sideways, no browser-default control, axe clean in light and dark; every row reached by keyboard shows its entry', async (language) => {
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, language });
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline'));
    const panel = await session.browser.openSidePanel(page);
    await panel.waitFor(`document.querySelectorAll('#liveblog .live-entry').length === ${ABOUT_ENTRIES.length} && document.documentElement.lang === '${language}'`);
    for (const width of [320, 480]) {
      await panel.setWidth(width);
      const layout = await panel.evaluate<ListLayout>(LIST_LAYOUT);
      process.stdout.write(`Chromium panel list at ${width} px (${language}): ${JSON.stringify(layout)}\n`);
      expect(layout).toEqual({ viewport: width, scrollsSideways: false, rows: ABOUT_ENTRIES.length, outside: [], overflowing: [], browserDefault: [] });
    }
    const violations: Record<string, AxeViolation[]> = {};
    await panel.evaluate(AXE_SOURCE);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateColorScheme(scheme, true);
      violations[scheme] = await panel.evaluate<AxeViolation[]>(AXE_RUN);
    }
    expect(violations).toEqual({ light: [], dark: [] });

    // From the list's heading, Tab reaches each row in turn (and its links); Enter shows its entry in the page.
    await panel.setWidth(320);
    await panel.evaluate(FOCUS_LIST_HEADING);
    const reached: string[] = [];
    for (let presses = 0; presses < 40; presses++) {
      await panel.press('Tab');
      const row = await panel.evaluate<string | null>(FOCUSED_ROW);
      if (row === 'out') break;
      if (row === null) continue;
      reached.push(row);
      await panel.press('Enter');
      // First words end in "…" where the entry goes on.
      await expect.poll(() => page.evaluate(markedEntryText)).toContain(row.replace(/…$/, ''));
    }
    expect(reached).toHaveLength(ABOUT_ENTRIES.length);
    ABOUT_ENTRIES.forEach((entry, i) => { expect(reached[i]).toContain(shownAs(entry)); });
    await panel.close();
  }, 60_000);

  it('the card stands above a blog with entries about the talks, with their count', async () => {
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, language: 'de' });
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline'));
    await expect.poll(() => cardText(page)).toContain(`${ABOUT_ENTRIES.length} Einträge zu den Gesprächen`);
  }, 60_000);

  it('a blog without an entry about the talks: one line in the panel, nothing counted in the popup, no card; they follow an entry that comes and goes', async () => {
    const others = LIVEBLOG_DAY.filter((e) => !e.about);
    const about = ABOUT_ENTRIES[0]!;
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, language: 'de' });
    const page = await session.open(LIVEBLOG_DAY_URL, liveblogMarkupPage('storyline', { entries: others, live: { manual: true } }));
    const panel = await session.browser.openSidePanel(page);
    const line = `document.querySelector('#liveblog .liveblog-count')?.textContent === 'Kein Eintrag zu den Gesprächen in Genf.'`;
    const rows = 'document.querySelectorAll(\'#liveblog .live-entry\').length';
    await panel.waitFor(`${line} && ${rows} === 0 && document.querySelector('#liveblog .live-entries').hidden`);
    // An entry about the talks comes: listed, counted, and the card with it, so the rule's data has arrived.
    await page.evaluate((key) => { (window as unknown as { __liveblog: { add(k: string): void } }).__liveblog.add(key); }, about.key);
    await panel.waitFor(`${rows} === 1`);
    await expect.poll(() => cardText(page)).toContain('1 Eintrag zu den Gesprächen');
    await page.evaluate((key) => { (window as unknown as { __liveblog: { remove(k: string): void } }).__liveblog.remove(key); }, about.key);
    await panel.waitFor(`${line} && ${rows} === 0`);
    await expect.poll(() => page.locator('lagebild-card').count()).toBe(0);
    await panel.close();
    const popup = await session.browser.openPopup(page);
    await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`);
    expect(await popup.evaluate<string>(`document.querySelector('.status-sentence').textContent`)).toBe(
      'Der Ukraine-Liveblog des Handelsblatts. Kein Eintrag zu den Gesprächen in Genf.');
    await popup.close();
  }, 60_000);

  it('a blog of other news only, as the live blog is years later: no card, the popup counts nothing', async () => {
    await session.browser.saveSettings({ ...DEFAULT_SETTINGS, language: 'de' });
    const page = await session.open(articleUrl.liveblog, liveblogPage());
    const popup = await session.browser.openPopup(page);
    await popup.waitFor(`document.querySelector('#status')?.dataset.statusKind === 'ukraine-liveblog'`);
    expect(await popup.evaluate<string>(`document.querySelector('.status-sentence').textContent`)).toMatch(/Kein Eintrag zu den Gesprächen in Genf\.$/);
    await popup.close();
    expect(await page.locator('lagebild-card').count()).toBe(0);
  }, 60_000);
});
