/**
 * Registered by the background beside start.iife.ts while the reader's settings differ from the
 * defaults where every page load acts on them (background/page-scripts.ts): it reads them from
 * storage. Browsers run registered and manifest scripts in orders of their own: if start.iife.ts
 * ran first, its context is here to read into; if not, this leaves its reader for that script
 * (settings-source.ts). Bundled on its own into a classic script (vite.config.ts).
 */
import { sharedContext } from './context';
import { STORED_SETTINGS_KEY } from './keys';
import { readStoredSettings } from './stored-reader';

const ctx = sharedContext();
if (ctx) readStoredSettings(ctx);
else (globalThis as Record<symbol, unknown>)[Symbol.for(STORED_SETTINGS_KEY)] = readStoredSettings;
