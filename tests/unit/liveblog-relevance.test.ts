/**
 * The relevance rule (core/liveblog/relevance.ts) with the bundled briefing's data and with an
 * invented second event: the same hard cases, each in its event's words, hold for both, so nothing
 * in the rule is written for Geneva. The day's entries about the Geneva talks count in every markup.
 */
import { describe, expect, it } from 'vitest';
import { briefing, relevanceProfile } from '../../src/briefing';
import { EntryDays } from '../../src/core/liveblog/dates';
import { entriesOf, entryText, findBlogs } from '../../src/core/liveblog/entries';
import { compileProfile, judgeEntry, QUOTE_SIGNAL, words, type RelevanceProfile } from '../../src/core/liveblog/relevance';
import { REYKJAVIK_EVENT } from '../fixtures/invented-event';
import { LIVEBLOG_DAY } from '../../tools/liveblog-corpus';
import { LIVEBLOG_DAY_URL, LIVEBLOG_MARKUPS, liveblogMarkupPage } from '../../tools/liveblog-pages';
import { parseHtml } from '../support/dom';

const geneva = compileProfile(relevanceProfile(briefing));
const judge = (text: string, day: string | null = '2022-01-21') => judgeEntry(text, geneva, day);

describe('the relevance rule on the day of the talks', () => {
  it.each(LIVEBLOG_DAY.map((e) => [e.key, e] as const))('%s', (_key, entry) => {
    const verdict = judge(`${entry.headline ?? ''} ${entry.text}`, entry.time.slice(0, 10));
    expect(verdict !== null).toBe(entry.about);
    for (const position of entry.positions ?? []) expect(verdict?.positions).toContain(position);
  });

  it.each(LIVEBLOG_MARKUPS)('%s: the entries about the talks, as the page splits and dates them', (markup) => {
    const doc = parseHtml(liveblogMarkupPage(markup, { jobWidget: true }), LIVEBLOG_DAY_URL);
    const days = new EntryDays(doc);
    const entries = findBlogs(doc.body).flatMap(entriesOf);
    const related = entries.filter((e) => judge(entryText(e), days.dayOf(e.stamp, Date.now())) !== null);
    expect(related.length).toBe(LIVEBLOG_DAY.filter((e) => e.about).length);
  });
});

interface Case {
  what: string;
  about: boolean;
  /** The entry in each event's words, with its day (null: none). */
  geneva: [string, string | null];
  reykjavik: [string, string | null];
}

/** Each kind of hard case the issue names, on both sides, once per event. */
const CASES: Case[] = [
  {
    what: 'reporter’s words on the day: roles, the meeting’s name, its place in other words',
    about: true,
    geneva: ['Der amerikanische Chefdiplomat und sein russischer Amtskollege sind zum Krisentreffen am Genfersee eingetroffen.', '2022-01-21'],
    reykjavik: ['Die Brüsseler Fischereichefin und ihr isländischer Amtskollege sind zum Quotengipfel eingetroffen.', '2019-10-12'],
  },
  {
    what: 'what came of it in other words, days later, with a role',
    about: true,
    geneva: ['Russlands Außenamtschef erwartet, dass Washington wie versprochen schriftlich Stellung nimmt – Garantien für seine Sicherheit habe Moskau verlangt.', '2022-01-24'],
    reykjavik: ['Der isländische Fischereiminister erwartet die gemeinsame Fangquote weiterhin bis Monatsende.', '2019-10-16'],
  },
  {
    what: 'one shared item: the place at another meeting',
    about: false,
    geneva: ['Der UN-Menschenrechtsrat in Genf berät über die Lage auf der Krim.', '2022-01-21'],
    reykjavik: ['In Reykjavík beginnt die Buchmesse mit Verlagen aus 30 Ländern.', '2019-10-12'],
  },
  {
    what: 'one shared item: a person in another city',
    about: false,
    geneva: ['US-Außenminister Blinken ist in Berlin mit Außenministerin Baerbock zusammengekommen.', '2022-01-20'],
    reykjavik: ['EU-Fischereikommissarin Brandt besucht den Hafen von Bremerhaven.', '2019-10-10'],
  },
  {
    what: 'a later meeting of the same two people',
    about: false,
    geneva: ['Blinken und Lawrow sprechen am Rande des G20-Treffens in Neu-Delhi kurz miteinander.', '2023-03-02'],
    reykjavik: ['Brandt und Arason treffen sich in Brüssel erneut zu Gesprächen.', '2020-05-14'],
  },
  {
    what: 'the same city years later',
    about: false,
    geneva: ['Ukrainische und amerikanische Unterhändler beraten in Genf über Sicherheitsgarantien.', '2025-11-23'],
    reykjavik: ['Gespräche in Reykjavík über eine gemeinsame Fangquote für Makrelen.', '2023-09-04'],
  },
  {
    what: 'the same role held by someone else, with the other person named',
    about: false,
    geneva: ['Der US-Außenminister trifft in Riad seinen russischen Amtskollegen Lawrow.', '2025-02-18'],
    reykjavik: ['Die EU-Fischereikommissarin reist am Nachmittag nach Reykjavík.', '2019-10-24'],
  },
  {
    what: 'the same demand in another year',
    about: false,
    geneva: ['Lawrow verlangt erneut Sicherheitsgarantien vom Westen.', '2024-12-05'],
    reykjavik: ['Arason fordert wieder eine gemeinsame Fangquote.', '2021-02-01'],
  },
  {
    what: 'a later entry that refers back to the event',
    about: true,
    geneva: ['Moskau wartet weiter auf Zugeständnisse: Die in Genf zugesagte Antwort habe keine Garantien enthalten, sagt Lawrow.', '2022-02-14'],
    reykjavik: ['Die in Reykjavík vereinbarte Quote wird nun erstmals überprüft.', '2020-10-12'],
  },
  {
    what: 'a later entry naming the meeting and its time',
    about: true,
    geneva: ['Seit dem Genfer Treffen im Januar 2022 haben beide Minister nicht mehr persönlich gesprochen.', '2023-03-02'],
    reykjavik: ['Seit dem Fischereigipfel im Oktober 2019 ist der Kabeljaubestand gewachsen.', '2021-06-01'],
  },
  {
    what: 'the run-up: the coming meeting, its people and its day',
    about: true,
    geneva: ['Blinken will Lawrow am Freitag einen Ausweg aus der Krise anbieten.', '2022-01-19'],
    reykjavik: ['Brandt will Arason am Samstag einen Kompromiss anbieten.', '2019-10-09'],
  },
  {
    what: 'the run-up: another meeting of one of them, with the demand that came of the event later',
    about: false,
    geneva: ['Krisentreffen in Moskau: Ihr russischer Amtskollege verlangt von Baerbock erneut eine schriftliche Antwort.', '2022-01-18'],
    reykjavik: ['Quotengipfel in Oslo: Der isländische Fischereiminister verlangt eine gemeinsame Fangquote.', '2019-10-09'],
  },
  {
    what: 'the answer it promised, named by its sender, in the days after',
    about: true,
    geneva: ['Moskau will sich mit seiner Reaktion auf das amerikanische Papier Zeit lassen.', '2022-01-31'],
    reykjavik: ['Das Brüsseler Angebot wird in Island gründlich geprüft.', '2019-10-25'],
  },
  {
    what: 'what one of its people said there, in a phrase of its own',
    about: true,
    geneva: ['Überschreiten russische Einheiten die Grenze, wäre die Reaktion nach den Worten des Chefs der US-Diplomatie schnell, hart und geschlossen.', '2022-01-21'],
    reykjavik: ['Der Schutz der Bestände gehe allem vor, sagt der isländische Fischereiminister.', '2019-10-13'],
  },
  {
    what: 'an anniversary, counted back to the day',
    about: true,
    geneva: ['Vor genau einem Jahr trafen sich Blinken und Lawrow am Genfersee.', '2023-01-21'],
    reykjavik: ['Zwei Jahre nach dem Fischereigipfel ist der Bestand gewachsen.', '2021-10-12'],
  },
  {
    what: 'a day counted back to the event\'s, with none of its words',
    about: false,
    geneva: ['Vor genau einem Jahr stieg der Leitzins um einen Viertelpunkt.', '2023-01-21'],
    reykjavik: ['Vor genau zwei Jahren stieg der Leitzins um einen Viertelpunkt.', '2021-10-12'],
  },
  {
    what: 'another anniversary, counted back to another day',
    about: false,
    geneva: ['Ein Jahr nach Kriegsbeginn reisen Blinken und Lawrow nach Genf.', '2023-02-24'],
    reykjavik: ['Ein Jahr nach dem Fangverbot tagt der Fischereigipfel wieder in Reykjavík.', '2020-12-01'],
  },
  {
    what: 'before the event was news',
    about: false,
    geneva: ['Gespräche in Genf: USA und Russland verhandeln über Sicherheitsgarantien.', '2022-01-10'],
    reykjavik: ['Gespräche in Reykjavík: Brandt lotet eine gemeinsame Quote aus.', '2019-09-20'],
  },
  {
    what: 'a word for any meeting beside one of its people, the day after, in the reporter’s words',
    about: true,
    geneva: ['Peking lobt die Unterredung des Amerikaners mit dem russischen Außenminister.', '2022-01-22'],
    reykjavik: ['Nach der Begegnung mit der Kommission zeigt sich der isländische Fischereiminister zufrieden.', '2019-10-13'],
  },
  {
    what: 'the same word beside the same person, a week and more later, about another meeting',
    about: false,
    geneva: ['Lawrow nennt sein Treffen mit dem iranischen Außenminister konstruktiv.', '2022-02-01'],
    reykjavik: ['Arason nennt das Treffen mit Norwegens Fischereiminister konstruktiv.', '2019-10-25'],
  },
  {
    what: 'the same word beside the same person in the days after, dated to another day',
    about: false,
    geneva: ['Baerbock verteidigt ihr Gespräch mit dem russischen Außenminister am Dienstag in Moskau.', '2022-01-21'],
    reykjavik: ['Der isländische Fischereiminister verteidigt sein Treffen mit Norwegen am Mittwoch in Oslo.', '2019-10-12'],
  },
  {
    what: 'the pair by what they share, beside the place',
    about: true,
    geneva: ['Vor dem Hotel President Wilson warten die Kameras, die beiden Chefdiplomaten sind noch im Saal.', '2022-01-21'],
    reykjavik: ['Am Hafen von Reykjavík warten die Kameras, die beiden Verhandlungsführer sind noch im Saal.', '2019-10-12'],
  },
  {
    what: 'the same city, the same subject, in the days after: another meeting, dated before the event was news',
    about: false,
    geneva: ['Rjabkow erinnert an das Gespräch in Genf vom 10. Januar über Sicherheitsgarantien.', '2022-01-24'],
    reykjavik: ['Die Fischer erinnern an die Gespräche in Reykjavík vom 2. Oktober über eine gemeinsame Fangquote.', '2019-10-15'],
  },
  {
    what: 'the pair by what they share, on another day: another pair',
    about: false,
    geneva: ['Die beiden Außenminister fordern in Paris Sicherheitsgarantien für die Ukraine.', '2022-01-24'],
    reykjavik: ['Die beiden Verhandlungsführer fordern in Oslo eine gemeinsame Fangquote.', '2019-10-16'],
  },
  {
    what: 'the people of the other meeting in the same city, in the days after, with no date',
    about: false,
    geneva: ['Sherman und Rjabkow hatten in Genf über Sicherheitsgarantien gesprochen.', '2022-01-22'],
    reykjavik: ['Nordheim hatte in Reykjavík über eine gemeinsame Fangquote verhandelt.', '2019-10-14'],
  },
  {
    what: 'a person of the other meeting beside what the event alone produced',
    about: true,
    geneva: ['Vizeaußenminister Rjabkow: Das amerikanische Papier wird gründlich geprüft.', '2022-01-31'],
    reykjavik: ['Nordheim: Das Brüsseler Angebot wird gründlich geprüft.', '2019-10-25'],
  },
  {
    what: 'a person of the event beside that earlier meeting still counts',
    about: true,
    geneva: ['Anders als Rjabkow am 10. Januar hat Lawrow in Genf von Fortschritten gesprochen.', '2022-01-21'],
    reykjavik: ['Anders als am 2. Oktober hat Arason in Reykjavík von Fortschritten gesprochen.', '2019-10-12'],
  },
  {
    what: 'no date: names and place alone are not enough',
    about: false,
    geneva: ['Blinken und Lawrow in Genf.', null],
    reykjavik: ['Brandt und Arason in Reykjavík.', null],
  },
  {
    what: 'no date: a reference back is',
    about: true,
    geneva: ['Die in Genf zugesagte Antwort ist in Moskau eingetroffen.', null],
    reykjavik: ['Die in Reykjavík vereinbarte Quote gilt ab sofort.', null],
  },
  {
    what: 'a role composed of a word for the country and one for the office',
    about: true,
    geneva: ['Moskaus Ressortchef und sein Gegenüber aus Washington gingen nach einer Stunde auseinander.', '2022-01-21'],
    reykjavik: ['Der Ressortchef aus Reykjavík und die Kommissarin für Fischerei gingen nach einer Stunde auseinander.', '2019-10-12'],
  },
  {
    what: 'on its day, the meeting the reader knows ("das Ergebnis der Unterredung") and one more item',
    about: true,
    geneva: ['Händler nahmen das Ergebnis der Unterredung gelassen, einen Durchbruch hatte niemand erwartet.', '2022-01-21'],
    reykjavik: ['Händler nahmen das Ergebnis der Runde gelassen, die gemeinsame Quote hatte man erwartet.', '2019-10-12'],
  },
  {
    what: 'on its day, a meeting said to be someone else’s ("das Gespräch mit …")',
    about: false,
    geneva: ['Das Gespräch mit Kuleba drehte sich um Sicherheitsgarantien, sagte Baerbock.', '2022-01-21'],
    reykjavik: ['Das Gespräch mit dem Hafenverband drehte sich um die gemeinsame Quote.', '2019-10-12'],
  },
  {
    what: 'on its day, a new meeting ("zu einem Gespräch")',
    about: false,
    geneva: ['Scholz und Macron wollen am Abend zu einem Gespräch über Sicherheitsgarantien zusammenkommen.', '2022-01-21'],
    reykjavik: ['Die Reeder wollen am Abend zu einem Treffen über die gemeinsame Quote zusammenkommen.', '2019-10-12'],
  },
  {
    what: 'on its day, the meeting the reader knows, beside its place',
    about: true,
    geneva: ['Bern zeigte sich zufrieden, dass das Außenministertreffen auf Schweizer Boden stattfinden konnte.', '2022-01-21'],
    reykjavik: ['Island zeigte sich zufrieden, dass die Runde auf seinem Boden in Reykjavík stattfinden konnte.', '2019-10-12'],
  },
  {
    what: 'on its day, talks in general beside its place',
    about: false,
    geneva: ['Die Schweiz stehe weiterhin bereit, Gespräche zu ermöglichen, teilte Bern mit.', '2022-01-21'],
    reykjavik: ['In Reykjavík stehe man weiterhin bereit, Gespräche zu ermöglichen.', '2019-10-12'],
  },
  {
    what: 'days later, the meeting of its weekday',
    about: true,
    geneva: ['Nach dem Treffen am Freitag wartet Moskau auf Post aus Washington.', '2022-01-24'],
    reykjavik: ['Nach dem Treffen am Samstag warten die Reeder auf Post aus Brüssel.', '2019-10-14'],
  },
  {
    what: 'days later, the meeting of another weekday',
    about: false,
    geneva: ['Nach dem Treffen am Dienstag wartet Moskau auf Post aus Washington.', '2022-01-24'],
    reykjavik: ['Nach dem Treffen am Dienstag warten die Reeder auf Post aus Brüssel.', '2019-10-14'],
  },
  {
    what: 'what it promised, named beside its sender, is evidence enough in its days',
    about: true,
    geneva: ['Die USA haben ihre Antwort zu Papier gebracht und nach Moskau geschickt.', '2022-01-26'],
    reykjavik: ['Brüssel hat die gemeinsame Quote vorgerechnet und nach Island geschickt.', '2019-10-15'],
  },
  {
    what: 'what it promised, named without its sender, is one item',
    about: false,
    geneva: ['Die Nato hat ihre schriftlichen Vorschläge an Moskau übergeben.', '2022-01-26'],
    reykjavik: ['Die Reeder haben die gemeinsame Quote vorgerechnet und verschickt.', '2019-10-15'],
  },
];

const EVENTS: [keyof Omit<Case, 'what' | 'about'>, RelevanceProfile][] = [
  ['geneva', relevanceProfile(briefing)],
  ['reykjavik', REYKJAVIK_EVENT],
];

describe.each(EVENTS)('the hard cases, in the words of %s', (event, data) => {
  const profile = compileProfile(data);
  it.each(CASES.map((c) => [c.about ? 'counts' : 'does not count', c.what, c] as const))('%s: %s', (_verdict, _what, c) => {
    const [text, day] = c[event];
    expect(judgeEntry(text, profile, day) !== null).toBe(c.about);
  });
});

describe('a role names a person only while they held it', () => {
  const profile = compileProfile(REYKJAVIK_EVENT);
  const text = 'Die EU-Fischereikommissarin und der isländische Fischereiminister beraten über die gemeinsame Quote.';
  it('the same entry counts on the last day of the term, not on the next', () => {
    expect(judgeEntry(text, profile, '2019-10-20')?.signals).toEqual(['brandt', 'arason', 'quota']);
    expect(judgeEntry(text, profile, '2019-10-21')?.signals).toEqual(['arason', 'quota']);
    const alone = 'Die EU-Fischereikommissarin spricht über die gemeinsame Quote.';
    expect(judgeEntry(alone, profile, '2019-10-20')).not.toBeNull();
    expect(judgeEntry(alone, profile, '2019-10-21')).toBeNull();
  });
});

describe('one shared item is never enough', () => {
  it.each([
    ['another foreign minister', 'Außenministerin Baerbock ist in Moskau mit Lawrow zusammengetroffen.'],
    ['Nato at an exercise', 'Die Nato beginnt ein Manöver in Norwegen; Sicherheitsgarantien für Finnland seien kein Thema.'],
    ['Geneva at another meeting', 'Der UN-Menschenrechtsrat in Genf berät über Myanmar.'],
    ['markets that mention Russia', 'Der Dax fällt, Anleger fürchten eine Eskalation zwischen Russland und der Ukraine.'],
    ['the ministry, not the minister', 'Das russische Außenministerium bestellt den Botschafter ein.'],
  ])('%s', (_what, text) => {
    expect(judge(text)).toBeNull();
  });

  it('two items make an entry count, and the verdict names them in the entry’s own words', () => {
    expect(judge('Blinken und Lawrow haben sich in Genf getroffen.')).toMatchObject({
      signals: ['blinken', 'lawrow', 'place'],
      evidence: ['Blinken', 'Lawrow', 'Genf', '21.01.'],
      sides: ['usa', 'russia'],
    });
    expect(judge('Der US-Außenminister sagte nach dem Krisentreffen, man werde schriftlich Stellung nehmen.', '2022-01-22')).toMatchObject({
      evidence: ['US-Außenminister', 'Krisentreffen', 'schriftlich Stellung nehmen', '22.01.'],
      positions: ['lawrow-written-answer'],
    });
  });

  it('a quote of the briefing is one item and links to its position', () => {
    const verdict = judge('Es sei „offen und nützlich“ gewesen, sagte der Minister in Genf.');
    expect(verdict).toMatchObject({ signals: ['place', QUOTE_SIGNAL], quoted: ['lawrow-talks'] });
    expect(verdict?.evidence).toContain('„offen und nützlich“');
    expect(verdict?.positions[0]).toBe('lawrow-talks');
    // The same quote without a second item is one item only; on its day, the meeting the reader knows is that item.
    expect(judge('Es sei „offen und nützlich“ gewesen.')).toBeNull();
    expect(judge('Das Treffen sei „offen und nützlich“ gewesen.')).not.toBeNull();
  });

  it('five words of a quote in a row quote it; English too', () => {
    expect(judge('Lawrow: Russland habe das ukrainische Volk niemals bedroht.')?.quoted).toEqual(['lawrow-no-threat']);
    expect(judge("Blinken said: if any Russian military forces move across Ukraine's border, that's a renewed invasion.")?.quoted).toEqual(['blinken-invasion']);
  });

  it('reads U.S., US- and USA as the same country', () => {
    expect(words('U.S. reply, US-Antwort, Antwort der USA')).toEqual(['us', 'reply', 'us', 'antwort', 'antwort', 'der', 'us']);
    for (const text of ['Lavrov says the U.S. reply ignores Moscow’s demands.', 'Lawrow kritisiert die US-Antwort.', 'Lawrow kritisiert die Antwort der USA.']) {
      expect(judge(text, '2022-01-27')?.signals).toEqual(['lawrow', 'us-answer']);
    }
  });

  it('folds case, accents and ß, and finds words by their start', () => {
    expect(judge('LAWROWS Worte in GENF')?.signals).toEqual(['lawrow', 'place']);
    expect(judge('Der russische Aussenminister forderte Sicherheitsgarantien.')?.signals).toEqual(['lawrow', 'guarantees']);
  });
});
