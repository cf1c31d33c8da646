/** Rates as people read them: rounded only here, when shown, and as a small bar. */

/** `62%`; `—` when there is no rate. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `width` cells wide, in eighths of a cell; a rate above 100% fills it. */
export function rateBar(rate: number | null, width = 10): string {
  if (rate === null) return '·'.repeat(width);
  const eighths = Math.round(Math.min(Math.max(rate, 0), 1) * width * 8);
  const bar = '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
  return bar + '·'.repeat(width - [...bar].length);
}
