/**
 * Chromium with the built extension loaded, for the end-to-end tests, the bench and npm start.
 * Pages are requested under their real host names and --host-resolver-rules sends those hosts to
 * the local test server, so the manifest's `*://*.handelsblatt.com/*` match applies unchanged.
 * Every other host resolves to nothing: no test can reach the internet, and every request is
 * still seen and recorded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type Browser from 'webextension-polyfill';
import { pageLoadNeedsStored, SETTINGS_KEY, type Settings } from '../src/core/settings';

/** The extension API inside the service worker, where the helpers below evaluate. */
declare const chrome: typeof Browser;

export interface LaunchOptions {
  executablePath: string;
  /** dist/chrome */
  extensionPath: string;
  /** The test server's port; each of `hosts` is mapped to it. */
  port: number;
  hosts: readonly string[];
  /** A profile to start from and keep (a browser restarted on it); else a new one, removed on close. */
  profile?: string;
  /** More command-line flags. */
  args?: readonly string[];
}

export interface BrowserRequest {
  url: string;
  /** The page or worker that made it. */
  from: string;
}

export interface ConsoleError {
  where: string;
  text: string;
}

export const POPUP_PATH = 'src/popup/index.html';
export const PANEL_PATH = 'src/panel/index.html';
export const OPTIONS_PATH = 'src/options/index.html';

/** Flags that keep a test browser quiet: no sandbox (root in CI), no GPU, no traffic or UI of its own. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ExtensionBrowser {
  /** Every request any page, extension page or the service worker made. */
  readonly requests: BrowserRequest[] = [];
  readonly consoleErrors: ConsoleError[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly serviceWorker: Worker,
    private readonly profile: string,
    private readonly ownsProfile: boolean,
  ) {
    context.on('request', (request) => {
      const worker = request.serviceWorker();
      this.requests.push({ url: request.url(), from: worker ? worker.url() : request.frame().url() });
    });
    serviceWorker.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push({ where: serviceWorker.url(), text: message.text() });
    });
  }

  static async launch({ executablePath, extensionPath, port, hosts, profile: kept, args = [] }: LaunchOptions): Promise<ExtensionBrowser> {
    const profile = kept ?? (await mkdtemp(join(tmpdir(), 'lagebild-chromium-')));
    const rules = [...hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        `--host-resolver-rules=${rules}`,
        ...QUIET_CHROMIUM_ARGS,
        ...args,
      ],
    });
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return new ExtensionBrowser(context, serviceWorker, profile, kept === undefined);
  }

  get extensionId(): string {
    return new URL(this.serviceWorker.url()).host;
  }

  get popupUrl(): string {
    return `chrome-extension://${this.extensionId}/${POPUP_PATH}`;
  }

  /** A new tab in front, its console errors recorded, at `url`. */
  async open(url: string): Promise<Page> {
    const page = await this.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push({ where: page.url(), text: message.text() });
    });
    page.on('pageerror', (error) => {
      this.consoleErrors.push({ where: page.url(), text: String(error) });
    });
    await page.goto(url);
    await page.bringToFront();
    return page;
  }

  /**
   * The extension API has no way from a page to its tab ID, and without the "tabs" permission
   * tabs.query cannot filter by URL: so the page is brought to the front and asked for as the
   * active tab. Every page opens in the one window, so the last focused window is that one.
   */
  async tabId(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await this.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    if (id === undefined) throw new Error('No active tab');
    return id;
  }

  async badgeText(page: Page): Promise<string> {
    const tabId = await this.tabId(page);
    return this.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** Stores settings as the popup does, so every open tab hears of it through storage.onChanged. */
  /**
   * Stores settings as the options page does, and waits until the background has registered or
   * unregistered the script that has new pages read them (src/background/page-scripts.ts): a page
   * opened after this resolves starts with them.
   */
  async saveSettings(settings: Settings): Promise<void> {
    await this.serviceWorker.evaluate(([key, value]) => chrome.storage.sync.set({ [key]: value }), [SETTINGS_KEY, settings] as const);
    const registered = pageLoadNeedsStored(settings);
    await this.serviceWorker.evaluate(async (wanted) => {
      for (let tries = 0; tries < 200; tries++) {
        if ((await chrome.scripting.getRegisteredContentScripts()).length > 0 === wanted) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`the background never ${wanted ? 'registered' : 'unregistered'} the settings script`);
    }, registered);
  }

  /**
   * The real popup, opened over `page` as a click on the toolbar button would. A popup page opened
   * as a tab instead asks tabs.query for the active tab of its own window and finds itself.
   * Playwright does not attach to action popups, so it is driven over the DevTools protocol.
   */
  async openPopup(page: Page): Promise<Popup> {
    await page.bringToFront();
    await this.serviceWorker.evaluate(() => chrome.action.openPopup());
    return this.attachTo(this.popupUrl);
  }

  get panelUrl(): string {
    return `chrome-extension://${this.extensionId}/${PANEL_PATH}`;
  }

  /**
   * The real side panel beside `page`, opened as a reader does: the popup's "Beside the article"
   * button clicked with a trusted mouse event, since sidePanel.open wants the reader's gesture.
   */
  async openSidePanel(page: Page): Promise<Popup> {
    const popup = await this.openPopup(page);
    // The button opens the panel in the window the popup found, known once the status is asked for.
    await popup.waitFor(`(document.querySelector('#status')?.dataset.statusKind ?? 'loading') !== 'loading'`);
    await popup.click('#beside-article');
    return this.attachTo(this.panelUrl);
  }

  /** The side panel, once something else opened it (a marker's click in the page). */
  attachToPanel(): Promise<Popup> {
    return this.attachTo(this.panelUrl);
  }

  /** Attaches to the extension page at `url` once it is there (popups and side panels are not Playwright pages). */
  private async attachTo(url: string): Promise<Popup> {
    const cdp = await this.context.browser()!.newBrowserCDPSession();
    for (let attempt = 0; attempt < 100; attempt++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      // A page closed a moment ago stays listed for a while (about 400 ms after Target.closeTarget).
      const target = targetInfos.find((t) => t.url === url && !closedTargets.has(t.targetId));
      if (target) return Popup.attach(cdp, target.targetId);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await cdp.detach();
    throw new Error(`${url} did not open`);
  }

  async close(): Promise<void> {
    await this.context.close();
    if (this.ownsProfile) await rm(this.profile, { recursive: true, force: true });
  }
}

/** Extension pages closed or closing: never attached to again, however long the browser still lists them. */
const closedTargets = new Set<string>();

/**
 * An action popup reached through the browser's DevTools session: attached without flattening
 * (a browser-level session cannot address a flattened child through Playwright), every command
 * wrapped in Target.sendMessageToTarget. A page that closes answers nothing more: what was still
 * asked of it fails then, naming the command, instead of waiting out the test's time.
 */
export class Popup {
  private nextId = 0;
  private readonly pending = new Map<number, { method: string; resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private closed = false;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly targetId: string,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      this.closed = true;
      closedTargets.add(targetId);
      for (const { method, reject } of this.pending.values()) reject(new PageClosedError(method));
      this.pending.clear();
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting || message.id === undefined) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<Popup> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new Popup(cdp, targetId, sessionId);
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = ++this.nextId;
    if (this.closed) return Promise.reject(new PageClosedError(method));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }

  /** Evaluates a JavaScript expression in the popup; a promise is awaited, the value returned as JSON. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (exceptionDetails) throw new Error(`In the popup: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  /** Resolves once `expression` is truthy, polling in the popup's own event loop. */
  waitFor(expression: string, timeoutMs = 5000): Promise<void> {
    return this.evaluate(`new Promise((resolve, reject) => {
      const until = Date.now() + ${timeoutMs};
      const poll = () => {
        if (${expression}) resolve(undefined);
        else if (Date.now() > until) reject(new Error(${JSON.stringify(`timed out waiting for ${expression}`)}));
        else setTimeout(poll, 20);
      };
      poll();
    })`);
  }

  /** A trusted click in the middle of the element, as the reader's mouse makes it: it counts as a user gesture. */
  async click(selector: string): Promise<void> {
    const { x, y } = await this.evaluate<{ x: number; y: number }>(`(() => {
      const element = document.querySelector(${JSON.stringify(selector)});
      element.scrollIntoView({ block: 'center' });
      const rect = element.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    })()`);
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    // A click may close the page (the popup's "Beside the article" does): that answers the release too.
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 }).catch((error: unknown) => {
      if (!(error instanceof PageClosedError)) throw error;
    });
  }

  /** Lays the page out `width` CSS pixels wide, as a side panel the reader dragged to that width. */
  async setWidth(width: number): Promise<void> {
    const height = await this.evaluate<number>('innerHeight');
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  }

  /** A key pressed and let go, as the reader's keyboard sends it to whatever has focus in the page. */
  async press(key: 'Tab' | 'Enter'): Promise<void> {
    const keyCode = key === 'Tab' ? 9 : 13;
    // The Enter that activates a button is the one that types a character.
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code: key, windowsVirtualKeyCode: keyCode, ...(key === 'Enter' ? { text: '\r' } : {}) });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: keyCode });
  }

  /** Emulates the reader's colour scheme, and optionally a wish for reduced motion (no fade-ins). */
  async emulateColorScheme(scheme: 'light' | 'dark', reducedMotion = false): Promise<void> {
    const features: { name: string; value: string }[] = [{ name: 'prefers-color-scheme', value: scheme }];
    if (reducedMotion) features.push({ name: 'prefers-reduced-motion', value: 'reduce' });
    await this.send('Emulation.setEmulatedMedia', { features });
  }

  /**
   * A PNG of the popup as the reader sees it, cut to its body's width (the window can be wider):
   * whole, beyond the smaller window a headless browser gives it, or (`whole` false, as for the
   * side panel, which scrolls) the part in view.
   */
  async screenshot(whole = true): Promise<Buffer> {
    const { y, width, height } = await this.evaluate<{ y: number; width: number; height: number }>(
      `({ y: ${whole ? '0' : 'scrollY'}, width: Math.ceil(document.body.getBoundingClientRect().width), height: ${whole ? 'Math.max(innerHeight, document.documentElement.scrollHeight)' : 'innerHeight'} })`,
    );
    const clip = { x: 0, y, width, height, scale: 1 };
    const { data } = (await this.send('Page.captureScreenshot', { format: 'png', clip, captureBeyondViewport: true })) as { data: string };
    return Buffer.from(data, 'base64');
  }

  /**
   * What the popup fetched since it opened, failed requests included: Resource Timing covers the
   * time before the session attached, which network events would miss.
   */
  resourceUrls(): Promise<string[]> {
    return this.evaluate(`performance.getEntriesByType('resource').map((entry) => entry.name)`);
  }

  /**
   * Closes the page and waits until the browser has let it go: a side panel still closing is taken
   * for open, so a panel opened just after would not come.
   */
  async close(): Promise<void> {
    closedTargets.add(this.targetId);
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId });
    for (let attempt = 0; ; attempt++) {
      const { targetInfos } = await this.cdp.send('Target.getTargets');
      if (!targetInfos.some((t) => t.targetId === this.targetId)) break;
      if (attempt === 100) throw new Error(`The extension page ${this.targetId} did not close`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.cdp.detach();
  }
}

/** What a popup or panel was still asked when it closed. */
class PageClosedError extends Error {
  constructor(method: string) {
    super(`The extension page closed before it answered ${method}`);
  }
}
