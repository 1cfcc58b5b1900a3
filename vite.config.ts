import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

/**
 * One manifest.json for both browsers; only what a browser rejects or warns about differs:
 * Firefox runs the background as an event page (`background.scripts`), Chrome as a service
 * worker and does not know `browser_specific_settings`.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  if (target === 'firefox') {
    manifest.background = { scripts: [baseManifest.background.service_worker], type: 'module' };
  } else {
    delete manifest.browser_specific_settings;
  }
  return manifest as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target })],
    // Which browser a build is for, where code must pick between them (src/shared/browser.ts).
    define: { __LAGEBILD_TARGET__: JSON.stringify(target) },
    build: {
      outDir: resolve(import.meta.dirname, 'dist', target),
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox128' : 'chrome120',
      modulePreload: false,
    },
  };
});
