// @vitest-environment happy-dom
/**
 * The manifest stylesheet is generated from the hiding rules. This keeps the checked-in file in
 * step (UPDATE_CSS=1 npx vitest run tests/unit/hide-css.test.ts rewrites it) and checks that its
 * scoping really switches rules on and off.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIDE_ATTRIBUTE, HIDING_RULES, OFF_ATTRIBUTE, ON_ATTRIBUTE, rulesToCss } from '../../src/core/hiding-rules';

const cssPath = resolve(import.meta.dirname, '../../src/content/hide.css');

describe('manifest stylesheet', () => {
  it('is exactly what the rules generate', () => {
    const expected = rulesToCss(HIDING_RULES);
    if (process.env.UPDATE_CSS === '1') writeFileSync(cssPath, expected);
    expect(readFileSync(cssPath, 'utf8')).toBe(expected);
  });

  it('is declared in the manifest so it applies before the first paint', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));
    const styled = manifest.content_scripts.filter((cs: { css?: string[] }) => cs.css);
    expect(styled.map((cs: { css: string[] }) => cs.css)).toEqual([['src/content/hide.css']]);
    expect(styled[0].run_at).toBe('document_start');
  });

  /** Display of a marked block on a page whose <html> carries these attributes (set before the block exists). */
  function displayOf(marked: Element, html: Record<string, string>): string {
    document.head.replaceChildren();
    document.body.replaceChildren();
    for (const name of [OFF_ATTRIBUTE, ON_ATTRIBUTE]) document.documentElement.removeAttribute(name);
    for (const [name, value] of Object.entries(html)) document.documentElement.setAttribute(name, value);
    const style = document.createElement('style');
    style.textContent = rulesToCss(HIDING_RULES);
    document.head.append(style);
    document.body.append(marked);
    return getComputedStyle(marked).display;
  }

  function markedBlock(rule: string): HTMLElement {
    const el = document.createElement('div');
    el.setAttribute(HIDE_ATTRIBUTE, rule);
    el.textContent = 'x';
    return el;
  }

  function teaserBox(): HTMLElement {
    const el = document.createElement('app-storyline-teaser');
    el.textContent = '>> Lesen Sie hier mehr';
    return el;
  }

  it('hides job blocks by default and shows them when the reader switches the rule off', () => {
    expect(displayOf(markedBlock('jobs'), {})).toBe('none');
    expect(displayOf(markedBlock('jobs'), { [OFF_ATTRIBUTE]: 'jobs' })).not.toBe('none');
    expect(displayOf(markedBlock('jobs'), { [ON_ATTRIBUTE]: 'teasers' })).toBe('none');
  });

  it('leaves teasers alone until quiet reading is switched on', () => {
    expect(displayOf(markedBlock('teasers'), {})).not.toBe('none');
    expect(displayOf(teaserBox(), {})).not.toBe('none');
    expect(displayOf(markedBlock('teasers'), { [ON_ATTRIBUTE]: 'teasers' })).toBe('none');
    expect(displayOf(teaserBox(), { [ON_ATTRIBUTE]: 'teasers' })).toBe('none');
    expect(displayOf(markedBlock('teasers'), { [OFF_ATTRIBUTE]: 'jobs' })).not.toBe('none');
  });
});
