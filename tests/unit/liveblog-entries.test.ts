/**
 * The live-blog entry rule (core/liveblog/entries.ts) on the day's blog in every markup the tests
 * know, on the storyline fixture, and on pages it must not split: an article, a teaser list.
 */
import { describe, expect, it } from 'vitest';
import { entriesOf, entryAt, entryHeadline, entryText, entryTime, findBlogs, findStamps, firstWords } from '../../src/core/liveblog/entries';
import { LIVEBLOG_DAY } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, LIVEBLOG_MARKUPS, TEST_KEY_ATTRIBUTE, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { articleUrl, genevaArticlePage, liveblogPage, topicPage } from '../../tools/pages';
import { parseHtml } from '../support/dom';

const keyOf = (parts: Element[]): string | null => parts.map((p) => p.getAttribute(TEST_KEY_ATTRIBUTE) ?? p.querySelector(`[${TEST_KEY_ATTRIBUTE}]`)?.getAttribute(TEST_KEY_ATTRIBUTE)).find(Boolean) ?? null;

function blogEntries(html: string, url: string) {
  const doc = parseHtml(html, url);
  const blogs = findBlogs(doc.body);
  return { doc, blogs, entries: blogs.flatMap(entriesOf) };
}

describe('the entry rule on every markup', () => {
  it.each(LIVEBLOG_MARKUPS)('%s: one entry per post, in order, with its own text', (markup) => {
    const { entries } = blogEntries(liveblogMarkupPage(markup, { jobWidget: true }), LIVEBLOG_DAY_URL);
    expect(entries.map((e) => keyOf(e.parts))).toEqual(LIVEBLOG_DAY.map((e) => e.key));
    for (const [i, entry] of entries.entries()) {
      const post = LIVEBLOG_DAY[i]!;
      const text = entryText(entry);
      expect(text).toContain(post.text.split(' ').slice(0, 6).join(' '));
      // No entry takes its neighbour's words, nor the job widget between two entries (one entry quotes its title).
      expect(text).not.toContain(LIVEBLOG_DAY[i + 1]?.text.slice(0, 40) ?? '\u0000');
      expect(text).not.toContain('Jetzt die besten Jobs');
    }
  });

  it.each(LIVEBLOG_MARKUPS.filter((m) => m !== 'plain' && m !== 'unknown'))('%s: headlines where the post has one', (markup) => {
    const { entries } = blogEntries(liveblogMarkupPage(markup), LIVEBLOG_DAY_URL);
    expect(entries.map(entryHeadline)).toEqual(LIVEBLOG_DAY.map((e) => e.headline));
  });

  it('plain: no headline, the first words after the time instead', () => {
    const { entries } = blogEntries(liveblogMarkupPage('plain'), LIVEBLOG_DAY_URL);
    expect(entries.map(entryHeadline).every((h) => h === null)).toBe(true);
    const first = entries[0]!;
    const time = entryTime(first);
    expect(time).toEqual({ text: '22:15 Uhr', iso: null });
    expect(firstWords(entryText(first), time.text, 4)).toBe(`${LIVEBLOG_DAY[0]!.text.split(' ').slice(0, 4).join(' ')} …`);
  });

  it('reads the machine date where the page gives one', () => {
    const { entries } = blogEntries(liveblogMarkupPage('article'), LIVEBLOG_DAY_URL);
    expect(entryTime(entries[0]!)).toEqual({ text: '22:15 Uhr', iso: LIVEBLOG_DAY[0]!.time });
  });

  it('the storyline fixture of the site: every entry, the page header left out', () => {
    const { blogs, entries } = blogEntries(liveblogPage(), articleUrl.liveblog);
    expect(blogs.map((b) => b.localName)).toEqual(['app-storyline-elements']);
    expect(entries.length).toBe(liveblogPage().match(/class="liveblog-entry"/g)?.length);
  });

  it.each(LIVEBLOG_MARKUPS)('%s: entryAt finds the entry of each child from its neighbours alone', (markup) => {
    const { blogs, entries } = blogEntries(liveblogMarkupPage(markup, { jobWidget: true }), LIVEBLOG_DAY_URL);
    for (const entry of entries) {
      for (const part of entry.parts) {
        const blog = blogs.find((b) => b === part.parentElement)!;
        expect(entryAt(blog, part)?.parts).toEqual(entry.parts);
      }
    }
    // What is no entry's (an ad, the widget, a rule) has none.
    for (const blog of blogs) {
      for (const child of blog.children) {
        if (!entries.some((e) => e.parts.includes(child))) expect(entryAt(blog, child)).toBeNull();
      }
    }
  });
});

describe('pages that are no live blog', () => {
  it('an article with a date in its header has no blog', () => {
    const doc = parseHtml(genevaArticlePage(), articleUrl.geneva);
    expect(findBlogs(doc.body)).toEqual([]);
  });

  it('the topic page splits into nothing that is about a blog of the story', () => {
    const doc = parseHtml(topicPage(), 'https://www.handelsblatt.com/themen/ukraine');
    expect(findBlogs(doc.body).flatMap(entriesOf).length).toBeLessThanOrEqual(1);
  });

  it('a number at the start of prose is no time stamp', () => {
    const doc = parseHtml('<div><p>15.40 Prozent mehr Umsatz meldet der Konzern.</p><p>12:30 Minuten dauerte die Rede.</p></div>', 'https://www.handelsblatt.com/a/1.html');
    expect(findStamps(doc.body)).toEqual([]);
  });
});

describe('markups written by hand', () => {
  it('a heading above the time belongs to the entry below it', () => {
    const doc = parseHtml(
      `<main><div id="blog"><h3>Eins</h3><p><b>10:00 Uhr</b> Erster Text.</p><p>Mehr dazu.</p><h3>Zwei</h3><p><b>09:00 Uhr</b> Zweiter Text.</p></div></main>`,
      'https://www.handelsblatt.com/a/1.html',
    );
    const entries = findBlogs(doc.body).flatMap(entriesOf);
    expect(entries.map(entryHeadline)).toEqual(['Eins', 'Zwei']);
    expect(entries.map(entryText)).toEqual(['Eins 10:00 Uhr Erster Text. Mehr dazu.', 'Zwei 09:00 Uhr Zweiter Text.']);
  });

  it('an entry with an update time stays one entry', () => {
    const post = (t: string, extra = ''): string => `<div class="p"><time>${t}</time><p>Text ${t}</p>${extra}</div>`;
    const doc = parseHtml(`<main><div id="blog">${post('12:00', '<p>Update: <time>12:30</time></p>')}${post('11:00')}${post('10:00')}${post('09:00')}</div></main>`, 'https://x.handelsblatt.com/');
    expect(findBlogs(doc.body).flatMap(entriesOf).length).toBe(4);
  });

  it('relative times stamp entries too', () => {
    const post = (t: string): string => `<li><span class="ago">${t}</span><p>Meldung ${t}</p></li>`;
    const doc = parseHtml(`<main><ul>${['vor 2 Minuten', 'vor 14 Min.', 'vor 1 Stunde', 'vor 3 Std.'].map(post).join('')}</ul></main>`, 'https://x.handelsblatt.com/');
    const entries = findBlogs(doc.body).flatMap(entriesOf);
    expect(entries.map((e) => entryTime(e).text)).toEqual(['vor 2 Minuten', 'vor 14 Min.', 'vor 1 Stunde', 'vor 3 Std.']);
  });

  it('day groups are split into their entries', () => {
    const day = (d: string): string => `<section><h2>${d}</h2>${['12:00', '11:00', '10:00'].map((t) => `<div><span>${t}</span><p>${d} ${t}</p></div>`).join('')}</section>`;
    const doc = parseHtml(`<main><div>${day('Freitag')}${day('Donnerstag')}</div></main>`, 'https://x.handelsblatt.com/');
    // A day's heading stands where a headline would: it goes with the day's first entry.
    expect(findBlogs(doc.body).flatMap(entriesOf).map(entryText)).toEqual([
      'Freitag 12:00 Freitag 12:00', '11:00 Freitag 11:00', '10:00 Freitag 10:00',
      'Donnerstag 12:00 Donnerstag 12:00', '11:00 Donnerstag 11:00', '10:00 Donnerstag 10:00',
    ]);
  });
});
