/**
 * The control for the start script's size (bench/sizes.ts) and cost (bench/floor.ts,
 * writeGuaranteesFloor): the hiding's guarantees and nothing else,
 * from Lagebild's own modules. The page watched from its first frame (parsed text, shadow roots,
 * late changes), the text recognition of unseen markup, the marks and the shadow roots' sheet, the
 * guard against a page undoing them; no badge, no settings beyond the defaults, no door for the
 * background, no page features.
 */
import { createContext } from '../src/content/context';
import { hideClutter } from '../src/content/features/hide-clutter';
import { watchPage } from '../src/content/page-watcher';
import { textMayMatter } from '../src/core/find-blocks';

const controller = new AbortController();
const ctx = createContext(document, controller.signal);
hideClutter(ctx);
watchPage(document, controller.signal, (change) => {
  ctx.dispatchPageChange(change);
}, textMayMatter);
ctx.dispatchSettings(ctx.settings);
