// @vitest-environment happy-dom
/**
 * The popup (one screen: status, job-ad switch, gist, the two sides, the way to the side panel),
 * with the extension API faked; the options page has tests/unit/options-page.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { briefing } from '../../src/briefing/index';
import { PAGE_KINDS, type PageKind, type Signal } from '../../src/core/page';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/core/settings';
import { dateElement } from '../../src/ui/dom';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import {
  answered, answerWith, openOptionsPage, openPanel, openPopup, sentence, settingsLoaded, statusSection, storedSettings, tabStatus,
} from '../support/extension-pages';

beforeEach(() => {
  vi.stubGlobal('browser', resetFakeBrowser());
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the popup at first', () => {
  it('shows the status, the job-ad switch, the gist, the two sides and the way to the side panel, before anything is awaited', () => {
    answerWith(new Promise(() => undefined));
    openPopup();
    expect(statusSection().dataset.statusKind).toBe('loading');
    expect(sentence()).toBe('Prüfe diesen Tab …');
    expect([...document.querySelectorAll('input[data-setting]')].map((input) => input.id)).toEqual(['setting-hideJobAds']);
    expect(document.querySelector('#briefing h2')?.textContent).toBe('Gipfel am See');
    expect(document.querySelector('#briefing .summary')?.textContent).toBe('Zwei Seiten trafen sich.');
    expect([...document.querySelectorAll('.compare li')].map((li) => li.textContent)).toEqual(['Nordland: Will reden.', 'Südland: Will Garantien.']);
    expect(document.querySelector('#beside-article')?.textContent).toBe('Neben dem Artikel');
    expect(document.querySelector('#more-settings')?.textContent).toBe('Weitere Einstellungen');
    expect(document.querySelector('#briefing .kicker')?.textContent).toBe('Briefing · 4. März 2020');
    // The rest of the briefing is the side panel's.
    expect(document.querySelectorAll('.timeline, .facts, .sources, button[data-quote-id]')).toHaveLength(0);
    expect(document.documentElement.dataset.page).toBe('popup');
  });

  it('says it all in English for English readers', () => {
    openPopup({ uiLanguage: 'en-US' });
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('#beside-article')?.textContent).toBe('Beside the article');
    expect([...document.querySelectorAll('.compare li')].map((li) => li.textContent)).toEqual(['Northland: Wants to talk.', 'Southland: Wants guarantees.']);
  });

  it('writes dates the way each language does, and leaves an odd one as it came', () => {
    expect(dateElement('2022-01-21', 'de').textContent).toBe('21. Januar 2022');
    expect(dateElement('2022-01-21', 'en').textContent).toBe('21 January 2022');
    expect(dateElement('2022-13-01', 'en').textContent).toBe('2022-13-01');
    expect(dateElement('Januar', 'de').textContent).toBe('Januar');
  });

  it.each([
    ['popup', openPopup],
    ['side panel', openPanel],
    ['options page', openOptionsPage],
  ] as const)('the %s has landmarks, headings in order and named sections', (_page, open) => {
    open();
    expect(document.querySelector('header h1')).not.toBeNull();
    expect(document.querySelector('main')).not.toBeNull();
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((heading) => Number(heading.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level - levels[index - 1]!).toBeLessThanOrEqual(1);
    });
    for (const section of document.querySelectorAll('section')) {
      const labelledBy = section.getAttribute('aria-labelledby');
      const name = labelledBy ? document.getElementById(labelledBy)?.textContent : section.getAttribute('aria-label');
      expect(name, section.id).toBeTruthy();
    }
  });
});

describe('the live blog since the last visit', () => {
  const at13 = new Date(2022, 0, 21, 13, 0).getTime();
  const liveblog = (fresh: number | null, lastVisit: number | null) => ({ ...tabStatus('ukraine-liveblog'), liveblog: { related: 5, total: 30, fresh, lastVisit } });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2022, 0, 21, 18, 0));
  });

  it.each([
    [2, '2 neue Einträge zu den Gesprächen seit Ihrem letzten Besuch (13:00).', '2 new entries on the talks since your last visit (13:00).'],
    [1, '1 neuer Eintrag zu den Gesprächen seit Ihrem letzten Besuch (13:00).', '1 new entry on the talks since your last visit (13:00).'],
    [0, 'Nichts Neues zu den Gesprächen seit Ihrem letzten Besuch (13:00).', 'Nothing new on the talks since your last visit (13:00).'],
  ])('with %i new says so, in both languages', async (fresh, de, en) => {
    answerWith(liveblog(fresh, at13));
    openPopup();
    await answered();
    expect(sentence()).toBe(`Der Ukraine-Liveblog des Handelsblatts. Das Briefing unten liefert den Hintergrund. 5 Einträge zu den Gesprächen. ${de}`);
    openPopup({ uiLanguage: 'en' });
    await answered();
    expect(sentence()).toMatch(new RegExp(`${en.replace(/[().]/g, '\\$&')}$`));
  });

  it('says nothing of it on a first visit, or when visits are not remembered', async () => {
    answerWith(liveblog(null, null));
    openPopup();
    await answered();
    expect(sentence()).toBe('Der Ukraine-Liveblog des Handelsblatts. Das Briefing unten liefert den Hintergrund. 5 Einträge zu den Gesprächen.');
  });

  it('on a blog with nothing about the talks, says that once, not again as "nothing new"', async () => {
    answerWith({ ...tabStatus('ukraine-liveblog'), liveblog: { related: 0, total: 30, fresh: 0, lastVisit: at13 } });
    openPopup();
    await answered();
    expect(sentence()).toBe('Der Ukraine-Liveblog des Handelsblatts. Kein Eintrag zu den Gesprächen in Genf.');
  });

  it('gives the day of a visit before today', async () => {
    answerWith(liveblog(3, new Date(2022, 0, 20, 9, 5).getTime()));
    openPopup();
    await answered();
    expect(sentence()).toContain('seit Ihrem letzten Besuch (20.01., 09:05).');
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
    [0, 'Der Ukraine-Liveblog des Handelsblatts. Kein Eintrag zu den Gesprächen in Genf.', "Handelsblatt's Ukraine live blog. No entry about the Geneva talks."],
    [3, 'Der Ukraine-Liveblog des Handelsblatts. Das Briefing unten liefert den Hintergrund. 3 Einträge zu den Gesprächen.',
      "Handelsblatt's Ukraine live blog. The briefing below gives the background. 3 entries about the talks."],
  ])('on a live blog with %i entries about the talks, counts them, and says calmly when there are none', async (related, de, en) => {
    answerWith({ ...tabStatus('ukraine-liveblog'), liveblog: { related, total: 40 } });
    openPopup();
    await answered();
    expect(sentence()).toBe(de);
    openPopup({ uiLanguage: 'en' });
    await answered();
    expect(sentence()).toBe(en);
  });

  it.each([
    [[], DEFAULT_SETTINGS, 'Hier war nichts auszublenden.', 'There was nothing to hide here.'],
    [[], { ...DEFAULT_SETTINGS, hideJobAds: false, quietReading: false }, 'Das Ausblenden ist abgeschaltet.', 'Hiding is switched off.'],
    [[{ rule: 'jobs', count: 1 }], DEFAULT_SETTINGS, 'Das Stellenangebot-Widget „Top-Jobs des Tages“ ausgeblendet.', 'Hid the job-ad widget “Top-Jobs des Tages”.'],
    [[{ rule: 'jobs', count: 2 }], DEFAULT_SETTINGS, '2 Stellenangebot-Widgets „Top-Jobs des Tages“ ausgeblendet.', 'Hid 2 job-ad widgets “Top-Jobs des Tages”.'],
    [
      [{ rule: 'jobs', count: 1 }, { rule: 'teasers', count: 3 }],
      { ...DEFAULT_SETTINGS, quietReading: true },
      'Das Stellenangebot-Widget „Top-Jobs des Tages“ ausgeblendet. 3 Lesetipp-Kästen „Lesen Sie hier mehr“ ausgeblendet.',
      'Hid the job-ad widget “Top-Jobs des Tages”. Hid 3 “Lesen Sie hier mehr” boxes of reading tips.',
    ],
  ] as const)('says in a reader’s words what was hidden: %j', async (hidden, settings, german, english) => {
    answerWith(tabStatus('ukraine-article', { hidden: [...hidden], settings }));
    openPopup();
    await answered();
    expect(sentence()).toBe(`${hidden.length ? 'Ein Ukraine-Artikel des Handelsblatts. ' : 'Ein Ukraine-Artikel des Handelsblatts. '}${german}`);
    openPopup({ uiLanguage: 'en-GB' });
    await answered();
    expect(sentence()).toBe(`A Handelsblatt article on Ukraine. ${english}`);
  });

  it('lists under "Warum?" each kind of evidence once, in the reader’s language, without the script’s internal labels', async () => {
    const signals: Signal[] = [
      { source: 'host', detail: 'host: www.handelsblatt.com', weight: 0 },
      { source: 'article-id', detail: 'article ID 27996778 (url)', weight: 0 },
      { source: 'headline', detail: 'lead: Ukraine', weight: 1 },
      { source: 'headline', detail: 'headline: Ukraine', weight: 3 },
      { source: 'kicker', detail: 'kicker: Ukraine-Konflikt', weight: 2 },
      { source: 'json-ld', detail: 'JSON-LD NewsArticle', weight: 0 },
      { source: 'mystery' as Signal['source'], detail: 'neu', weight: 1 },
    ];
    answerWith(tabStatus('ukraine-article', { headline: 'Blinken warnt Moskau', signals }));
    openPopup();
    await answered();
    const why = statusSection().querySelector('details')!;
    expect(why.querySelector('summary')?.textContent).toBe('Warum?');
    const items = [...why.querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toEqual([
      'Die Seite liegt auf handelsblatt.com.',
      'Die Seite trägt eine Artikelnummer des Handelsblatts.',
      'Überschrift oder Vorspann nennen die Ukraine oder Russland.',
      'Die Dachzeile über der Überschrift nennt die Ukraine oder Russland.',
    ]);
    expect(new Set(items).size).toBe(items.length);
    for (const item of items) expect(item).not.toMatch(/article ID|lead|headline|kicker|JSON|mystery|host:|\d{6,}/);
    expect(statusSection().querySelector('.status-headline')?.textContent).toBe('Blinken warnt Moskau');

    openPopup({ uiLanguage: 'en' });
    await answered();
    expect([...statusSection().querySelectorAll('.why li')].map((item) => item.textContent)).toEqual([
      'The page is on handelsblatt.com.',
      'The page carries a Handelsblatt article number.',
      'The headline or the standfirst names Ukraine or Russia.',
      'The line above the headline names Ukraine or Russia.',
    ]);
  });

  it('reads a tab without a content script as not Handelsblatt, and says why; the popup asks for no quotes', async () => {
    openPopup();
    await answered();
    expect(fakeBrowser.tabs.sent).toEqual([{ tabId: 7, message: { type: 'lagebild/status', quotes: [] } }]);
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

describe('the way on from the popup', () => {
  it('opens the side panel in the reader’s click, in the tab’s window, and closes the popup', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    answerWith(tabStatus('ukraine-article'));
    openPopup();
    await answered();
    document.querySelector<HTMLButtonElement>('#beside-article')!.click();
    // Synchronously: a browser allows the panel only within the reader's gesture.
    expect(fakeBrowser.sidePanel.opened).toEqual([{ windowId: 3 }]);
    await vi.waitFor(() => {
      expect(close).toHaveBeenCalled();
    });
  });

  it('says so when the panel cannot open', async () => {
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    fakeBrowser.sidePanel.open = () => Promise.reject(new Error('no gesture'));
    answerWith(tabStatus('article'));
    openPopup();
    await answered();
    document.querySelector<HTMLButtonElement>('#beside-article')!.click();
    await vi.waitFor(() => {
      expect(document.querySelector('.action-feedback')?.textContent).toBe('Die Seitenleiste ließ sich nicht öffnen.');
    });
  });

  it('opens the options page for the other settings', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    openPopup();
    document.querySelector<HTMLButtonElement>('#more-settings')!.click();
    expect(fakeBrowser.runtime.optionsOpened).toBe(1);
    await vi.waitFor(() => {
      expect(close).toHaveBeenCalled();
    });
  });

  it('saves the job-ad switch from the popup', async () => {
    openPopup();
    await settingsLoaded();
    const input = document.querySelector<HTMLInputElement>('#setting-hideJobAds')!;
    input.checked = false;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => {
      expect(storedSettings('sync')?.hideJobAds).toBe(false);
    });
  });
});

describe('language switch', () => {
  it('redraws the popup in the other language, keeps focus and remembers the choice', async () => {
    answerWith(tabStatus('ukraine-article', { hidden: [{ rule: 'jobs', count: 2 }] }));
    const { remembered } = openPopup();
    await answered();
    await settingsLoaded();
    const english = document.querySelector<HTMLInputElement>('#language-en')!;
    english.focus();
    english.click();

    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('#briefing h2')?.textContent).toBe('Summit by the lake');
    expect(document.querySelector('#status-heading')?.textContent).toBe('This tab');
    expect(sentence()).toBe('A Handelsblatt article on Ukraine. Hid 2 job-ad widgets “Top-Jobs des Tages”.');
    expect(document.querySelector('label[for="setting-hideJobAds"]')?.textContent).toBe('Hide job ads');
    expect(document.querySelector<HTMLInputElement>('#setting-hideJobAds')?.disabled).toBe(false);
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

describe('the entries', () => {
  async function runEntry(page: 'popup' | 'panel' | 'options'): Promise<void> {
    const root = document.createElement('div');
    root.id = 'app';
    document.body.replaceChildren(root);
    vi.resetModules();
    if (page === 'popup') await import('../../src/popup/main');
    else if (page === 'panel') await import('../../src/panel/main');
    else await import('../../src/options/main');
  }

  afterEach(() => {
    localStorage.clear();
  });

  it('the popup draws the bundled gist in the browser language', async () => {
    fakeBrowser.i18n.uiLanguage = 'en-US';
    await runEntry('popup');
    expect(document.querySelector('#briefing h2')?.textContent).toBe(briefing.title.en);
    expect(document.querySelector('#briefing .summary')?.textContent).toBe(briefing.gist.en);
  });

  it('the side panel draws the whole bundled briefing, every quote with its button', async () => {
    fakeBrowser.i18n.uiLanguage = 'en-US';
    await runEntry('panel');
    expect(document.querySelector('#briefing .summary')?.textContent).toBe(briefing.summary.en);
    expect(document.querySelectorAll('button[data-quote-id]')).toHaveLength(briefing.sides.flatMap((s) => s.positions).length);
    expect(document.documentElement.dataset.page).toBe('panel');
  });

  it('the options page draws every switch', async () => {
    await runEntry('options');
    expect(document.querySelectorAll('input[data-setting]')).toHaveLength(6);
  });

  it('starts in the language remembered from the last visit, before storage answers', async () => {
    fakeBrowser.i18n.uiLanguage = 'en-US';
    localStorage.setItem('lagebild.language', 'de');
    fakeBrowser.storage.sync.get = () => new Promise(() => undefined);
    await runEntry('popup');
    expect(document.querySelector('#briefing h2')?.textContent).toBe(briefing.title.de);
    expect(document.documentElement.lang).toBe('de');
  });

  it('remembers a choice for the next visit, on any of the pages', async () => {
    fakeBrowser.i18n.uiLanguage = 'de-DE';
    await runEntry('options');
    document.querySelector<HTMLInputElement>('#language-en')!.click();
    expect(localStorage.getItem('lagebild.language')).toBe('en');
    await runEntry('panel');
    expect(document.documentElement.lang).toBe('en');
  });
});
