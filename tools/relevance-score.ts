/**
 * The relevance rule's figures on a file of the hand-labelled corpus (tests/fixtures/relevance-corpus/):
 * each entry judged as the content script judges it (headline and text, on its day), counted against
 * its label. The unit tests read train.json with it, the bench held-out.json; nothing else reads that one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayOfIso } from '../src/core/liveblog/dates';
import { judgeEntry, type CompiledProfile } from '../src/core/liveblog/relevance';
import { ROOT } from './dist';

export interface CorpusEntry {
  id: string;
  published: string;
  headline: string | null;
  text: string;
  style: string;
  about: boolean;
  kind: string;
  note: string;
}

/** `retired`: the first held-out set, scored once and then opened for tuning (README). */
export type CorpusFile = 'train' | 'retired' | 'retired-2' | 'retired-3' | 'held-out';

export function readCorpus(file: CorpusFile): CorpusEntry[] {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'relevance-corpus', `${file}.json`), 'utf8')) as CorpusEntry[];
}

export interface Miss {
  entry: CorpusEntry;
  /** Listed though not about the talks, or about them and left out. */
  kind: 'false positive' | 'false negative';
}

export interface CorpusScore {
  entries: number;
  about: number;
  /** Entries listed, and of them about the talks. */
  listed: number;
  right: number;
  precision: number;
  recall: number;
  misses: Miss[];
}

export function scoreCorpus(entries: readonly CorpusEntry[], profile: CompiledProfile): CorpusScore {
  let listed = 0;
  let right = 0;
  const misses: Miss[] = [];
  for (const entry of entries) {
    const counted = judgeEntry(`${entry.headline ?? ''} ${entry.text}`, profile, dayOfIso(entry.published)) !== null;
    if (counted) listed++;
    if (counted && entry.about) right++;
    if (counted !== entry.about) misses.push({ entry, kind: counted ? 'false positive' : 'false negative' });
  }
  const about = entries.filter((e) => e.about).length;
  return { entries: entries.length, about, listed, right, precision: listed === 0 ? 1 : right / listed, recall: about === 0 ? 1 : right / about, misses };
}
