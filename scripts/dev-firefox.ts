/**
 * npm run dev:firefox: the Firefox build in watch mode, and Firefox with it loaded by web-ext, which
 * reloads the extension whenever the build rewrites dist/firefox. Arguments go to web-ext run, e.g.
 * `npm run dev:firefox -- --start-url https://www.handelsblatt.com/` or `-- --arg=--headless`.
 * Ctrl+C stops both. (Chrome has `npm run dev`: the dev server with hot reload.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { firefoxPath } from '../tools/browsers';
import { DIST, ROOT } from '../tools/dist';

const firefox = firefoxPath();
if (firefox === null) throw new Error('No Firefox found: apt-get install -y firefox-esr, or point FIREFOX_PATH at one.');

const children: ChildProcess[] = [];
const run = (args: string[]): ChildProcess => {
  const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    stop(code ?? 0);
  });
  return child;
};
function stop(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => {
  stop(0);
});
process.on('SIGTERM', () => {
  stop(0);
});

// web-ext starts once the first build is complete: a manifest left from an older build would not wait for it.
const manifest = join(DIST.firefox, 'manifest.json');
rmSync(manifest, { force: true });
const build = run(['vite', 'build', '--watch', '--mode', 'firefox']);
let started = false;
build.stdout?.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (started || !/built in/.test(chunk.toString()) || !existsSync(manifest)) return;
  started = true;
  const webExt = run(['web-ext', 'run', '--source-dir', DIST.firefox, `--firefox=${firefox}`, '--no-config-discovery', ...process.argv.slice(2)]);
  webExt.stdout?.pipe(process.stdout);
});
