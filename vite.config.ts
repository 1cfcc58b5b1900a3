import { resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
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
 * in the manifest for crxjs to build: bundled on its own into one classic script (a registered script
 * cannot import), emitted under its source path, .ts → .js, as the background names it
 * (src/background/page-scripts.ts).
 */
export const REGISTERED_SCRIPTS = ['src/content/stored-settings.ts'];

/**
 * A TypeScript entry bundled the way the content scripts are (minified, self-contained, one classic
 * script): the registered scripts, and the bench's controls.
 */
export async function bundleScript(entry: string, name: string, define: Record<string, string> = {}, target = 'chrome120'): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define,
    build: { write: false, minify: true, target, lib: { entry, formats: ['iife'], name, fileName: name } },
  });
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} produced no script`);
  return chunk.code;
}

function registeredScripts(target: Target, define: Record<string, string>): Plugin {
  return {
    name: 'lagebild-registered-scripts',
    apply: 'build',
    async generateBundle() {
      for (const file of REGISTERED_SCRIPTS) {
        const source = await bundleScript(resolve(import.meta.dirname, file), 'lagebildRegistered', define, buildTarget(target));
        this.emitFile({ type: 'asset', fileName: file.replace(/\.ts$/, '.js'), source });
      }
    },
  };
}

function buildTarget(target: Target): string {
  return target === 'firefox' ? 'firefox128' : 'chrome120';
}

export default defineConfig(({ command, mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  // Which browser a build is for, where code must pick between them (src/shared/browser.ts).
  const define = { __LAGEBILD_TARGET__: JSON.stringify(target) };
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target }), registeredScripts(target, define)],
    define,
    // `npm run dev`: the dev server's extension loads its code from this port (so it is fixed), and
    // lives in dist/chrome-dev, apart from the build that the tests, the bench and the packager read.
    server: { port: 5173, strictPort: true, hmr: { clientPort: 5173 } },
    build: {
      outDir: resolve(import.meta.dirname, 'dist', command === 'serve' ? `${target}-dev` : target),
      emptyOutDir: true,
      target: buildTarget(target),
      modulePreload: false,
      // The plugin builds the pages the manifest names; it does not know Firefox's sidebar_action.
      rollupOptions: target === 'firefox' ? { input: { panel: resolve(import.meta.dirname, PANEL_PATH) } } : {},
    },
  };
});
