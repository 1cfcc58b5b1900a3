// @vitest-environment happy-dom
/** The options page (every switch), with the extension API faked. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/core/settings';
import { VISITS_KEY, recordVisit } from '../../src/core/liveblog/visits';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { openOptionsPage, settingsLoaded, storedSettings } from '../support/extension-pages';

beforeEach(() => {
  vi.stubGlobal('browser', resetFakeBrowser());
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the options page', () => {
  const checkbox = (key: string): HTMLInputElement => document.querySelector<HTMLInputElement>(`#setting-${key}`)!;

  function toggle(key: string): void {
    checkbox(key).checked = !checkbox(key).checked;
    checkbox(key).dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('shows every stored value once loaded, and not before', async () => {
    fakeBrowser.storage.sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, quietReading: true, hideJobAds: false, entryMarkers: false });
    openOptionsPage();
    expect(checkbox('hideJobAds').disabled).toBe(true);
    await settingsLoaded();
    expect(['hideJobAds', 'quietReading', 'cardOnLiveblog', 'cardOnArticles', 'entryMarkers'].map((key) => checkbox(key).checked)).toEqual([false, true, true, false, false]);
    expect(document.querySelector(`label[for="setting-hideJobAds"]`)?.textContent).toBe('Job-Anzeigen ausblenden');
    expect(document.title).toBe('Lagebild – Einstellungen');
  });

  it('names quiet reading for what it hides: the newsroom’s reading tips, not adverts', () => {
    for (const [uiLanguage, label, hint] of [
      ['de', 'Lesetipp-Kästen „Lesen Sie hier mehr“ im Artikel ausblenden', 'Redaktionelle Verweise auf weitere Handelsblatt-Artikel, keine Werbung.'],
      ['en', 'Hide the “Lesen Sie hier mehr” boxes of reading tips in articles', 'Editorial links to more Handelsblatt articles, not adverts.'],
    ] as const) {
      openOptionsPage({ uiLanguage });
      expect(document.querySelector('label[for="setting-quietReading"]')?.textContent).toBe(label);
      expect(document.getElementById(checkbox('quietReading').getAttribute('aria-describedby')!)?.textContent).toBe(hint);
      expect(label).not.toMatch(/Werb|advert|promot/i);
    }
  });

  it('saves a change to storage.sync', async () => {
    openOptionsPage();
    await settingsLoaded();
    toggle('quietReading');
    await vi.waitFor(() => {
      expect(storedSettings('sync')?.quietReading).toBe(true);
    });
    expect(storedSettings('sync')?.hideJobAds).toBe(true);
  });

  it('falls back to storage.local when sync fails', async () => {
    fakeBrowser.storage.sync.failWith = new Error('sync is disabled');
    openOptionsPage();
    await settingsLoaded();
    toggle('hideJobAds');
    await vi.waitFor(() => {
      expect(storedSettings('local')?.hideJobAds).toBe(false);
    });
    expect(checkbox('hideJobAds').checked).toBe(false);
  });

  it('puts a switch back and says so when nothing can be stored', async () => {
    openOptionsPage();
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
    openOptionsPage();
    await settingsLoaded();
    expect(checkbox('cardOnLiveblog').checked).toBe(false);
    toggle('cardOnLiveblog');
    await vi.waitFor(() => {
      expect(storedSettings('sync')).toMatchObject({ cardOnLiveblog: true, cardDismissed: false });
    });
  });

  it('follows changes made elsewhere while open', async () => {
    openOptionsPage();
    await settingsLoaded();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, hideJobAds: false } });
    expect(checkbox('hideJobAds').checked).toBe(false);
  });

  it('counts the live blogs remembered and forgets them all at a click; the switch turns remembering off', async () => {
    const two = recordVisit(recordVisit(undefined, { blog: '1', start: 1, keys: ['a'] }).record, { blog: '2', start: 2, keys: ['b'] }).record;
    fakeBrowser.storage.local.data.set(VISITS_KEY, two);
    openOptionsPage();
    await settingsLoaded();
    const forget = document.querySelector<HTMLButtonElement>('.visits-forget')!;
    await vi.waitFor(() => {
      expect(document.querySelector('.visits-count')?.textContent).toBe('2 Liveblogs gemerkt.');
    });
    expect(forget.disabled).toBe(false);
    forget.click();
    await vi.waitFor(() => {
      expect(document.querySelector('.visits-count')?.textContent).toBe('Kein Liveblog gemerkt.');
    });
    expect(fakeBrowser.storage.local.data.has(VISITS_KEY)).toBe(false);
    expect(forget.disabled).toBe(true);
    expect(checkbox('rememberVisits').checked).toBe(true);
    toggle('rememberVisits');
    await vi.waitFor(() => {
      expect(storedSettings('sync')?.rememberVisits).toBe(false);
    });
  });
});
