/**
 * Random DOM trees: findBlocks never throws, never picks an element that holds or sits inside
 * article prose, and always finds a complete widget placed anywhere outside prose.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findBlocks } from '../../src/core/find-blocks';
import { HIDING_RULES } from '../../src/core/hiding-rules';
import { WIDGET_TEXT, widgetHtml } from '../../tools/pages';

type Spec =
  | { kind: 'prose'; text: string }
  | { kind: 'piece'; tag: string; text: string }
  | { kind: 'link'; text: string }
  | { kind: 'frame' }
  | { kind: 'box'; tag: string; children: Spec[] };

/** Real sentences, some of which use the widget's own words inside prose. */
const PROSE = [
  'Blinken habe ihm zugesichert, dass der Westen seiner Regierung kommende Woche eine schriftliche Antwort übergeben werde.',
  `Unter der Überschrift „${WIDGET_TEXT.title}“ bewirbt das Portal täglich neue Stellen, sagt die Personalchefin des Konzerns.`,
  `Wer sich registriert, soll ${WIDGET_TEXT.notify.replace('.', '')}, sobald eine passende Stelle ausgeschrieben ist, heißt es beim Anbieter.`,
  `„${WIDGET_TEXT.call} sich bewerben“, lautet der Slogan, mit dem die Jobbörse um Fachkräfte wirbt und Kunden gewinnt.`,
  'Die Entspannungsbemühungen laufen seit vergangener Woche auf Hochtouren, haben aber bislang keine greifbaren Ergebnisse gebracht.',
];
const PIECES = [WIDGET_TEXT.title, WIDGET_TEXT.call, WIDGET_TEXT.notify, WIDGET_TEXT.locate, 'Alle Jobs', 'Anzeige'];
const TAGS = ['div', 'section', 'span', 'aside', 'app-storyline-element', 'app-rich-text', 'li', 'ul'];

const spec: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('prose' as const), text: fc.constantFrom(...PROSE) }),
    fc.record({ kind: fc.constant('piece' as const), tag: fc.constantFrom('span', 'div', 'h3', 'button', 'strong', 'p'), text: fc.constantFrom(...PIECES) }),
    fc.record({ kind: fc.constant('link' as const), text: fc.constantFrom('Jobs', 'Controller (m/w/d)', '') }),
    fc.constant({ kind: 'frame' as const }),
    fc.record({ kind: fc.constant('box' as const), tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 5 }) }),
  ),
})).node;

function build(doc: Document, node: Spec): Element {
  switch (node.kind) {
    case 'prose': {
      const p = doc.createElement('p');
      p.setAttribute('data-prose', '');
      p.textContent = node.text;
      return p;
    }
    case 'piece': {
      const el = doc.createElement(node.tag);
      el.textContent = node.text;
      return el;
    }
    case 'link': {
      const a = doc.createElement('a');
      a.href = 'https://jobs.handelsblatt.com/job/4711';
      a.textContent = node.text;
      return a;
    }
    case 'frame': {
      const frame = doc.createElement('iframe');
      frame.src = 'https://jobs.handelsblatt.com/widget';
      return frame;
    }
    case 'box': {
      const el = doc.createElement(node.tag);
      for (const child of node.children) el.append(build(doc, child));
      return el;
    }
  }
}

function page(tree: Spec[]): Document {
  const doc = new Window({ url: 'https://www.handelsblatt.com/a/b/12345678.html' }).document as unknown as Document;
  const story = doc.createElement('app-storyline-elements');
  for (const node of tree) story.append(build(doc, node));
  doc.body.append(story);
  return doc;
}

describe('findBlocks over random DOM trees', () => {
  it('never throws and never picks an element that holds or sits in article prose', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 6 }), (tree) => {
        const doc = page(tree);
        for (const { element } of findBlocks(doc, HIDING_RULES)) {
          expect(element.querySelector('[data-prose]')).toBeNull();
          expect(element.closest('[data-prose]')).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always finds a complete widget placed anywhere outside prose', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 6 }), fc.nat(), (tree, pick) => {
        const doc = page(tree);
        const hosts = [...doc.querySelectorAll('app-storyline-elements, div, section, aside, app-storyline-element, app-rich-text, li, ul')].filter(
          (el) => !el.closest('[data-prose]'),
        );
        const host = hosts[pick % hosts.length]!;
        const template = doc.createElement('template');
        template.innerHTML = widgetHtml('text-only');
        const widget = template.content.firstElementChild!;
        host.append(widget);
        const found = findBlocks(doc, HIDING_RULES);
        expect(found.some(({ element }) => element.contains(widget))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
