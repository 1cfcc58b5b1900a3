/**
 * The flash detector: an inline script that becomes the first child of a test page's <head>, so it
 * runs before anything of the page is rendered, and then looks at every frame the browser renders.
 * A widget root (`[data-test-widget]`) with a client rect of non-zero area in any frame was visible:
 * hiding it a frame late is a flash the reader sees, and the e2e tests count those frames.
 *
 * Kept as plain JavaScript text rather than a stringified function: tsx and vitest transform
 * functions differently (helpers such as `__name` appear), and the page has neither.
 */

export interface FlashReport {
  /** Frames sampled since the page's first. */
  frames: number;
  /** Frames in which at least one widget root was visible. */
  visibleFrames: number;
  /** 1-based frame in which a widget was first visible, null if never. */
  firstVisibleFrame: number | null;
  /** Distinct widget roots that were in the document in any sampled frame. */
  widgetsSeen: number;
  /** Widget roots visible in the latest frame. */
  visibleNow: number;
  /** `data-test-widget` values of the roots that were visible, for the failure message. */
  visibleWidgets: string[];
  /** Article paragraphs and other story elements (`data-test-story`, outside widgets) in the latest frame, and which did not render. */
  paragraphs: { total: number; rendered: number; missing: string[] };
  /** Frames in which a story element in the document did not render, and the first such element's text. */
  storyHiddenFrames: number;
  firstHiddenStory: string | null;
}

/** Evaluate this in the page (Playwright or Puppeteer) to read the report. */
export const FLASH_REPORT = 'window.__flash';

/** Evaluate this to wait until `n` more frames were sampled. */
export function afterFrames(n: number): string {
  return `new Promise((resolve) => {
    const until = window.__flash.frames + ${n};
    const poll = () => (window.__flash.frames >= until ? resolve(true) : setTimeout(poll, 16));
    poll();
  })`;
}

/**
 * Sampling happens in a ResizeObserver callback, not in requestAnimationFrame itself: the rendering
 * steps run every rAF callback (the content script may hide things in its own, registered after
 * ours), then style and layout, then ResizeObserver, then paint. A probe whose width changes in
 * every rAF makes the observer fire once per frame with the DOM as it is about to be painted.
 */
const SAMPLER = `(() => {
  const WIDGET = '[data-test-widget]';
  const state = { frames: 0, visibleFrames: 0, firstVisibleFrame: null, widgetsSeen: 0, visibleNow: 0, visibleWidgets: [],
    paragraphs: { total: 0, rendered: 0, missing: [] }, storyHiddenFrames: 0, firstHiddenStory: null };
  window.__flash = state;
  const seen = new WeakSet();
  const rendered = (el) => {
    if (getComputedStyle(el).display === 'contents') return Array.from(el.children).some(rendered);
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    return Array.from(el.getClientRects()).some((r) => r.width > 0 && r.height > 0);
  };
  // Shadow roots the page made (tools/hard-pages.ts), closed ones too: the page holds them.
  window.__testShadowRoots = window.__testShadowRoots || [];
  const all = (selector) => [document, ...window.__testShadowRoots].flatMap((scope) => Array.from(scope.querySelectorAll(selector)));
  const sample = () => {
    state.frames += 1;
    let visible = 0;
    for (const widget of all(WIDGET)) {
      if (!seen.has(widget)) { seen.add(widget); state.widgetsSeen += 1; }
      if (rendered(widget)) {
        visible += 1;
        const name = widget.getAttribute('data-test-widget') || widget.tagName;
        if (!state.visibleWidgets.includes(name)) state.visibleWidgets.push(name);
      }
    }
    state.visibleNow = visible;
    if (visible) {
      state.visibleFrames += 1;
      if (state.firstVisibleFrame === null) state.firstVisibleFrame = state.frames;
    }
    const paragraphs = all('p, [data-test-story]').filter((p) => !p.closest(WIDGET) && p.textContent.trim());
    const missing = paragraphs.filter((p) => !rendered(p));
    state.paragraphs = { total: paragraphs.length, rendered: paragraphs.length - missing.length,
      missing: missing.slice(0, 5).map((p) => p.textContent.trim().slice(0, 80)) };
    if (missing.length) {
      state.storyHiddenFrames += 1;
      if (state.firstHiddenStory === null) state.firstHiddenStory = state.paragraphs.missing[0];
    }
  };
  const probe = document.createElement('div');
  probe.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none';
  document.documentElement.appendChild(probe);
  new ResizeObserver(sample).observe(probe);
  let wide = false;
  const onFrame = () => {
    wide = !wide;
    probe.style.width = wide ? '2px' : '1px';
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
})();`;

/** The page with the sampler as the first child of its <head>. */
export function withSampler(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('withSampler: the page has no <head> to put the sampler first in');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}<script>${SAMPLER}</script>${html.slice(at)}`;
}
