export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Three significant decimals for ms figures: the JSON stays readable, nothing measured is lost. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The interquartile range: how far the middle half of the values spreads. */
export function spread(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => {
    const i = (sorted.length - 1) * q;
    const low = Math.floor(i);
    return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (i - low);
  };
  return at(0.75) - at(0.25);
}
