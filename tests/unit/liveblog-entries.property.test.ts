/**
 * The entry rule on blogs nobody wrote by hand: random wrappers around the blog and around each
 * entry, four kinds of time stamp, entries with and without headlines, ads between them, flat
 * entries separated by rules, and the page's own date outside the blog. Every entry is found once,
 * with its own words and nobody else's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entriesOf, entryAt, entryText, findBlogs } from '../../src/core/liveblog/entries';
import { parseHtml } from '../support/dom';

type Stamp = 'time' | 'strong-uhr' | 'span-clock' | 'text-uhr';

interface Post {
  stamp: Stamp;
  headline: boolean;
  paragraphs: number;
  wrappers: string[];
  ad: boolean;
}

const WRAPPERS = ['div', 'section', 'article', 'lb-post', 'li-wrap'];

const post: fc.Arbitrary<Post> = fc.record({
  stamp: fc.constantFrom<Stamp>('time', 'strong-uhr', 'span-clock', 'text-uhr'),
  headline: fc.boolean(),
  paragraphs: fc.integer({ min: 1, max: 3 }),
  wrappers: fc.array(fc.constantFrom(...WRAPPERS), { minLength: 1, maxLength: 3 }),
  ad: fc.boolean(),
});

const clock = (i: number): string => `${String(20 - i).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;

function stampHtml(kind: Stamp, i: number): string {
  switch (kind) {
    case 'time':
      return `<time datetime="2022-01-21T${clock(i)}:00+01:00">${clock(i)} Uhr</time>`;
    case 'strong-uhr':
      return `<p><strong>${clock(i)} Uhr</strong></p>`;
    case 'span-clock':
      return `<span class="zeit">${clock(i).replace(':', '.')}</span>`;
    case 'text-uhr':
      return `<p>${clock(i)} Uhr: Meldung</p>`;
  }
}

/** Words only entry `i` has. */
const token = (i: number): string => `Eintrag${'abcdefghijklmnop'[i]}`;

function wrapped(p: Post, i: number): string {
  const inner = `${stampHtml(p.stamp, i)}${p.headline ? `<h3>Titel ${token(i)}</h3>` : ''}${Array.from({ length: p.paragraphs }, (_, k) => `<p>Text ${token(i)} ${k}.</p>`).join('')}`;
  const html = p.wrappers.reduceRight((acc, tag) => `<${tag} class="w">${acc}</${tag}>`, inner);
  return p.ad ? `${html}<div class="ad">Anzeige</div>` : html;
}

function flat(p: Post, i: number): string {
  const head = p.headline ? `<h3>Titel ${token(i)}</h3>` : '';
  const rest = Array.from({ length: p.paragraphs - 1 }, (_, k) => `<p>Text ${token(i)} ${k + 1}.</p>`).join('');
  return `${head}<p><strong>${clock(i)} Uhr</strong> Text ${token(i)} 0.</p>${rest}${p.ad ? '<hr>' : ''}`;
}

const page = (blog: string, outer: string[]): string => {
  const body = outer.reduceRight((acc, tag) => `<${tag}>${acc}</${tag}>`, `<div id="blog">${blog}</div>`);
  return `<header><time datetime="2022-01-21T06:00:00+01:00">21.01.2022 - 06:00 Uhr</time><h1>Liveblog</h1></header><main>${body}</main>`;
};

function check(html: string, count: number): void {
  const doc = parseHtml(html, 'https://www.handelsblatt.com/liveblog-x/27982126.html');
  const blogs = findBlogs(doc.body);
  const entries = blogs.flatMap(entriesOf);
  expect(entries.length).toBe(count);
  entries.forEach((entry, i) => {
    const text = entryText(entry);
    expect(text).toContain(token(i));
    for (let j = 0; j < count; j++) if (j !== i) expect(text).not.toContain(token(j));
    for (const part of entry.parts) expect(entryAt(part.parentElement!, part)?.parts).toEqual(entry.parts);
  });
}

describe('the entry rule on random blogs', () => {
  const outer = fc.array(fc.constantFrom('div', 'section', 'app-storyline-element'), { maxLength: 3 });

  it('wrapped entries, in any wrappers, with ads between', () => {
    fc.assert(
      fc.property(fc.array(post, { minLength: 3, maxLength: 12 }), outer, (posts, around) => {
        check(page(posts.map(wrapped).join('\n'), around), posts.length);
      }),
      { numRuns: 150 },
    );
  });

  it('flat entries: a bold time, paragraphs after it, a headline or a rule between', () => {
    fc.assert(
      fc.property(fc.array(post, { minLength: 3, maxLength: 12 }), outer, (posts, around) => {
        check(page(posts.map(flat).join('\n'), around), posts.length);
      }),
      { numRuns: 150 },
    );
  });
});
