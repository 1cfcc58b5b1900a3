/**
 * One Chromium with the extension and one test server per test file, set up and torn down by the
 * file's hooks; every test starts with no open tab and the default settings.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ExtensionBrowser } from '../../tools/extension-browser';
import { inParts, served, startServer, type PageServer } from '../../tools/server';
import { ensureBuilt } from './prerequisites';

export interface ChromiumSession {
  readonly server: PageServer;
  readonly browser: ExtensionBrowser;
  /** Serves `html` at the fixture URL (as http), pausing at each PAUSE (tools/server.ts), and opens it in a new tab in front. */
  open(url: string, html: string): Promise<Page>;
}

/** Call inside a describe block; the returned object is usable from the tests on. */
export function chromiumSession(executablePath: string, hosts: readonly string[]): ChromiumSession {
  let server: PageServer | undefined;
  let browser: ExtensionBrowser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The Chromium session is used before its beforeAll ran');
    return value;
  };

  beforeAll(async () => {
    const extensionPath = ensureBuilt('chrome');
    server = await startServer();
    browser = await ExtensionBrowser.launch({ executablePath, extensionPath, port: server.port, hosts });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    const open = started(browser);
    await Promise.all(open.context.pages().map((page) => page.close()));
    await open.saveSettings({ ...DEFAULT_SETTINGS });
  });

  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async open(url, html) {
      started(server).route(served(url), inParts(html));
      return started(browser).open(served(url));
    },
  };
}
