import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

/** The one page Chrome shows in its side panel and Firefox in its sidebar. */
export const PANEL_PATH = baseManifest.side_panel.default_path;

/**
 * One manifest.json for both browsers; only what a browser rejects or warns about differs:
 * Firefox runs the background as an event page (`background.scripts`), Chrome as a service
 * worker and does not know `browser_specific_settings`. Chrome's side panel is Firefox's sidebar:
 * Firefox gets `sidebar_action` with the same page and its own command to open it, and no
 * `side_panel` or `sidePanel` permission, which it does not know; Chrome gets no `sidebar_action`.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  if (target === 'firefox') {
    const { commands, action } = baseManifest;
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' };
    delete manifest.side_panel;
    manifest.permissions = baseManifest.permissions.filter((permission) => permission !== 'sidePanel');
    manifest.sidebar_action = { default_panel: PANEL_PATH, default_title: action.default_title, default_icon: action.default_icon, open_at_install: false };
    manifest.commands = { _execute_sidebar_action: commands['open-side-panel'] };
  } else {
    delete manifest.browser_specific_settings;
  }
  return manifest as unknown as ManifestV3Export;
}

/**
 * A content script the background registers at run time (`scripting.registerContentScripts`), so not
 * in the manifest for crxjs to build: emitted under its source path, .ts → .js, as the background
 * names it (src/background/page-scripts.ts). It imports only constants, so it builds to a plain script.
 */
export const REGISTERED_SCRIPTS = ['src/content/stored-settings.ts'];

function registeredScripts(): Plugin {
  return {
    name: 'lagebild-registered-scripts',
    apply: 'build',
    buildStart() {
      for (const file of REGISTERED_SCRIPTS) {
        this.emitFile({ type: 'chunk', id: resolve(import.meta.dirname, file), fileName: file.replace(/\.ts$/, '.js') });
      }
    },
  };
}

export default defineConfig(({ command, mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target }), registeredScripts()],
    // Which browser a build is for, where code must pick between them (src/shared/browser.ts).
    define: { __LAGEBILD_TARGET__: JSON.stringify(target) },
    // `npm run dev`: the dev server's extension loads its code from this port (so it is fixed), and
    // lives in dist/chrome-dev, apart from the build that the tests, the bench and the packager read.
    server: { port: 5173, strictPort: true, hmr: { clientPort: 5173 } },
    build: {
      outDir: resolve(import.meta.dirname, 'dist', command === 'serve' ? `${target}-dev` : target),
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox128' : 'chrome120',
      modulePreload: false,
      // The plugin builds the pages the manifest names; it does not know Firefox's sidebar_action.
      rollupOptions: target === 'firefox' ? { input: { panel: resolve(import.meta.dirname, PANEL_PATH) } } : {},
    },
  };
});
