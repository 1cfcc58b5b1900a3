/**
 * The content script's hiding as wired in the page: one MutationObserver, work in the microtask
 * after a change (before any paint), settings switching rules live, and the count that feeds the badge.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/content/context';
import { watchPage } from '../../src/content/page-watcher';
import { hideClutter } from '../../src/content/features/hide-clutter';
import { HIDE_ATTRIBUTE, OFF_ATTRIBUTE, ON_ATTRIBUTE } from '../../src/core/hiding-rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { WIDGET_SELECTOR, articleUrl, genevaArticlePage, widgetHtml } from '../../tools/pages';
import { parseHtml } from '../support/dom';

function start(html: string) {
  const doc = parseHtml(html, articleUrl.geneva);
  const controller = new AbortController();
  const ctx = createContext(doc, controller.signal);
  const counts: number[] = [];
  ctx.onFindings(() => counts.push(ctx.hiddenCount));
  hideClutter(ctx);
  watchPage(doc, controller.signal, (change) => {
    ctx.dispatchPageChange(change);
  });
  return { doc, ctx, controller, counts };
}

function insertWidget(doc: Document, variant: Parameters<typeof widgetHtml>[0]): Element {
  const template = doc.createElement('template');
  template.innerHTML = widgetHtml(variant);
  const widget = template.content.firstElementChild!;
  const story = doc.querySelector('app-storyline-elements')!;
  story.insertBefore(widget, story.children[2] ?? null);
  return widget;
}

const microtasks = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

describe('hiding in the page', () => {
  it('marks widgets present at start and counts them', () => {
    const { doc, ctx, counts } = start(genevaArticlePage({ widget: 'text-only', widgetCount: 2 }));
    expect(doc.querySelectorAll(`[${HIDE_ATTRIBUTE}~="jobs"]`)).toHaveLength(2);
    // Teaser boxes are marked too, so quiet reading can hide them at once, but not counted while it is off.
    expect(doc.querySelectorAll(`[${HIDE_ATTRIBUTE}~="teasers"]`)).toHaveLength(1);
    expect(ctx.hiddenCount).toBe(2);
    expect(counts).toEqual([2]);
  });

  it('marks a widget that arrives late in the microtask after it arrives, before any timer or frame', async () => {
    const { doc, ctx } = start(genevaArticlePage());
    expect(ctx.hiddenCount).toBe(0);
    const widget = insertWidget(doc, 'listing');
    expect(widget.hasAttribute(HIDE_ATTRIBUTE)).toBe(false);
    await microtasks();
    expect(widget.getAttribute(HIDE_ATTRIBUTE)).toBe('jobs');
    expect(ctx.hiddenCount).toBe(1);
  });

  it('counts down when the site removes a hidden widget', async () => {
    const { doc, ctx } = start(genevaArticlePage({ widget: 'known', widgetCount: 2 }));
    expect(ctx.hiddenCount).toBe(2);
    doc.querySelector(WIDGET_SELECTOR)!.remove();
    await microtasks();
    expect(ctx.hiddenCount).toBe(1);
  });

  it('switches rules live through <html> attributes and counts only what is hidden', () => {
    const { doc, ctx } = start(genevaArticlePage({ widget: 'iframe' }));
    const html = doc.documentElement;
    ctx.dispatchSettings({ ...DEFAULT_SETTINGS, hideJobAds: false });
    expect(html.getAttribute(OFF_ATTRIBUTE)).toBe('jobs');
    expect(ctx.hiddenCount).toBe(0);
    ctx.dispatchSettings({ ...DEFAULT_SETTINGS, quietReading: true });
    expect(html.hasAttribute(OFF_ATTRIBUTE)).toBe(false);
    expect(html.getAttribute(ON_ATTRIBUTE)).toBe('teasers');
    expect(ctx.hiddenCount).toBeGreaterThanOrEqual(2);
    ctx.dispatchSettings({ ...DEFAULT_SETTINGS });
    expect(html.hasAttribute(ON_ATTRIBUTE)).toBe(false);
    expect(ctx.hiddenCount).toBe(1);
  });

  it('stops watching once the extension is gone', async () => {
    const { doc, controller } = start(genevaArticlePage());
    controller.abort();
    const widget = insertWidget(doc, 'text-only');
    await microtasks();
    expect(widget.hasAttribute(HIDE_ATTRIBUTE)).toBe(false);
  });
});
