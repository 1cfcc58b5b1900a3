/**
 * A widget the parser is still inside (the network paused after its title or first offer): found
 * short of evidence, held hidden while the parser stays in it, judged whole once it leaves. Story
 * text is never held: a story paragraph the parser is inside, or a held block that story text
 * enters, is shown.
 */
import { describe, expect, it } from 'vitest';
import { findBlocks, type ParseTime } from '../../src/core/find-blocks';
import { JOB_WIDGET, PENDING_ATTRIBUTE } from '../../src/core/hiding-rules';
import { parsedInto } from '../../src/content/parsed-into';
import { lastNode } from '../../src/content/parsed-text';
import { articleUrl, genevaArticlePage, WIDGET_TEXT, widgetHtml } from '../../tools/pages';
import { parseHtml } from '../support/dom';

const MARK = '<!--cut-->';

/** The Geneva page with `block` after its second story block, as parsed up to `after` in it. */
function parsedUpTo(block: string, after: string): Document {
  const cut = block.indexOf(after);
  if (cut < 0) throw new Error(`no "${after}"`);
  const page = genevaArticlePage().replace(/(<\/app-storyline-element>[\s\S]*?<\/app-storyline-element>)/, `$1${block.slice(0, cut + after.length)}${MARK}`);
  return parseHtml(page.slice(0, page.indexOf(MARK)), articleUrl.geneva);
}

function parseTime(doc: Document): ParseTime {
  return { at: lastNode(doc), open: [] };
}

const root = (doc: Document): Element => doc.querySelector('[data-test-widget]')!;

describe('a block the parser is still inside', () => {
  it.each([
    ['listing', '</h3>'],
    ['listing', '</li>'],
    ['text-only', '</span>'],
    ['known', '</h3>'],
    ['paragraph-br', '<br>'],
  ] as const)('the %s widget parsed up to %s is open, not yet found', (variant, after) => {
    const doc = parsedUpTo(widgetHtml(variant), after);
    const parsing = parseTime(doc);
    expect(findBlocks(doc, [JOB_WIDGET], parsing)).toEqual([]);
    expect(parsing.open.map((found) => found.element)).toContain(root(doc));
  });

  it('is not open once the parser has left it: the widget is judged whole', () => {
    const doc = parseHtml(genevaArticlePage({ widget: 'listing' }), articleUrl.geneva);
    const parsing = parseTime(doc);
    expect(findBlocks(doc, [JOB_WIDGET], parsing).map((found) => found.element)).toEqual([root(doc)]);
    expect(parsing.open).toEqual([]);
  });

  it('is not a menu the parser is in that links to the job market beside much else, nor a lone link', () => {
    const links = (names: string[]): string => names.map((name) => `<a href="/${name.toLowerCase()}">${name}: alles Neue</a>`).join(' ');
    // Each level adds less than a climb may take in one step, all of them together more than a widget holds.
    const menu = `<div class="menu"><nav>${links(['Politik', 'Unternehmen', 'Finanzen', 'Technologie', 'Meinung'])}`
      + `<div class="more">${links(['Video', 'Podcasts', 'Audio', 'Archiv', 'Newsletter'])}`
      + `<div class="service"><a href="https://jobs.handelsblatt.com/">Stellenmarkt</a> <a href="/abo">Abo</a></div></div></nav></div>`;
    const parsing = parseTime(parsedUpTo(menu, 'Stellenmarkt</a>'));
    expect(findBlocks(parsing.at.ownerDocument!, [JOB_WIDGET], parsing)).toEqual([]);
    expect(parsing.open.map((found) => found.element.className)).toEqual([]);
    const nav = `<nav class="top">Politik Unternehmen Finanzen Technologie Meinung Video Podcasts Audio Archiv Abo Newsletter Karriere Events `
      + `Handelsblatt Research Institute Kontakt Impressum Datenschutz Nutzungsbedingungen Barrierefreiheit Cookie-Einstellungen <a href="https://jobs.handelsblatt.com/">Stellenmarkt</a></nav>`;
    const alone = parseTime(parsedUpTo(nav, 'Stellen'));
    findBlocks(alone.at.ownerDocument!, [JOB_WIDGET], alone);
    expect(alone.open).toEqual([]);
  });

  it('is not a story paragraph that quotes the widget, open or not', () => {
    const quote = `<app-storyline-element><app-rich-text><p>„${WIDGET_TEXT.title}“ heißt es über jeder Anzeige, die das Portal schaltet.</p></app-rich-text></app-storyline-element>`;
    for (const after of ['“', ' heißt es']) {
      const parsing = parseTime(parsedUpTo(quote, after));
      expect(findBlocks(parsing.at.ownerDocument!, [JOB_WIDGET], parsing)).toEqual([]);
      expect(parsing.open, `parsed up to ${after}`).toEqual([]);
    }
  });
});

describe('parsedInto', () => {
  /** A held listing widget, parsed up to its first offer, and the document it is in. */
  function held(): { doc: Document; widget: Element; settle: ReturnType<typeof parsedInto> } {
    const doc = parsedUpTo(widgetHtml('listing'), '</li>');
    const parsing = parseTime(doc);
    findBlocks(doc, [JOB_WIDGET], parsing);
    const settle = parsedInto();
    expect(settle(parsing.open, parsing.at)).toEqual([]);
    return { doc, widget: root(doc), settle };
  }

  it('hides what it holds while the parser is inside', () => {
    const { doc, widget, settle } = held();
    expect(widget.getAttribute(PENDING_ATTRIBUTE)).toBe('jobs');
    expect(settle([], lastNode(doc))).toEqual([]);
    expect(widget.getAttribute(PENDING_ATTRIBUTE)).toBe('jobs');
    expect(doc.querySelectorAll(`[${PENDING_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('returns the widget to be marked once the parser left it complete', () => {
    const { doc, widget, settle } = held();
    widget.querySelector('section')!.insertAdjacentHTML('beforeend', `<a href="https://jobs.handelsblatt.com/">${WIDGET_TEXT.call}</a>`);
    const after = doc.createElement('p');
    widget.after(after);
    expect(settle([], after).map((found) => found.element)).toEqual([widget]);
    expect(widget.hasAttribute(PENDING_ATTRIBUTE)).toBe(false);
    // Let go: judged once, not again when the document is parsed.
    expect(settle([], null)).toEqual([]);
  });

  it('shows a block the parser left short of evidence, and one judged when the document is parsed', () => {
    for (const at of ['after', null] as const) {
      const { doc, widget, settle } = held();
      const next = doc.createElement('p');
      widget.after(next);
      expect(settle([], at === null ? null : next)).toEqual([]);
      expect(widget.hasAttribute(PENDING_ATTRIBUTE)).toBe(false);
    }
  });

  it('shows a story heading that opened with the widget\'s title as soon as more of it came', () => {
    const heading = `<app-storyline-element><h3>${WIDGET_TEXT.title}: was Bewerber jetzt wissen müssen</h3></app-storyline-element>`;
    const doc = parsedUpTo(heading, WIDGET_TEXT.title);
    const parsing = parseTime(doc);
    findBlocks(doc, [JOB_WIDGET], parsing);
    const settle = parsedInto();
    settle(parsing.open, parsing.at);
    const h3 = [...doc.querySelectorAll('h3')].find((h) => h.textContent === WIDGET_TEXT.title)!;
    // Held while nothing but the title came: the DOM cannot tell it from the widget's.
    expect(h3.closest(`[${PENDING_ATTRIBUTE}]`)).not.toBeNull();
    h3.append(': was Bewerber jetzt wissen müssen');
    expect(settle([], h3.lastChild)).toEqual([]);
    expect(doc.querySelector(`[${PENDING_ATTRIBUTE}]`)).toBeNull();
  });

  it('shows a held block at once when story text arrives in it, the parser still inside', () => {
    const { widget, settle } = held();
    const p = widget.ownerDocument.createElement('p');
    p.textContent = 'Die Gespräche in Genf endeten nach anderthalb Stunden ohne Durchbruch, sagte ein Diplomat.';
    widget.querySelector('section')!.append(p);
    expect(settle([], p.firstChild)).toEqual([]);
    expect(widget.hasAttribute(PENDING_ATTRIBUTE)).toBe(false);
  });
});
