/**
 * Lagebild's content script: bundled self-contained and run at document_start, so it watches
 * the page from the first parsed node. This file only lists the capabilities and wires them.
 */
import { loadSettings, onSettingsChanged } from '../shared/runtime';
import { createContext } from './context';
import { guard } from './lifecycle';
import { watchPage } from './page-watcher';
import { contextCard } from './features/context-card';
import { findQuotesInStory } from './features/find-quotes';
import { hideClutter } from './features/hide-clutter';
import { recognisePage } from './features/recognise-page';
import { reportFindings } from './features/report';

const controller = new AbortController();
const ctx = createContext(document, controller.signal);

hideClutter(ctx);
recognisePage(ctx);
reportFindings(ctx, findQuotesInStory(ctx));
contextCard(ctx);

watchPage(document, controller.signal, (change) => {
  guard(controller, () => {
    ctx.dispatchPageChange(change);
  });
});
// The script may start after the parser did (Firefox restoring a tab, a late injection).
ctx.dispatchPageChange({ added: [document.documentElement], removed: false, urlChanged: false });

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
