/**
 * Blocks the parser is still inside that may be the start of a widget (find-blocks.ts, ParseTime):
 * its title has come, or a first job offer, and the rest has not, because the network paused
 * inside it. Each is hidden (PENDING_ATTRIBUTE) until the parser leaves it or story text appears
 * in it, then judged whole as any block is: marked if it is the widget, shown if not. Nothing is
 * kept once the document is parsed.
 */
import { compile, holdsProse } from '../core/block-evidence';
import { findBlocks, type FoundBlock, type ParseTime } from '../core/find-blocks';
import { PENDING_ATTRIBUTE, type HidingRule } from '../core/hiding-rules';

/**
 * Takes in `open` (blocks found short of evidence this frame) and looks again at those held: each
 * the parser left (`at`: where it adds now, null once the document is parsed) is judged whole, and
 * what that finds is returned, to be marked. One in which story text stands is shown at once.
 */
export type SettleParsed = (open: ParseTime['open'], at: Node | null) => FoundBlock[];

export function parsedInto(): SettleParsed {
  const held = new Map<Element, HidingRule>();
  return (open, at) => {
    for (const { element, rule } of open) {
      if (held.has(element)) continue;
      held.set(element, rule);
      element.setAttribute(PENDING_ATTRIBUTE, rule.id);
    }
    const found: FoundBlock[] = [];
    for (const [element, rule] of held) {
      const inside = at !== null && element.isConnected && element.contains(at);
      if (inside && !holdsProse(element, compile(rule), null)) continue;
      held.delete(element);
      // Shown again in the same task as what was found is marked: no frame is painted between.
      element.removeAttribute(PENDING_ATTRIBUTE);
      if (!inside && element.isConnected) found.push(...findBlocks(element, [rule]));
    }
    return found;
  };
}
