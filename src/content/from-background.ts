/**
 * What the background asks a page's content script on its own initiative, by running a function in
 * the content scripts' world (`scripting.executeScript`, background/page-scripts.ts), not by a
 * message: a page that listens for messages sets up the extension API in its process, which most
 * pages should not pay for. The door is a global of that world, which the page's scripts cannot see.
 */
import type { Settings } from '../core/settings';
import type { ContentContext } from './context';
import { DOOR_KEY } from './keys';
import { guard } from './lifecycle';

export interface Door {
  /**
   * The settings changed: the new ones, as the background read them from storage (parsed there,
   * shared/runtime.ts). Nothing but the extension's own code reaches this world's globals.
   */
  settings(settings: Settings): void;
  /**
   * The badge's counts: blocks the page hides, and on a live blog entries about the event new since
   * the last visit. From now on the page reports changes itself (features/report.ts).
   */
  badge(): { hiddenCount: number; fresh: number } | null;
}

export function openDoor(ctx: ContentContext, controller: AbortController): void {
  const door: Door = {
    settings: (settings) => {
      guard(controller, () => {
        ctx.dispatchSettings(settings);
      });
    },
    badge: () => {
      if (ctx.signal.aborted) return null;
      ctx.badgeShows = { hiddenCount: ctx.hiddenCount, fresh: ctx.liveblog?.fresh ?? 0 };
      return ctx.badgeShows;
    },
  };
  (globalThis as Record<symbol, unknown>)[Symbol.for(DOOR_KEY)] = door;
}
