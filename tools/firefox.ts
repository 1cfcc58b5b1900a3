/**
 * Firefox with the built extension installed, driven by puppeteer-core over WebDriver BiDi.
 * Firefox has no host-resolver switch, and network.dns.forceResolve maps names to an address but
 * not to a port; so the test server is set as Firefox's HTTP proxy. Every http request then reaches
 * it in absolute form (`GET http://www.handelsblatt.com/…`) and it serves by host, while https
 * arrives as CONNECT and is refused: nothing reaches the internet.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import baseManifest from '../manifest.json' with { type: 'json' };

/**
 * The extension's internal UUID, fixed by a pref so its pages have a known moz-extension:// address;
 * WebDriver BiDi opens such pages only when Firefox runs with -remote-allow-system-access.
 */
export const EXTENSION_UUID = '6c1b2f0e-3d4a-4b8e-9f21-7a5c0d9e8b13';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Every request through the test server on `port`, which serves by host: nothing reaches the internet. */
export function proxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // Otherwise a typed http URL is first tried as https, which the proxy refuses.
    'dom.security.https_first': false,
  };
}

export interface FirefoxOptions {
  executablePath: string;
  /** dist/firefox */
  extensionPath: string;
  /** The test server's port, used as the proxy for every scheme. */
  port: number;
  /** The colour scheme pages see; WebDriver BiDi cannot emulate it, so it is a pref from the start. */
  colorScheme?: 'light' | 'dark';
  /** A profile to start from and keep (a browser restarted on it), the extension's storage kept across its reinstall. */
  profile?: string;
}

export async function launchFirefox({ executablePath, extensionPath, port, colorScheme, profile }: FirefoxOptions): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    args: ['-remote-allow-system-access'],
    ...(profile ? { userDataDir: profile } : {}),
    extraPrefsFirefox: {
      // A temporary add-on goes with the browser; its storage stays for the next start, as an installed one's does.
      ...(profile ? { 'extensions.webextensions.keepStorageOnUninstall': true } : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [baseManifest.browser_specific_settings.gecko.id]: EXTENSION_UUID }),
      ...proxyPrefs(port),
      // 0 dark, 1 light; left to the system (light when headless) without a choice.
      ...(colorScheme ? { 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 } : {}),
    },
  });
  try {
    // A temporary add-on, as about:debugging loads it; MV3 host permissions are granted on install.
    await browser.installExtension(extensionPath);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * Opens one of the extension's pages in a window of its own, as the side panel or popup stands beside
 * the reader's tab. Firefox loads it, but WebDriver BiDi reports no navigation for moz-extension:
 * pages, so the navigation is not awaited; the page's own state is.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage({ type: 'window' });
  const url = `${EXTENSION_ORIGIN}/${path}`;
  await page.goto(url, { timeout: 1000 }).catch(() => undefined);
  await page.waitForFunction((wanted: string) => location.href === wanted && document.readyState === 'complete', { timeout: 10_000 }, url);
  return page;
}
