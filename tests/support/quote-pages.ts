/** Quotes, pages and helpers the quote-matcher tests share. */
import { findQuote, openTextIndex, toRange, type QuoteMatch, type TextIndex } from '../../src/core/quote';
import { normaliseForMatch, wordsOf } from '../../src/core/quote/normalise';
import { articleUrl, GENEVA_TEXT } from '../../tools/pages';
import { parseHtml } from './dom';

/** Verbatim from the corrected article (checked in the first test). */
export const QUOTES = {
  blinkenPosition:
    'Ich habe die Position der Vereinigten Staaten und unserer europäischen Verbündeten und Partner übermittelt, dass wir fest an der Seite der Ukraine stehen und ihre Souveränität und territoriale Integrität unterstützen',
  blinkenInvasion:
    'Wir haben deutlich gemacht, dass es sich um eine erneute Invasion handelt, wenn sich irgendwelche russischen Streitkräfte über die Grenze der Ukraine bewegen.',
  blinkenResponse:
    'Darauf werden die Vereinigten Staaten und unsere Partner und Verbündeten schnell, hart und mit vereinten Kräften reagieren.',
  lawrowBilanz: 'Russlands Außenminister Sergej Lawrow zieht eine positive Bilanz seines Gesprächs mit Blinken.',
  lawrowUseful: 'Das Treffen sei „offen und nützlich“ gewesen',
  lawrowPrepared: 'Allerdings sollte jeglicher Kontakt zwischen beiden Staatschefs gut vorbereitet sein.',
  lawrowNoThreat:
    'Russland habe das ukrainische Volk niemals bedroht und hege auch keine Angriffspläne gegen die frühere Sowjetrepublik.',
} as const;

export type QuoteKey = keyof typeof QUOTES;
export const QUOTE_KEYS = Object.keys(QUOTES) as QuoteKey[];

/** The same sentences as received, with their damaged words (READING-NOTES.md). */
export const RECEIVED: Partial<Record<QuoteKey, string>> = {
  blinkenPosition:
    'Ich habe die Place der Vereinigten Staaten und unserer europäischen Verbündeten und Accomplice übermittelt, dass wir fest an der Seite der Ukraine stehen und ihre Souveränität und territoriale Integrität unterstützen',
  blinkenResponse:
    'Darauf werden die Vereinigten Staaten und unsere Accomplice und Verbündeten schnell, hart und mit vereinten Kräften reagieren.',
  lawrowBilanz: 'Russlands Außenminister Sergej Lawrow zieht eine optimistic Bilanz seines Gesprächs mit Blinken.',
  lawrowPrepared: 'Allerdings sollte jeglicher Kontakt zwischen beiden Staatschefs intestine vorbereitet sein.',
};

export const LAWROW_PARAGRAPH = GENEVA_TEXT.corrected.split('\n').find((line) => line.startsWith('Russlands Außenminister'))!;

/** A plausible later version of the Lawrow paragraph: a few words reworded, one of them inside the quote. */
export const LAWROW_REWORDED =
  'Russlands Außenminister Sergej Lawrow zog eine positive Bilanz seines Gesprächs mit Blinken. Das Treffen sei „offen und nützlich“ gewesen, sagte Lawrow. Er kündigte an, dass der Dialog weitergehen solle. Präsident Wladimir Putin sei stets bereit, in Kontakt mit US-Präsident Joe Biden zu treten. Allerdings müsse jeglicher Kontakt zwischen beiden Staatschefs gut vorbereitet sein.';

/** The same content, rewritten throughout: no sentence of the original survives. */
export const LAWROW_REWRITTEN =
  'Lawrow sprach nach dem Treffen von einem nützlichen und offenen Austausch mit seinem Kollegen. Ein Gipfel zwischen Putin und Biden sei denkbar, müsse aber sorgfältig vorbereitet werden, betonte der russische Chefdiplomat. Moskau wolle den Dialog fortsetzen.';

/** Other news in Handelsblatt's voice, sharing words and phrases with the quotes but none of their sentences. */
export const UNRELATED = [
  'Die Vereinigten Staaten und ihre Verbündeten werden schnell und hart reagieren, falls Iran die Straße von Hormus sperrt, sagte ein Sprecher des Außenministeriums in Washington.',
  'Ich habe die Position der Bundesregierung übermittelt, dass wir fest an der Seite Israels stehen, sagte die Ministerin. Präsident Donald Trump sagte geplante Angriffe auf Iran kurzfristig ab; das Treffen im Weißen Haus sei offen gewesen.',
  'Der britische Pharmakonzern Astrazeneca erwägt eine Fusion mit dem US-Rivalen Bristol-Myers Squibb. Die Gespräche seien gut vorbereitet, hieß es aus Unternehmenskreisen, eine Entscheidung falle frühestens im Herbst.',
  'Allerdings sollte jeglicher Kontakt zu den Aufsichtsbehörden in Brüssel und Washington abgestimmt sein, sagte der Vorstandschef. Die Souveränität der Kartellwächter in der Europäischen Union stehe außer Frage.',
];

export function htmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A page in today's story markup with one paragraph per entry; entries are HTML. */
export function storyPage(paragraphs: readonly string[], extraBody = ''): Document {
  const body = paragraphs
    .map((p) => `<app-storyline-element><app-storyline-paragraph><app-rich-text><p>${p}</p></app-rich-text></app-storyline-paragraph></app-storyline-element>`)
    .join('\n');
  return parseHtml(
    `<!DOCTYPE html><html lang="de"><head><title>Test</title></head><body>${extraBody}<app-storyline-elements>${body}</app-storyline-elements></body></html>`,
    articleUrl.geneva,
  );
}

export function linesOf(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The Geneva text as a page, with `edit` applied to each line's HTML. */
export function genevaPage(text: string, edit: (html: string) => string = (html) => html): Document {
  return storyPage(linesOf(text).map((line) => edit(htmlText(line))));
}

export function replaceOnce(html: string, from: string, to: string): string {
  return html.includes(from) ? html.replace(from, to) : html;
}

/** The corrected text with the markup the site puts inside sentences and the character variants it uses. */
export const DECORATIONS: [string, string][] = [
  ['an der Seite der Ukraine stehen', 'an der Seite der <a href="/themen/ukraine" target="_self" class="topic-link">Ukraine</a> stehen'],
  ['Souveränität', 'Souve&shy;räni&shy;tät'],
  ['„Ich habe', '«Ich habe'],
  ['unterstützen“', 'unterstützen»'],
  ['bewegen. Darauf', 'bewegen.<br>Darauf'],
  ['schnell, hart', 'schnell,\n   hart'],
  ['„offen und nützlich“', '"offen und nützlich"'],
  ['Joe Biden', 'Joe&nbsp;Biden'],
  ['Staatschefs', 'Staats&shy;chefs'],
  ['Russland habe das ukrainische Volk', '<strong>Russland habe das ukrainische Volk</strong>'],
  ['Angriffspläne', 'Angriffs\u200Bpläne'],
];

export function decoratedGenevaPage(): Document {
  return genevaPage(GENEVA_TEXT.corrected, (html) => DECORATIONS.reduce((out, [from, to]) => replaceOnce(out, from, to), html));
}

/** The story read at once, as a short article is. */
export function buildTextIndex(root: Element | Document | DocumentFragment, { skip }: { skip?: string } = {}): TextIndex {
  return openTextIndex(root, { skip, firstStretch: Infinity });
}

export const tokens = (text: string): string[] => wordsOf(normaliseForMatch(text)).list;

export function find(doc: Document, quote: string): QuoteMatch | null {
  return findQuote(buildTextIndex(doc), quote);
}

export function marked(match: QuoteMatch): string {
  return normaliseForMatch(toRange(match).toString());
}

export function paragraphOf(match: QuoteMatch): Element | null {
  const common = toRange(match).commonAncestorContainer;
  return (common.nodeType === 1 ? (common as Element) : common.parentElement)?.closest('p') ?? null;
}

