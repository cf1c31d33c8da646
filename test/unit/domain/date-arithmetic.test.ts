import { addBusinessDays } from 'date-fns/addBusinessDays';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/domain/date-input.js';
import { addBusinessDaysTo, addDaysTo, daysBetween, formatDay, toLocalDate } from '../../../src/domain/dates.js';

/** Local midnight, as date-fns sees a calendar day. */
const local = (day: string): Date => new Date(`${day}T00:00:00`);

/** Every day from `first` for `count` days. */
function days(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, n) => addDaysTo(first, n));
}

const ZONES = ['UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'Pacific/Auckland'];
const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

// The arithmetic was date-fns' until it had to leave the start-up path; it must count the same.
describe.each(ZONES)('calendar arithmetic in %s agrees with date-fns', (zone) => {
  const span = days('2024-12-23', 800);

  it('adds business days, from weekdays and weekends, forwards and back', () => {
    process.env.TZ = zone;
    for (const day of span) {
      for (let amount = -12; amount <= 12; amount++) {
        expect(addBusinessDaysTo(day, amount), `${day} + ${amount}`).toBe(
          toLocalDate(addBusinessDays(local(day), amount)),
        );
      }
    }
  });

  it('adds calendar days and counts the days between two dates', () => {
    process.env.TZ = zone;
    for (const day of span) {
      for (const amount of [-400, -31, -7, -1, 0, 1, 7, 30, 365]) {
        const later = toLocalDate(addDays(local(day), amount));
        expect(addDaysTo(day, amount)).toBe(later);
        expect(daysBetween(day, later)).toBe(differenceInCalendarDays(local(later), local(day)));
      }
    }
  });
});

describe('dates', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-20', '2026-11-18')).toBe(-2);
    expect(addBusinessDaysTo('2026-11-20', 3)).toBe('2026-11-25');
    expect(formatDay('2026-11-03')).toBe('3 Nov 2026');
  });

  it('reads the forms people type', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(parseDate('today', now)).toEqual({ ok: true, value: '2026-11-20' });
    expect(parseDate('Yesterday', now)).toEqual({ ok: true, value: '2026-11-19' });
    expect(parseDate('2026-11-03', now)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('2026-11-03T09:30:00Z', now)).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDate('2026-02-30', now)).toMatchObject({ ok: false });
    expect(parseDate('3/11/2026', now)).toMatchObject({ ok: false });
  });
});
