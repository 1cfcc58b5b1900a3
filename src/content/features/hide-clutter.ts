/**
 * Hides the job widget and other clutter named in HIDING_RULES. The manifest stylesheet hides
 * known markup before the first paint; this marks what only script can find, counts, and
 * switches rules on and off live through attributes on <html> that scope the stylesheet.
 */
import { countHidden, findBlocks, markBlocks, planSearch, searchMemory } from '../../core/find-blocks';
import { HIDING_RULES, OFF_ATTRIBUTE, ON_ATTRIBUTE, ruleActive } from '../../core/hiding-rules';
import type { Settings } from '../../core/settings';
import type { ContentContext } from '../context';

function applyScopes(root: Element, settings: Settings): void {
  const off = HIDING_RULES.filter((r) => r.defaultOn && !ruleActive(r, settings)).map((r) => r.id);
  const on = HIDING_RULES.filter((r) => !r.defaultOn && ruleActive(r, settings)).map((r) => r.id);
  for (const [attribute, ids] of [
    [OFF_ATTRIBUTE, off],
    [ON_ATTRIBUTE, on],
  ] as const) {
    if (ids.length) root.setAttribute(attribute, ids.join(' '));
    else root.removeAttribute(attribute);
  }
}

export function hideClutter(ctx: ContentContext): void {
  const { doc } = ctx;
  const recount = (): void => {
    const active = HIDING_RULES.filter((r) => ruleActive(r, ctx.settings)).map((r) => r.id);
    const count = countHidden(doc, active);
    if (count !== ctx.hiddenCount) {
      ctx.hiddenCount = count;
      ctx.announceFindings();
    }
  };

  const memory = searchMemory();
  ctx.onPageChange(({ source, added, removed, parsedText }) => {
    // While parsing, what came since the last frame decides; once parsed, the whole text and any
    // link, frame or known block not seen yet. Later changes are searched where they happened.
    const plan = parsedText === null ? HIDING_RULES : planSearch(doc, parsedText, memory, source === 'parsing');
    let marked = 0;
    if (plan) for (const node of added) marked += markBlocks(findBlocks(node, plan));
    if (marked || removed) recount();
  });
  ctx.onSettings((settings) => {
    applyScopes(doc.documentElement, settings);
    recount();
  });
}
