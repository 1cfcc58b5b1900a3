/** axe-core's source, run inside a page under test; the result lists violations only, compactly. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * An expression that resolves to the page's violations, once AXE_SOURCE ran in it. The pages fade
 * a fresh answer in (the `settle` animation in src/ui/briefing.css, 160 ms); axe reads colours as
 * they are at that moment, and on a loaded machine it met the side panel's "Why?" list half
 * transparent: at opacity 0.68 its muted text fails the contrast check, exactly the flaky failure.
 * So every animation is brought to its end first, the state the reader sees a moment later.
 */
export const AXE_RUN = `(() => {
  for (const animation of document.getAnimations()) animation.finish();
  return axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })));
})()`;

/** Height of the whole popup document: Chrome and Firefox show at most 600 px of it without scrolling. */
export const DOCUMENT_HEIGHT = `Math.ceil(document.documentElement.getBoundingClientRect().height)`;

export const POPUP_MAX_HEIGHT = 600;
