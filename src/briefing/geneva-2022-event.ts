/**
 * The Blinken–Lawrow talks in Geneva in time and in words, as the live-blog rule reads them
 * (core/liveblog/relevance.ts). Offices and their holders from tests/fixtures/source/FACTS.md
 * ("Who held which office"); the days from its "The meeting" and "What followed"; the words are
 * those agency copy and Handelsblatt's live blog use for the meeting, its people and its outcome.
 * Each word matches the words it starts with up to two more letters ("Lawrow" finds "Lawrows").
 */
import type { EventInWords } from './types';

export const genevaEvent: EventInWords = {
  // Blinken's trip to Kyiv, Berlin and Geneva ran from 18 January (FACTS.md): from then on the meeting was news.
  announced: '2022-01-18',
  date: '2022-01-21',
  // The written answer was promised for "next week", the week to Sunday 30 January; it came on the 26th.
  runsUntil: '2022-01-30',
  people: [
    { id: 'blinken', names: ['Blinken'], side: 'usa' },
    { id: 'lawrow', names: ['Lawrow', 'Lavrov', 'Lawrov'], side: 'russia' },
  ],
  offices: [
    {
      terms: [
        'US-Außenminister', 'amerikanische Außenminister', 'Außenminister der USA', 'Außenminister der Vereinigten Staaten',
        'US-Chefdiplomat', 'amerikanische Chefdiplomat', 'US-Außenamtschef', 'amerikanische Amtskollege', 'US-Amtskollege',
        'Secretary of State', 'top US diplomat', 'America’s top diplomat', 'American counterpart', 'US counterpart',
      ],
      holders: [
        { person: 'blinken', from: '2021-01-26', to: '2025-01-20' },
        { person: 'rubio', from: '2025-01-21', to: null },
      ],
    },
    {
      terms: [
        'Russlands Außenminister', 'russische Außenminister', 'Außenminister Russlands', 'Moskaus Außenminister',
        'Russlands Chefdiplomat', 'russische Chefdiplomat', 'Moskaus Chefdiplomat', 'Kreml-Chefdiplomat',
        'Russlands Außenamtschef', 'russische Außenamtschef', 'russische Amtskollege', 'Moskauer Amtskollege',
        'Russian Foreign Minister', 'Russia’s Foreign Minister', 'Russia’s top diplomat', 'Russian counterpart',
      ],
      holders: [{ person: 'lawrow', from: '2004-03-09', to: null }],
    },
  ],
  names: [
    'Krisentreffen', 'Krisengespräch', 'Genfer Treffen', 'Genfer Gespräch', 'Genfer Gespräche', 'Treffen in Genf',
    'Gespräch in Genf', 'Gespräche in Genf', 'am Genfersee', 'am Genfer See', 'Treffen in der Schweiz', 'Gespräch in der Schweiz',
    'amerikanisch-russische Gespräch', 'amerikanisch-russische Treffen', 'russisch-amerikanische Gespräch', 'russisch-amerikanische Treffen',
    'US-russische Gespräch', 'US-russische Treffen',
    'crisis talks', 'crisis meeting', 'Geneva talks', 'Geneva meeting', 'talks in Geneva', 'meeting in Geneva', 'US-Russian talks', 'US-Russia talks',
  ],
  places: ['Genf', 'Geneva', 'Genfersee', 'Genfer See', 'Lake Geneva', 'President Wilson'],
  outcomes: [
    {
      id: 'written-answer',
      terms: [
        'schriftliche Antwort', 'schriftlich antworten', 'schriftlich Stellung nehmen', 'schriftliche Stellungnahme', 'schriftlich reagieren',
        'schriftliche Reaktion', 'Antwort in schriftlicher Form', 'written answer', 'written response', 'answer in writing', 'respond in writing',
      ],
    },
    {
      id: 'guarantees',
      terms: [
        'Sicherheitsgarantie', 'Garantien für seine Sicherheit', 'Garantien für die Sicherheit Russlands', 'Garantien für Russlands Sicherheit',
        'security guarantee', 'guarantees for its security',
      ],
    },
  ],
  references: ['in Genf zugesagte Antwort', 'in Genf versprochene Antwort', 'in Genf angekündigte Antwort', 'answer promised in Geneva', 'promised in Geneva'],
  when: [
    'vor Kriegsbeginn', 'vor dem Krieg', 'vor dem Einmarsch', 'vor der Invasion', 'vor dem russischen Einmarsch', 'vor dem russischen Angriff',
    'Anfang 2022', 'before the war', 'before the invasion',
  ],
};
