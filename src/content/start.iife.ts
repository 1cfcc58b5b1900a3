/**
 * Lagebild's first content script: bundled self-contained and run at document_start, so it
 * watches the page from the first parsed node and hides the job widget before the first paint.
 * It holds only what that needs; everything else comes in `page.iife.ts` once the page is parsed.
 */
import { loadSettings, onSettingsChanged } from '../shared/runtime';
import { createContext, shareContext } from './context';
import { guard } from './lifecycle';
import { watchPage } from './page-watcher';
import { hideClutter } from './features/hide-clutter';

const controller = new AbortController();
const ctx = createContext(document, controller.signal);
shareContext(ctx);

hideClutter(ctx);

watchPage(document, controller.signal, (change) => {
  guard(controller, () => {
    ctx.dispatchPageChange(change);
  });
});

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
