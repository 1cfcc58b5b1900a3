/**
 * The page watcher while the parser runs: what it offers each frame (the text parsed since the
 * frame before, with words split between two frames whole in one of them), the whole text at
 * DOMContentLoaded, and the hiding built on it, which searches the page only when that text or a
 * new job link gives it a reason. The parser is played by appending to a document the way an
 * HTML parser does: into the last open element, and characters onto the last text node.
 */
import { describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/content/context';
import { hideClutter } from '../../src/content/features/hide-clutter';
import { parsedSince, textAfter } from '../../src/content/parsed-text';
import { watchPage, type PageChange } from '../../src/content/page-watcher';
import { HIDE_ATTRIBUTE } from '../../src/core/hiding-rules';
import { WIDGET_SELECTOR, articleUrl, genevaArticlePage, widgetHtml } from '../../tools/pages';
import { parseHtml } from '../support/dom';

/** The first paragraph is longer than what one frame carries into the next. */
const START = `<!doctype html><html><head><title>Artikel</title></head><body><main><p>Erster Absatz. ${'Lang und länger. '.repeat(12)}</p></main></body></html>`;

function emptyPage(): Document {
  return parseHtml(START, articleUrl.geneva);
}

/** The element the parser is filling: the last element in document order. */
function openElement(doc: Document): Element {
  let el: Element = doc.documentElement;
  while (el.lastElementChild) el = el.lastElementChild;
  return el;
}

/** Appends markup where the parser would: into the deepest open element. */
function parse(doc: Document, html: string, into: Element = openElement(doc)): void {
  const template = doc.createElement('template');
  template.innerHTML = html;
  into.append(template.content);
}

describe.each([
  ['by a range', false],
  ['text node by text node', true],
])('parsedSince, reading %s', (_, byNodes) => {
  it('reads the whole document first, then only what was added after the last node', () => {
    const doc = emptyPage();
    const { read: since } = parsedSince(doc, byNodes);
    expect(since()).toContain('Erster Absatz.');
    const main = doc.querySelector('main')!;
    parse(doc, '<p>Zweiter Absatz.</p>', main);
    const second = since() ?? '';
    expect(second).toContain('Zweiter Absatz.');
    // Only the carried end of the frame before, not its whole text again.
    expect(second).not.toContain('Artikel');
    expect(second.length).toBeLessThan(200);
    parse(doc, '<p>Dritter Absatz.</p>', main);
    const third = since();
    expect(third).toContain('Dritter Absatz.');
    expect(third).not.toContain('Artikel');
  });

  it('tells the last node it read up to: where the parser adds next', () => {
    const doc = emptyPage();
    const reader = parsedSince(doc, byNodes);
    expect(reader.at()).toBeNull();
    reader.read();
    const main = doc.querySelector('main')!;
    parse(doc, '<p>Zweiter Absatz.</p>', main);
    reader.read();
    expect(reader.at()).toBe(main.lastElementChild!.firstChild);
  });

  it('sees characters the parser adds to the text node it is still in, and children of the element it is in', () => {
    const doc = emptyPage();
    const { read: since } = parsedSince(doc, byNodes);
    since();
    const main = doc.querySelector('main')!;
    const div = doc.createElement('div');
    main.append(div);
    since();
    // The open element was empty at the last frame; its children arrive now.
    parse(doc, '<h3>Top-Jobs des Tages</h3>', div);
    expect(since()).toContain('Top-Jobs des Tages');
    const text = doc.createTextNode('Jetzt die besten');
    div.append(text);
    since();
    text.appendData(' Jobs finden');
    // Each character once: the carried end and then only what was added.
    expect(since()).toMatch(/Top-Jobs des TagesJetzt die besten Jobs finden$/);
  });

  it('keeps words whole that two frames split between elements', () => {
    const doc = emptyPage();
    const { read: since } = parsedSince(doc, byNodes);
    since();
    const main = doc.querySelector('main')!;
    parse(doc, '<h3><b>Top-</b><b>Jobs</b></h3>', main);
    since();
    parse(doc, '<b> des Tages</b>', main.lastElementChild!);
    expect(since()?.replace(/\s+/g, ' ')).toMatch(/Top-Jobs des Tages$/);
  });

  it('says when the parser added nothing since, not even characters', () => {
    const doc = emptyPage();
    const { read: since } = parsedSince(doc, byNodes);
    since();
    expect(since()).toBeNull();
    const text = doc.createTextNode('Ein');
    doc.querySelector('main')!.append(text);
    expect(since()).toContain('Ein');
    expect(since()).toBeNull();
    text.appendData(' Satz.');
    expect(since()).toContain('Ein Satz.');
  });

  it('reads the whole document again when the page took the last node out', () => {
    const doc = emptyPage();
    const { read: since } = parsedSince(doc, byNodes);
    since();
    const main = doc.querySelector('main')!;
    parse(doc, '<p>Wird entfernt.</p>', main);
    since();
    main.lastElementChild!.remove();
    parse(doc, '<p>Neu.</p>', doc.body);
    const text = since();
    expect(text).toContain('Artikel');
    expect(text).toContain('Erster Absatz.');
    expect(text).toContain('Neu.');
  });

  it('reads from the top when the page shortened the text it ended in', () => {
    const doc = emptyPage();
    const { read: since } = parsedSince(doc, byNodes);
    const text = doc.createTextNode('Ein langer Satz.');
    doc.querySelector('main')!.append(text);
    since();
    text.data = 'Kurz.';
    expect(since()).toContain('Erster Absatz.');
  });
});

describe('textAfter', () => {
  it('reads the same text both ways, script and style text included, from an element or inside a text node', () => {
    const doc = parseHtml(
      '<!doctype html><html><head><style>p { color: red }</style><script>var a = "Top-Jobs";</script></head><body><main><p>Eins <b>zwei</b> drei</p><!-- nie --><div><span>vier</span></div>fünf</main></body></html>',
      articleUrl.geneva,
    );
    const b = doc.querySelector('b')!;
    const starts: [Node, number][] = [[doc.documentElement, 0], [doc.querySelector('main')!, 0], [b, 0], [b.firstChild!, 2], [doc.querySelector('p')!.lastChild!, 1]];
    for (const [node, offset] of starts) expect(textAfter(doc, node, offset, true)).toBe(textAfter(doc, node, offset, false));
    expect(textAfter(doc, doc.documentElement, 0, true)).toBe('p { color: red }var a = "Top-Jobs";Eins zwei dreivierfünf');
    expect(textAfter(doc, b.firstChild!, 2, true)).toBe('ei dreivierfünf');
  });
});

/** A document that says it is still loading, with frames the test runs by hand. */
function loadingPage(): { doc: Document; frame: () => void; parsed: () => void; framesAsked: () => number } {
  const doc = emptyPage();
  const win = doc.defaultView!;
  let callbacks: FrameRequestCallback[] = [];
  Object.defineProperty(doc, 'readyState', { configurable: true, get: () => 'loading' });
  win.requestAnimationFrame = (callback: FrameRequestCallback): number => callbacks.push(callback);
  return {
    doc,
    frame: () => {
      const due = callbacks;
      callbacks = [];
      for (const callback of due) callback(0);
    },
    parsed: () => {
      Object.defineProperty(doc, 'readyState', { configurable: true, get: () => 'interactive' });
      doc.dispatchEvent(new win.Event('DOMContentLoaded'));
    },
    framesAsked: () => callbacks.length,
  };
}

describe('watchPage while the parser runs', () => {
  it('offers the text of each frame, then the whole text once parsed, then mutations', async () => {
    const { doc, frame, parsed } = loadingPage();
    const changes: PageChange[] = [];
    watchPage(doc, new AbortController().signal, (change) => changes.push(change));
    frame();
    // A frame in which the parser added nothing is not offered.
    frame();
    parse(doc, '<p>Zweiter Absatz.</p>', doc.querySelector('main')!);
    frame();
    parsed();
    expect(changes.map((c) => c.source)).toEqual(['parsing', 'parsing', 'parsed']);
    expect(changes[1]!.parsedText).toContain('Zweiter Absatz.');
    expect(changes[1]!.parsedText).not.toContain('Artikel');
    // The frames read everything, and the page changed nothing of it: no text to read again.
    expect(changes[2]!.parsedText).toBe('');
    expect(changes[2]!.removed).toBe(true);
    // No more frames after DOMContentLoaded: the MutationObserver has taken over.
    frame();
    expect(changes).toHaveLength(3);
    doc.body.append(doc.createElement('aside'));
    await Promise.resolve();
    await Promise.resolve();
    expect(changes.at(-1)).toMatchObject({ source: 'mutation', parsedText: null });
  });
});

describe('watchPage on a page at rest', () => {
  it('asks for no frame two frames after the last change, and takes the next change in its microtask', async () => {
    const { doc, frame, parsed, framesAsked } = loadingPage();
    const changes: PageChange[] = [];
    watchPage(doc, new AbortController().signal, (change) => changes.push(change));
    frame();
    parsed();
    const late = (): Promise<void> => {
      doc.body.append(doc.createElement('aside'));
      return Promise.resolve().then(() => Promise.resolve());
    };
    await late();
    expect(changes.at(-1)).toMatchObject({ source: 'mutation', added: [doc.body.lastElementChild] });
    // Every idle frame is a callback into the content script: on a page at rest they stop soon.
    frame();
    frame();
    expect(framesAsked()).toBe(0);
    await late();
    expect(changes.at(-1)).toMatchObject({ source: 'mutation', added: [doc.body.lastElementChild] });
  });
});

describe('watchPage at DOMContentLoaded', () => {
  it('reads the whole text again only when a page script put an element into the part already read', () => {
    const texts = (touch: boolean): (string | null)[] => {
      const { doc, frame, parsed } = loadingPage();
      const changes: PageChange[] = [];
      watchPage(doc, new AbortController().signal, (change) => changes.push(change));
      frame();
      if (touch) doc.querySelector('main')!.prepend(doc.createElement('aside'));
      parse(doc, '<p>Zweiter Absatz.</p>', doc.querySelector('main')!);
      frame();
      parse(doc, '<p>Dritter Absatz.</p>', doc.querySelector('main')!);
      parsed();
      return changes.slice(-2).map((c) => c.parsedText);
    };
    // Untouched: the text since the last frame, then nothing more.
    expect(texts(false)).toEqual([expect.stringContaining('Dritter Absatz.'), '']);
    expect(texts(false)[0]).not.toContain('Artikel');
    const touched = texts(true);
    expect(touched.at(-1)).toContain('Artikel');
    expect(touched.at(-1)).toContain('Dritter Absatz.');
  });
});

describe('watchPage on text that arrives on its own', () => {
  it('hands over only text that may matter; other text edits say only that something changed', async () => {
    const doc = emptyPage();
    const changes: PageChange[] = [];
    watchPage(doc, new AbortController().signal, (change) => changes.push(change), (text) => text.includes('Top-Jobs'));
    const cell = doc.createElement('td');
    doc.body.append(cell);
    await vi.waitFor(() => {
      expect(changes.at(-1)?.added).toEqual([cell]);
    });
    const plain = doc.createTextNode('DAX 15.000');
    cell.append(plain);
    await vi.waitFor(() => {
      expect(changes.at(-1)).toMatchObject({ added: [], removed: true });
    });
    const seen = changes.length;
    plain.data = 'DAX 15.001';
    await vi.waitFor(() => {
      expect(changes.length).toBeGreaterThan(seen);
    });
    expect(changes.at(-1)).toMatchObject({ added: [], removed: true });
    plain.data = 'Top-Jobs des Tages';
    await vi.waitFor(() => {
      expect(changes.at(-1)?.added).toEqual([plain]);
    });
    const words = doc.createTextNode('Top-Jobs des Tages');
    cell.append(words);
    await vi.waitFor(() => {
      expect(changes.at(-1)?.added).toEqual([words]);
    });
  });
});

describe('hiding while the parser runs', () => {
  function start() {
    const page = loadingPage();
    const controller = new AbortController();
    const ctx = createContext(page.doc, controller.signal);
    hideClutter(ctx);
    watchPage(page.doc, controller.signal, (change) => {
      ctx.dispatchPageChange(change);
    });
    return { ...page, ctx };
  }

  it('marks a text-only widget in the frame its words arrive in, and never article text', () => {
    const { doc, frame } = start();
    frame();
    const main = doc.querySelector('main')!;
    parse(doc, widgetHtml('text-only'), main);
    frame();
    const widget = doc.querySelector(WIDGET_SELECTOR)!;
    expect(widget.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
    expect(doc.querySelector('main > p')!.hasAttribute(HIDE_ATTRIBUTE)).toBe(false);
  });

  it('marks a widget whose evidence the parser delivers over two frames, far apart', () => {
    const { doc, frame } = start();
    frame();
    const main = doc.querySelector('main')!;
    const widget = doc.createElement('section');
    main.append(widget);
    // A label, not a heading: a heading naming the widget is article text (block-evidence.ts).
    parse(doc, '<div>Top-Jobs des Tages</div>', widget);
    frame();
    // One piece of evidence is not enough to hide anything.
    expect(doc.querySelector(`[${HIDE_ATTRIBUTE}]`)).toBeNull();
    // More than a frame carries over lies between the words and the link: short job lines, no prose
    // (lines of a list would be the story's list items, article text).
    parse(doc, `<div>${['Referent Controlling', 'Leitung Einkauf', 'Senior Engineer', 'Teamlead Vertrieb', 'Analyst Risiko', 'Projektleitung Bau'].map((job) => `<span>${job} (m/w/d)</span>`).join('')}</div>`, widget);
    frame();
    parse(doc, '<a href="https://jobs.handelsblatt.com/">Alle Angebote</a>', widget);
    frame();
    expect(widget.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
  });

  it('marks known markup the stylesheet hid during parsing once the document is parsed, and counts it', () => {
    const { doc, frame, parsed, ctx } = start();
    frame();
    parse(doc, widgetHtml('known'), doc.querySelector('main')!);
    frame();
    parsed();
    expect(doc.querySelector(WIDGET_SELECTOR)!.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
    expect(ctx.hiddenCount).toBe(1);
  });

  it('finds at DOMContentLoaded what a page script put before the parsed part', () => {
    const { doc, frame, parsed } = start();
    frame();
    // Not after the last node, so no frame's text holds it; the whole text at the end does.
    const template = doc.createElement('template');
    template.innerHTML = widgetHtml('text-only');
    doc.querySelector('main')!.prepend(template.content);
    frame();
    const widget = doc.querySelector(WIDGET_SELECTOR)!;
    expect(widget.hasAttribute(HIDE_ATTRIBUTE)).toBe(false);
    parsed();
    expect(widget.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
  });

  it('leaves a whole Geneva article parsed in frames with its widget marked and its prose untouched', () => {
    const source = parseHtml(genevaArticlePage({ widget: 'paragraph-br' }), articleUrl.geneva);
    const { doc, frame, parsed } = start();
    doc.body.replaceChildren();
    frame();
    for (const node of [...source.body.childNodes]) {
      doc.body.append(doc.importNode(node, true));
      frame();
    }
    parsed();
    expect(doc.querySelectorAll(`[${HIDE_ATTRIBUTE}~="jobs"]`)).toHaveLength(1);
    expect(doc.querySelector(WIDGET_SELECTOR)!.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
  });
});

describe('watchPage on address changes the DOM does not show', () => {
  it('tells a back or forward navigation from popstate', async () => {
    const doc = emptyPage();
    const win = doc.defaultView!;
    expect('navigation' in win).toBe(false);
    const changes: PageChange[] = [];
    watchPage(doc, new AbortController().signal, (change) => changes.push(change));
    win.history.pushState({}, '', '/politik/international/anderer-artikel.html');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    await vi.waitFor(() => {
      expect(changes.some((change) => change.urlChanged)).toBe(true);
    });
  });

  it('tells a pushState from the Navigation API where the browser has it', async () => {
    const doc = emptyPage();
    const win = doc.defaultView!;
    const navigation = new win.EventTarget();
    Object.defineProperty(win, 'navigation', { value: navigation, configurable: true });
    const changes: PageChange[] = [];
    watchPage(doc, new AbortController().signal, (change) => changes.push(change));
    win.history.pushState({}, '', '/politik/international/anderer-artikel.html');
    navigation.dispatchEvent(new win.Event('currententrychange'));
    await vi.waitFor(() => {
      expect(changes.some((change) => change.urlChanged)).toBe(true);
    });
  });
});
