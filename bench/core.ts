/**
 * The content script's pure core, timed in Chromium on the fixture pages: the quote matcher on the
 * 2,000-paragraph Ukraine page that holds the quotes and on a 2,000-entry live blog that does not,
 * page detection and job-widget finding on the real 2020 page.
 * Each load is a fresh tab; the first run in it is the cold one the content script pays per page.
 * The page is served cross-origin isolated (COOP/COEP on 127.0.0.1), because only then does
 * performance.now() resolve 5 µs instead of 100 µs, and sub-millisecond figures need that.
 */
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { articleUrl, liveblogPage, longArticlePage, real2020Page } from '../tools/pages';
import type { PageServer } from '../tools/server';
import { bundleScript } from '../vite.config';
import type { Timing } from './core-entry';
import { median, round } from './stats';
import { check, ms, type Row } from './table';

const GLOBAL = 'lagebildBench';
const WARM_RUNS = 10;

/**
 * Invented, like the live blog fixture's entries: what a live blog in the days around the Geneva talks would also
 * report. They name Blinken, Lawrow and Genf, and some report what was said in Geneva in other words, so that they
 * share most words of a quote, in another order or with a few others: none holds a quote closely enough to match it,
 * and the matcher has to look closely at them rather than rule the page out at a glance. Like the site's text they
 * have typographic quote marks and dashes, which make the page's text two-byte for the engine, and slower to read.
 */
const GENEVA_WEEK_ENTRIES: [title: string, text: string][] = [
  ['Lawrow und Blinken treffen sich in Genf', 'Russlands Außenminister Sergej Lawrow und US-Außenminister Antony Blinken kommen am Freitag in Genf zusammen. Beide Seiten dämpfen vorab die Erwartungen an einen Durchbruch.'],
  ['Blinken: Diplomatie hat Vorrang', 'US-Außenminister Blinken hat vor seinem Treffen mit Lawrow betont, die USA setzten auf Diplomatie. Zugleich bereite man sich mit den europäischen Verbündeten auf harte Sanktionen vor, falls Russland die Ukraine angreife.'],
  ['Lawrow weist Invasionspläne zurück', 'Der russische Außenminister hat Berichte über einen geplanten Angriff auf die Ukraine erneut als „Hysterie“ des Westens bezeichnet. Russland bedrohe niemanden, sagte Lawrow in Moskau.'],
  ['Nato lehnt russische Forderungen ab', 'Nato-Generalsekretär Jens Stoltenberg hat die russischen Forderungen nach Sicherheitsgarantien erneut zurückgewiesen. Über ihre Bündnisse entschieden allein die Ukraine und die 30 Mitgliedstaaten.'],
  ['Gespräch in Genf nach anderthalb Stunden beendet', 'Das Treffen von Blinken und Lawrow im Hotel President Wilson ist nach rund 90 Minuten zu Ende gegangen. Beide Minister wollen sich getrennt vor der Presse äußern.'],
  ['Lawrow: Treffen war nützlich', 'Nach seinem Gespräch mit Blinken sagte Lawrow, das Treffen sei „offen und nützlich“ gewesen. Eine Einigung gebe es nicht – der Dialog solle aber weitergehen.'],
  ['Blinken zieht Bilanz', 'Blinken nannte den Austausch mit Lawrow „offen und sachlich“. Er habe deutlich gemacht, dass die Vereinigten Staaten fest an der Seite der Ukraine stünden.'],
  ['Moskau wartet auf schriftliche Antwort', 'Russland erwartet von den USA in der kommenden Woche eine schriftliche Reaktion auf seine Vorschläge für Sicherheitsgarantien. Erst danach werde man über weitere Schritte entscheiden, hieß es im Außenministerium.'],
  ['Kreml: Putin jederzeit zu Kontakt bereit', 'Präsident Wladimir Putin sei jederzeit zu einem Kontakt mit US-Präsident Joe Biden bereit, sagte Lawrow. Ein solches Treffen müsse allerdings gut vorbereitet sein.'],
  ['Russland bestreitet Angriffspläne', 'Moskau habe keine Pläne für einen Angriff auf die Ukraine, sagte Lawrow. Russland habe das ukrainische Volk nie bedroht, die Nato müsse aber ihre Truppen aus Osteuropa abziehen.'],
  ['Lawrow wirft der Nato Einkreisung vor', 'Lawrow warf der Nato vor, gegen Russland zu arbeiten. Die Allianz rücke immer näher an die Grenzen seines Landes heran, sagte er.'],
  ['Moskau kritisiert Waffenlieferungen', 'Moskau zeigte sich besorgt über westliche Waffenlieferungen und die Entsendung von Ausbildern in die Ukraine. Das heize den Konflikt weiter an – so das Außenministerium.'],
  ['Baerbock reist nach Kiew und Moskau', 'Außenministerin Annalena Baerbock ist zu ihren Antrittsbesuchen in der Ukraine und in Russland aufgebrochen. In Kiew will sie die Unterstützung Deutschlands für die Souveränität und territoriale Integrität des Landes bekräftigen.'],
  ['Biden warnt vor Einmarsch', 'US-Präsident Joe Biden hat Russland vor einem Einmarsch in die Ukraine gewarnt. Die USA und ihre Verbündeten würden darauf geschlossen und mit harten Sanktionen reagieren, sagte er im Weißen Haus.'],
  ['Westen droht mit Sanktionen', 'Sollten russische Streitkräfte die Grenze überschreiten, werde der Westen schnell reagieren, sagte ein Sprecher der Bundesregierung. Die Lage sei „ernst“, es sei aber immer noch Zeit für Gespräche.'],
  ['Russische Truppen an der Grenze', 'Nach Angaben aus Washington hat Russland inzwischen rund 100.000 Soldaten an der Grenze zur Ukraine zusammengezogen. Satellitenbilder zeigen neue Feldlager in der Region Woronesch.'],
];

/** The long live blog's entries; one in every ENTRIES / GENEVA_WEEK_ENTRIES.length is on the Geneva week. */
const ENTRIES = 2000;

/**
 * A long Ukraine page without the quotes: the live blog with 2,000 entries, about 500,000 characters of prose (the
 * Geneva page cycled to 2,000 paragraphs has about 690,000), of which 16 spread over it are on the Geneva week, each
 * once, as a live blog running for weeks would have them. The live blog fixture writes each entry as a heading and one
 * paragraph; the content script reads it as about Ukraine, so it looks for the quotes there.
 */
function quotesAbsentPage(): string {
  const every = Math.floor(ENTRIES / GENEVA_WEEK_ENTRIES.length);
  let entry = 0;
  return liveblogPage({ entries: ENTRIES }).replace(/<h3>[^<]*<\/h3><app-rich-text><p>[^<]*<\/p>/g, (original) => {
    const geneva = entry % every === every >> 1 ? GENEVA_WEEK_ENTRIES[Math.floor(entry / every)] : undefined;
    entry++;
    return geneva === undefined ? original : `<h3>${geneva[0]}</h3><app-rich-text><p>${geneva[1]}</p>`;
  });
}

const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };

/** Registers /core/<name> pages with the bundle at the end of their body. */
export async function serveCorePages(server: PageServer): Promise<{ quotes: string; quotesAbsent: string; real2020: string }> {
  const script = await bundleScript(resolve(import.meta.dirname, 'core-entry.ts'), GLOBAL);
  const pages = {
    quotes: longArticlePage({ paragraphs: 2000, topic: 'ukraine' }),
    quotesAbsent: quotesAbsentPage(),
    real2020: real2020Page(),
  };
  server.route('/core/bench.js', (_request, response) => {
    response.writeHead(200, { ...ISOLATED, 'content-type': 'text/javascript' }).end(script);
  });
  for (const [name, html] of Object.entries(pages)) {
    const end = html.lastIndexOf('</body>');
    const withScript = `${html.slice(0, end)}<script src="/core/bench.js"></script>${html.slice(end)}`;
    server.route(`/core/${name}`, (_request, response) => {
      response.writeHead(200, { ...ISOLATED, 'content-type': 'text/html; charset=utf-8' }).end(withScript);
    });
  }
  const at = (name: string): string => `http://127.0.0.1:${server.port}/core/${name}`;
  return { quotes: at('quotes'), quotesAbsent: at('quotesAbsent'), real2020: at('real2020') };
}

export type Task = 'quotes' | 'quotesAbsent' | 'detect' | 'blocks';

/** One fresh load of `address`, then `task` run cold and warm. */
export async function timeTask(context: BrowserContext, address: string, task: Task): Promise<Timing> {
  const tab = await context.newPage();
  try {
    await tab.goto(address, { waitUntil: 'load' });
    if (!(await tab.evaluate('crossOriginIsolated'))) throw new Error(`${address} is not cross-origin isolated: timer resolution would be 100 µs`);
    return await tab.evaluate<Timing>(`${GLOBAL}.tasks.${task}(${WARM_RUNS}, ${JSON.stringify(articleUrl.real2020)})`);
  } finally {
    await tab.close();
  }
}

const CORE_LOADS = 11;

/** Milliseconds, cold: the quote matcher runs when the popup asks, so it only has to beat the popup's own paint. */
export const CORE_BUDGET = { quoteMatcherMs: 50, detectAndBlocksMs: 1 } as const;

/** Every core task, CORE_LOADS fresh loads each, the tasks taking turns so a busy moment hits them alike. */
export async function measureCore(context: BrowserContext, server: PageServer): Promise<Map<Task, Timing[]>> {
  const address = await serveCorePages(server);
  const tasks: [Task, string][] = [
    ['quotes', address.quotes], ['quotesAbsent', address.quotesAbsent], ['detect', address.real2020], ['blocks', address.real2020],
  ];
  const core = new Map<Task, Timing[]>();
  for (let i = 0; i < CORE_LOADS; i++) {
    for (const [task, at] of tasks) core.set(task, [...(core.get(task) ?? []), await timeTask(context, at, task)]);
  }
  return core;
}

export interface CoreFigures {
  loads: number;
  coldMsMedian: number;
  warmMsMedian: number;
  found: string;
}

export function coreFigures(core: Map<Task, Timing[]>, task: Task): CoreFigures {
  const runs = core.get(task) ?? [];
  return {
    loads: runs.length,
    coldMsMedian: round(median(runs.map((r) => r.coldMs))),
    warmMsMedian: round(median(runs.flatMap((r) => r.warmMs))),
    found: runs[0]?.found ?? '',
  };
}

/** The table's core rows. */
export function coreRows(core: Map<Task, Timing[]>): Row[] {
  const section = `Core, in Chromium (cold run per page load, median of ${CORE_LOADS})`;
  const row = (measure: string, t: CoreFigures, budget: number): Row => ({
    section,
    measure: `${measure} (${t.found})`,
    value: ms(t.coldMsMedian),
    budget: `≤ ${budget} ms; warm: ${ms(t.warmMsMedian)}`,
    verdict: check(t.coldMsMedian <= budget),
  });
  const [detect, blocks] = [coreFigures(core, 'detect'), coreFigures(core, 'blocks')];
  return [
    row('quote matcher, long Ukraine page', coreFigures(core, 'quotes'), CORE_BUDGET.quoteMatcherMs),
    row('quote matcher, long live blog without the quotes', coreFigures(core, 'quotesAbsent'), CORE_BUDGET.quoteMatcherMs),
    row('detectPage, real 2020 page', detect, CORE_BUDGET.detectAndBlocksMs),
    row('findBlocks, real 2020 page', blocks, CORE_BUDGET.detectAndBlocksMs),
    {
      section,
      measure: 'detectPage + findBlocks, real 2020 page',
      value: ms(detect.coldMsMedian + blocks.coldMsMedian),
      budget: `≤ ${CORE_BUDGET.detectAndBlocksMs} ms`,
      verdict: check(detect.coldMsMedian + blocks.coldMsMedian <= CORE_BUDGET.detectAndBlocksMs),
    },
  ];
}
