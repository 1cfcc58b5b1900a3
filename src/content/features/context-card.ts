/**
 * The context card: a compact, dismissible note at the top of the Ukraine live blog where it has
 * entries about the event, with their count (and of Ukraine articles when the reader wants it),
 * that links the day's news to the Geneva briefing. It lives in a
 * closed shadow root, so the site's CSS cannot reach in, its own cannot leak out, and the page's
 * scripts cannot read it. Its text comes from the background, which holds the briefing; the content
 * script stays small. It follows the verdict and the settings, also across in-page navigation.
 */
import type { LanguageChoice } from '../../core/settings';
import { ARTICLE_ROOT } from '../../core/selectors';
import type { CardContent } from '../../shared/messages';
import { requestCard, requestOpenPanel } from '../../shared/messaging';
import { saveSettings } from '../../shared/runtime';
import type { ContentContext } from '../context';
import { el } from '../dom';
import { CARD_CSS } from './context-card.css';

const CARD_TAG = 'lagebild-card';

/**
 * Where focus goes when the card it was in is closed: the story below it, not `<body>`, where a
 * keyboard reader would have to start over. The story gets tabindex -1 only if it has none, so it
 * can take focus without joining the tab order.
 */
function focusStory(doc: Document): void {
  const story = doc.querySelector<HTMLElement>(ARTICLE_ROOT) ?? doc.querySelector<HTMLElement>('main');
  if (story === null) return;
  if (!story.hasAttribute('tabindex')) story.setAttribute('tabindex', '-1');
  story.focus({ preventScroll: true });
}

/** "5 Einträge zu den Gesprächen" from the card's labels. */
function entriesSentence(labels: CardContent['labels'], related: number): string {
  return related === 1 ? labels.entriesOne : labels.entriesMany.replace('$1', String(related));
}

/** The live blog's count and the way to its entries in the side panel; empty off a live blog. */
function fillLiveRow(doc: Document, row: HTMLElement, labels: CardContent['labels'], related: number | null, expand: () => void): void {
  row.hidden = related === null;
  if (related === null) return;
  const sentence = entriesSentence(labels, related);
  if (row.dataset.count === sentence) return;
  row.dataset.count = sentence;
  const open = el(doc, 'button', { type: 'button', class: 'open-panel' }, labels.openPanel);
  open.addEventListener('click', () => {
    // Where the browser opens no panel from a click in the page, the card shows the positions in place.
    void requestOpenPanel().then((opened) => {
      if (!opened) expand();
    });
  });
  row.replaceChildren(el(doc, 'span', { class: 'count' }, sentence), ' ', open);
}

interface RenderedCard {
  host: HTMLElement;
  setRelated: (related: number | null) => void;
}

/** The card's host, filled; `onDismiss` runs when the reader closes it. */
function renderCard(doc: Document, content: CardContent, currentArticleId: string | null, onDismiss: () => void): RenderedCard {
  const { labels } = content;
  const hint = el(doc, 'span', { class: 'hint', 'aria-hidden': 'true' }, labels.expand, ' ', el(doc, 'span', { class: 'chevron' }, '▾'));
  const toggle = el(doc, 'button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'details' },
    // The date first and never cut off: a long title is what the narrow card shortens.
    el(doc, 'time', { class: 'date', datetime: content.date.iso }, content.date.text), el(doc, 'span', { class: 'title' }, content.title), hint);
  const dismiss = el(doc, 'button', { type: 'button', class: 'dismiss', 'aria-label': labels.dismiss, title: labels.dismiss }, '×');
  const sides = content.sides.map((side) =>
    el(doc, 'div', { class: 'side' }, el(doc, 'h3', {}, side.name), el(doc, 'ul', {}, ...side.positions.map((p) => el(doc, 'li', {}, p)))));
  // On the article the link points to, it would only reload the page.
  const link = currentArticleId !== null && content.link.url.endsWith(`/${currentArticleId}.html`)
    ? []
    : [el(doc, 'a', { href: content.link.url }, content.link.label)];
  const details = el(doc, 'div', { class: 'details', id: 'details', hidden: '' },
    el(doc, 'p', { class: 'summary' }, content.summary), el(doc, 'div', { class: 'sides' }, ...sides), ...link);
  const live = el(doc, 'p', { class: 'live', hidden: '' });
  const card = el(doc, 'section', { class: 'card', 'aria-label': labels.region, lang: content.lang },
    el(doc, 'div', { class: 'bar' }, el(doc, 'span', { class: 'brand', 'aria-hidden': 'true' }, 'Lagebild'), toggle, dismiss), live, details);

  // The toggle's name stays the title; aria-expanded tells its state, the visible hint says the same.
  const setExpanded = (open: boolean): void => {
    toggle.setAttribute('aria-expanded', String(open));
    details.hidden = !open;
    hint.firstChild?.replaceWith(open ? labels.collapse : labels.expand);
  };
  toggle.addEventListener('click', () => {
    setExpanded(toggle.getAttribute('aria-expanded') !== 'true');
  });
  card.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || details.hidden) return;
    setExpanded(false);
    toggle.focus();
  });
  dismiss.addEventListener('click', onDismiss);

  const host = doc.createElement(CARD_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.append(el(doc, 'style', {}, CARD_CSS), card);
  return { host, setRelated: (related) => { fillLiveRow(doc, live, labels, related, () => { setExpanded(true); }); } };
}

/** Above the story body; without one (unknown markup), at the top of the page's main content. */
function place(doc: Document, host: HTMLElement): void {
  const story = doc.querySelector(ARTICLE_ROOT);
  if (story?.parentNode) {
    if (story.previousElementSibling !== host) story.before(host);
    return;
  }
  const top = doc.querySelector('main') ?? doc.querySelector('body');
  if (top !== null && top.firstElementChild !== host) top.prepend(host);
}

/** Whether the card still stands right above a story, where `place` puts it. */
const aboveStory = (host: HTMLElement): boolean => host.isConnected && host.nextElementSibling?.matches(ARTICLE_ROOT) === true;

export function contextCard(ctx: ContentContext): void {
  const { doc, signal } = ctx;
  /** Until stored settings arrive, defaults could show a card the reader dismissed long ago. */
  let settingsKnown = false;
  /** Closed here; stays closed until the saved choice comes back as a settings change. */
  let dismissedHere = false;
  let card: (RenderedCard & { language: LanguageChoice; articleId: string | null }) | null = null;
  let cached: { language: LanguageChoice; content: CardContent } | null = null;
  let asking: LanguageChoice | null = null;

  const wanted = (): boolean => {
    const { settings, verdict } = ctx;
    if (!settingsKnown || dismissedHere || settings.cardDismissed || verdict === null) return false;
    // A card about the event above a day of other news is noise: on a live blog it waits for an entry about the event.
    if (verdict.kind === 'ukraine-liveblog') return settings.cardOnLiveblog && (ctx.liveblog?.related ?? 0) > 0;
    return verdict.kind === 'ukraine-article' && settings.cardOnArticles;
  };

  const remove = (): void => {
    card?.host.remove();
    card = null;
  };

  const dismiss = (): void => {
    dismissedHere = true;
    const hadFocus = card !== null && doc.activeElement === card.host;
    remove();
    if (hadFocus) focusStory(doc);
    saveSettings({ cardDismissed: true }).catch(() => {
      // Not saved (extension gone): the card stays closed on this page all the same.
    });
  };

  const sync = (): void => {
    if (signal.aborted) return;
    if (!wanted()) {
      remove();
      return;
    }
    const { language } = ctx.settings;
    const articleId = ctx.verdict?.articleId ?? null;
    if (card !== null && (card.language !== language || card.articleId !== articleId)) remove();
    if (card === null && cached?.language === language) {
      // A card left by an earlier instance of this script (the extension was updated) makes way.
      for (const stray of doc.querySelectorAll(CARD_TAG)) stray.remove();
      card = { ...renderCard(doc, cached.content, articleId, dismiss), language, articleId };
    }
    if (card !== null) {
      card.setRelated(ctx.liveblog?.related ?? null);
      place(doc, card.host);
      return;
    }
    if (asking === language) return;
    asking = language;
    void requestCard().then((content) => {
      if (asking === language) asking = null;
      if (content === null) return;
      cached = { language, content };
      sync();
    });
  };

  ctx.onFindings(sync);
  ctx.onSettings(() => {
    settingsKnown = true;
    dismissedHere = false;
    sync();
  });
  // The site re-renders the story on in-page navigation and may take the card with it; most changes
  // (a live blog's entries) leave it above the story, and cost one look.
  ctx.onPageChange(() => {
    if (card !== null && !aboveStory(card.host)) sync();
  });
  signal.addEventListener('abort', remove);
}
