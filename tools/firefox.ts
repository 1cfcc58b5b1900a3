/**
 * Firefox with the built extension installed, driven by puppeteer-core over WebDriver BiDi.
 * Firefox has no host-resolver switch, and network.dns.forceResolve maps names to an address but
 * not to a port; so the test server is set as Firefox's HTTP proxy. Every http request then reaches
 * it in absolute form (`GET http://www.handelsblatt.com/…`) and it serves by host, while https
 * arrives as CONNECT and is refused: nothing reaches the internet.
 */
import puppeteer, { type Browser } from 'puppeteer-core';

export interface FirefoxOptions {
  executablePath: string;
  /** dist/firefox */
  extensionPath: string;
  /** The test server's port, used as the proxy for every scheme. */
  port: number;
}

export async function launchFirefox({ executablePath, extensionPath, port }: FirefoxOptions): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Otherwise a typed http URL is first tried as https, which the proxy refuses.
      'dom.security.https_first': false,
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
