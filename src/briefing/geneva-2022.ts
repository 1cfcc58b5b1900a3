/**
 * The Blinken–Lawrow talks in Geneva, 21 January 2022. Checked against tests/fixtures/source/FACTS.md;
 * German quotes are verbatim from the corrected article text, so they can be found in the live page.
 */
import { geneva2022Sources } from './geneva-2022-sources';
import { genevaEvent } from './geneva-2022-event';
import type { Briefing } from './types';

export const geneva2022: Briefing = {
  id: 'geneva-2022',
  date: '2022-01-21',
  articleId: '27996778',
  title: {
    de: 'Blinken und Lawrow in Genf: Krisengespräch über die Ukraine',
    en: 'Blinken and Lavrov in Geneva: crisis talks on Ukraine',
  },
  summary: {
    de:
      'US-Außenminister Antony Blinken und Russlands Außenminister Sergej Lawrow haben sich am Freitag, 21. Januar 2022, in Genf zu einem Krisengespräch über die Ukraine getroffen. ' +
      'Nach rund eineinhalb Stunden gingen sie auseinander und gaben getrennte Pressekonferenzen. ' +
      'Blinken warnte, jeder Grenzübertritt russischer Truppen sei eine erneute Invasion, auf die die USA und ihre Verbündeten schnell, hart und geschlossen reagieren würden. ' +
      'Lawrow nannte das Treffen offen und nützlich und sagte, Russland habe das ukrainische Volk nie bedroht. ' +
      'Einen Durchbruch hatten beide nicht erwartet, und es gab keinen: Die USA sagten eine schriftliche Antwort für die folgende Woche zu, der Dialog geht weiter.',
    en:
      'US Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov met in Geneva on Friday, 21 January 2022, for crisis talks on Ukraine. ' +
      'They parted after about an hour and a half and held separate press conferences. ' +
      'Blinken warned that any Russian forces crossing Ukraine’s border would be a renewed invasion, met with a swift, severe and united response from the US and its allies. ' +
      'Lavrov called the meeting open and useful and said Russia had never threatened the Ukrainian people. ' +
      'Neither side had expected a breakthrough, and none came: the US promised a written answer for the following week, and the dialogue continues.',
  },
  gist: {
    de: 'Rund eineinhalb Stunden sprachen Blinken und Lawrow in Genf, ohne Durchbruch. Die USA sagten eine schriftliche Antwort zu; der Dialog geht weiter.',
    en: 'Blinken and Lavrov talked in Geneva for about an hour and a half, with no breakthrough. The US promised a written answer; the dialogue continues.',
  },
  facts: [
    {
      label: { de: 'Wann', en: 'When' },
      value: {
        de: 'Freitag, 21. Januar 2022; Begrüßung per Handschlag gegen 11.00 Uhr Ortszeit',
        en: 'Friday, 21 January 2022; handshake at about 11:00 local time',
      },
    },
    {
      label: { de: 'Wo', en: 'Where' },
      value: {
        de: 'Hotel President Wilson am Genfersee, Genf',
        en: 'Hotel President Wilson on Lake Geneva, Geneva',
      },
    },
    {
      // Whether the talks ended early is disputed (FACTS.md): dpa and Interfax, citing the Russian delegation, spoke of about two hours planned; Lawrow said 90 minutes. Both stand, each attributed.
      label: { de: 'Dauer', en: 'Length' },
      value: {
        de: 'Rund eineinhalb Stunden – geplant waren laut dpa etwa zwei Stunden, es endete also früher; Lawrow sagte, geplant gewesen seien 90 Minuten',
        en: 'About an hour and a half – about two hours had been planned according to dpa, so it ended early; Lavrov said 90 minutes had been planned',
      },
    },
    {
      label: { de: 'Danach', en: 'Afterwards' },
      value: {
        de: 'Getrennte Pressekonferenzen von Blinken und Lawrow',
        en: 'Separate press conferences by Blinken and Lavrov',
      },
    },
    {
      // Counts differ with what is included, so the figure belongs to whoever uses it.
      label: { de: 'Truppen', en: 'Troops' },
      value: {
        de: 'Rund 100.000 russische Soldaten an der Grenze zur Ukraine – die Zahl, die Blinken nennt (RFE/RL zählt mit der Krim rund 127.000); der Westen verlangt ihren Rückzug',
        en: 'About 100,000 Russian troops at Ukraine’s border – the figure Blinken uses (RFE/RL counts about 127,000 including Crimea); the West demands their withdrawal',
      },
    },
    {
      label: { de: 'Vereinbart', en: 'Agreed' },
      value: {
        de: 'Eine schriftliche Antwort der USA in der folgenden Woche; der Dialog wird fortgesetzt',
        en: 'A written US answer the following week; the dialogue continues',
      },
    },
    {
      label: { de: 'Ergebnis', en: 'Outcome' },
      value: {
        de: 'Beide hatten vorab keinen Durchbruch erwartet – es gab auch keinen',
        en: 'Both had said beforehand they expected no breakthrough – none came',
      },
    },
  ],
  sides: [
    {
      id: 'usa',
      name: { de: 'USA und Verbündete', en: 'The US and its allies' },
      short: { de: 'USA', en: 'US' },
      speaker: { de: 'Antony Blinken, US-Außenminister', en: 'Antony Blinken, US Secretary of State' },
      stance: {
        de: 'Fest an der Seite der Ukraine; jeder Grenzübertritt wäre eine Invasion mit harter Antwort.',
        en: 'Firmly with Ukraine; any border crossing would be an invasion, met with a severe response.',
      },
      positions: [
        {
          text: {
            de: 'Die USA und ihre europäischen Verbündeten stehen fest an der Seite der Ukraine, ihrer Souveränität und territorialen Integrität.',
            en: 'The US and its European allies stand firmly with Ukraine, its sovereignty and territorial integrity.',
          },
          short: { de: 'an der Seite der Ukraine', en: 'standing with Ukraine' },
          cues: ['Souveränität', 'territoriale Integrität', 'an der Seite der Ukraine', 'sovereignty', 'territorial integrity', 'stand firmly with Ukraine'],
          quote: {
            id: 'blinken-position',
            speaker: { de: 'Antony Blinken', en: 'Antony Blinken' },
            de: 'Ich habe die Position der Vereinigten Staaten und unserer europäischen Verbündeten und Partner übermittelt, dass wir fest an der Seite der Ukraine stehen und ihre Souveränität und territoriale Integrität unterstützen',
            en: 'I conveyed the position of the United States and our European allies and partners that we stand firmly with Ukraine in support of its sovereignty and territorial integrity.',
            enIsOriginal: true,
          },
        },
        {
          text: {
            de: 'Überschreiten russische Streitkräfte die Grenze der Ukraine, ist das eine erneute Invasion.',
            en: 'Any Russian forces crossing Ukraine’s border would be a renewed invasion.',
          },
          short: { de: 'erneute Invasion', en: 'renewed invasion' },
          cues: ['Invasion', 'Einmarsch', 'Grenzübertritt', 'invade'],
          quote: {
            id: 'blinken-invasion',
            speaker: { de: 'Antony Blinken', en: 'Antony Blinken' },
            de: 'Wir haben deutlich gemacht, dass es sich um eine erneute Invasion handelt, wenn sich irgendwelche russischen Streitkräfte über die Grenze der Ukraine bewegen.',
            en: "If any Russian military forces move across Ukraine's border, that's a renewed invasion.",
            enIsOriginal: true,
          },
        },
        {
          text: {
            de: 'Darauf würden die USA und ihre Verbündeten schnell, hart und geschlossen antworten.',
            en: 'The US and its allies would answer with a swift, severe and united response.',
          },
          short: { de: 'harte Antwort', en: 'severe response' },
          cues: ['schnell, hart', 'harte Antwort', 'geschlossen reagieren', 'Sanktion', 'severe response', 'united response', 'sanction'],
          quote: {
            id: 'blinken-response',
            speaker: { de: 'Antony Blinken', en: 'Antony Blinken' },
            de: 'Darauf werden die Vereinigten Staaten und unsere Partner und Verbündeten schnell, hart und mit vereinten Kräften reagieren.',
            en: 'It will be met with swift, severe, and a united response from the United States and our partners and allies.',
            enIsOriginal: true,
          },
        },
        {
          text: {
            de: 'Das Gespräch mit Lawrow war offen und substanziell.',
            en: 'The talks with Lavrov were frank and substantive.',
          },
          short: { de: 'offen und substanziell', en: 'frank and substantive' },
          cues: ['substanziell', 'frank and substantive', 'substantive'],
          quote: {
            id: 'blinken-talks',
            speaker: { de: 'Antony Blinken', en: 'Antony Blinken' },
            reportedBy: 'dpa',
            de: 'Blinken sagte, das Gespräch mit Lawrow sei „offen und substanziell“ gewesen.',
            en: 'The discussion today with Minister Lavrov was frank and substantive.',
            enIsOriginal: true,
          },
        },
      ],
    },
    {
      id: 'russia',
      name: { de: 'Russland', en: 'Russia' },
      short: { de: 'Russland', en: 'Russia' },
      speaker: { de: 'Sergej Lawrow, russischer Außenminister', en: 'Sergei Lavrov, Russian Foreign Minister' },
      stance: {
        de: 'Keine Bedrohung der Ukraine; verlangt Sicherheitsgarantien, wartet auf die schriftliche Antwort.',
        en: 'No threat to Ukraine; demands security guarantees and awaits the written answer.',
      },
      positions: [
        {
          text: {
            de: 'Das Treffen war offen und nützlich; der Dialog soll weitergehen.',
            en: 'The meeting was open and useful; the dialogue is to continue.',
          },
          short: { de: 'offen und nützlich', en: 'open and useful' },
          cues: ['offen und nützlich', 'nützlich', 'Dialog', 'useful', 'dialogue'],
          quote: {
            id: 'lawrow-talks',
            speaker: { de: 'Sergej Lawrow', en: 'Sergei Lavrov' },
            reportedBy: 'dpa',
            de: 'Das Treffen sei „offen und nützlich“ gewesen, sagte Lawrow.',
            en: 'The meeting had been “open and useful”, Lavrov said.',
            enIsOriginal: false,
          },
        },
        {
          text: {
            de: 'Putin ist jederzeit zu Kontakt mit Biden bereit – gut vorbereitet müsse er aber sein.',
            en: 'Putin is always ready for contact with Biden – but it must be well prepared.',
          },
          short: { de: 'Kontakt Putin–Biden', en: 'Putin–Biden contact' },
          cues: ['Biden', 'Gipfel', 'summit'],
          quote: {
            id: 'lawrow-putin-biden',
            speaker: { de: 'Sergej Lawrow', en: 'Sergei Lavrov' },
            reportedBy: 'dpa',
            de: 'Präsident Wladimir Putin sei immer bereit, in Kontakt mit US-Präsident Joe Biden zu treten.',
            en: 'President Vladimir Putin was always ready to get in touch with US President Joe Biden.',
            enIsOriginal: false,
          },
        },
        {
          text: {
            de: 'Blinken hat eine schriftliche Antwort auf Russlands Vorschläge für Sicherheitsgarantien zugesagt; danach sehe man weiter.',
            en: 'Blinken promised a written answer to Russia’s proposals for security guarantees; then we will see.',
          },
          short: { de: 'schriftliche Antwort', en: 'written answer' },
          cues: ['schriftlich', 'Sicherheitsgarantie', 'kommende Woche', 'written', 'in writing', 'security guarantee', 'next week'],
          quote: {
            id: 'lawrow-written-answer',
            speaker: { de: 'Sergej Lawrow', en: 'Sergei Lavrov' },
            reportedBy: 'dpa',
            de: 'Blinken habe ihm zugesichert, dass der Westen seiner Regierung kommende Woche eine schriftliche Antwort auf deren Anfrage nach Sicherheitsgarantien übergeben werde, sagte Lawrow.',
            en: 'Blinken had assured him that the West would hand his government a written answer to its request for security guarantees next week, Lavrov said.',
            enIsOriginal: false,
          },
        },
        {
          text: {
            de: 'Russland bedroht die Ukraine nicht und plant keinen Angriff.',
            en: 'Russia does not threaten Ukraine and plans no attack.',
          },
          short: { de: 'keine Bedrohung', en: 'no threat' },
          cues: ['bedroht', 'Bedrohung', 'Angriffsplan', 'Angriffspläne', 'threat', 'plans to attack'],
          quote: {
            id: 'lawrow-no-threat',
            speaker: { de: 'Sergej Lawrow', en: 'Sergei Lavrov' },
            reportedBy: 'dpa',
            de: 'Russland habe das ukrainische Volk niemals bedroht und hege auch keine Angriffspläne gegen die frühere Sowjetrepublik.',
            en: 'Russia had never threatened the Ukrainian people and had no plans to attack the former Soviet republic.',
            enIsOriginal: false,
          },
        },
        {
          text: {
            de: 'Die Nato arbeitet gegen Russland.',
            en: 'NATO works against Russia.',
          },
          short: { de: 'Nato gegen Russland', en: 'NATO against Russia' },
          cues: ['Nato', 'Osterweiterung', 'eastward expansion'],
          quote: {
            id: 'lawrow-nato',
            speaker: { de: 'Sergej Lawrow', en: 'Sergei Lavrov' },
            reportedBy: 'dpa',
            de: 'Allerdings arbeite die Nato gegen sein Land, sagte Lawrow.',
            en: 'NATO, however, was working against his country, Lavrov said.',
            enIsOriginal: false,
          },
        },
        {
          text: {
            de: 'Waffenlieferungen und Militärberater für die Ukraine beunruhigen Russland.',
            en: 'Arms deliveries and military advisers sent to Ukraine concern Russia.',
          },
          short: { de: 'Waffen und Berater', en: 'arms and advisers' },
          cues: ['Waffen', 'Militärberater', 'weapons', 'military advisers'],
          quote: {
            id: 'lawrow-weapons',
            speaker: { de: 'Sergej Lawrow', en: 'Sergei Lavrov' },
            reportedBy: 'dpa',
            de: 'Russland sei besorgt über die Entsendung von Waffen und Militärberater in die Ukraine.',
            en: 'Russia was concerned about weapons and military advisers being sent to Ukraine.',
            enIsOriginal: false,
          },
        },
      ],
    },
  ],
  // The labels of the kinds of evidence; the words the rule looks for are the event's (geneva-2022-event.ts).
  signals: [
    { id: 'blinken', label: { de: 'Blinken', en: 'Blinken' }, side: 'usa' },
    { id: 'lawrow', label: { de: 'Lawrow', en: 'Lavrov' }, side: 'russia' },
    { id: 'name', label: { de: 'das Treffen', en: 'the meeting' } },
    { id: 'place', label: { de: 'Genf', en: 'Geneva' } },
    { id: 'written-answer', label: { de: 'schriftliche Antwort', en: 'written answer' } },
    { id: 'us-answer', label: { de: 'Antwort der USA', en: 'the US answer' } },
    { id: 'guarantees', label: { de: 'Sicherheitsgarantien', en: 'security guarantees' } },
    { id: 'course', label: { de: 'Verlauf', en: 'how it went' } },
    { id: 'said', label: { de: 'dort Gesagtes', en: 'what was said there' } },
    { id: 'when', label: { de: 'der Tag', en: 'the day' } },
    { id: 'reference', label: { de: 'Rückbezug auf Genf', en: 'refers back to Geneva' } },
  ],
  event: genevaEvent,
  timeline: [
    {
      date: '2021-12-15',
      text: {
        de: 'Russland übergibt den USA zwei Vertragsentwürfe: einen Vertrag mit den USA und ein Abkommen mit der Nato.',
        en: 'Russia hands the US two draft texts: a treaty with the US and an agreement with NATO.',
      },
      later: false,
    },
    {
      date: '2021-12-17',
      text: {
        de: 'Russland veröffentlicht die Entwürfe. Es verlangt rechtsverbindliche Garantien: keine weitere Nato-Osterweiterung, keine Mitgliedschaft früherer Sowjetrepubliken, keine Nato-Militäraktivität in der Ukraine, Nato-Truppen zurück auf den Stand von 1997.',
        en: 'Russia publishes the drafts. It demands legally binding guarantees: no further NATO expansion to the east, no membership for former Soviet states, no NATO military activity in Ukraine, NATO deployments back to their 1997 status.',
      },
      later: false,
    },
    {
      date: '2022-01-10',
      text: {
        de: 'Strategischer Stabilitätsdialog der USA und Russlands in Genf (Sherman–Rjabkow).',
        en: 'US–Russia Strategic Stability Dialogue in Geneva (Sherman–Ryabkov).',
      },
      later: false,
    },
    {
      date: '2022-01-12',
      text: { de: 'Nato-Russland-Rat in Brüssel.', en: 'NATO–Russia Council in Brussels.' },
      later: false,
    },
    {
      date: '2022-01-13',
      text: { de: 'Ständiger Rat der OSZE in Wien.', en: 'OSCE Permanent Council in Vienna.' },
      later: false,
    },
    {
      date: '2022-01-19',
      text: { de: 'Blinken in Kiew.', en: 'Blinken in Kyiv.' },
      later: false,
    },
    {
      date: '2022-01-20',
      text: { de: 'Blinken reist weiter nach Berlin.', en: 'Blinken travels on to Berlin.' },
      later: false,
    },
    {
      date: '2022-01-21',
      text: {
        de: 'Blinken und Lawrow treffen sich in Genf.',
        en: 'Blinken and Lavrov meet in Geneva.',
      },
      later: false,
      current: true,
    },
    {
      date: '2022-01-21',
      text: {
        de: 'Das russische Außenministerium fordert am selben Tag auch den Abzug von Nato-Truppen aus Rumänien und Bulgarien (laut ORF).',
        en: 'The same day, the Russian Foreign Ministry also demands that NATO forces leave Romania and Bulgaria (according to ORF).',
      },
      later: false,
    },
    {
      date: '2022-01-26',
      text: {
        de: 'US-Botschafter John Sullivan übergibt dem russischen Außenministerium die schriftliche Antwort der USA; die Nato übergibt am selben Tag eigene schriftliche Vorschläge.',
        en: 'US ambassador John Sullivan hands the written US response to the Russian Foreign Ministry; NATO delivers its own written proposals the same day.',
      },
      later: true,
    },
    {
      date: '2022-02-24',
      text: {
        de: 'Russland beginnt den umfassenden Angriff auf die Ukraine.',
        en: 'Russia begins its full-scale invasion of Ukraine.',
      },
      later: true,
    },
  ],
  sources: geneva2022Sources,
};
