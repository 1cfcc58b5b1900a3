/**
 * The relevance rule's figures on the held-out part of the hand-labelled corpus
 * (tests/fixtures/relevance-corpus/held-out.json, never used to tune the rule): precision, recall,
 * and every miss by name. No browser: the rule is pure. Part of `npm run bench`; alone:
 *
 *   npm run bench -- --relevance
 *
 * which prints the rows and writes them into docs/benchmark.md between markers of their own.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { briefing, relevanceProfile } from '../src/briefing/index';
import { compileProfile } from '../src/core/liveblog/relevance';
import { readCorpus, scoreCorpus, type CorpusScore } from '../tools/relevance-score';
import { check, formatTable, WRITTEN_TO, type Row } from './table';

export const RELEVANCE_BUDGET = { precision: 0.98, recall: 0.95 } as const;

const SECTION = 'Live-blog relevance (held-out.json)';

export function measureRelevance(): CorpusScore {
  return scoreCorpus(readCorpus('held-out'), compileProfile(relevanceProfile(briefing)));
}

const shorten = (text: string, max = 90): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function relevanceRows(score: CorpusScore): Row[] {
  const rows: Row[] = [
    {
      section: SECTION,
      measure: `precision: of the entries listed, about the talks (${score.entries} entries, ${score.about} about)`,
      // Four places and the count: 48 of 49 is 0.9796, under 0.98, which three places would print as 0.980.
      value: `${score.precision.toFixed(4)} (${score.right} of ${score.listed})`,
      budget: `≥ ${RELEVANCE_BUDGET.precision}`,
      verdict: check(score.precision >= RELEVANCE_BUDGET.precision),
    },
    {
      section: SECTION,
      measure: 'recall: of the entries about the talks, listed',
      value: `${score.recall.toFixed(4)} (${score.right} of ${score.about})`,
      budget: `≥ ${RELEVANCE_BUDGET.recall}`,
      verdict: check(score.recall >= RELEVANCE_BUDGET.recall),
    },
  ];
  for (const { entry, kind } of score.misses) {
    rows.push({
      section: SECTION,
      measure: `miss, ${kind}: ${entry.id} (${entry.kind}, ${entry.published.slice(0, 10)}) ${shorten(`${entry.headline ? `${entry.headline}: ` : ''}${entry.text}`)}`,
      value: '',
      budget: '',
      verdict: 'info',
    });
  }
  return rows;
}

const FROM = '<!-- npm run bench --relevance writes from here -->';
const TO = '<!-- npm run bench --relevance writes up to here -->';

/** docs/benchmark.md with the relevance rows between their own markers, inside the generated part (or added to it). */
export function withRelevance(page: string, heading: string, rows: readonly Row[]): string {
  const block = [FROM, `${heading}\n\n${formatTable(rows)}`, TO].join('\n\n');
  const from = page.indexOf(FROM);
  const to = page.indexOf(TO);
  if (from !== -1 && to > from) return `${page.slice(0, from)}${block}${page.slice(to + TO.length)}`;
  const end = page.indexOf(WRITTEN_TO);
  return end === -1 ? `${page.trimEnd()}\n\n${block}\n` : `${page.slice(0, end)}${block}\n\n${page.slice(end)}`;
}

export function writeRelevance(path: string, heading: string, rows: readonly Row[]): void {
  writeFileSync(path, withRelevance(existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark\n', heading, rows));
}
