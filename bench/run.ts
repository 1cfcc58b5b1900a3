/**
 * npm run bench: every figure the extension is held to, measured in one run against the built
 * packages in Debian's Chromium and Firefox ESR, printed as a table and written to bench/results.json
 * and, the whole table, to docs/benchmark.md (between its markers: the reading around them stays).
 * Builds first when dist/ is missing or older than its sources. Exits 1 when a budget is missed.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { firefoxPath } from '../tools/browsers';
import { ExtensionBrowser } from '../tools/extension-browser';
import { startServer } from '../tools/server';
import { launch, requireChromium } from '../tools/chromium';
import { coreFigures, coreRows, measureCore, type Task } from './core';
import type { Timing } from './core-entry';
import { measureLoad, type LoadCost } from './cost';
import { busyFloorFigures, contentScriptRows, costFigures, floorFigures, LONG_PAGE, ON_LONG_PAGE, type CostFigures, type Figures } from './content-script-rows';
import { DIST, ensureBuilt, readManifest, ROOT } from '../tools/dist';
import { measureLiveblog } from './liveblog';
import { measureRelevance, relevanceRows, writeRelevance } from './relevance';
import { measureFlash } from './flash';
import { firefoxCostPages, firefoxRows, measureFirefoxCost, ublockProbePage, type FirefoxCost } from './firefox-cost';
import { BUSY_FLOOR_EXTENSIONS, FIREFOX_FLOORS, GUARANTEES, writeFloorExtensions, writeGuaranteesFloor, writePopupFloor } from './floor';
import { briefing } from '../src/briefing/index';
import { BUSY_PAGES, costPages, flashPages, servePages } from './pages';
import { measurePopup, type PopupLoad } from './popup';
import { hidingFloorSize, measureSizes, startScriptRows, type PartSize } from './sizes';
import { median, round } from './stats';
import { check, formatTable, kb, ms, writeBenchmarkPage, type Row } from './table';

/**
 * `npm run bench -- --cost [--loads N]`: the Chromium content-script rows alone (the cost pages and
 * their controls, interleaved as in the whole run, and the busy pages' flash), printed, nothing
 * written: some minutes, for measuring a change.
 */
const COST_ONLY = process.argv.includes('--cost');
const loadsArg = process.argv.indexOf('--loads');
const COST_LOADS = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 10;
const FIREFOX_LOADS = 10;
const POPUP_LOADS = 11;

const BUDGET = {
  contentScriptBytes: 16 * 1024,
  popupJsBytes: 40 * 1024,
  popupFirstRenderMs: 50,
} as const;

const started = Date.now();
/** The machine's load as the run starts: what its figures were measured beside. */
const loadAtStart = round(loadavg()[0] ?? 0);

function progress(message: string): void {
  process.stderr.write(`bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s: ${message}\n`);
}

function printTable(rows: readonly Row[], heading: string): number {
  process.stdout.write(`\n${heading}, ${cpus().length} CPUs, load ${loadAtStart} at the start, ${new Date().toISOString()}\n\n${formatTable(rows)}\n\n`);
  return rows.filter((r) => r.verdict === 'FAIL').length;
}

// `npm run bench -- --core`: the core rows alone, in a control browser, without the extension (well under a minute).
if (process.argv.includes('--core')) {
  const server = await startServer();
  const control = await launch({ extension: null, port: server.port });
  try {
    progress('quote matcher, page detection, job-widget finding');
    const core = await measureCore(control.context, server);
    if (printTable(coreRows(core), `Lagebild core, Chromium ${control.context.browser()?.version() ?? 'unknown'}, headless`) > 0) process.exitCode = 1;
  } finally {
    await control.close();
    await server.close();
  }
  process.exit();
}

// `npm run bench -- --relevance`: the relevance rule on the held-out corpus alone, no browser (a second).
if (process.argv.includes('--relevance')) {
  const rows = relevanceRows(measureRelevance());
  if (printTable(rows, 'Lagebild relevance rule') > 0) process.exitCode = 1;
  writeRelevance(join(ROOT, 'docs', 'benchmark.md'), `The relevance rule, ${new Date().toISOString()}`, rows);
  process.exit();
}

progress(`dist ${ensureBuilt()}`);

// Snapshots, so another build into dist/ while the bench runs cannot change what is measured.
mkdirSync(join(ROOT, 'bench', '.cache'), { recursive: true });
const snapshot = (from: string, name: string): string => {
  const to = join(ROOT, 'bench', '.cache', name);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  return to;
};
const extension = snapshot(DIST.chrome, 'dist-chrome');
const firefoxExtension = snapshot(DIST.firefox, 'dist-firefox');
const { version } = readManifest(extension);
const sizes = measureSizes(extension);
const hidingFloor = await hidingFloorSize(extension, sizes.startScripts);

const server = await startServer();
const flashSet = flashPages().filter((page) => !COST_ONLY || page.name in BUSY_PAGES);
const costSet = costPages();
const firefoxSet = firefoxCostPages(costSet);
const probe = ublockProbePage();
const address = servePages(server, { flash: flashSet, cost: costSet, firefox: firefoxSet, probe: [probe] });

const withExtension = await ExtensionBrowser.launch({
  executablePath: requireChromium(),
  extensionPath: extension,
  port: server.port,
  hosts: ['www.handelsblatt.com'],
});
const control = await launch({ extension: null, port: server.port });
const contentScripts = sizes.contentScript.files.map((file) => `chrome-extension://${withExtension.extensionId}/${file}`);
const floors = [];
for (const [name, path] of writeFloorExtensions(join(ROOT, 'bench', '.cache'))) {
  const session = await launch({ extension: path, port: server.port });
  floors.push({ name, session, scripts: [`${session.extensionOrigin ?? ''}/content.js`] });
}
const guarantees = await writeGuaranteesFloor(join(ROOT, 'bench', '.cache'), extension);
const guaranteesSession = await launch({ extension: guarantees.path, port: server.port });
floors.push({ name: GUARANTEES, session: guaranteesSession, scripts: guarantees.scripts.map((file) => `${guaranteesSession.extensionOrigin ?? ''}/${file}`) });
const busyFloors = [];
for (const [name, path] of writeFloorExtensions(join(ROOT, 'bench', '.cache'), BUSY_FLOOR_EXTENSIONS)) {
  busyFloors.push({ name, session: await launch({ extension: path, port: server.port }) });
}
const chromiumVersion = withExtension.context.browser()?.version() ?? 'unknown';

interface FlashFigures {
  flashFrames: number;
  controlVisibleFrames: number;
  framesSampled: number;
  widgets: number;
  visibleWithExtension: string[];
}

const flash: Record<string, FlashFigures> = {};
const costs = new Map<string, { extension: LoadCost[]; control: LoadCost[] }>();
const floorCosts = new Map<string, LoadCost[]>();
const popupLoads: PopupLoad[] = [];
const popupFloorLoads: PopupLoad[] = [];
let core = new Map<Task, Timing[]>();
let firefoxCost: FirefoxCost[] = [];
let ublockMeasured = false;

/** Everything but the content script's cost and flash: the popup, the core modules, Firefox. */
async function measureTheRest(): Promise<void> {
  progress('popup');
  // The control popup in its own browser, popups alternating, so a busy moment hits both alike.
  const popupFloor = await ExtensionBrowser.launch({
    executablePath: requireChromium(),
    extensionPath: writePopupFloor(join(ROOT, 'bench', '.cache'), briefing.title.de),
    port: server.port,
    hosts: ['www.handelsblatt.com'],
  });
  try {
    const article = await withExtension.context.newPage();
    await article.goto(address('cost', costSet[0]!), { waitUntil: 'load' });
    const floorArticle = await popupFloor.context.newPage();
    await floorArticle.goto(address('cost', costSet[0]!), { waitUntil: 'load' });
    for (let i = 0; i < POPUP_LOADS; i++) {
      popupLoads.push(await measurePopup(withExtension, article));
      popupFloorLoads.push(await measurePopup(popupFloor, floorArticle));
    }
    await article.close();
  } finally {
    await popupFloor.close();
  }

  progress('quote matcher, page detection, job-widget finding');
  core = await measureCore(control.context, server);

  const firefox = firefoxPath();
  if (firefox) {
    ({ results: firefoxCost, ublock: ublockMeasured } = await measureFirefoxCost({
      executablePath: firefox,
      port: server.port,
      extensions: {
        lagebild: firefoxExtension,
        ...Object.fromEntries(writeFloorExtensions(join(ROOT, 'bench', '.cache'), FIREFOX_FLOORS, 'firefox')),
        [GUARANTEES]: (await writeGuaranteesFloor(join(ROOT, 'bench', '.cache'), firefoxExtension, 'firefox')).path,
      },
      pages: firefoxSet.map((page) => ({ name: page.name, address: address('firefox', page) })),
      ublockProbe: address('probe', probe),
      loads: FIREFOX_LOADS,
      progress,
    }));
  } else {
    progress('no Firefox found: its per-load rows are left out');
  }
}

try {
  for (const page of flashSet) {
    progress(`flash ${page.name}`);
    // Side by side: a frame count does not depend on speed, unlike the timings below.
    const [seen, without] = await Promise.all([
      measureFlash(withExtension.context, page, address('flash', page)),
      measureFlash(control.context, page, address('flash', page)),
    ]);
    flash[page.name] = {
      flashFrames: seen.visibleFrames,
      controlVisibleFrames: without.visibleFrames,
      framesSampled: seen.frames,
      widgets: seen.widgetsSeen,
      visibleWithExtension: seen.visibleWidgets,
    };
  }

  // Loads alternate between the two browsers, so a busy moment of the machine hits both alike.
  for (let i = 0; i < COST_LOADS; i++) {
    progress(`content script cost, load ${i + 1} of ${COST_LOADS}`);
    for (const page of costSet) {
      const entry = costs.get(page.name) ?? { extension: [], control: [] };
      entry.extension.push(await measureLoad(withExtension.context, page, address('cost', page), contentScripts));
      entry.control.push(await measureLoad(control.context, page, address('cost', page), []));
      costs.set(page.name, entry);
    }
    // The floor on the real page, in the same rounds, so a busy moment hits it alike; the
    // needed-watching and the guarantees' controls on the long page too: how much of the growth
    // the watching and the guarantees themselves bring.
    const real = costSet[0]!;
    const long = costSet.find((page) => page.name === LONG_PAGE);
    for (const floor of floors) {
      floorCosts.set(floor.name, [...(floorCosts.get(floor.name) ?? []), await measureLoad(floor.session.context, real, address('cost', real), floor.scripts)]);
      if (!long || !ON_LONG_PAGE.includes(floor.name)) continue;
      const key = `${LONG_PAGE}/${floor.name}`;
      floorCosts.set(key, [...(floorCosts.get(key) ?? []), await measureLoad(floor.session.context, long, address('cost', long), floor.scripts)]);
    }
    // The busy pages' floors likewise, on each busy page.
    for (const busy of costSet.filter((page) => page.name in BUSY_PAGES)) {
      for (const floor of busyFloors) {
        const key = `${busy.name}/${floor.name}`;
        floorCosts.set(key, [...(floorCosts.get(key) ?? []), await measureLoad(floor.session.context, busy, address('cost', busy), [])]);
      }
    }
  }
  if (!COST_ONLY) await measureTheRest();

} finally {
  await withExtension.close();
  await control.close();
  for (const floor of [...floors, ...busyFloors]) await floor.session.close();
  await server.close();
}

const relevance = measureRelevance();

function sizeRow(measure: string, size: PartSize, budget: number | null): Row {
  return {
    section: 'Size (minified, dist/chrome)',
    measure: `${measure} (${size.files.length} file${size.files.length === 1 ? '' : 's'})`,
    value: `${kb(size.raw)} / ${kb(size.gzip)} gz`,
    budget: budget === null ? '' : `≤ ${kb(budget)} raw`,
    verdict: budget === null ? 'info' : check(size.raw <= budget),
  };
}

function flashRows(): Row[] {
  return Object.entries(flash).map(([name, f]) => ({
    section: 'Flash (frames with a visible widget)',
    measure: name,
    value: `${f.flashFrames} of ${f.framesSampled}`,
    budget: `0; control without extension: ${f.controlVisibleFrames} (> 0)`,
    verdict: check(f.flashFrames === 0 && f.controlVisibleFrames > 0),
  }));
}

/** The content-script figures: per page, the real page's controls, each busy page's controls there. */
function chromiumCostFigures(): Figures & { pages: Record<string, CostFigures> } {
  const pages = Object.fromEntries([...costs].map(([name, loads]) => [name, costFigures(loads)]));
  const busy = Object.fromEntries(
    Object.entries(BUSY_PAGES).map(([name, does]) => {
      const figures = pages[name]!;
      return [name, { cost: figures, floors: busyFloorFigures(floorCosts, figures, name), name: does }];
    }),
  );
  return { pages, real: pages.real2020!, long: pages[LONG_PAGE]!, busy, floors: floorFigures(floorCosts) };
}

if (COST_ONLY) {
  printTable(
    [...flashRows(), ...contentScriptRows(chromiumCostFigures()), ...startScriptRows(sizes.startScripts, hidingFloor)],
    `Lagebild ${version}, content script rows alone (${COST_LOADS} rounds) — Chromium ${chromiumVersion}, headless`,
  );
  process.exit();
}

// An hour of a live blog in one run, in browsers of its own (bench/liveblog.ts).
progress('live blog: 600 entries, one a frame');
const liveblog = await measureLiveblog({ extension, progress });

// ---------------------------------------------------------------------------------------------
// Figures

const cost = chromiumCostFigures();

const popupFigures = {
  loads: popupLoads.length,
  firstContentfulPaintMsMedian: round(median(popupLoads.map((p) => p.firstContentfulPaintMs))),
  firstContentfulPaintAfterHtmlMsMedian: round(median(popupLoads.map((p) => p.firstContentfulPaintAfterHtmlMs))),
  floor: {
    does: 'a static popup page showing only the briefing title',
    firstContentfulPaintMsMedian: round(median(popupFloorLoads.map((p) => p.firstContentfulPaintMs))),
    firstContentfulPaintAfterHtmlMsMedian: round(median(popupFloorLoads.map((p) => p.firstContentfulPaintAfterHtmlMs))),
  },
};

const results = {
  measuredAt: new Date().toISOString(),
  extensionVersion: version,
  browser: `Chromium ${chromiumVersion}, headless`,
  machine: { cpus: cpus().length, loadAverage1mAtStart: loadAtStart },
  method: {
    flash: 'Frames in which a job-widget root ([data-test-widget]) had a client rect of non-zero area, sampled every rendered frame from the first by tools/first-frame.ts; flashFrames with the extension, controlVisibleFrames the same page without it.',
    contentScript: `Per page load, fresh tab: contentScriptMs = thread CPU time (trace tdur, category devtools.timeline) of the outermost EvaluateScript and FunctionCall events of the content scripts (chrome-extension://<id>/src/content/…): compiling and running each script and every callback of it; promise continuations (microtasks) are not attributed by the trace. metrics* = CDP Performance.getMetrics for the whole load, medians of ${COST_LOADS} loads with and without the extension, alternating. floor = control extensions measured the same way on the real page, busyFloor = on the busy page, as added ScriptDuration (bench/floor.ts).`,
    popup: 'The real action popup, opened over the real 2020 article with chrome.action.openPopup, a new popup each time; first-contentful-paint (Paint Timing) from its navigation start, and from the end of its HTML response; read once #app shows the briefing title. floor = a control extension whose popup is a static page with the title only, popups alternating.',
    firefox: `Firefox ESR over WebDriver BiDi, one browser without an extension, one with Lagebild, one with uBlock Origin (Debian's package, its bundled lists, user filters hiding the same widgets: bench/firefox-cost.ts), one each with the control extensions whose content script is empty or only makes Lagebild's API calls, and one with the control that keeps the hiding's guarantees and nothing else (bench/floor.ts), each page loaded in a fresh tab in turn, rotating order, ${FIREFOX_LOADS} loads after one warm-up round; cpuMs = CPU time of every thread of the web-content processes (/proc schedstat) from navigation to the load event; cpuFromTabMs = the same from before the tab was opened (what a content script matching about:blank does before navigation); loadMs = the load event from navigation start.`,
    relevance: 'The live-blog relevance rule (core/liveblog/relevance.ts) on tests/fixtures/relevance-corpus/held-out.json, which the rule was never tuned on: each entry judged on its day, counted against its hand label (tools/relevance-score.ts).',
    core: 'Minified bundle of the core modules as a page script, cross-origin isolated (5 µs timer); cold = first run after a fresh page load, warm = 10 runs after it.',
    sizes: 'Files reached from dist/chrome/manifest.json, the popup HTML and each module\'s imports; gzip -9.',
  },
  flash,
  contentScript: {
    ...cost.pages,
    growthLongOverReal: round(cost.long.contentScriptMsMedian / cost.real.contentScriptMsMedian),
    floor: cost.floors,
    busyFloor: Object.fromEntries(Object.entries(cost.busy).map(([name, b]) => [name, b.floors])),
  },
  firefox: { ublockMeasured, pages: firefoxCost },
  popup: popupFigures,
  core: {
    quoteMatcherLongUkrainePage: coreFigures(core, 'quotes'),
    quoteMatcherLongLiveblogWithoutQuotes: coreFigures(core, 'quotesAbsent'),
    detectPageReal2020: coreFigures(core, 'detect'),
    findBlocksReal2020: coreFigures(core, 'blocks'),
  },
  liveblog: liveblog.runs,
  relevance: { precision: round(relevance.precision), recall: round(relevance.recall), entries: relevance.entries, about: relevance.about, misses: relevance.misses.map((m) => ({ id: m.entry.id, kind: m.kind })) },
  sizes: { ...sizes, hidingFloor },
  durationSeconds: round((Date.now() - started) / 1000),
};

writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------
// Table

const rows: Row[] = flashRows();
rows.push(...contentScriptRows(cost));
rows.push(...firefoxRows(firefoxCost, FIREFOX_LOADS));
rows.push(...coreRows(core));
rows.push(...liveblog.rows);
const relevanceTable = relevanceRows(relevance);
rows.push(...relevanceTable);
rows.push({
  section: 'Popup (median of 11)',
  measure: 'first contentful paint, from navigation start',
  value: ms(popupFigures.firstContentfulPaintMsMedian),
  budget: `≤ ${BUDGET.popupFirstRenderMs} ms; after its HTML: ${ms(popupFigures.firstContentfulPaintAfterHtmlMsMedian)}`,
  verdict: check(popupFigures.firstContentfulPaintMsMedian <= BUDGET.popupFirstRenderMs),
});
rows.push({
  section: 'Popup (median of 11)',
  measure: 'floor: a static popup page with the title only, first contentful paint',
  value: ms(popupFigures.floor.firstContentfulPaintMsMedian),
  budget: `control extension; after its HTML: ${ms(popupFigures.floor.firstContentfulPaintAfterHtmlMsMedian)}`,
  verdict: 'info',
});
rows.push(sizeRow('content script JS', sizes.contentScript, BUDGET.contentScriptBytes));
rows.push(...startScriptRows(sizes.startScripts, hidingFloor));
rows.push(sizeRow('content script CSS', sizes.contentCss, null));
rows.push(sizeRow('popup JS, all chunks', sizes.popupJs, BUDGET.popupJsBytes));
rows.push(sizeRow('background JS', sizes.backgroundJs, null));

const heading = `Lagebild ${version} — ${results.browser}`;
const failed = printTable(rows, heading);
const notes = [
  'Flash: frames in which a job widget had a visible box, sampled in every rendered frame from the first; the control is the same page without the extension.',
  'Content script: CPU time of its own tasks per page load (compiling and running each script, every callback), from a Chromium trace; the floor rows are control extensions measured alike;',
  '  the second row is CDP Performance.getMetrics for the whole load, median with the extension minus median without (includes style work its stylesheet causes; noisy).',
  'Firefox: CPU of the page\'s processes from navigation to load (and, the "from the tab\'s opening" rows, from before the tab opened), with minus without, as a share of without; uBlock Origin with hand-written filters is the peer; the floors are extensions whose content script is empty or makes only Lagebild\'s API calls.',
  'Core: the modules alone, minified, in a plain page; cold = the first run after a page load, as the content script meets it.',
];
writeBenchmarkPage(join(ROOT, 'docs', 'benchmark.md'), {
  heading: `${heading}, ${results.machine.cpus} CPUs, load ${results.machine.loadAverage1mAtStart} at the start, ${results.measuredAt}`,
  // The relevance rows stand in a block of their own below, which `--relevance` rewrites alone.
  table: formatTable(rows.filter((row) => !relevanceTable.includes(row))),
  notes,
});
writeRelevance(join(ROOT, 'docs', 'benchmark.md'), `The relevance rule, ${results.measuredAt}`, relevanceTable);
process.stdout.write([
  ...notes,
  `Written bench/results.json and docs/benchmark.md in ${results.durationSeconds.toFixed(0)} s. ${failed === 0 ? 'All budgets kept.' : `${failed} budget${failed === 1 ? '' : 's'} missed.`}`,
].join('\n') + '\n');
if (failed > 0) process.exitCode = 1;
