/**
 * Finds the page's shadow roots, open and closed, including those attached after the content
 * script started. An extension may reach closed roots: Firefox gives content scripts
 * `element.openOrClosedShadowRoot`, Chrome `chrome.dom.openOrClosedShadowRoot(element)`.
 *
 * Elements are looked at when they arrive: those the parser added since the last frame (the tail
 * of the document's live element list, read natively) and those a mutation added. A root attached
 * later, to an element already in the page, is announced by the hook in the page's world
 * (shadow-hook.iife.ts) the moment it is attached: one event per root, whatever the page does.
 * Without the hook (it did not run), custom elements (a hyphen in the name), where roots are
 * attached late, are looked at again on the following frames for a while when a mutation added
 * them without a root; not covered then: a definition that upgrades elements already in the page
 * without any mutation, and in Chrome closed roots of custom elements nobody defined.
 */

/** How long after it arrived a custom element is still looked at for a root it did not have yet (without the hook). */
const YOUNG_MS = 3000;
/** The hook's events (shadow-hook.iife.ts): a root was attached; the hook is in place (asked with a "?"). */
const SHADOW_EVENT = 'lagebild:shadow-root';
const READY_EVENT = 'lagebild:shadow-hook';

type ChromeDom = { dom?: { openOrClosedShadowRoot?: (element: Element) => ShadowRoot | null } };

export function rootAccessor(doc: Document): (el: Element) => ShadowRoot | null {
  // Asked once: a property an element lacks is looked up along its whole prototype chain, each time.
  if ('openOrClosedShadowRoot' in (doc.defaultView?.Element.prototype ?? Element.prototype)) {
    return (el) => (el as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  }
  /** Chrome's, looked up at the first element that needs it: the first read of `chrome.dom` builds its bindings. */
  let closedInChrome: ((element: Element) => ShadowRoot | null) | null | undefined;
  const closedAccessor = (): typeof closedInChrome => {
    const dom = (globalThis as { chrome?: ChromeDom }).chrome?.dom;
    return typeof dom?.openOrClosedShadowRoot === 'function' ? dom.openOrClosedShadowRoot.bind(dom) : null;
  };
  return (el) => {
    const open = el.shadowRoot;
    if (open) return open;
    // A call into the extension API costs microseconds: only for defined custom elements (web
    // components), where closed roots come from; a page has thousands of undefined app-* elements.
    if (closedInChrome !== null && el.localName.includes('-') && el.matches(':defined')) {
      closedInChrome ??= closedAccessor();
      try {
        return closedInChrome?.(el) ?? null;
      } catch {
        return null;
      }
    }
    return null;
  };
}

export interface ShadowScout {
  /** Elements the parser added since the last call (reads the tail of the document's element list). */
  parsed(): void;
  /** Elements a mutation added, with everything under them. */
  added(node: Node): void;
  /** Custom elements a mutation added without a root, looked at again; true while any is still young. */
  recheck(): boolean;
}

/** `found` hears of every root once, outermost first; roots inside roots are looked for too. */
export function shadowScout(doc: Document, found: (root: ShadowRoot) => void, signal?: AbortSignal): ShadowScout {
  const rootOf = rootAccessor(doc);
  const known = new WeakSet<ShadowRoot>();
  const all = doc.getElementsByTagName('*');
  let parsedUpTo = 0;
  let young: { el: Element; since: number }[] = [];
  /** The page-world hook announces every root attached later: no element needs looking at again. */
  let hooked = false;
  const waiting = new WeakSet<Element>();
  const now = (): number => doc.defaultView?.performance.now() ?? Date.now();

  const take = (root: ShadowRoot): void => {
    if (known.has(root)) return;
    known.add(root);
    found(root);
    for (const inner of root.querySelectorAll('*')) look(inner, false);
  };
  /** `wait`: a custom element without a root yet is looked at again while young. */
  const look = (el: Element, wait: boolean): void => {
    const root = rootOf(el);
    if (root) take(root);
    else if (wait && !hooked && el.localName.includes('-') && !waiting.has(el)) {
      waiting.add(el);
      young.push({ el, since: now() });
    }
  };

  const onHooked = (): void => {
    hooked = true;
    young = [];
  };
  /**
   * A root was attached to a host in the page. Seen from the document, a host inside a closed root
   * stands for the outermost host: then the roots known inside it are looked through again.
   */
  const onRoot = (event: Event): void => {
    const [host] = event.composedPath() as Node[];
    if (host?.nodeType !== 1) return;
    const root = rootOf(host as Element);
    if (root === null) return;
    if (!known.has(root)) take(root);
    else for (const inner of root.querySelectorAll('*')) look(inner, false);
  };
  doc.addEventListener(READY_EVENT, onHooked, { once: true, signal });
  doc.addEventListener(SHADOW_EVENT, onRoot, { capture: true, signal });
  // The document's own realm: the same thing in a page, and right for a document made elsewhere.
  const EventOfPage = doc.defaultView?.Event ?? Event;
  doc.dispatchEvent(new EventOfPage(`${READY_EVENT}?`));

  return {
    parsed() {
      const count = all.length;
      // Page scripts may have put elements before the parser's position: looked at again, harmless.
      for (let i = Math.min(parsedUpTo, count); i < count; i++) look(all[i] as Element, false);
      parsedUpTo = count;
    },
    added(node) {
      if (node.nodeType !== 1) return;
      look(node as Element, true);
      for (const el of (node as Element).getElementsByTagName('*')) look(el, true);
    },
    recheck() {
      if (!young.length) return false;
      const before = young;
      const limit = now() - YOUNG_MS;
      young = [];
      for (const entry of before) {
        const root = entry.el.isConnected ? rootOf(entry.el) : null;
        if (root) take(root);
        else if (entry.since > limit) young.push(entry);
        else waiting.delete(entry.el);
      }
      return young.length > 0;
    },
  };
}
