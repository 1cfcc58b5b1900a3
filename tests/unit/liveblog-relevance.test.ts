/**
 * The relevance rule (core/liveblog/relevance.ts) with the bundled briefing's data: the day's
 * entries about the Geneva talks count, in every markup, and nothing that shares one word does.
 */
import { describe, expect, it } from 'vitest';
import { briefing, relevanceProfile } from '../../src/briefing';
import { entriesOf, entryText, findBlogs } from '../../src/core/liveblog/entries';
import { compileProfile, judgeEntry, QUOTE_SIGNAL } from '../../src/core/liveblog/relevance';
import { LIVEBLOG_DAY } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, LIVEBLOG_MARKUPS, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { parseHtml } from '../support/dom';

const profile = compileProfile(relevanceProfile(briefing));
const judge = (text: string) => judgeEntry(text, profile);

describe('the relevance rule on the day of the talks', () => {
  it.each(LIVEBLOG_DAY.map((e) => [e.key, e] as const))('%s', (_key, entry) => {
    const verdict = judge(`${entry.headline ?? ''} ${entry.text}`);
    expect(verdict !== null).toBe(entry.about);
    for (const position of entry.positions ?? []) expect(verdict?.positions).toContain(position);
  });

  it.each(LIVEBLOG_MARKUPS)('%s: the entries about the talks, as the page splits them', (markup) => {
    const doc = parseHtml(liveblogMarkupPage(markup, { jobWidget: true }), LIVEBLOG_DAY_URL);
    const related = findBlogs(doc.body).flatMap(entriesOf).map(entryText).filter((text) => judge(text) !== null);
    expect(related.length).toBe(LIVEBLOG_DAY.filter((e) => e.about).length);
  });
});

describe('one shared word is never enough', () => {
  it.each([
    ['another foreign minister', 'Außenministerin Baerbock ist in Moskau mit Lawrow zusammengetroffen.'],
    ['Nato at an exercise', 'Die Nato beginnt ein Manöver in Norwegen; Sicherheitsgarantien für Finnland seien kein Thema.'],
    ['Geneva at another meeting', 'Der UN-Menschenrechtsrat in Genf berät über Myanmar.'],
    ['markets that mention Russia', 'Der Dax fällt, Anleger fürchten eine Eskalation zwischen Russland und der Ukraine.'],
    ['the secretary in another city', 'US-Außenminister Blinken ist in Berlin mit Baerbock zusammengekommen.'],
  ])('%s', (_what, text) => {
    expect(judge(text)).toBeNull();
  });

  it('two signals make an entry count, and the panel can name them', () => {
    expect(judge('Blinken und Lawrow haben sich in Genf getroffen.')).toMatchObject({ signals: ['blinken', 'lawrow', 'geneva'], sides: ['usa', 'russia'] });
    expect(judge('In Genf sagte Lawrow, die USA hätten eine schriftliche Antwort zugesagt.')).toMatchObject({
      signals: ['lawrow', 'geneva', 'written-answer'],
      positions: ['lawrow-written-answer'],
    });
  });

  it('a quote of the briefing is one signal and links to its position', () => {
    const verdict = judge('Das Treffen sei „offen und nützlich“ gewesen, sagte der Minister in Genf.');
    expect(verdict).toMatchObject({ signals: ['geneva', QUOTE_SIGNAL], quoted: ['lawrow-talks'] });
    expect(verdict?.positions[0]).toBe('lawrow-talks');
    // The same quote without a second signal is one signal only.
    expect(judge('Das Treffen sei „offen und nützlich“ gewesen.')).toBeNull();
  });

  it('five words of a quote in a row quote it; English too', () => {
    expect(judge('Lawrow: Russland habe das ukrainische Volk niemals bedroht.')?.quoted).toEqual(['lawrow-no-threat']);
    expect(judge("Blinken said: if any Russian military forces move across Ukraine's border, that's a renewed invasion.")?.quoted).toEqual(['blinken-invasion']);
  });

  it('folds case, accents and ß, and finds words by their start', () => {
    expect(judge('LAWROWS Worte in GENF')?.signals).toEqual(['lawrow', 'geneva']);
    expect(judge('Der russische Aussenminister forderte Sicherheitsgarantien.')?.signals).toEqual(['lawrow', 'guarantees']);
  });
});
