/** The bench's printed table: one row per figure, with its budget and whether it is kept. */

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
