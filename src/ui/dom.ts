/** The pages' DOM helpers: elements from attributes and children, text always as text nodes. */
import type { Lang } from '../briefing/types';
import { formatDay } from '../shared/day';

export type Child = Node | string | null | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

/** Every link in a page leaves it: a popup that navigated itself would lose the briefing. */
export function externalLink(href: string, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  return el('a', { ...attributes, href, target: '_blank', rel: 'noopener noreferrer', 'aria-describedby': NEW_TAB_NOTE_ID }, text);
}

/** Id of the one hidden "opens in a new tab" note that every external link points to. */
export const NEW_TAB_NOTE_ID = 'new-tab-note';

export function dateElement(isoDay: string, lang: Lang): HTMLTimeElement {
  return el('time', { datetime: isoDay }, formatDay(isoDay, lang));
}
