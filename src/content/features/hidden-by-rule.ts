/**
 * Adds to the status answer what was hidden by each rule, so the popup can say what it hid and not
 * only how many. Counted only when asked, in the page features: the badge needs the total alone.
 */
import { countHidden } from '../../core/find-blocks';
import { HIDING_RULES, ruleActive } from '../../core/hiding-rules';
import type { ContentContext } from '../context';

export function hiddenByRule(ctx: ContentContext): void {
  ctx.onStatusRequest((_, answer) => {
    answer.hidden = HIDING_RULES.filter((rule) => ruleActive(rule, ctx.settings))
      .map((rule) => ({ rule: rule.id, count: countHidden(ctx.doc, [rule.id]) }))
      .filter(({ count }) => count > 0);
  });
}
