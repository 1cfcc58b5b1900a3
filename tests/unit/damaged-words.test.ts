import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The words the received article text was damaged with (tests/fixtures/source/READING-NOTES.md).
 * Case matters where the damaged form has a capital that a sound German or English word would not.
 */
const DAMAGED: readonly RegExp[] = [/\bResort\b/, /Place der/, /Accomplice/, /intestine/i, /optimistic/i, /High-Jobs/];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function damagedWordsIn(text: string): string[] {
  return DAMAGED.flatMap((pattern) => text.match(pattern)?.[0] ?? []);
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Binary files (icons) are skipped: a stray byte run is not a word the reader could see. */
function findings(paths: string[]): string[] {
  return paths.flatMap(filesUnder).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    if (text.includes('\0')) return [];
    return damagedWordsIn(text).map((word) => `${relative(root, file)}: ${word}`);
  });
}

describe('the damaged-word scanner', () => {
  const planted = mkdtempSync(join(tmpdir(), 'lagebild-damaged-'));
  afterAll(() => {
    rmSync(planted, { recursive: true, force: true });
  });

  it.each([
    ['die Place der Vereinigten Staaten', 'Place der'],
    ['Verbündeten und Accomplice', 'Accomplice'],
    ['eine optimistic Bilanz', 'optimistic'],
    ['intestine vorbereitet', 'intestine'],
    ['High-Jobs des Tages', 'High-Jobs'],
    ['in einem Resort am Genfersee', 'Resort'],
  ])('catches %j', (text, word) => {
    expect(damagedWordsIn(text)).toEqual([word]);
  });

  it('lets the repaired wording through', () => {
    const repaired = 'die Position der Vereinigten Staaten, Verbündeten und Partner, eine positive Bilanz, gut vorbereitet, '
      + 'Top-Jobs des Tages, in einem Hotel am Genfersee, US-Ressortchef Blinken';
    expect(damagedWordsIn(repaired)).toEqual([]);
  });

  it('finds a planted word in a nested text file and skips binary files', () => {
    mkdirSync(join(planted, 'assets'));
    writeFileSync(join(planted, 'assets', 'card.js'), 'const note = "eine optimistic Bilanz";');
    writeFileSync(join(planted, 'icon.png'), Buffer.from('\0PNG Accomplice'));
    expect(findings([planted])).toEqual([`${relative(root, join(planted, 'assets', 'card.js'))}: optimistic`]);
  });
});

describe('what the extension ships', () => {
  it('has sources to scan', () => {
    expect(filesUnder(resolve(root, 'src')).map((file) => relative(root, file))).toContain('src/briefing/geneva-2022.ts');
  });

  it('contains no damaged word in src/, public/ or manifest.json', () => {
    expect(findings(['src', 'public', 'manifest.json'].map((path) => resolve(root, path)))).toEqual([]);
  });

  it.runIf(existsSync(resolve(root, 'dist')))('contains no damaged word in the built extension', () => {
    expect(findings([resolve(root, 'dist')])).toEqual([]);
  });
});
