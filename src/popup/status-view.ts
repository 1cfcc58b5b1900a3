/**
 * The top of the popup: one calm sentence on what this tab is, and under "Why?" the evidence.
 * The live region stays in place while the answer arrives, so screen readers announce it.
 */
import type { SignalSource } from '../core/page';
import type { TabStatus } from '../shared/messages';
import { el } from './dom';
import type { MessageKey, Translate } from '../shared/i18n';

/** `null` once answered: no content script in the tab, or an answer that did not parse. */
export type StatusState = { phase: 'loading' } | { phase: 'ready'; status: TabStatus | null };

// A record, so a new kind of signal fails the type check until it has a label.
const SIGNAL_LABELS: Record<SignalSource, MessageKey> = {
  host: 'signalHost',
  url: 'signalUrl',
  'article-id': 'signalArticleId',
  'json-ld': 'signalJsonLd',
  meta: 'signalMeta',
  'topic-link': 'signalTopicLink',
  kicker: 'signalKicker',
  headline: 'signalHeadline',
  liveblog: 'signalLiveblog',
  body: 'signalBody',
};

/** A content script newer than this popup may name a source it does not know: shown as it came. */
function signalLabel(source: string, t: Translate): string {
  return Object.hasOwn(SIGNAL_LABELS, source) ? t(SIGNAL_LABELS[source as SignalSource]) : source;
}

function statusSentence(state: StatusState, t: Translate): string {
  if (state.phase === 'loading') return t('statusLoading');
  const { status } = state;
  if (!status) return t('statusNotHandelsblatt');
  switch (status.verdict.kind) {
    case 'ukraine-article':
      return hiddenSentence(status, t);
    case 'ukraine-liveblog':
      return t('statusUkraineLiveblog');
    case 'article':
      return t('statusArticle');
    case 'handelsblatt-page':
      return t('statusHandelsblattPage');
    case 'not-handelsblatt':
      return t('statusNotHandelsblatt');
  }
}

function hiddenSentence({ hiddenCount, settings }: TabStatus, t: Translate): string {
  if (hiddenCount === 1) return t('statusUkraineArticleHiddenOne');
  if (hiddenCount > 1) return t('statusUkraineArticleHiddenMany', hiddenCount);
  return settings.hideJobAds || settings.quietReading ? t('statusUkraineArticleNoneHidden') : t('statusUkraineArticleHidingOff');
}

/** The kind a test or a reader's tool can select on: `loading`, or the kind the sentence speaks of. */
function statusKind(state: StatusState): string {
  if (state.phase === 'loading') return 'loading';
  return state.status?.verdict.kind ?? 'not-handelsblatt';
}

export function renderStatus(state: StatusState, t: Translate): HTMLElement {
  const section = el(
    'section',
    { id: 'status', 'aria-labelledby': 'status-heading' },
    el('h2', { id: 'status-heading', class: 'kicker' }, t('statusHeading')),
    el('p', { class: 'status-sentence', role: 'status' }),
    el('div', { class: 'status-detail' }),
  );
  updateStatus(section, state, t);
  return section;
}

/** Fills in an answer without replacing the live region, which would silence it. */
export function updateStatus(section: HTMLElement, state: StatusState, t: Translate): void {
  section.dataset.statusKind = statusKind(state);
  const sentence = section.querySelector('.status-sentence');
  if (sentence) sentence.textContent = statusSentence(state, t);
  section.querySelector('.status-detail')?.replaceChildren(...(state.phase === 'ready' ? details(state.status, t) : []));
}

function details(status: TabStatus | null, t: Translate): HTMLElement[] {
  // Handelsblatt headlines are German whatever the popup's language.
  const headline = status?.verdict.headline?.trim();
  return [
    headline ? el('p', { class: 'status-headline', lang: 'de' }, headline) : null,
    el('details', { class: 'why' }, el('summary', {}, t('statusWhy')), why(status, t)),
  ].filter((node) => node !== null);
}

function why(status: TabStatus | null, t: Translate): HTMLElement {
  if (!status) return el('p', {}, t('statusWhyNoAnswer'));
  if (status.verdict.signals.length === 0) return el('p', {}, t('statusWhyNoSignals'));
  return el(
    'ul',
    { class: 'signals' },
    ...status.verdict.signals.map((signal) =>
      el('li', { 'data-signal-source': signal.source }, el('span', { class: 'signal-source' }, signalLabel(signal.source, t)), ' ', signal.detail),
    ),
  );
}
