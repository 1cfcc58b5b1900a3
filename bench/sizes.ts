/**
 * What the extension ships, read from the built Chrome package: every file a part loads, found by
 * following the manifest, the popup's HTML and each module's static and dynamic imports, so a chunk
 * split off by the bundler still counts. A chunk shared by two parts counts in both.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readManifest } from '../tools/dist';

export interface PartSize {
  files: string[];
  raw: number;
  gzip: number;
}

export interface Sizes {
  contentScript: PartSize;
  contentCss: PartSize;
  popupJs: PartSize;
  backgroundJs: PartSize;
}

const IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']|\bimport\s*\(\s*["']([^"']+\.js)["']\s*\)/g;
const SCRIPT_SRC = /<script\b[^>]*\bsrc=["']([^"']+)["']/g;

/** `ref` as written in `from` (a file in the package): root-relative when it starts with a slash. */
function resolveIn(dist: string, from: string, ref: string): string {
  return ref.startsWith('/') ? join(dist, ref) : resolve(dirname(from), ref);
}

function withImports(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) visit(resolveIn(dist, file, (match[1] ?? match[2])!));
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

function measure(dist: string, files: string[]): PartSize {
  const bytes = files.map((file) => readFileSync(file));
  return {
    files: files.map((file) => relative(dist, file)),
    raw: bytes.reduce((sum, b) => sum + b.length, 0),
    gzip: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  };
}

export function measureSizes(dist: string): Sizes {
  const manifest = readManifest(dist);
  const scripts = manifest.content_scripts ?? [];
  const inDist = (path: string): string => join(dist, path);
  const popupHtml = manifest.action?.default_popup;
  if (!popupHtml) throw new Error('the manifest names no popup');
  const popupPath = inDist(popupHtml);
  const popupEntries = [...readFileSync(popupPath, 'utf8').matchAll(SCRIPT_SRC)].map((m) => resolveIn(dist, popupPath, m[1]!));
  const background = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (!background) throw new Error('the manifest names no background script');
  return {
    contentScript: measure(dist, withImports(dist, scripts.flatMap((s) => s.js ?? []).map(inDist))),
    contentCss: measure(dist, scripts.flatMap((s) => s.css ?? []).map(inDist)),
    popupJs: measure(dist, withImports(dist, popupEntries)),
    backgroundJs: measure(dist, withImports(dist, [inDist(background)])),
  };
}
