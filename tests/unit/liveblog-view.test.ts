// @vitest-environment happy-dom
/**
 * The side panel's "Im Liveblog" list with the extension API faked: each entry a row with its time,
 * its day where that is not the blog's, its headline or first words, its evidence, "neu" and short
 * links to the positions it touches; the row one button that shows the entry, the links beside it;
 * one line for a blog without an entry about the event. In German and English.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryClock } from '../../src/panel/liveblog-view';
import { shortDay } from '../../src/shared/day';
import type { LiveEntry, LiveblogState } from '../../src/shared/messages';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { answered, openPanel, tabStatus } from '../support/extension-pages';

const OWN = { id: 'lagebild@test' };

beforeEach(() => {
  vi.stubGlobal('browser', resetFakeBrowser());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function entry(id: string, parts: Partial<LiveEntry>): LiveEntry {
  return { id, time: '12:00 Uhr', iso: null, title: `Eintrag ${id}`, headline: true, signals: [], positions: [], quoted: [], sides: [], day: null, evidence: [], fresh: false, ...parts };
}

/** A blog of 4 March 2021 (the test briefing's event was in 2020), its entries newest first. */
const ENTRIES: LiveEntry[] = [
  entry('today', {
    time: '09:30 Uhr', iso: '2021-03-04T09:30:00+01:00', day: '2021-03-04', title: 'Ein Jahr nach dem Gipfel am See',
    evidence: ['seit dem Gipfel am See', 'Südlands Minister'], positions: ['south-guarantee'], fresh: true,
  }),
  entry('this-year', {
    time: '18.45', day: '2021-02-11', title: 'Süd erinnert an das Treffen', evidence: ['Bert Süd', 'das Treffen am See'],
    positions: ['south-guarantee', 'south-threat'], quoted: ['south-threat'],
  }),
  entry('last-year', {
    time: '04.03.2020, 15:40', day: '2020-03-04', title: 'Nord und Süd reden am See weiter, sagte die Ministerin am Nachmittag', headline: false,
    signals: ['nord', 'place'], sides: ['north'],
  }),
];

function state(entries: LiveEntry[], parts: Partial<LiveblogState> = {}): LiveblogState {
  return { type: 'lagebild/liveblog-state', entries, total: 40, focus: null, today: '2021-03-04', lastVisit: null, ...parts };
}

/** The live blog in tab 7, answering with `blog`; what it was asked to show is in fakeBrowser.tabs.sent. */
async function panelOn(blog: LiveblogState, uiLanguage = 'de-DE'): Promise<void> {
  fakeBrowser.tabs.respond = (message) => {
    const { type } = message as { type: string };
    if (type === 'lagebild/status') return { ...tabStatus('ukraine-liveblog'), liveblog: { related: blog.entries.length, total: blog.total } };
    if (type === 'lagebild/liveblog') return blog;
    return { shown: true };
  };
  openPanel({ uiLanguage });
  await answered();
  await vi.waitFor(() => {
    expect(document.querySelector<HTMLElement>('#liveblog')?.hidden).toBe(false);
  });
}

const rows = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('#liveblog .live-entry')];
const text = (row: HTMLElement, selector: string): string | null => row.querySelector(selector)?.textContent ?? null;

describe('a row per entry', () => {
  it('gives its time, its day where not the blog’s and the year where not the blog’s, its headline or first words', async () => {
    await panelOn(state(ENTRIES));
    expect(rows().map((row) => [text(row, 'time'), text(row, '.entry-day'), text(row, '.entry-title')])).toEqual([
      ['09:30', null, 'Ein Jahr nach dem Gipfel am See'],
      ['18:45', '11.02.', 'Süd erinnert an das Treffen'],
      ['15:40', '04.03.2020', 'Nord und Süd reden am See weiter, sagte die Ministerin am Nachmittag'],
    ]);
    expect(rows()[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2021-03-04T09:30:00+01:00');
    expect(rows().map((row) => row.querySelector('.entry-title')!.classList.contains('first-words'))).toEqual([false, false, true]);
    // The entries are the page's, German in either language.
    expect(rows().every((row) => row.querySelector('.entry-title')!.getAttribute('lang') === 'de')).toBe(true);
  });

  it('says what tied it to the event in its own words, else by the briefing’s names of the signals', async () => {
    await panelOn(state(ENTRIES));
    expect(rows().map((row) => [text(row, '.entry-evidence'), row.querySelector('.entry-evidence')?.getAttribute('lang') ?? null])).toEqual([
      ['seit dem Gipfel am See · Südlands Minister', 'de'],
      ['Bert Süd · das Treffen am See', 'de'],
      ['Nord · See', null],
    ]);
  });

  it('keeps the evidence to a few words: each item once, quoted or not, four at the most', async () => {
    const many = entry('many', { evidence: ['Bert Süd', '„weiter reden“', 'weiter reden', 'Gipfel am See', 'Südlands Minister', 'Anna Nord', '04.03.'] });
    await panelOn(state([many]));
    expect(text(rows()[0]!, '.entry-evidence')).toBe('Bert Süd · „weiter reden“ · Gipfel am See · Südlands Minister');
  });

  it('links the positions it touches in a few words, marks a quoted one, and names the sides where it touches none', async () => {
    await panelOn(state(ENTRIES));
    const links = (row: HTMLElement): string[][] => [...row.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')!]);
    expect(links(rows()[0]!)).toEqual([['Süd: Garantien', '#position-south-guarantee']]);
    expect(links(rows()[1]!)).toEqual([['Süd: Garantien', '#position-south-guarantee'], ['Süd: keine Drohung · Zitat', '#position-south-threat']]);
    // The whole position is the link's title, for a reader who wants it before following the link.
    expect(rows()[1]!.querySelector('a')?.title).toBe('Südland will Garantien.');
    expect(links(rows()[2]!)).toEqual([]);
    expect(text(rows()[2]!, '.entry-positions')).toBe('Nord');
  });

  it('says "neu" for an entry new since the last visit, and for one that arrives while the panel is open', async () => {
    await panelOn(state(ENTRIES.slice(1)));
    expect(rows().map((row) => text(row, '.entry-new'))).toEqual([null, null]);
    fakeBrowser.runtime.onMessage.fire(state([ENTRIES[0]!, ...ENTRIES.slice(1)]), { ...OWN, tab: { id: 7 } });
    expect(rows().map((row) => text(row, '.entry-new'))).toEqual(['neu', null, null]);
    fakeBrowser.runtime.onMessage.fire(state([entry('late', {}), ...ENTRIES.slice(1).map((e, i) => ({ ...e, fresh: i === 0 }))]), { ...OWN, tab: { id: 7 } });
    expect(rows().map((row) => text(row, '.entry-new'))).toEqual(['neu', 'neu', null]);
  });

  it('reads in English: the day as English writes it, the links and the signals in English, the entry’s words as they are', async () => {
    await panelOn(state(ENTRIES), 'en-GB');
    expect(rows().map((row) => text(row, '.entry-day'))).toEqual([null, '11 Feb', '4 Mar 2020']);
    expect([...rows()[1]!.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['South: guarantees', 'South: no threats · quote']);
    expect(text(rows()[2]!, '.entry-evidence')).toBe('North · Lake');
    expect(text(rows()[0]!, '.entry-evidence')).toBe('seit dem Gipfel am See · Südlands Minister');
    expect(text(rows()[0]!, '.entry-new')).toBe('new');
  });

  it('gives the date of every entry where the blog’s day is not known', async () => {
    await panelOn(state(ENTRIES, { today: null }));
    expect(rows().map((row) => text(row, '.entry-day'))).toEqual(['04.03.2021', '11.02.2021', '04.03.2020']);
  });
});

describe('the row as a control', () => {
  it('is one button that shows the entry in the page; the position links are controls beside it, not in it', async () => {
    await panelOn(state(ENTRIES));
    for (const row of rows()) {
      const buttons = row.querySelectorAll('button');
      expect(buttons).toHaveLength(1);
      expect(buttons[0]!.querySelector('a, button, input')).toBeNull();
      expect(row.querySelector('a')?.closest('button') ?? null).toBeNull();
    }
    const button = rows()[1]!.querySelector('button')!;
    // Named by its time, day, "new" and headline; described by its evidence and what a press does.
    expect(button.textContent).toBe('18:4511.02.Süd erinnert an das Treffen');
    const description = button.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(description).toEqual(['Bert Süd · das Treffen am See', 'Im Liveblog zeigen']);
    const shown = (): unknown[] => fakeBrowser.tabs.sent.map(({ message }) => message).filter((m) => (m as { type: string }).type === 'lagebild/show-entry');
    button.click();
    await vi.waitFor(() => {
      expect(shown()).toEqual([{ type: 'lagebild/show-entry', id: 'this-year' }]);
    });

    // A link goes to its position in the panel, and shows nothing in the page.
    const position = document.querySelector('.positions > li[data-quote-id="south-threat"]');
    rows()[1]!.querySelector<HTMLAnchorElement>('a[data-position-link="south-threat"]')!.click();
    expect(document.activeElement).toBe(position);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown()).toHaveLength(1);
  });

  it('keeps a keyboard reader on their row, or their link, when the list is redrawn with news', async () => {
    await panelOn(state(ENTRIES.slice(1)));
    const news = (entries: LiveEntry[]): void => { fakeBrowser.runtime.onMessage.fire(state(entries), { ...OWN, tab: { id: 7 } }); };
    rows()[1]!.querySelector<HTMLButtonElement>('.entry-show')!.focus();
    news([ENTRIES[0]!, ...ENTRIES.slice(1)]);
    expect(document.activeElement).toBe(rows()[2]!.querySelector('.entry-show'));
    rows()[1]!.querySelector<HTMLAnchorElement>('a[data-position-link="south-threat"]')!.focus();
    news(ENTRIES.slice(1));
    expect(document.activeElement).toBe(rows()[0]!.querySelector('a[data-position-link="south-threat"]'));
  });

  it('without an entry about the event, says so in one line and lists nothing', async () => {
    await panelOn(state([]));
    const section = document.querySelector<HTMLElement>('#liveblog')!;
    expect(section.querySelector('.liveblog-count')?.textContent).toBe('Kein Eintrag zu den Gesprächen in Genf.');
    expect(section.querySelector<HTMLElement>('.live-entries')?.hidden).toBe(true);
    expect(rows()).toEqual([]);
    // What a screen reader meets in the section: its heading and the one line.
    const shown = [...section.children].filter((child) => !(child as HTMLElement).hidden).map((child) => child.textContent);
    expect(shown).toEqual(['Im Liveblog', 'Kein Eintrag zu den Gesprächen in Genf.']);
  });
});

describe('times and days as the list writes them', () => {
  it.each([
    ['15:40 Uhr', '15:40'],
    ['9:05', '09:05'],
    ['15.40', '15:40'],
    ['21.01.2022, 15:40', '15:40'],
    ['Freitag, 21.01.2022 | 15.40 Uhr', '15:40'],
    ['vor 5 Minuten', 'vor 5 Minuten'],
  ])('%s: %s', (time, clock) => {
    expect(entryClock(time)).toBe(clock);
  });

  it('writes a day short, with the year only when asked', () => {
    expect([shortDay('2022-01-21', 'de', false), shortDay('2022-01-21', 'de', true), shortDay('2022-01-21', 'en', false), shortDay('2022-01-21', 'en', true)])
      .toEqual(['21.01.', '21.01.2022', '21 Jan', '21 Jan 2022']);
    expect(shortDay('gestern', 'de', true)).toBe('gestern');
  });
});
