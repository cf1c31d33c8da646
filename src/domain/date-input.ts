/**
 * Reading a date as people type it. date-fns parses the full ISO 8601 forms; it is imported one
 * function at a time, and only by the commands that read dates (its first import costs ~10 ms).
 */
import { addDays } from 'date-fns/addDays';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { isCalendarDate, toLocalDate } from './dates.js';
import type { Parsed } from './parsed.js';

export const DATE_FORMS = 'YYYY-MM-DD, a full ISO 8601 date-time, "today" or "yesterday"';

/** Reads a date as users type it, relative to `now` for `today` and `yesterday`. */
export function parseDate(text: string, now: Date): Parsed<string> {
  const input = text.trim().toLowerCase();
  if (input === 'today') return { ok: true, value: toLocalDate(now) };
  if (input === 'yesterday') return { ok: true, value: toLocalDate(addDays(now, -1)) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) {
    if (isCalendarDate(input)) return { ok: true, value: input };
    return { ok: false, error: `"${text}" is not a real calendar date; use ${DATE_FORMS}` };
  }
  if (/^\d{4}-\d{2}-\d{2}t/.test(input)) {
    const instant = parseISO(text.trim());
    if (isValid(instant)) return { ok: true, value: toLocalDate(instant) };
  }
  return { ok: false, error: `"${text}" is not a date; use ${DATE_FORMS}` };
}
