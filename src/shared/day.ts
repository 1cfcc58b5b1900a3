/** A day of the briefing in the reader's language, as the pages and the context card write it. */
import type { Lang } from '../briefing/types';

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

const SHORT_MONTHS: readonly string[] = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A day beside a time in a list: "21.01." or "21 Jan", with the year ("21.01.2022", "21 Jan 2022")
 * when `withYear`; anything else as it came.
 */
export function shortDay(isoDay: string, lang: Lang, withYear: boolean): string {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay) ?? [];
  const monthName = SHORT_MONTHS[Number(month) - 1];
  if (!year || !month || !day || !monthName) return isoDay;
  if (lang === 'de') return `${day}.${month}.${withYear ? year : ''}`;
  return `${Number(day)} ${monthName}${withYear ? ` ${year}` : ''}`;
}
