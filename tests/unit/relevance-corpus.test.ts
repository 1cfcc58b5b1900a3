/**
 * The hand-labelled relevance corpus (tests/fixtures/relevance-corpus/) keeps the shape the bench and the
 * rule's tests read. It checks the files, never a label: whether an entry is about the talks is the
 * labeller's call, written down in the corpus README.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/relevance-corpus');

const FIELDS = ['about', 'headline', 'id', 'kind', 'note', 'published', 'style', 'text'];

/** Local time in Germany with the offset of that day: +01:00 in winter, +02:00 in summer time. */
const ISO_WITH_OFFSET = /^(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d:\d\d\+0[12]:00$/;

const berlinOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });

function offsetInGermany(instant: Date): string {
  const name = berlinOffset.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  return name.replace('GMT', '');
}

function read(name: string): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${name}.json is not a list`);
  return parsed as Record<string, unknown>[];
}

const train = read('train');
const retired = [...read('retired'), ...read('retired-2'), ...read('retired-3')];
const heldOut = read('held-out');
const all = [...train, ...retired, ...heldOut];

describe.each([['train', train, 170], ['retired', retired, 210], ['held-out', heldOut, 100]] as const)('the corpus file %s', (_name, entries, least) => {
  it(`has at least ${least} entries, with both labels`, () => {
    expect(entries.length).toBeGreaterThanOrEqual(least);
    expect(new Set(entries.map((e) => e.about))).toEqual(new Set([true, false]));
  });

  it.each(entries.map((e) => [String(e.id), e] as const))('%s has every field in its form', (_id, e) => {
    expect(Object.keys(e).sort()).toEqual(FIELDS);
    expect(e.id).toMatch(/^(rc|ho|h3|h4)-\d{3}$/);
    expect(e.headline === null || (typeof e.headline === 'string' && e.headline.trim() !== '')).toBe(true);
    expect(typeof e.text === 'string' && e.text.trim().length > 20).toBe(true);
    expect(['agency', 'handelsblatt']).toContain(e.style);
    expect(typeof e.about).toBe('boolean');
    expect(e.kind).toMatch(/^(about|not)-[a-z0-9-]+$/);
    expect(String(e.kind).startsWith('about-')).toBe(e.about);
    expect(typeof e.note === 'string' && e.note.trim() !== '').toBe(true);
  });

  it.each(entries.map((e) => [String(e.id), String(e.published)] as const))('%s is dated %s, December 2021 to 2025', (_id, published) => {
    const match = ISO_WITH_OFFSET.exec(published);
    expect(match).not.toBeNull();
    const instant = new Date(published);
    expect(Number.isNaN(instant.getTime())).toBe(false);
    expect(published.slice(19)).toBe(offsetInGermany(instant));
    expect(published.slice(0, 7) >= '2021-12' && published.slice(0, 4) <= '2025').toBe(true);
  });
});

describe('the corpus files together', () => {
  it('give every entry its own id, and no text to two entries', () => {
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = all.map((e) => e.text);
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it('keep every kind in the held-out file', () => {
    const heldKinds = new Set(heldOut.map((e) => e.kind));
    expect([...new Set(all.map((e) => e.kind))].filter((kind) => !heldKinds.has(kind))).toEqual([]);
  });
});
