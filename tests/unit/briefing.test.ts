import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allQuotes, briefing, briefingLanguage, pick, quoted } from '../../src/briefing';
import type { Bilingual } from '../../src/briefing/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function readSource(name: string): string {
  return readFileSync(resolve(root, 'tests/fixtures/source', name), 'utf8');
}

/** Quotes are compared as words: typography differs between the article, FACTS.md and the live page. */
function normalise(text: string): string {
  return text
    .replace(/[„“”"«»]/g, '"')
    .replace(/[‚‘’']/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const article = normalise(readSource('handelsblatt-2022-01-21-genf.corrected.txt'));
const facts = normalise(readSource('FACTS.md'));
const [usa, russia] = briefing.sides;

/** Only a name may read the same in both languages: capitalised words, nothing else. */
function looksLikeProperName(text: string): boolean {
  return /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*)*$/u.test(text);
}

function bilinguals(value: unknown, path = 'briefing'): [string, Bilingual][] {
  if (typeof value !== 'object' || value === null) return [];
  const found: [string, Bilingual][] = [];
  const record = value as Record<string, unknown>;
  if (typeof record.de === 'string' && typeof record.en === 'string') found.push([path, { de: record.de, en: record.en }]);
  for (const [key, child] of Object.entries(record)) found.push(...bilinguals(child, `${path}.${key}`));
  return found;
}

function sentences(text: string): number {
  return text.match(/(?<!\d)[.!?](?=\s+[A-ZÄÖÜ„"]|$)/g)?.length ?? 0;
}

function isIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
}

describe('the Geneva briefing', () => {
  it('has both languages everywhere, and they differ', () => {
    const texts = bilinguals(briefing);
    expect(texts.length).toBeGreaterThan(40);
    for (const [path, { de, en }] of texts) {
      expect(de.trim(), path).not.toBe('');
      expect(en.trim(), path).not.toBe('');
      if (de === en) expect(looksLikeProperName(de), `${path} is the same in both languages`).toBe(true);
    }
  });

  it('sums up in three to five sentences per language', () => {
    for (const lang of ['de', 'en'] as const) {
      expect(sentences(briefing.summary[lang])).toBeGreaterThanOrEqual(3);
      expect(sentences(briefing.summary[lang])).toBeLessThanOrEqual(5);
    }
  });

  it('gives each side four to six positions and names its speaker', () => {
    for (const side of briefing.sides) {
      expect(side.positions.length, side.id).toBeGreaterThanOrEqual(4);
      expect(side.positions.length, side.id).toBeLessThanOrEqual(6);
    }
    expect(usa.speaker).toEqual({ de: 'Antony Blinken, US-Außenminister', en: 'Antony Blinken, US Secretary of State' });
    expect(russia.speaker.de).toContain('Sergej Lawrow');
    expect(russia.speaker.en).toContain('Sergei Lavrov');
  });

  it('has unique, readable quote IDs prefixed with the speaker', () => {
    const ids = allQuotes(briefing).map((quote) => quote.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const position of usa.positions) expect(position.quote.id).toMatch(/^blinken(-[a-z]+)+$/);
    for (const position of russia.positions) expect(position.quote.id).toMatch(/^lawrow(-[a-z]+)+$/);
  });

  it.each(allQuotes(briefing).map((quote) => [quote.id, quote] as const))('quotes %s verbatim from the corrected article', (_id, quote) => {
    expect(article).toContain(normalise(quote.de));
  });

  it.each(usa.positions.map(({ quote }) => [quote.id, quote] as const))("gives Blinken's own English for %s", (_id, quote) => {
    expect(quote.enIsOriginal).toBe(true);
    expect(facts).toContain(normalise(quote.en));
  });

  it('marks the English of Lawrow’s indirect speech as a translation', () => {
    for (const { quote } of russia.positions) expect(quote.enIsOriginal, quote.id).toBe(false);
  });

  it('attributes what is disputed', () => {
    const length = briefing.facts.find((fact) => fact.label.en === 'Length');
    expect(length?.value.de).toContain('laut dpa');
    expect(length?.value.en).toContain('according to dpa');
    expect(length?.value.en).toContain('90 minutes');
    const troops = briefing.facts.find((fact) => fact.label.en === 'Troops');
    expect(troops?.value.de).toMatch(/100\.000.*Blinken/);
    expect(troops?.value.en).toMatch(/100,000.*Blinken/);
  });

  it('says of the length what was planned by whose account, so "ended early" follows from it (FACTS.md)', () => {
    const length = briefing.facts.find((fact) => fact.label.de === 'Dauer')!.value;
    // About 90 minutes held against 90 minutes planned cannot be "early": the early end rests on dpa's two hours.
    expect(length.de).toMatch(/^Rund eineinhalb Stunden/);
    expect(length.de).toMatch(/geplant waren laut dpa etwa zwei Stunden, es endete also früher/);
    expect(length.de).toMatch(/Lawrow sagte, geplant gewesen seien 90 Minuten/);
    expect(length.en).toMatch(/^About an hour and a half/);
    expect(length.en).toMatch(/about two hours had been planned according to dpa, so it ended early/);
    expect(length.en).toMatch(/Lavrov said 90 minutes had been planned/);
    for (const text of [length.de, length.en]) expect(text).not.toMatch(/früher als geplant|earlier than planned/);
  });

  it('attributes dpa’s reported speech to dpa, and only that', () => {
    // The speaker's own words speak in the first person; the agency's report of them in the third.
    const ownWords = /\b(ich|wir|unsere?)\b/i;
    for (const quote of allQuotes(briefing)) {
      expect(quote.reportedBy, quote.id).toBe(ownWords.test(quote.de) ? undefined : 'dpa');
    }
    expect(allQuotes(briefing).filter((q) => q.reportedBy === 'dpa').map((q) => q.id)).toEqual([
      'blinken-talks', 'lawrow-talks', 'lawrow-putin-biden', 'lawrow-written-answer', 'lawrow-no-threat', 'lawrow-nato', 'lawrow-weapons',
    ]);
  });

  it('names Sergei Lavrov the English way in every English text', () => {
    const english = bilinguals(briefing).map(([path, text]) => [path, text.en] as const);
    expect(english.some(([, text]) => text.includes('Sergei Lavrov'))).toBe(true);
    for (const [path, text] of english) expect(text, path).not.toMatch(/Lawrow|Sergej|Sergey|Lawrov/);
  });

  it('links each source to the document its title names, or says in the title that it is an index page', () => {
    for (const source of briefing.sources) {
      const { pathname } = new URL(source.url);
      if (source.index === true) {
        expect(source.title.de, source.url).toMatch(/\((Startseite|Übersicht)\); dort: /);
        expect(source.title.en, source.url).toMatch(/\((home page|overview)\); there: /);
      } else {
        // A document: a page of its own, not a site's root or a section's listing.
        expect(pathname, source.url).toMatch(/\/[^/]+\.html?$|_\d+\.htm$/);
      }
    }
    expect(briefing.sources.filter((source) => source.index === true).map((source) => source.url)).toEqual([
      'https://2021-2025.state.gov/',
      'https://mid.ru/en/press_service/minister_speeches/',
    ]);
  });

  it('keeps what came later out of the summary and the key facts', () => {
    const aboutTheDay = [briefing.title, briefing.summary, ...briefing.facts.flatMap((fact) => [fact.label, fact.value])];
    for (const text of aboutTheDay) {
      expect(`${text.de} ${text.en}`).not.toMatch(/26\.? Jan|Februar|February|Sullivan|24\.? Feb/);
    }
  });

  it('dates everything with valid ISO dates', () => {
    const dates = [briefing.date, ...briefing.timeline.map((event) => event.date), ...briefing.sources.map((source) => source.date)];
    for (const date of dates) expect(isIsoDate(date), date).toBe(true);
    expect(isIsoDate('2022-02-30')).toBe(false);
  });

  it('keeps the timeline in order and marks exactly the later events', () => {
    const dates = briefing.timeline.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
    for (const event of briefing.timeline) expect(event.later, event.date).toBe(event.date > briefing.date);
    expect(briefing.timeline.filter((event) => event.current === true).map((event) => event.date)).toEqual([briefing.date]);
  });

  it('links its sources over https, the article among them', () => {
    for (const source of briefing.sources) expect(new URL(source.url).protocol, source.url).toBe('https:');
    const articleSource = briefing.sources.find((source) => source.url.endsWith(`/${briefing.articleId}.html`));
    expect(articleSource?.publisher).toBe('Handelsblatt');
    expect(briefing.articleId).toBe('27996778');
  });
});

describe('pick', () => {
  it('returns the text in the language asked for', () => {
    expect(pick({ de: 'Genf', en: 'Geneva' }, 'de')).toBe('Genf');
    expect(pick({ de: 'Genf', en: 'Geneva' }, 'en')).toBe('Geneva');
  });
});

describe('allQuotes', () => {
  it('lists the quotes of both sides, Blinken first', () => {
    const quotes = allQuotes(briefing);
    expect(quotes).toHaveLength(usa.positions.length + russia.positions.length);
    expect(quotes[0]?.id).toBe('blinken-position');
    expect(quotes.at(-1)?.speaker).toEqual({ de: 'Sergej Lawrow', en: 'Sergei Lavrov' });
  });
});

describe('quoted', () => {
  it('sets a quote in its language’s marks, and a quotation inside it in the inner ones', () => {
    expect(quoted('Das Treffen sei „offen und nützlich“ gewesen, sagte Lawrow.', 'de')).toBe('„Das Treffen sei ‚offen und nützlich‘ gewesen, sagte Lawrow.“');
    expect(quoted('The meeting had been “open and useful”, Lavrov said.', 'en')).toBe('“The meeting had been ‘open and useful’, Lavrov said.”');
    expect(quoted('Wir reden weiter.', 'de')).toBe('„Wir reden weiter.“');
  });

  it('leaves no inner quotation of the briefing in outer marks', () => {
    for (const quote of allQuotes(briefing)) {
      expect(quoted(quote.de, 'de').slice(1, -1), quote.id).not.toMatch(/[„“]/);
      expect(quoted(quote.en, 'en').slice(1, -1), quote.id).not.toMatch(/[“”]/);
    }
  });
});

describe('briefingLanguage', () => {
  it.each([
    ['de', 'de'],
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['DE-ch', 'de'],
    ['de_CH', 'de'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fr-FR', 'en'],
    ['uk', 'en'],
    ['del', 'en'],
    ['', 'en'],
  ] as const)('follows the browser on auto: %s → %s', (ui, expected) => {
    expect(briefingLanguage(ui, 'auto')).toBe(expected);
  });

  it('lets a fixed choice win over the browser', () => {
    expect(briefingLanguage('en-US', 'de')).toBe('de');
    expect(briefingLanguage('de-DE', 'en')).toBe('en');
    expect(briefingLanguage('', 'de')).toBe('de');
  });
});
