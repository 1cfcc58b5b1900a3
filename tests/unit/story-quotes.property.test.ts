/**
 * Generated story bodies in which the widget's phrases stand inside lists, tables, quotes,
 * captions, definition lists, headings and sentences, alone or among other words: nothing of the
 * story is ever hidden, however many phrases it quotes, and a real widget put between its blocks
 * is still found, alone.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findBlocks } from '../../src/core/find-blocks';
import { HIDING_RULES } from '../../src/core/hiding-rules';
import { JOB_MARKET_URL, WIDGET_TEXT, widgetHtml } from '../../tools/pages';

const PHRASES = [WIDGET_TEXT.title, WIDGET_TEXT.call, WIDGET_TEXT.notify, WIDGET_TEXT.locate, 'Anzeige'];
const WORDS = ['Die Jobbörse', 'wirbt mit', 'so heißt es', 'auf der Startseite', 'Personalchefin', 'Stellenmarkt', 'Genf'];

/** A piece of story text: a phrase alone, quoted, or inside other words; sometimes a link to the job market. */
const snippet = fc.record({
  phrase: fc.constantFrom(...PHRASES),
  before: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  after: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  quoted: fc.boolean(),
  link: fc.boolean(),
});
type Snippet = typeof snippet extends fc.Arbitrary<infer T> ? T : never;

function text(s: Snippet): string {
  const phrase = s.quoted ? `„${s.phrase}“` : s.phrase;
  const words = [s.before, phrase, s.after].filter(Boolean).join(' ');
  // A story may link to the job market from a sentence that quotes the widget; the link is a part of it, not most.
  return s.link ? `${words} <a href="${JOB_MARKET_URL}">hier</a>` : words;
}

const CONTAINERS = ['ul', 'ol', 'table', 'blockquote', 'figure', 'dl', 'h2', 'h3', 'p-sentence'] as const;

const block = fc.record({ container: fc.constantFrom(...CONTAINERS), items: fc.array(snippet, { minLength: 1, maxLength: 4 }) });
type Block = typeof block extends fc.Arbitrary<infer T> ? T : never;

function blockHtml(b: Block): string {
  const items = b.items.map(text);
  const story = 'data-story';
  switch (b.container) {
    case 'ul':
    case 'ol':
      return `<${b.container}>${items.map((i) => `<li ${story}>${i}</li>`).join('')}</${b.container}>`;
    case 'table':
      return `<table><tr><th ${story}>Slogan</th><th ${story}>Portal</th></tr>${items.map((i) => `<tr><td ${story}>${i}</td><td ${story}>Jobsuche</td></tr>`).join('')}</table>`;
    case 'blockquote':
      return `<blockquote ${story}>${items.join('. ')}</blockquote>`;
    case 'figure':
      return `<figure><img alt=""><figcaption ${story}>${items.join(' – ')}</figcaption></figure>`;
    case 'dl':
      return `<dl>${items.map((i, n) => (n % 2 ? `<dd ${story}>${i}</dd>` : `<dt ${story}>${i}</dt>`)).join('')}</dl>`;
    case 'h2':
    case 'h3':
      return items.map((i) => `<${b.container} ${story}>${i}</${b.container}>`).join('');
    case 'p-sentence':
      return `<p ${story}>Wer sich umsieht, liest überall dieselben Formeln: ${items.join(', ')}, sagt die Forscherin.</p>`;
  }
}

function page(blocks: Block[], widgetAt: number | null): Document {
  const doc = new Window({ url: 'https://www.handelsblatt.com/a/b/12345678.html' }).document as unknown as Document;
  const parts = blocks.map((b) => `<app-storyline-element><app-rich-text>${blockHtml(b)}</app-rich-text></app-storyline-element>`);
  if (widgetAt !== null) parts.splice(widgetAt % (parts.length + 1), 0, widgetHtml('text-only'));
  doc.body.innerHTML = `<main><app-storyline-elements>${parts.join('')}</app-storyline-elements></main>`;
  return doc;
}

function expectStoryWhole(doc: Document): void {
  for (const { element } of findBlocks(doc, HIDING_RULES)) {
    expect(element.closest('[data-story]'), element.outerHTML).toBeNull();
    expect(element.querySelector('[data-story]'), element.outerHTML).toBeNull();
  }
}

describe('story text that quotes the widget', () => {
  it('is never hidden, in any container, with any number of phrases', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const doc = page(blocks, null);
        expect(findBlocks(doc, HIDING_RULES)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('stays whole beside a real widget, which is found alone', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), fc.nat(), (blocks, at) => {
        const doc = page(blocks, at);
        expectStoryWhole(doc);
        const widget = doc.querySelector('[data-test-widget]')!;
        expect(findBlocks(doc, HIDING_RULES).map((f) => f.element)).toEqual([widget]);
      }),
      { numRuns: 200 },
    );
  });
});
