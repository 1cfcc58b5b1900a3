/**
 * The small checks every message parser shares: IDs, counts, strings, days and times as a receiver
 * takes them from a message it cannot trust.
 */

export const MAX_ID = 200;
/** IDs a list carries at most. */
const MAX_IDS = 50;

export function parseIds(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.slice(0, MAX_IDS).filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID) : [];
}

export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export const isString = (value: unknown): value is string => typeof value === 'string';

export const parseDay = (raw: unknown): string | null => (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null);

export const parseTime = (raw: unknown): number | null => (typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : null);
