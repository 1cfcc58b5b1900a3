/** The options page: every switch, each saved as it changes, in the reader's language; the live blogs remembered, and their forgetting. */
import { rememberedBlogs } from '../core/liveblog/visits';
import type { Translate } from '../shared/i18n';
import { forgetVisits, loadVisits, onVisitsChanged } from '../shared/visits-store';
import { el } from '../ui/dom';
import { renderSettings } from '../ui/settings-view';
import { startShell, type ShellOptions } from '../ui/shell';
import { applyVisits, renderVisits } from '../ui/visits-view';

export function startOptions(root: HTMLElement, options: ShellOptions): void {
  let blogs = 0;
  // The language the page was drawn in last: the count is shown in it.
  let drawnIn: Translate | null = null;
  const show = (): void => {
    if (drawnIn) applyVisits(root, blogs, drawnIn);
  };
  startShell(root, options, {
    title: 'optionsTitle',
    kind: 'options',
    main: ({ t, saveToggle }) => {
      drawnIn = t;
      return [
        el('h2', { class: 'page-title' }, t('settingsHeading')),
        renderSettings(t, saveToggle, undefined, false),
        renderVisits(t, () => forgetVisits().catch(() => undefined)),
      ];
    },
    drawn: show,
  });
  const count = (raw: unknown): void => {
    blogs = rememberedBlogs(raw);
    show();
  };
  onVisitsChanged(count);
  void loadVisits().then(count);
}
