import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/core/settings';
import { loadSettings, saveSettings } from '../../src/shared/runtime';
import { resetFakeBrowser, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;

beforeEach(() => {
  fake = resetFakeBrowser();
  vi.stubGlobal('browser', fake);
});

describe('settings storage', () => {
  it('loads what a save that fell back to storage.local stored, not the older value in sync', async () => {
    await saveSettings({ hideJobAds: true, quietReading: false });
    fake.storage.sync.failWritesWith = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');

    const saved = await saveSettings({ quietReading: true });

    expect(saved.quietReading).toBe(true);
    expect(fake.storage.local.data.has(SETTINGS_KEY)).toBe(true);
    expect(await loadSettings()).toEqual(saved);
  });

  it('keeps a later change to that fallback: the next save starts from the local value', async () => {
    await saveSettings({ quietReading: false, cardOnArticles: false });
    fake.storage.sync.failWritesWith = new Error('MAX_WRITE_OPERATIONS_PER_MINUTE');
    await saveSettings({ quietReading: true });
    fake.storage.sync.failWritesWith = null;

    await saveSettings({ cardOnArticles: true });

    expect(await loadSettings()).toMatchObject({ quietReading: true, cardOnArticles: true });
  });

  it('loads sync again once a save reached it, over a fallback left in local', async () => {
    fake.storage.sync.failWritesWith = new Error('sync is over quota');
    await saveSettings({ language: 'de' });
    fake.storage.sync.failWritesWith = null;

    await saveSettings({ language: 'en' });

    expect(fake.storage.local.data.has(SETTINGS_KEY)).toBe(true);
    expect((await loadSettings()).language).toBe('en');
  });

  it('orders saves by their sequence, not by a clock that went back', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(2_000_000);
    fake.storage.sync.failWritesWith = new Error('sync is over quota');
    await saveSettings({ hideJobAds: false });
    fake.storage.sync.failWritesWith = null;
    now.mockReturnValue(1_000_000);

    await saveSettings({ hideJobAds: true });

    expect((await loadSettings()).hideJobAds).toBe(true);
    now.mockRestore();
  });

  it('prefers sync when neither copy says when it was saved, as stored before saves were stamped', async () => {
    fake.storage.sync.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, quietReading: true });
    fake.storage.local.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, quietReading: false });

    expect((await loadSettings()).quietReading).toBe(true);
  });

  it('reads local when sync cannot be read at all', async () => {
    fake.storage.local.data.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, cardOnLiveblog: false });
    fake.storage.sync.failWith = new Error('sync is disabled');

    expect((await loadSettings()).cardOnLiveblog).toBe(false);
  });

  it('gives defaults when neither area can be read', async () => {
    fake.storage.sync.failWith = new Error('sync is disabled');
    fake.storage.local.failWith = new Error('corrupt profile');

    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
