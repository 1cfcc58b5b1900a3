/**
 * `npm run bench:firefox`: the Firefox per-load rows alone (a few minutes, not the whole bench's
 * twenty), for working on what a page load costs there. The same pages, controls and method as
 * `npm run bench`; prints the rows and writes nothing.
 *
 *   --loads N              rounds counted (default 10)
 *   --variant name=dir     one more extension measured in the same rounds (an experiment's build)
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { firefoxPath } from '../tools/browsers';
import { DIST, ensureBuilt, ROOT } from '../tools/dist';
import { startServer } from '../tools/server';
import { firefoxCostPages, firefoxRows, measureFirefoxCost, ublockProbePage } from './firefox-cost';
import { FIREFOX_FLOORS, GUARANTEES, writeFloorExtensions, writeGuaranteesFloor } from './floor';
import { costPages, servePages } from './pages';
import { formatTable } from './table';

const { values } = parseArgs({ options: { loads: { type: 'string', default: '10' }, variant: { type: 'string', multiple: true, default: [] } } });
const loads = Number(values.loads);
const variants = Object.fromEntries(values.variant.map((v) => v.split('=', 2) as [string, string]));

const firefox = firefoxPath();
if (!firefox) throw new Error('No Firefox found (apt-get install firefox-esr).');
process.stderr.write(`dist ${ensureBuilt()}\n`);
// A snapshot, so a build into dist/ while this runs cannot change what is measured.
const lagebild = join(ROOT, 'bench', '.cache', 'dist-firefox');
rmSync(lagebild, { recursive: true, force: true });
cpSync(DIST.firefox, lagebild, { recursive: true });

const server = await startServer();
try {
  const pages = firefoxCostPages(costPages());
  const probe = ublockProbePage();
  const address = servePages(server, { firefox: pages, probe: [probe] });
  const floors = Object.fromEntries(writeFloorExtensions(join(ROOT, 'bench', '.cache'), FIREFOX_FLOORS, 'firefox'));
  const guarantees = await writeGuaranteesFloor(join(ROOT, 'bench', '.cache'), lagebild, 'firefox');
  const { results } = await measureFirefoxCost({
    executablePath: firefox,
    port: server.port,
    extensions: { lagebild, ...floors, [GUARANTEES]: guarantees.path, ...variants },
    pages: pages.map((page) => ({ name: page.name, address: address('firefox', page) })),
    ublockProbe: address('probe', probe),
    loads,
    progress: (message) => process.stderr.write(`${message}\n`),
  });
  process.stdout.write(`${formatTable(firefoxRows(results, loads, Object.keys(variants)))}\n`);
} finally {
  await server.close();
}
