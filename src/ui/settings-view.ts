/** The reader's switches: what to hide, where the context card appears, and the language. */
import type { Lang } from '../briefing/types';
import type { Settings } from '../core/settings';
import { el } from './dom';
import type { MessageKey, Translate } from '../shared/i18n';

export type ToggleKey = 'hideJobAds' | 'quietReading' | 'cardOnLiveblog' | 'cardOnArticles' | 'entryMarkers' | 'rememberVisits';

/** Each switch's label and, where the label alone could mislead, a line on what it does. */
const TOGGLES: readonly [ToggleKey, MessageKey, MessageKey?][] = [
  ['hideJobAds', 'settingHideJobAds'],
  // The boxes are the newsroom's own reading tips: the hint keeps readers from taking them for adverts.
  ['quietReading', 'settingQuietReading', 'settingQuietReadingHint'],
  ['cardOnLiveblog', 'settingCardOnLiveblog'],
  ['cardOnArticles', 'settingCardOnArticles'],
  ['entryMarkers', 'settingEntryMarkers'],
  ['rememberVisits', 'settingRememberVisits', 'settingRememberVisitsHint'],
];

export const ALL_TOGGLES: readonly ToggleKey[] = TOGGLES.map(([key]) => key);

/**
 * A dismissed card stays away until its switch is turned on again, so a card switch shows
 * whether the card will actually appear, and turning it on brings a dismissed card back.
 */
function toggleChecked(settings: Settings, key: ToggleKey): boolean {
  return settings[key] && !(isCardSwitch(key) && settings.cardDismissed);
}

export function togglePatch(key: ToggleKey, checked: boolean): Partial<Settings> {
  return checked && isCardSwitch(key) ? { [key]: true, cardDismissed: false } : { [key]: checked };
}

function isCardSwitch(key: ToggleKey): boolean {
  return key === 'cardOnLiveblog' || key === 'cardOnArticles';
}

/** Resolves whether the change was saved. */
export type SaveToggle = (key: ToggleKey, checked: boolean) => Promise<boolean>;

/**
 * The switches start disabled: until the stored settings are known, a click could undo them.
 * `keys` picks which: the popup has the job-ad switch alone, the options page all of them.
 */
export function renderSettings(t: Translate, onToggle: SaveToggle, keys: readonly ToggleKey[] = ALL_TOGGLES, heading = true): HTMLElement {
  const error = el('p', { class: 'settings-error', role: 'status' });
  return el(
    'section',
    { id: 'settings', 'aria-label': t('settingsHeading') },
    heading && el('h2', {}, t('settingsHeading')),
    el(
      'ul',
      { class: 'toggles' },
      ...TOGGLES.filter(([key]) => keys.includes(key)).map(([key, label, hint]) => {
        const input = el('input', { type: 'checkbox', id: `setting-${key}`, 'data-setting': key });
        input.disabled = true;
        input.addEventListener('change', () => {
          const checked = input.checked;
          error.textContent = '';
          void onToggle(key, checked).then((saved) => {
            if (saved) return;
            input.checked = !checked;
            error.textContent = t('settingsNotSaved');
          });
        });
        const hintId = `${input.id}-hint`;
        if (hint) input.setAttribute('aria-describedby', hintId);
        return el('li', {}, input, el('label', { for: input.id }, t(label)), hint ? el('p', { class: 'toggle-hint', id: hintId }, t(hint)) : null);
      }),
    ),
    error,
  );
}

export function applySettings(root: ParentNode, settings: Settings): void {
  for (const [key] of TOGGLES) {
    const input = root.querySelector<HTMLInputElement>(`#setting-${key}`);
    if (!input) continue;
    input.checked = toggleChecked(settings, key);
    input.disabled = false;
  }
}

/** Language names in their own language, so each reader finds theirs whatever is shown. */
const LANGUAGE_NAMES: readonly [Lang, string][] = [
  ['de', 'Deutsch'],
  ['en', 'English'],
];

export function renderLanguageSwitch(lang: Lang, t: Translate, onSelect: (lang: Lang) => void): HTMLElement {
  return el(
    'fieldset',
    { class: 'language-switch' },
    el('legend', { class: 'visually-hidden' }, t('languageLegend')),
    ...LANGUAGE_NAMES.map(([value, name]) => {
      const input = el('input', { type: 'radio', name: 'language', id: `language-${value}`, value });
      input.checked = value === lang;
      input.addEventListener('change', () => {
        if (input.checked) onSelect(value);
      });
      return el('label', { for: input.id, lang: value }, input, name);
    }),
  );
}
