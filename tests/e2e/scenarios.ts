/**
 * Page behaviour the fixture builders do not have: inline page scripts that change a served page
 * after load the way Handelsblatt's Angular front end does. They run in the page's own world, as
 * the site's code would, and build their markup from the fixtures.
 */
import { widgetHtml, type WidgetVariant } from '../../tools/pages';

/** A page outside the extension's match, served by the same server (its host must be mapped too). */
export const OTHER_SITE = 'http://www.example.org/nachrichten/genf.html';

function beforeBodyEnd(html: string, script: string): string {
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('The page has no </body> to put its script before');
  return `${html.slice(0, at)}<script>${script}</script>${html.slice(at)}`;
}

/** Inline script text for a JSON value; `</script>` inside a string would end the element. */
function literal(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export const LATE_WIDGET_DELAYS_MS = [600, 1200] as const;

/**
 * One widget arrives 600 ms after load, all at once; a second 1,200 ms after load in two steps,
 * an empty element first and its content 50 ms later, as a component renders its template after
 * it is attached. Both go between body blocks of the story.
 */
export function withLateWidgets(html: string, variant: WidgetVariant): string {
  const [whole, stepwise] = LATE_WIDGET_DELAYS_MS;
  return beforeBodyEnd(html, `addEventListener('load', () => {
  const after = (n) => {
    const blocks = document.querySelectorAll('app-storyline-elements > app-storyline-element');
    return blocks[Math.min(n, blocks.length - 1)];
  };
  const build = (markup) => {
    const template = document.createElement('template');
    template.innerHTML = markup;
    return template.content.firstElementChild;
  };
  setTimeout(() => { after(1).after(build(${literal(widgetHtml(variant, { seed: 7 }))})); }, ${whole});
  setTimeout(() => {
    const widget = build(${literal(widgetHtml(variant, { seed: 8 }))});
    const content = Array.from(widget.childNodes);
    widget.replaceChildren();
    after(3).after(widget);
    setTimeout(() => { widget.append(...content); }, 50);
  }, ${stepwise});
});`);
}

/** How a test starts an in-page navigation: evaluate this with the target URL in the page. */
export function navigateInPage(url: string): string {
  return `window.__navigateInPage(${literal(url)})`;
}

/**
 * Lets the page follow a link without loading a document, as the Angular router does: fetch the
 * next article, push its URL, swap the head's metadata and the whole <main>. Resolves once the
 * new story is in the document.
 */
export function withInPageNavigation(html: string): string {
  return beforeBodyEnd(html, `window.__navigateInPage = async (url) => {
  const next = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  const metadata = 'title, meta[name], meta[property], link[rel="canonical"], script[type="application/ld+json"]';
  history.pushState({}, '', url);
  for (const old of document.head.querySelectorAll(metadata)) old.remove();
  document.head.append(...next.head.querySelectorAll(metadata));
  document.querySelector('main').replaceWith(next.querySelector('main'));
};`);
}
