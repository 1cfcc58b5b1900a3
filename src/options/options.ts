/** The options page: every switch, each saved as it changes, in the reader's language. */
import { el } from '../ui/dom';
import { renderSettings } from '../ui/settings-view';
import { startShell, type ShellOptions } from '../ui/shell';

export function startOptions(root: HTMLElement, options: ShellOptions): void {
  startShell(root, options, {
    title: 'optionsTitle',
    kind: 'options',
    main: ({ t, saveToggle }) => [el('h2', { class: 'page-title' }, t('settingsHeading')), renderSettings(t, saveToggle, undefined, false)],
  });
}
