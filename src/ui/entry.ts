/**
 * What the entries of the popup, the side panel and the options page share: the browser's language
 * and the reader's last choice. These are the files that ask the extension API directly.
 */
import { parseSettings, type LanguageChoice } from '../core/settings';
import { ext } from '../shared/browser';
import type { ShellOptions } from './shell';

/**
 * A copy of settings.language in the pages' own localStorage: unlike extension storage it can be
 * read synchronously, so a reader who chose the other language never sees the browser's first.
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

export function shellOptions(): ShellOptions {
  return { uiLanguage: ext().i18n.getUILanguage(), rememberedChoice: rememberedChoice(), rememberChoice };
}
