/**
 * Finds the blocks a hiding rule applies to in markup nobody has seen: from the rule's text,
 * its links and frames, up to the smallest enclosing block that holds the whole widget and no
 * article text. Pure: works on any DOM (a live page, happy-dom in tests).
 */
import { HIDE_ATTRIBUTE, HIDING_RULES, type HidingRule, type RuleId } from './hiding-rules';

export interface FoundBlock {
  element: Element;
  rule: RuleId;
}

/**
 * Elements that carry article content. A widget's own heading or line may be one of these
 * tags too, so `isProse` looks at what is written in them before calling them article text.
 */
const CONTENT_TAGS = 'p, blockquote, h1, h2, h3, h4, h5, h6, figure';
/** Containers a block never grows into: beyond them lies the whole story or page. */
const BOUNDARY = 'html, body, main, article, app-root, app-storyline-elements, [itemprop="articleBody"]';
/** A paragraph with at least this many letters that are not the widget's own is article prose. */
const PROSE_MIN_LETTERS = 40;
/** Climbing stops when the parent would add more foreign text than this (a sidebar, a page section). */
const MAX_FOREIGN_GROWTH = 160;
const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface CompiledRule {
  rule: HidingRule;
  /** Any phrase; global, for stripping the rule's own words out of a text. */
  phrases: RegExp | null;
  /** Each phrase on its own, for counting distinct evidence. */
  each: RegExp[];
  hostLinks: string | null;
  hostFrames: string | null;
  /** Links and frames together, one query. */
  hostEvidence: string | null;
  /** Known selectors that name a host: each match holds (or is) a link or frame to it, see hiding-rules.ts. */
  knownByHost: string | null;
  /** The other known selectors. */
  knownOther: string | null;
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

function compile(rule: HidingRule): CompiledRule {
  let c = compiled.get(rule);
  if (!c) {
    const patterns = rule.phrases.map(phrasePattern);
    const list = (items: string[]): string | null => (items.length ? items.join(', ') : null);
    const links = rule.hosts.map((h) => `a[href*="${h}"]`);
    const frames = rule.hosts.map((h) => `iframe[src*="${h}"]`);
    const byHost = rule.selectors.filter((selector) => namesHost(selector, rule));
    const other = rule.selectors.filter((selector) => !byHost.includes(selector));
    c = {
      rule,
      phrases: patterns.length ? new RegExp(patterns.join('|'), 'gi') : null,
      each: patterns.map((p) => new RegExp(p, 'i')),
      hostLinks: list(links),
      hostFrames: list(frames),
      hostEvidence: list([...links, ...frames]),
      knownByHost: list(byHost),
      knownOther: list(other),
      unworded: list([...links, ...frames, ...other]),
    };
    compiled.set(rule, c);
  }
  return c;
}

function matchesAnyPhrase(c: CompiledRule, text: string): boolean {
  if (!c.phrases) return false;
  c.phrases.lastIndex = 0;
  return c.phrases.test(text);
}

/** Characters that are not white space; counted natively, since ancestors can hold a whole page's text. */
function letters(text: string): number {
  return text.replace(/\s+/g, '').length;
}

function withoutPhrases(text: string, c: CompiledRule): string {
  return c.phrases ? text.replace(c.phrases, '') : text;
}

/** Letters of `el`'s text that are not the rule's own: not its phrases, not inside its links. */
function foreignLetters(el: Element, c: CompiledRule): number {
  if (c.hostLinks && el.matches(c.hostLinks)) return 0;
  let n = letters(withoutPhrases(el.textContent, c));
  if (c.hostLinks) for (const link of el.querySelectorAll(c.hostLinks)) n -= letters(withoutPhrases(link.textContent, c));
  return Math.max(0, n);
}

function opensLikeRule(text: string, c: CompiledRule): boolean {
  return c.rule.opensWith !== undefined && text.trimStart().startsWith(c.rule.opensWith);
}

function startsLikeRule(el: Element, c: CompiledRule): boolean {
  return opensLikeRule(el.textContent, c);
}

/** Whether a text holds any of the rule's words: decides where the search goes down. */
function mentions(text: string, c: CompiledRule): boolean {
  return matchesAnyPhrase(c, text) || (c.rule.opensWith !== undefined && text.includes(c.rule.opensWith));
}

/** Article text: a heading with words of its own, an image, or a paragraph of real prose. */
function isProse(el: Element, c: CompiledRule): boolean {
  if (el.tagName === 'FIGURE') return true;
  if (startsLikeRule(el, c)) return false;
  const foreign = foreignLetters(el, c);
  return /^H\d$/.test(el.tagName) ? foreign > 0 : foreign >= PROSE_MIN_LETTERS;
}

function holdsProse(el: Element, c: CompiledRule, alreadyChecked: Element | null): boolean {
  if (el.matches(CONTENT_TAGS) && isProse(el, c)) return true;
  for (const content of el.querySelectorAll(CONTENT_TAGS)) {
    if (alreadyChecked?.contains(content)) continue;
    if (isProse(content, c)) return true;
  }
  return false;
}

function evidence(block: Element, c: CompiledRule): number {
  const text = block.textContent;
  let n = 0;
  for (const phrase of c.each) if (phrase.test(text)) n++;
  if (c.hostFrames && (block.matches(c.hostFrames) || block.querySelector(c.hostFrames))) n += 2;
  else if (c.hostLinks && (block.matches(c.hostLinks) || block.querySelector(c.hostLinks))) n++;
  if (startsLikeRule(block, c)) n++;
  return n;
}

/** The smallest enclosing block that holds the whole widget and no article text, or null. */
function blockAround(anchor: Element, c: CompiledRule): Element | null {
  const content = anchor.closest(CONTENT_TAGS);
  if (content && isProse(content, c)) return null;
  if (anchor.closest(BOUNDARY) === anchor) return null;
  let block = anchor;
  let foreign = foreignLetters(block, c);
  for (let parent = block.parentElement; parent && !parent.matches(BOUNDARY); parent = parent.parentElement) {
    if (holdsProse(parent, c, block)) break;
    const parentForeign = foreignLetters(parent, c);
    if (parentForeign > foreign + MAX_FOREIGN_GROWTH) break;
    block = parent;
    foreign = parentForeign;
  }
  return evidence(block, c) >= c.rule.minEvidence ? block : null;
}

function isHidden(el: Element): boolean {
  return el.closest(`[${HIDE_ATTRIBUTE}]`) !== null;
}

/**
 * Elements whose own text holds the rule's words. The search only goes down into children whose
 * text (read natively, all at once) mentions them, so a page without the words costs one look at
 * its text, and a page with them a walk along the few branches that lead there. An element whose
 * words are split over several children (`Top-<b>Jobs</b>`) is an anchor itself. `rootMentions`:
 * the caller already saw that `root`'s text holds them (false where nobody looked yet).
 */
function textAnchors(root: Element, c: CompiledRule, found: Element[], rootMentions: boolean): void {
  let childMatched = false;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const data = (child as Text).data;
      if (matchesAnyPhrase(c, data) || opensLikeRule(data, c)) {
        found.push(root);
        childMatched = true;
      }
    } else if (child.nodeType === ELEMENT_NODE && mentions(child.textContent ?? '', c)) {
      // The words inside a script or style are not on the page: nothing to hide, nor to blame on `root`.
      if (!SKIP_TEXT_IN.has((child as Element).tagName)) textAnchors(child as Element, c, found, true);
      childMatched = true;
    }
  }
  if (rootMentions && !childMatched) found.push(root);
}

/**
 * Elements under `root` (and `root` itself) where the rule's evidence starts: where its words
 * stand (`withText`: looked for at all), and its frames, then its links, from `unworded`.
 */
function anchors(root: Node, c: CompiledRule, withText: boolean, unworded: readonly Element[]): Element[] {
  const found: Element[] = [];
  if (root.nodeType === TEXT_NODE) {
    if (!withText) return found;
    const parent = root.parentElement;
    const data = (root as Text).data;
    if (parent && (matchesAnyPhrase(c, data) || opensLikeRule(data, c))) found.push(parent);
    return found;
  }
  if (root.nodeType !== ELEMENT_NODE) return found;
  const el = root as Element;
  if (withText && !SKIP_TEXT_IN.has(el.tagName)) textAnchors(el, c, found, false);
  for (const selector of [c.hostFrames, c.hostLinks]) {
    if (selector) for (const hit of unworded) if (hit.matches(selector)) found.push(hit);
  }
  return found;
}

/** `root` and the elements under it that match `selector`, in document order. */
function selfAndBelow(root: Element, selector: string): Element[] {
  const hits = [...root.querySelectorAll(selector)];
  if (root.matches(selector)) hits.unshift(root);
  return hits;
}

/**
 * Known markup under `root`, from `unworded` (its links, frames and other known markup): the
 * stylesheet already hides it; the script marks it so it is counted. Selectors that name a host
 * are found from the links and frames to it, upwards with closest(): asking the whole page for
 * `app-storyline-element:has(…)` costs tens of milliseconds on a long story, its few job links a
 * fraction of one.
 */
function knownBlocks(root: Element, c: CompiledRule, unworded: readonly Element[]): Element[] {
  const blocks = new Set<Element>();
  for (const hit of unworded) {
    if (c.knownOther && hit.matches(c.knownOther)) {
      blocks.add(hit);
    } else if (c.knownByHost) {
      const block = hit.closest(c.knownByHost);
      if (block && root.contains(block)) blocks.add(block);
    }
  }
  return [...blocks];
}

/** Which rules to search for, and for which of them to read the text (see `planSearch`). */
export interface SearchPlan {
  rules: readonly HidingRule[];
  /** Rules whose words may be in the text; the others are searched from links, frames and known markup only. */
  text: ReadonlySet<RuleId>;
  /** Per rule, the links, frames and known markup to start from, where the plan found them already. */
  from?: ReadonlyMap<RuleId, readonly Element[]>;
}

/**
 * The blocks under `root` that `rules` apply to and that are not marked yet. `root` is what
 * changed: a whole document at start, an added subtree later. Outermost blocks only.
 */
export function findBlocks(root: Node, plan: readonly HidingRule[] | SearchPlan = HIDING_RULES): FoundBlock[] {
  const { rules, text, from } = 'text' in plan ? plan : { rules: plan, text: null, from: undefined };
  // A document can lack a root element (an empty one being built); TypeScript's types do not say so.
  const start = root.nodeType === 9 ? ((root as Document).documentElement as Element | null) : root;
  if (!start) return [];
  const result: FoundBlock[] = [];
  const covered = (el: Element): boolean => isHidden(el) || result.some((found) => found.element.contains(el));
  const take = (element: Element, rule: RuleId): void => {
    for (let i = result.length - 1; i >= 0; i--) {
      if (element.contains(result[i]?.element ?? null)) result.splice(i, 1);
    }
    result.push({ element, rule });
  };
  for (const rule of rules) {
    const c = compile(rule);
    const unworded = from?.get(rule.id) ?? (start.nodeType === ELEMENT_NODE && c.unworded ? selfAndBelow(start as Element, c.unworded) : []);
    // Known blocks first: evidence inside them (a job link) then needs no search of its own.
    if (start.nodeType === ELEMENT_NODE) for (const known of knownBlocks(start as Element, c, unworded)) if (!covered(known)) take(known, rule.id);
    for (const anchor of anchors(start, c, text?.has(rule.id) ?? true, unworded)) {
      if (covered(anchor)) continue;
      const block = blockAround(anchor, c);
      if (block && !covered(block)) take(block, rule.id);
    }
  }
  return result;
}

/** What `planSearch` remembers between calls on one document. */
export interface SearchMemory {
  /** Links, frames and known markup a search already started from. */
  seen: WeakSet<Element>;
  /** How many links and frames the document had at the last call while parsing. */
  links: number;
  frames: number;
  /** Some rule's words were parsed: from then on a new link can complete a widget. */
  worded: boolean;
}

export function searchMemory(): SearchMemory {
  return { seen: new WeakSet(), links: 0, frames: 0, worded: false };
}

/**
 * Frames, and once some rule's words were parsed links, that the parser added since the last
 * call: the parser appends, so they are the last ones of the document's live collections, which
 * count natively and are read from the end. A frame to a job host is a widget on its own; a link
 * is evidence only beside the words, and a page has hundreds of links, so until the words came
 * they are only counted.
 */
function newLinksAndFrames(doc: Document, memory: SearchMemory): Element[] {
  const fresh: Element[] = [];
  for (const [collection, key] of [
    [doc.getElementsByTagName('iframe'), 'frames'],
    [doc.links, 'links'],
  ] as const) {
    const count = collection.length;
    if (key === 'frames' || memory.worded) for (let i = Math.min(memory[key], count); i < count; i++) fresh.push(collection[i] as Element);
    memory[key] = count;
  }
  return fresh;
}

/**
 * What a search of the whole document has to look for, decided before anything is walked: the
 * rules whose words `text` mentions (what was parsed since the last frame, or the whole text
 * once parsed), and the rules with a link or frame to their hosts, or other known markup, that
 * no earlier call saw. While `parsing`, only the links and frames the parser just added are
 * looked at (the stylesheet hides known markup on its own until then); once parsed, the whole
 * document, once. Every look is native (a regular expression over a string, a collection's
 * count, one simple query per rule), so a page without the widget costs almost nothing per
 * frame. Null: nothing to search for.
 */
export function planSearch(doc: Document, text: string, memory: SearchMemory, parsing: boolean, rules: readonly HidingRule[] = HIDING_RULES): SearchPlan | null {
  const searched: HidingRule[] = [];
  const withText = new Set<RuleId>();
  const from = new Map<RuleId, Element[]>();
  const worded = new Set(rules.filter((rule) => mentions(text, compile(rule))));
  if (worded.size) memory.worded = true;
  const fresh = parsing ? newLinksAndFrames(doc, memory) : [];
  for (const rule of rules) {
    const c = compile(rule);
    const { hostEvidence, unworded } = c;
    const candidates = parsing ? (hostEvidence ? fresh.filter((el) => el.matches(hostEvidence)) : []) : unworded ? doc.querySelectorAll(unworded) : [];
    const unseen: Element[] = [];
    for (const el of candidates) {
      if (memory.seen.has(el)) continue;
      memory.seen.add(el);
      unseen.push(el);
    }
    const words = worded.has(rule);
    if (words) withText.add(rule.id);
    // Without the words only what is new is worth a look; with them, every link or frame may
    // complete the widget, and findBlocks queries them itself.
    else if (unseen.length) from.set(rule.id, unseen);
    if (words || unseen.length) searched.push(rule);
  }
  return searched.length ? { rules: searched, text: withText, from } : null;
}

/** Marks found blocks so the stylesheet hides them. Returns how many were newly marked. */
export function markBlocks(blocks: readonly FoundBlock[]): number {
  for (const { element, rule } of blocks) {
    const current = element.getAttribute(HIDE_ATTRIBUTE);
    element.setAttribute(HIDE_ATTRIBUTE, current ? `${current} ${rule}` : rule);
  }
  return blocks.length;
}

/** Outermost marked blocks in the document for the rules given. */
export function countHidden(doc: Document, ruleIds: readonly RuleId[]): number {
  if (ruleIds.length === 0) return 0;
  const selector = ruleIds.map((id) => `[${HIDE_ATTRIBUTE}~="${id}"]`).join(', ');
  let n = 0;
  for (const el of doc.querySelectorAll(selector)) {
    if (!el.parentElement?.closest(selector)) n++;
  }
  return n;
}
