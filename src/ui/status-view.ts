/**
 * The top of the popup and the side panel: a calm sentence on what this tab is and, in the words a
 * reader uses, what was hidden; under "Why?" the evidence, each kind once, in the reader's language.
 * The live region stays in place while the answer arrives, so screen readers announce it.
 */
import type { RuleId } from '../core/hiding-rules';
import type { Signal, SignalSource } from '../core/page';
import type { HiddenBlocks, TabStatus } from '../shared/messages';
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

/** Structural sources say what the page is whatever it is about; the others count only as evidence on the topic. */
const STRUCTURAL: readonly SignalSource[] = ['host', 'article-id', 'liveblog'];

/**
 * One sentence per kind of evidence, in its order of first mention. The content script's details are
 * for developers (selectors, internal labels, English); a source this popup does not know is left out.
 */
export function signalSentences(signals: readonly Signal[], t: Translate): { source: SignalSource; text: string }[] {
  const seen = new Set<SignalSource>();
  const out: { source: SignalSource; text: string }[] = [];
  for (const { source, weight } of signals) {
    if (!Object.hasOwn(SIGNAL_LABELS, source) || seen.has(source)) continue;
    if (!STRUCTURAL.includes(source) && weight <= 0) continue;
    seen.add(source);
    out.push({ source, text: t(SIGNAL_LABELS[source]) });
  }
  return out;
}

const HIDDEN_MESSAGES: Record<RuleId, [MessageKey, MessageKey]> = {
  jobs: ['hiddenJobsOne', 'hiddenJobsMany'],
  teasers: ['hiddenTeasersOne', 'hiddenTeasersMany'],
};

export function hiddenSentences(hidden: readonly HiddenBlocks[], t: Translate): string[] {
  return hidden.map(({ rule, count }) => (count === 1 ? t(HIDDEN_MESSAGES[rule][0]) : t(HIDDEN_MESSAGES[rule][1], count)));
}

/** "5 Einträge zu den Gesprächen." on the live blog, in the popup's status line and the panel. */
export function liveblogSentence(related: number, t: Translate): string {
  if (related === 0) return t('liveblogNone');
  return `${related === 1 ? t('liveblogCountOne') : t('liveblogCountMany', related)}.`;
}

/** When the last visit began: its time on the same day, with the day before ("20.01., 13:00"), in the 24-hour clock both languages print here. */
export function visitTime(at: number, now = Date.now()): string {
  const clock = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const day = (ms: number): string => new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit' }).format(ms);
  return day(at) === day(now) && now - at < 86_400_000 ? clock : `${day(at)}, ${clock}`;
}

/** "2 neue Einträge zu den Gesprächen seit Ihrem letzten Besuch (13:00)."; nothing on a first visit or when visits are not remembered. */
export function freshSentence(liveblog: NonNullable<TabStatus['liveblog']>, t: Translate, now = Date.now()): string | null {
  const { fresh, lastVisit } = liveblog;
  if (fresh === null || lastVisit === null) return null;
  const time = visitTime(lastVisit, now);
  if (fresh === 0) return t('statusLiveblogNothingNew', time);
  return fresh === 1 ? t('statusLiveblogFreshOne', time) : t('statusLiveblogFreshMany', fresh, time);
}

function liveblogStatus(liveblog: TabStatus['liveblog'], t: Translate): string {
  if (!liveblog) return t('statusUkraineLiveblog');
  // A blog with nothing about the event: the briefing is no background to it, so the sentence does not offer it as
  // one, and "nothing new about the talks" would only say again that there is nothing.
  if (liveblog.related === 0) return `${t('statusUkraineLiveblogNothing')} ${liveblogSentence(0, t)}`;
  return [t('statusUkraineLiveblog'), liveblogSentence(liveblog.related, t), freshSentence(liveblog, t)].filter(Boolean).join(' ');
}

function statusSentence(state: StatusState, t: Translate): string {
  if (state.phase === 'loading') return t('statusLoading');
  const { status } = state;
  if (!status) return t('statusNotHandelsblatt');
  switch (status.verdict.kind) {
    case 'ukraine-article':
      return hiddenSentence(status, t);
    case 'ukraine-liveblog':
      return liveblogStatus(status.liveblog, t);
    case 'article':
      return t('statusArticle');
    case 'handelsblatt-page':
      return t('statusHandelsblattPage');
    case 'not-handelsblatt':
      return t('statusNotHandelsblatt');
  }
}

function hiddenSentence({ hidden, settings }: TabStatus, t: Translate): string {
  if (hidden.length > 0) return [t('statusUkraineArticle'), ...hiddenSentences(hidden, t)].join(' ');
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
  const sentences = signalSentences(status.verdict.signals, t);
  if (sentences.length === 0) return el('p', {}, t('statusWhyNoSignals'));
  return el('ul', { class: 'signals' }, ...sentences.map(({ source, text }) => el('li', { 'data-signal-source': source }, text)));
}
