/**
 * The page features are not loaded with every page: whoever asks a tab something runs them there
 * first, and a tab the extension may not script is not asked at all.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_FEATURES_SCRIPT, requestShowQuote, requestTabStatus, runPageFeatures } from '../../src/shared/messaging';
import { resetFakeBrowser, type FakeBrowser } from '../support/fake-browser';

let fake: FakeBrowser;
beforeEach(() => {
  fake = resetFakeBrowser();
  vi.stubGlobal('browser', fake);
});

describe('asking the active tab', () => {
  it('runs the page features there before the status request', async () => {
    const order: string[] = [];
    const execute = fake.scripting.executeScript;
    fake.scripting.executeScript = (details) => {
      order.push('run');
      return execute(details);
    };
    fake.tabs.respond = () => {
      order.push('ask');
      return null;
    };
    await requestTabStatus([]);
    expect(fake.scripting.ran).toEqual([{ tabId: 7, files: [`/${PAGE_FEATURES_SCRIPT}`] }]);
    expect(order).toEqual(['run', 'ask']);
  });

  it('does not ask a tab it may not script, and says so at once', async () => {
    fake.scripting.allowed = false;
    const started = Date.now();
    expect(await requestTabStatus([], 5_000)).toBeNull();
    expect(await requestShowQuote({ id: 'q', text: 'Ein Satz' }, 5_000)).toEqual({ shown: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.tabs.sent).toEqual([]);
  });

  it('runs them for the background in the tab that asked, and tells whether it could', async () => {
    expect(await runPageFeatures(3)).toBe(true);
    fake.scripting.allowed = false;
    expect(await runPageFeatures(4)).toBe(false);
    expect(fake.scripting.ran).toEqual([{ tabId: 3, files: [`/${PAGE_FEATURES_SCRIPT}`] }]);
  });
});
