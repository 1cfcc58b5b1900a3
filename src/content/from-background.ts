/**
 * What the background asks a page's content script on its own initiative, by running a function in
 * the content scripts' world (`scripting.executeScript`, background/page-scripts.ts), not by a
 * message: a page that listens for messages sets up the extension API in its process, which most
 * pages should not pay for. The door is a global of that world, which the page's scripts cannot see.
 */
import type { ContentContext } from './context';
import { DOOR_KEY } from './keys';
import { guard } from './lifecycle';
import { receiveSettings } from './settings-source';

export interface Door {
  /** The settings changed: the new ones, as stored. */
  settings(raw: unknown): void;
  /** How many blocks the page hides, for the badge; from now on the page reports changes itself (features/report.ts). */
  hiddenCount(): number | null;
}

export function openDoor(ctx: ContentContext, controller: AbortController): void {
  const door: Door = {
    settings: (raw) => {
      guard(controller, () => {
        receiveSettings(ctx, raw);
      });
    },
    hiddenCount: () => {
      if (ctx.signal.aborted) return null;
      ctx.badgeShows = ctx.hiddenCount;
      return ctx.hiddenCount;
    },
  };
  (globalThis as Record<symbol, unknown>)[Symbol.for(DOOR_KEY)] = door;
}
