/** The live-blog day and its pages keep the promises the live-blog tests and the bench rely on. */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { briefing } from '../../src/briefing/index';
import { detectPage } from '../../src/core/detect-page';
import { ABOUT_ENTRIES, LIVEBLOG_DAY, corpusEntry, fillerEntry, type LiveblogEntry } from '../../tools/liveblog-corpus';
import {
  LIVEBLOG_DAY_URL, LIVEBLOG_MARKUPS, TEST_KEY_ATTRIBUTE, entrySelector, liveblogMarkupPage, plainParagraphs,
  type LiveblogHooks, type LiveblogMarkup, type LiveblogMarkupOptions,
} from '../../tools/liveblog-pages';
import { GENEVA_TEXT, WIDGET_SELECTOR, WIDGET_TEXT, liveblogUrl } from '../../tools/pages';
import { parseHtml } from '../support/dom';

/** The briefing's signals as issue 19 names them; a word matches words it starts ("Genf" finds "Genfer"). */
const SIGNALS: Record<string, string[]> = {
  blinken: ['Blinken', 'US-Außenminister'],
  lawrow: ['Lawrow', 'Lavrov', 'russischer Außenminister', 'russische Außenminister', 'Russlands Außenminister'],
  geneva: ['Genf', 'Geneva'],
  'written-answer': ['schriftliche Antwort'],
  guarantees: ['Sicherheitsgarantie'],
  quote: ['offen und nützlich', 'offen und substanziell', 'erneute Invasion handelt', 'niemals bedroht und hege'],
};

function signalsIn(text: string): string[] {
  return Object.entries(SIGNALS)
    .filter(([, terms]) => terms.some((term) => new RegExp(`(?<!\\p{L})${term}`, 'iu').test(text)))
    .map(([id]) => id);
}

/** Each shares exactly one word with the briefing, and is not about the talks. */
const HARD_NEGATIVES: Record<string, string> = {
  'baerbock-moskau': 'lawrow',
  'blinken-berlin': 'blinken',
  'un-menschenrechtsrat': 'geneva',
  'nato-uebung': 'guarantees',
  'dax-schluss': 'geneva',
  gaspreis: 'written-answer',
  'kiew-reise': 'blinken',
};

/** The damaged words (READING-NOTES.md): those of the received article text that its repair took out. */
const wordsOf = (text: string): Set<string> => new Set(text.match(/[\p{L}-]+/gu));
const DAMAGED = [...wordsOf(GENEVA_TEXT['as-received'])].filter((word) => !wordsOf(GENEVA_TEXT.corrected).has(word));

const quoteIds = new Set(briefing.sides.flatMap((side) => side.positions.map((p) => p.quote.id)));

const fullText = (e: LiveblogEntry): string => `${e.headline ?? ''} ${e.text}`;

describe('the live-blog day', () => {
  it('has about 30 entries of 21 January 2022, newest first, each key once', () => {
    expect(LIVEBLOG_DAY.length).toBeGreaterThanOrEqual(28);
    expect(new Set(LIVEBLOG_DAY.map((e) => e.key)).size).toBe(LIVEBLOG_DAY.length);
    for (const e of LIVEBLOG_DAY) expect(e.time).toMatch(/^2022-01-21T\d\d:\d\d:00\+01:00$/);
    const times = LIVEBLOG_DAY.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('has nine entries about the talks, some without a headline, each with known positions', () => {
    expect(ABOUT_ENTRIES.map((e) => e.key)).toEqual([
      'reaktionen-abend', 'lawrow-angriffsplaene', 'blinken-substanziell', 'schriftliche-antwort', 'blinken-invasion',
      'lawrow-offen', 'genf-ende', 'genf-handschlag', 'genf-vorschau',
    ]);
    expect(ABOUT_ENTRIES.filter((e) => e.headline === null).length).toBeGreaterThanOrEqual(2);
    for (const e of LIVEBLOG_DAY) {
      expect(e.positions !== undefined).toBe(e.about);
      for (const id of e.positions ?? []) expect(quoteIds).toContain(id);
    }
  });

  it('gives every entry about the talks two signals or more, every hard negative exactly its one, the rest at most one', () => {
    for (const e of LIVEBLOG_DAY) {
      const found = signalsIn(fullText(e));
      // Plain markup has no headlines: the text alone must carry an entry about the talks.
      if (e.about) expect(signalsIn(e.text).length, e.key).toBeGreaterThanOrEqual(2);
      else if (e.key in HARD_NEGATIVES) expect(found, e.key).toEqual([HARD_NEGATIVES[e.key]]);
      else expect(found.length, e.key).toBeLessThanOrEqual(1);
    }
    for (const key of Object.keys(HARD_NEGATIVES)) expect(corpusEntry(key).about).toBe(false);
  });

  it('quotes the briefing where the issue asks it to', () => {
    expect(corpusEntry('lawrow-offen').text).toContain('„offen und nützlich“');
    expect(corpusEntry('blinken-invasion').text).toContain(
      'Wir haben deutlich gemacht, dass es sich um eine erneute Invasion handelt, wenn sich irgendwelche russischen Streitkräfte über die Grenze der Ukraine bewegen',
    );
    expect(corpusEntry('genf-handschlag').headline).toBe('Blinken und Lawrow treffen sich in Genf');
    expect(corpusEntry('jobs-zitat').text).toContain(`„${WIDGET_TEXT.title}“`);
  });

  it('has none of the damaged words', () => {
    expect(DAMAGED).toHaveLength(6);
    const all = wordsOf([JSON.stringify(LIVEBLOG_DAY), ...LIVEBLOG_MARKUPS.map((m) => liveblogMarkupPage(m, { jobWidget: true }))].join(' '));
    for (const word of DAMAGED) expect(all.has(word), word).toBe(false);
  });

  it('makes filler entries that are distinct, repeatable and off the topic', () => {
    const fillers = Array.from({ length: 600 }, (_, i) => fillerEntry(i));
    expect(new Set(fillers.map((f) => f.text)).size).toBe(600);
    expect(fillerEntry(123)).toEqual(fillers[123]);
    for (const f of fillers) expect(signalsIn(fullText(f))).toEqual([]);
    expect(fillers[0]!.time).toBe('2022-01-21T22:30:00+01:00');
    expect(fillers[90]!.time).toBe('2022-01-22T00:00:00+01:00');
  });
});

// ---------------------------------------------------------------------------------------------

function page(markup: LiveblogMarkup, opts: LiveblogMarkupOptions = {}): Document {
  return parseHtml(liveblogMarkupPage(markup, opts), LIVEBLOG_DAY_URL);
}

/** The text a reader could see: the body without its scripts, white space folded. */
function readable(doc: Document): string {
  const body = doc.body.cloneNode(true) as HTMLElement;
  for (const script of body.querySelectorAll('script')) script.remove();
  return body.textContent.replace(/\s+/g, ' ');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe.each(LIVEBLOG_MARKUPS)('the live blog in %s markup', (markup) => {
  it('shows every entry it is given once, and no other', () => {
    const entries = [...LIVEBLOG_DAY.slice(0, 20).reverse(), fillerEntry(3)];
    const text = readable(page(markup, { entries }));
    for (const e of entries) expect(count(text, e.text), e.key).toBe(1);
    for (const e of LIVEBLOG_DAY.slice(20)) expect(count(text, e.text), e.key).toBe(0);
  });

  it('marks each entry, and nothing else, with its key for tests', () => {
    const doc = page(markup);
    const keys = new Set([...doc.querySelectorAll(`[${TEST_KEY_ATTRIBUTE}]`)].map((el) => el.getAttribute(TEST_KEY_ATTRIBUTE)));
    expect([...keys]).toEqual(LIVEBLOG_DAY.map((e) => e.key));
    for (const e of LIVEBLOG_DAY) {
      const parts = [...doc.querySelectorAll(entrySelector(e.key))];
      expect(parts.map((el) => el.textContent).join(' ').replace(/\s+/g, ' ')).toContain(e.text.slice(0, 40));
    }
  });

  it('shows the headlines unless it is plain', () => {
    const text = readable(page(markup));
    for (const e of LIVEBLOG_DAY.filter((entry) => entry.headline)) {
      expect(count(text, e.headline!), e.key).toBe(markup === 'plain' ? 0 : 1);
    }
  });

  it('is taken for the Ukraine live blog', () => {
    expect(LIVEBLOG_DAY_URL).toMatch(/\/liveblog-zum-ukraine-krieg-[a-z-]+\/27982126\.html$/);
    const doc = page(markup);
    expect(detectPage(doc, LIVEBLOG_DAY_URL).kind).toBe('ukraine-liveblog');
    for (const ui of ['Neueste zuerst', 'Älteste zuerst', 'Neuen Beitrag anzeigen']) expect(readable(doc)).toContain(ui);
  });

  it('puts the job widget between the 3rd and 4th entry, and keeps the entry quoting its words', () => {
    const doc = page(markup, { jobWidget: true });
    const widget = doc.querySelector(WIDGET_SELECTOR)!;
    const keyed = [...doc.querySelectorAll(`[${TEST_KEY_ATTRIBUTE}]`)];
    const before = keyed.filter((el) => el.compareDocumentPosition(widget) & 4).map((el) => el.getAttribute(TEST_KEY_ATTRIBUTE));
    expect([...new Set(before)]).toEqual(LIVEBLOG_DAY.slice(0, 3).map((e) => e.key));
    expect(count(readable(doc), WIDGET_TEXT.title)).toBe(2);
    expect(doc.querySelector(entrySelector('jobs-zitat'))!.closest(WIDGET_SELECTOR)).toBeNull();
  });
});

describe('plain markup', () => {
  it('splits only long texts, and only between sentences', () => {
    for (const e of [...LIVEBLOG_DAY, fillerEntry(0)]) expect(plainParagraphs(e.text).join(' ')).toBe(e.text);
    expect(LIVEBLOG_DAY.filter((e) => plainParagraphs(e.text).length === 2).length).toBeGreaterThan(5);
  });
});

// ---------------------------------------------------------------------------------------------
// The live script, run in a happy-dom window with scripts on

interface LiveWindow {
  document: Document;
  location: Location;
  __liveblog: LiveblogHooks;
  __loadOlder: () => void;
}

function livePage(markup: LiveblogMarkup, opts: LiveblogMarkupOptions): LiveWindow {
  const window = new Window({
    url: LIVEBLOG_DAY_URL,
    // Only the page's own script runs, which these builders wrote.
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.write(liveblogMarkupPage(markup, opts));
  return window as unknown as LiveWindow;
}

const day = (...keys: string[]): LiveblogEntry[] => keys.map(corpusEntry);

describe.each(LIVEBLOG_MARKUPS)('the live script in %s markup', (markup) => {
  const base = day('scholz-sanktionen', 'rubel', 'dax-schluss', 'nord-stream');

  it('adds on top, loads older ones at the bottom, removes and edits in place', () => {
    const win = livePage(markup, { entries: base, live: { manual: true, olderOnScroll: day('gaspreis', 'kiew-reise') } });
    const blog = win.__liveblog;
    expect(blog.keys()).toEqual(base.map((e) => e.key));
    blog.add('reaktionen-abend');
    blog.add('cyber-angriff');
    expect(blog.keys().slice(0, 2)).toEqual(['cyber-angriff', 'reaktionen-abend']);
    const order = [...win.document.querySelectorAll(`[${TEST_KEY_ATTRIBUTE}]`)].map((el) => el.getAttribute(TEST_KEY_ATTRIBUTE));
    expect([...new Set(order)]).toEqual(blog.keys());
    win.__loadOlder();
    expect(blog.keys().slice(-2)).toEqual(['gaspreis', 'kiew-reise']);
    blog.remove('rubel');
    expect(win.document.querySelector(entrySelector('rubel'))).toBeNull();
    const edited = 'Der Dax schließt nach einer Korrektur der Redaktion unverändert.';
    const element = win.document.querySelector(entrySelector('dax-schluss'))!;
    blog.edit('dax-schluss', edited);
    expect(win.document.querySelector(entrySelector('dax-schluss'))).toBe(element);
    expect(count(readable(win.document), edited)).toBe(1);
    expect(readable(win.document)).not.toContain(corpusEntry('dax-schluss').text.slice(0, 30));
    blog.removeAll();
    expect(win.document.querySelector(`[${TEST_KEY_ATTRIBUTE}]`)).toBeNull();
    blog.add('genf-ende');
    expect(blog.keys()).toEqual(['genf-ende']);
  });

  it('shows queued entries on a click of "Neuen Beitrag anzeigen", the first given on top', () => {
    const win = livePage(markup, { entries: base, live: { manual: true, newPostButton: day('genf-handschlag', 'genf-vorschau') } });
    expect(win.__liveblog.queued).toBe(2);
    const button = [...win.document.querySelectorAll('button')].find((b) => b.textContent === 'Neuen Beitrag anzeigen')!;
    button.click();
    expect(win.__liveblog.keys().slice(0, 3)).toEqual(['genf-handschlag', 'genf-vorschau', 'scholz-sanktionen']);
    expect(win.__liveblog.queued).toBe(0);
  });

  it('streams new entries on top and drops the oldest beyond the limit', async () => {
    const stream = Array.from({ length: 8 }, (_, i) => fillerEntry(i));
    const win = livePage(markup, { entries: base, live: { manual: true, addNewOnTop: { entries: stream, everyMs: 1, keepAtMost: 5 } } });
    await win.__liveblog.start();
    expect(win.__liveblog.done).toBe(true);
    expect(win.__liveblog.keys()).toEqual(['filler-7', 'filler-6', 'filler-5', 'filler-4', 'filler-3']);
    expect(win.document.querySelectorAll(entrySelector('scholz-sanktionen'))).toHaveLength(0);
  });

  it('navigates in the site to another live blog without a page load', () => {
    const other = liveblogUrl({ slug: 'liveblog-zum-ukraine-krieg-nato-verstaerkt-ostflanke' });
    const target = markup === 'plain' ? 'unknown' : 'plain';
    const win = livePage(markup, { entries: base, live: { manual: true, navigateTo: { url: other, markup: target, entries: day('genf-ende', 'rubel') } } });
    const before = win.document.querySelector('main');
    win.__liveblog.navigate();
    expect(win.location.pathname).toBe(new URL(other).pathname);
    expect(win.document.querySelector('main')).toBe(before);
    expect(win.__liveblog.keys()).toEqual(['genf-ende', 'rubel']);
    expect(readable(win.document)).not.toContain(corpusEntry('scholz-sanktionen').text);
    win.__liveblog.add('gaspreis');
    expect(win.__liveblog.keys()[0]).toBe('gaspreis');
  });
});
