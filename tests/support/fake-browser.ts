/**
 * A small stand-in for the parts of the extension API the popup, side panel, options page and their
 * runtime layer use: storage.sync/local with onChanged, i18n, tabs.query/sendMessage and tab events,
 * scripting.executeScript, runtime.id/onMessage/openOptionsPage, sidePanel.open.
 * shared/browser.ts reads the global `browser`, so tests install it with
 *   beforeEach(() => { vi.stubGlobal('browser', resetFakeBrowser()); });
 * and code that imports webextension-polyfill gets it through
 *   vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/fake-browser')).fakeBrowser }));
 */
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

class FakeStorageArea {
  readonly data = new Map<string, unknown>();
  /** When set, every call rejects with this error, as a disabled or broken area does. */
  failWith: Error | null = null;
  /** When set, only writes reject with it, as sync does over its quota or write rate while reads still work. */
  failWritesWith: Error | null = null;
  readonly writes: Record<string, unknown>[] = [];

  constructor(
    private readonly name: 'sync' | 'local',
    private readonly notify: Listener,
  ) {}

  get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    if (this.failWith) return Promise.reject(this.failWith);
    const wanted = keys === undefined || keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const result: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    return Promise.resolve(result);
  }

  set(items: Record<string, unknown>): Promise<void> {
    const failure = this.failWith ?? this.failWritesWith;
    if (failure) return Promise.reject(failure);
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: structuredClone(value) };
      this.data.set(key, structuredClone(value));
    }
    this.writes.push(structuredClone(items));
    this.notify(changes, this.name);
    return Promise.resolve();
  }

  remove(keys: string | string[]): Promise<void> {
    const failure = this.failWith ?? this.failWritesWith;
    if (failure) return Promise.reject(failure);
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    this.notify(changes, this.name);
    return Promise.resolve();
  }
}

/** Answers a message sent to the active tab, as its content script would; throw or reject for "no content script". */
export type TabResponder = (message: unknown) => unknown;

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** An extension event: listeners added, removed, and fired by the test. */
function fakeEvent<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => unknown>();
  return {
    listeners,
    addListener: (listener: (...args: A) => unknown) => listeners.add(listener),
    removeListener: (listener: (...args: A) => unknown) => listeners.delete(listener),
    hasListener: (listener: (...args: A) => unknown) => listeners.has(listener),
    fire: (...args: A) => {
      for (const listener of listeners) listener(...args);
    },
  };
}

function createFakeBrowser() {
  const listeners = new Set<Listener>();
  const notify: Listener = (changes, area) => {
    for (const listener of listeners) listener(changes, area);
  };
  const fake = {
    storage: {
      sync: new FakeStorageArea('sync', notify),
      local: new FakeStorageArea('local', notify),
      onChanged: {
        addListener: (listener: Listener) => listeners.add(listener),
        removeListener: (listener: Listener) => listeners.delete(listener),
        hasListener: (listener: Listener) => listeners.has(listener),
      },
    },
    i18n: {
      uiLanguage: 'de-DE',
      getUILanguage: () => fake.i18n.uiLanguage,
    },
    scripting: {
      /** Tabs the extension may script (a Handelsblatt page); others reject, as the browser does without host permission. */
      allowed: true,
      ran: [] as { tabId: number; files: string[] }[],
      executeScript: ({ target, files }: { target: { tabId: number }; files: string[] }): Promise<unknown[]> => {
        if (!fake.scripting.allowed) return Promise.reject(new Error('Cannot access contents of the page.'));
        fake.scripting.ran.push({ tabId: target.tabId, files });
        return Promise.resolve([]);
      },
    },
    runtime: {
      id: 'lagebild@test',
      onMessage: fakeEvent<[unknown, { id?: string; tab?: { id: number } }]>(),
      optionsOpened: 0,
      openOptionsPage: () => {
        fake.runtime.optionsOpened++;
        return Promise.resolve();
      },
    },
    commands: { onCommand: fakeEvent<[string, { windowId?: number } | undefined]>() },
    sidePanel: {
      opened: [] as { windowId: number }[],
      open: (options: { windowId: number }) => {
        fake.sidePanel.opened.push(options);
        return Promise.resolve();
      },
    },
    tabs: {
      activeTabId: 7 as number | null,
      windowId: 3,
      onActivated: fakeEvent<[{ tabId: number; windowId: number }]>(),
      onUpdated: fakeEvent<[number, { status?: string }, { id: number; active: boolean }]>(),
      respond: ((): Promise<unknown> => Promise.reject(new Error(NO_RECEIVER))) as TabResponder,
      sent: [] as { tabId: number; message: unknown }[],
      getCurrent: (): Promise<{ id: number } | undefined> => Promise.resolve(undefined),
      query: () => Promise.resolve(fake.tabs.activeTabId === null ? [] : [{ id: fake.tabs.activeTabId, windowId: fake.tabs.windowId, active: true }]),
      sendMessage: (tabId: number, message: unknown): Promise<unknown> => {
        fake.tabs.sent.push({ tabId, message });
        try {
          return Promise.resolve(fake.tabs.respond(message));
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
    },
  };
  return fake;
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** One instance for the module mock; reset swaps its parts, so references held by the code under test stay valid. */
export const fakeBrowser: FakeBrowser = createFakeBrowser();

export function resetFakeBrowser(): FakeBrowser {
  Object.assign(fakeBrowser, createFakeBrowser());
  return fakeBrowser;
}
