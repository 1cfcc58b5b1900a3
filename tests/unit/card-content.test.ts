/** The context card's content as the background builds it, and the background answering content scripts for it. */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cardContent } from '../../src/background/card';
import { briefing } from '../../src/briefing';
import { SETTINGS_KEY } from '../../src/core/settings';
import type { CardContent } from '../../src/shared/messages';

const RUNTIME_ID = 'lagebild@test';

/** The received text's damaged words (tests/fixtures/source/READING-NOTES.md); none may reach the reader. */
const DAMAGED = [/\bResort\b/, /Place der/, /Accomplice/, /intestine/i, /optimistic/i, /High-Jobs/];

function strings(content: CardContent): string[] {
  return [
    content.title,
    content.summary,
    ...content.sides.flatMap((side) => [side.name, ...side.positions]),
    content.link.label,
    ...Object.values(content.labels),
  ];
}

describe('cardContent', () => {
  it.each([
    ['de', 'US-Außenminister Antony Blinken', 'in Genf zu einem Krisengespräch über die Ukraine getroffen.'],
    ['en', 'US Secretary of State Antony Blinken', 'in Geneva on Friday, 21 January 2022, for crisis talks on Ukraine.'],
  ] as const)('gives the briefing in %s: title, first sentence of the summary, both sides', (lang, start, end) => {
    const content = cardContent(briefing, lang);
    expect(content.lang).toBe(lang);
    expect(content.title).toBe(briefing.title[lang]);
    expect(content.summary.startsWith(start)).toBe(true);
    expect(content.summary.endsWith(end)).toBe(true);
    expect(content.sides.map((s) => s.name)).toEqual(briefing.sides.map((s) => s.name[lang]));
    expect(content.sides.map((s) => s.positions)).toEqual(briefing.sides.map((s) => s.positions.map((p) => p.text[lang])));
    expect(content.link.url).toBe(`https://www.handelsblatt.com/politik/international/ukraine-konflikt-gespraech-blinken-lawrow-vorzeitig-beendet-us-aussenminister-warnt-vor-eskalation/${briefing.articleId}.html`);
  });

  it('has every text filled in, in its own language, and no damaged word', () => {
    const [de, en] = [cardContent(briefing, 'de'), cardContent(briefing, 'en')];
    for (const content of [de, en]) {
      for (const text of strings(content)) {
        expect(text.trim()).not.toBe('');
        for (const pattern of DAMAGED) expect(text).not.toMatch(pattern);
      }
    }
    const pairs = strings(de).map((text, i) => [text, strings(en)[i]]);
    expect(pairs.filter(([a, b]) => a === b)).toEqual([]);
  });
});

describe('the card summary, the first sentence of the briefing summary', () => {
  it.each([
    ['Sie trafen sich am 21. Januar 2022 in Genf. Danach sprachen sie.', 'Sie trafen sich am 21. Januar 2022 in Genf.'],
    ['Wer kam? Niemand.', 'Wer kam?'],
    ['  Ohne Punkt am Ende ', 'Ohne Punkt am Ende'],
    ['Version 2.0 kam. Dann 3.0.', 'Version 2.0 kam.'],
  ])('%j → %j', (text, sentence) => {
    expect(cardContent({ ...briefing, summary: { de: text, en: text } }, 'de').summary).toBe(sentence);
  });
});

type Listener = (raw: unknown, sender: { id?: string; tab?: { id: number } }, sendResponse: (answer: unknown) => void) => boolean;

const api = vi.hoisted(() => ({
  listener: null as Listener | null,
  uiLanguage: 'de-DE',
  stored: new Map<string, unknown>(),
}));

vi.mock('webextension-polyfill', () => {
  const area = {
    get: (key: string) => Promise.resolve(api.stored.has(key) ? { [key]: api.stored.get(key) } : {}),
    set: () => Promise.resolve(),
  };
  const browser = {
    runtime: {
      id: 'lagebild@test',
      onMessage: {
        addListener: (l: Listener) => {
          api.listener = l;
        },
      },
      onInstalled: { addListener: () => undefined },
      onStartup: { addListener: () => undefined },
      getManifest: () => ({ host_permissions: ['*://*.handelsblatt.com/*'] }),
    },
    tabs: { onUpdated: { addListener: () => undefined } },
    i18n: { getUILanguage: () => api.uiLanguage, getMessage: (key: string) => key },
    storage: { sync: area, local: area, onChanged: { addListener: () => undefined } },
    action: { setBadgeText: () => Promise.resolve(), setBadgeBackgroundColor: () => Promise.resolve(), setTitle: () => Promise.resolve() },
    commands: { onCommand: { addListener: () => undefined } },
  };
  // shared/browser.ts reads the global, as content scripts and the background's settings reader do.
  (globalThis as { browser?: unknown }).browser = browser;
  return { default: browser };
});

describe('the background answering card requests', () => {
  beforeAll(async () => {
    await import('../../src/background/index');
  });
  beforeEach(() => {
    api.stored.clear();
    api.uiLanguage = 'de-DE';
  });

  /** Delivers a card request as the browser does; undefined when the background leaves it unanswered. */
  const ask = (sender: { id?: string; tab?: { id: number } } = { id: RUNTIME_ID, tab: { id: 3 } }) =>
    new Promise<unknown>((resolve) => {
      if (!api.listener!({ type: 'lagebild/card' }, sender, resolve)) resolve(undefined);
    });

  it('answers its own content scripts in the language the reader chose', async () => {
    expect(await ask()).toEqual(cardContent(briefing, 'de'));
    api.stored.set(SETTINGS_KEY, { language: 'en' });
    expect(await ask()).toEqual(cardContent(briefing, 'en'));
  });

  it('follows the browser when the choice is automatic', async () => {
    api.uiLanguage = 'fr-FR';
    expect(await ask()).toEqual(cardContent(briefing, 'en'));
  });

  it('ignores other extensions and senders without a tab', async () => {
    expect(await ask({ id: 'someone-else', tab: { id: 3 } })).toBeUndefined();
    expect(await ask({ id: RUNTIME_ID })).toBeUndefined();
  });
});
