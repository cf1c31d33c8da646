/**
 * Calendar dates are `YYYY-MM-DD` strings in the user's time zone; instants are ISO-8601 UTC.
 *
 * Arithmetic on calendar dates counts whole days, which is exact in UTC (every UTC day has 24
 * hours), so it needs no date library. It is on the path of `status`, `list` and `show`, and
 * loading even one date-fns function costs ~10 ms at start-up (Node reads date-fns' 200 kB
 * package.json to resolve it). Reading the dates people type, with date-fns, is in date-input.ts.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day of an instant, in the local time zone. */
export function toLocalDate(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * The calendar day it is now where it is latest (UTC+14). A date after it has not begun anywhere,
 * so it is in the future in whatever time zone it was written; today's date east of here is not.
 */
export function latestDay(now: Date): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
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

/** Days since 1970-01-01 of a calendar date. */
function dayNumber(day: string): number {
  const [y = NaN, m = NaN, d = NaN] = day.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / DAY_MS);
}

function fromDayNumber(days: number): string {
  const date = new Date(days * DAY_MS);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
const weekday = (days: number): number => (((days + 4) % 7) + 7) % 7;
const isWeekend = (days: number): boolean => weekday(days) === 0 || weekday(days) === 6;

export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && toLocalDate(toDate(text)) === text;
}

/**
 * Business days are Monday to Friday. Counts exactly as date-fns' `addBusinessDays` does,
 * including from a weekend day (a unit test holds the two side by side).
 */
export function addBusinessDaysTo(day: string, days: number): string {
  const start = dayNumber(day);
  const sign = days < 0 ? -1 : 1;
  let current = start + Math.trunc(days / 5) * 7;
  for (let rest = Math.abs(days % 5); rest > 0;) {
    current += sign;
    if (!isWeekend(current)) rest -= 1;
  }
  // A whole number of weeks from a weekend day lands on a weekend day: move to a business day.
  if (isWeekend(start) && isWeekend(current) && days !== 0) {
    if (weekday(current) === 6) current += sign < 0 ? 2 : -1;
    else current += sign < 0 ? 1 : -2;
  }
  return fromDayNumber(current);
}

export function addDaysTo(day: string, days: number): string {
  return fromDayNumber(dayNumber(day) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `3 Nov 2026`: unambiguous in every locale a support agent may read it in. */
export function formatDay(day: string): string {
  const date = toDate(day);
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${date.getFullYear()}`;
}
