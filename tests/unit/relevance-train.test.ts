/**
 * The relevance rule on the parts of the hand-labelled corpus it may be tuned on (tools/relevance-score.ts):
 * train.json, and retired.json, retired-2.json and retired-3.json, the first three held-out sets, each
 * opened once it was scored. The held-out part is for the bench alone, never read here.
 */
import { describe, expect, it } from 'vitest';
import { briefing, relevanceProfile } from '../../src/briefing';
import { compileProfile } from '../../src/core/liveblog/relevance';
import { readCorpus, scoreCorpus, type CorpusEntry } from '../../tools/relevance-score';

const geneva = compileProfile(relevanceProfile(briefing));

describe('the relevance rule on train.json and the retired sets together', () => {
  const train = readCorpus('train');
  const retired = [...readCorpus('retired'), ...readCorpus('retired-2'), ...readCorpus('retired-3')];
  const score = scoreCorpus([...train, ...retired], geneva);
  const named = score.misses.map((m) => `${m.kind}: ${m.entry.id} ${m.entry.text.slice(0, 80)}`);

  it('reads both files whole, both labels', () => {
    expect(retired.length).toBeGreaterThanOrEqual(210);
    expect(score.entries).toBe(train.length + retired.length);
    expect(score.entries).toBeGreaterThanOrEqual(390);
    expect(score.about).toBeGreaterThan(0);
    expect(score.about).toBeLessThan(score.entries);
  });

  it('lists almost only entries about the talks: precision at least 0.98', () => {
    expect(score.precision, named.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('lists almost all of them: recall at least 0.95', () => {
    expect(score.recall, named.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the corpus score', () => {
  const entry = (id: string, text: string, about: boolean): CorpusEntry => ({
    id, published: '2022-01-21T12:00:00+01:00', headline: null, text, style: 'agency', about, kind: about ? 'about-names' : 'not-one-word', note: '',
  });

  it('counts what is listed against the labels and names each miss', () => {
    const score = scoreCorpus([
      entry('a', 'Blinken und Lawrow haben sich in Genf getroffen.', true),
      entry('b', 'Das Krisentreffen ist vorbei.', true),
      entry('c', 'Lawrow und Blinken sprachen in Genf über das Wetter.', false),
      entry('d', 'Der Dax schließt im Plus.', false),
    ], geneva);
    expect(score).toMatchObject({ entries: 4, about: 2, listed: 2, right: 1, precision: 0.5, recall: 0.5 });
    expect(score.misses.map((m) => [m.entry.id, m.kind])).toEqual([['b', 'false negative'], ['c', 'false positive']]);
  });
});
