/**
 * The live-blog tracker over hours of updates: each added, edited or removed entry costs a read of
 * that entry alone (counted here by the judge, which reads each entry's text once per change), the
 * entries the page drops are forgotten, and nothing runs while the page is idle.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackLiveblog, type TrackedEntry } from '../../src/content/liveblog/tracker';
import { parseHtml } from '../support/dom';

const post = (i: number, about = false): string =>
  `<app-storyline-element><div class="entry"><time datetime="2022-01-21T10:${String(i % 60).padStart(2, '0')}:00+01:00">10:${String(i % 60).padStart(2, '0')} Uhr</time>`
  + `<h3>Eintrag ${i}</h3><p>${about ? 'Blinken und Lawrow in Genf' : 'Der Dax schließt im Plus'} (${i}).</p></div></app-storyline-element>`;

function blogPage(count: number): Document {
  const posts = Array.from({ length: count }, (_, i) => post(count - i)).join('');
  return parseHtml(`<header><time>21.01.2022 - 06:00 Uhr</time></header><main><app-storyline-elements>${posts}</app-storyline-elements></main>`, 'https://www.handelsblatt.com/liveblog-x/27982126.html');
}

function track(doc: Document) {
  const judged: string[] = [];
  const changes: { changed: TrackedEntry[]; removed: TrackedEntry[] }[] = [];
  let waiting: (() => void) | null = null;
  const tracker = trackLiveblog(doc, {
    root: () => doc.querySelector('app-storyline-elements'),
    judge: (text) => {
      judged.push(text);
      return text.includes('Genf') ? { signals: ['place'], evidence: ['Genf'], positions: [], quoted: [], sides: [] } : null;
    },
    ours: () => false,
    onChange: (changed, removed) => {
      changes.push({ changed, removed });
      waiting?.();
    },
  });
  tracker.rescan();
  /** The next batch the tracker reports: however slow the machine, no guess at how long it takes. */
  const next = (): Promise<void> => new Promise((resolve) => (waiting = resolve));
  return { tracker, judged, changes, next };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the live-blog tracker', () => {
  it('reads the blog once, then each added entry alone', async () => {
    const doc = blogPage(200);
    const { tracker, judged, changes, next } = track(doc);
    expect(tracker.size()).toBe(200);
    expect(judged).toHaveLength(200);
    const list = doc.querySelector('app-storyline-elements')!;
    const batch = next();
    for (let i = 201; i <= 210; i++) list.insertAdjacentHTML('afterbegin', post(i, i % 2 === 0));
    await batch;
    expect(tracker.size()).toBe(210);
    // Ten new entries: ten reads, none of the 200 already read.
    expect(judged).toHaveLength(210);
    expect(judged.slice(200).every((text) => /Eintrag 2(0[1-9]|10)\b/.test(text))).toBe(true);
    expect(changes.at(-1)?.changed).toHaveLength(10);
  });

  it('an edited entry is read again, alone, and its verdict follows', async () => {
    const doc = blogPage(50);
    const { tracker, judged, changes, next } = track(doc);
    const paragraph = doc.querySelectorAll('app-storyline-element p')[10]!;
    const batch = next();
    paragraph.firstChild!.nodeValue = 'Blinken und Lawrow in Genf';
    await batch;
    expect(judged).toHaveLength(51);
    expect(changes.at(-1)?.changed.map((t) => t.relevance !== null)).toEqual([true]);
    expect([...tracker.entries()].filter((t) => t.relevance !== null)).toHaveLength(1);
  });

  it('forgets every entry the page drops, and keeps none of their elements', async () => {
    const doc = blogPage(120);
    const { tracker, changes, next } = track(doc);
    const ids = [...tracker.entries()].map((t) => t.id);
    const list = doc.querySelector('app-storyline-elements')!;
    const batch = next();
    while (list.children.length > 20) list.lastElementChild!.remove();
    await batch;
    expect(tracker.size()).toBe(20);
    expect(changes.at(-1)?.removed).toHaveLength(100);
    expect(ids.filter((id) => tracker.find(id) !== undefined)).toHaveLength(20);
    for (const t of tracker.entries()) expect(t.entry.parts.every((part) => part.isConnected)).toBe(true);
  });

  it('sets no timer while the page is idle', async () => {
    vi.useFakeTimers();
    const doc = blogPage(30);
    track(doc);
    expect(vi.getTimerCount()).toBe(0);
    doc.querySelector('app-storyline-elements')!.insertAdjacentHTML('afterbegin', post(31));
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('finds a blog that replaced the old one (in-site navigation) on a rescan', () => {
    const doc = blogPage(10);
    const { tracker } = track(doc);
    const main = doc.querySelector('main')!;
    main.innerHTML = `<app-storyline-elements>${Array.from({ length: 4 }, (_, i) => post(i, true)).join('')}</app-storyline-elements>`;
    expect(tracker.intact()).toBe(false);
    tracker.rescan();
    expect(tracker.size()).toBe(4);
    expect(tracker.intact()).toBe(true);
  });
});
