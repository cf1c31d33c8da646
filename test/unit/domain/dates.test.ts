import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/domain/date-input.js';
import {
  addBusinessDaysTo,
  addDaysTo,
  daysBetween,
  formatDay,
  latestDay,
  toLocalDate,
} from '../../../src/domain/dates.js';

// Tests run with TZ=UTC (vitest.config.ts); "now" is Friday 20 November 2026, noon.
const now = new Date('2026-11-20T12:00:00Z');

describe('parseDate', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['today', '2026-11-20'],
    ['Yesterday', '2026-11-19'],
    ['2026-11-03T23:30:00Z', '2026-11-03'],
    ['2026-11-03T23:30:00-05:00', '2026-11-04'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, day) => {
    expect(parseDate(text, now)).toEqual({ ok: true, value: day });
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '03/11/2026', 'tomorrow', 'next week', '2026-11-3', ''])(
    'refuses %j and names the accepted forms',
    (text) => {
      const result = parseDate(text, now);
      expect(result.ok).toBe(false);
      if (!result.ok && !text.startsWith('202')) expect(result.error).toContain('YYYY-MM-DD');
    },
  );
});

describe('calendar arithmetic', () => {
  it('skips weekends for business days', () => {
    expect(addBusinessDaysTo('2026-11-20', 2)).toBe('2026-11-24'); // Fri + 2 → Tue
    expect(addBusinessDaysTo('2026-11-21', 2)).toBe('2026-11-24'); // Sat + 2 → Tue
    expect(addBusinessDaysTo('2026-11-18', 3)).toBe('2026-11-23'); // Wed + 3 → Mon
  });

  it('crosses month and year boundaries', () => {
    expect(addBusinessDaysTo('2026-11-30', 3)).toBe('2026-12-03');
    expect(addDaysTo('2026-12-25', 7)).toBe('2027-01-01');
    expect(daysBetween('2026-11-20', '2026-12-01')).toBe(11);
    expect(daysBetween('2026-11-20', '2026-11-18')).toBe(-2);
  });

  it('reads the local calendar day of an instant', () => {
    expect(toLocalDate(now)).toBe('2026-11-20');
    expect(formatDay('2026-11-03')).toBe('3 Nov 2026');
  });
});

describe('latestDay', () => {
  it('is the day it is now in UTC+14, where a day begins first', () => {
    expect(latestDay(new Date('2026-11-20T09:59:59Z'))).toBe('2026-11-20');
    expect(latestDay(new Date('2026-11-20T10:00:00Z'))).toBe('2026-11-21');
    expect(latestDay(now)).toBe('2026-11-21');
    expect(latestDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
