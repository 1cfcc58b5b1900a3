/**
 * One day of Handelsblatt's Ukraine live blog, Friday 21 January 2022, invented (PROVENANCE.md):
 * the entries about the Blinken–Lawrow talks in Geneva among the rest of the day's news, and
 * distractors that share exactly one word with the briefing (another foreign minister, "Genf" at
 * another meeting, "Sicherheitsgarantien" at a Nato exercise, markets that mention Russia).
 * Facts about the talks follow tests/fixtures/source/FACTS.md and the corrected article; quotes
 * are the briefing's German wording (src/briefing/geneva-2022.ts).
 */

export interface LiveblogEntry {
  /** Stable name for tests; pages put it in `data-test-key`, never where the extension looks. */
  key: string;
  /** ISO 8601 with the offset of the day in Germany (+01:00 in January). */
  time: string;
  headline: string | null;
  /** One to three sentences. */
  text: string;
  /** About the Geneva talks, by a careful human reading. */
  about: boolean;
  /** For entries about the talks: the briefing's quote IDs the entry touches. */
  positions?: string[];
}

/** The day's entries, newest first, as the blog shows them ("Neueste zuerst"). */
export const LIVEBLOG_DAY: readonly LiveblogEntry[] = [
  {
    key: 'selenskyj-ruhe',
    time: '2022-01-21T22:15:00+01:00',
    headline: 'Selenskyj ruft zur Besonnenheit auf',
    text: 'Präsident Wolodymyr Selenskyj hat die Ukrainer in einer Videoansprache aufgerufen, nicht in Panik zu verfallen. Das Land sei auf jede Entwicklung vorbereitet, sagte er.',
    about: false,
  },
  {
    key: 'peskow-truppen',
    time: '2022-01-21T21:30:00+01:00',
    headline: null,
    text: 'Kremlsprecher Dmitri Peskow wirft dem westlichen Bündnis vor, die Spannungen mit Truppenverlegungen nach Osteuropa anzuheizen. Russland bewege Soldaten auf eigenem Gebiet, wohin es wolle.',
    about: false,
  },
  {
    key: 'macron-dialog',
    time: '2022-01-21T20:45:00+01:00',
    headline: 'Macron will eigenen Gesprächskanal Europas',
    text: 'Frankreichs Präsident Emmanuel Macron wirbt dafür, dass die Europäer eigene Gespräche mit Moskau führen. Paris stimme sich dabei eng mit Berlin ab, hieß es aus dem Élysée-Palast.',
    about: false,
  },
  {
    key: 'cyber-angriff',
    time: '2022-01-21T20:10:00+01:00',
    headline: 'Kiew legt Bericht zu Hackerangriff vor',
    text: 'Die ukrainische Regierung macht eine Gruppe mit Verbindungen zum belarussischen Geheimdienst für den Angriff auf Dutzende Behördenseiten in der vergangenen Woche verantwortlich. Die Seiten sind inzwischen wieder erreichbar.',
    about: false,
  },
  {
    key: 'reaktionen-abend',
    time: '2022-01-21T19:30:00+01:00',
    headline: 'Reaktionen auf das Genfer Treffen',
    text: 'Die Bundesregierung begrüßt, dass die Genfer Gespräche zwischen Washington und Moskau weitergehen sollen. In Kiew hieß es, man werde die schriftliche Antwort der USA an Russland genau lesen.',
    about: true,
    positions: ['lawrow-written-answer'],
  },
  {
    key: 'scholz-sanktionen',
    time: '2022-01-21T18:30:00+01:00',
    headline: 'Scholz: Alle Optionen liegen auf dem Tisch',
    text: 'Bundeskanzler Olaf Scholz schließt für den Fall eines Angriffs auf die Ukraine keine Sanktion aus. Auf Nachfrage nannte er die Ostseepipeline Nord Stream 2 nicht ausdrücklich.',
    about: false,
  },
  {
    key: 'rubel',
    time: '2022-01-21T18:05:00+01:00',
    headline: null,
    text: 'Der Rubel hat zum Wochenschluss weiter an Wert verloren. Ein Dollar kostete am Abend zeitweise mehr als 77 Rubel, so viel wie seit gut einem Jahr nicht mehr.',
    about: false,
  },
  {
    key: 'dax-schluss',
    time: '2022-01-21T17:45:00+01:00',
    headline: 'Dax schließt deutlich im Minus',
    text: 'Die Sorge vor einer Eskalation zwischen Russland und der Ukraine belastet die Börsen. Der Dax beendet die Woche mit einem Verlust von fast zwei Prozent, an der Schweizer Börse geben auch die Papiere des Genfer Prüfkonzerns SGS nach.',
    about: false,
  },
  {
    key: 'nord-stream',
    time: '2022-01-21T17:10:00+01:00',
    headline: 'Keine Entscheidung zu Nord Stream 2 vor dem Sommer',
    text: 'Die Bundesnetzagentur rechnet nicht mit einer Entscheidung über die Zertifizierung der Pipeline im ersten Halbjahr. Zunächst müsse die Betreibergesellschaft eine deutsche Tochter gründen.',
    about: false,
  },
  {
    key: 'baltikum-waffen',
    time: '2022-01-21T16:40:00+01:00',
    headline: 'Baltische Staaten wollen Waffen liefern',
    text: 'Estland, Lettland und Litauen wollen der Ukraine Panzerabwehr- und Flugabwehrraketen aus amerikanischer Produktion überlassen. Die Zustimmung Washingtons gilt als Formsache.',
    about: false,
  },
  {
    key: 'gaspreis',
    time: '2022-01-21T16:15:00+01:00',
    headline: 'Gaspreis steigt wieder',
    text: 'Der Preis für Erdgas im europäischen Großhandel zieht am Nachmittag kräftig an. Auf eine schriftliche Antwort von Gazprom zu den niedrigen Füllständen seiner deutschen Speicher wartet die Bundesnetzagentur nach eigenen Angaben bislang.',
    about: false,
  },
  {
    key: 'kiew-reise',
    time: '2022-01-21T15:50:00+01:00',
    headline: null,
    text: 'Die Bundesentwicklungsministerin will nach Angaben ihres Hauses in der kommenden Woche nach Kiew reisen und über Hilfen für die Ostukraine sprechen. Vor ihr war US-Außenminister Antony Blinken am Mittwoch in der ukrainischen Hauptstadt.',
    about: false,
  },
  {
    key: 'jobs-zitat',
    time: '2022-01-21T15:20:00+01:00',
    headline: 'Polnische Jobportale melden mehr Bewerber aus der Ukraine',
    text: 'In der Rubrik „Top-Jobs des Tages“ eines großen polnischen Portals stehen seit Tagen Stellen für Lagerarbeiter und Fahrer ganz oben, berichtet ein Personalberater aus Warschau. Viele Bewerber kämen aus der Westukraine.',
    about: false,
  },
  {
    key: 'lawrow-angriffsplaene',
    time: '2022-01-21T14:45:00+01:00',
    headline: 'Lawrow: Russland plant keinen Angriff',
    text: 'Russland habe das ukrainische Volk niemals bedroht und hege auch keine Angriffspläne gegen die frühere Sowjetrepublik, sagte Lawrow nach dem Treffen in Genf. Allerdings arbeite die Nato gegen sein Land; Moskau sei besorgt über die Entsendung von Waffen und Militärberatern in die Ukraine.',
    about: true,
    positions: ['lawrow-no-threat', 'lawrow-nato', 'lawrow-weapons'],
  },
  {
    key: 'blinken-substanziell',
    time: '2022-01-21T14:20:00+01:00',
    headline: null,
    text: 'Blinken nennt das Gespräch „offen und substanziell“. Es sei keine Verhandlung gewesen, sondern ein offener Austausch von Sorgen und Ideen; beide Seiten wollten die Gespräche fortsetzen.',
    about: true,
    positions: ['blinken-talks'],
  },
  {
    key: 'schriftliche-antwort',
    time: '2022-01-21T13:55:00+01:00',
    headline: 'USA sagen schriftliche Antwort zu',
    text: 'Blinken habe ihm zugesichert, dass der Westen kommende Woche eine schriftliche Antwort auf Russlands Anfrage nach Sicherheitsgarantien übergeben werde, sagte Lawrow. Danach werde man weiter sehen.',
    about: true,
    positions: ['lawrow-written-answer'],
  },
  {
    key: 'blinken-invasion',
    time: '2022-01-21T13:35:00+01:00',
    headline: 'Blinken warnt vor Einmarsch',
    text: '„Wir haben deutlich gemacht, dass es sich um eine erneute Invasion handelt, wenn sich irgendwelche russischen Streitkräfte über die Grenze der Ukraine bewegen“, sagte US-Außenminister Antony Blinken. Darauf würden die USA und ihre Verbündeten schnell, hart und geschlossen reagieren.',
    about: true,
    positions: ['blinken-invasion', 'blinken-response'],
  },
  {
    key: 'lawrow-offen',
    time: '2022-01-21T13:10:00+01:00',
    headline: null,
    text: 'Russlands Außenminister Sergej Lawrow nennt das Treffen „offen und nützlich“. Der Dialog solle weitergehen, auch ein Treffen der Präsidenten Putin und Biden sei möglich, müsse aber gut vorbereitet sein.',
    about: true,
    positions: ['lawrow-talks', 'lawrow-putin-biden'],
  },
  {
    key: 'genf-ende',
    time: '2022-01-21T12:40:00+01:00',
    headline: 'Gespräch nach anderthalb Stunden beendet',
    text: 'Das Krisengespräch ist nach rund eineinhalb Stunden zu Ende gegangen, laut dpa früher als geplant. Das russische Außenministerium verbreitete ein Foto mit der Zeile „Sergey Lavrov and Antony Blinken in Geneva“.',
    about: true,
    positions: [],
  },
  {
    key: 'lambrecht-waffen',
    time: '2022-01-21T12:15:00+01:00',
    headline: null,
    text: 'Verteidigungsministerin Christine Lambrecht bekräftigt, dass Deutschland keine tödlichen Waffen in Krisengebiete liefert. Die Ukraine könne aber auf Hilfe bei der Versorgung verwundeter Soldaten zählen.',
    about: false,
  },
  {
    key: 'un-menschenrechtsrat',
    time: '2022-01-21T11:50:00+01:00',
    headline: 'UN-Bericht zur Lage auf der Krim',
    text: 'Der UN-Menschenrechtsrat in Genf hat einen Bericht zur Lage der Krimtataren auf der annektierten Halbinsel vorgelegt. Die Vereinten Nationen beklagen Festnahmen und Hausdurchsuchungen.',
    about: false,
  },
  {
    key: 'genf-handschlag',
    time: '2022-01-21T11:05:00+01:00',
    headline: 'Blinken und Lawrow treffen sich in Genf',
    text: 'US-Außenminister Antony Blinken und sein russischer Amtskollege Sergej Lawrow haben sich in einem Hotel am Genfersee mit Handschlag begrüßt. Beide hatten vorab gesagt, sie erwarteten keinen Durchbruch.',
    about: true,
    positions: [],
  },
  {
    key: 'nato-uebung',
    time: '2022-01-21T10:40:00+01:00',
    headline: 'Nato-Manöver in der Ostsee beginnt',
    text: 'Schiffe aus zwölf Nato-Staaten üben in der Ostsee die Abwehr von U-Booten, das Manöver war seit Langem geplant. Mit der Übung unterstreiche das Bündnis seine Sicherheitsgarantien für die baltischen Staaten, sagte ein Sprecher.',
    about: false,
  },
  {
    key: 'belarus-manoever',
    time: '2022-01-21T10:05:00+01:00',
    headline: null,
    text: 'Russische Truppen treffen weiter in Belarus ein, wo im Februar ein gemeinsames Manöver beider Länder stattfinden soll. Die Ukraine sieht darin eine Bedrohung ihrer Nordgrenze.',
    about: false,
  },
  {
    key: 'genf-vorschau',
    time: '2022-01-21T09:30:00+01:00',
    headline: null,
    text: 'Vor dem Treffen mit Sergej Lawrow in Genf dämpft der US-Außenminister die Erwartungen. Man rechne nicht mit einem Durchbruch, wolle aber ausloten, ob Moskau an Entspannung interessiert sei.',
    about: true,
    positions: [],
  },
  {
    key: 'baerbock-moskau',
    time: '2022-01-21T08:50:00+01:00',
    headline: 'Baerbock verteidigt Besuch in Moskau',
    text: 'Außenministerin Annalena Baerbock hat ihr Treffen mit Sergej Lawrow am Dienstag in Moskau gegen Kritik verteidigt. Gerade in schwierigen Zeiten müsse man miteinander reden, sagte die Grünen-Politikerin.',
    about: false,
  },
  {
    key: 'estland-haubitzen',
    time: '2022-01-21T08:15:00+01:00',
    headline: 'Berlin blockiert Haubitzen aus Estland',
    text: 'Die Bundesregierung hat nach Medienberichten noch nicht zugestimmt, dass Estland alte Haubitzen aus DDR-Beständen an die Ukraine weitergibt. Für die Weitergabe ist eine deutsche Genehmigung nötig.',
    about: false,
  },
  {
    key: 'blinken-berlin',
    time: '2022-01-21T07:40:00+01:00',
    headline: 'Rückblick: Blinken in Berlin',
    text: 'US-Außenminister Antony Blinken ist am Donnerstag in Berlin mit Außenministerin Annalena Baerbock und ihren Kollegen aus Paris und London zusammengetroffen. Die vier betonten die Geschlossenheit des Westens.',
    about: false,
  },
  {
    key: 'truppen-grenze',
    time: '2022-01-21T07:05:00+01:00',
    headline: 'Satellitenbilder zeigen neue Truppenbewegungen',
    text: 'Auf neuen Satellitenbildern eines amerikanischen Unternehmens sind weitere russische Einheiten nahe der ukrainischen Grenze zu sehen. Auch Feldlazarette seien aufgebaut worden, heißt es.',
    about: false,
  },
  {
    key: 'morgenlage',
    time: '2022-01-21T06:30:00+01:00',
    headline: 'Guten Morgen aus der Redaktion',
    text: 'Willkommen zum Newsblog am Freitag. Wir halten Sie hier über die Lage an der ukrainischen Grenze und die diplomatischen Bemühungen auf dem Laufenden.',
    about: false,
  },
];

/** The entries about the talks, newest first. */
export const ABOUT_ENTRIES: readonly LiveblogEntry[] = LIVEBLOG_DAY.filter((e) => e.about);

export function corpusEntry(key: string): LiveblogEntry {
  const entry = LIVEBLOG_DAY.find((e) => e.key === key);
  if (!entry) throw new Error(`no live-blog entry ${key}`);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Filler for long runs: off-topic, distinct, cheap

const PLACES = ['Leipzig', 'Dortmund', 'Kiel', 'Augsburg', 'Erfurt', 'Mainz', 'Rostock', 'Bremen', 'Ulm', 'Kassel', 'Potsdam'];
const SUBJECTS = ['Die Stadtwerke', 'Der Hafenbetreiber in', 'Der Verkehrsverbund', 'Die Handelskammer', 'Die Messegesellschaft', 'Der Flughafen', 'Die Sparkasse'];
const NEWS: ((n: number) => string)[] = [
  (n) => `meldet für das vergangene Jahr ${n} Prozent mehr Umsatz.`,
  (n) => `rechnet bis zum Sommer mit ${n} neuen Stellen.`,
  (n) => `verschiebt eine Investition über ${n} Millionen Euro.`,
  (n) => `senkt die Gebühren um ${n} Prozent.`,
  (n) => `eröffnet im Frühjahr ${n} neue Standorte.`,
];

const DAY_START = Date.parse('2022-01-21T00:00:00+01:00');

/** `minutes` after midnight of 21 January 2022 in Germany, as ISO with +01:00. */
export function dayTime(minutes: number): string {
  const shifted = new Date(DAY_START + minutes * 60_000 + 3_600_000).toISOString();
  return `${shifted.slice(0, 19)}+01:00`;
}

/** The `i`-th filler entry (i ≥ 0): off-topic, every text distinct, a minute after the one before, from 22:30. */
export function fillerEntry(i: number): LiveblogEntry {
  const place = PLACES[i % PLACES.length]!;
  const subject = SUBJECTS[Math.floor(i / PLACES.length) % SUBJECTS.length]!;
  const news = NEWS[i % NEWS.length]!(3 + (i % 17));
  return {
    key: `filler-${i}`,
    time: dayTime(22 * 60 + 30 + i),
    headline: i % 4 === 3 ? null : `${place}: Meldung ${i + 1} aus der Wirtschaft`,
    text: `${subject} ${place} ${news} Das geht aus einer Mitteilung hervor, der Nummer ${i + 1} des Tages.`,
    about: false,
  };
}
