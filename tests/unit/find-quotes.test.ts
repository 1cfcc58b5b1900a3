/**
 * "Show in article" in the page: which briefing quotes a story holds (what the status request
 * reports), and the mark a show-quote request puts on the sentence, which leaves the page's text
 * as it was when it goes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allQuotes, briefing } from '../../src/briefing';
import { HIDE_ATTRIBUTE } from '../../src/core/hiding-rules';
import { normaliseForMatch } from '../../src/core/quote/normalise';
import { detectPage } from '../../src/core/detect-page';
import { createContext } from '../../src/content/context';
import { findQuotesInStory } from '../../src/content/features/find-quotes';
import { watchPage } from '../../src/content/page-watcher';
import type { QuoteQuery } from '../../src/shared/messages';
import { API_ARTICLES, apiArticlePage, articleUrl, genevaArticlePage, type GenevaText } from '../../tools/pages';
import { parseHtml } from '../support/dom';

const RUNTIME_ID = 'lagebild@test';
/** The Custom Highlight the mark is registered under, and the attribute of its <mark> fallback. */
const HIGHLIGHT_NAME = 'lagebild-quote';
const MARK_ATTRIBUTE = 'data-lagebild-mark';

type Listener = (raw: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => boolean;

/** The part of the native API the content script's message answering uses. */
const announced: unknown[] = [];

function stubRuntime() {
  const listeners = new Set<Listener>();
  announced.length = 0;
  const runtime = {
    id: RUNTIME_ID,
    onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    sendMessage: (message: unknown) => {
      announced.push(message);
      return Promise.resolve();
    },
  };
  vi.stubGlobal('browser', { runtime });
  /** Delivers a message as the browser would, returning what was answered synchronously. */
  return (message: unknown, sender: { id?: string } = { id: RUNTIME_ID }): unknown => {
    let answer: unknown;
    for (const listener of listeners) listener(message, sender, (a) => (answer = a));
    return answer;
  };
}

const QUOTES: QuoteQuery[] = allQuotes(briefing).map((q) => ({ id: q.id, text: q.de }));
const BLINKEN = QUOTES.filter((q) => q.id.startsWith('blinken-'));

let send: ReturnType<typeof stubRuntime>;
beforeEach(() => {
  send = stubRuntime();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function start(html: string, url: string = articleUrl.geneva) {
  const doc = parseHtml(html, url);
  const controller = new AbortController();
  const ctx = createContext(doc, controller.signal);
  // As in the page, where recognition runs before the popup can ask.
  ctx.verdict = detectPage(doc, url);
  findQuotesInStory(ctx);
  /** What the popup's status request hears about `quotes`. */
  const quotesFound = (quotes: QuoteQuery[]): string[] | undefined => ctx.statusFor({ type: 'lagebild/status', quotes })?.quotesFound;
  watchPage(doc, controller.signal, (change) => {
    ctx.dispatchPageChange(change);
  });
  return { doc, ctx, controller, quotesFound };
}

const geneva = (text: GenevaText) => start(genevaArticlePage({ text, widget: 'known' }));

const story = (doc: Document): Element => doc.querySelector('app-storyline-elements')!;

/** Every text node under the story with its data: equal snapshots mean the page's text nodes are as they were. */
function textNodes(doc: Document): { node: Node; data: string }[] {
  const out: { node: Node; data: string }[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) out.push({ node, data: (node as Text).data });
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(story(doc));
  return out;
}

function markedText(doc: Document): string {
  return normaliseForMatch([...doc.querySelectorAll(`[${MARK_ATTRIBUTE}]`)].map((m) => m.textContent).join(' '));
}

const microtasks = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

describe('which quotes the story holds', () => {
  it('finds every briefing quote in the corrected article', () => {
    const { quotesFound } = geneva('corrected');
    expect(quotesFound(QUOTES)).toEqual(QUOTES.map((q) => q.id));
  });

  it('finds the Blinken quotes in the received text despite its swapped words', () => {
    const { quotesFound } = geneva('as-received');
    expect(quotesFound(QUOTES)).toEqual(expect.arrayContaining(BLINKEN.map((q) => q.id)));
  });

  it('finds none in an unrelated article', () => {
    const { quotesFound } = start(apiArticlePage(API_ARTICLES.free, { lazy: true }), articleUrl.free);
    expect(quotesFound(QUOTES)).toEqual([]);
  });

  it('leaves out what the extension hid', () => {
    const { doc, quotesFound } = geneva('corrected');
    const paragraph = [...story(doc).querySelectorAll('p')].find((p) => p.textContent.includes('erneute Invasion'))!;
    paragraph.closest('app-storyline-element')!.setAttribute(HIDE_ATTRIBUTE, 'jobs');
    expect(quotesFound(QUOTES)).not.toContain('blinken-invasion');
  });

  it('sees a body that arrives after the first request', async () => {
    const { doc, quotesFound } = geneva('corrected');
    story(doc).replaceChildren();
    await microtasks();
    expect(quotesFound(BLINKEN)).toEqual([]);
    const late = doc.createElement('p');
    late.textContent = BLINKEN[1]!.text;
    story(doc).append(late);
    // A change soon after another waits for the watcher's frame callback (page-watcher.ts).
    await new Promise((resolve) => doc.defaultView!.requestAnimationFrame(resolve));
    await microtasks();
    expect(quotesFound(BLINKEN)).toEqual([BLINKEN[1]!.id]);
  });

  it('does not read a page that is not about Ukraine, whatever it holds', async () => {
    const { doc, ctx, quotesFound } = start(apiArticlePage(API_ARTICLES.free), articleUrl.free);
    const late = doc.createElement('p');
    late.textContent = BLINKEN[1]!.text;
    story(doc).append(late);
    await microtasks();
    expect(ctx.verdict?.aboutUkraine).toBe(false);
    expect(quotesFound(BLINKEN)).toEqual([]);
  });
});

describe('showing a quote with the wrapper mark', () => {
  it('scrolls the sentence into view, marks exactly it, and keeps the mark while the reader clicks and reads', () => {
    vi.useFakeTimers();
    const { doc } = geneva('as-received');
    const scrolled = vi.spyOn(doc.defaultView!.HTMLElement.prototype, 'scrollIntoView');
    const before = textNodes(doc);
    const quote = QUOTES.find((q) => q.id === 'blinken-position')!;

    expect(send({ type: 'lagebild/show-quote', quote })).toEqual({ shown: true });
    expect(markedText(doc)).toBe(normaliseForMatch(quote.text.replace('Position', 'Place').replace('Partner', 'Accomplice')));
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
    expect((scrolled.mock.contexts[0] as Element).closest('p')?.textContent).toContain('Vereinigten Staaten');

    doc.body.click();
    vi.advanceTimersByTime(10 * 60_000);
    expect(markedText(doc)).not.toBe('');
    expect(textNodes(doc)).not.toEqual(before);
    expect(announced).toEqual([]);
  });

  it('takes the mark away on in-page navigation, leaves the text as it was and tells the side panel', async () => {
    const { doc } = geneva('corrected');
    const before = textNodes(doc);
    const quote = QUOTES.find((q) => q.id === 'lawrow-nato')!;
    expect(send({ type: 'lagebild/show-quote', quote })).toEqual({ shown: true });
    doc.defaultView!.history.pushState({}, '', `${articleUrl.geneva}?page=2`);
    doc.body.append(doc.createElement('div'));
    await microtasks();
    expect(doc.querySelectorAll(`[${MARK_ATTRIBUTE}]`)).toHaveLength(0);
    expect(textNodes(doc)).toEqual(before);
    expect(announced).toEqual([{ type: 'lagebild/mark-cleared', id: 'lawrow-nato' }]);
  });

  it('marks across a topic link', () => {
    vi.useFakeTimers();
    const { doc } = geneva('corrected');
    const before = textNodes(doc);
    const quote = QUOTES.find((q) => q.id === 'lawrow-putin-biden')!;
    expect(send({ type: 'lagebild/show-quote', quote })).toEqual({ shown: true });
    expect(doc.querySelector(`a.topic-link [${MARK_ATTRIBUTE}]`)?.textContent).toBe('Wladimir Putin');
    expect(markedText(doc)).toBe(normaliseForMatch(quote.text));
    expect(send({ type: 'lagebild/show-quote', quote: QUOTES[0] })).toEqual({ shown: true });
    expect(doc.querySelector(`a.topic-link [${MARK_ATTRIBUTE}]`)).toBeNull();
    expect(doc.querySelector('a.topic-link')?.childNodes).toHaveLength(before.filter(({ node }) => node.parentNode === doc.querySelector('a.topic-link')).length);
  });

  it('moves the mark to the next quote and leaves the text as it was', () => {
    const { doc } = geneva('corrected');
    const before = textNodes(doc);
    for (const quote of QUOTES) {
      expect(send({ type: 'lagebild/show-quote', quote })).toEqual({ shown: true });
      expect(markedText(doc)).toBe(normaliseForMatch(quote.text));
      // One mark at a time: the one before is gone, and the side panel is not told, it asked.
      expect(doc.querySelectorAll(`[${MARK_ATTRIBUTE}]`).length).toBeGreaterThan(0);
    }
    expect(send({ type: 'lagebild/show-quote', quote: { id: 'nowhere', text: 'Dieser Satz steht nirgends im Artikel geschrieben.' } })).toEqual({ shown: false });
    expect(textNodes(doc)).toEqual(before);
    expect(announced).toEqual([]);
  });

  it('scrolls without animation when the reader asks for reduced motion', () => {
    const { doc } = geneva('corrected');
    const win = doc.defaultView!;
    vi.spyOn(win, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('reduce') }) as MediaQueryList);
    const scrolled = vi.spyOn(win.HTMLElement.prototype, 'scrollIntoView');
    send({ type: 'lagebild/show-quote', quote: QUOTES[0] });
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
  });

  it('says so when the page does not hold the quote, and marks nothing', () => {
    const { doc } = start(apiArticlePage(API_ARTICLES.metered), articleUrl.metered);
    expect(send({ type: 'lagebild/show-quote', quote: QUOTES[0] })).toEqual({ shown: false });
    expect(doc.querySelectorAll(`[${MARK_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('answers only this extension and only well-formed requests', () => {
    const { doc } = geneva('corrected');
    expect(send({ type: 'lagebild/show-quote', quote: QUOTES[0] }, { id: 'someone-else' })).toBeUndefined();
    expect(send({ type: 'lagebild/show-quote', quote: { id: 'x' } })).toBeUndefined();
    expect(doc.querySelectorAll(`[${MARK_ATTRIBUTE}]`)).toHaveLength(0);
  });
});

describe('showing a quote with the Custom Highlight API', () => {
  /** The API as Chrome and Firefox have it; happy-dom does not. */
  function withHighlights(doc: Document): Map<string, { ranges: Range[] }> {
    const registry = new Map<string, { ranges: Range[] }>();
    const win = doc.defaultView!;
    Object.defineProperty(win, 'Highlight', {
      value: class {
        ranges: Range[];
        constructor(...ranges: Range[]) {
          this.ranges = ranges;
        }
      },
    });
    Object.defineProperty(win, 'CSS', { value: { highlights: registry } });
    return registry;
  }

  it('highlights the range without touching the DOM, styles it once, and keeps it through a click', () => {
    const { doc } = geneva('as-received');
    const highlights = withHighlights(doc);
    const before = textNodes(doc);
    for (const id of ['blinken-invasion', 'blinken-response']) {
      const quote = QUOTES.find((q) => q.id === id)!;
      expect(send({ type: 'lagebild/show-quote', quote })).toEqual({ shown: true });
      const range = highlights.get(HIGHLIGHT_NAME)!.ranges[0]!;
      expect(normaliseForMatch(range.toString())).toBe(normaliseForMatch(quote.text.replace('Partner', 'Accomplice')));
    }
    expect(doc.querySelectorAll(`[${MARK_ATTRIBUTE}]`)).toHaveLength(0);
    expect([...doc.querySelectorAll('style')].filter((s) => s.textContent.includes(`::highlight(${HIGHLIGHT_NAME})`))).toHaveLength(1);
    expect(textNodes(doc)).toEqual(before);
    doc.body.click();
    expect(highlights.has(HIGHLIGHT_NAME)).toBe(true);
  });

  it('clears the highlight on in-page navigation', async () => {
    const { doc } = geneva('corrected');
    const highlights = withHighlights(doc);
    send({ type: 'lagebild/show-quote', quote: QUOTES[0] });
    doc.defaultView!.history.pushState({}, '', articleUrl.free);
    story(doc).replaceChildren();
    await microtasks();
    expect(highlights.has(HIGHLIGHT_NAME)).toBe(false);
    expect(announced).toEqual([{ type: 'lagebild/mark-cleared', id: QUOTES[0]!.id }]);
  });
});

describe('quotes in view, for the side panel', () => {
  /** IntersectionObserver as the browser has it, driven by the test; happy-dom's never reports. */
  function withObserver(doc: Document) {
    const observers: { callback: IntersectionObserverCallback; targets: Element[] }[] = [];
    Object.defineProperty(doc.defaultView!, 'IntersectionObserver', {
      value: class {
        targets: Element[] = [];
        constructor(callback: IntersectionObserverCallback) {
          observers.push({ callback, targets: this.targets });
        }
        observe(target: Element) {
          this.targets.push(target);
        }
        disconnect() {
          this.targets.length = 0;
        }
      },
    });
    const cross = (target: Element, isIntersecting: boolean): void => {
      const observer = observers.at(-1)!;
      observer.callback([{ target, isIntersecting } as IntersectionObserverEntry], observer as unknown as IntersectionObserver);
    };
    return { observers, cross };
  }

  it('observes the few elements the quotes stand in and reports the quotes in view as they change', () => {
    const { doc } = geneva('corrected');
    const { observers, cross } = withObserver(doc);
    const scrolls = vi.spyOn(doc.defaultView!, 'addEventListener');
    const watched = send({ type: 'lagebild/watch-quotes', quotes: QUOTES }) as { watching: string[] };
    expect([...watched.watching].sort()).toEqual(QUOTES.map((q) => q.id).sort());
    const targets = observers.at(-1)!.targets;
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.length).toBeLessThanOrEqual(QUOTES.length);
    expect(scrolls.mock.calls.filter(([type]) => type === 'scroll')).toEqual([]);

    const invasion = targets.find((t) => normaliseForMatch(t.textContent).includes(normaliseForMatch('erneute Invasion handelt')))!;
    cross(invasion, true);
    // The quotes standing in that paragraph, in briefing order, and no other.
    const inParagraph = QUOTES.filter((q) => normaliseForMatch(invasion.textContent).includes(normaliseForMatch(q.text))).map((q) => q.id);
    expect(inParagraph).toContain('blinken-invasion');
    expect(announced.at(-1)).toEqual({ type: 'lagebild/quotes-in-view', ids: inParagraph });
    const count = announced.length;
    cross(invasion, true);
    expect(announced, 'nothing new, nothing sent').toHaveLength(count);
    cross(invasion, false);
    expect(announced.at(-1)).toEqual({ type: 'lagebild/quotes-in-view', ids: [] });
  });

  it('stops watching when asked with no quotes, and on a page that is not about Ukraine watches nothing', () => {
    const { doc } = geneva('corrected');
    const { observers } = withObserver(doc);
    send({ type: 'lagebild/watch-quotes', quotes: QUOTES });
    expect(send({ type: 'lagebild/watch-quotes', quotes: [] })).toEqual({ watching: [] });
    expect(observers[0]!.targets).toHaveLength(0);
    const other = start(apiArticlePage(API_ARTICLES.metered), articleUrl.metered);
    withObserver(other.doc);
    expect(send({ type: 'lagebild/watch-quotes', quotes: QUOTES })).toEqual({ watching: [] });
  });
});
