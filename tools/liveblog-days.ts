/**
 * Three more live blogs for issue 26, invented (tests/fixtures/PROVENANCE.md), in the form of
 * tools/liveblog-corpus.ts so that tools/liveblog-pages.ts can build them in every markup:
 * - REPORTERS_DAY: 21 January 2022 with the entries about the talks written as agencies write
 *   follow-ups (roles, "Krisentreffen", "am Genfersee", "schriftlich Stellung nehmen"), each sharing at
 *   most one of the briefing's obvious words, among the day's other news and one-word traps;
 * - BLOG_YEARS: the one Ukraine live blog from 2022 to 2025 (day headings between days), where the
 *   entries about the talks stand beside later events that share two of those words;
 * - DAY_2025: 14 March 2025, nothing about the talks, full of "US-Außenminister", "Sicherheitsgarantien",
 *   "Lawrow" and "Genf" in other contexts.
 * No text here is in the hand-labelled corpus (tests/fixtures/relevance-corpus/): the rule must meet
 * these pages unseen. Facts of the talks follow tests/fixtures/source/FACTS.md; offices follow its
 * "Who held which office" (Rubio is US secretary of state from 21 January 2025).
 */
import type { LiveblogEntry } from './liveblog-corpus';

/** 21 January 2022, newest first. Seven entries about the talks, none naming both men or the place and the answer. */
export const REPORTERS_DAY: readonly LiveblogEntry[] = [
  {
    key: 'rd-iwanow',
    time: '2022-01-21T20:20:00+01:00',
    headline: 'Früherer Minister warnt vor Krieg',
    text: 'Der frühere russische Außenminister Igor Iwanow warnt in einem Interview vor einem Krieg, den niemand gewinnen könne. Europa müsse eine neue Sicherheitsordnung aushandeln.',
    about: false,
  },
  {
    key: 'rd-truppen-osteuropa',
    time: '2022-01-21T18:50:00+01:00',
    headline: null,
    text: 'Das Weiße Haus prüft, zusätzliche Soldaten nach Polen und ins Baltikum zu verlegen. Eine Entscheidung werde in den nächsten Tagen fallen, hieß es in Washington.',
    about: false,
  },
  {
    key: 'rd-baerbock-kuleba',
    time: '2022-01-21T17:20:00+01:00',
    headline: null,
    text: 'Außenministerin Annalena Baerbock hat mit ihrem ukrainischen Amtskollegen telefoniert und ein Feldlazarett für die Ostukraine zugesagt. Waffen will Berlin weiter nicht liefern.',
    about: false,
  },
  {
    key: 'rd-naftogaz',
    time: '2022-01-21T15:55:00+01:00',
    headline: 'Naftogaz erhält Post aus Berlin',
    text: 'Der ukrainische Gaskonzern Naftogaz hat vom Bundeswirtschaftsministerium eine schriftliche Antwort auf seine Einwände gegen Nord Stream 2 erhalten. Der Inhalt wurde nicht bekannt.',
    about: false,
  },
  {
    key: 'rd-keine-drohung',
    time: '2022-01-21T15:30:00+01:00',
    headline: null,
    text: 'Russland habe das ukrainische Volk nie bedroht, versicherte der russische Chefdiplomat nach dem Krisentreffen. Sorge bereiteten Moskau aber Waffenlieferungen und westliche Militärberater in der Ukraine.',
    about: true,
    positions: ['lawrow-no-threat', 'lawrow-weapons'],
  },
  {
    key: 'rd-austausch',
    time: '2022-01-21T14:40:00+01:00',
    headline: null,
    text: 'Keine Verhandlung, sondern ein offener Austausch von Sorgen und Ideen: So beschreibt der amerikanische Chefdiplomat das Gespräch in der Schweiz. Er habe die Unterstützung der USA und ihrer Verbündeten für die Souveränität der Ukraine bekräftigt.',
    about: true,
    positions: ['blinken-talks', 'blinken-position'],
  },
  {
    key: 'rd-warnung',
    time: '2022-01-21T14:15:00+01:00',
    headline: 'Warnung an Moskau',
    text: 'Überschreiten russische Einheiten die ukrainische Grenze, ist das nach den Worten des Chefs der US-Diplomatie ein neuer Einmarsch. Die Reaktion der Vereinigten Staaten und ihrer Verbündeten wäre schnell, hart und geschlossen.',
    about: true,
    positions: ['blinken-invasion', 'blinken-response'],
  },
  {
    key: 'rd-stellungnahme',
    time: '2022-01-21T13:50:00+01:00',
    headline: null,
    text: 'Washington will bis Ende kommender Woche schriftlich Stellung nehmen. Darauf habe sich sein amerikanischer Gesprächspartner festgelegt, sagte Russlands Außenamtschef; danach sehe man weiter.',
    about: true,
    positions: ['lawrow-written-answer'],
  },
  {
    key: 'rd-nuetzlich',
    time: '2022-01-21T13:25:00+01:00',
    headline: 'Moskau: Gespräch war „offen und nützlich“',
    text: 'Die Unterredung mit dem amerikanischen Kollegen sei offen und nützlich gewesen, sagte Moskaus Chefdiplomat vor Journalisten. Präsident Putin sei stets zu Kontakten mit Biden bereit, ein solches Treffen müsse aber gut vorbereitet sein.',
    about: true,
    positions: ['lawrow-talks', 'lawrow-putin-biden'],
  },
  {
    key: 'rd-vorbei',
    time: '2022-01-21T12:40:00+01:00',
    headline: null,
    text: 'Nach rund anderthalb Stunden ist das Krisentreffen vorbei, laut dpa eher als vorgesehen. Beide Delegationen wollen sich getrennt vor der Presse äußern.',
    about: true,
    positions: [],
  },
  {
    key: 'rd-militaerhilfe',
    time: '2022-01-21T12:05:00+01:00',
    headline: null,
    text: 'Nach Blinkens Besuch in Kiew am Mittwoch hat Washington weitere Militärhilfe über 200 Millionen Dollar freigegeben. Die ersten Lieferungen sollen am Wochenende eintreffen.',
    about: false,
  },
  {
    key: 'rd-begonnen',
    time: '2022-01-21T11:20:00+01:00',
    headline: 'Krisentreffen hat begonnen',
    text: 'Der amerikanische Chefdiplomat und Russlands Außenamtschef sitzen seit kurz nach elf Uhr in einem Hotel am Genfersee zusammen. Einen Durchbruch erwartet keine der beiden Seiten.',
    about: true,
    positions: [],
  },
  {
    key: 'rd-finnland',
    time: '2022-01-21T10:30:00+01:00',
    headline: null,
    text: 'Finnlands Präsident Sauli Niinistö betont, sein Land brauche keine Sicherheitsgarantien aus Moskau, um über einen Nato-Beitritt selbst zu entscheiden.',
    about: false,
  },
  {
    key: 'rd-uhren',
    time: '2022-01-21T09:50:00+01:00',
    headline: 'Uhrenbranche meldet Rekordjahr',
    text: 'Die Genfer Uhrenmanufakturen haben 2021 so viel exportiert wie nie. Die Ausfuhren nach Russland legten um ein Drittel zu, teilt der Branchenverband mit.',
    about: false,
  },
  {
    key: 'rd-sacharowa',
    time: '2022-01-21T08:40:00+01:00',
    headline: null,
    text: 'Die Sprecherin des Außenministeriums in Moskau, Maria Sacharowa, wirft britischen Medien Falschmeldungen über russische Truppenbewegungen vor.',
    about: false,
  },
  {
    key: 'rd-donbass',
    time: '2022-01-21T07:10:00+01:00',
    headline: 'Ruhige Nacht im Donbass',
    text: 'Die ukrainische Armee meldet für die Nacht nur vereinzelte Verstöße gegen die Waffenruhe an der Kontaktlinie. Verletzt worden sei niemand.',
    about: false,
  },
];

/** The later events that share two of the briefing's words with the talks; none of them is about the talks. */
export const BLOG_YEARS_LOOKALIKES = ['by-genf-2025', 'by-rubio-riad', 'by-g20-delhi', 'by-telefonat', 'by-lawrow-un', 'by-stabilitaet'] as const;

/** One live blog from January 2022 to November 2025, newest first, with full dates. */
export const BLOG_YEARS: readonly LiveblogEntry[] = [
  {
    key: 'by-genf-2025',
    time: '2025-11-23T19:10:00+01:00',
    headline: 'USA und Ukraine beraten in Genf',
    text: 'Delegationen Washingtons und Kiews haben in Genf stundenlang über den amerikanischen Friedensplan verhandelt. Knackpunkt bleiben die Sicherheitsgarantien für die Zeit nach einer Waffenruhe.',
    about: false,
  },
  {
    key: 'by-drohnen-polen',
    time: '2025-09-10T08:20:00+02:00',
    headline: null,
    text: 'Über Ostpolen sind in der Nacht mehrere Drohnen abgeschossen worden. Warschau beantragt Beratungen der Nato-Partner.',
    about: false,
  },
  {
    key: 'by-koalition',
    time: '2025-03-02T19:40:00+01:00',
    headline: 'Europäer wollen Friedenstruppe stellen',
    text: 'Nach dem Treffen in London wollen Großbritannien und Frankreich mit weiteren Staaten eine Koalition der Willigen bilden. Sie soll einen Waffenstillstand absichern.',
    about: false,
  },
  {
    key: 'by-rubio-riad',
    time: '2025-02-18T13:05:00+01:00',
    headline: 'Rubio und Lawrow in Riad',
    text: 'US-Außenminister Marco Rubio und Sergej Lawrow haben in der saudischen Hauptstadt die ersten amerikanisch-russischen Gespräche auf Ministerebene seit Jahren geführt. Die Ukraine war nicht eingeladen.',
    about: false,
  },
  {
    key: 'by-kursk',
    time: '2024-08-08T10:15:00+02:00',
    headline: null,
    text: 'Ukrainische Einheiten rücken in der Region Kursk weiter vor. Moskau spricht von einem terroristischen Angriff und verlegt Reserven.',
    about: false,
  },
  {
    key: 'by-buergenstock',
    time: '2024-06-16T17:30:00+02:00',
    headline: 'Gipfel auf dem Bürgenstock endet',
    text: 'Die Friedenskonferenz in der Zentralschweiz endet mit einer Erklärung, die nicht alle Teilnehmer unterschreiben. Russland war nicht eingeladen.',
    about: false,
  },
  {
    key: 'by-g20-delhi',
    time: '2023-03-02T14:25:00+01:00',
    headline: null,
    text: 'Am Rande des G20-Außenministertreffens in Neu-Delhi haben Antony Blinken und Sergej Lawrow kurz miteinander gesprochen. Es ging um den New-Start-Vertrag und den Krieg in der Ukraine.',
    about: false,
  },
  {
    key: 'by-jahrestag',
    time: '2023-01-21T11:00:00+01:00',
    headline: 'Ein Jahr nach dem letzten Gespräch',
    text: 'Ein Jahr ist es her, dass Blinken und Lawrow in Genf zum letzten Mal ausführlich miteinander sprachen. Der russische Minister versprach damals, die Antwort Washingtons abzuwarten, fünf Wochen später marschierte Russland ein.',
    about: true,
    positions: ['lawrow-written-answer'],
  },
  {
    key: 'by-cherson',
    time: '2022-11-11T15:00:00+01:00',
    headline: null,
    text: 'Die ukrainische Armee ist in die Stadt Cherson zurückgekehrt. Russland hatte den Abzug seiner Truppen zwei Tage zuvor angekündigt.',
    about: false,
  },
  {
    key: 'by-telefonat',
    time: '2022-07-29T18:15:00+02:00',
    headline: 'Erstes Telefonat seit Kriegsbeginn',
    text: 'Antony Blinken und Sergej Lawrow haben zum ersten Mal seit dem russischen Einmarsch telefoniert. Blinken drängte auf die Freilassung zweier in Russland inhaftierter Amerikaner.',
    about: false,
  },
  {
    key: 'by-lawrow-un',
    time: '2022-03-01T11:30:00+01:00',
    headline: null,
    text: 'Lawrow hat sich per Video an den UN-Menschenrechtsrat in Genf gewandt. Aus Protest gegen den Krieg verließen Diplomaten vieler Staaten während seiner Rede den Saal.',
    about: false,
  },
  {
    key: 'by-einmarsch',
    time: '2022-02-24T06:10:00+01:00',
    headline: 'Russland marschiert in die Ukraine ein',
    text: 'Russische Truppen greifen die Ukraine von Norden, Osten und Süden an. In Kiew heulen die Sirenen.',
    about: false,
  },
  {
    key: 'by-antwort',
    time: '2022-01-26T19:45:00+01:00',
    headline: 'Washingtons Antwort liegt in Moskau vor',
    text: 'Wie von Blinken zugesagt, hat Botschafter John Sullivan dem russischen Außenministerium die schriftliche Antwort der USA überreicht. Washington bietet Gespräche über Rüstungskontrolle an, hält aber an der offenen Tür der Nato fest.',
    about: true,
    positions: ['lawrow-written-answer'],
  },
  {
    key: 'by-normandie',
    time: '2022-01-26T10:00:00+01:00',
    headline: null,
    text: 'In Paris treffen sich Berater der Staats- und Regierungschefs Frankreichs, Deutschlands, Russlands und der Ukraine im Normandie-Format.',
    about: false,
  },
  {
    key: 'by-zusage',
    time: '2022-01-21T14:00:00+01:00',
    headline: 'Lawrow: Antwort kommt nächste Woche',
    text: 'Blinken habe eine schriftliche Antwort auf Russlands Forderungen nach Sicherheitsgarantien für die kommende Woche zugesagt, sagte Lawrow nach dem Treffen in Genf.',
    about: true,
    positions: ['lawrow-written-answer'],
  },
  {
    key: 'by-treffen-ende',
    time: '2022-01-21T12:50:00+01:00',
    headline: null,
    text: 'Nach etwa anderthalb Stunden ist das Treffen von Blinken und Lawrow in Genf vorbei. Beide Seiten wollen im Gespräch bleiben.',
    about: true,
    positions: [],
  },
  {
    key: 'by-satelliten',
    time: '2022-01-21T08:30:00+01:00',
    headline: null,
    text: 'Neue Satellitenbilder zeigen nach Angaben eines US-Unternehmens weitere russische Kampfhubschrauber nahe der Grenze zur Ukraine.',
    about: false,
  },
  {
    key: 'by-anreise',
    time: '2022-01-20T18:30:00+01:00',
    headline: 'Blinken fliegt weiter in die Schweiz',
    text: 'Nach seinen Gesprächen in Berlin reist US-Außenminister Antony Blinken am Abend nach Genf, wo er am Freitag Sergej Lawrow trifft. Einen Durchbruch erwartet er nicht.',
    about: true,
    positions: [],
  },
  {
    key: 'by-cyber',
    time: '2022-01-14T09:40:00+01:00',
    headline: null,
    text: 'Zahlreiche Internetseiten der ukrainischen Regierung sind nach einem Hackerangriff nicht erreichbar. Kiew vermutet Russland dahinter.',
    about: false,
  },
  {
    key: 'by-stabilitaet',
    time: '2022-01-10T19:45:00+01:00',
    headline: 'Stabilitätsdialog ohne Annäherung',
    text: 'Wendy Sherman und Sergej Rjabkow haben ihre Gespräche in Genf nach rund sieben Stunden beendet. Russland beharrt auf rechtsverbindlichen Sicherheitsgarantien, die USA lehnen ein Veto gegen die Nato-Erweiterung ab.',
    about: false,
  },
];

/** Friday 14 March 2025, newest first: the words of the talks everywhere, the talks nowhere. */
export const DAY_2025: readonly LiveblogEntry[] = [
  {
    key: 'd25-lawrow-truppen',
    time: '2025-03-14T18:00:00+01:00',
    headline: 'Lawrow: Keine europäischen Soldaten',
    text: 'Europäische Truppen als Teil von Sicherheitsgarantien für die Ukraine seien für Moskau inakzeptabel, sagte Russlands Außenminister Sergej Lawrow. Darüber werde nicht verhandelt.',
    about: false,
  },
  {
    key: 'd25-dax',
    time: '2025-03-14T17:40:00+01:00',
    headline: null,
    text: 'Der Dax beendet die Woche mit einem Plus, Rüstungswerte legen erneut zu. Anleger setzen auf das geplante Schuldenpaket für Verteidigung und Infrastruktur.',
    about: false,
  },
  {
    key: 'd25-starmer',
    time: '2025-03-14T16:20:00+01:00',
    headline: 'Videoschalte der Willigen am Samstag',
    text: 'Der britische Premier Keir Starmer lädt für Samstag zu einer Videokonferenz von rund 25 Staaten ein. Es soll um Sicherheitsgarantien nach einer möglichen Waffenruhe gehen.',
    about: false,
  },
  {
    key: 'd25-rubio-ball',
    time: '2025-03-14T15:10:00+01:00',
    headline: null,
    text: 'Nun liege der Ball bei Russland, sagte US-Außenminister Marco Rubio zum Abschluss des G7-Treffens in Kanada. Eine Antwort erwarte er in den nächsten Tagen über Lawrow.',
    about: false,
  },
  {
    key: 'd25-genf-angebot',
    time: '2025-03-14T14:20:00+01:00',
    headline: 'Schweiz bietet Genf an',
    text: 'Die Schweiz bietet Genf als Ort für Gespräche zwischen Washington und Moskau an. Der US-Außenminister habe das Angebot zur Kenntnis genommen, heißt es in Bern.',
    about: false,
  },
  {
    key: 'd25-konventionen',
    time: '2025-03-14T13:20:00+01:00',
    headline: null,
    text: 'Das Internationale Komitee vom Roten Kreuz fordert Zugang zu allen Kriegsgefangenen und erinnert beide Seiten an die Genfer Konventionen.',
    about: false,
  },
  {
    key: 'd25-witkoff',
    time: '2025-03-14T12:30:00+01:00',
    headline: 'Witkoff war bei Putin',
    text: 'Der US-Sondergesandte Steve Witkoff ist am Donnerstagabend im Kreml mit Präsident Wladimir Putin zusammengetroffen. Über Inhalte schweigen beide Seiten.',
    about: false,
  },
  {
    key: 'd25-gunvor',
    time: '2025-03-14T11:40:00+01:00',
    headline: null,
    text: 'Der Genfer Rohstoffhändler Gunvor rechnet mit sinkenden Ölpreisen, sollte es zu einer Waffenruhe kommen. Die Nachfrage nach russischem Öl bleibe aber unter Sanktionen.',
    about: false,
  },
  {
    key: 'd25-planer-paris',
    time: '2025-03-14T11:00:00+01:00',
    headline: 'Militärplaner beraten in Paris',
    text: 'Generalstabschefs aus mehr als 30 Ländern beraten in Paris, wie Sicherheitsgarantien für die Ukraine aussehen könnten. Von US-Außenminister Rubio heißt es, Washington werde sich nicht mit Bodentruppen beteiligen.',
    about: false,
  },
  {
    key: 'd25-menschenrechtsrat',
    time: '2025-03-14T10:15:00+01:00',
    headline: null,
    text: 'Im UN-Menschenrechtsrat in Genf geht es um verschleppte ukrainische Kinder. Russlands Vertreter verlas eine Erklärung Lawrows, in der die Vorwürfe zurückgewiesen werden.',
    about: false,
  },
  {
    key: 'd25-selenskyj',
    time: '2025-03-14T09:30:00+01:00',
    headline: null,
    text: 'Ohne verlässliche Sicherheitsgarantien werde es keinen dauerhaften Frieden geben, sagt Präsident Wolodymyr Selenskyj. Er wirft Putin vor, eine Waffenruhe hinauszuzögern.',
    about: false,
  },
  {
    key: 'd25-lawrow-waffenruhe',
    time: '2025-03-14T08:45:00+01:00',
    headline: 'Moskau prüft Vorschlag',
    text: 'Moskau habe den Vorschlag des US-Außenministers für eine 30-tägige Waffenruhe genau gelesen, sagt Lawrow. Es gebe aber viele Fragen, die zuerst geklärt werden müssten.',
    about: false,
  },
  {
    key: 'd25-g7',
    time: '2025-03-14T07:30:00+01:00',
    headline: 'G7-Außenminister tagen in Kanada',
    text: 'Zum Abschluss ihres Treffens in Charlevoix wollen die G7-Außenminister eine gemeinsame Erklärung zur Ukraine verabschieden. US-Außenminister Marco Rubio drängt auf knappe Formulierungen.',
    about: false,
  },
];
