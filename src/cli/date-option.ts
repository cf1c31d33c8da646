import { parseDate } from '../domain/date-input.js';
import { UsageError } from '../domain/errors.js';

/** Reads a date option relative to `now`, naming the flag when it is not a date (exit 2). */
export function dateOption(flag: string, text: string, now: Date): string {
  const result = parseDate(text, now);
  if (!result.ok) throw new UsageError(`${flag} ${result.error}.`);
  return result.value;
}
