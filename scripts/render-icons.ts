/**
 * Renders icons/icon.svg to the PNG sizes the manifest names, with Chromium at the exact
 * pixel size (no downscaling of one big bitmap), so each size is drawn crisp from the one source.
 * Usage: npm run icons
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tools/browsers';

const SIZES = [16, 32, 48, 128];
const root = resolve(import.meta.dirname, '..');

const svg = await readFile(resolve(root, 'icons/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${dataUrl}" width="${size}" height="${size}">`);
    await page.screenshot({ path: resolve(root, `icons/icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
