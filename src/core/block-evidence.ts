/**
 * What counts as article text and what as the widget's evidence. The rule, for a maintainer to check:
 *
 * 1. Article text is everything the story says: p, headings, li, td, th, blockquote, figcaption,
 *    caption, dt, dd, pre and figure. A p or heading is prose when it has words that are not the
 *    rule's own (its phrases, its ad labels, the text of its links to the rule's hosts); a quoting
 *    container (li, td, …) is prose when most of its letters are outside such links and it holds
 *    no control (button, input, select): a story's list item has neither a job link for its words
 *    nor a button.
 * 2. The rule's phrases, and an ad label ("Anzeige"), are evidence only where they are nearly the
 *    whole text of an element that is neither a heading nor inside a quoting container (a
 *    widget's label, line or button, or a paragraph of nothing but the ad copy). A phrase inside a
 *    sentence, a list item, a table cell, a quote, a caption or a heading is article text quoting
 *    the widget, whatever their number. A label is one piece of evidence, however many.
 * 3. Other evidence is structure article text lacks: a frame from the rule's hosts (worth two), a
 *    link there, a known-markup match, the rule's opening text (">>").
 */
import type { HidingRule } from './hiding-rules';

/** Elements that carry article content (rule 1). */
export const CONTENT_TAGS = 'p, li, td, th, blockquote, figcaption, caption, dt, dd, pre, h1, h2, h3, h4, h5, h6, figure';
/** Containers in which the story quotes: the rule's words there are never evidence (rule 2). */
const QUOTING = 'li, td, th, blockquote, figcaption, caption, dt, dd, pre, q';
const QUOTING_TAGS = new Set(QUOTING.toUpperCase().split(', '));
const CONTROLS = 'button, input, select, [role="button"]';
/** A p with at least this many letters that are not the widget's own is article prose. */
const PROSE_MIN_LETTERS = 40;
/** An element whose text holds more letters than this is no label or line of a widget. */
const MAX_HOLDER_LETTERS = 160;
/** "Nearly the whole text": at most this share of an element's letters is not the rule's phrases. */
const MAX_OTHER_SHARE = 0.25;
/** Ad labels beside a widget ("Anzeige"): not article text; one piece of evidence (rule 2). */
const AD_LABELS = ['Anzeige', 'Werbung', 'Sponsored'];

export interface CompiledRule {
  rule: HidingRule;
  /** Any phrase; global, for stripping the rule's own words out of a text. */
  phrases: RegExp | null;
  /** Phrases and ad labels, global: what is not foreign text. */
  own: RegExp | null;
  /** Each phrase on its own, and the ad labels as one, for counting distinct evidence. */
  each: RegExp[];
  hostLinks: string | null;
  hostFrames: string | null;
  /** Links and frames together, one query. */
  hostEvidence: string | null;
  /** Known selectors that name a host: each match holds (or is) a link or frame to it, see hiding-rules.ts. */
  knownByHost: string | null;
  /** The other known selectors. */
  knownOther: string | null;
  /** Every known selector. */
  known: string | null;
  /** Whatever makes a search worth it without the rule's words: links, frames, other known markup. */
  unworded: string | null;
}

function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('\\s+');
}

const compiled = new Map<HidingRule, CompiledRule>();

/** Whether a known selector names one of the rule's hosts (and so only matches blocks with a link or frame there). */
export function namesHost(selector: string, rule: HidingRule): boolean {
  return rule.hosts.some((host) => selector.includes(`"${host}"`));
}

export function compile(rule: HidingRule): CompiledRule {
  let c = compiled.get(rule);
  if (!c) {
    const patterns = rule.phrases.map(phrasePattern);
    const labels = rule.phrases.length ? [AD_LABELS.map((l) => `\\b${l}\\b`).join('|')] : [];
    const ownPatterns = [...patterns, ...labels];
    const list = (items: string[]): string | null => (items.length ? items.join(', ') : null);
    const links = rule.hosts.map((h) => `a[href*="${h}"]`);
    const frames = rule.hosts.map((h) => `iframe[src*="${h}"]`);
    const byHost = rule.selectors.filter((selector) => namesHost(selector, rule));
    const other = rule.selectors.filter((selector) => !byHost.includes(selector));
    c = {
      rule,
      phrases: patterns.length ? new RegExp(patterns.join('|'), 'gi') : null,
      own: ownPatterns.length ? new RegExp(ownPatterns.join('|'), 'gi') : null,
      each: ownPatterns.map((p) => new RegExp(p, 'i')),
      hostLinks: list(links),
      hostFrames: list(frames),
      hostEvidence: list([...links, ...frames]),
      knownByHost: list(byHost),
      knownOther: list(other),
      known: list(rule.selectors),
      unworded: list([...links, ...frames, ...other]),
    };
    compiled.set(rule, c);
  }
  return c;
}

export function matchesAnyPhrase(c: CompiledRule, text: string): boolean {
  if (!c.phrases) return false;
  c.phrases.lastIndex = 0;
  return c.phrases.test(text);
}

/** Characters that are not white space; counted natively, since ancestors can hold a whole page's text. */
export function letters(text: string): number {
  return text.replace(/\s+/g, '').length;
}

function withoutOwn(text: string, c: CompiledRule): string {
  return c.own ? text.replace(c.own, '') : text;
}

function lettersInLinks(el: Element, c: CompiledRule, strip: boolean): number {
  let n = 0;
  if (c.hostLinks) for (const link of el.querySelectorAll(c.hostLinks)) n += letters(strip ? withoutOwn(link.textContent, c) : link.textContent);
  return n;
}

/** Letters of `el`'s text that are not the rule's own: not its phrases or labels, not inside its links. */
export function foreignLetters(el: Element, c: CompiledRule): number {
  if (c.hostLinks && el.matches(c.hostLinks)) return 0;
  return Math.max(0, letters(withoutOwn(el.textContent, c)) - lettersInLinks(el, c, true));
}

export function opensLikeRule(text: string, c: CompiledRule): boolean {
  return c.rule.opensWith !== undefined && text.trimStart().startsWith(c.rule.opensWith);
}

function startsLikeRule(el: Element, c: CompiledRule): boolean {
  return opensLikeRule(el.textContent, c);
}

/** How often a text holds the rule's words: its phrases, and its opening text anywhere. */
export function mentionCount(text: string, c: CompiledRule): number {
  let n = 0;
  if (c.phrases) {
    c.phrases.lastIndex = 0;
    while (c.phrases.exec(text)) n++;
  }
  const opening = c.rule.opensWith;
  if (opening) for (let at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at + opening.length)) n++;
  return n;
}

/** Whether a text holds any of the rule's words: decides where the search goes down. */
export function mentions(text: string, c: CompiledRule): boolean {
  return matchesAnyPhrase(c, text) || (c.rule.opensWith !== undefined && text.includes(c.rule.opensWith));
}

/** Article text, by rule 1. */
export function isProse(el: Element, c: CompiledRule): boolean {
  const tag = el.tagName;
  if (tag === 'FIGURE') return true;
  if (startsLikeRule(el, c)) return false;
  if (QUOTING_TAGS.has(tag)) {
    const all = letters(el.textContent);
    const inLinks = lettersInLinks(el, c, false);
    return all - inLinks > inLinks && !el.querySelector(CONTROLS);
  }
  const foreign = foreignLetters(el, c);
  return /^H\d$/.test(tag) ? foreign > 0 : foreign >= PROSE_MIN_LETTERS;
}

/** Whether `el` or an element under it is article text; `alreadyChecked` is a part of it looked at before. */
export function holdsProse(el: Element, c: CompiledRule, alreadyChecked: Element | null): boolean {
  if (el.matches(CONTENT_TAGS) && isProse(el, c)) return true;
  for (const content of el.querySelectorAll(CONTENT_TAGS)) {
    if (alreadyChecked?.contains(content)) continue;
    if (isProse(content, c)) return true;
  }
  return false;
}

const HEADING = /^H\d$/;

/**
 * The text nodes of `block` that may hold evidence: not in a heading, not in a quoting container
 * that is prose, not in a script or style. Read once per block; each element's share is its part.
 */
function evidenceTexts(block: Element, c: CompiledRule): Text[] {
  const texts: Text[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|TEMPLATE)$/.test(parent.tagName)) continue;
    const heading = parent.closest('h1, h2, h3, h4, h5, h6');
    if (heading) continue;
    const quoting = parent.closest(QUOTING);
    if (quoting && isProse(quoting, c)) continue;
    texts.push(node as Text);
  }
  return texts;
}

/** Phrases and labels standing as nearly the whole text of an element of `block` that may hold evidence (rule 2). */
function phraseEvidence(block: Element, c: CompiledRule): Set<number> {
  const found = new Set<number>();
  if (!c.own) return found;
  // Letters of those texts under each element, added up the texts' ancestors once: asking every
  // element which texts it contains cost a widget a millisecond in Firefox, one Xray call a pair.
  const eligible = new Map<Element, number>();
  for (const text of evidenceTexts(block, c)) {
    const n = letters(text.data);
    for (let el = text.parentElement; el; el = el === block ? null : el.parentElement) eligible.set(el, (eligible.get(el) ?? 0) + n);
  }
  for (const el of [block, ...block.querySelectorAll('*')]) {
    if (HEADING.test(el.tagName)) continue;
    // A control may name the phrase in its value (`<input type="button" value="…">`).
    const own = el.tagName === 'INPUT' ? (el.getAttribute('value') ?? '') : '';
    const mayHold = eligible.get(el) ?? 0;
    // Only where the whole of the element's text may hold evidence: a part left out (a heading, a
    // quote) is article text. No letters there, or more than a holder has: nothing to read.
    if (!own && (mayHold === 0 || mayHold > MAX_HOLDER_LETTERS || letters(el.textContent) !== mayHold)) continue;
    const text = own || el.textContent;
    const all = letters(text);
    if (all > MAX_HOLDER_LETTERS) continue;
    const other = letters(withoutOwn(text, c));
    if (other === all || other > all * MAX_OTHER_SHARE) continue;
    c.each.forEach((phrase, i) => {
      if (phrase.test(text)) found.add(i);
    });
    if (found.size === c.each.length) break;
  }
  return found;
}

/** Distinct pieces of evidence in `block` (rules 2 and 3); `known`: it is or holds known markup. */
export function evidence(block: Element, c: CompiledRule, known = false): number {
  let n = phraseEvidence(block, c).size;
  if (c.hostFrames && (block.matches(c.hostFrames) || block.querySelector(c.hostFrames))) n += 2;
  else if (c.hostLinks && (block.matches(c.hostLinks) || block.querySelector(c.hostLinks))) n++;
  if (known) n += c.rule.minEvidence;
  if (startsLikeRule(block, c)) n++;
  return n;
}
