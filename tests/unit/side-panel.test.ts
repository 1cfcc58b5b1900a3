// @vitest-environment happy-dom
/**
 * The side panel with the extension API faked: the whole briefing, "show in article" and what it
 * says about the mark, following the tab in front, and the positions in view as the reader scrolls.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIVEBLOG_URL } from '../../src/panel/panel';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { answered, answerWith, openPanel, statusSection, tabStatus } from '../support/extension-pages';

const OWN = { id: 'lagebild@test' };

beforeEach(() => {
  vi.stubGlobal('browser', resetFakeBrowser());
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const buttons = (): HTMLButtonElement[] => [...document.querySelectorAll<HTMLButtonElement>('button[data-quote-id]')];
const feedbackOf = (id: string): string => document.querySelector(`.quote-feedback[data-quote-id="${id}"]`)!.textContent;
const sentTypes = (): string[] => fakeBrowser.tabs.sent.map(({ message }) => (message as { type: string }).type);

/** The content script of tab 7 that holds `found` and marks what it is asked to show. */
function articleTab(found: string[]): void {
  fakeBrowser.tabs.respond = (message) => {
    const { type } = message as { type: string };
    if (type === 'lagebild/status') return tabStatus('ukraine-article', { quotesFound: found });
    if (type === 'lagebild/watch-quotes') return { watching: found };
    return { shown: true };
  };
}

/** A content script telling the extension's pages something, as runtime.sendMessage delivers it. */
function news(message: unknown, tabId = 7): void {
  fakeBrowser.runtime.onMessage.fire(message, { ...OWN, tab: { id: tabId } });
}

describe('the whole briefing', () => {
  it('shows summary, both sides with their quotes, key facts, timeline and sources', () => {
    answerWith(new Promise(() => undefined));
    openPanel();
    expect(document.documentElement.dataset.page).toBe('panel');
    expect(document.querySelector('#briefing .summary')?.textContent).toBe('Zwei Seiten trafen sich. Sie redeten lange.');
    expect(document.querySelectorAll('.side')).toHaveLength(2);
    expect(buttons()).toHaveLength(3);
    expect(document.querySelectorAll('.facts dt')).toHaveLength(2);
    expect(document.querySelectorAll('.sources a')).toHaveLength(2);
    const [before, current, later] = document.querySelectorAll('.timeline li');
    expect(before?.textContent).not.toContain('später');
    expect(current?.getAttribute('aria-current')).toBe('true');
    expect(later?.querySelector('.badge')?.textContent).toBe('später');
  });

  it('opens every link in a new tab without handing over the opener', () => {
    openPanel();
    const links = [...document.querySelectorAll('a')];
    expect(links.map((link) => link.href)).toContain(LIVEBLOG_URL);
    for (const link of links) {
      expect(link.target).toBe('_blank');
      expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      expect(document.getElementById(link.getAttribute('aria-describedby')!)?.textContent).toBe('öffnet in einem neuen Tab');
    }
  });

  it('gives the German words in every language, marks the English as original or translation, in each language’s marks', () => {
    openPanel({ uiLanguage: 'en' });
    const quotes = [...document.querySelectorAll('.quote')];
    expect(quotes.map((quote) => quote.querySelector('blockquote')?.getAttribute('lang'))).toEqual(['de', 'de', 'de']);
    expect(quotes.map((quote) => quote.querySelector('blockquote')?.textContent)).toEqual([
      '„Wir reden weiter.“',
      '„Wir brauchen Garantien.“',
      '„Das Treffen sei ‚gut‘ gewesen, sagte Süd.“',
    ]);
    expect(quotes.map((quote) => quote.querySelector('.quote-en')?.textContent)).toEqual([
      'Original wording: “We keep talking.”',
      'Our translation: “We need guarantees.”',
      'Our translation: “The meeting had been ‘good’, South said.”',
    ]);
  });

  it('attributes reported speech to whoever reported it, and names speakers as the language does', () => {
    openPanel();
    expect([...document.querySelectorAll('.quote figcaption')].map((f) => f.textContent)).toEqual(['Anna Nord', 'Bert Süd', 'Bert Süd, laut Seeblatt']);
    openPanel({ uiLanguage: 'en' });
    expect([...document.querySelectorAll('.quote figcaption')].map((f) => f.textContent)).toEqual([
      'Anna North', 'Bert South', 'Bert South, as reported by Seeblatt',
    ]);
  });

  it('with no article open, is the briefing alone and says how "show in article" comes to work', async () => {
    openPanel();
    await answered();
    expect(statusSection().dataset.statusKind).toBe('not-handelsblatt');
    expect(buttons().every((button) => button.disabled)).toBe(true);
    expect(document.querySelector<HTMLElement>('#quotes-hint')?.hidden).toBe(false);
    expect(document.querySelector('#quotes-hint')?.textContent).toBe('„Im Artikel zeigen“ funktioniert, sobald der Artikel im aktiven Tab offen ist.');
  });
});

describe('show in article', () => {
  it('asks the tab for every quote, enables exactly those it holds and has it watch them', async () => {
    articleTab(['south-guarantee', 'not-in-this-briefing']);
    openPanel();
    await answered();
    expect(buttons().map((button) => [button.dataset.quoteId, button.disabled])).toEqual([
      ['north-talk', true],
      ['south-guarantee', false],
      ['south-threat', true],
    ]);
    expect(fakeBrowser.tabs.sent[0]).toEqual({
      tabId: 7,
      message: {
        type: 'lagebild/status',
        quotes: [
          { id: 'north-talk', text: 'Wir reden weiter.' },
          { id: 'south-guarantee', text: 'Wir brauchen Garantien.' },
          { id: 'south-threat', text: 'Das Treffen sei „gut“ gewesen, sagte Süd.' },
        ],
      },
    });
    await vi.waitFor(() => {
      expect(fakeBrowser.tabs.sent.at(-1)?.message).toEqual({ type: 'lagebild/watch-quotes', quotes: [{ id: 'south-guarantee', text: 'Wir brauchen Garantien.' }] });
    });
    // The page features (which answer and watch) run in the tab before each question.
    expect(fakeBrowser.scripting.ran.map(({ tabId }) => tabId)).toEqual([7, 7]);
  });

  it('asks a tab it may not script nothing at all', async () => {
    articleTab(['south-guarantee']);
    fakeBrowser.scripting.allowed = false;
    openPanel();
    await vi.waitFor(() => {
      expect(statusSection().dataset.statusKind).toBe('not-handelsblatt');
    });
    expect(fakeBrowser.tabs.sent).toEqual([]);
  });

  it('says a passage is marked, and stops saying so when another is shown or the page says the mark is gone', async () => {
    articleTab(['north-talk', 'south-guarantee']);
    openPanel();
    await answered();
    buttons()[0]!.click();
    await vi.waitFor(() => {
      expect(feedbackOf('north-talk')).toBe('Die Stelle ist im Artikel markiert.');
    });
    expect(fakeBrowser.tabs.sent.at(-1)).toEqual({ tabId: 7, message: { type: 'lagebild/show-quote', quote: { id: 'north-talk', text: 'Wir reden weiter.' } } });

    buttons()[1]!.click();
    expect(feedbackOf('north-talk')).toBe('');
    await vi.waitFor(() => {
      expect(feedbackOf('south-guarantee')).toBe('Die Stelle ist im Artikel markiert.');
    });

    news({ type: 'lagebild/mark-cleared', id: 'south-guarantee' }, 8);
    expect(feedbackOf('south-guarantee')).toBe('Die Stelle ist im Artikel markiert.');
    news({ type: 'lagebild/mark-cleared', id: 'south-guarantee' });
    expect(feedbackOf('south-guarantee')).toBe('');
  });

  it('says so when the passage cannot be shown', async () => {
    articleTab(['north-talk']);
    openPanel();
    await answered();
    fakeBrowser.tabs.respond = () => ({ shown: false });
    buttons()[0]!.click();
    await vi.waitFor(() => {
      expect(feedbackOf('north-talk')).toBe('Die Stelle ließ sich im Artikel gerade nicht finden.');
    });
  });
});

describe('following the tab in front', () => {
  it('asks again when the reader switches tabs, and forgets what it said about the other tab’s mark', async () => {
    articleTab(['north-talk']);
    openPanel();
    await answered();
    buttons()[0]!.click();
    await vi.waitFor(() => {
      expect(feedbackOf('north-talk')).not.toBe('');
    });

    fakeBrowser.tabs.activeTabId = 9;
    fakeBrowser.tabs.respond = () => tabStatus('article');
    fakeBrowser.tabs.onActivated.fire({ tabId: 9, windowId: 3 });
    expect(feedbackOf('north-talk')).toBe('');
    await vi.waitFor(() => {
      expect(statusSection().dataset.statusKind).toBe('article');
    });
    expect(fakeBrowser.tabs.sent.at(-1)?.tabId).toBe(9);
    expect(buttons().every((button) => button.disabled)).toBe(true);
  });

  it('asks again when the page in front loads, or its page features announce a change, but not for other tabs', async () => {
    vi.useFakeTimers();
    articleTab([]);
    openPanel();
    await vi.advanceTimersByTimeAsync(0);
    const asked = (): number => sentTypes().filter((type) => type === 'lagebild/status').length;
    expect(asked()).toBe(1);

    fakeBrowser.tabs.onUpdated.fire(7, { status: 'loading' }, { id: 7, active: true });
    fakeBrowser.tabs.onUpdated.fire(8, { status: 'complete' }, { id: 8, active: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked()).toBe(1);
    fakeBrowser.tabs.onUpdated.fire(7, { status: 'complete' }, { id: 7, active: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked()).toBe(2);

    news({ type: 'lagebild/page-changed' }, 8);
    await vi.advanceTimersByTimeAsync(500);
    expect(asked()).toBe(2);
    // The site's in-page navigation: one question for a burst of reports.
    news({ type: 'lagebild/page-changed' });
    news({ type: 'lagebild/page-changed' });
    // The badge's report is the background's: the panel does not take it for a new page.
    news({ type: 'lagebild/page-report', hiddenCount: 1 });
    await vi.advanceTimersByTimeAsync(500);
    expect(asked()).toBe(3);
  });

  it('ignores what another extension sends', async () => {
    articleTab(['north-talk']);
    openPanel();
    await answered();
    fakeBrowser.runtime.onMessage.fire({ type: 'lagebild/quotes-in-view', ids: ['north-talk'] }, { id: 'someone-else', tab: { id: 7 } });
    expect(document.querySelectorAll('.positions > li.in-view')).toHaveLength(0);
  });
});

describe('positions in view', () => {
  it('marks the positions whose quotes the reader has in view, in words too, and follows as they change', async () => {
    articleTab(['north-talk', 'south-guarantee', 'south-threat']);
    openPanel();
    await answered();
    const marked = (): string[] => [...document.querySelectorAll<HTMLElement>('.positions > li.in-view')].map((li) => li.dataset.quoteId!);
    const badges = (): string[] => [...document.querySelectorAll<HTMLElement>('.in-view-badge:not([hidden])')].map((b) => b.textContent);
    expect(marked()).toEqual([]);
    news({ type: 'lagebild/quotes-in-view', ids: ['south-guarantee', 'south-threat'] });
    expect(marked()).toEqual(['south-guarantee', 'south-threat']);
    expect(badges()).toEqual(['im Blick', 'im Blick']);
    news({ type: 'lagebild/quotes-in-view', ids: ['north-talk'] });
    expect(marked()).toEqual(['north-talk']);
    // Kept across a redraw in the other language.
    document.querySelector<HTMLInputElement>('#language-en')!.click();
    expect(marked()).toEqual(['north-talk']);
    expect(badges()).toEqual(['in view']);
  });
});
