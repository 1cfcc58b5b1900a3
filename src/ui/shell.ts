/**
 * What the popup, the side panel and the options page share: the masthead with the language switch,
 * the reader's language choice and the stored settings. Each page draws its own main part; the shell
 * redraws it only on a language change, and then focus returns to where it was.
 */
import { briefingLanguage } from '../briefing/index';
import type { Lang } from '../briefing/types';
import type { LanguageChoice, Settings } from '../core/settings';
import { translator, type MessageKey, type Translate } from '../shared/i18n';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/runtime';
import { el, NEW_TAB_NOTE_ID, type Child } from './dom';
import { applySettings, renderLanguageSwitch, togglePatch, type SaveToggle } from './settings-view';

export interface ShellOptions {
  /** The browser's language, for readers who never chose one. */
  uiLanguage: string;
  /** The choice from the last visit, known without waiting; the stored settings confirm or correct it. */
  rememberedChoice: LanguageChoice;
  /** Told every stored choice, so the next visit starts in the right language. */
  rememberChoice: (choice: LanguageChoice) => void;
}

export interface PageView {
  /** The document's title and the page's kind, for styles and tests. */
  title: MessageKey;
  kind: 'popup' | 'panel' | 'options';
  main(shell: Shell): Child[];
  /** After each full drawing: state that arrived since is applied to the fresh elements. */
  drawn?(): void;
}

export interface Shell {
  lang: () => Lang;
  t: Translate;
  /** The stored settings, once read. */
  settings: () => Settings | null;
  saveToggle: SaveToggle;
  render: () => void;
}

/** Draws the whole page in the shell's language: the masthead, the view's main part, the one new-tab note; focus stays where it was. */
function drawPage(root: HTMLElement, view: PageView, shell: Shell, selectLanguage: (next: Lang) => void): void {
  const current = shell.lang();
  const t = translator(current);
  const doc = root.ownerDocument;
  const focusedId = doc.activeElement?.id;
  doc.documentElement.lang = current;
  doc.documentElement.dataset.page = view.kind;
  doc.title = t(view.title);
  root.replaceChildren(
    el(
      'header',
      { class: 'masthead' },
      el('div', { class: 'brand' }, el('h1', {}, t('popupTitle')), el('p', { class: 'tagline' }, t('popupTagline'))),
      renderLanguageSwitch(current, t, selectLanguage),
    ),
    el('main', {}, ...view.main(shell)),
    el('p', { id: NEW_TAB_NOTE_ID, hidden: '' }, t('opensInNewTab')),
  );
  const settings = shell.settings();
  if (settings) applySettings(root, settings);
  view.drawn?.();
  if (focusedId) doc.getElementById(focusedId)?.focus();
}

export function startShell(root: HTMLElement, options: ShellOptions, view: PageView): Shell {
  let choice = options.rememberedChoice;
  let readerChose = false;
  let settings: Settings | null = null;
  const lang = (): Lang => briefingLanguage(options.uiLanguage, choice);

  const shell: Shell = {
    lang,
    t: (key, ...substitutions) => translator(lang())(key, ...substitutions),
    settings: () => settings,
    saveToggle: async (key, checked) => {
      try {
        settings = await saveSettings(togglePatch(key, checked));
        applySettings(root, settings);
        return true;
      } catch {
        return false;
      }
    },
    render,
  };

  function selectLanguage(next: Lang): void {
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
  }

  function adoptSettings(next: Settings, languageCounts: boolean): void {
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
  }

  function render(): void {
    drawPage(root, view, shell, selectLanguage);
  }

  render();
  void loadSettings().then((loaded) => {
    // A choice the reader made while storage was still answering is newer than what it returns.
    adoptSettings(loaded, !readerChose);
  });
  onSettingsChanged((changed) => {
    adoptSettings(changed, true);
  });
  return shell;
}
