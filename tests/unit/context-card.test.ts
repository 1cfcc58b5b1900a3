/**
 * The context card as wired in the page: shown on the Ukraine live blog (and on Ukraine articles when
 * switched on) once the stored settings are known, in a closed shadow root above the story, keyboard
 * usable, dismissed for good, never twice, and following in-page navigation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardContent } from '../../src/background/card';
import { briefing } from '../../src/briefing';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/core/settings';
import { createContext, type ContentContext } from '../../src/content/context';
import { contextCard } from '../../src/content/features/context-card';
import { parseCardContent } from '../../src/shared/messages';
import { recognisePage } from '../../src/content/features/recognise-page';
import { watchPage } from '../../src/content/page-watcher';
import {
  API_ARTICLES,
  apiArticlePage,
  articleUrl,
  genevaArticlePage,
  liveblogPage,
} from '../../tools/pages';
import { parseHtml } from '../support/dom';

/** The context card's element, as the page sees it. */
const CARD_TAG = 'lagebild-card';

const RUNTIME_ID = 'lagebild@test';

/** Messaging to the background and settings storage, as the content script reaches them. */
function stubBrowser(answer: () => unknown) {
  const stored = new Map<string, unknown>();
  const area = {
    get: (key: string) => Promise.resolve(stored.has(key) ? { [key]: stored.get(key) } : {}),
    set: (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) stored.set(key, value);
      return Promise.resolve();
    },
  };
  const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>(() => Promise.resolve(answer()));
  vi.stubGlobal('browser', { runtime: { id: RUNTIME_ID, sendMessage }, storage: { sync: area, local: area } });
  return { sendMessage, stored };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

interface Options {
  settings?: Partial<Settings> | null;
  content?: () => unknown;
  /** On a live blog, what the live-blog features counted (liveblog-context.ts is not run here). */
  liveblog?: ContentContext['liveblog'];
}

function start(html: string, url: string, { settings = {}, content = () => cardContent(briefing, 'de'), liveblog = null }: Options = {}) {
  const browser = stubBrowser(content);
  const doc = parseHtml(html, url);
  const win = doc.defaultView!;
  // The card's root is closed to the page; the test keeps what attachShadow returned.
  const attach = vi.spyOn(win.HTMLElement.prototype, 'attachShadow');
  const controller = new AbortController();
  const ctx = createContext(doc, controller.signal);
  ctx.liveblog = liveblog;
  recognisePage(ctx);
  contextCard(ctx);
  watchPage(doc, controller.signal, (change) => {
    ctx.dispatchPageChange(change);
  });
  if (settings !== null) ctx.dispatchSettings({ ...DEFAULT_SETTINGS, ...settings });

  const hosts = (): Element[] => [...doc.querySelectorAll(CARD_TAG)];
  const shadowOf = (host: Element): ShadowRoot => {
    const index = attach.mock.contexts.indexOf(host);
    return attach.mock.results[index]!.value as ShadowRoot;
  };
  const card = () => {
    const [host] = hosts();
    if (host === undefined) return null;
    const shadow = shadowOf(host);
    return {
      host,
      shadow,
      region: shadow.querySelector<HTMLElement>('section')!,
      toggle: shadow.querySelector<HTMLButtonElement>('button[aria-expanded]')!,
      dismiss: shadow.querySelector<HTMLButtonElement>('button.dismiss')!,
      details: shadow.querySelector<HTMLElement>('#details')!,
    };
  };
  return { doc, win, ctx, controller, browser, hosts, card };
}

/** The live blog with 5 of its 30 entries about the talks, unless `options` say otherwise. */
const liveblog = (options?: Options) => start(liveblogPage(), articleUrl.liveblog, { liveblog: { related: 5, total: 30, fresh: null, lastVisit: null }, ...options });

const settle = async (): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, 10));
};

/** Swaps head and main for another page's, after pushState, as the site's router does. */
function navigate(doc: Document, html: string, url: string): void {
  const next = parseHtml(html, url);
  doc.defaultView!.history.pushState({}, '', url);
  doc.head.replaceChildren(...[...next.head.childNodes].map((node) => doc.importNode(node, true)));
  doc.querySelector('main')!.replaceWith(doc.importNode(next.querySelector('main')!, true));
}

describe('the context card on the live blog', () => {
  it('sits above the story in a closed shadow root, collapsed to one line, with text from the background', async () => {
    const { doc, browser, card } = liveblog();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    const { host, region, toggle, details, dismiss } = card()!;
    expect(browser.sendMessage).toHaveBeenCalledWith({ type: 'lagebild/card' });
    expect((host as HTMLElement).shadowRoot).toBeNull();
    expect(host.nextElementSibling).toBe(doc.querySelector('app-storyline-elements'));
    expect(region.getAttribute('aria-label')).toBe('Lagebild: Hintergrund zum Ukraine-Krieg');
    expect(region.lang).toBe('de');
    expect(toggle.textContent).toContain(briefing.title.de);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(details.hidden).toBe(true);
    expect(dismiss.getAttribute('aria-label')).toBe('Kontextkarte schließen');
    expect(details.querySelector('a')?.getAttribute('href')).toContain(`/${briefing.articleId}.html`);
  });

  it('gives the live blog’s count of entries about the talks and follows it; its button asks for the side panel', async () => {
    const { ctx, card, browser } = liveblog();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    const live = (): HTMLElement => card()!.shadow.querySelector<HTMLElement>('.live')!;
    expect(live().hidden).toBe(false);
    expect(live().querySelector('.count')?.textContent).toBe('5 Einträge zu den Gesprächen');
    ctx.liveblog = { related: 1, total: 31, fresh: null, lastVisit: null };
    ctx.announceFindings();
    expect(live().querySelector('.count')?.textContent).toBe('1 Eintrag zu den Gesprächen');
    live().querySelector<HTMLButtonElement>('button.open-panel')!.click();
    expect(browser.sendMessage).toHaveBeenCalledWith({ type: 'lagebild/open-panel' });
    // No panel opened (the stub answers with the card): the card shows the positions in place.
    await vi.waitFor(() => { expect(card()!.details.hidden).toBe(false); });
  });

  it('waits for the stored settings, so a dismissed card never flashes', async () => {
    const { browser, hosts } = liveblog({ settings: null });
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(browser.sendMessage).not.toHaveBeenCalled();
  });

  it('expands in place to both sides, and collapses with the button or Escape', async () => {
    const { card } = liveblog();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    const { toggle, details, shadow } = card()!;
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect(toggle.textContent).toContain('Positionen ausblenden');
    expect([...details.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(briefing.sides.map((s) => s.name.de));
    expect(details.querySelectorAll('li')).toHaveLength(briefing.sides.flatMap((s) => s.positions).length);
    toggle.click();
    expect(details.hidden).toBe(true);

    toggle.click();
    details.querySelector('a')!.dispatchEvent(new (shadow.ownerDocument.defaultView!.KeyboardEvent)('keydown', { key: 'Escape', bubbles: true }));
    expect(details.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(toggle);
  });

  it('shows the date of the talks in its collapsed line, so it never reads as today’s news', async () => {
    for (const [lang, day] of [['de', '21. Januar 2022'], ['en', '21 January 2022']] as const) {
      const { card } = liveblog({ content: () => cardContent(briefing, lang) });
      await vi.waitFor(() => { expect(card()).not.toBeNull(); });
      const { toggle, details } = card()!;
      expect(details.hidden).toBe(true);
      const time = toggle.querySelector('time')!;
      expect(time.textContent).toBe(day);
      expect(time.getAttribute('datetime')).toBe(briefing.date);
    }
  });

  it('hands focus to the story, not to <body>, when the reader closes it from the keyboard', async () => {
    const { doc, card } = liveblog();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    const story = doc.querySelector<HTMLElement>('app-storyline-elements')!;
    card()!.dismiss.focus();
    expect(doc.activeElement).toBe(card()!.host);
    card()!.dismiss.click();
    expect(doc.activeElement).toBe(story);
    expect(story.getAttribute('tabindex')).toBe('-1');
  });

  it('goes when dismissed, saves that, and comes back only when the reader switches it on again', async () => {
    const { ctx, browser, hosts, card } = liveblog();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    card()!.dismiss.click();
    expect(hosts()).toHaveLength(0);
    await vi.waitFor(() => { expect(browser.stored.get(SETTINGS_KEY)).toMatchObject({ cardDismissed: true }); });
    ctx.announceFindings();
    expect(hosts()).toHaveLength(0);
    ctx.dispatchSettings({ ...DEFAULT_SETTINGS, cardDismissed: true });
    expect(hosts()).toHaveLength(0);
    ctx.dispatchSettings({ ...DEFAULT_SETTINGS });
    expect(hosts()).toHaveLength(1);
  });

  it('is never there twice, and replaces a card left by an earlier instance of the script', async () => {
    const { doc, ctx, hosts, card } = start(
      liveblogPage().replace('<main>', `<main><${CARD_TAG}></${CARD_TAG}>`),
      articleUrl.liveblog,
      { liveblog: { related: 5, total: 30, fresh: null, lastVisit: null } },
    );
    for (let i = 0; i < 5; i++) {
      ctx.announceFindings();
      ctx.dispatchSettings({ ...ctx.settings });
    }
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    ctx.dispatchSettings({ ...ctx.settings });
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.nextElementSibling).toBe(doc.querySelector('app-storyline-elements'));
  });

  it('is put back when the site re-renders the story without it', async () => {
    const { doc, hosts, card } = liveblog();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    const story = doc.querySelector('app-storyline-elements')!;
    story.parentElement!.replaceChildren(story);
    await vi.waitFor(() => { expect(hosts()).toHaveLength(1); });
    expect(hosts()[0]!.nextElementSibling).toBe(story);
  });

  it('follows the language setting', async () => {
    let lang: 'de' | 'en' = 'de';
    const { ctx, card } = liveblog({ content: () => cardContent(briefing, lang) });
    await vi.waitFor(() => { expect(card()?.region.lang).toBe('de'); });
    lang = 'en';
    ctx.dispatchSettings({ ...ctx.settings, language: 'en' });
    await vi.waitFor(() => { expect(card()?.region.lang).toBe('en'); });
    expect(card()!.toggle.textContent).toContain(briefing.title.en);
  });

  it('stays away from a live blog without an entry about the talks, and from one not yet counted', async () => {
    for (const counted of [{ related: 0, total: 30, fresh: null, lastVisit: null }, null]) {
      const { controller, hosts, browser } = liveblog({ liveblog: counted });
      await settle();
      expect(hosts()).toHaveLength(0);
      expect(browser.sendMessage).not.toHaveBeenCalled();
      controller.abort();
    }
  });

  it('comes with the first entry about the talks, and goes with the last', async () => {
    const { ctx, hosts, card } = liveblog({ liveblog: { related: 0, total: 30, fresh: null, lastVisit: null } });
    await settle();
    expect(hosts()).toHaveLength(0);
    ctx.liveblog = { related: 1, total: 31, fresh: null, lastVisit: null };
    ctx.announceFindings();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    expect(card()!.shadow.querySelector('.live .count')?.textContent).toBe('1 Eintrag zu den Gesprächen');
    ctx.liveblog = { related: 0, total: 31, fresh: null, lastVisit: null };
    ctx.announceFindings();
    expect(hosts()).toHaveLength(0);
  });

  it('stays away when switched off for the live blog', async () => {
    const { browser, hosts } = liveblog({ settings: { cardOnLiveblog: false } });
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(browser.sendMessage).not.toHaveBeenCalled();
  });

  it('shows nothing when the background answers with something else', async () => {
    const bad = { ...cardContent(briefing, 'de'), link: { label: 'x', url: 'javascript:alert(1)' } };
    const { hosts, browser } = liveblog({ content: () => bad });
    await vi.waitFor(() => { expect(browser.sendMessage).toHaveBeenCalled(); });
    await settle();
    expect(hosts()).toHaveLength(0);
  });

  it('goes when the reader navigates in place to another article, and returns with the live blog', async () => {
    const { doc, hosts, card } = liveblog();
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    navigate(doc, apiArticlePage(API_ARTICLES.free), articleUrl.free);
    await vi.waitFor(() => { expect(hosts()).toHaveLength(0); });
    navigate(doc, liveblogPage(), articleUrl.liveblog);
    await vi.waitFor(() => { expect(hosts()).toHaveLength(1); });
    expect(hosts()[0]!.nextElementSibling).toBe(doc.querySelector('app-storyline-elements'));
  });
});

describe('the context card on Ukraine articles', () => {
  it('is off by default', async () => {
    const { hosts } = start(genevaArticlePage(), articleUrl.geneva);
    await settle();
    expect(hosts()).toHaveLength(0);
  });

  it('shows when switched on, without a link to the article it is on', async () => {
    const { card } = start(genevaArticlePage(), articleUrl.geneva, { settings: { cardOnArticles: true } });
    await vi.waitFor(() => { expect(card()).not.toBeNull(); });
    expect(card()!.details.querySelector('a')).toBeNull();
  });

  it('never shows on other articles', async () => {
    const { hosts } = start(apiArticlePage(API_ARTICLES.premium), articleUrl.premium, { settings: { cardOnArticles: true } });
    await settle();
    expect(hosts()).toHaveLength(0);
  });
});

describe('parseCardContent', () => {
  it('accepts what the background builds in both languages', () => {
    for (const lang of ['de', 'en'] as const) expect(parseCardContent(cardContent(briefing, lang))).toEqual(cardContent(briefing, lang));
  });

  it.each([
    ['no object', null],
    ['a wrong language', { ...cardContent(briefing, 'de'), lang: 'fr' }],
    ['a link off Handelsblatt', { ...cardContent(briefing, 'de'), link: { label: 'x', url: 'https://example.com/' } }],
    ['a side without positions', { ...cardContent(briefing, 'de'), sides: [{ name: 'x' }] }],
    ['a missing label', { ...cardContent(briefing, 'de'), labels: { expand: 'x' } }],
  ])('rejects %s', (_name, raw) => {
    expect(parseCardContent(raw)).toBeNull();
  });
});
