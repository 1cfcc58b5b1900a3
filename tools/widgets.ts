/**
 * The job widget in the markups it is guessed to have: nobody has seen the real one, only its wording
 * (tests/fixtures/HANDELSBLATT-DOM.md). Tests and benchmarks place these in every page they build.
 */

export type WidgetVariant = 'known' | 'text-only' | 'paragraph-br' | 'iframe' | 'listing';

export const WIDGET_VARIANTS: readonly WidgetVariant[] = ['known', 'text-only', 'paragraph-br', 'iframe', 'listing'];

/** The widget's wording as captured from a November 2022 article [cited]. */
export const WIDGET_TEXT = {
  title: 'Top-Jobs des Tages',
  call: 'Jetzt die besten Jobs finden und',
  notify: 'per E-Mail benachrichtigt werden.',
  locate: 'Standort erkennen',
} as const;

/** Marks each widget's root for tests only; the site has no such attribute, the extension must not use it. */
export const WIDGET_ATTRIBUTE = 'data-test-widget';
export const WIDGET_SELECTOR = `[${WIDGET_ATTRIBUTE}]`;

export const JOB_MARKET_URL = 'https://jobs.handelsblatt.com/';

/** Invented offers for the 'listing' widget. */
const JOB_OFFERS = [
  { title: 'Referent Controlling (m/w/d)', place: 'Düsseldorf', path: 'job/referent-controlling-duesseldorf-4711' },
  { title: 'Senior Software Engineer (m/w/d)', place: 'München', path: 'job/senior-software-engineer-muenchen-4712' },
  { title: 'Leitung Einkauf (m/w/d)', place: 'Frankfurt am Main', path: 'job/leitung-einkauf-frankfurt-4713' },
];

export interface WidgetOptions {
  /** Varies the generated class names; the same seed gives the same markup. */
  seed?: number;
}

/** Class names like a minifying build would produce, reproducible from a seed. */
function classNames(seed: number, count: number): string[] {
  let state = (seed * 2654435761) >>> 0 || 1;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    names.push(`${String.fromCharCode(97 + (state % 26))}${(state >>> 8).toString(36).slice(0, 4)}`);
  }
  return names;
}

/** One widget's HTML; its root carries `data-test-widget="<variant>"`. For tests that insert it late. */
export function widgetHtml(variant: WidgetVariant, opts: WidgetOptions = {}): string {
  const [a, b, c, d] = classNames(opts.seed ?? 1, 4) as [string, string, string, string];
  const mark = `${WIDGET_ATTRIBUTE}="${variant}"`;
  const t = WIDGET_TEXT;
  switch (variant) {
    case 'known':
      return `<app-storyline-element ${mark}><app-job-widget><div class="job-widget">`
        + `<h3 class="job-widget__title">${t.title}</h3>`
        + `<div class="job-widget__text">${t.call}<br>${t.notify}</div>`
        + `<button type="button" class="job-widget__locate">${t.locate}</button>`
        + `<a class="job-widget__link" href="${JOB_MARKET_URL}?utm_source=handelsblatt&amp;utm_medium=widget">Alle Jobs</a>`
        + `</div></app-job-widget></app-storyline-element>`;
    case 'text-only':
      return `<div class="${a} ${b}" ${mark}><span class="${c}">${t.title}</span>`
        + `<div class="${d}">${t.call}<br>${t.notify}</div><button>${t.locate}</button></div>`;
    case 'paragraph-br':
      return `<app-storyline-element ${mark}><app-storyline-paragraph><app-rich-text>`
        + `<p><strong>${t.title}</strong><br>${t.call}<br>${t.notify}</p>`
        + `</app-rich-text></app-storyline-paragraph></app-storyline-element>`;
    case 'iframe':
      return `<div class="${a}" ${mark}><iframe class="${b}" src="${JOB_MARKET_URL}widget/top-jobs?placement=article&amp;v=${c}" `
        + `width="100%" height="320" loading="lazy"></iframe></div>`;
    case 'listing':
      return `<app-storyline-element ${mark}><section class="${a}"><h3 class="${b}">${t.title}</h3><ul class="${c}">`
        + JOB_OFFERS.map((job) => `<li><a href="${JOB_MARKET_URL}${job.path}">${job.title}</a> <span>${job.place}</span></li>`).join('')
        + `</ul><a class="${d}" href="${JOB_MARKET_URL}">${t.call.replace(/ und$/, '')}</a></section></app-storyline-element>`;
  }
}

