/**
 * What the extension hides, as data. One mechanism serves every rule: known markup is hidden
 * by the manifest stylesheet before the first paint (generated from `selectors` by
 * `rulesToCss`), unknown markup is found by script from `phrases` and `hosts` and marked with
 * `HIDE_ATTRIBUTE`, which the same stylesheet hides. A later clutter rule is one more entry here.
 */
import type { Settings } from './settings';
import { JOB_HOSTS, STORYLINE_TEASER } from './selectors';

export type RuleId = 'jobs' | 'teasers';

export interface HidingRule {
  id: RuleId;
  /** The setting that switches the rule; its default decides how the stylesheet is scoped. */
  setting: keyof Pick<Settings, 'hideJobAds' | 'quietReading'>;
  defaultOn: boolean;
  /** Known markup, hidden by CSS before the first paint. */
  selectors: string[];
  /** Lines of the block's own text, matched case-insensitively with white space folded. */
  phrases: string[];
  /** A block whose text opens with this is the rule's block (teaser boxes open with ">>"). */
  opensWith?: string;
  /** Links or frames to these hosts are evidence for the rule. */
  hosts: string[];
  /** Distinct pieces of evidence (phrases, a link, a frame, the leading text) a script-found block needs. */
  minEvidence: number;
}

/** Set by the content script on blocks it found; the value lists rule IDs. */
export const HIDE_ATTRIBUTE = 'data-lagebild-hide';
/**
 * Set while the document is parsed on a block the parser is still inside that may be the start of
 * the rule's block (find-blocks.ts, ParseTime); the value is the rule ID. Hidden like a mark.
 */
export const PENDING_ATTRIBUTE = 'data-lagebild-pending';
/** On <html>: default-on rules the reader switched off. */
export const OFF_ATTRIBUTE = 'data-lagebild-off';
/** On <html>: default-off rules the reader switched on. */
export const ON_ATTRIBUTE = 'data-lagebild-on';

const jobFrames = JOB_HOSTS.map((host) => `iframe[src*="${host}"]`);
const jobLinksAndFrames = JOB_HOSTS.flatMap((host) => [`a[href*="${host}"]`, `iframe[src*="${host}"]`]).join(', ');

export const JOB_WIDGET: HidingRule = {
  id: 'jobs',
  setting: 'hideJobAds',
  defaultOn: true,
  selectors: [
    // The widget's job market lives on these hosts [cited]; a frame from there is the widget itself.
    ...jobFrames,
    // Today's body is a list of app-storyline-element blocks [cited]. A block that links to the job
    // market and holds no article text (a paragraph, list item, table cell, quote, caption, the
    // story's rich text) is the widget, whatever its inner markup [inferred]; see block-evidence.ts.
    `app-storyline-element:has(${jobLinksAndFrames}):not(:has(p, li, td, th, blockquote, figcaption, dt, dd, app-storyline-paragraph, app-rich-text))`,
    // 2020 design: the STELLENMARKT tile of the "Serviceangebote" strip [seen].
    'li.vhb-serviceoffer-list-item:has(a[href*="karriere.handelsblatt.com"])',
  ],
  // As captured from an article in November 2022 [cited].
  phrases: ['Top-Jobs des Tages', 'Jetzt die besten Jobs finden', 'per E-Mail benachrichtigt werden', 'Standort erkennen'],
  hosts: JOB_HOSTS,
  minEvidence: 2,
};

export const PROMO_TEASERS: HidingRule = {
  id: 'teasers',
  setting: 'quietReading',
  defaultOn: false,
  // In-body teaser boxes of today's design [cited].
  selectors: [STORYLINE_TEASER],
  phrases: ['Lesen Sie hier mehr', 'Lesen Sie auch'],
  // ">> Lesen Sie hier mehr zum Ukraine-Konflikt – …" in the received article text. Not "»":
  // German prose opens quotations with it.
  opensWith: '>>',
  hosts: [],
  minEvidence: 1,
};

export const HIDING_RULES: readonly HidingRule[] = [JOB_WIDGET, PROMO_TEASERS];

/** Whether a rule is in force under these settings. */
export function ruleActive(rule: HidingRule, settings: Settings): boolean {
  return settings[rule.setting];
}

function scope(rule: HidingRule): string {
  return rule.defaultOn ? `html:not([${OFF_ATTRIBUTE}~="${rule.id}"])` : `html[${ON_ATTRIBUTE}~="${rule.id}"]`;
}

/**
 * The stylesheet the manifest declares. Default-on rules hide unless <html> says otherwise, so
 * they hold from the first paint, before settings are read; default-off rules wait for the script.
 * One CSS rule per selector: a browser that rejects one selector (say, an old one without
 * `:has()`) drops only that rule, not the whole list with it.
 */
export function rulesToCss(rules: readonly HidingRule[]): string {
  const header = '/* Generated from src/core/hiding-rules.ts by rulesToCss; tests/unit/hide-css.test.ts keeps it in step. */\n';
  const lines = rules.flatMap((rule) =>
    [...rule.selectors, `[${HIDE_ATTRIBUTE}~="${rule.id}"]`, `[${PENDING_ATTRIBUTE}="${rule.id}"]`].map((target) => `${scope(rule)} ${target} { display: none !important; }`),
  );
  return `${header}${lines.join('\n')}\n`;
}
