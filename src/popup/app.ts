/**
 * The popup's state and wiring. The briefing is drawn at once; the tab's status and the stored
 * settings fill in as they arrive, without redrawing what the reader may already be reading.
 * Only a language change redraws everything, and then focus returns to where it was.
 */
import { allQuotes, briefingLanguage } from '../briefing/index';
import type { Briefing, Lang, Quote } from '../briefing/types';
import { UKRAINE_LIVEBLOG_ID } from '../core/selectors';
import type { LanguageChoice, Settings } from '../core/settings';
import type { QuoteQuery } from '../shared/messages';
import { requestShowQuote, requestTabStatus } from '../shared/messaging';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/runtime';
import { applyQuotesFound, renderBriefing } from './briefing-view';
import { el, externalLink, NEW_TAB_NOTE_ID } from './dom';
import { translator } from '../shared/i18n';
import { applySettings, renderLanguageSwitch, renderSettings, togglePatch, type ToggleKey } from './settings-view';
import { renderStatus, updateStatus, type StatusState } from './status-view';

const LIVEBLOG_URL = `https://www.handelsblatt.com/${UKRAINE_LIVEBLOG_ID}.html`;

/** The tab is searched for the German words: they are what the Handelsblatt article prints. */
function quoteQuery(quote: Quote): QuoteQuery {
  return { id: quote.id, text: quote.de };
}

export interface PopupOptions {
  briefing: Briefing;
  /** The browser's language, for readers who never chose one. */
  uiLanguage: string;
  /** The choice from the last visit, known without waiting; the stored settings confirm or correct it. */
  rememberedChoice: LanguageChoice;
  /** Told every stored choice, so the next visit starts in the right language. */
  rememberChoice: (choice: LanguageChoice) => void;
}

export function startPopup(root: HTMLElement, options: PopupOptions): void {
  let choice = options.rememberedChoice;
  let readerChose = false;
  let settings: Settings | null = null;
  let status: StatusState = { phase: 'loading' };
  const lang = (): Lang => briefingLanguage(options.uiLanguage, choice);

  const showQuotesFound = (): void => {
    if (status.phase === 'ready') applyQuotesFound(root, status.status?.quotesFound ?? []);
  };

  const showStatus = (): void => {
    const section = root.querySelector<HTMLElement>('#status');
    if (section) updateStatus(section, status, translator(lang()));
    showQuotesFound();
  };

  const selectLanguage = (next: Lang): void => {
    readerChose = true;
    choice = next;
    options.rememberChoice(next);
    render();
    saveSettings({ language: next }).then(
      (saved) => {
        settings = saved;
      },
      () => {
        // Nowhere to store it: the choice still holds for this visit and the remembered copy.
      },
    );
  };

  const saveToggle = async (key: ToggleKey, checked: boolean): Promise<boolean> => {
    try {
      settings = await saveSettings(togglePatch(key, checked));
      applySettings(root, settings);
      return true;
    } catch {
      return false;
    }
  };

  const showQuote = async (quote: Quote): Promise<boolean> => (await requestShowQuote(quoteQuery(quote))).shown;

  const adoptSettings = (next: Settings, languageCounts: boolean): void => {
    settings = next;
    if (languageCounts && next.language !== choice) {
      options.rememberChoice(next.language);
      const before = lang();
      choice = next.language;
      if (lang() !== before) {
        render();
        return;
      }
    }
    applySettings(root, next);
  };

  function render(): void {
    const current = lang();
    const t = translator(current);
    const doc = root.ownerDocument;
    const focusedId = doc.activeElement?.id;
    doc.documentElement.lang = current;
    doc.title = t('popupTitle');
    root.replaceChildren(
      el(
        'header',
        { class: 'masthead' },
        el('div', { class: 'brand' }, el('h1', {}, t('popupTitle')), el('p', { class: 'tagline' }, t('popupTagline'))),
        renderLanguageSwitch(current, t, selectLanguage),
      ),
      el(
        'main',
        {},
        renderStatus(status, t),
        renderBriefing(options.briefing, { lang: current, t, onShowQuote: showQuote }),
        el('p', { class: 'liveblog' }, externalLink(LIVEBLOG_URL, t('liveblogLink'))),
        renderSettings(t, saveToggle),
      ),
      el('p', { id: NEW_TAB_NOTE_ID, hidden: '' }, t('opensInNewTab')),
    );
    // renderStatus has drawn the status, and the buttons start as a tab without quotes needs them.
    showQuotesFound();
    if (settings) applySettings(root, settings);
    if (focusedId) doc.getElementById(focusedId)?.focus();
  }

  render();

  void loadSettings().then((loaded) => {
    // A choice the reader made while storage was still answering is newer than what it returns.
    adoptSettings(loaded, !readerChose);
  });
  onSettingsChanged((changed) => {
    adoptSettings(changed, true);
  });
  void requestTabStatus(allQuotes(options.briefing).map(quoteQuery))
    .catch(() => null)
    .then((answer) => {
      status = { phase: 'ready', status: answer };
      showStatus();
    });
}
