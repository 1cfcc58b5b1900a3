/**
 * Names of the globals in the content scripts' world (which the page's own scripts cannot see)
 * that scripts run at other times reach, and the background names.
 */

/** Where stored-settings.ts tells start.iife.ts to read the stored settings, whichever of the two runs first. */
export const STORED_SETTINGS_KEY = 'lagebild.settings-stored';

/** The door the background's functions knock on (from-background.ts). */
export const DOOR_KEY = 'lagebild.from-background';

/** stored-settings.ts as built (vite.config.ts emits it under its source path, .ts → .js), for the background to register. */
export const STORED_SETTINGS_SCRIPT = 'src/content/stored-settings.js';
