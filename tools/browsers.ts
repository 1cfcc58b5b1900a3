/** Where the real browsers are. CHROMIUM_PATH / FIREFOX_PATH override Debian's defaults. */
import { existsSync } from 'node:fs';

function firstExisting(candidates: (string | undefined)[]): string | null {
  for (const path of candidates) if (path && existsSync(path)) return path;
  return null;
}

export function chromiumPath(): string | null {
  return firstExisting([process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']);
}

export function firefoxPath(): string | null {
  return firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
}
