/**
 * Popup entry: the one popup file that asks the extension API directly. The briefing is bundled,
 * so it is drawn before anything is awaited; see app.ts for what fills in afterwards.
 * The API comes from shared/browser.ts, as in the content scripts: every call the popup makes is
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

/** The class popup.css holds the parts below the fold back with. */
const BEFORE_FIRST_PAINT = 'before-first-paint';
/** A browser that reports no paint gets those parts drawn after this all the same. */
const PAINT_WAIT_MS = 1000;

/**
 * Draws the parts below the fold once the popup has shown its first contentful paint, while the
 * reader looks at the top: before it, they would only have made the reader wait for that paint.
 */
function drawAllAfterFirstPaint(html: HTMLElement): void {
  const drawAll = (): void => {
    clearTimeout(timer);
    observer?.disconnect();
    html.classList.remove(BEFORE_FIRST_PAINT);
  };
  const timer = setTimeout(drawAll, PAINT_WAIT_MS);
  const observer = PerformanceObserver.supportedEntryTypes.includes('paint')
    ? new PerformanceObserver((entries) => {
        if (entries.getEntriesByName('first-contentful-paint').length > 0) drawAll();
      })
    : undefined;
  if (observer) observer.observe({ type: 'paint', buffered: true });
  else drawAll();
}

const root = document.getElementById('app');
if (root) {
  startPopup(root, { briefing, uiLanguage: ext().i18n.getUILanguage(), rememberedChoice: rememberedChoice(), rememberChoice });
  drawAllAfterFirstPaint(document.documentElement);
}
