/**
 * Reads the stored settings once in a page, and follows their changes from then on: where the
 * background registered stored-settings.ts (a setting every page load acts on differs from its
 * default), and where the page features start (they act on more settings). Until they are read,
 * `settingsLoaded` is false. Not in the start script: most pages never read storage.
 */
import { loadSettings, onSettingsChanged } from '../shared/runtime';
import type { Settings } from '../core/settings';
import type { ContentContext } from './context';

export function readStoredSettings(ctx: ContentContext): void {
  if (ctx.readsStorage || ctx.signal.aborted) return;
  ctx.readsStorage = true;
  ctx.settingsLoaded = false;
  const take = (settings: Settings): void => {
    if (!ctx.signal.aborted) ctx.dispatchSettings(settings);
  };
  void loadSettings()
    .then((settings) => {
      take(settings);
      const unsubscribe = onSettingsChanged(take);
      ctx.signal.addEventListener('abort', () => {
        try {
          unsubscribe();
        } catch {
          // Gone with the extension.
        }
      });
    })
    .catch(() => {
      // The extension is gone (its API throws): the start script's guard stops the page's work.
    });
}
