/** The user's settings, their defaults, and how stored values are read back. Pure: no browser APIs. */

export type LanguageChoice = 'auto' | 'de' | 'en';

export interface Settings {
  /** Hide the "Top-Jobs des Tages" widget and other job offers. */
  hideJobAds: boolean;
  /** Hide in-article promotional teasers (">> Lesen Sie hier mehr …"). */
  quietReading: boolean;
  /** Show the context card at the top of the Ukraine live blog. */
  cardOnLiveblog: boolean;
  /** Show the context card at the top of Ukraine articles. */
  cardOnArticles: boolean;
  /** The reader dismissed the context card; it stays away until switched on again. */
  cardDismissed: boolean;
  /** Mark the live-blog entries about the event beside their time. */
  entryMarkers: boolean;
  /** Remember the entries of live blogs visited, to tell what is new at the next visit (storage.local only). */
  rememberVisits: boolean;
  /** Language of the briefing: follow the browser, or fixed. */
  language: LanguageChoice;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hideJobAds: true,
  quietReading: false,
  cardOnLiveblog: true,
  cardOnArticles: false,
  cardDismissed: false,
  entryMarkers: true,
  rememberVisits: true,
  language: 'auto',
});

export const SETTINGS_KEY = 'settings';

/**
 * The settings every page load acts on: which blocks to hide, and whether to bring the page
 * features to any article. The rest matter only where those features run (a live blog, a Ukraine
 * article with the card, the popup's or panel's tab), which read the stored settings themselves.
 */
const PAGE_LOAD_KEYS = ['hideJobAds', 'quietReading', 'cardOnArticles'] as const satisfies readonly (keyof Settings)[];

/** Whether a page load must read the stored settings: they differ from the defaults where every page acts on them. */
export function pageLoadNeedsStored(settings: Settings): boolean {
  return PAGE_LOAD_KEYS.some((key) => settings[key] !== DEFAULT_SETTINGS[key]);
}

export function sameSettings(a: Settings, b: Settings): boolean {
  return (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).every((key) => a[key] === b[key]);
}

const LANGUAGES: readonly LanguageChoice[] = ['auto', 'de', 'en'];

/**
 * Reads whatever storage returned. Missing, corrupt or foreign values fall back to the
 * default field by field, so one bad value never costs the reader the others.
 */
export function parseSettings(raw: unknown): Settings {
  const source: Record<string, unknown> = isRecord(raw) ? raw : {};
  const bool = (key: keyof Settings): boolean => {
    const value = source[key];
    return typeof value === 'boolean' ? value : (DEFAULT_SETTINGS[key] as boolean);
  };
  const language = source.language;
  return {
    hideJobAds: bool('hideJobAds'),
    quietReading: bool('quietReading'),
    cardOnLiveblog: bool('cardOnLiveblog'),
    cardOnArticles: bool('cardOnArticles'),
    cardDismissed: bool('cardDismissed'),
    entryMarkers: bool('entryMarkers'),
    rememberVisits: bool('rememberVisits'),
    language: LANGUAGES.includes(language as LanguageChoice) ? (language as LanguageChoice) : DEFAULT_SETTINGS.language,
  };
}

/** Keeps only known keys with values of the right type, so a bad patch cannot corrupt storage. */
export function sanitizePatch(patch: unknown): Partial<Settings> {
  if (!isRecord(patch)) return {};
  const parsed = parseSettings(patch);
  const out: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (key in patch && patch[key] === parsed[key]) (out as Record<string, unknown>)[key] = parsed[key];
  }
  return out;
}

/**
 * What a save stores: the settings and when they were saved. A save that sync refuses (quota, write
 * rate) goes to storage.local, so the two areas can disagree; a load takes the copy saved last.
 */
export interface StoredSettings extends Settings {
  /** The save time, or one past the previous save's when the clock went back, so saves stay ordered. */
  savedAt: number;
}

function savedAt(raw: unknown): number {
  return isRecord(raw) && typeof raw.savedAt === 'number' && Number.isFinite(raw.savedAt) ? raw.savedAt : 0;
}

/** The copy saved last; sync on a tie, as for copies stored before saves were stamped. */
export function latestStored(sync: unknown, local: unknown): unknown {
  if (sync === undefined) return local;
  if (local === undefined) return sync;
  return savedAt(local) > savedAt(sync) ? local : sync;
}

/** Stamps settings for storing after `previous`, the copy they were derived from. */
export function stampSettings(settings: Settings, previous: unknown, now: number): StoredSettings {
  return { ...settings, savedAt: Math.max(now, savedAt(previous) + 1) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
