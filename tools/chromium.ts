/**
 * Chromium as the bench and the demo drive it: the built extension loaded unpacked (or not at all,
 * for the control runs), www.handelsblatt.com resolved to the local server, so pages are served under
 * www.handelsblatt.com and the content script's match applies unchanged. Nothing else resolves:
 * the real 2020 page's trackers fail at once instead of waiting for a network there is not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from './browsers';
import { QUIET_CHROMIUM_ARGS } from './extension-browser';

export interface LaunchOptions {
  /** Unpacked extension to load; none for a control run. */
  extension: string | null;
  /** Port of the local server that answers for www.handelsblatt.com. */
  port: number;
  headless?: boolean;
}

export interface Session {
  context: BrowserContext;
  /** chrome-extension://<id>/ when an extension is loaded. */
  extensionOrigin: string | null;
  close(): Promise<void>;
}

export function requireChromium(): string {
  const path = chromiumPath();
  if (!path) throw new Error('No Chromium found: install Debian\'s chromium package or set CHROMIUM_PATH.');
  return path;
}

export async function launch({ extension, port, headless = true }: LaunchOptions): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'lagebild-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    headless,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      `--host-resolver-rules=MAP www.handelsblatt.com 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  let extensionOrigin: string | null = null;
  if (extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // URL.origin is "null" for schemes Node does not know as special.
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  return {
    context,
    extensionOrigin,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
