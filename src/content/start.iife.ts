/**
 * Lagebild's content script on every Handelsblatt page: bundled self-contained and run at
 * document_start, so it watches the page from the first parsed node and hides the job widget
 * before the first paint, and keeps the badge. It holds only what every page needs; the page
 * features (`page.iife.ts`) come only where a page needs them (see features/join-page-features.ts).
 * It asks the extension API nothing unless the page changes after the background counted it
 * (features/report.ts); where the reader changed a setting it acts on, another script reads them
 * (settings-source.ts).
 */
import { textMayMatter } from '../core/find-blocks';
import { createContext, shareContext } from './context';
import { openDoor } from './from-background';
import { guard } from './lifecycle';
import { watchPage } from './page-watcher';
import { startSettings } from './settings-source';
import { hideClutter } from './features/hide-clutter';
import { joinPageFeatures } from './features/join-page-features';
import { reportHidden } from './features/report';

const controller = new AbortController();
const ctx = createContext(document, controller.signal);
shareContext(ctx);

hideClutter(ctx);
reportHidden(ctx);
joinPageFeatures(ctx);
openDoor(ctx, controller);

watchPage(
  document,
  controller.signal,
  (change) => {
    guard(controller, () => {
      ctx.dispatchPageChange(change);
    });
  },
  (text) => textMayMatter(text),
);

startSettings(ctx);
