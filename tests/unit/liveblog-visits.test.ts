/**
 * The record of visits: a first visit marks nothing, a second marks what came between, a third with
 * nothing added marks nothing; entries the page adds while it is open are new in that visit; removals
 * are forgotten; corrupt or foreign records are dropped; the store keeps within its bounds.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BLOGS, MAX_KEYS, keyCount, parseVisits, recordVisit, rememberedBlogs, storedBytes } from '../../src/core/liveblog/visits';
import { entryKey, pageEntryId } from '../../src/core/liveblog/identity';
import { entriesOf, entryTime } from '../../src/core/liveblog/entries';
import { parseHtml } from '../support/dom';

const BLOG = '27982126';
const HOUR = 3_600_000;
const MORNING = Date.UTC(2022, 0, 21, 8);

function visits(...reports: { start: number; keys: string[]; gone?: string[]; allSeen?: boolean; blog?: string }[]) {
  let stored: unknown = undefined;
  return reports.map((r) => {
    const out = recordVisit(stored, { blog: r.blog ?? BLOG, ...r });
    stored = JSON.parse(JSON.stringify(out.record));
    return out;
  });
}

describe('a blog visited three times', () => {
  it('marks nothing on the first visit, what came between on the second, nothing on the third', () => {
    const [first, second, third] = visits(
      { start: MORNING, keys: ['a', 'b'] },
      { start: MORNING + 4 * HOUR, keys: ['d', 'c', 'a', 'b'] },
      { start: MORNING + 8 * HOUR, keys: ['d', 'c', 'a', 'b'] },
    );
    expect(first).toMatchObject({ fresh: [], lastVisit: null });
    expect(second).toMatchObject({ fresh: ['d', 'c'], lastVisit: MORNING, seen: ['a', 'b'] });
    expect(third).toMatchObject({ fresh: [], lastVisit: MORNING + 4 * HOUR });
  });

  it('counts an entry added while the page is open as new in that visit, and known at the next', () => {
    const [, during, later, next] = visits(
      { start: MORNING, keys: ['a'] },
      { start: 2 * MORNING, keys: ['a'] },
      { start: 2 * MORNING, keys: ['e', 'a'] },
      { start: 3 * MORNING, keys: ['e', 'a'] },
    );
    expect(during!.fresh).toEqual([]);
    expect(later!.fresh).toEqual(['e']);
    expect(next!.fresh).toEqual([]);
  });

  it('marks all as seen: nothing new until the page adds more', () => {
    const [, , marked, more] = visits(
      { start: MORNING, keys: ['a'] },
      { start: 2 * MORNING, keys: ['b', 'a'] },
      { start: 2 * MORNING, keys: ['b', 'a'], allSeen: true },
      { start: 2 * MORNING, keys: ['c', 'b', 'a'] },
    );
    expect(marked!.fresh).toEqual([]);
    expect(more!.fresh).toEqual(['c']);
  });

  it('forgets an entry the page removed: back again, it is new', () => {
    const [, , , back] = visits(
      { start: MORNING, keys: ['a', 'b'] },
      { start: 2 * MORNING, keys: ['a'], gone: ['b'] },
      { start: 3 * MORNING, keys: ['a'] },
      { start: 4 * MORNING, keys: ['b', 'a'] },
    );
    expect(back!.fresh).toEqual(['b']);
  });

  it('keeps an entry seen on an earlier visit that is not on the page now (loaded later by scrolling)', () => {
    const [, , scrolled] = visits(
      { start: MORNING, keys: ['a', 'old'] },
      { start: 2 * MORNING, keys: ['a'] },
      { start: 2 * MORNING, keys: ['a', 'old'] },
    );
    expect(scrolled!.fresh).toEqual([]);
  });

  it('lets a tab opened before the latest visit add to it without starting a visit', () => {
    const [, latest, older] = visits(
      { start: MORNING, keys: ['a'] },
      { start: 3 * MORNING, keys: ['b', 'a'] },
      { start: 2 * MORNING, keys: ['c', 'b', 'a'] },
    );
    expect(latest!.lastVisit).toBe(MORNING);
    expect(older).toMatchObject({ lastVisit: MORNING, fresh: ['c', 'b'] });
    expect(older!.record.blogs[BLOG]!.at).toBe(3 * MORNING);
  });
});

describe('the stored record', () => {
  it.each([undefined, null, 42, 'visits', [], { v: 2, blogs: {} }, { v: 1, blogs: [] }, { v: 1 }])('drops %j and starts afresh', (raw) => {
    expect(parseVisits(raw)).toEqual({ v: 1, blogs: {} });
    expect(recordVisit(raw, { blog: BLOG, start: MORNING, keys: ['a'] })).toMatchObject({ fresh: [], lastVisit: null });
  });

  it('drops a broken blog and keeps the others', () => {
    const raw = {
      v: 1,
      blogs: {
        good: { at: MORNING, prev: null, seen: [], fresh: ['a'] },
        noTime: { at: 'morgen', prev: null, seen: [], fresh: [] },
        badKey: { at: MORNING, prev: null, seen: [7], fresh: [] },
        ['x'.repeat(65)]: { at: MORNING, prev: null, seen: [], fresh: [] },
      },
    };
    expect(Object.keys(parseVisits(raw).blogs)).toEqual(['good']);
    expect(rememberedBlogs(raw)).toBe(1);
  });

  it('remembers at most 20 blogs, the one visited longest ago going first', () => {
    const reports = Array.from({ length: MAX_BLOGS + 3 }, (_, i) => ({ blog: `b${i}`, start: MORNING + i, keys: ['a'] }));
    const last = visits(...reports).at(-1)!.record;
    expect(Object.keys(last.blogs)).toHaveLength(MAX_BLOGS);
    expect(last.blogs.b0).toBeUndefined();
    expect(last.blogs[`b${MAX_BLOGS + 2}`]).toBeDefined();
  });

  it('remembers at most 2,000 entries, the oldest blog losing its oldest first', () => {
    const many = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const out = visits({ blog: 'old', start: MORNING, keys: many('o', 1500) }, { blog: 'new', start: 2 * MORNING, keys: many('n', 800) }).at(-1)!;
    expect(keyCount(out.record)).toBe(MAX_KEYS);
    expect(out.record.blogs.old!.fresh[0]).toBe('o300');
    expect(out.record.blogs.new!.fresh).toHaveLength(800);
  });

  it('costs about 15 bytes an entry: a visit of 60 entries under 1 kB', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `t${(i * 7919).toString(36).padStart(10, '0')}`);
    const { record } = recordVisit(undefined, { blog: BLOG, start: MORNING, keys });
    expect(storedBytes(record)).toBeLessThan(1024);
    expect(storedBytes(record)).toBeGreaterThan(60 * 11);
  });
});

describe('an entry identity', () => {
  const page = (html: string): Element => parseHtml(`<main><div id="blog">${html}</div></main>`, `https://www.handelsblatt.com/liveblog/${BLOG}.html`).querySelector('#blog')!;
  const keysOf = (blog: Element): string[] => entriesOf(blog).map((e) => entryKey(e, entryTime(e), e.parts.map((p) => p.querySelector('h3')?.textContent ?? '').join('')));

  it('is the page ID where the markup gives one, kept through an edit of the headline', () => {
    const blog = page('<div><div id="beitrag-7"><time datetime="2022-01-21T15:40:00+01:00">15:40</time><h3>Blinken</h3></div></div><div><div id="beitrag-8"><time>15:50</time><h3>Lawrow</h3></div></div>');
    expect(pageEntryId(entriesOf(blog)[0]!)).toBe('beitrag-7');
    const before = keysOf(blog);
    blog.querySelector('h3')!.textContent = 'Blinken trifft Lawrow';
    expect(keysOf(blog)).toEqual(before);
    expect(before[0]).toMatch(/^p[0-9a-z]+$/);
  });

  it('is time and headline where it gives none, and holds none of their text', () => {
    const blog = page('<article><time>15:40</time><h3>Blinken in Genf</h3></article><article><time>15:50</time><h3>Lawrow</h3></article>');
    const [key] = keysOf(blog);
    expect(key).toMatch(/^t[0-9a-z]+$/);
    expect(key).not.toContain('Genf');
    blog.querySelector('h3')!.textContent = 'Blinken und Lawrow in Genf';
    expect(keysOf(blog)[0]).not.toBe(key);
  });

  it('tells apart entries of the same minute by their headline', () => {
    const blog = page('<article><time>15:40</time><h3>Eins</h3></article><article><time>15:40</time><h3>Zwei</h3></article>');
    const [a, b] = keysOf(blog);
    expect(a).not.toBe(b);
  });
});

