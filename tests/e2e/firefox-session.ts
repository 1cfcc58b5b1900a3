/**
 * One Firefox with the extension and one test server per test file, set up and torn down by the
 * file's hooks; every test's tabs are closed after it, but the last (closing it would end the session).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox } from '../../tools/firefox';
import { withSampler } from '../../tools/first-frame';
import { served, startServer, type PageServer } from '../../tools/server';
import { ensureBuilt } from './prerequisites';

export interface FirefoxSession {
  /** Serves `html` with the flash sampler at the fixture URL (as http) and opens it in a new tab. */
  open(url: string, html: string): Promise<Page>;
}

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

  afterEach(async () => {
    const pages = await browser.pages();
    await Promise.all(pages.slice(1).map((page) => page.close()));
  });

  return {
    async open(url, html) {
      server.route(served(url), withSampler(html));
      const page = await browser.newPage();
      await page.goto(served(url));
      return page;
    },
  };
}
