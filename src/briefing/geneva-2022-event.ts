/**
 * The Blinken–Lawrow talks in Geneva in time and in words, as the live-blog rule reads them
 * (core/liveblog/relevance.ts). Offices and their holders from tests/fixtures/source/FACTS.md
 * ("Who held which office"); the days from its "The meeting" and "What followed"; the words are
 * those agency copy and Handelsblatt's live blog use for the meeting, its people and its outcome.
 * Each word matches the words it starts with up to two more letters ("Lawrow" finds "Lawrows").
 */
import type { EventInWords } from './types';

/** Words for a foreign minister's office, which a word for the country makes one person's ("russische" + "Chefdiplomat"). */
const OFFICE_NOUNS = [
  'Außenminister', 'Chefdiplomat', 'Außenamtschef', 'Amtskollege', 'Kollege', 'Gegenüber', 'Gegenpart', 'Ressortchef', 'Minister',
  'oberste Diplomat', 'höchste Diplomat', 'Spitzendiplomat', 'Top-Diplomat', 'Chef der Diplomatie',
  'foreign minister', 'top diplomat', 'chief diplomat', 'counterpart', 'opposite number', 'minister',
];

export const genevaEvent: EventInWords = {
  // Blinken's trip to Kyiv, Berlin and Geneva ran from 18 January (FACTS.md): from then on the meeting was news.
  announced: '2022-01-18',
  date: '2022-01-21',
  // The written answer was promised for "next week" and came on the 26th (FACTS.md); Moscow's first
  // reactions to it, Blinken and Lawrow's call about it included, ran into the first days of February.
  runsUntil: '2022-02-04',
  people: [
    { id: 'blinken', names: ['Blinken'], side: 'usa' },
    { id: 'lawrow', names: ['Lawrow', 'Lavrov', 'Lawrov', 'Lavrow'], side: 'russia' },
  ],
  offices: [
    {
      terms: [
        'US-Außenminister', 'amerikanische Außenminister', 'Außenminister der USA', 'Außenminister der Vereinigten Staaten',
        'Washingtons Außenminister', 'US-Chefdiplomat', 'amerikanische Chefdiplomat', 'Washingtons Chefdiplomat', 'Chef der US-Diplomatie',
        'Chef des State Department', 'Leiter des State Department', 'head of the State Department',
        'US-Außenamtschef', 'amerikanische Außenamtschef', 'amerikanische Amtskollege', 'US-Amtskollege', 'amerikanische Kollege', 'US-Kollege',
        'oberste Diplomat der USA', 'oberste US-Diplomat', 'oberste amerikanische Diplomat', 'Amerikas oberste Diplomat', 'Amerikas Außenminister',
        'Amerikas Chefdiplomat', 'Amtskollege aus Washington', 'Kollege aus Washington', 'amerikanische Gegenüber', 'US-Gegenüber', 'Gegenüber aus Washington',
        'Secretary of State', 'top US diplomat', 'America’s top diplomat', 'Washington’s top diplomat', 'chief US diplomat', 'US foreign minister',
        'American counterpart', 'US counterpart', 'American opposite number', 'US opposite number',
      ],
      composed: {
        before: ['US', 'amerikanische', 'Washingtons', 'Amerikas', 'American', 'America’s', 'Washington’s'],
        nouns: [...OFFICE_NOUNS, 'Secretary of State'],
        after: ['der USA', 'der Vereinigten Staaten', 'aus Washington', 'Washingtons', 'der Amerikaner'],
      },
      holders: [
        { person: 'blinken', from: '2021-01-26', to: '2025-01-20' },
        { person: 'rubio', from: '2025-01-21', to: null },
      ],
    },
    {
      terms: [
        'Russlands Außenminister', 'russische Außenminister', 'Außenminister Russlands', 'Moskaus Außenminister',
        'Russlands Chefdiplomat', 'russische Chefdiplomat', 'Moskaus Chefdiplomat', 'Kreml-Chefdiplomat',
        'Chef der russischen Diplomatie', 'Russlands Außenamtschef', 'russische Außenamtschef', 'Moskaus Außenamtschef',
        'russische Amtskollege', 'Moskauer Amtskollege', 'russische Kollege', 'russische Minister', 'Amtskollege aus Moskau', 'Kollege aus Moskau',
        'oberste Diplomat Russlands', 'oberste russische Diplomat', 'Russlands oberste Diplomat', 'Moskaus oberste Diplomat', 'Außenminister des Kreml',
        'russische Gegenüber', 'Gegenüber aus Moskau',
        'Russian Foreign Minister', 'Russia’s Foreign Minister', 'Moscow’s Foreign Minister', 'Russia’s top diplomat', 'Moscow’s top diplomat',
        'Kremlin’s top diplomat', 'top Russian diplomat', 'chief Russian diplomat', 'Russian counterpart', 'Russian opposite number',
      ],
      composed: {
        before: ['russische', 'Russlands', 'Moskaus', 'Moskauer', 'Kreml', 'Russian', 'Russia’s', 'Moscow’s', 'Kremlin’s', 'Kremlin'],
        nouns: OFFICE_NOUNS,
        after: ['Russlands', 'aus Moskau', 'des Kreml', 'der Russischen Föderation', 'der Russen'],
      },
      holders: [{ person: 'lawrow', from: '2004-03-09', to: null }],
    },
  ],
  names: [
    'Krisentreffen', 'Krisengespräch', 'Krisensitzung', 'Genfer Treffen', 'Genfer Gespräch', 'Genfer Begegnung', 'Genfer Unterredung',
    'Treffen in Genf', 'Gespräch in Genf', 'Begegnung in Genf', 'Ministertreffen in Genf', 'Außenministertreffen in Genf', 'Treffen der Außenminister in Genf', 'Unterredung in Genf', 'Zusammenkunft in Genf', 'Treffen am Genfersee',
    'Treffen in der Schweiz', 'Gespräch in der Schweiz', 'amerikanisch-russisch', 'russisch-amerikanisch', 'US-russisch',
    'Treffen der beiden Außenminister', 'Gespräch der beiden Außenminister', 'Washington und Moskau', 'Moskau und Washington',
    'crisis talks', 'crisis meeting', 'Geneva talks', 'Geneva meeting', 'talks in Geneva', 'meeting in Geneva', 'talks in Switzerland',
    'meeting in Switzerland', 'US-Russian talks', 'US-Russia talks',
  ],
  pair: [
    'beiden Außenminister', 'beiden Chefdiplomaten', 'beiden Außenamtschefs', 'beiden Minister', 'beiden Diplomaten', 'zwei Außenminister',
    'two foreign ministers', 'two top diplomats', 'two ministers', 'two diplomats',
  ],
  // The strategic stability dialogue in Geneva on 10 January 2022 (FACTS.md, the week of 10 January): the same city, week and demands.
  others: ['Sherman', 'Rjabkow', 'Ryabkov', 'Vizeaußenminister', 'Vizeaußenministerin', 'Deputy Secretary', 'deputy foreign minister', 'Strategic Stability', 'strategische Stabilität'],
  commonNames: [
    'Treffen', 'Gespräch', 'Unterredung', 'Begegnung', 'Zusammenkunft', 'Zusammentreffen', 'Ministertreffen', 'Außenministertreffen',
    'meeting', 'talks', 'encounter',
  ],
  places: [
    'Genf', 'Geneva', 'Genève', 'Genfersee', 'am Genfer See', 'Genfer Sees', 'Genfer Seeufer', 'Lake Geneva', 'Lac Léman', 'Léman', 'President Wilson', 'lakeside hotel',
    'in der Schweiz', 'Schweiz', 'Switzerland', 'Swiss city',
  ],
  outcomes: [
    {
      id: 'written-answer',
      terms: [
        // In the days of the talks, nothing else was to be put in writing: the word alone is the answer.
        'schriftlich', 'schriftliche Antwort', 'schriftlich antworten', 'schriftlich Stellung nehmen', 'schriftliche Stellungnahme', 'schriftlich reagieren',
        'schriftlich darlegen', 'schriftliche Reaktion', 'Antwort in schriftlicher Form', 'Antwort auf Papier', 'versprochene Antwort', 'zugesagte Antwort',
        'zu Papier bringen', 'zu Papier gebracht', 'Antwortschreiben', 'Antwort für nächste Woche', 'Antwort für kommende Woche',
        'Antwort nächste Woche', 'Antwort bis nächste Woche', 'Antwort in der kommenden Woche', 'Antwort in der nächsten Woche',
        'answer next week', 'response next week', 'reply next week', 'written answer', 'written response', 'written reply', 'answer in writing', 'respond in writing', 'reply in writing', 'in writing', 'on paper',
      ],
    },
    {
      // The answer named by its sender: in the days after the meeting no other US answer was news.
      id: 'us-answer',
      alone: true,
      of: ['written-answer', 'answer'],
      by: ['USA', 'Washington', 'Amerikaner', 'amerikanische', 'American', 'US-Regierung', 'Weißes Haus', 'Weiße Haus', 'State Department', 'Biden-Regierung', 'United States', 'Vereinigten Staaten'],
      terms: [
        'Antwort der USA', 'Antwort aus Washington', 'US-Antwort', 'amerikanische Antwort', 'Antwort Washingtons', 'Stellungnahme der USA',
        'Stellungnahme der Vereinigten Staaten', 'amerikanische Stellungnahme', 'amerikanische Papier', 'US-Papier', 'Antwort der Amerikaner',
        'Antwort der Vereinigten Staaten', 'Antwort der US-Regierung', 'Antwortschreiben der USA', 'amerikanische Antwortschreiben',
        'US answer', 'US response', 'US reply', 'American answer', 'American response', 'American reply', 'Washington’s answer',
        'Washington’s response', 'Washington’s reply', 'answer from Washington', 'response from Washington', 'reply from Washington',
        // It was handed over by the US ambassador in Moscow, John Sullivan (FACTS.md), as proposals of its own.
        'Botschafter Sullivan', 'Botschafter John Sullivan', 'Ambassador Sullivan', 'Ambassador John Sullivan',
        'US-Vorschläge', 'amerikanische Vorschläge', 'Vorschläge der USA', 'Vorschläge aus Washington', 'US proposals', 'American proposals',
      ],
    },
    {
      // An answer, by its sender the one the talks promised (`us-answer`); alone, one item.
      id: 'answer',
      terms: ['Antwort', 'antworten', 'geantwortet', 'answer', 'response', 'reply', 'replied', 'responded'],
    },
    {
      id: 'guarantees',
      terms: [
        'Sicherheitsgarantie', 'Garantien für seine Sicherheit', 'Garantien für die Sicherheit Russlands', 'Garantien für Russlands Sicherheit',
        'Sicherheitsforderungen', 'russische Forderungen', 'Forderungen Russlands', 'russische Vorschläge',
        'security guarantee', 'guarantees for its security', 'security demands', 'security proposals',
      ],
    },
    {
      // How it went, in the words of the day's reports (FACTS.md "The meeting"): the dialogue goes on, no breakthrough, separate press conferences.
      id: 'course',
      terms: [
        'weiter reden', 'weiter miteinander reden', 'Dialog fortsetzen', 'Dialog geht weiter', 'Gespräche fortsetzen', 'Durchbruch',
        'anderthalb Stunden', 'eineinhalb Stunden', '90 Minuten', 'neunzig Minuten', 'getrennte Pressekonferenzen', 'Pressekonferenzen', 'Delegationen', 'Delegation', 'Handschlag', 'sich die Hand', 'sich die Hände',
        'breakthrough', 'press conferences', 'handshake', 'shook hands', 'shake hands', 'hour and a half', '90 minutes', 'keep talking', 'dialogue will continue',
      ],
    },
  ],
  references: ['in Genf zugesagte Antwort', 'in Genf versprochene Antwort', 'in Genf angekündigte Antwort', 'answer promised in Geneva', 'promised in Geneva'],
  when: [
    'vor Kriegsbeginn', 'vor dem Krieg', 'vor dem Einmarsch', 'vor der Invasion', 'vor dem russischen Einmarsch', 'vor dem russischen Angriff',
    'Anfang 2022', 'before the war', 'before the invasion',
  ],
};
