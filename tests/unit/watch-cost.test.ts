/**
 * What a busy page costs the start script, counted rather than timed (issue 28): the DOM reads of
 * one batch of changes depend on what arrived, not on how big the page is. Each read the hiding
 * makes (an element's text, a query's elements, a text node's data, a tree walk's step) is
 * counted in happy-dom; the same batch on a story of 100 and of 400 paragraphs must cost the
 * same reads, and an added subtree is searched once.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/content/context';
import { watchPage } from '../../src/content/page-watcher';
import { hideClutter } from '../../src/content/features/hide-clutter';
import { textMayMatter } from '../../src/core/find-blocks';
import { HIDE_ATTRIBUTE } from '../../src/core/hiding-rules';
import { articleUrl, longArticlePage, widgetHtml } from '../../tools/pages';
import { parseHtml } from '../support/dom';

interface Reads {
  /** Elements whose whole text was read (textContent). */
  texts: number;
  /** Text nodes whose data was read. */
  data: number;
  /** Elements a query returned or a walk stepped over. */
  elements: number;
}

/** Counts the DOM reads made in `doc`'s window from now on, until the returned stop. */
function countReads(doc: Document): { reads: Reads; reset(): void; stop(): void } {
  const win = doc.defaultView as unknown as Record<string, { prototype: object }>;
  const reads: Reads = { texts: 0, data: 0, elements: 0 };
  const undo: (() => void)[] = [];
  // Only the hiding's own reads: happy-dom's textContent reads its children's, a query their text.
  let depth = 0;
  const outer = <T>(read: () => T, count: (result: T) => void): T => {
    depth++;
    try {
      const result = read();
      if (depth === 1) count(result);
      return result;
    } finally {
      depth--;
    }
  };
  /** Wraps a getter (`get`) or a method (`value`) where the prototype chain defines it, on `proto`. */
  const wrap = (proto: object, name: string, count: (result: unknown) => void): void => {
    let owner = proto;
    while (!Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner) as object;
    const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
    const { get, value } = descriptor as { get?: (...args: unknown[]) => unknown; value?: (...args: unknown[]) => unknown };
    const original = (get ?? value)!;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      return outer(() => original.apply(this, args), count);
    };
    Object.defineProperty(proto, name, descriptor.get ? { ...descriptor, get: wrapped } : { ...descriptor, value: wrapped });
    undo.push(() => {
      if (owner === proto) Object.defineProperty(proto, name, descriptor);
      else Reflect.deleteProperty(proto, name);
    });
  };
  const countElements = (found: unknown): void => {
    reads.elements += (found as ArrayLike<unknown>).length;
  };
  wrap(win.Element!.prototype, 'textContent', () => {
    reads.texts++;
  });
  wrap(win.Text!.prototype, 'data', () => {
    reads.data++;
  });
  for (const proto of [win.Element!.prototype, win.Document!.prototype, win.DocumentFragment!.prototype]) wrap(proto, 'querySelectorAll', countElements);
  for (const proto of [win.Element!.prototype, win.Document!.prototype]) wrap(proto, 'getElementsByTagName', countElements);
  wrap(win.TreeWalker!.prototype, 'nextNode', () => {
    reads.elements++;
  });
  return {
    reads,
    reset() {
      Object.assign(reads, { texts: 0, data: 0, elements: 0 });
    },
    stop() {
      for (const step of undo.reverse()) step();
    },
  };
}

/** A watched page whose frames are run by hand (`handled`), so a batch is handled whatever the clock. */
function start(paragraphs: number) {
  const doc = parseHtml(longArticlePage({ paragraphs }), articleUrl.long);
  let frames: FrameRequestCallback[] = [];
  doc.defaultView!.requestAnimationFrame = (callback: FrameRequestCallback): number => frames.push(callback);
  /**
   * Until the batch was handled: in the microtask after it (after a quiet spell) or in the
   * watcher's next frame callback. Passes with nothing queued read nothing.
   */
  const handled = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await Promise.resolve();
    const due = frames;
    frames = [];
    for (const callback of due) callback(0);
    for (let i = 0; i < 3; i++) await Promise.resolve();
  };
  const controller = new AbortController();
  const ctx = createContext(doc, controller.signal);
  hideClutter(ctx);
  watchPage(doc, controller.signal, (change) => {
    ctx.dispatchPageChange(change);
  }, textMayMatter);
  return {
    doc,
    handled,
    stop: () => {
      controller.abort();
    },
  };
}

/** `n` paragraphs spread over the whole story, the same places on a story of any length. */
function spread(doc: Document, n: number): Element[] {
  const all = [...doc.querySelectorAll('app-storyline-element p')];
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]!);
}

/**
 * The reads of three batches after the page settled: 50 small elements put into paragraphs all
 * over the story, 50 texts there rewritten, and the widget arriving in the middle of the story.
 */
async function batchReads(paragraphs: number): Promise<Reads[]> {
  const { doc, handled, stop } = start(paragraphs);
  await handled();
  const counter = countReads(doc);
  const batches: Reads[] = [];
  const measure = async (change: () => void): Promise<void> => {
    counter.reset();
    change();
    await handled();
    batches.push({ ...counter.reads });
  };
  try {
    const places = spread(doc, 50);
    await measure(() => {
      for (const [i, p] of places.entries()) p.append(Object.assign(doc.createElement('small'), { textContent: String(i) }));
    });
    await measure(() => {
      for (const [i, p] of places.entries()) (p.lastChild!.firstChild as Text).data = String(i + 1);
    });
    await measure(() => {
      const template = doc.createElement('template');
      template.innerHTML = widgetHtml('text-only');
      const block = places[25]!.closest('app-storyline-element')!;
      block.parentNode!.insertBefore(template.content.firstElementChild!, block.nextSibling);
    });
    expect(doc.querySelectorAll(`[${HIDE_ATTRIBUTE}~="jobs"]`).length).toBe(1);
  } finally {
    counter.stop();
    stop();
  }
  return batches;
}

describe('the work of a batch of changes', () => {
  it('is the same on a story four times as long: it depends on what arrived, not on the page', async () => {
    const short = await batchReads(100);
    const long = await batchReads(400);
    expect(long).toEqual(short);
    // Each added element's text is read once, for all rules together (mayHoldBlock), and nothing more
    // is asked of an element that can start nothing.
    const [added, rewritten] = long;
    expect(added!.texts).toBe(50);
    expect(added!.elements).toBe(0);
    // A rewritten text is read where it changed: once by the observer's filter, never by a search.
    expect(rewritten!.data).toBeLessThanOrEqual(2 * 50);
    expect(rewritten!.texts).toBe(0);
  });

  it('searches an added subtree once, not once per element in it', async () => {
    const { doc, handled, stop } = start(250);
    await handled();
    const counter = countReads(doc);
    try {
      const box = doc.createElement('section');
      for (let i = 0; i < 200; i++) box.append(Object.assign(doc.createElement('div'), { textContent: `Zeile ${i}` }));
      spread(doc, 1)[0]!.after(box);
      await handled();
      // Its text read whole once or twice (one look per rule), its elements queried a few times over:
      // nowhere near a read per element, or per element and rule.
      expect(counter.reads.texts).toBeLessThanOrEqual(4);
      expect(counter.reads.elements).toBeLessThanOrEqual(6 * 200);
    } finally {
      counter.stop();
      stop();
    }
  });
});
