/**
 * Hides the job widget and other clutter named in HIDING_RULES. The manifest stylesheet hides
 * known markup before the first paint; this marks what only script can find, counts, and
 * switches rules on and off live through attributes on <html> that scope the stylesheet. Inside
 * shadow roots, where the manifest stylesheet does not reach, one constructed stylesheet with the
 * active rules is adopted into each root. What the hiding rests on is guarded (../guard-hiding.ts).
 */
import { closestAcross, findBlocks, markBlocks, mayHoldBlock, planSearch, searchMemory, type FoundBlock, type ParseTime } from '../../core/find-blocks';
import { HIDE_ATTRIBUTE, HIDING_RULES, OFF_ATTRIBUTE, ON_ATTRIBUTE, ruleActive, type RuleId } from '../../core/hiding-rules';
import type { Settings } from '../../core/settings';
import type { ContentContext } from '../context';
import { guardHiding } from '../guard-hiding';
import { parsedInto } from '../parsed-into';

/** The scope attributes <html> should carry under these settings (absent: null). */
export function scopesFor(settings: Settings): Record<string, string | null> {
  const off = HIDING_RULES.filter((r) => r.defaultOn && !ruleActive(r, settings)).map((r) => r.id);
  const on = HIDING_RULES.filter((r) => !r.defaultOn && ruleActive(r, settings)).map((r) => r.id);
  return { [OFF_ATTRIBUTE]: off.length ? off.join(' ') : null, [ON_ATTRIBUTE]: on.length ? on.join(' ') : null };
}

/** The stylesheet for shadow roots: the active rules' known markup and marks, unscoped. */
function shadowCss(settings: Settings): string {
  return HIDING_RULES.filter((r) => ruleActive(r, settings))
    .flatMap((rule) => [...rule.selectors, `[${HIDE_ATTRIBUTE}~="${rule.id}"]`].map((target) => `${target} { display: none !important; }`))
    .join('\n');
}

/** The outermost of `marked` that rules `ids` mark, forgetting those the page took out. */
function countMarked(marked: Set<Element>, ids: readonly RuleId[]): number {
  if (!ids.length) return 0;
  const selector = ids.map((id) => `[${HIDE_ATTRIBUTE}~="${id}"]`).join(', ');
  let n = 0;
  for (const block of marked) {
    if (!block.isConnected) {
      marked.delete(block);
      continue;
    }
    const above = block.parentElement ?? (block.parentNode as ShadowRoot | null)?.host ?? null;
    if (block.matches(selector) && !(above && closestAcross(above, selector))) n++;
  }
  return n;
}

export function hideClutter(ctx: ContentContext): void {
  const { doc } = ctx;
  const roots = new Set<ShadowRoot>();
  let sheet: CSSStyleSheet | null = null;
  const activeIds = (): RuleId[] => HIDING_RULES.filter((r) => ruleActive(r, ctx.settings)).map((r) => r.id);
  /** Every block this script marked: counting them is a look at each, not a query of a busy page. */
  const marked = new Set<Element>();
  const recount = (): void => {
    const count = countMarked(marked, activeIds());
    if (count !== ctx.hiddenCount) {
      ctx.hiddenCount = count;
      ctx.announceFindings();
    }
  };
  const guard = guardHiding(doc, ctx.signal, () => scopesFor(ctx.settings));
  guard.setInline(activeIds());

  const adopt = (root: ShadowRoot): void => {
    roots.add(root);
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      sheet ??= new Sheet();
      sheet.replaceSync(shadowCss(ctx.settings));
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // No constructed stylesheets here: marked blocks inside the root are hidden by the guard's inline style.
      guard.inlineIn(root);
    }
  };
  ctx.signal.addEventListener('abort', () => {
    sheet?.replaceSync('');
  });

  const memory = searchMemory();
  const settleParsed = parsedInto();
  /** Marks, then guards: the guard keeps the marks it finds on a block. */
  const mark = (found: readonly FoundBlock[]): number => {
    const newly = markBlocks(found);
    for (const { element } of found) {
      marked.add(element);
      guard.watch(element);
    }
    return newly;
  };
  ctx.onPageChange(({ source, added, removed, parsedText, parserAt }) => {
    // While parsing, what came since the last frame decides; once parsed, the whole text and any
    // link, frame or known block not seen yet. Later changes are searched where they happened.
    const plan = parsedText === null ? HIDING_RULES : planSearch(doc, parsedText, memory, source === 'parsing');
    const parsing: ParseTime | undefined = parserAt && { at: parserAt, open: [] };
    let newly = 0;
    for (const node of added) if (node.nodeType === 11) adopt(node as ShadowRoot);
    if (plan) {
      for (const node of added) {
        // A late element is searched only where something could start: on a page that adds
        // hundreds of small elements a frame, one look at each, not a search per rule.
        if (parsedText === null && node.nodeType === 1 && !mayHoldBlock(node as Element)) continue;
        newly += mark(findBlocks(node, plan, parsing));
      }
    }
    if (parsedText !== null) newly += mark(settleParsed(parsing?.open ?? [], parserAt ?? null));
    if (newly || (removed && marked.size)) recount();
  });
  ctx.onSettings((settings) => {
    guard.applyScopes();
    sheet?.replaceSync(shadowCss(settings));
    guard.setInline(activeIds());
    recount();
  });
}
