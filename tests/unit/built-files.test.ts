/**
 * What the browsers demand of the built files, checked where a build exists (CI builds before
 * testing). Chrome refuses to load an extension whose content script it does not read as UTF-8,
 * and a minifier writes string constants out raw: a lone surrogate or a noncharacter (U+FFFE,
 * U+FFFF, U+FDD0–U+FDEF) in the source makes the whole extension fail to load.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVEBLOG_ADDRESS } from '../../src/core/selectors';
import { PAGE_FEATURES_SCRIPT } from '../../src/shared/messaging';
import { STORED_SETTINGS_SCRIPT } from '../../src/content/keys';
import { readManifest, START_SCRIPTS_BYTES } from '../../tools/dist';

const DIST = resolve(import.meta.dirname, '../../dist');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : /\.(js|css|json|html)$/.test(entry.name) ? [path] : [];
  });
}

/** The first character Chrome's UTF-8 check rejects, or null. */
export function firstRefused(bytes: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'invalid UTF-8';
  }
  const bad = /[\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/.exec(text);
  return bad ? `U+${bad[0].charCodeAt(0).toString(16).toUpperCase()} at ${bad.index}` : null;
}

describe('built files', () => {
  it('the check catches what Chrome refuses', () => {
    expect(firstRefused(Buffer.from('const s = "\uffff";'))).toBe('U+FFFF at 11');
    expect(firstRefused(Buffer.from([0x61, 0xff]))).toBe('invalid UTF-8');
    expect(firstRefused(Buffer.from('const s = "\ufffc ü –";'))).toBeNull();
  });

  it.skipIf(!existsSync(DIST))('every built script, style and manifest is text Chrome reads as UTF-8', () => {
    const checked = files(DIST);
    expect(checked.length).toBeGreaterThan(0);
    for (const file of checked) expect(firstRefused(readFileSync(file)), relative(DIST, file)).toBeNull();
  });

  // Chrome has a `browser` global too, and reading it costs a content script about a millisecond
  // per page (src/shared/browser.ts): the Chrome build must not read it, the Firefox build must.
  it.skipIf(!existsSync(join(DIST, 'chrome')) || !existsSync(join(DIST, 'firefox')))('the Chrome content scripts use chrome.*, the Firefox ones browser.*', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const dir = join(DIST, target, 'src', 'content');
      const scripts = readdirSync(dir).filter((name) => name.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const name of scripts) {
        const code = readFileSync(join(dir, name), 'utf8');
        // The page-world hook runs where no extension API exists.
        if (name === 'shadow-hook.iife.js') expect(/\b(chrome|browser)\.(runtime|storage|dom)\b/.test(code), `${target}/${name}`).toBe(false);
        else expect(/\.browser\b/.test(code), `${target}/${name}`).toBe(target === 'firefox');
      }
    }
  });
});

describe('the start scripts', () => {
  /** Raw bytes of the scripts a built manifest runs at document_start, and their names. */
  const startScripts = (dir: string): { files: string[]; bytes: number } => {
    const files = (readManifest(dir).content_scripts ?? []).filter((entry) => entry.run_at === 'document_start').flatMap((entry) => entry.js ?? []);
    return { files, bytes: files.reduce((sum, file) => sum + readFileSync(join(dir, file)).length, 0) };
  };

  // Every Handelsblatt page compiles and runs them before its first frame (issue 28; the budget's
  // reasons are in tools/dist.ts). Anything else loads where it is needed, as the page features do.
  it.skipIf(!existsSync(join(DIST, 'chrome')) || !existsSync(join(DIST, 'firefox')))('stay within START_SCRIPTS_BYTES together, in both builds', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const { files, bytes } = startScripts(join(DIST, target));
      expect(files, target).toEqual(['src/content/shadow-hook.iife.js', 'src/content/start.iife.js']);
      expect(bytes, `${target}: ${files.join(' + ')}`).toBeLessThanOrEqual(START_SCRIPTS_BYTES);
    }
  });
});

describe('the page features script', () => {
  // The popup, the side panel and the background run it by this path; a renamed build output would
  // leave them asking tabs that never answer.
  it.skipIf(!existsSync(join(DIST, 'chrome')) || !existsSync(join(DIST, 'firefox')))('is built where PAGE_FEATURES_SCRIPT says, and is what the live-blog entry runs', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const manifest = JSON.parse(readFileSync(join(DIST, target, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
      expect(existsSync(join(DIST, target, PAGE_FEATURES_SCRIPT)), target).toBe(true);
      expect(manifest.content_scripts.map((entry) => entry.js)).toContainEqual([PAGE_FEATURES_SCRIPT]);
    }
  });
});

describe('the script the background registers for stored settings', () => {
  // Registered by this path, and a registered content script is a classic script: an import or
  // export in it would be a syntax error, and the page would never read the reader's settings.
  it.skipIf(!existsSync(join(DIST, 'chrome')) || !existsSync(join(DIST, 'firefox')))('is built where the background names it, as a plain script', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const code = readFileSync(join(DIST, target, STORED_SETTINGS_SCRIPT), 'utf8');
      expect(/\b(import|export)\b/.test(code), target).toBe(false);
      expect(code, target).toContain('lagebild.settings-stored');
    }
  });
});

describe('the live-blog entry of the manifest', () => {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')) as {
    content_scripts: { matches: string[]; js: string[] }[];
  };
  const entry = manifest.content_scripts.find((cs) => cs.js.includes('src/content/page.iife.ts'));
  /** A match pattern's path as a regular expression: `*` is any run of characters. */
  const pathPatterns = (entry?.matches ?? []).map((pattern) => {
    const path = pattern.replace(/^\*:\/\/\*\.handelsblatt\.com/, '');
    return new RegExp(`^${path.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  });
  const byManifest = (path: string): boolean => pathPatterns.some((pattern) => pattern.test(path));

  it.each([
    ['/politik/international/liveblog-zum-ukraine-krieg-selenskyj-fordert-mehr-flugabwehr-fuer-kiew/27982126.html', true],
    ['/politik/international/ukraine-krieg-neuer-titel/27982126.html', true],
    ['/finanzen/maerkte/newsblog-boerse-aktuell/100012345.html', true],
    ['/politik/international/ukraine-konflikt-gespraech-blinken-lawrow-vorzeitig-beendet-us-aussenminister-warnt-vor-eskalation/27996778.html', false],
    ['/politik/international/liveblogger-im-portraet/100000001.html', false],
    ['/themen/ukraine', false],
  ])('runs the page features on %s: %s, as LIVEBLOG_ADDRESS says', (path, expected) => {
    expect(pathPatterns.length).toBeGreaterThan(0);
    expect(byManifest(path)).toBe(expected);
    expect(LIVEBLOG_ADDRESS.test(path)).toBe(expected);
  });
});
