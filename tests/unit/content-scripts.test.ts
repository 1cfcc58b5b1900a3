// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.handelsblatt.com/politik/international/ukraine-konflikt-gespraech-blinken-lawrow-vorzeitig-beendet-us-aussenminister-warnt-vor-eskalation/27996778.html" }
/**
 * The two content scripts as the browser runs them: the first at document_start on an empty
 * page that then fills, the second once the page is parsed. What the first found must reach the
 * badge even though the second joins later.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HIDE_ATTRIBUTE } from '../../src/core/hiding-rules';
import { SETTINGS_KEY } from '../../src/core/settings';
import { articleUrl, genevaArticlePage } from '../../tools/pages';
import { parseHtml } from '../support/dom';

type Listener = (message: unknown, sender: { id: string }, respond: (answer: unknown) => void) => boolean;

const sent: unknown[] = [];
const messageListeners: Listener[] = [];
const stored: Record<string, unknown> = { [SETTINGS_KEY]: { hideJobAds: true } };
const area = {
  get: (key: string) => Promise.resolve({ [key]: stored[key] }),
  set: () => Promise.resolve(),
};

beforeAll(() => {
  vi.stubGlobal('browser', {
    runtime: {
      id: 'lagebild@test',
      sendMessage: (message: unknown) => {
        sent.push(message);
        return Promise.resolve(null);
      },
      onMessage: { addListener: (l: Listener) => messageListeners.push(l), removeListener: () => undefined },
    },
    storage: { sync: area, local: area, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the content scripts in order', () => {
  it('hide while the page parses, then report the page and the count to the badge and answer the popup', async () => {
    expect(document.location.href).toBe(articleUrl.geneva);
    document.head.replaceChildren();
    document.body.replaceChildren();
    await import('../../src/content/start.iife');

    // The parser fills the page after the first script started.
    const page = parseHtml(genevaArticlePage({ widget: 'text-only', widgetCount: 2 }), articleUrl.geneva);
    document.head.append(...[...page.head.childNodes].map((n) => document.importNode(n, true)));
    document.body.append(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
    await vi.waitFor(() => {
      expect(document.querySelectorAll(`[${HIDE_ATTRIBUTE}~="jobs"]`)).toHaveLength(2);
    });
    expect(sent).toEqual([]);

    await import('../../src/content/page.iife');
    await vi.waitFor(() => {
      expect(sent).toContainEqual(expect.objectContaining({ type: 'lagebild/page-report', kind: 'ukraine-article', hiddenCount: 2 }));
    });

    const answers: unknown[] = [];
    for (const listener of messageListeners) listener({ type: 'lagebild/status', quotes: [] }, { id: 'lagebild@test' }, (a) => answers.push(a));
    expect(answers).toEqual([expect.objectContaining({ hiddenCount: 2, verdict: expect.objectContaining({ kind: 'ukraine-article', articleId: '27996778' }) })]);

    const foreign: unknown[] = [];
    for (const listener of messageListeners) listener({ type: 'lagebild/status', quotes: [] }, { id: 'someone-else' }, (a) => foreign.push(a));
    expect(foreign).toEqual([]);
  });
});
