/**
 * A few rows of the bench on their own, for work on one part while others benchmark too:
 *   npx tsx bench/rows.ts [--flash REGEX] [--cost REGEX] [--loads N] [--firefox] [--firefox-cost]
 * Flash pages whose name matches are counted with and without the extension in Chromium (and in
 * Firefox with --firefox); cost pages whose name matches are loaded N times each (default 10),
 * alternating with and without, as `npm run bench` does. --firefox-cost: the Firefox per-load
 * rows (Lagebild and uBlock Origin against none), N rounds, on the pages --cost matches (default
 * all three). Prints the figures, writes nothing.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { firefoxPath } from '../tools/browsers';
import { ExtensionBrowser } from '../tools/extension-browser';
import { launchFirefox } from '../tools/firefox';
import { afterFrames, FLASH_REPORT, type FlashReport } from '../tools/first-frame';
import { startServer } from '../tools/server';
import { launch, requireChromium } from '../tools/chromium';
import { measureLoad, type LoadCost } from './cost';
import { DIST, ensureBuilt } from '../tools/dist';
import { measureFlash } from './flash';
import { firefoxCostPages, firefoxRows, measureFirefoxCost, ublockProbePage } from './firefox-cost';
import { FIREFOX_FLOORS, writeFloorExtensions } from './floor';
import { measureSizes } from './sizes';
import { costPages, flashPages, LATE_DONE, servePages, type BenchPage } from './pages';
import { median, round } from './stats';
import { formatTable } from './table';

const { values } = parseArgs({ options: { flash: { type: 'string' }, cost: { type: 'string' }, loads: { type: 'string' }, firefox: { type: 'boolean' }, 'firefox-cost': { type: 'boolean' } } });
const pick = (pages: BenchPage[], pattern: string | undefined): BenchPage[] => (pattern ? pages.filter((p) => new RegExp(pattern).test(p.name)) : []);
ensureBuilt();
const flashSet = pick(flashPages(), values.flash);
const costSet = values['firefox-cost'] ? [] : pick(costPages(), values.cost);
const firefoxSet = values['firefox-cost'] ? firefoxCostPages(costPages()).filter((page) => !values.cost || new RegExp(values.cost).test(page.name)) : [];
const probe = ublockProbePage();
const server = await startServer();
const address = servePages(server, { flash: flashSet, cost: costSet, firefox: firefoxSet, probe: [probe] });
const withExtension = await ExtensionBrowser.launch({ executablePath: requireChromium(), extensionPath: DIST.chrome, port: server.port, hosts: ['www.handelsblatt.com'] });
const control = await launch({ extension: null, port: server.port });
const scripts = measureSizes(DIST.chrome).contentScript.files.map((file) => `chrome-extension://${withExtension.extensionId}/${file}`);

/** The same count in Firefox: the sampler's frames with a visible widget. */
async function firefoxFlash(page: Page, bench: BenchPage, url: string): Promise<FlashReport> {
  await page.goto(url, { waitUntil: 'load' });
  if (bench.late) await page.waitForFunction(bench.settled ?? LATE_DONE, { timeout: 15_000 });
  await page.evaluate(afterFrames(30));
  return (await page.evaluate(FLASH_REPORT)) as FlashReport;
}

try {
  for (const page of flashSet) {
    const [seen, without] = await Promise.all([measureFlash(withExtension.context, page, address('flash', page)), measureFlash(control.context, page, address('flash', page))]);
    process.stdout.write(`flash chromium ${page.name}: ${seen.visibleFrames} of ${seen.frames} frames (${seen.widgetsSeen} widgets); control without extension: ${without.visibleFrames}\n`);
  }
  const ff = firefoxPath();
  if (values.firefox && ff && flashSet.length) {
    const browser = await launchFirefox({ executablePath: ff, extensionPath: DIST.firefox, port: server.port });
    try {
      for (const page of flashSet) {
        const tab = await browser.newPage();
        const report = await firefoxFlash(tab, page, address('flash', page));
        await tab.close();
        process.stdout.write(`flash firefox ${page.name}: ${report.visibleFrames} of ${report.frames} frames (${report.widgetsSeen} widgets)\n`);
      }
    } finally {
      await browser.close();
    }
  }
  const loads = Number(values.loads ?? 10);
  if (ff && firefoxSet.length) {
    const { results } = await measureFirefoxCost({
      executablePath: ff,
      port: server.port,
      extensions: { lagebild: DIST.firefox, ...Object.fromEntries(writeFloorExtensions(join(tmpdir(), 'lagebild-bench'), FIREFOX_FLOORS, 'firefox')) },
      pages: firefoxSet.map((page) => ({ name: page.name, address: address('firefox', page) })),
      ublockProbe: address('probe', probe),
      loads,
      progress: (message) => process.stderr.write(`${message}\n`),
    });
    process.stdout.write(`${formatTable(firefoxRows(results, loads))}\n`);
  }
  for (const page of costSet) {
    const runs: { extension: LoadCost[]; control: LoadCost[] } = { extension: [], control: [] };
    for (let i = 0; i < loads; i++) {
      runs.extension.push(await measureLoad(withExtension.context, page, address('cost', page), scripts));
      runs.control.push(await measureLoad(control.context, page, address('cost', page), []));
    }
    const script = (r: LoadCost[]): number => round(median(r.map((c) => c.metrics.ScriptDuration)));
    process.stdout.write(`cost ${page.name} (median of ${loads}): content script own CPU ${round(median(runs.extension.map((r) => r.ownMs)))} ms; `
      + `ScriptDuration with ${script(runs.extension)} ms, without ${script(runs.control)} ms, added ${round(script(runs.extension) - script(runs.control))} ms\n`);
  }
} finally {
  await withExtension.close();
  await control.close();
  await server.close();
}
