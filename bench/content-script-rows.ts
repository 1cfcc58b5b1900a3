/**
 * The Chromium content-script figures of `npm run bench` (bench/run.ts) from its loads (bench/cost.ts):
 * per page, Lagebild against the same page without it; the control extensions (bench/floor.ts) on
 * the real and the busy page; and their rows in the table.
 */
import { METRICS, type LoadCost, type MetricName } from './cost';
import { BUSY_FLOOR_EXTENSIONS, FLOOR_EXTENSIONS } from './floor';
import { median, round } from './stats';
import { check, ms, type Row } from './table';

/** Own CPU per load on the real page, as a multiple of the control extension making the same API calls. */
const OVER_API_FLOOR = 3;
const SECTION = 'Content script, main thread per load (median of 10)';

export type CostFigures = ReturnType<typeof costFigures>;

export function costFigures(loads: { extension: LoadCost[]; control: LoadCost[] }) {
  const metric = (runs: LoadCost[], name: MetricName): number => round(median(runs.map((r) => r.metrics[name])));
  const withExt = Object.fromEntries(METRICS.map((m) => [m, metric(loads.extension, m)])) as Record<MetricName, number>;
  const without = Object.fromEntries(METRICS.map((m) => [m, metric(loads.control, m)])) as Record<MetricName, number>;
  return {
    loads: loads.extension.length,
    contentScriptMsMedian: round(median(loads.extension.map((r) => r.ownMs))),
    contentScriptMsPerLoad: loads.extension.map((r) => round(r.ownMs)),
    tasksPerLoadMedian: median(loads.extension.map((r) => r.tasks)),
    metricsMedianWithExtension: withExt,
    metricsMedianWithoutExtension: without,
    metricsDifference: Object.fromEntries(METRICS.map((m) => [m, round(withExt[m] - without[m])])) as Record<MetricName, number>,
  };
}

/** The real page's control extensions: their own CPU per load, as Lagebild's is read. */
export function floorFigures(floorCosts: ReadonlyMap<string, LoadCost[]>) {
  return Object.fromEntries(
    FLOOR_EXTENSIONS.map((floor) => {
      const loads = floorCosts.get(floor.name) ?? [];
      return [floor.name, { does: floor.does, loads: loads.length, contentScriptMsMedian: round(median(loads.map((r) => r.ownMs))), contentScriptMsPerLoad: loads.map((r) => round(r.ownMs)) }];
    }),
  );
}

/** The busy page's control extensions: added ScriptDuration over the page without any, as the busy row reads Lagebild's. */
export function busyFloorFigures(floorCosts: ReadonlyMap<string, LoadCost[]>, busy: CostFigures) {
  return Object.fromEntries(
    BUSY_FLOOR_EXTENSIONS.map((floor) => {
      const loads = floorCosts.get(floor.name) ?? [];
      const script = round(median(loads.map((r) => r.metrics.ScriptDuration)));
      return [floor.name, { does: floor.does, loads: loads.length, scriptDurationMsMedian: script, addedScriptMs: round(script - busy.metricsMedianWithoutExtension.ScriptDuration) }];
    }),
  );
}

interface Figures {
  real: CostFigures;
  long: CostFigures;
  busy: CostFigures;
  floors: ReturnType<typeof floorFigures>;
  busyFloors: ReturnType<typeof busyFloorFigures>;
}

const info = (measure: string, value: string, budget: string): Row => ({ section: SECTION, measure, value, budget, verdict: 'info' });

/** The real and the long page: own CPU, and the whole load's metrics with − without. */
function pageRows({ real, long, floors }: Figures): Row[] {
  const apiFloor = floors['api-as-lagebild']?.contentScriptMsMedian ?? Number.NaN;
  return ([['real 2020 page', real], ['long page, 2,000 paragraphs, 50 late widgets', long]] as const).flatMap(([name, c]) => {
    const isReal = c === real;
    return [
      {
        section: SECTION,
        measure: `${name}: own CPU time (trace)`,
        value: ms(c.contentScriptMsMedian),
        budget: isReal
          ? `${(c.contentScriptMsMedian / apiFloor).toFixed(1)}× the API floor; ≤ ${OVER_API_FLOOR}×`
          : `${(c.contentScriptMsMedian / real.contentScriptMsMedian).toFixed(1)}× the real page`,
        verdict: isReal ? check(c.contentScriptMsMedian <= OVER_API_FLOOR * apiFloor) : 'info',
      },
      info(
        `${name}: Script / Task / Style duration, with − without`,
        `${ms(c.metricsDifference.ScriptDuration)} / ${ms(c.metricsDifference.TaskDuration)} / ${ms(c.metricsDifference.RecalcStyleDuration)}`,
        `without: ${ms(c.metricsMedianWithoutExtension.ScriptDuration)} / ${ms(c.metricsMedianWithoutExtension.TaskDuration)} / ${ms(c.metricsMedianWithoutExtension.RecalcStyleDuration)}`,
      ),
    ] satisfies Row[];
  });
}

export function contentScriptRows(figures: Figures): Row[] {
  const { real, busy, floors, busyFloors } = figures;
  const busyOwn = busy.metricsMedianWithoutExtension.ScriptDuration;
  const textFloor = floors['api-and-text']?.contentScriptMsMedian ?? Number.NaN;
  const neededFloor = floors['needed-watching']?.contentScriptMsMedian ?? Number.NaN;
  return [
    ...pageRows(figures),
    {
      section: SECTION,
      measure: 'busy page, 500 nodes changed per frame for 3 s: added script time (ScriptDuration, with − without)',
      value: ms(busy.metricsDifference.ScriptDuration),
      budget: `≤ half the page's own, ${ms(busyOwn)} / 2`,
      verdict: check(busy.metricsDifference.ScriptDuration <= busyOwn / 2),
    },
    ...BUSY_FLOOR_EXTENSIONS.map((floor) =>
      info(`floor, busy page: ${floor.does}: added script time`, ms(busyFloors[floor.name]?.addedScriptMs ?? Number.NaN), 'control extension'),
    ),
    info(
      'real 2020 page: own CPU time over the text-reading control (issue 20: ≤ 2×) and over the needed-watching floor',
      `${(real.contentScriptMsMedian / textFloor).toFixed(2)}× / ${(real.contentScriptMsMedian / neededFloor).toFixed(2)}×`,
      `the floor itself: ${(neededFloor / textFloor).toFixed(2)}× the text-reading control`,
    ),
    ...FLOOR_EXTENSIONS.map((floor) => info(`floor, real 2020 page: ${floor.does}`, ms(floors[floor.name]?.contentScriptMsMedian ?? Number.NaN), 'control extension')),
  ];
}
