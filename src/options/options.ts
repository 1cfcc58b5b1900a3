/** The options page: every switch, each saved as it changes, in the reader's language. */
import { el } from '../popup/dom';
import { renderSettings } from '../popup/settings-view';
import { startShell, type ShellOptions } from '../popup/shell';

export function startOptions(root: HTMLElement, options: ShellOptions): void {
  startShell(root, options, {
    title: 'optionsTitle',
    kind: 'options',
    main: ({ t, saveToggle }) => [el('h2', { class: 'page-title' }, t('settingsHeading')), renderSettings(t, saveToggle, undefined, false)],
  });
}
