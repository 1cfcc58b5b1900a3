/**
 * One Firefox with the extension and one test server per test file, set up and torn down by the
 * file's hooks; every test's tabs are closed after it, but the last (closing it would end the session).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import baseManifest from '../../manifest.json' with { type: 'json' };
import { pageLoadNeedsStored, SETTINGS_KEY, type Settings } from '../../src/core/settings';
import { launchFirefox, openExtensionPage } from '../../tools/firefox';
import { withSampler } from '../../tools/first-frame';
import { inParts, served, startServer, type PageServer } from '../../tools/server';
import { ensureBuilt } from './prerequisites';

export interface FirefoxSession {
  /** Serves `html` with the flash sampler at the fixture URL (as http), pausing at each PAUSE (tools/server.ts), and opens it in a new tab. */
  open(url: string, html: string): Promise<Page>;
  /**
   * The badge text of the tab opened last, read from the extension's options page in a window of
   * its own (opened once per test): WebDriver BiDi cannot see the toolbar. Without the `tabs`
   * permission the extension sees no addresses, so the newest tab outside that window is the one.
   */
  badgeText(): Promise<string>;
  /** Opens one of the extension's pages (`path` as in the manifest) in a window of its own, beside the tab in front. */
  extensionPage(path: string): Promise<Page>;
  /**
   * Stores settings as the options page does, from that page, and waits until the background has
   * registered or unregistered the script that has new pages read them.
   */
  saveSettings(settings: Settings): Promise<void>;
}

const OPTIONS_PATH = baseManifest.options_ui.page;

/** Call inside a describe block. */
export function firefoxSession(executablePath: string): FirefoxSession {
  let server: PageServer;
  let browser: Browser;

  beforeAll(async () => {
    const extensionPath = ensureBuilt('firefox');
    server = await startServer();
    browser = await launchFirefox({ executablePath, extensionPath, port: server.port });
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  let optionsPage: Page | null = null;

  afterEach(async () => {
    optionsPage = null;
    const pages = await browser.pages();
    await Promise.all(pages.slice(1).map((page) => page.close()));
  });

  const options = async (): Promise<Page> => (optionsPage ??= await openExtensionPage(browser, OPTIONS_PATH));

  return {
    async open(url, html) {
      server.route(served(url), inParts(withSampler(html)));
      const page = await browser.newPage();
      await page.goto(served(url));
      return page;
    },
    async badgeText() {
      return (await options()).evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof WebExtension }).browser;
        const [own] = await api.tabs.query({ currentWindow: true });
        const others = (await api.tabs.query({})).filter((tab) => tab.windowId !== own?.windowId && tab.id !== undefined);
        const newest = Math.max(...others.map((tab) => tab.id!));
        return api.action.getBadgeText({ tabId: newest });
      });
    },
    extensionPage(path) {
      return openExtensionPage(browser, path);
    },
    async saveSettings(settings) {
      await (await options()).evaluate(
        async (key, value, wanted) => {
          const api = (globalThis as unknown as { browser: typeof WebExtension }).browser;
          await api.storage.sync.set({ [key]: value });
          for (let tries = 0; tries < 200; tries++) {
            if ((await api.scripting.getRegisteredContentScripts()).length > 0 === wanted) return;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          throw new Error(`the background never ${wanted ? 'registered' : 'unregistered'} the settings script`);
        },
        SETTINGS_KEY,
        settings,
        pageLoadNeedsStored(settings),
      );
    },
  };
}
