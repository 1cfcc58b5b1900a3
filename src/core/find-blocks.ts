/**
 * Finds the blocks a hiding rule applies to in markup nobody has seen: every piece of evidence
 * (the rule's text, its links and frames, a known-markup match) climbs to the smallest enclosing
 * block that holds the whole widget and no article text. What is article text and what counts as
 * evidence is stated in block-evidence.ts. Shadow roots are part of the page: a search can start
 * in one, and a block that is the whole of a root climbs on to its host. Pure: works on any DOM
 * (a live page, happy-dom in tests).
 */
import { compile, CONTENT_TAGS, evidence, foreignLetters, holdsProse, isProse, matchesAnyPhrase, mentions, opensLikeRule, type CompiledRule } from './block-evidence';
import { HIDE_ATTRIBUTE, HIDING_RULES, type HidingRule, type RuleId } from './hiding-rules';
import type { SearchPlan } from './plan-search';

export { namesHost } from './block-evidence';
export { planSearch, searchMemory, type SearchMemory, type SearchPlan } from './plan-search';

export interface FoundBlock {
  element: Element;
  rule: RuleId;
}

/** Containers a block never grows into: beyond them lies the whole story or page. */
export const BOUNDARY = 'html, body, main, article, app-root, app-storyline-elements, [itemprop="articleBody"]';
/** Climbing stops when the parent would add more foreign text than this (a sidebar, a page section). */
const MAX_FOREIGN_GROWTH = 160;
const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const FRAGMENT_NODE = 11;

/** The shadow root `node` stands in, or null in the document. */
function shadowRootOf(node: Node): ShadowRoot | null {
  const root = node.getRootNode();
  return root.nodeType === FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot) : null;
}

/** The closest ancestor matching `selector`, across shadow boundaries up to the document. */
export function closestAcross(el: Element, selector: string): Element | null {
  for (let at: Element | null = el; at; ) {
    const hit = at.closest(selector);
    if (hit) return hit;
    at = shadowRootOf(at)?.host ?? null;
  }
  return null;
}

/** Whether nothing but `block` in its shadow root has letters: then the whole host is the widget. */
function wholeOfRoot(block: Element, root: ShadowRoot): boolean {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child === block || (child.nodeType === ELEMENT_NODE && SKIP_TEXT_IN.has((child as Element).tagName))) continue;
    if ((child.textContent ?? '').trim()) return false;
  }
  return true;
}

/**
 * The smallest enclosing block that holds the whole widget and no article text, whether its
 * evidence falls short of the rule's, and its letters that are not the rule's own; null where the
 * anchor stands in article text or is a boundary.
 */
function blockAround(anchor: Element, c: CompiledRule, known: boolean): { block: Element; short: boolean; foreign: number } | null {
  const content = anchor.closest(CONTENT_TAGS);
  if (content && isProse(content, c)) return null;
  if (anchor.closest(BOUNDARY) === anchor) return null;
  let block = anchor;
  let foreign = foreignLetters(block, c);
  // Evidence inside shadow roots left behind: the host's text does not show it.
  let carried = 0;
  for (;;) {
    let parent: Element | null = block.parentElement;
    let crossed = false;
    if (!parent) {
      const root = shadowRootOf(block);
      if (!root || !wholeOfRoot(block, root)) break;
      parent = root.host;
      crossed = true;
    }
    if (parent.matches(BOUNDARY)) break;
    if (holdsProse(parent, c, crossed ? null : block)) break;
    const parentForeign = crossed ? foreign + foreignLetters(parent, c) : foreignLetters(parent, c);
    if (parentForeign > foreign + MAX_FOREIGN_GROWTH) break;
    if (crossed) carried += evidence(block, c, known && block.contains(anchor));
    block = parent;
    foreign = parentForeign;
  }
  const here = evidence(block, c, known && block.contains(anchor) && !carried);
  return { block, short: here + carried < c.rule.minEvidence, foreign };
}

/**
 * While the document is parsed: where the parser adds next (`PageChange.parserAt`), and the blocks
 * it is still inside whose evidence falls short so far, which `findBlocks` adds to `open`. A widget
 * whose title or first offer has come and whose rest has not yet (the network paused inside it) is
 * one of them; hide-clutter.ts hides each until the parser leaves it, then judges it whole.
 */
export interface ParseTime {
  at: Node;
  open: { element: Element; rule: HidingRule }[];
}

/**
 * Whether a block whose evidence falls short may be the start of a widget still being parsed: the
 * parser is inside it, and it is a container, not a paragraph, heading or list item of the story
 * (a block of no prose, by the climb), with no more text of others than a widget has beside its
 * own words (a page's header or menu that links to the job market has more), and more than the
 * anchor itself (a link, a line on its own is nothing yet). Not where the parser is still writing
 * the anchor's words into a paragraph: a story paragraph may open with the widget's words, and only
 * has the letters that make it prose (block-evidence.ts) once more of it came. (A title, label or
 * link the parser may still be in is taken: the DOM cannot tell a closed last element from an open one.)
 */
function parsedInto({ block, foreign }: { block: Element; foreign: number }, anchor: Element, parsing: ParseTime): boolean {
  const { at } = parsing;
  return block !== anchor && foreign <= MAX_FOREIGN_GROWTH && block.contains(at) && !block.matches(CONTENT_TAGS) && !(anchor.contains(at) && anchor.closest('p'));
}

function isHidden(el: Element): boolean {
  return closestAcross(el, `[${HIDE_ATTRIBUTE}]`) !== null;
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
  // One native look at the whole text first: a changed subtree without the words is not walked.
  if (withText && !SKIP_TEXT_IN.has(el.tagName) && mentions(el.textContent, c)) textAnchors(el, c, found, false);
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
 * stylesheet already hides it before the first paint; here it is evidence that climbs like any
 * other. Selectors that name a host are found from the links and frames to it, upwards with
 * closest(): asking the whole page for `app-storyline-element:has(…)` costs tens of
 * milliseconds on a long story, its few job links a fraction of one.
 */
function knownMarkup(root: Element, c: CompiledRule, unworded: readonly Element[]): Element[] {
  const found = new Set<Element>();
  for (const hit of unworded) {
    if (c.knownOther && hit.matches(c.knownOther)) {
      found.add(hit);
    } else if (c.knownByHost) {
      const block = hit.closest(c.knownByHost);
      if (block && root.contains(block)) found.add(block);
    }
  }
  return [...found];
}

/** The nodes a search starts from: a document's root element, a shadow root's children, or the node itself. */
function startsOf(root: Node): Node[] {
  if (root.nodeType === 9) {
    // A document can lack a root element (an empty one being built); TypeScript's types do not say so.
    const element = (root as Document).documentElement as Element | null;
    return element ? [element] : [];
  }
  if (root.nodeType === FRAGMENT_NODE) return [...root.childNodes];
  return [root];
}

/**
 * The blocks under `root` that `rules` apply to and that are not marked yet. `root` is what
 * changed: a whole document at start, a shadow root, an added subtree later. Outermost blocks only.
 * `parsing`: the document is being parsed; blocks the parser is still inside go to its `open`.
 */
export function findBlocks(root: Node, plan: readonly HidingRule[] | SearchPlan = HIDING_RULES, parsing?: ParseTime): FoundBlock[] {
  const { rules, text, from } = 'text' in plan ? plan : { rules: plan, text: null, from: undefined };
  const result: FoundBlock[] = [];
  const covered = (el: Element): boolean => isHidden(el) || result.some((found) => found.element.contains(el));
  const take = (element: Element, rule: RuleId): void => {
    for (let i = result.length - 1; i >= 0; i--) {
      if (element.contains(result[i]?.element ?? null)) result.splice(i, 1);
    }
    result.push({ element, rule });
  };
  const climb = (anchor: Element, c: CompiledRule, known: boolean): void => {
    if (covered(anchor)) return;
    const around = blockAround(anchor, c, known);
    if (!around || covered(around.block)) return;
    if (!around.short) take(around.block, c.rule.id);
    else if (parsing && parsedInto(around, anchor, parsing)) parsing.open.push({ element: around.block, rule: c.rule });
  };
  for (const start of startsOf(root)) {
    for (const rule of rules) {
      const c = compile(rule);
      const isElement = start.nodeType === ELEMENT_NODE;
      const unworded = from?.get(rule.id) ?? (isElement && c.unworded ? selfAndBelow(start as Element, c.unworded) : []);
      // Known markup first: evidence inside it (a job link) then needs no climb of its own.
      if (isElement) for (const known of knownMarkup(start as Element, c, unworded)) climb(known, c, true);
      for (const anchor of anchors(start, c, text?.has(rule.id) ?? true, unworded)) climb(anchor, c, false);
    }
  }
  return result;
}

/**
 * Whether a text that arrived on its own (a new text node, an edited one) can start a search: a
 * text node is evidence only for the words it holds itself (see `anchors`). A ticker that
 * rewrites hundreds of cells a frame then costs one pattern test per cell, not a search.
 */
export function textMayMatter(text: string, rules: readonly HidingRule[] = HIDING_RULES): boolean {
  return rules.some((rule) => mentions(text, compile(rule)));
}

const unwordedOf = new Map<readonly HidingRule[], string | null>();

/**
 * Whether a search of `el` (an element that arrived on its own) can find anything: some rule's
 * words in its text, or a link, frame or known markup of some rule in or at it. What `findBlocks`
 * starts from, asked once for all rules: one read of the text and one query, where a search asks
 * both for every rule. A page that adds hundreds of small elements a frame costs that per element.
 */
export function mayHoldBlock(el: Element, rules: readonly HidingRule[] = HIDING_RULES): boolean {
  if (SKIP_TEXT_IN.has(el.tagName)) return false;
  if (textMayMatter(el.textContent, rules)) return true;
  let unworded = unwordedOf.get(rules);
  if (unworded === undefined) {
    unworded = rules.map((rule) => compile(rule).unworded).filter(Boolean).join(', ') || null;
    unwordedOf.set(rules, unworded);
  }
  return unworded !== null && (el.matches(unworded) || el.querySelector(unworded) !== null);
}

/** Marks found blocks so the stylesheet hides them. Returns how many were newly marked. */
export function markBlocks(blocks: readonly FoundBlock[]): number {
  for (const { element, rule } of blocks) {
    const current = element.getAttribute(HIDE_ATTRIBUTE);
    element.setAttribute(HIDE_ATTRIBUTE, current ? `${current} ${rule}` : rule);
  }
  return blocks.length;
}

/** Outermost marked blocks for the rules given, in the document and the shadow roots given. */
export function countHidden(doc: Document, ruleIds: readonly RuleId[], roots: Iterable<ShadowRoot> = []): number {
  if (ruleIds.length === 0) return 0;
  const selector = ruleIds.map((id) => `[${HIDE_ATTRIBUTE}~="${id}"]`).join(', ');
  let n = 0;
  for (const scope of [doc, ...roots]) {
    if (scope !== doc && !(scope as ShadowRoot).host.isConnected) continue;
    for (const el of scope.querySelectorAll(selector)) {
      const above = el.parentElement ?? shadowRootOf(el)?.host ?? null;
      if (!above || !closestAcross(above, selector)) n++;
    }
  }
  return n;
}
