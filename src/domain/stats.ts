/** Small statistics for `report`. Amounts stay integer minor units; only the ratios are floats. */

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** `part ÷ whole`, or null when there is no whole to divide by (never NaN or Infinity). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
