/**
 * Control extensions for the content-script cost: what the platform charges before any code of
 * ours runs. Each is a manifest with one content script at document_start on the same pages as
 * Lagebild's, measured the same way; their figures are the floor the budget is read against.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FloorExtension {
  name: string;
  /** What it is, as a phrase: "a content script that …". */
  does: string;
  script: string;
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
    script: [
      'Promise.all([chrome.storage.sync.get("settings"), chrome.storage.local.get("settings")]).then(([a, b]) => { document.documentElement.toggleAttribute("data-floor", "settings" in a || "settings" in b); });',
      'chrome.storage.onChanged.addListener(() => undefined);',
      'chrome.runtime.sendMessage({ type: "floor" }).catch(() => undefined);',
      '',
    ].join('\n'),
  },
];

/**
 * The popup's control: an extension whose action popup is a static page with nothing but the
 * briefing's title, so the same "drawn" check applies. What the browser takes to show any popup.
 */
export function writePopupFloor(dir: string, title: string): string {
  const path = join(dir, 'floor-popup');
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Lagebild bench floor: popup',
    version: '1.0.0',
    // Lagebild's popup path, where the harness looks for an opened popup.
    action: { default_popup: 'src/popup/index.html' },
    background: { service_worker: 'worker.js' },
  };
  writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest, null, 2));
  mkdirSync(join(path, 'src', 'popup'), { recursive: true });
  writeFileSync(join(path, 'src', 'popup', 'index.html'), `<!doctype html>\n<html lang="de"><meta charset="utf-8"><title>Lagebild</title><div id="app"><h1>${title}</h1></div></html>\n`);
  writeFileSync(join(path, 'worker.js'), '');
  return path;
}

/** Writes each control extension under `dir`; returns their paths by name. */
export function writeFloorExtensions(dir: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const floor of FLOOR_EXTENSIONS) {
    const path = join(dir, `floor-${floor.name}`);
    rmSync(path, { recursive: true, force: true });
    mkdirSync(path, { recursive: true });
    const manifest = {
      manifest_version: 3,
      name: `Lagebild bench floor: ${floor.name}`,
      version: '1.0.0',
      permissions: ['storage'],
      // An empty worker: the harness finds an extension's ID from its worker, as for Lagebild's.
      background: { service_worker: 'worker.js' },
      content_scripts: [{ matches: ['*://*.handelsblatt.com/*'], js: ['content.js'], run_at: 'document_start' }],
    };
    writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(path, 'content.js'), floor.script);
    writeFileSync(join(path, 'worker.js'), '');
    paths.set(floor.name, path);
  }
  return paths;
}
