/**
 * Popup entry: the one popup file that asks the extension API directly. The briefing is bundled,
 * so it is drawn before anything is awaited; see app.ts for what fills in afterwards.
 * The API comes from shared/browser.ts like everywhere else: every call the popup makes is
 * promise-based in both browsers, so webextension-polyfill would only add weight.
 */
import { briefing } from '../briefing/index';
import { parseSettings, type LanguageChoice } from '../core/settings';
import { ext } from '../shared/browser';
import { startPopup } from './app';

/**
 * A copy of settings.language in the popup's own localStorage: unlike extension storage it can
 * be read synchronously, so a reader who chose the other language never sees the browser's first.
 * The stored settings stay the truth and correct this copy on every visit.
 */
const CHOICE_KEY = 'lagebild.language';

function rememberedChoice(): LanguageChoice {
  try {
    return parseSettings({ language: localStorage.getItem(CHOICE_KEY) }).language;
  } catch {
    return 'auto';
  }
}

function rememberChoice(choice: LanguageChoice): void {
  try {
    localStorage.setItem(CHOICE_KEY, choice);
  } catch {
    // Without localStorage the next visit starts in the browser's language until storage answers.
  }
}

const root = document.getElementById('app');
if (root) {
  startPopup(root, { briefing, uiLanguage: ext().i18n.getUILanguage(), rememberedChoice: rememberedChoice(), rememberChoice });
}
