/**
 * Issue 9's hard cases, unit by unit: evidence climbs from known markup to the wrapper with its
 * label, shadow roots are searched and a whole root's widget takes its host, the page cannot undo
 * the hiding, and a busy page's changes are handled once per frame.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/content/context';
import { hideClutter } from '../../src/content/features/hide-clutter';
import { HOT_RECORDS } from '../../src/content/hot-subtree';
import { watchPage, type PageChange } from '../../src/content/page-watcher';
import { findBlocks } from '../../src/core/find-blocks';
import { HIDE_ATTRIBUTE, HIDING_RULES, OFF_ATTRIBUTE } from '../../src/core/hiding-rules';
import { hardUrl, quotingPage, undoingPage, WRAPPER_CASES, wrapperPage } from '../../tools/hard-pages';
import { WIDGET_SELECTOR, WIDGET_TEXT, genevaArticlePage } from '../../tools/pages';
import { parseHtml } from '../support/dom';

const microtasks = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

describe('evidence leads to the block', () => {
  it.each(WRAPPER_CASES)('%s: the wrapper with its label goes, not only the frame or link', (kind) => {
    const doc = parseHtml(wrapperPage(kind), hardUrl);
    const widget = doc.querySelector(WIDGET_SELECTOR)!;
    expect(findBlocks(doc, HIDING_RULES).filter((f) => f.rule === 'jobs').map((f) => f.element)).toEqual([widget]);
  });

  it('story text quoting the widget in every container stays; the one widget goes', () => {
    const doc = parseHtml(quotingPage(), hardUrl);
    const found = findBlocks(doc, HIDING_RULES).filter((f) => f.rule === 'jobs');
    expect(found.map((f) => f.element)).toEqual([doc.querySelector(WIDGET_SELECTOR)]);
  });
});

describe('shadow roots', () => {
  function hostWith(doc: Document, inner: string): { host: Element; root: ShadowRoot } {
    const host = doc.createElement('hb-partner');
    const root = host.attachShadow({ mode: 'open' });
    const template = doc.createElement('template');
    template.innerHTML = inner;
    root.append(template.content);
    doc.querySelector('app-storyline-elements')!.append(host);
    return { host, root };
  }
  const widget = `<div class="w"><span>${WIDGET_TEXT.title}</span><div>${WIDGET_TEXT.call}<br>${WIDGET_TEXT.notify}</div><button>${WIDGET_TEXT.locate}</button></div>`;

  it('a widget that is the whole root takes its host with it', () => {
    const doc = parseHtml(genevaArticlePage(), hardUrl);
    const { host, root } = hostWith(doc, `<style>.w{}</style>${widget}`);
    expect(findBlocks(doc, HIDING_RULES).filter((f) => f.rule === 'jobs')).toEqual([]);
    expect(findBlocks(root, HIDING_RULES).map((f) => f.element)).toEqual([host]);
  });

  it('a widget beside prose inside a root goes alone', () => {
    const doc = parseHtml(genevaArticlePage(), hardUrl);
    const { root } = hostWith(doc, `<p>Der Partner liefert den Kasten samt Text aus, und die Redaktion setzt ihn zwischen zwei Absätze.</p>${widget}`);
    expect(findBlocks(root, HIDING_RULES).map((f) => f.element)).toEqual([root.querySelector('.w')]);
  });

  it('the content script finds a root arriving late, marks inside it, adopts its stylesheet and counts it', async () => {
    const doc = parseHtml(genevaArticlePage(), hardUrl);
    const ctx = createContext(doc, new AbortController().signal);
    hideClutter(ctx);
    watchPage(doc, ctx.signal, (change) => { ctx.dispatchPageChange(change); });
    const { root } = hostWith(doc, `<p>Der Partner liefert den Kasten samt Text aus, und die Redaktion setzt ihn zwischen zwei Absätze.</p>`);
    await microtasks();
    // Content rendered into the root after it was found: the root's own observer sees it.
    const template = doc.createElement('template');
    template.innerHTML = widget;
    root.append(template.content);
    await microtasks();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root.querySelector('.w')!.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
    expect(root.adoptedStyleSheets.length).toBe(1);
    expect(ctx.hiddenCount).toBe(1);
  });
});

describe('the page cannot undo the hiding', () => {
  it('marks, scope attributes and inline display come back in the microtask after the page took them', async () => {
    const doc = parseHtml(undoingPage(), hardUrl);
    const ctx = createContext(doc, new AbortController().signal);
    hideClutter(ctx);
    watchPage(doc, ctx.signal, (change) => { ctx.dispatchPageChange(change); });
    const marked = [...doc.querySelectorAll(`[${HIDE_ATTRIBUTE}~="jobs"]`)] as HTMLElement[];
    expect(marked).toHaveLength(3);
    expect(ctx.hiddenCount).toBe(3);
    for (const el of marked) {
      el.removeAttribute(HIDE_ATTRIBUTE);
      el.style.setProperty('display', 'block', 'important');
    }
    doc.documentElement.setAttribute(OFF_ATTRIBUTE, 'jobs');
    await microtasks();
    for (const el of marked) {
      expect(el.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
      expect(el.style.getPropertyPriority('display')).toBe('');
    }
    expect(doc.documentElement.hasAttribute(OFF_ATTRIBUTE)).toBe(false);
    expect(ctx.hiddenCount).toBe(3);
  });

  it('switching the setting off still shows everything', async () => {
    const doc = parseHtml(undoingPage(), hardUrl);
    const ctx = createContext(doc, new AbortController().signal);
    hideClutter(ctx);
    watchPage(doc, ctx.signal, (change) => { ctx.dispatchPageChange(change); });
    ctx.dispatchSettings({ ...ctx.settings, hideJobAds: false });
    await microtasks();
    expect(doc.documentElement.getAttribute(OFF_ATTRIBUTE)).toBe('jobs');
    expect(ctx.hiddenCount).toBe(0);
  });
});

/** A parsed page watched with frames run by hand: `runFrames` runs the callbacks due now. */
function watchedByFrame(html: string, timeline?: { currentTime: number }) {
  const doc = parseHtml(html, hardUrl);
  if (timeline) Object.defineProperty(doc, 'timeline', { value: timeline });
  let frames: FrameRequestCallback[] = [];
  doc.defaultView!.requestAnimationFrame = (callback: FrameRequestCallback): number => frames.push(callback);
  const changes: PageChange[] = [];
  watchPage(doc, new AbortController().signal, (change) => {
    if (change.source === 'mutation') changes.push(change);
  });
  const runFrames = (): void => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(0);
  };
  return { doc, changes, runFrames };
}

describe('a busy page', () => {
  it('after a first change, further changes wait for the frame callback and are handled there, once', async () => {
    const { doc, changes, runFrames } = watchedByFrame(genevaArticlePage());
    const story = doc.querySelector('app-storyline-elements')!;
    story.append(doc.createElement('div'));
    await microtasks();
    // The first change after a quiet spell: at once, and the frame loop starts.
    expect(changes).toHaveLength(1);
    // While the loop runs, the page's tasks change the DOM many times: nothing until the frame.
    for (let i = 0; i < 20; i++) {
      story.append(doc.createElement('span'));
      await microtasks();
    }
    expect(changes).toHaveLength(1);
    runFrames();
    expect(changes).toHaveLength(2);
    expect(changes[1]!.added).toHaveLength(20);
  });

  it("a change by the page's frame callbacks after ours is handled at once; in the next frame, by ours", async () => {
    // The document timeline moves once a frame, before the frame callbacks run.
    const timeline = { currentTime: 0 };
    const { doc, changes, runFrames } = watchedByFrame(genevaArticlePage(), timeline);
    const frame = (): void => {
      timeline.currentTime += 16;
      runFrames();
    };
    const story = doc.querySelector('app-storyline-elements')!;
    story.append(doc.createElement('div'));
    await microtasks();
    expect(changes).toHaveLength(1);
    frame();
    // Our callback ran in this frame; a later one of the page's adds a node: before this frame's paint.
    const late = doc.createElement('div');
    story.append(late);
    await microtasks();
    expect(changes).toHaveLength(2);
    expect(changes[1]!.added).toEqual([late]);
    // Our callback for the next frame is pending and comes first in it: a change now waits for it.
    timeline.currentTime += 16;
    story.append(doc.createElement('span'));
    await microtasks();
    expect(changes).toHaveLength(2);
    runFrames();
    expect(changes).toHaveLength(3);
  });
});

describe('a ticker rewriting hundreds of cells every frame', () => {
  function tickerPage() {
    const { doc, changes, runFrames } = watchedByFrame(genevaArticlePage().replace('<main>', `<main><div class="ticker">${'<span>0</span>'.repeat(HOT_RECORDS * 2)}</div>`));
    const ticker = doc.querySelector('.ticker')!;
    let n = 0;
    /** One frame of the page: every cell rewritten, then the frame callbacks run. */
    const frame = async (rewrite = true): Promise<void> => {
      n++;
      if (rewrite) for (const cell of ticker.children) cell.textContent = String(n);
      await microtasks();
      runFrames();
      await microtasks();
    };
    return { doc, ticker, changes, frame, runFrames };
  }

  it('is left out of the observation after one frame, while changes elsewhere are still seen', async () => {
    const { doc, changes, frame } = tickerPage();
    await frame();
    await frame();
    const seen = changes.length;
    expect(seen).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await frame();
    // Its rewrites no longer reach the listener at all.
    expect(changes).toHaveLength(seen);
    const story = doc.querySelector('app-storyline-elements')!;
    const widget = doc.createElement('div');
    story.append(widget);
    await frame();
    expect(changes.at(-1)?.added).toEqual([widget]);
  });

  it('is left out as soon as one batch of records says so, before the next frame', async () => {
    const { ticker, changes, runFrames } = tickerPage();
    const rewrite = async (n: number): Promise<void> => {
      for (const cell of ticker.children) cell.textContent = String(n);
      await microtasks();
    };
    await rewrite(1);
    expect(changes.length).toBeGreaterThan(0);
    // The page's callback in the next frame, before ours: the ticker is no longer observed, so
    // an element arriving in it is seen by its count, and the ticker is searched whole.
    await rewrite(2);
    ticker.children[3]!.append(ticker.ownerDocument.createElement('b'));
    await microtasks();
    runFrames();
    await microtasks();
    expect(changes.at(-1)?.added).toEqual([ticker]);
  });

  it('is searched whole when elements arrive in it, and observed again once it calmed down', async () => {
    const { ticker, changes, frame } = tickerPage();
    await frame();
    await frame();
    ticker.children[3]!.append(ticker.ownerDocument.createElement('b'));
    await frame(false);
    expect(changes.at(-1)?.added).toEqual([ticker]);
    const seen = changes.length;
    // Quiet frames: within two probes the ticker is observed again, and searched once more.
    for (let i = 0; i < 250 && changes.length === seen; i++) await frame(false);
    expect(changes.length).toBeGreaterThan(seen);
    expect(changes.at(-1)?.added).toEqual([ticker]);
    const after = changes.length;
    ticker.children[0]!.textContent = 'wieder';
    await frame(false);
    expect(changes.length).toBeGreaterThan(after);
  });
});
