/**
 * Where each kind of code may reach, checked on the sources: only shared/messaging.ts sends and
 * listens for messages; content features reach the extension API only through shared modules and
 * never import each other; the content entry hands no feature's result to another; the popup, the
 * side panel and the options page keep their own folders and share only src/ui. Helpers that
 * tests, bench and scripts share live in tools/, which none of the three reaches around.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(path) : /\.ts$/.test(entry.name) ? [path] : [];
  });
}

const read = (path: string): string => readFileSync(path, 'utf8');

/** The messaging calls of the extension API a file's code makes (comments aside). */
function messagingCalls(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  return withoutComments.match(/\b(?:sendMessage|onMessage)\b/g) ?? [];
}

/** What a module imports, as written. */
function importsOf(code: string): string[] {
  return [...code.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm), ...code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
}

/** Calls in an entry file that pass anything but the shared context to a feature, or use what one returns. */
function featureWiring(code: string): string[] {
  const features = [...code.matchAll(/^import\s+\{([^}]+)\}\s+from\s+'\.\/features\/[^']+'/gm)].flatMap((m) =>
    m[1]!.split(',').map((name) => name.trim()).filter(Boolean),
  );
  const called = (line: string): boolean => features.some((name) => new RegExp(`\\b${name}\\b`).test(line));
  const alone = (line: string): boolean => features.some((name) => new RegExp(`^\\s*${name}\\(ctx\\);$`).test(line));
  return code.split('\n').filter((line) => !line.startsWith('import ') && called(line) && !alone(line));
}

/** The folders directly under `base` that a file's relative imports land in. */
function foldersReached(file: string, base: string): string[] {
  return importsOf(read(file))
    .filter((path) => path.startsWith('.'))
    .map((path) => relative(base, resolve(dirname(file), path)).split('/')[0]!);
}

describe('the boundary checks', () => {
  it('see a messaging call in code, not in a comment', () => {
    expect(messagingCalls('ext().runtime.sendMessage(report);')).toEqual(['sendMessage']);
    expect(messagingCalls('const { onMessage } = ext().runtime;')).toEqual(['onMessage']);
    expect(messagingCalls('// answers runtime.onMessage\n/* tabs.sendMessage */ const x = 1;')).toEqual([]);
  });

  it('read static and dynamic imports', () => {
    expect(importsOf("import { a } from './a';\nimport type {\n  B,\n} from '../b';\nawait import('./c');")).toEqual(['./a', '../b', './c']);
  });

  it('catch one feature fed into another', () => {
    const entry = "import { a } from './features/a';\nimport { b } from './features/b';\n";
    expect(featureWiring(`${entry}a(ctx);\nb(ctx);\n`)).toEqual([]);
    expect(featureWiring(`${entry}b(ctx, a(ctx));\n`)).toEqual(['b(ctx, a(ctx));']);
    expect(featureWiring(`${entry}const found = a(ctx);\nb(ctx);\n`)).toEqual(['const found = a(ctx);']);
  });
});

describe('the extension sources', () => {
  const srcDir = resolve(root, 'src');
  const sources = sourcesUnder(srcDir);

  it('send and listen for messages only in shared/messaging.ts', () => {
    const callers = sources.filter((file) => messagingCalls(read(file)).length > 0).map((file) => relative(root, file));
    expect(callers).toEqual(['src/shared/messaging.ts']);
  });

  it('keep content features off the extension API and out of each other', () => {
    const featureDir = resolve(root, 'src/content/features');
    const features = sourcesUnder(featureDir);
    expect(features.length).toBeGreaterThan(0);
    for (const file of features) {
      const own = basename(file, '.ts').replace(/\.css$/, '');
      const reached = importsOf(read(file)).filter(
        (path) => /shared\/browser$/.test(path) || path === 'webextension-polyfill' || (path.startsWith('./') && path !== `./${own}.css`),
      );
      expect(reached, relative(root, file)).toEqual([]);
    }
  });

  const pages = ['popup', 'panel', 'options'];
  const roomOf = (file: string): string => relative(srcDir, file).split('/')[0]!;

  it('import a page folder (popup, panel, options) only from inside it', () => {
    const crossings = sources.flatMap((file) =>
      foldersReached(file, srcDir)
        .filter((room) => pages.includes(room) && room !== roomOf(file))
        .map((room) => `${relative(root, file)} -> src/${room}`),
    );
    expect(crossings).toEqual([]);
  });

  it('leave src/ui, what the pages share, to the pages', () => {
    const users = sources.filter((file) => roomOf(file) !== 'ui' && foldersReached(file, srcDir).includes('ui')).map(roomOf);
    expect([...new Set(users)].sort()).toEqual([...pages].sort());
  });

  it('start each content feature with the shared context alone', () => {
    for (const entry of ['src/content/page.iife.ts', 'src/content/start.iife.ts']) {
      expect(featureWiring(read(resolve(root, entry))), entry).toEqual([]);
    }
  });
});

describe('the tools, bench and scripts', () => {
  it.each([
    ['bench', ['tests', 'scripts']],
    ['scripts', ['tests', 'bench']],
    ['tools', ['tests', 'bench', 'scripts']],
  ])('%s/ imports nothing from %j', (folder, banned) => {
    const files = sourcesUnder(resolve(root, folder));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(foldersReached(file, root).filter((reached) => banned.includes(reached)), relative(root, file)).toEqual([]);
    }
  });
});
