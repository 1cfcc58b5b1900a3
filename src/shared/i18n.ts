/**
 * Interface strings in the reader's chosen language, for the popup, the badge and the context card.
 *
 * `browser.i18n.getMessage` answers only in the browser's language, but the reader can switch
 * the popup to the other one. So both locale files are bundled into the popup (about 7 KB) and
 * looked up here; they stay the extension's `_locales` as well, so the manifest and the popup
 * share one set of strings. `browser.i18n` is asked once, in the entry, for the initial choice.
 */
import type { Lang } from '../briefing/types';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** Looks up a message and fills its placeholders with the substitutions, in order ($1, $2, …). */
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

// Typed as a full record, so a key missing from the German file fails the type check.
const CATALOGS: Record<Lang, Record<MessageKey, LocaleMessage>> = { de, en };

/** Chrome's rules: `$name$` (any case) names a placeholder, whose content may hold `$1`…`$9`; `$$` is a dollar sign. */
export function formatMessage(entry: LocaleMessage, substitutions: readonly (string | number)[]): string {
  return entry.message.replace(/\$\$|\$([\w@]+)\$/g, (_match, name: string | undefined) => {
    if (name === undefined) return '$';
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_ref, index: string) => String(substitutions[Number(index) - 1] ?? ''));
  });
}

export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, ...substitutions) => formatMessage(catalog[key], substitutions);
}
