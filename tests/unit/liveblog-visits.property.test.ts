/**
 * The record of visits under random orders of visits, additions, edits, removals and "mark all as
 * seen", over several blogs: what it calls new is what a plain model of "not on the page at any
 * earlier visit" calls new, and the store never grows beyond its bounds however much is thrown at it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BLOGS, MAX_KEYS, keyCount, parseVisits, recordVisit } from '../../src/core/liveblog/visits';

type Step =
  | { kind: 'visit'; blog: number }
  | { kind: 'add'; key: number }
  /** The page loads many older entries at once. */
  | { kind: 'many'; count: number }
  | { kind: 'remove'; index: number }
  /** An edit where the page gives no ID: the entry's identity changes (gone, and a new one). */
  | { kind: 'edit'; index: number; key: number }
  | { kind: 'seen' };

const step = (blogs: number, keys: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({ kind: fc.constant('visit' as const), blog: fc.nat(blogs - 1) }),
    fc.record({ kind: fc.constant('add' as const), key: fc.nat(keys - 1) }),
    fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
    fc.record({ kind: fc.constant('edit' as const), index: fc.nat(), key: fc.nat(keys - 1) }),
    fc.constant({ kind: 'seen' as const }),
  );

interface ModelBlog {
  page: string[];
  visits: number;
  earlier: Set<string>;
  current: Set<string>;
}

/** Runs the steps through recordVisit, a report after each, and hands each outcome with the model's word. */
function run(steps: Step[], check: (fresh: string[], expected: string[] | null, stored: unknown) => void): void {
  const blogs = new Map<number, ModelBlog>();
  let stored: unknown = undefined;
  let at = { blog: 0, start: 1 };
  let clock = 1;
  const blogOf = (id: number): ModelBlog => {
    let b = blogs.get(id);
    if (!b) blogs.set(id, (b = { page: [], visits: 0, earlier: new Set(), current: new Set() }));
    return b;
  };
  // The first visit of blog 0 begins with an empty page.
  stored = recordVisit(undefined, { blog: '0', start: 1, keys: [] }).record;
  blogOf(0).visits = 1;
  for (const s of steps) {
    const blog = blogOf(s.kind === 'visit' ? s.blog : at.blog);
    const gone: string[] = [];
    let allSeen = false;
    if (s.kind === 'visit') {
      at = { blog: s.blog, start: ++clock };
      for (const k of blog.current) blog.earlier.add(k);
      blog.current.clear();
      blog.visits++;
    } else if (s.kind === 'add') {
      const key = `${at.blog}-${s.key}`;
      if (!blog.page.includes(key)) blog.page.unshift(key);
    } else if (s.kind === 'many') {
      const more = Array.from({ length: s.count }, (_, i) => `${at.blog}-old-${blog.page.length + i}`);
      blog.page.push(...more.filter((k) => !blog.page.includes(k)));
    } else if (s.kind === 'seen') {
      allSeen = true;
    } else if (blog.page.length > 0) {
      const i = s.index % blog.page.length;
      gone.push(blog.page[i]!);
      if (s.kind === 'remove') blog.page.splice(i, 1);
      else if (!blog.page.includes(`${at.blog}-${s.key}`)) blog.page[i] = `${at.blog}-${s.key}`;
      else blog.page.splice(i, 1);
    }
    for (const k of gone) {
      blog.earlier.delete(k);
      blog.current.delete(k);
    }
    const out = recordVisit(stored, { blog: String(at.blog), start: at.start, keys: blog.page, gone, allSeen });
    for (const k of blog.page) blog.current.add(k);
    const expected = blog.visits > 1 ? blog.page.filter((k) => !blog.earlier.has(k)) : [];
    if (allSeen) {
      for (const k of blog.current) blog.earlier.add(k);
      blog.current.clear();
    }
    stored = JSON.parse(JSON.stringify(out.record));
    check(out.fresh, allSeen ? [] : expected, stored);
  }
}

describe('the record of visits, at random', () => {
  it('calls new exactly what was not on the page at an earlier visit', () => {
    fc.assert(
      fc.property(fc.array(step(3, 8), { maxLength: 120 }), (steps) => {
        run(steps, (fresh, expected) => {
          expect(fresh).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never holds more than 20 blogs and 2,000 entries, and reads back as it was stored', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(step(30, 3000), fc.record({ kind: fc.constant('many' as const), count: fc.integer({ min: 1, max: 1500 }) })), { maxLength: 150 }), (steps) => {
        run(steps, (fresh, _expected, stored) => {
          const record = parseVisits(stored);
          expect(record).toEqual(stored);
          expect(Object.keys(record.blogs).length).toBeLessThanOrEqual(MAX_BLOGS);
          expect(keyCount(record)).toBeLessThanOrEqual(MAX_KEYS);
          expect(new Set(fresh).size).toBe(fresh.length);
        });
      }),
      { numRuns: 40 },
    );
  });
});
