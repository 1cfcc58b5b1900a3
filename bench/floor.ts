/**
 * Control extensions for the content-script cost: what the platform charges before any code of
 * ours runs. Each is a manifest with one content script at document_start on the same pages as
 * Lagebild's, measured the same way; their figures are the floor the budget is read against.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleScript } from '../vite.config';
import { compile } from '../src/core/block-evidence';
import { HIDING_RULES } from '../src/core/hiding-rules';

export interface FloorExtension {
  name: string;
  /** What it is, as a phrase: "a content script that …". */
  does: string;
  script: string;
}

/**
 * The extension API calls every Lagebild page load makes, through `api` (`chrome` or `browser`):
 * settings from both storage areas (their promise's `then` gets `onSettings`), their changes
 * followed, one message to the badge.
 */
function lagebildApiCalls(api: 'chrome' | 'browser', onSettings: string): string[] {
  return [
    `Promise.all([${api}.storage.sync.get("settings"), ${api}.storage.local.get("settings")]).then(${onSettings});`,
    `${api}.storage.onChanged.addListener(() => undefined);`,
    `${api}.runtime.sendMessage({ type: "floor" }).catch(() => undefined);`,
  ];
}

/** A settings handler that touches the page with what it read (and `more`), as Lagebild's sets attributes. */
function settingsRead(more: string): string {
  return `([a, b]) => { document.documentElement.toggleAttribute("data-floor", "settings" in a || "settings" in b${more}); }`;
}

export const FLOOR_EXTENSIONS: readonly FloorExtension[] = [
  { name: 'empty', does: 'a content script that does nothing (one statement)', script: 'void 0;\n' },
  {
    name: 'reads-setting',
    does: 'a content script that reads one setting from chrome.storage.sync, as any content script with settings must',
    script: 'chrome.storage.sync.get("settings").then((got) => { document.documentElement.toggleAttribute("data-floor", "settings" in got); });\n',
  },
  {
    name: 'reports-to-badge',
    does: 'a content script that sends one message to its background, as a badge count needs',
    script: 'chrome.runtime.sendMessage({ type: "floor" }).catch(() => undefined);\n',
  },
  {
    name: 'api-as-lagebild',
    does: 'a content script that makes the extension API calls Lagebild makes on the real page: reads its settings from both areas, follows their changes, reports the one hidden block to the badge',
    script: [...lagebildApiCalls('chrome', settingsRead('')), ''].join('\n'),
  },
  {
    name: 'api-and-text',
    does: "a content script that makes the same API calls and reads the document's whole text once a frame while it is parsed, natively, and nothing more (no search, no shadow roots, no guard)",
    script: [
      'const range = document.createRange();',
      'let chars = 0;',
      'const frame = () => { range.selectNodeContents(document.documentElement); chars += range.toString().length; if (document.readyState === "loading") requestAnimationFrame(frame); };',
      'requestAnimationFrame(frame);',
      ...lagebildApiCalls('chrome', settingsRead(' || chars < 0')),
      '',
    ].join('\n'),
  },
  {
    name: 'needed-watching',
    does: 'a content script that watches the page as the hiding needs at the least, with no extension API and no work on what it sees: the text parsed so far read once a frame, each parsed element looked at for a shadow root, the whole document observed once parsed',
    script: [
      'const range = document.createRange();',
      'const all = document.getElementsByTagName("*");',
      '// Closed roots too where a content script may read them (Firefox), as Lagebild does.',
      'const rootOf = "openOrClosedShadowRoot" in Element.prototype ? (el) => el.openOrClosedShadowRoot : (el) => el.shadowRoot;',
      'let chars = 0, looked = 0, roots = 0;',
      'const frame = () => {',
      '  range.selectNodeContents(document.documentElement); chars += range.toString().length;',
      '  for (; looked < all.length; looked++) if (rootOf(all[looked])) roots++;',
      '  if (document.readyState === "loading") requestAnimationFrame(frame);',
      '};',
      'requestAnimationFrame(frame);',
      'document.addEventListener("DOMContentLoaded", () => {',
      '  frame();',
      '  new MutationObserver(() => undefined).observe(document, { childList: true, subtree: true, characterData: true });',
      '  document.documentElement.toggleAttribute("data-floor", chars + roots < 0);',
      '});',
      '',
    ].join('\n'),
  },
];

/** Writes an unpacked extension, `files` by path beside its manifest, into `dir/name` afresh; returns its path. */
function writeExtension(dir: string, name: string, manifest: object, files: Record<string, string>): string {
  const path = join(dir, name);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(path, file)), { recursive: true });
    writeFileSync(join(path, file), text);
  }
  return path;
}

/** Where Lagebild's content scripts run; every floor's run there too. */
const CONTENT_SCRIPT = { matches: ['*://*.handelsblatt.com/*'], js: ['content.js'], run_at: 'document_start' };

/**
 * Controls for the busy pages (tools/hard-pages.ts, busyPage and busierPage), measured there alone:
 * what watching the DOM charges a page whose script changes 500 nodes every frame, before any work
 * is done, and with the least work any watcher does (reading what arrived).
 */
export const BUSY_FLOOR_EXTENSIONS: readonly FloorExtension[] = [
  {
    name: 'observes-children',
    does: "a content script that observes only the document's own children (a MutationObserver that never fires here)",
    script: 'new MutationObserver(() => undefined).observe(document, { childList: true });\n',
  },
  {
    name: 'observes-all',
    does: 'a content script that observes the whole document for added and changed nodes and does nothing with them, as a DOM-watching content script starts',
    script: 'new MutationObserver(() => undefined).observe(document, { childList: true, subtree: true, characterData: true });\n',
  },
  {
    name: 'observes-all-names',
    does: "a content script with one MutationObserver on the document for added nodes and text that reads each added element's name, and nothing more (issue 28's minimal observe-all control)",
    script: [
      'let names = 0;',
      'new MutationObserver((records) => {',
      '  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) names += node.nodeName.length;',
      '  if (names < 0) document.documentElement.toggleAttribute("data-floor");',
      '}).observe(document, { childList: true, subtree: true, characterData: true });',
      '',
    ].join('\n'),
  },
  {
    name: 'needed-batch-work',
    does: "a content script that does with each batch of added elements what the hiding needs at the least and no more: the outermost ones, each looked at for a shadow root with every element under it, its text read once for the rules' words and one query for their links, frames and known markup (Lagebild's own patterns); nothing done with what it finds",
    script: neededBatchWork(),
  },
];

/** The script of the needed-batch-work control, with Lagebild's rules' words and selectors written in. */
function neededBatchWork(): string {
  const compiled = HIDING_RULES.map(compile);
  const words = compiled.flatMap((c) => [c.phrases?.source, c.rule.opensWith?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')]).filter(Boolean).join('|');
  const unworded = compiled.map((c) => c.unworded).filter(Boolean).join(', ');
  return [
    `const words = new RegExp(${JSON.stringify(words)}, "i");`,
    `const unworded = ${JSON.stringify(unworded)};`,
    'let queue = [], pending = false, found = 0;',
    'const handle = () => {',
    '  pending = false;',
    '  const batch = new Set(queue);',
    '  queue = [];',
    '  for (const node of batch) {',
    '    let outer = node.isConnected;',
    '    for (let up = node.parentNode; up && outer; up = up.parentNode) outer = !batch.has(up);',
    '    if (!outer) continue;',
    '    if (node.shadowRoot) found++;',
    '    for (const el of node.getElementsByTagName("*")) if (el.shadowRoot) found++;',
    '    if (words.test(node.textContent) || node.matches(unworded) || node.querySelector(unworded)) found++;',
    '  }',
    '  if (found < 0) document.documentElement.toggleAttribute("data-floor");',
    '};',
    'new MutationObserver((records) => {',
    '  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) queue.push(node);',
    '  if (!pending) { pending = true; queueMicrotask(handle); }',
    '}).observe(document, { childList: true, subtree: true, characterData: true });',
    '',
  ].join('\n');
}

/**
 * The popup's control: an extension whose action popup is a static page with nothing but the
 * briefing's title, so the same "drawn" check applies. What the browser takes to show any popup.
 */
export function writePopupFloor(dir: string, title: string): string {
  const manifest = {
    manifest_version: 3,
    name: 'Lagebild bench floor: popup',
    version: '1.0.0',
    // Lagebild's popup path, where the harness looks for an opened popup.
    action: { default_popup: 'src/popup/index.html' },
    background: { service_worker: 'worker.js' },
  };
  return writeExtension(dir, 'floor-popup', manifest, {
    'src/popup/index.html': `<!doctype html>\n<html lang="de"><meta charset="utf-8"><title>Lagebild</title><div id="app"><h1>${title}</h1></div></html>\n`,
    'worker.js': '',
  });
}

/**
 * Writes each control extension (by default those for the real page) under `dir`, for Chromium or
 * for Firefox; returns their paths by name. Each has a background, as Lagebild has: Chromium's
 * harness finds an extension's ID from its worker; in Firefox it is empty, so the badge message
 * finds no listener and its rejection is ignored.
 */
export function writeFloorExtensions(dir: string, floors: readonly FloorExtension[] = FLOOR_EXTENSIONS, browser: 'chrome' | 'firefox' = 'chrome'): Map<string, string> {
  const paths = new Map<string, string>();
  for (const floor of floors) {
    const manifest = {
      manifest_version: 3,
      name: `Lagebild bench floor: ${floor.name}`,
      version: '1.0.0',
      permissions: ['storage'],
      content_scripts: [CONTENT_SCRIPT],
      ...(browser === 'chrome'
        ? { background: { service_worker: 'worker.js' } }
        : { background: { scripts: ['worker.js'] }, host_permissions: CONTENT_SCRIPT.matches, browser_specific_settings: { gecko: { id: `${floor.name}@lagebild.example` } } }),
    };
    paths.set(floor.name, writeExtension(dir, `${browser === 'chrome' ? 'floor' : 'firefox'}-${floor.name}`, manifest, { 'content.js': floor.script, 'worker.js': '' }));
  }
  return paths;
}

export const GUARANTEES = 'guarantees';
export const GUARANTEES_DOES =
  "a content script that keeps the hiding's guarantees and does nothing else: Lagebild's own watching, text recognition, marks and guard (bench/hiding-floor-entry.ts, bundled as the start script is), its stylesheet and its page-world hook; no badge, no stored settings, no door, no page features";

/**
 * The control that does what the hiding's guarantees need and nothing else, for Chromium or for
 * Firefox, written under `dir` from the built extension in `dist` (its stylesheet and page-world
 * hook) and the guarantees' own modules, built for that browser as Lagebild is; returns its path
 * and its content scripts' files.
 */
export async function writeGuaranteesFloor(dir: string, dist: string, browser: 'chrome' | 'firefox' = 'chrome'): Promise<{ path: string; scripts: string[] }> {
  const built = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts: { js?: string[]; css?: string[]; world?: string }[] };
  const hook = built.content_scripts.find((script) => script.world === 'MAIN')?.js?.[0];
  const css = built.content_scripts.flatMap((script) => script.css ?? [])[0];
  if (!hook || !css) throw new Error(`${dist}/manifest.json has no page-world hook or stylesheet`);
  const entry = join(import.meta.dirname, 'hiding-floor-entry.ts');
  const code = await bundleScript(entry, 'hidingFloor', { __LAGEBILD_TARGET__: JSON.stringify(browser) }, browser === 'chrome' ? 'chrome120' : 'firefox128');
  const manifest = {
    manifest_version: 3,
    name: `Lagebild bench floor: ${GUARANTEES}`,
    version: '1.0.0',
    content_scripts: [
      { matches: CONTENT_SCRIPT.matches, js: ['hook.js'], run_at: 'document_start', world: 'MAIN' },
      { ...CONTENT_SCRIPT, css: ['hide.css'] },
    ],
    ...(browser === 'chrome'
      ? { background: { service_worker: 'worker.js' } }
      : { background: { scripts: ['worker.js'] }, host_permissions: CONTENT_SCRIPT.matches, browser_specific_settings: { gecko: { id: `${GUARANTEES}@lagebild.example` } } }),
  };
  const files = { 'hook.js': readFileSync(join(dist, hook), 'utf8'), 'hide.css': readFileSync(join(dist, css), 'utf8'), 'content.js': code, 'worker.js': '' };
  const name = browser === 'chrome' ? `floor-${GUARANTEES}` : `firefox-${GUARANTEES}`;
  return { path: writeExtension(dir, name, manifest, files), scripts: ['hook.js', 'content.js'] };
}

/**
 * The Firefox control extensions: Manifest V3, one content script at document_start on the pages
 * Lagebild's runs on. What Firefox charges a page for such an extension before a line of its own
 * work runs: the empty one for the content-script machinery, the other for the extension API
 * calls every Lagebild page load makes, which Firefox sets up in the page's process on first use.
 * bench/firefox-cost.ts prints them beside Lagebild's.
 */
export const FIREFOX_FLOORS: readonly FloorExtension[] = [
  { name: 'floor', does: 'an MV3 extension whose content script is empty', script: 'void 0;\n' },
  {
    name: 'floor-api',
    does: "an MV3 extension whose content script makes Lagebild's API calls (settings from both storage areas, their changes followed, one message to the badge) and nothing else",
    script: [...lagebildApiCalls('browser', '() => undefined, () => undefined'), ''].join('\n'),
  },
];
