/** `npm run dev` serves the Chrome extension on a fixed port, into its own folder: the tests, bench and packager never read it for a build. */
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';

const root = resolve(import.meta.dirname, '../..');
const config = (command: 'serve' | 'build', mode: string): UserConfig => viteConfig({ command, mode });

describe('the vite config', () => {
  it('builds each browser into dist/<browser>', () => {
    expect(config('build', 'chrome').build?.outDir).toBe(resolve(root, 'dist/chrome'));
    expect(config('build', 'firefox').build?.outDir).toBe(resolve(root, 'dist/firefox'));
  });

  it('serves the Chrome extension into dist/chrome-dev, from a port its loader can name in advance', () => {
    const dev = config('serve', 'chrome');
    expect(dev.build?.outDir).toBe(resolve(root, 'dist/chrome-dev'));
    expect(dev.server).toMatchObject({ port: 5173, strictPort: true, hmr: { clientPort: 5173 } });
  });
});
