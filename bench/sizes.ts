/**
 * What the extension ships, read from the built Chrome package: every file a part loads, found by
 * following the manifest, the popup's HTML and each module's static and dynamic imports, so a chunk
 * split off by the bundler still counts. A chunk shared by two parts counts in both.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readManifest, START_SCRIPTS_ASKED_BYTES, START_SCRIPTS_BYTES } from '../tools/dist';
import { check, kb, type Row } from './table';
import { bundleScript } from '../vite.config';

export interface PartSize {
  files: string[];
  raw: number;
  gzip: number;
}

export interface Sizes {
  contentScript: PartSize;
  /** The content scripts the manifest runs at document_start: what every page evaluates before its first frame. */
  startScripts: PartSize;
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

/**
 * The start scripts' control: the hiding's guarantees alone (bench/hiding-floor-entry.ts), bundled
 * as the start script is, with the page-world hook beside it as Lagebild has it.
 */
export async function hidingFloorSize(dist: string, startScripts: PartSize): Promise<PartSize> {
  const code = Buffer.from(await bundleScript(join(import.meta.dirname, 'hiding-floor-entry.ts'), 'hidingFloor', { __LAGEBILD_TARGET__: '"chrome"' }));
  const hook = startScripts.files.filter((file) => file.includes('shadow-hook')).map((file) => readFileSync(join(dist, file)));
  return sized(['bench/hiding-floor-entry.ts', ...startScripts.files.filter((file) => file.includes('shadow-hook'))], [code, ...hook]);
}

function sized(files: string[], bytes: Buffer[]): PartSize {
  return {
    files,
    raw: bytes.reduce((sum, b) => sum + b.length, 0),
    gzip: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  };
}

function measure(dist: string, files: string[]): PartSize {
  return sized(
    files.map((file) => relative(dist, file)),
    files.map((file) => readFileSync(file)),
  );
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
    startScripts: measure(dist, withImports(dist, scripts.filter((s) => s.run_at === 'document_start').flatMap((s) => s.js ?? []).map(inDist))),
    contentCss: measure(dist, scripts.flatMap((s) => s.css ?? []).map(inDist)),
    popupJs: measure(dist, withImports(dist, popupEntries)),
    backgroundJs: measure(dist, withImports(dist, [inDist(background)])),
  };
}

/** The start scripts against issue 28's budget, beside their control: what the hiding's guarantees alone take. */
export function startScriptRows(start: PartSize, floor: PartSize): Row[] {
  const section = 'Size (minified, dist/chrome)';
  const value = (size: PartSize): string => `${kb(size.raw)} / ${kb(size.gzip)} gz`;
  return [
    {
      section,
      measure: `start scripts, run at document_start on every page (${start.files.length} files)`,
      value: value(start),
      budget: `≤ ${kb(START_SCRIPTS_ASKED_BYTES)} raw (issue 28); ${(start.raw / floor.raw).toFixed(2)}× the control; tests hold ≤ ${kb(START_SCRIPTS_BYTES)}`,
      verdict: check(start.raw <= START_SCRIPTS_ASKED_BYTES),
    },
    {
      section,
      measure: 'control: the hiding\'s guarantees alone (watching, text recognition, marks, guard; no badge, settings or door), bundled alike, with the hook',
      value: value(floor),
      budget: `the least a start script holding them takes: ${floor.raw > START_SCRIPTS_ASKED_BYTES ? 'over' : 'within'} issue 28's ${kb(START_SCRIPTS_ASKED_BYTES)}`,
      verdict: 'info',
    },
  ];
}
