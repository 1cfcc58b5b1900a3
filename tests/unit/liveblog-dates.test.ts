/**
 * Every live-blog entry's day (core/liveblog/dates.ts), from each form a blog gives it: a machine
 * date, a stamp with a date, a relative time, the day heading above it, the page's own date. A day
 * heading is never an entry's headline, and finding it does not walk the whole blog per entry.
 */
import { describe, expect, it } from 'vitest';
import { berlinDay, dayInText, dayOfHeading, dayOfIso, dayOfRelative, EntryDays, pageDay, pointsBack, weekdayNames } from '../../src/core/liveblog/dates';
import { entriesOf, entryHeadline, entryText, findBlogs, type BlogEntry } from '../../src/core/liveblog/entries';
import { LIVEBLOG_DAY } from '../../tools/liveblog-corpus';
import { BLOG_YEARS } from '../../tools/liveblog-days';
import { LIVEBLOG_DAY_URL, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { parseHtml } from '../support/dom';

const URL = 'https://www.handelsblatt.com/politik/international/liveblog-zum-ukraine-krieg/27982126.html';

describe('a day from each form', () => {
  it('a machine date: the day in Germany, where the moment is given', () => {
    expect(dayOfIso('2022-01-21T22:15:00+01:00')).toBe('2022-01-21');
    expect(dayOfIso('2022-01-21T23:30:00Z')).toBe('2022-01-22');
    expect(dayOfIso('2022-07-01T22:30:00Z')).toBe('2022-07-02');
    expect(dayOfIso('2022-01-21')).toBe('2022-01-21');
    expect(dayOfIso('15:40')).toBeNull();
    expect(dayOfIso('2022-02-30')).toBeNull();
  });

  it('a moment as Germany\'s day at the edges of its days and clock changes, the same hour asked again alike', () => {
    const edges: [string, string][] = [
      ['2022-01-21T22:59:59.999Z', '2022-01-21'],
      ['2022-01-21T23:00:00Z', '2022-01-22'],
      ['2022-01-21T22:30:00Z', '2022-01-21'],
      ['2022-07-21T21:59:59Z', '2022-07-21'],
      ['2022-07-21T22:00:00Z', '2022-07-22'],
      // Clocks go forward at 01:00 UTC on 27 March 2022 and back at 01:00 UTC on 30 October.
      ['2022-03-26T22:59:00Z', '2022-03-26'],
      ['2022-03-26T23:00:00Z', '2022-03-27'],
      ['2022-03-27T21:59:00Z', '2022-03-27'],
      ['2022-03-27T22:00:00Z', '2022-03-28'],
      ['2022-10-29T21:59:00Z', '2022-10-29'],
      ['2022-10-29T22:00:00Z', '2022-10-30'],
      ['2022-10-30T22:59:00Z', '2022-10-30'],
      ['2022-10-30T23:00:00Z', '2022-10-31'],
    ];
    for (const round of [1, 2]) for (const [moment, day] of edges) expect([round, moment, berlinDay(Date.parse(moment))]).toEqual([round, moment, day]);
  });

  it('a stamp with a date, with or without its year', () => {
    expect(dayInText('21.01.2022, 15:40', null)).toBe('2022-01-21');
    expect(dayInText('21. Januar 2022 - 15.40 Uhr', null)).toBe('2022-01-21');
    expect(dayInText('21.01.22 15:40', null)).toBe('2022-01-21');
    expect(dayInText('January 26, 2022, 3:40 pm', null)).toBe('2022-01-26');
    expect(dayInText('21.01., 15:40', '2022-01-25')).toBe('2022-01-21');
    // Never ahead of the page: the last day of the year before.
    expect(dayInText('31.12., 23:00', '2022-01-02')).toBe('2021-12-31');
    expect(dayInText('3. März, 9:10', '2022-03-05')).toBe('2022-03-03');
    expect(dayInText('21.01., 15:40', null)).toBeNull();
    expect(dayInText('15:40 Uhr', '2022-01-21')).toBeNull();
    expect(dayInText('15.40 Uhr', '2022-01-21')).toBeNull();
  });

  it('a relative time, against the clock passed in', () => {
    const now = Date.parse('2022-01-26T00:03:00+01:00');
    expect(dayOfRelative('vor 5 Minuten', now)).toBe('2022-01-25');
    expect(dayOfRelative('vor 2 Min.', now)).toBe('2022-01-26');
    expect(dayOfRelative('vor einer Stunde', now)).toBe('2022-01-25');
    expect(dayOfRelative('vor 3 Tagen', now)).toBe('2022-01-23');
    expect(dayOfRelative('gestern, 15:40 Uhr', now)).toBe('2022-01-25');
    expect(dayOfRelative('Heute, 00:01', now)).toBe('2022-01-26');
    expect(dayOfRelative('15:40 Uhr', now)).toBeNull();
  });

  it('a span counted back from the text’s day: the day it points at', () => {
    expect(pointsBack('Noch vor fünf Wochen saßen beide zusammen.', '2022-02-24')).toEqual([{ text: 'vor fünf Wochen', day: '2022-01-20', tolerance: 10 }]);
    // Weeks are rounded: four may be five, and one week is still a week.
    expect(pointsBack('Noch vor vier Wochen saßen beide zusammen.', '2022-02-24')[0]).toMatchObject({ day: '2022-01-27', tolerance: 8 });
    expect(pointsBack('Vor einer Woche saßen beide zusammen.', '2022-01-28')[0]).toMatchObject({ day: '2022-01-21', tolerance: 4 });
    expect(pointsBack('Vor genau einem Jahr trafen sie sich.', '2023-01-21').map((p) => p.day)).toEqual(['2022-01-21']);
    expect(pointsBack('Zwei Jahre nach dem Krisentreffen', '2024-01-21').map((p) => p.day)).toEqual(['2022-01-21']);
    expect(pointsBack('Ein Jahr ist es her, dass', '2023-01-21').map((p) => p.day)).toEqual(['2022-01-21']);
    expect(pointsBack('They met two years ago.', '2024-01-21').map((p) => p.day)).toEqual(['2022-01-21']);
    // A span after a moment of the story is no count back from the text's day.
    expect(pointsBack('fünf Wochen später marschierte Russland ein', '2023-01-21')).toEqual([]);
    expect(pointsBack('Vor dem Treffen in Genf', '2022-01-21')).toEqual([]);
    expect(weekdayNames('2022-01-21')).toEqual(['freitag', 'friday']);
  });

  it('a day heading: a date and perhaps its weekday, nothing else', () => {
    expect(dayOfHeading('Mittwoch, 26. Januar 2022', null)).toBe('2022-01-26');
    expect(dayOfHeading(' Dienstag,\n 25.01.2022 ', null)).toBe('2022-01-25');
    expect(dayOfHeading('Freitag, 21. Januar', '2022-01-22')).toBe('2022-01-21');
    expect(dayOfHeading('Wednesday, January 26, 2022', null)).toBe('2022-01-26');
    expect(dayOfHeading('21.01.2022, 15:40', null)).toBeNull();
    expect(dayOfHeading('Blinken und Lawrow treffen sich am 21. Januar in Genf', null)).toBeNull();
    expect(dayOfHeading('Mainz: 5 Meldungen', null)).toBeNull();
  });

  it('the page’s own date: structured data first, then the metadata and the header', () => {
    const jsonLd = (data: object): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
    const page = (head: string, body = ''): Document => parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, URL);
    expect(pageDay(page(jsonLd({ datePublished: '2022-01-21T06:00:00+01:00', dateModified: '2025-03-14T09:00:00+01:00' }), '<app-story-date>21.01.2022 - 06:00 Uhr</app-story-date>'))).toBe('2025-03-14');
    expect(pageDay(page('<meta property="article:modified_time" content="2025-03-14T09:00:00+01:00">'))).toBe('2025-03-14');
    expect(pageDay(page('<script type="application/ld+json">{ broken</script>', '<app-story-date>23.01.2025 - 10:33 Uhr</app-story-date>'))).toBe('2025-01-23');
    expect(pageDay(page(''))).toBeNull();
  });
});

/** A blog without machine dates: clock stamps under day headings, in flat markup and in day groups. */
const FLAT = `<main><div class="blog">
  <h2>Mittwoch, 26. Januar 2022</h2>
  <h3>USA übergeben Antwort</h3><p><strong>18:05 Uhr</strong> Die Antwort ist in Moskau.</p>
  <p><strong>vor 5 Minuten</strong> Eine Meldung von eben.</p>
  <h2>Dienstag, 25. Januar 2022</h2>
  <p><strong>21:10 Uhr</strong> Ein Eintrag des Vorabends.</p>
  <p><strong>20:00 Uhr</strong> Noch einer.</p>
</div></main>`;

function split(html: string): { doc: Document; entries: BlogEntry[] } {
  const doc = parseHtml(html, URL);
  return { doc, entries: findBlogs(doc.body).flatMap(entriesOf) };
}

const dayOf = (days: EntryDays, e: BlogEntry, now = Date.parse('2022-01-26T18:30:00+01:00')): string | null => days.dayOf(e.stamp, now);

describe('the days of a blog’s entries', () => {
  it('each entry takes the day heading above it, and never as its headline', () => {
    const { doc, entries } = split(FLAT);
    const days = new EntryDays(doc);
    expect(entries.map((e) => dayOf(days, e))).toEqual(['2022-01-26', '2022-01-26', '2022-01-25', '2022-01-25']);
    expect(entryHeadline(entries[0]!)).toBe('USA übergeben Antwort');
    for (const e of entries.slice(1)) expect(entryHeadline(e)).toBeNull();
    for (const e of entries) for (const part of e.parts) expect(part.textContent).not.toMatch(/Januar 2022/);
  });

  it('a relative stamp goes before the heading; the page’s date comes last', () => {
    const { doc, entries } = split(FLAT.replace('<h2>Mittwoch, 26. Januar 2022</h2>', ''));
    const days = new EntryDays(doc);
    expect(dayOf(days, entries[1]!, Date.parse('2022-01-27T00:02:00+01:00'))).toBe('2022-01-26');
    // No heading above the first entry and no date on the page: no day.
    expect(dayOf(days, entries[0]!)).toBeNull();
  });

  it('a day group’s heading above its list (the invented markup) dates the entries without machine dates', () => {
    const html = liveblogMarkupPage('unknown').replace(/ datetime="[^"]*"/g, '').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '').replace(/<app-story-date>[^<]*<\/app-story-date>/, '');
    const doc = parseHtml(html, LIVEBLOG_DAY_URL);
    const entries = findBlogs(doc.body).flatMap(entriesOf);
    const days = new EntryDays(doc);
    expect(entries).toHaveLength(LIVEBLOG_DAY.length);
    expect(new Set(entries.map((e) => dayOf(days, e)))).toEqual(new Set(['2022-01-21']));
  });

  it('the blog over the years in day groups, most of one entry, some of several: every entry once, on its heading’s day', () => {
    const html = liveblogMarkupPage('unknown', { entries: BLOG_YEARS }).replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    const doc = parseHtml(html, LIVEBLOG_DAY_URL);
    const entries = findBlogs(doc.body).flatMap(entriesOf);
    const days = new EntryDays(doc);
    expect(entries.map((e) => dayOf(days, e)).sort()).toEqual(BLOG_YEARS.map((e) => e.time.slice(0, 10)).sort());
    for (const e of entries) expect(entryText(e)).not.toMatch(/^\S*\s*\w+tag, \d/);
  });

  it('finds a heading far above through the entries read before it, and walks only so far from an entry read alone', () => {
    const posts = Array.from({ length: 300 }, (_, i) => `<p><strong>${String(10 + (i % 12))}:${String(i % 60).padStart(2, '0')} Uhr</strong> Meldung ${i}.</p>`).join('');
    const html = `<main><div class="blog"><h2>Mittwoch, 26. Januar 2022</h2>${posts}</div></main>`;
    const { doc, entries } = split(html);
    // In page order, as a blog is split: every entry finds the heading through the one before it.
    const inOrder = new EntryDays(doc);
    expect(new Set(entries.map((e) => dayOf(inOrder, e)))).toEqual(new Set(['2022-01-26']));
    // The last entry read first, alone: the heading is 300 entries up, out of reach, and the page has no date.
    expect(dayOf(new EntryDays(doc), entries.at(-1)!)).toBeNull();
  });
});
