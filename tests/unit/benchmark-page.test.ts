/** docs/benchmark.md: `npm run bench` rewrites its table between the markers and leaves the reading around them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRelevance } from '../../bench/relevance';
import { benchmarkPage, WRITTEN_FROM, WRITTEN_TO, type Row } from '../../bench/table';

const run = (n: number) => ({ heading: `Run ${String(n)}`, table: `| x |\n|---|\n| ${String(n)} |`, notes: ['Flash: …'] });

describe('docs/benchmark.md', () => {
  it('gets the run between its markers, the hand-written reading around them kept', () => {
    const page = `# Benchmark\n\nIntro.\n\n${WRITTEN_FROM}\n\nold\n\n${WRITTEN_TO}\n\n## Reading\n\nBy hand.\n`;
    const next = benchmarkPage(page, run(2));
    expect(next).toBe(`# Benchmark\n\nIntro.\n\n${WRITTEN_FROM}\n\nRun 2\n\n| x |\n|---|\n| 2 |\n\nFlash: …\n\n${WRITTEN_TO}\n\n## Reading\n\nBy hand.\n`);
    expect(benchmarkPage(next, run(2))).toBe(next);
  });

  it('is written whole when missing, and the run added at the end of a page without markers', () => {
    expect(benchmarkPage(null, run(1))).toMatch(new RegExp(`^# Benchmark\\n\\n${WRITTEN_FROM}\\n\\nRun 1\\n`));
    expect(benchmarkPage('# Mine\n', run(1))).toMatch(/^# Mine\n\n<!--[^]*Run 1[^]*-->\n$/);
  });

  it('in the repository holds the markers, once each', () => {
    const page = readFileSync(resolve(import.meta.dirname, '../../docs/benchmark.md'), 'utf8');
    expect([page.split(WRITTEN_FROM).length, page.split(WRITTEN_TO).length]).toEqual([2, 2]);
  });

  it('gets the relevance rows in a block of their own inside the run, which a relevance run alone rewrites', () => {
    const row = (value: string): Row => ({ section: 'Relevance', measure: 'precision', value, budget: '≥ 0.98', verdict: 'pass' });
    const page = benchmarkPage(`# Benchmark\n\n${WRITTEN_FROM}\n\n${WRITTEN_TO}\n\n## Reading\n`, run(1));
    const first = withRelevance(page, 'Relevance 1', [row('0.990')]);
    expect(first.indexOf('0.990')).toBeGreaterThan(first.indexOf('Run 1'));
    expect(first.indexOf('0.990')).toBeLessThan(first.indexOf(WRITTEN_TO));
    const second = withRelevance(first, 'Relevance 2', [row('1.000')]);
    expect(second).not.toContain('0.990');
    expect(second.replace('Relevance 2', 'Relevance 1').replace('1.000', '0.990')).toBe(first);
  });
});
