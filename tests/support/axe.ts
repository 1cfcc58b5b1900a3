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

/** An expression that resolves to the page's violations, once AXE_SOURCE ran in it. */
export const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) =>
  r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`;

/** Height of the whole popup document: Chrome and Firefox show at most 600 px of it without scrolling. */
export const DOCUMENT_HEIGHT = `Math.ceil(document.documentElement.getBoundingClientRect().height)`;

export const POPUP_MAX_HEIGHT = 600;
