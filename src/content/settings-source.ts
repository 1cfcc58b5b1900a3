/**
 * Where the content script's settings come from, without the extension API on most page loads.
 * Firefox sets that API up in the page's process on first use, at a cost of its own on every load
 * (bench: the "API calls" control); most readers never change a setting a page load acts on.
 *
 * - A page starts with the defaults. Where the reader changed one of the settings every page acts
 *   on, the background registers `stored-settings.ts` beside this script (background/settings-script.ts),
 *   and the page reads storage as it starts, as every page did before.
 * - The page features read storage when they start (`readStoredSettings`): they act on more settings.
 * - A change while the page is open comes from the background (`receiveSettings`, through the
 *   door, from-background.ts), and, once the page reads storage, from storage's own event too.
 */
import { parseSettings } from '../core/settings';
import { loadSettings, onSettingsChanged } from '../shared/runtime';
import type { ContentContext } from './context';
import { guard } from './lifecycle';
import { STORED_SETTINGS_KEY } from './keys';

type Scope = Record<symbol, unknown>;

/** Starts the settings: the stored ones where stored-settings.ts says so, else the defaults. */
export function followSettings(ctx: ContentContext, controller: AbortController): void {
  let reading = false;
  const read = (): void => {
    if (reading) return;
    reading = true;
    ctx.settingsLoaded = false;
    guard(controller, async () => {
      ctx.dispatchSettings(await loadSettings());
      const unsubscribe = onSettingsChanged((settings) => {
        guard(controller, () => {
          ctx.dispatchSettings(settings);
        });
      });
      controller.signal.addEventListener('abort', () => {
        try {
          unsubscribe();
        } catch {
          // Gone with the extension.
        }
      });
    });
  };
  ctx.readStoredSettings = read;
  const scope = globalThis as Scope;
  const key = Symbol.for(STORED_SETTINGS_KEY);
  if (scope[key] === true) {
    read();
    return;
  }
  // stored-settings.ts may run after this script: it then calls `read`.
  scope[key] = read;
  ctx.dispatchSettings(ctx.settings);
}

/** The background's word of a settings change (background/tabs.ts, pushSettings). */
export function receiveSettings(ctx: ContentContext, raw: unknown): void {
  if (ctx.signal.aborted) return;
  ctx.dispatchSettings(parseSettings(raw));
}
