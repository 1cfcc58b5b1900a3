/** What the end-to-end suites need before they start: a browser, and a build of the extension that is not older than its source. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts'];

/**
 * The browser's path, or null when there is none: the suite is then skipped with a notice that
 * cannot be missed. Under CI=true a missing browser is an error, so CI never passes by skipping.
 */
export function browserOrSkip(name: string, path: string | null, override: string): string | null {
  if (path) return path;
  const notice = `${name} was not found, so its end-to-end tests ${process.env.CI === 'true' ? 'cannot run (CI=true requires them)' : 'are SKIPPED'}.
Install the browsers with:  apt-get install -y chromium firefox-esr
or point ${override} at a ${name} binary.`;
  if (process.env.CI === 'true') throw new Error(notice);
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n${notice}\n${bar}\n`);
  return null;
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Runs `work` while holding a lock directory, so that test files running in parallel build one at a time. */
function locked<T>(lock: string, work: () => T): T {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A holder that died mid-build leaves its lock behind; no build takes a minute.
      if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 100);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * dist/<target>, built first if it is missing or older than any source. Each suite builds only the
 * target it loads, and under a lock, since several suites may start at once.
 */
export function ensureBuilt(target: 'chrome' | 'firefox'): string {
  const dist = join(ROOT, 'dist', target);
  const manifest = join(dist, 'manifest.json');
  const stale = (): boolean => {
    const sources = SOURCES.map((p) => join(ROOT, p)).filter((p) => existsSync(p));
    return !existsSync(manifest) || statSync(manifest).mtimeMs < Math.max(...sources.map(newestChange));
  };
  if (!stale()) return dist;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  locked(join(ROOT, 'dist', `.build-${target}.lock`), () => {
    if (stale()) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', target], { cwd: ROOT, stdio: 'inherit' });
    }
  });
  return dist;
}
