/** The message contract, stored settings and the badge: every receiver gets calm, typed input or nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../src/background/badge';
import { translator } from '../../src/shared/i18n';
import { DEFAULT_SETTINGS, parseSettings, sanitizePatch } from '../../src/core/settings';
import { parseMessage, parseShowQuoteResult, parseTabStatus } from '../../src/shared/messages';

describe('parseMessage', () => {
  it('accepts each message of the contract', () => {
    expect(parseMessage({ type: 'lagebild/status' })).toEqual({ type: 'lagebild/status', quotes: [] });
    expect(parseMessage({ type: 'lagebild/status', quotes: [{ id: 'a', text: 'Wort' }, { id: 'b' }, 'x'] })).toEqual({
      type: 'lagebild/status',
      quotes: [{ id: 'a', text: 'Wort' }],
    });
    expect(parseMessage({ type: 'lagebild/show-quote', quote: { id: 'blinken-position', text: 'Ich habe' } })).toEqual({
      type: 'lagebild/show-quote',
      quote: { id: 'blinken-position', text: 'Ich habe' },
    });
    expect(parseMessage({ type: 'lagebild/card', extra: 1 })).toEqual({ type: 'lagebild/card' });
    expect(parseMessage({ type: 'lagebild/page-report', hiddenCount: 2, headline: 'H' })).toEqual({ type: 'lagebild/page-report', hiddenCount: 2, fresh: 0 });
    expect(parseMessage({ type: 'lagebild/page-report', hiddenCount: 0, fresh: 2 })).toEqual({ type: 'lagebild/page-report', hiddenCount: 0, fresh: 2 });
    expect(parseMessage({ type: 'lagebild/mark-seen', all: 1 })).toEqual({ type: 'lagebild/mark-seen' });
    const visit = { type: 'lagebild/visit', blog: '27982126', start: 5, keys: ['pa1', 'tb2'], gone: [], allSeen: true };
    expect(parseMessage({ ...visit, text: 'Blinken' })).toEqual(visit);
    expect(parseMessage({ ...visit, allSeen: 'ja' })).toEqual({ ...visit, allSeen: false });
    expect(parseMessage({ type: 'lagebild/join', tabId: 4 })).toEqual({ type: 'lagebild/join' });
  });

  it.each([
    null,
    undefined,
    42,
    'lagebild/status',
    [],
    {},
    { type: 'lagebild/unknown' },
    { type: 'lagebild/show-quote' },
    { type: 'lagebild/show-quote', quote: { id: '', text: 'a' } },
    { type: 'lagebild/show-quote', quote: { id: 'x'.repeat(201), text: 'a' } },
    { type: 'lagebild/show-quote', quote: { id: 'a', text: ' ' } },
    { type: 'lagebild/page-report' },
    { type: 'lagebild/page-report', hiddenCount: -1 },
    { type: 'lagebild/visit', blog: '../x', start: 5, keys: [], gone: [] },
    { type: 'lagebild/visit', blog: '1', start: 0, keys: [], gone: [] },
    { type: 'lagebild/visit', blog: '1', start: 5, keys: [7], gone: [] },
    { type: 'lagebild/visit', blog: '1', start: 5, keys: Array.from({ length: 2001 }, (_, i) => `k${i}`), gone: [] },
    { type: 'lagebild/page-report', hiddenCount: 1.5 },
    { type: 'lagebild/page-report', hiddenCount: '3' },
  ])('ignores %j', (raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        parseMessage(raw);
        parseTabStatus(raw);
        parseShowQuoteResult(raw);
        parseSettings(raw);
        sanitizePatch(raw);
      }),
    );
  });
});

describe('parseTabStatus', () => {
  const good = {
    verdict: { kind: 'ukraine-article', articleId: '27996778', aboutUkraine: true, score: 9, headline: 'H', signals: [{ source: 'url', detail: 'slug: ukraine', weight: 2 }] },
    hiddenCount: 1,
    settings: { hideJobAds: false },
    quotesFound: ['blinken-position', 3],
  };

  it('keeps what is valid and fills the rest with calm defaults', () => {
    const status = parseTabStatus(good);
    expect(status?.verdict.kind).toBe('ukraine-article');
    expect(status?.verdict.signals).toHaveLength(1);
    expect(status?.settings).toEqual({ ...DEFAULT_SETTINGS, hideJobAds: false });
    expect(status?.quotesFound).toEqual(['blinken-position']);
  });

  it('drops broken signals and rejects an unknown kind or a bad count', () => {
    expect(parseTabStatus({ ...good, verdict: { ...good.verdict, signals: [{ source: 'x' }, null] } })?.verdict.signals).toEqual([]);
    expect(parseTabStatus({ ...good, verdict: { ...good.verdict, kind: 'nope' } })).toBeNull();
    expect(parseTabStatus({ ...good, hiddenCount: -2 })).toBeNull();
    expect(parseTabStatus(null)).toBeNull();
  });
});

describe('settings from storage', () => {
  it('falls back to defaults for missing or corrupt storage, field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('corrupt')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings([true])).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ hideJobAds: 'no', quietReading: true, language: 'fr' })).toEqual({ ...DEFAULT_SETTINGS, quietReading: true });
  });

  it('keeps only known keys of the right type from a patch', () => {
    expect(sanitizePatch({ hideJobAds: false, evil: 1, language: 'xx', quietReading: 'yes' })).toEqual({ hideJobAds: false });
    expect(sanitizePatch({ language: 'de' })).toEqual({ language: 'de' });
    expect(sanitizePatch(null)).toEqual({});
  });
});

describe('badge', () => {
  const report = { type: 'lagebild/page-report' as const };

  it('shows the count, empty at zero, capped at 99+', () => {
    const t = translator('en');
    expect(badgeFor({ ...report, hiddenCount: 0 }, t).text).toBe('');
    expect(badgeFor({ ...report, hiddenCount: 3 }, t).text).toBe('3');
    expect(badgeFor({ ...report, hiddenCount: 120 }, t).text).toBe('99+');
  });

  it('says in the tooltip how much was hidden, in the reader\'s language', () => {
    expect(badgeFor({ ...report, hiddenCount: 0 }, translator('en')).title).toBe('Lagebild');
    expect(badgeFor({ ...report, hiddenCount: 1 }, translator('en')).title).toBe('Lagebild · 1 block hidden');
    expect(badgeFor({ ...report, hiddenCount: 4 }, translator('de')).title).toBe('Lagebild · 4 Blöcke ausgeblendet');
  });
});
