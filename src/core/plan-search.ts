/**
 * What a search of the whole document has to look for, decided before anything is walked (see
 * `planSearch`), and what it remembers between calls on one document.
 */
import { compile, mentionCount, mentions, type CompiledRule } from './block-evidence';
import { HIDING_RULES, type HidingRule, type RuleId } from './hiding-rules';

/** Which rules to search for, and for which of them to read the text (see `planSearch`). */
export interface SearchPlan {
  rules: readonly HidingRule[];
  /** Rules whose words may be in the text; the others are searched from links, frames and known markup only. */
  text: ReadonlySet<RuleId>;
  /** Per rule, the links, frames and known markup to start from, where the plan found them already. */
  from?: ReadonlyMap<RuleId, readonly Element[]>;
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
  /** How many script elements the document had at the last call while parsing. */
  scripts: number;
}

export function searchMemory(): SearchMemory {
  return { seen: new WeakSet(), links: 0, frames: 0, worded: false, scripts: 0 };
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
 * The script sources in `text`: the whole document's once parsed, else those of the scripts the
 * parser added since the last call (the tail of the live collection, as for links). A range's
 * text holds them, but the page does not show them.
 */
function scriptTexts(doc: Document, memory: SearchMemory, parsing: boolean): () => string[] {
  const scripts = doc.scripts;
  const from = parsing ? Math.min(memory.scripts, scripts.length) : 0;
  if (parsing) memory.scripts = scripts.length;
  let texts: string[] | null = null;
  return () => (texts ??= Array.from({ length: scripts.length - from }, (_, i) => scripts[from + i]?.text ?? ''));
}

/**
 * Whether `text` shows the rule's words: more of them than the scripts in it hold. A page script
 * that carries widget markup (one that adds it later, a framework's state) would otherwise send
 * every load on a walk of the whole story for words nobody sees.
 */
function showsWords(text: string, c: CompiledRule, scripts: () => string[]): boolean {
  if (!mentions(text, c)) return false;
  let inScripts = 0;
  for (const source of scripts()) inScripts += mentionCount(source, c);
  return mentionCount(text, c) > inScripts;
}

/**
 * The rules whose words `text` shows (what was parsed since the last frame, or the whole text
 * once parsed; see `showsWords`), and the rules with a link or frame to their hosts, or other
 * known markup, that no earlier call saw. While `parsing`, only the links and frames the parser just added are
 * looked at (the stylesheet hides known markup on its own until then); once parsed, the whole
 * document, once. Every look is native (a regular expression over a string, a collection's
 * count, one simple query per rule), so a page without the widget costs almost nothing per
 * frame. Null: nothing to search for.
 */
export function planSearch(doc: Document, text: string, memory: SearchMemory, parsing: boolean, rules: readonly HidingRule[] = HIDING_RULES): SearchPlan | null {
  const searched: HidingRule[] = [];
  const withText = new Set<RuleId>();
  const from = new Map<RuleId, Element[]>();
  const scripts = scriptTexts(doc, memory, parsing);
  const worded = new Set(rules.filter((rule) => showsWords(text, compile(rule), scripts)));
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
