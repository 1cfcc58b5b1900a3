/**
 * The bundled briefing, in one language. Everything it shows comes from the Briefing data,
 * so a new briefing needs a new data module, not a new view.
 */
import { pick, quoted } from '../briefing/index';
import type { Briefing, Lang, Quote, Side } from '../briefing/types';
import { dateElement, el, externalLink } from './dom';
import type { Translate } from '../shared/i18n';

export interface BriefingViewOptions {
  lang: Lang;
  t: Translate;
  /** Asks the tab to scroll to the passage; resolves whether it could. */
  onShowQuote: (quote: Quote) => Promise<boolean>;
}

/** The briefing's section with its kicker (the day of the talks) and title: the popup's gist and the side panel's whole briefing open alike. */
export function briefingSection(briefing: Briefing, lang: Lang, t: Translate, ...body: HTMLElement[]): HTMLElement {
  return el(
    'section',
    { id: 'briefing', 'aria-labelledby': 'briefing-title', 'data-briefing-id': briefing.id },
    el('p', { class: 'kicker' }, t('briefingKicker'), ' · ', dateElement(briefing.date, lang)),
    el('h2', { id: 'briefing-title' }, pick(briefing.title, lang)),
    ...body,
  );
}

export function renderBriefing(briefing: Briefing, options: BriefingViewOptions): HTMLElement {
  const { lang, t } = options;
  return briefingSection(
    briefing,
    lang,
    t,
    el('p', { class: 'summary' }, pick(briefing.summary, lang)),
    subsection(
      'sides',
      t('sidesHeading'),
      el('p', { class: 'hint', id: 'quotes-hint' }, t('quotesHint')),
      el('div', { class: 'sides' }, ...briefing.sides.map((side, index) => renderSide(side, index, options))),
    ),
    subsection(
      'facts',
      t('factsHeading'),
      el('dl', { class: 'facts' }, ...briefing.facts.map((fact) => el('div', {}, el('dt', {}, pick(fact.label, lang)), el('dd', {}, pick(fact.value, lang))))),
    ),
    subsection(
      'timeline',
      t('timelineHeading'),
      el(
        'ol',
        { class: 'timeline' },
        ...briefing.timeline.map((event) =>
          el(
            'li',
            event.current ? { class: 'current', 'aria-current': 'true' } : event.later ? { class: 'later' } : {},
            dateElement(event.date, lang),
            event.later && el('span', { class: 'badge' }, t('timelineLater')),
            el('span', { class: 'event' }, pick(event.text, lang)),
          ),
        ),
      ),
    ),
    subsection(
      'sources',
      t('sourcesHeading'),
      el(
        'ul',
        { class: 'sources' },
        ...briefing.sources.map((source) =>
          el(
            'li',
            {},
            externalLink(source.url, pick(source.title, lang)),
            el('span', { class: 'source-meta' }, source.publisher, ', ', dateElement(source.date, lang)),
          ),
        ),
      ),
    ),
  );
}

function subsection(id: string, heading: string, ...children: HTMLElement[]): HTMLElement {
  return el('section', { 'data-part': id, 'aria-labelledby': `${id}-heading` }, el('h3', { id: `${id}-heading` }, heading), ...children);
}

function renderSide(side: Side, sideIndex: number, options: BriefingViewOptions): HTMLElement {
  const { lang } = options;
  const headingId = `side-${String(sideIndex)}`;
  return el(
    'section',
    { class: 'side', 'data-side-id': side.id, 'aria-labelledby': headingId },
    el('h4', { id: headingId }, pick(side.name, lang)),
    el('p', { class: 'speaker' }, pick(side.speaker, lang)),
    el(
      'ul',
      { class: 'positions' },
      ...side.positions.map((position, index) =>
        el(
          'li',
          { 'data-quote-id': position.quote.id },
          el('p', {}, pick(position.text, lang), ' ', el('span', { class: 'badge in-view-badge', hidden: '' }, options.t('quoteInView'))),
          ...renderQuote(position.quote, `${headingId}-quote-${String(index)}`, options),
        ),
      ),
    ),
  );
}

/**
 * The German words are shown in every language because they are what stands in the article,
 * and what "show in article" finds; English readers get the English beside them, marked as
 * the speaker's own words or as our translation. The words fold away under their position,
 * so the two sides can be compared at a glance in a popup's height; the button stays in view,
 * because whether it is enabled tells the reader that the open article holds the passage.
 */
function renderQuote(quote: Quote, quoteElementId: string, { lang, t, onShowQuote }: BriefingViewOptions): HTMLElement[] {
  const feedback = el('p', { class: 'quote-feedback', role: 'status', 'data-quote-id': quote.id });
  const button = el(
    'button',
    { type: 'button', class: 'show-quote', 'data-quote-id': quote.id, 'aria-describedby': quoteElementId },
    t('showInArticle'),
  );
  // Enabled only once the tab reports that it holds this quote.
  button.disabled = true;
  button.addEventListener('click', () => {
    // Showing this passage takes the mark off the one shown before.
    clearQuoteFeedback(button.closest('#briefing') ?? feedback);
    void onShowQuote(quote).then((shown) => {
      feedback.textContent = t(shown ? 'quoteShown' : 'quoteNotShown');
    });
  });
  return [
    el(
      'details',
      { class: 'quote' },
      el('summary', {}, t('quoteSummary')),
      el(
        'figure',
        {},
        el('blockquote', { id: quoteElementId, lang: 'de' }, el('p', {}, quoted(quote.de, 'de'))),
        lang === 'en' &&
          el(
            'p',
            { class: 'quote-en' },
            el('span', { class: 'quote-label' }, t(quote.enIsOriginal ? 'quoteOriginal' : 'quoteTranslation')),
            ' ',
            quoted(quote.en, 'en'),
          ),
        el('figcaption', {}, speakerLine(quote, lang, t)),
      ),
    ),
    el('div', { class: 'quote-actions' }, button, feedback),
  ];
}

/** The speaker, and the agency when the words are its report of what was said rather than the speaker's own. */
export function speakerLine(quote: Quote, lang: Lang, t: Translate): string {
  const name = pick(quote.speaker, lang);
  return quote.reportedBy ? t('reportedSpeech', name, quote.reportedBy) : name;
}

/** Enables "show in article" exactly for the quotes the tab found; the hint stays while none is. */
export function applyQuotesFound(root: ParentNode, quotesFound: readonly string[]): void {
  const found = new Set(quotesFound);
  let anyEnabled = false;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-quote-id]')) {
    button.disabled = !found.has(button.dataset.quoteId ?? '');
    anyEnabled ||= !button.disabled;
  }
  const hint = root.querySelector<HTMLElement>('#quotes-hint');
  if (hint) hint.hidden = anyEnabled;
}

/** Takes back what the panel said about marks: all of it, or for one quote whose mark is gone. */
export function clearQuoteFeedback(root: ParentNode, quoteId?: string): void {
  for (const feedback of root.querySelectorAll<HTMLElement>('.quote-feedback')) {
    if (quoteId === undefined || feedback.dataset.quoteId === quoteId) feedback.textContent = '';
  }
}

/** Marks the positions whose quotes stand in the visible part of the article, in words and not by colour alone. */
export function applyQuotesInView(root: ParentNode, ids: readonly string[]): void {
  const inView = new Set(ids);
  for (const item of root.querySelectorAll<HTMLElement>('.positions > li[data-quote-id]')) {
    const on = inView.has(item.dataset.quoteId ?? '');
    item.classList.toggle('in-view', on);
    const badge = item.querySelector<HTMLElement>('.in-view-badge');
    if (badge) badge.hidden = !on;
  }
}
