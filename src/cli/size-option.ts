import { UsageError } from '../domain/errors.js';
import { parseSize } from '../domain/sizes.js';

/** Reads `--max-size`: bytes, or a number with kB, MB or GB (exit 2 otherwise). */
export function maxSizeOption(text: string): number {
  const bytes = parseSize(text);
  if (bytes === null || bytes <= 0) {
    throw new UsageError(
      `--max-size "${text}" is not a size.`,
      'Give bytes (25000000) or a number with kB, MB or GB (25MB).',
    );
  }
  return bytes;
}
