/**
 * The page cannot undo the hiding. What it rests on is watched: the mark on each hidden block,
 * the scope attributes on <html>, and a hidden block's inline style (an inline `display` with
 * `!important` would beat the stylesheet). A change is put back in the observer's microtask,
 * which runs before the next paint. A page that fights back endlessly is given up on after a
 * budget, so the tab never locks up.
 */
import { HIDE_ATTRIBUTE, type RuleId } from '../core/hiding-rules';

/** Restores allowed per second before the guard stops fighting the page. */
const RESTORE_BUDGET = 500;

export interface HidingGuard {
  /** Guards a block just marked. */
  watch(block: Element): void;
  /** Sets the scope attributes on <html> to what the settings want. */
  applyScopes(): void;
  /** Blocks marked inside this root get an inline `display: none` (no constructed stylesheet there). */
  inlineIn(root: ShadowRoot): void;
  /** The rules active now, for blocks hidden by inline style. */
  setInline(active: readonly RuleId[]): void;
}

export function guardHiding(doc: Document, signal: AbortSignal, scopes: () => Record<string, string | null>): HidingGuard {
  const html = doc.documentElement;
  const marks = new WeakMap<Element, Set<string>>();
  const inlineRoots = new WeakSet<ShadowRoot>();
  const inlined = new Set<Element>();
  let active: readonly string[] = [];
  let restores = 0;
  let budgetTimer: ReturnType<typeof setTimeout> | undefined;

  const spend = (): boolean => {
    budgetTimer ??= setTimeout(() => {
      restores = 0;
      budgetTimer = undefined;
    }, 1000);
    return ++restores <= RESTORE_BUDGET;
  };
  const applyScopes = (): void => {
    for (const [name, value] of Object.entries(scopes())) {
      if (html.getAttribute(name) === value) continue;
      if (value === null) html.removeAttribute(name);
      else html.setAttribute(name, value);
    }
  };
  const hidesInline = (block: Element): boolean => [...(marks.get(block) ?? [])].some((id) => active.includes(id));
  const fixStyle = (block: Element): void => {
    setDisplay(block, inlined.has(block) && hidesInline(block));
  };
  const restore = (block: Element): void => {
    const ids = marks.get(block);
    if (!ids || !spend()) return;
    const current = new Set((block.getAttribute(HIDE_ATTRIBUTE) ?? '').split(/\s+/).filter(Boolean));
    if ([...ids].some((id) => !current.has(id))) block.setAttribute(HIDE_ATTRIBUTE, [...new Set([...current, ...ids])].join(' '));
    fixStyle(block);
  };

  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new Observer((records) => {
    let scopesTouched = false;
    for (const record of records) {
      if (record.target === html && record.attributeName !== HIDE_ATTRIBUTE && record.attributeName !== 'style') scopesTouched = true;
      else restore(record.target as Element);
    }
    if (scopesTouched && spend()) applyScopes();
  });
  const scopeNames = Object.keys(scopes());
  observer.observe(html, { attributes: true, attributeFilter: scopeNames });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    for (const block of inlined) dropInlineNone(block);
  });

  return {
    watch(block) {
      const ids = new Set((block.getAttribute(HIDE_ATTRIBUTE) ?? '').split(/\s+/).filter(Boolean));
      marks.set(block, ids);
      const root = block.getRootNode();
      if (root.nodeType === 11 && inlineRoots.has(root as ShadowRoot)) inlined.add(block);
      fixStyle(block);
      observer.observe(block, { attributes: true, attributeFilter: [HIDE_ATTRIBUTE, 'style'] });
    },
    applyScopes,
    inlineIn(root) {
      inlineRoots.add(root);
    },
    setInline(ids) {
      active = ids;
      for (const block of inlined) {
        if (hidesInline(block)) fixStyle(block);
        else dropInlineNone(block);
      }
    },
  };
}

/**
 * Puts a block's inline display right: `none !important` where it is hidden by inline style, and
 * no `display: … !important` the page set to beat the stylesheet otherwise.
 */
function setDisplay(block: Element, inline: boolean): void {
  // The style attribute first: in Firefox the first `style` object a content script reads costs
  // milliseconds (its Xray wrapper is built), and almost no block has an inline display.
  if (!inline && !/display|\\/i.test(block.getAttribute('style') ?? '')) return;
  const style = (block as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (!style) return;
  if (inline) {
    if (style.getPropertyValue('display') !== 'none' || style.getPropertyPriority('display') !== 'important') style.setProperty('display', 'none', 'important');
  } else if (style.getPropertyPriority('display') === 'important' && style.getPropertyValue('display') !== 'none') {
    style.removeProperty('display');
  }
}

/** Takes back the inline `display: none` this guard set. */
function dropInlineNone(block: Element): void {
  const style = (block as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style?.getPropertyValue('display') === 'none') style.removeProperty('display');
}
