/**
 * Where the start script's settings come from, without the extension API on most page loads.
 * Firefox sets that API up in the page's process on first use, at a cost of its own on every load
 * (bench: the "API calls" control); most readers never change a setting a page load acts on.
 *
 * - A page starts with the defaults. Where the reader changed one of the settings every page acts
 *   on, the background registers `stored-settings.ts` beside this script (background/page-scripts.ts),
 *   and the page reads storage as it starts, as every page did before.
 * - The page features read storage when they start: they act on more settings.
 * - A change while the page is open comes from the background (through the door, from-background.ts),
 *   and, once the page reads storage, from storage's own event too.
 * Reading storage is stored-reader.ts, bundled into the scripts that read, not into this one,
 * which every page evaluates before its first frame.
 */
import type { ContentContext } from './context';
import { STORED_SETTINGS_KEY } from './keys';

/** Starts the settings: the stored ones where stored-settings.ts ran first, else the defaults. */
export function startSettings(ctx: ContentContext): void {
  const early = (globalThis as Record<symbol, unknown>)[Symbol.for(STORED_SETTINGS_KEY)];
  // stored-settings.ts may run after this script: it then finds the context and reads.
  if (typeof early === 'function') (early as (ctx: ContentContext) => void)(ctx);
  else ctx.dispatchSettings(ctx.settings);
}
