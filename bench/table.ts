/** The bench's printed table: one row per figure, with its budget and whether it is kept; and docs/benchmark.md, which holds it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Verdict = 'pass' | 'FAIL' | 'info';

export interface Row {
  section: string;
  measure: string;
  value: string;
  budget: string;
  verdict: Verdict;
}

const MARK: Record<Verdict, string> = { pass: '✓ pass', FAIL: '✗ FAIL', info: '' };

export function check(ok: boolean): Verdict {
  return ok ? 'pass' : 'FAIL';
}

/** A Markdown table, aligned for the terminal, so the README can show it as printed. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['What', 'Measure', 'Value', 'Budget', 'Result'];
  const body = rows.map((r, i) => [i > 0 && rows[i - 1]?.section === r.section ? '' : r.section, r.measure, r.value, r.budget, MARK[r.verdict]]);
  const widths = header.map((h, col) => Math.max(h.length, ...body.map((cells) => cells[col]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, col) => (col === 2 ? c.padStart(widths[col]!) : c.padEnd(widths[col]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, col) => (col === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** docs/benchmark.md holds what `npm run bench` writes between these; the reading of the figures around them is written by hand. */
export const WRITTEN_FROM = '<!-- npm run bench writes from here -->';
export const WRITTEN_TO = '<!-- npm run bench writes up to here -->';

/** `page` (docs/benchmark.md as it is, or null) with the run's heading, whole table and notes between the markers. */
export function benchmarkPage(page: string | null, run: { heading: string; table: string; notes: readonly string[] }): string {
  const written = [WRITTEN_FROM, run.heading, run.table, run.notes.join('\n'), WRITTEN_TO].join('\n\n');
  const from = page?.indexOf(WRITTEN_FROM) ?? -1;
  const to = page?.indexOf(WRITTEN_TO) ?? -1;
  if (page === null || from === -1 || to < from) return `${page?.trimEnd() ?? '# Benchmark'}\n\n${written}\n`;
  return `${page.slice(0, from)}${written}${page.slice(to + WRITTEN_TO.length)}`;
}

/** Writes the run into docs/benchmark.md at `path`, its heading naming the commit measured (`-dirty`: with changes not committed). */
export function writeBenchmarkPage(path: string, run: { heading: string; table: string; notes: readonly string[] }): void {
  const commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: dirname(path), encoding: 'utf8' }).trim();
  const page = existsSync(path) ? readFileSync(path, 'utf8') : null;
  writeFileSync(path, benchmarkPage(page, { ...run, heading: `${run.heading}, commit ${commit}` }));
}
