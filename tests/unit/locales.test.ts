import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatMessage, translator } from '../../src/shared/i18n';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/_locales');
const DEFAULT_LOCALE = 'en';

function load(locale: string): Record<string, Entry> {
  return JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, Entry>;
}

const locales = readdirSync(localesDir).sort();
const catalogs = new Map(locales.map((locale) => [locale, load(locale)]));
const defaults = catalogs.get(DEFAULT_LOCALE)!;

/** Placeholder names used in a message, lower-cased as the browsers compare them. */
function namesIn(message: string): string[] {
  return [...message.matchAll(/\$([\w@]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
}

describe('locales', () => {
  it('are the two the popup offers', () => {
    expect(locales).toEqual(['de', 'en']);
  });

  it('keep the keys the manifest uses', () => {
    for (const catalog of catalogs.values()) expect(Object.keys(catalog)).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle']));
  });

  it.each(locales)('%s has exactly the default locale’s keys, with valid names', (locale) => {
    const catalog = catalogs.get(locale)!;
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(defaults).sort());
    for (const key of Object.keys(catalog)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it.each(locales)('%s has no empty message', (locale) => {
    for (const [key, entry] of Object.entries(catalogs.get(locale)!)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it.each(locales)('%s declares every placeholder it uses, and uses every one it declares', (locale) => {
    for (const [key, entry] of Object.entries(catalogs.get(locale)!)) {
      const declared = Object.keys(entry.placeholders ?? {}).sort();
      expect(declared.every((name) => name === name.toLowerCase()), key).toBe(true);
      expect([...new Set(namesIn(entry.message))], key).toEqual(declared);
    }
  });

  it.each(locales)('%s fills its placeholders from the same substitutions as the default', (locale) => {
    for (const [key, entry] of Object.entries(catalogs.get(locale)!)) {
      const contents = (placeholders: Entry['placeholders']) =>
        Object.fromEntries(Object.entries(placeholders ?? {}).map(([name, placeholder]) => [name, placeholder.content]));
      expect(contents(entry.placeholders), key).toEqual(contents(defaults[key]!.placeholders));
    }
  });
});

describe('formatMessage', () => {
  it('fills named placeholders from positional substitutions, as browsers do', () => {
    const entry = { message: 'Von $FROM$ bis $to$: $$5', placeholders: { from: { content: '$1' }, to: { content: '$2' } } };
    expect(formatMessage(entry, ['Genf', 3])).toBe('Von Genf bis 3: $5');
  });

  it('leaves nothing of a missing substitution behind', () => {
    expect(formatMessage({ message: 'n = $COUNT$', placeholders: { count: { content: '$1' } } }, [])).toBe('n = ');
  });

  it('looks messages up in the chosen language', () => {
    expect(translator('de')('hiddenJobsMany', 4)).toBe('4 Stellenangebot-Widgets „Top-Jobs des Tages“ ausgeblendet.');
    expect(translator('en')('hiddenJobsMany', 4)).toBe('Hid 4 job-ad widgets “Top-Jobs des Tages”.');
  });
});
