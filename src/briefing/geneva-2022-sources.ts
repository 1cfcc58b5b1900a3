/** The sources of the Geneva briefing (src/briefing/geneva-2022.ts): a file of their own, so the briefing stays under 400 lines. */
import type { Source } from './types';

export const geneva2022Sources: Source[] = [
  {
    publisher: 'Handelsblatt',
    title: {
      de: 'Ukraine-Konflikt: Gespräch Blinken–Lawrow, US-Außenminister warnt vor Eskalation (dpa)',
      en: 'Ukraine conflict: Blinken–Lavrov talks, US Secretary of State warns of escalation (dpa)',
    },
    date: '2022-01-21',
    url: 'https://www.handelsblatt.com/politik/international/ukraine-konflikt-gespraech-blinken-lawrow-vorzeitig-beendet-us-aussenminister-warnt-vor-eskalation/27996778.html',
  },
  {
    // The Biden-era State Department site is archived here; the transcript's own address is not confirmed.
    publisher: 'U.S. Department of State',
    title: {
      de: 'Archiv des US-Außenministeriums 2021–2025 (Startseite); dort: „Secretary Antony J. Blinken at a Press Availability“, Genf',
      en: 'US State Department archive 2021–2025 (home page); there: “Secretary Antony J. Blinken at a Press Availability”, Geneva',
    },
    date: '2022-01-21',
    url: 'https://2021-2025.state.gov/',
    index: true,
  },
  {
    // The ministry's speeches section; the transcript's own address is not confirmed.
    publisher: 'Ministry of Foreign Affairs of the Russian Federation',
    title: {
      de: 'Reden und Interviews des russischen Außenministers (Übersicht); dort: Lawrows Antworten auf Fragen der Medien nach dem Gespräch mit Blinken, Genf',
      en: 'The Russian Foreign Minister’s speeches and interviews (overview); there: Sergei Lavrov’s answers to media questions after the talks with Blinken, Geneva',
    },
    date: '2022-01-21',
    url: 'https://mid.ru/en/press_service/minister_speeches/',
    index: true,
  },
  {
    publisher: 'NATO',
    title: {
      de: 'Erklärung des Nato-Generalsekretärs zu den schriftlichen Vorschlägen der Nato an Russland',
      en: 'NATO Secretary General’s statement on NATO’s written proposals to Russia',
    },
    date: '2022-01-26',
    url: 'https://www.nato.int/cps/en/natohq/news_191252.htm',
  },
  {
    // The blog runs on under one ID while its slug changes; dated the day this article sent readers there.
    publisher: 'Handelsblatt',
    title: { de: 'Liveblog zum Ukraine-Krieg', en: 'Live blog on the war in Ukraine' },
    date: '2022-01-21',
    url: 'https://www.handelsblatt.com/27982126.html',
  },
];
