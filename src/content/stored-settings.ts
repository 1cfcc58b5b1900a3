/**
 * Registered by the background beside start.iife.ts while the reader's settings differ from the
 * defaults where every page load acts on them (background/page-scripts.ts): it tells that script
 * to read them from storage. Browsers run registered and manifest scripts in orders of their own:
 * if start.iife.ts ran first, it left its reader here to call; if not, the mark waits for it.
 *
 * Without imports, so it builds to a plain script: the global's name is keys.ts's
 * STORED_SETTINGS_KEY, written out (tests/unit/settings-source.test.ts runs the two together).
 */
const scope = globalThis as Record<symbol, unknown>;
const key = Symbol.for('lagebild.settings-stored');
const read = scope[key];
if (typeof read === 'function') (read as () => void)();
else scope[key] = true;

export {};
