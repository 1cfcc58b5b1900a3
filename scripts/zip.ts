/**
 * npm run zip: builds and writes the store packages artifacts/lagebild-<browser>-<version>.zip with
 * web-ext (installed for linting Firefox anyway; it zips any extension directory), then opens each
 * zip again and checks it: manifest.json at the root, and every file of dist/<browser> in it, byte
 * for byte, and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { build, DIST, readManifest, ROOT } from '../tools/dist';

const ARTIFACTS = join(ROOT, 'artifacts');

interface ZipEntry {
  name: string;
  size: number;
  data: Buffer;
}

/** Reads a zip's central directory (no ZIP64, no encryption: neither occurs in an extension package). */
function readZip(zip: Buffer): ZipEntry[] {
  const END = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported compression method ${method}`);
    entries.push({ name, size, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

function verify(zipPath: string, dir: string): ZipEntry[] {
  const entries = readZip(readFileSync(zipPath)).filter((e) => !e.name.endsWith('/'));
  const inZip = new Map(entries.map((e) => [e.name, e]));
  const expected = filesIn(dir);
  const problems = [
    ...(inZip.has('manifest.json') ? [] : ['manifest.json is not at the root']),
    ...expected.filter((f) => !inZip.has(f)).map((f) => `missing ${f}`),
    ...[...inZip.keys()].filter((f) => !expected.includes(f)).map((f) => `unexpected ${f}`),
    ...expected.filter((f) => inZip.get(f)?.data.equals(readFileSync(join(dir, f))) === false).map((f) => `${f} differs from dist`),
  ];
  if (problems.length) throw new Error(`${relative(ROOT, zipPath)}:\n  ${problems.join('\n  ')}`);
  return entries;
}

build();
const failures: string[] = [];
for (const [browser, dir] of Object.entries(DIST)) {
  const filename = `lagebild-${browser}-${readManifest(dir).version}.zip`;
  const result = spawnSync(
    'npx',
    ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', ARTIFACTS, '--filename', filename, '--overwrite-dest'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) {
    failures.push(`web-ext build for ${browser} failed (exit ${String(result.status)})`);
    continue;
  }
  const zipPath = join(ARTIFACTS, filename);
  try {
    const entries = verify(zipPath, dir);
    const bytes = statSync(zipPath).size;
    process.stdout.write(`${relative(ROOT, zipPath)}  ${(bytes / 1024).toFixed(1)} KB, ${entries.length} files, verified against ${relative(ROOT, dir)}\n`);
    for (const entry of entries) process.stdout.write(`  ${String(entry.size).padStart(8)}  ${entry.name}\n`);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}
if (failures.length) {
  process.stderr.write(`${failures.join('\n')}\n`);
  process.exitCode = 1;
}
