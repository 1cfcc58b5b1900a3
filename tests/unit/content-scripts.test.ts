// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.handelsblatt.com/politik/international/ukraine-konflikt-gespraech-blinken-lawrow-vorzeitig-beendet-us-aussenminister-warnt-vor-eskalation/27996778.html" }
/**
 * The two content scripts as the browser runs them: the first at document_start on an empty
 * page that then fills, asking the extension API nothing until the background asked its count
 * for the badge; the page features only when run (as the popup does before it asks), once
 * however often they are run, reading the stored settings as they start.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIVEBLOG_ADDRESS } from '../../src/core/selectors';
import { HIDE_ATTRIBUTE } from '../../src/core/hiding-rules';
import { SETTINGS_KEY } from '../../src/core/settings';
import { DOOR_KEY } from '../../src/content/keys';
import type { Door } from '../../src/content/from-background';
import { articleUrl, genevaArticlePage, WIDGET_SELECTOR } from '../../tools/pages';
import { parseHtml } from '../support/dom';

type Listener = (message: unknown, sender: { id: string }, respond: (answer: unknown) => void) => boolean;

const sent: unknown[] = [];
const messageListeners: Listener[] = [];
const stored: Record<string, unknown> = { [SETTINGS_KEY]: { hideJobAds: true } };
let reads = 0;
const area = {
  get: (key: string) => {
    reads++;
    return Promise.resolve({ [key]: stored[key] });
  },
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
  it('hide while the page parses and tell the badge once asked; the page features answer the popup and announce changes once run', async () => {
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
    // No settings read, no message sent, nothing listening: the reader changed nothing, the background asked nothing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect({ reads, sent }).toEqual({ reads: 0, sent: [] });
    expect(messageListeners).toHaveLength(0);
    // The background asks for the count when the page has loaded; changes after that are reported.
    const door = (globalThis as Record<symbol, Door | undefined>)[Symbol.for(DOOR_KEY)];
    expect(door?.badge()).toEqual({ hiddenCount: 2, fresh: 0 });
    expect(sent).toEqual([]);

    // The site's own navigation to a live blog asks for them; back to an article does not.
    const joins = (): number => sent.filter((m) => (m as { type?: string }).type === 'lagebild/join').length;
    const navigate = async (path: string): Promise<void> => {
      history.pushState(null, '', path);
      document.body.append(document.createElement('div'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await navigate('/politik/international/liveblog-zum-ukraine-krieg-neue-lage/27982126.html');
    expect(LIVEBLOG_ADDRESS.test(document.location.pathname)).toBe(true);
    expect(joins()).toBe(1);
    await navigate(new URL(articleUrl.geneva).pathname);
    expect(joins()).toBe(1);

    await import('../../src/content/page.iife');
    // The page features act on settings a page load does not: they read them.
    expect(reads).toBe(2);
    const listening = messageListeners.length;
    expect(listening).toBeGreaterThan(0);
    vi.resetModules();
    await import('../../src/content/page.iife');
    expect(messageListeners).toHaveLength(listening);

    const answers: unknown[] = [];
    for (const listener of messageListeners) listener({ type: 'lagebild/status', quotes: [] }, { id: 'lagebild@test' }, (a) => answers.push(a));
    expect(answers).toEqual([
      expect.objectContaining({
        hiddenCount: 2,
        hidden: [{ rule: 'jobs', count: 2 }],
        verdict: expect.objectContaining({ kind: 'ukraine-article', articleId: '27996778' }),
      }),
    ]);

    // Once they run, the page features tell the side panel when what it shows changes, once per change.
    const changes = (): number => sent.filter((m) => (m as { type?: string }).type === 'lagebild/page-changed').length;
    expect(changes()).toBe(0);
    const late = parseHtml(genevaArticlePage({ widget: 'text-only', widgetCount: 1 }), articleUrl.geneva).querySelector(WIDGET_SELECTOR)!;
    document.body.append(document.importNode(late, true));
    await vi.waitFor(() => {
      expect(changes()).toBe(1);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes()).toBe(1);
    expect(sent).toContainEqual({ type: 'lagebild/page-report', hiddenCount: 3, fresh: 0 });

    const foreign: unknown[] = [];
    for (const listener of messageListeners) listener({ type: 'lagebild/status', quotes: [] }, { id: 'someone-else' }, (a) => foreign.push(a));
    expect(foreign).toEqual([]);
  });
});
