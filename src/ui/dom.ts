/** The pages' DOM helpers: elements from attributes and children, text always as text nodes. */
import type { Lang } from '../briefing/types';

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

/**
 * Month names by hand rather than Intl.DateTimeFormat: creating the first formatter loads the
 * browser's locale data, which cost a cold popup about 60 ms of its 50 ms budget for first render.
 */
const MONTHS: Record<Lang, readonly string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "21. Januar 2022" or "21 January 2022" (the briefing's English writes the day first); anything else as it came. */
export function formatDay(isoDay: string, lang: Lang): string {
  const [, year, monthNumber, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay) ?? [];
  const month = MONTHS[lang][Number(monthNumber) - 1];
  if (!year || !month || !day) return isoDay;
  return lang === 'de' ? `${Number(day)}. ${month} ${year}` : `${Number(day)} ${month} ${year}`;
}

export function dateElement(isoDay: string, lang: Lang): HTMLTimeElement {
  return el('time', { datetime: isoDay }, formatDay(isoDay, lang));
}
