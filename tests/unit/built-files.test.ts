/**
 * What the browsers demand of the built files, checked where a build exists (CI builds before
 * testing). Chrome refuses to load an extension whose content script it does not read as UTF-8,
 * and a minifier writes string constants out raw: a lone surrogate or a noncharacter (U+FFFE,
 * U+FFFF, U+FDD0–U+FDEF) in the source makes the whole extension fail to load.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
        expect(/\.browser\b/.test(code), `${target}/${name}`).toBe(target === 'firefox');
      }
    }
  });
});
