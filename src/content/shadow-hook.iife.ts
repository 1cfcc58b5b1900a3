/**
 * In the page's own world, at document_start on Handelsblatt pages: tells the content script of
 * every shadow root the page attaches, the moment it is attached. Without it the content script
 * must look at each new custom element frame after frame for a root it may get later (see
 * shadow-roots.ts); with it, late roots cost one event each. The page keeps a working
 * `attachShadow` that reads as native; it learns nothing else of the extension. Self-contained:
 * the page's world has no extension API and shares no module with the content script.
 */
(() => {
  const SHADOW_EVENT = 'lagebild:shadow-root';
  const READY_EVENT = 'lagebild:shadow-hook';
  const proto = Element.prototype;
  const original: unknown = Object.getOwnPropertyDescriptor(proto, 'attachShadow')?.value;
  if (typeof original !== 'function') return;
  // A proxy: the page's attachShadow still reads as native code and keeps its name and length.
  proto.attachShadow = new Proxy(original as Element['attachShadow'], {
    apply(target, host: Element, args: [ShadowRootInit]): ShadowRoot {
      const root = Reflect.apply(target, host, args);
      // A host outside the document is looked at when it is put in; composed, so a host inside
      // another root reaches the content script's listener on the document too.
      if (host.isConnected) host.dispatchEvent(new Event(SHADOW_EVENT, { bubbles: true, composed: true }));
      return root;
    },
  });
  // Whichever of the two scripts runs first, the content script learns that the hook is in place.
  document.addEventListener(`${READY_EVENT}?`, () => document.dispatchEvent(new Event(READY_EVENT)));
  document.dispatchEvent(new Event(READY_EVENT));
})();
