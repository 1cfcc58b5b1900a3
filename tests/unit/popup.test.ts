// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allQuotes, briefing } from '../../src/briefing/index';
import type { Briefing } from '../../src/briefing/types';
import { PAGE_KINDS, type PageKind, type Signal } from '../../src/core/page';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type LanguageChoice, type Settings } from '../../src/core/settings';
import { startPopup } from '../../src/popup/app';
import { dateElement } from '../../src/popup/dom';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';

/** A briefing about nothing real, so the view is shown to know nothing about Geneva. */
const testBriefing: Briefing = {
  id: 'test-briefing',
  date: '2020-03-04',
  articleId: '12345678',
  title: { de: 'Gipfel am See', en: 'Summit by the lake' },
  summary: { de: 'Zwei Seiten trafen sich.', en: 'Two sides met.' },
  facts: [
    { label: { de: 'Wann', en: 'When' }, value: { de: 'Mittwoch', en: 'Wednesday' } },
    { label: { de: 'Wo', en: 'Where' }, value: { de: 'Am See', en: 'By the lake' } },
  ],
  sides: [
    {
      id: 'north',
      name: { de: 'Nordland', en: 'Northland' },
      speaker: { de: 'Anna Nord, Ministerin', en: 'Anna Nord, minister' },
      positions: [
        {
          text: { de: 'Nordland will reden.', en: 'Northland wants to talk.' },
          quote: { id: 'north-talk', speaker: 'Anna Nord', de: 'Wir reden weiter.', en: 'We keep talking.', enIsOriginal: true },
        },
      ],
    },
    {
      id: 'south',
      name: { de: 'Südland', en: 'Southland' },
      speaker: { de: 'Bert Süd, Minister', en: 'Bert Süd, minister' },
      positions: [
        {
          text: { de: 'Südland will Garantien.', en: 'Southland wants guarantees.' },
          quote: { id: 'south-guarantee', speaker: 'Bert Süd', de: 'Wir brauchen Garantien.', en: 'We need guarantees.', enIsOriginal: false },
        },
        {
          text: { de: 'Südland droht nicht.', en: 'Southland makes no threats.' },
          quote: { id: 'south-threat', speaker: 'Bert Süd', de: 'Wir drohen niemandem.', en: 'We threaten no one.', enIsOriginal: false },
        },
      ],
    },
  ],
  timeline: [
    { date: '2020-03-01', text: { de: 'Vorgespräch', en: 'Preliminary talks' }, later: false },
    { date: '2020-03-04', text: { de: 'Gipfel', en: 'Summit' }, later: false, current: true },
    { date: '2020-04-01', text: { de: 'Antwort', en: 'Reply' }, later: true },
  ],
  sources: [
    { publisher: 'Seeblatt', title: { de: 'Bericht', en: 'Report' }, date: '2020-03-04', url: 'https://example.org/bericht' },
    { publisher: 'Amt', title: { de: 'Mitschrift', en: 'Transcript' }, date: '2020-03-04', url: 'https://example.org/mitschrift' },
  ],
};

interface StatusParts {
  hiddenCount?: number;
  quotesFound?: string[];
  signals?: Signal[];
  headline?: string | null;
  settings?: Settings;
}

function tabStatus(kind: PageKind, parts: StatusParts = {}) {
  return {
    verdict: {
      kind,
      articleId: '12345678',
      aboutUkraine: kind.startsWith('ukraine'),
      score: 4,
      headline: parts.headline ?? null,
      signals: parts.signals ?? [{ source: 'host', detail: 'www.handelsblatt.com', weight: 0 }],
    },
    hiddenCount: parts.hiddenCount ?? 0,
    settings: parts.settings ?? DEFAULT_SETTINGS,
    quotesFound: parts.quotesFound ?? [],
  };
}

function answerWith(answer: unknown): void {
  fakeBrowser.tabs.respond = () => answer;
}

function openPopup(options: { uiLanguage?: string; rememberedChoice?: LanguageChoice } = {}) {
  const root = document.createElement('div');
  root.id = 'app';
  document.body.replaceChildren(root);
  const remembered: LanguageChoice[] = [];
  startPopup(root, {
    briefing: testBriefing,
    uiLanguage: options.uiLanguage ?? 'de-DE',
    rememberedChoice: options.rememberedChoice ?? 'auto',
    rememberChoice: (choice) => remembered.push(choice),
  });
  return { root, remembered };
}

const statusSection = (): HTMLElement => document.querySelector<HTMLElement>('#status')!;
const sentence = (): string => statusSection().querySelector('.status-sentence')!.textContent;

async function answered(): Promise<void> {
  await vi.waitFor(() => {
    expect(statusSection().dataset.statusKind).not.toBe('loading');
  });
}

async function settingsLoaded(): Promise<void> {
  await vi.waitFor(() => {
    expect(document.querySelector<HTMLInputElement>('#setting-hideJobAds')!.disabled).toBe(false);
  });
}

function storedSettings(area: 'sync' | 'local'): Settings | undefined {
  return fakeBrowser.storage[area].data.get(SETTINGS_KEY) as Settings | undefined;
}

beforeEach(() => {
  vi.stubGlobal('browser', resetFakeBrowser());
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('first render', () => {
  it('shows the whole briefing and a loading status before anything is awaited', () => {
    answerWith(new Promise(() => undefined));
    openPopup();
    expect(statusSection().dataset.statusKind).toBe('loading');
    expect(sentence()).toBe('Prüfe diesen Tab …');
    expect(document.querySelector('#briefing h2')?.textContent).toBe('Gipfel am See');
    expect(document.querySelectorAll('.side')).toHaveLength(2);
    expect(document.querySelectorAll('.facts dt')).toHaveLength(2);
    expect(document.querySelectorAll('.timeline li')).toHaveLength(3);
    expect(document.querySelectorAll('.sources a')).toHaveLength(2);
    expect(document.documentElement.lang).toBe('de');
    expect(document.querySelector('#briefing .kicker')?.textContent).toBe('Briefing · 4. März 2020');
  });

  it('writes dates the way each language does, and leaves an odd one as it came', () => {
    expect(dateElement('2022-01-21', 'de').textContent).toBe('21. Januar 2022');
    expect(dateElement('2022-01-21', 'en').textContent).toBe('21 January 2022');
    expect(dateElement('2022-13-01', 'en').textContent).toBe('2022-13-01');
    expect(dateElement('Januar', 'de').textContent).toBe('Januar');
  });

  it('has landmarks and headings in order', () => {
    openPopup();
    expect(document.querySelector('header h1')).not.toBeNull();
    expect(document.querySelector('main #status')).not.toBeNull();
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((heading) => Number(heading.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level - levels[index - 1]!).toBeLessThanOrEqual(1);
    });
    for (const section of document.querySelectorAll('section')) {
      const labelledBy = section.getAttribute('aria-labelledby');
      expect(labelledBy && document.getElementById(labelledBy)?.textContent).toBeTruthy();
    }
  });

  it('follows the browser language when the reader never chose', () => {
    openPopup({ uiLanguage: 'en-US' });
    expect(document.querySelector('#briefing h2')?.textContent).toBe('Summit by the lake');
    expect(document.documentElement.lang).toBe('en');
    openPopup({ uiLanguage: 'de-AT' });
    expect(document.querySelector('#briefing h2')?.textContent).toBe('Gipfel am See');
  });

  it('marks later events and highlights the current one', () => {
    openPopup();
    const [before, current, later] = document.querySelectorAll('.timeline li');
    expect(before?.textContent).not.toContain('später');
    expect(current?.getAttribute('aria-current')).toBe('true');
    expect(current?.classList.contains('current')).toBe(true);
    expect(later?.querySelector('.badge')?.textContent).toBe('später');
    expect(later?.querySelector('time')?.getAttribute('datetime')).toBe('2020-04-01');
  });

  it('opens every link in a new tab without handing over the opener', () => {
    openPopup();
    const links = [...document.querySelectorAll('a')];
    expect(links.map((link) => link.href)).toContain('https://www.handelsblatt.com/27982126.html');
    for (const link of links) {
      expect(link.target).toBe('_blank');
      expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      expect(document.getElementById(link.getAttribute('aria-describedby')!)?.textContent).toBe('öffnet in einem neuen Tab');
    }
  });
});

describe('status of the tab', () => {
  const expected: Record<PageKind, string> = {
    'ukraine-article': 'Ein Ukraine-Artikel des Handelsblatts. Hier war nichts auszublenden.',
    'ukraine-liveblog': 'Der Ukraine-Liveblog des Handelsblatts. Das Briefing unten liefert den Hintergrund.',
    article: 'Ein Handelsblatt-Artikel, aber keiner über die Ukraine.',
    'handelsblatt-page': 'Eine Seite des Handelsblatts, aber kein Artikel.',
    'not-handelsblatt': 'Lagebild hat in diesem Tab keine Handelsblatt-Seite gefunden.',
  };

  it.each(PAGE_KINDS)('says what a %s is, in both languages', async (kind) => {
    answerWith(tabStatus(kind));
    openPopup();
    await answered();
    expect(statusSection().dataset.statusKind).toBe(kind);
    expect(sentence()).toBe(expected[kind]);

    openPopup({ uiLanguage: 'en' });
    await answered();
    expect(sentence()).toMatch(/^[A-Z].+\.$/);
    for (const text of [sentence(), document.body.textContent]) expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it.each([
    [0, DEFAULT_SETTINGS, 'Hier war nichts auszublenden.', 'There was nothing to hide here.'],
    [0, { ...DEFAULT_SETTINGS, hideJobAds: false, quietReading: false }, 'Das Ausblenden ist abgeschaltet.', 'Hiding is switched off.'],
    [1, DEFAULT_SETTINGS, 'Lagebild hat einen Block ausgeblendet.', 'Lagebild hid one block.'],
    [3, DEFAULT_SETTINGS, 'Lagebild hat 3 Blöcke ausgeblendet.', 'Lagebild hid 3 blocks.'],
  ])('counts %i hidden blocks in a Ukraine article', async (hiddenCount, settings, german, english) => {
    answerWith(tabStatus('ukraine-article', { hiddenCount, settings }));
    openPopup();
    await answered();
    expect(sentence()).toContain(german);
    openPopup({ uiLanguage: 'en-GB' });
    await answered();
    expect(sentence()).toContain(english);
  });

  it('lists the signals under "Warum?" and shows the headline', async () => {
    answerWith(
      tabStatus('ukraine-article', {
        headline: 'Blinken warnt Moskau',
        signals: [
          { source: 'article-id', detail: '27996778', weight: 0 },
          { source: 'kicker', detail: 'Ukraine-Konflikt', weight: 3 },
          { source: 'mystery' as Signal['source'], detail: 'neu', weight: 1 },
        ],
      }),
    );
    openPopup();
    await answered();
    const why = statusSection().querySelector('details')!;
    expect(why.querySelector('summary')?.textContent).toBe('Warum?');
    expect([...why.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['Artikel-ID 27996778', 'Dachzeile Ukraine-Konflikt', 'mystery neu']);
    expect(statusSection().querySelector('.status-headline')?.textContent).toBe('Blinken warnt Moskau');
  });

  it('reads a tab without a content script as not Handelsblatt, and says why', async () => {
    openPopup();
    await answered();
    expect(fakeBrowser.tabs.sent).toEqual([
      {
        tabId: 7,
        message: {
          type: 'lagebild/status',
          quotes: [
            { id: 'north-talk', text: 'Wir reden weiter.' },
            { id: 'south-guarantee', text: 'Wir brauchen Garantien.' },
            { id: 'south-threat', text: 'Wir drohen niemandem.' },
          ],
        },
      },
    ]);
    expect(statusSection().dataset.statusKind).toBe('not-handelsblatt');
    expect(sentence()).toBe('Lagebild hat in diesem Tab keine Handelsblatt-Seite gefunden.');
    expect(statusSection().querySelector('details')?.textContent).toContain('laden Sie ihn einmal neu');
  });

  it('stops waiting for a content script that never answers', async () => {
    vi.useFakeTimers();
    answerWith(new Promise(() => undefined));
    openPopup();
    await vi.advanceTimersByTimeAsync(599);
    expect(statusSection().dataset.statusKind).toBe('loading');
    await vi.advanceTimersByTimeAsync(1);
    expect(statusSection().dataset.statusKind).toBe('not-handelsblatt');
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'ok'],
    ['an unknown kind', { ...tabStatus('article'), verdict: { ...tabStatus('article').verdict, kind: 'homepage' } }],
    ['a count that is not a number', { ...tabStatus('ukraine-article'), hiddenCount: Number.NaN }],
    ['no verdict', { hiddenCount: 1, quotesFound: ['north-talk'] }],
  ])('answers calmly when the content script sends %s', async (_label, answer) => {
    answerWith(answer);
    openPopup();
    await answered();
    expect(sentence()).toBe('Lagebild hat in diesem Tab keine Handelsblatt-Seite gefunden.');
    expect(document.body.textContent).not.toMatch(/undefined|null|NaN|Error|Fehler/);
    expect(document.querySelectorAll('button[data-quote-id]:not(:disabled)')).toHaveLength(0);
  });

  it('announces the answer in the live region that was there while loading', async () => {
    answerWith(tabStatus('article'));
    openPopup();
    const liveRegion = statusSection().querySelector('[role="status"]');
    await answered();
    expect(statusSection().querySelector('[role="status"]')).toBe(liveRegion);
    expect(liveRegion?.textContent).toBe('Ein Handelsblatt-Artikel, aber keiner über die Ukraine.');
  });
});

describe('show in article', () => {
  it('enables exactly the quotes the tab found and asks the tab to show one', async () => {
    answerWith(tabStatus('ukraine-article', { quotesFound: ['south-guarantee', 'not-in-this-briefing'] }));
    openPopup();
    const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('button[data-quote-id]')];
    expect(buttons().map((button) => button.disabled)).toEqual([true, true, true]);
    await answered();
    expect(buttons().map((button) => [button.dataset.quoteId, button.disabled])).toEqual([
      ['north-talk', true],
      ['south-guarantee', false],
      ['south-threat', true],
    ]);
    expect(document.querySelector<HTMLElement>('#quotes-hint')?.hidden).toBe(true);

    fakeBrowser.tabs.respond = (message) => ({ shown: (message as { quote?: { id: string } }).quote?.id === 'south-guarantee' });
    const button = buttons()[1]!;
    expect(button.textContent).toBe('Im Artikel zeigen');
    button.click();
    await vi.waitFor(() => {
      expect(button.parentElement?.querySelector('.quote-feedback')?.textContent).toBe('Die Stelle ist im Artikel markiert.');
    });
    expect(fakeBrowser.tabs.sent.at(-1)).toEqual({
      tabId: 7,
      message: { type: 'lagebild/show-quote', quote: { id: 'south-guarantee', text: 'Wir brauchen Garantien.' } },
    });
  });

  it('keeps the hint while no quote is found', async () => {
    answerWith(tabStatus('ukraine-liveblog'));
    openPopup();
    await answered();
    expect(document.querySelector<HTMLElement>('#quotes-hint')?.hidden).toBe(false);
  });

  it('shows the German words in every language and marks the English as original or translation', () => {
    openPopup();
    expect(document.querySelectorAll('.quote-en')).toHaveLength(0);
    openPopup({ uiLanguage: 'en' });
    const quotes = [...document.querySelectorAll('.quote')];
    expect(quotes.map((quote) => quote.querySelector('blockquote')?.getAttribute('lang'))).toEqual(['de', 'de', 'de']);
    expect(quotes[0]?.querySelector('blockquote')?.textContent).toBe('„Wir reden weiter.“');
    expect(quotes.map((quote) => quote.querySelector('.quote-en')?.textContent)).toEqual([
      'Original wording: “We keep talking.”',
      'Our translation: “We need guarantees.”',
      'Our translation: “We threaten no one.”',
    ]);
    expect(document.querySelector('button[data-quote-id]')?.textContent).toBe('Show in article');
  });
});

describe('settings', () => {
  const checkbox = (key: string): HTMLInputElement => document.querySelector<HTMLInputElement>(`#setting-${key}`)!;

  function toggle(key: string): void {
    checkbox(key).checked = !checkbox(key).checked;
    checkbox(key).dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('shows the stored values once loaded, and not before', async () => {
    fakeBrowser.storage.sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, quietReading: true, hideJobAds: false });
    openPopup();
    expect(checkbox('hideJobAds').disabled).toBe(true);
    await settingsLoaded();
    expect(['hideJobAds', 'quietReading', 'cardOnLiveblog', 'cardOnArticles'].map((key) => checkbox(key).checked)).toEqual([false, true, true, false]);
    expect(document.querySelector(`label[for="setting-hideJobAds"]`)?.textContent).toBe('Job-Anzeigen ausblenden');
  });

  it('saves a change to storage.sync', async () => {
    openPopup();
    await settingsLoaded();
    toggle('quietReading');
    await vi.waitFor(() => {
      expect(storedSettings('sync')?.quietReading).toBe(true);
    });
    expect(storedSettings('sync')?.hideJobAds).toBe(true);
  });

  it('falls back to storage.local when sync fails', async () => {
    fakeBrowser.storage.sync.failWith = new Error('sync is disabled');
    openPopup();
    await settingsLoaded();
    toggle('hideJobAds');
    await vi.waitFor(() => {
      expect(storedSettings('local')?.hideJobAds).toBe(false);
    });
    expect(checkbox('hideJobAds').checked).toBe(false);
  });

  it('puts a switch back and says so when nothing can be stored', async () => {
    openPopup();
    await settingsLoaded();
    fakeBrowser.storage.sync.failWith = new Error('sync is disabled');
    fakeBrowser.storage.local.failWith = new Error('disk full');
    toggle('cardOnArticles');
    await vi.waitFor(() => {
      expect(document.querySelector('.settings-error')?.textContent).toBe('Die Einstellung ließ sich nicht speichern.');
    });
    expect(checkbox('cardOnArticles').checked).toBe(false);
  });

  it('shows a dismissed card as off, and turning it on brings it back', async () => {
    fakeBrowser.storage.sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, cardOnLiveblog: true, cardDismissed: true });
    openPopup();
    await settingsLoaded();
    expect(checkbox('cardOnLiveblog').checked).toBe(false);
    toggle('cardOnLiveblog');
    await vi.waitFor(() => {
      expect(storedSettings('sync')).toMatchObject({ cardOnLiveblog: true, cardDismissed: false });
    });
  });

  it('follows changes made elsewhere while open', async () => {
    openPopup();
    await settingsLoaded();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, hideJobAds: false } });
    expect(checkbox('hideJobAds').checked).toBe(false);
  });
});

describe('language switch', () => {
  it('redraws everything in the other language, keeps focus and remembers the choice', async () => {
    answerWith(tabStatus('ukraine-article', { hiddenCount: 2, quotesFound: ['north-talk'] }));
    const { remembered } = openPopup();
    await answered();
    await settingsLoaded();
    const english = document.querySelector<HTMLInputElement>('#language-en')!;
    english.focus();
    english.click();

    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('#briefing h2')?.textContent).toBe('Summit by the lake');
    expect(document.querySelector('#status-heading')?.textContent).toBe('This tab');
    expect(sentence()).toBe('A Handelsblatt article on Ukraine. Lagebild hid 2 blocks.');
    expect(document.querySelector('#settings-heading')?.textContent).toBe('Settings');
    expect(document.querySelector('.timeline .badge')?.textContent).toBe('later');
    expect(document.querySelector<HTMLButtonElement>('[data-quote-id="north-talk"]')?.disabled).toBe(false);
    expect(document.activeElement?.id).toBe('language-en');
    expect(document.querySelector<HTMLInputElement>('#language-en')?.checked).toBe(true);
    expect(remembered).toEqual(['en']);
    await vi.waitFor(() => {
      expect(storedSettings('sync')?.language).toBe('en');
    });
  });

  it('opens in the stored language even when the browser speaks the other', async () => {
    fakeBrowser.storage.sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, language: 'en' });
    const { remembered } = openPopup({ uiLanguage: 'de-DE' });
    await vi.waitFor(() => {
      expect(document.querySelector('#briefing h2')?.textContent).toBe('Summit by the lake');
    });
    expect(remembered).toEqual(['en']);
  });

  it('starts in the remembered language without waiting for storage', () => {
    openPopup({ uiLanguage: 'de-DE', rememberedChoice: 'en' });
    expect(document.querySelector('#briefing h2')?.textContent).toBe('Summit by the lake');
  });

  it('keeps a choice made while storage was still answering, without flipping back', async () => {
    fakeBrowser.storage.sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, language: 'de' });
    openPopup({ uiLanguage: 'de-DE' });
    // Records carry the value before each change, so every value after the first is the old value of a later record.
    const earlierValues: (string | null)[] = [];
    const observer = new MutationObserver((records) => earlierValues.push(...records.map((record) => record.oldValue)));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], attributeOldValue: true });
    document.querySelector<HTMLInputElement>('#language-en')!.click();
    await settingsLoaded();
    await vi.waitFor(() => {
      expect(storedSettings('sync')?.language).toBe('en');
    });
    observer.disconnect();
    expect([...earlierValues.slice(1), document.documentElement.lang]).not.toContain('de');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the entry', () => {
  async function runEntry(): Promise<void> {
    const root = document.createElement('div');
    root.id = 'app';
    document.body.replaceChildren(root);
    vi.resetModules();
    await import('../../src/popup/main');
  }

  afterEach(() => {
    localStorage.clear();
  });

  it('draws the bundled briefing in the browser language, every quote with its button', async () => {
    fakeBrowser.i18n.uiLanguage = 'en-US';
    await runEntry();
    expect(document.querySelector('#briefing h2')?.textContent).toBe(briefing.title.en);
    expect([...document.querySelectorAll<HTMLElement>('button[data-quote-id]')].map((button) => button.dataset.quoteId)).toEqual(
      allQuotes(briefing).map((quote) => quote.id),
    );
  });

  it('starts in the language remembered from the last visit, before storage answers', async () => {
    fakeBrowser.i18n.uiLanguage = 'en-US';
    localStorage.setItem('lagebild.language', 'de');
    fakeBrowser.storage.sync.get = () => new Promise(() => undefined);
    await runEntry();
    expect(document.querySelector('#briefing h2')?.textContent).toBe(briefing.title.de);
    expect(document.documentElement.lang).toBe('de');
  });

  it('remembers a choice for the next visit', async () => {
    fakeBrowser.i18n.uiLanguage = 'de-DE';
    await runEntry();
    document.querySelector<HTMLInputElement>('#language-en')!.click();
    expect(localStorage.getItem('lagebild.language')).toBe('en');
  });

  describe('the parts below the fold', () => {
    const HELD_BACK = 'before-first-paint';
    const heldBack = (): boolean => document.documentElement.classList.contains(HELD_BACK);

    /** Paint Timing as a browser that reports paints has it; `report` delivers an entry by name. */
    function paintTiming() {
      let callback: ((entries: { getEntriesByName: (name: string) => unknown[] }) => void) | undefined;
      vi.stubGlobal(
        'PerformanceObserver',
        class {
          static readonly supportedEntryTypes = ['paint'];
          constructor(observed: NonNullable<typeof callback>) {
            callback = observed;
          }
          observe(): void {}
          disconnect(): void {}
        },
      );
      return (name: string) => {
        callback?.({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
      };
    }

    beforeEach(() => {
      // As index.html has it.
      document.documentElement.classList.add(HELD_BACK);
    });

    afterEach(() => {
      document.documentElement.classList.remove(HELD_BACK);
    });

    it('are in the document at once and drawn from the first contentful paint on', async () => {
      const report = paintTiming();
      await runEntry();
      expect(document.querySelectorAll('.timeline li')).toHaveLength(briefing.timeline.length);
      expect(document.querySelector('#settings')).not.toBeNull();
      report('first-paint');
      expect(heldBack()).toBe(true);
      report('first-contentful-paint');
      expect(heldBack()).toBe(false);
    });

    it('are drawn after a second when the browser reports no paint', async () => {
      paintTiming();
      vi.useFakeTimers();
      await runEntry();
      vi.advanceTimersByTime(999);
      expect(heldBack()).toBe(true);
      vi.advanceTimersByTime(1);
      expect(heldBack()).toBe(false);
    });

    it('are drawn at once where paints are not reported at all', async () => {
      vi.stubGlobal('PerformanceObserver', { supportedEntryTypes: ['mark', 'measure'] });
      await runEntry();
      expect(heldBack()).toBe(false);
    });
  });
});
