/**
 * Calendar dates are `YYYY-MM-DD` strings in the user's time zone; instants are ISO-8601 UTC.
 * date-fns is imported one function at a time: its root import costs ~130 ms at start-up.
 */
import { addBusinessDays } from 'date-fns/addBusinessDays';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { Parsed } from './parsed.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day of an instant, in the local time zone. */
export function toLocalDate(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Local midnight of a calendar date. */
function toDate(day: string): Date {
  const [y = NaN, m = NaN, d = NaN] = day.split('-').map(Number);
  // setFullYear, not the constructor, which maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setFullYear(y, m - 1, d);
  date.setHours(0, 0, 0, 0);
  return date;
}

export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && toLocalDate(toDate(text)) === text;
}

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

export function addBusinessDaysTo(day: string, days: number): string {
  return toLocalDate(addBusinessDays(toDate(day), days));
}

export function addDaysTo(day: string, days: number): string {
  return toLocalDate(addDays(toDate(day), days));
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `3 Nov 2026`: unambiguous in every locale a support agent may read it in. */
export function formatDay(day: string): string {
  const date = toDate(day);
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${date.getFullYear()}`;
}
