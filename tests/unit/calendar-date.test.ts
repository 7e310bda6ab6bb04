// The one calendar date every input accepts: a day that exists, written YYYY-MM-DD,
// in the years a workshop can be held; anything else says why in plain words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarDateSchema,
  MAX_YEAR,
  MIN_YEAR,
  OptionalCalendarDateSchema,
  calendarDateProblem,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
} from '../../src-shared/domain/calendar-date';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const text = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

describe('a calendar date', () => {
  it('is an ordinary day, the last day of each month and 29 February of a leap year', () => {
    for (const date of ['2026-11-22', '2026-01-31', '2026-04-30', '2026-12-31', '2028-02-29', '2000-02-29', '1900-01-01', '2199-12-31']) {
      expect(calendarDateProblem(date), date).toBeNull();
    }
  });

  it('is not a day the calendar does not have', () => {
    for (const date of ['2026-13-45', '2026-02-30', '0000-00-00', '2026-02-29', '1900-02-29', '2100-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-01-32']) {
      expect(calendarDateProblem(date), date).toBe(`There is no day ${date} on the calendar. Pick a date that exists, like 2026-11-22.`);
    }
  });

  it('is written year-month-day with leading zeros and nothing else', () => {
    for (const date of ['', '22/11/2026', '2026-1-5', '2026-11-22T10:00', ' 2026-11-22', '2026-11-22 ', '20261-11-22', '２０２６-11-22', '2026-11-22\n']) {
      expect(calendarDateProblem(date), JSON.stringify(date)).toBe('Write the date as year-month-day, like 2026-11-22.');
    }
  });

  it(`lies between the years ${MIN_YEAR} and ${MAX_YEAR}`, () => {
    expect(calendarDateProblem('1899-12-31')).toBe('Pick a date between the years 1900 and 2199.');
    expect(calendarDateProblem('2200-01-01')).toBe('Pick a date between the years 1900 and 2199.');
    expect(calendarDateProblem('0001-01-01')).toBe('Pick a date between the years 1900 and 2199.');
  });

  it('knows the leap years of the Gregorian calendar', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect([1, 2, 4, 9, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 30, 30, 31]);
  });

  it('accepts every real day in range, and agrees with the calendar of Date (property)', () => {
    const day = fc.date({ min: new Date(Date.UTC(MIN_YEAR, 0, 1)), max: new Date(Date.UTC(MAX_YEAR, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(isCalendarDate(iso)).toBe(true);
        // Round trip: the text names exactly the day it was made from.
        expect(new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(iso);
        expect(CalendarDateSchema.parse(iso)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the texts that round-trip through Date, within range (property)', () => {
    const parts = fc.tuple(fc.integer({ min: MIN_YEAR, max: MAX_YEAR }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(parts, ([y, m, d]) => {
        const date = text(y, m, d);
        const roundTrips = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === date && m >= 1 && d >= 1;
        expect(isCalendarDate(date)).toBe(roundTrips);
      }),
      { numRuns: 3000 },
    );
  });

  it('as a schema, gives one plain sentence and no zod wording', () => {
    const result = CalendarDateSchema.safeParse('2026-13-45');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['There is no day 2026-13-45 on the calendar. Pick a date that exists, like 2026-11-22.']);
    expect(CalendarDateSchema.safeParse('').success).toBe(false);
    expect(CalendarDateSchema.safeParse(20261122).success).toBe(false);
  });

  it('may be left empty where a date is not fixed yet (a workshop)', () => {
    expect(OptionalCalendarDateSchema.safeParse('').success).toBe(true);
    expect(OptionalCalendarDateSchema.safeParse('2026-11-22').success).toBe(true);
    expect(OptionalCalendarDateSchema.safeParse('2026-02-30').success).toBe(false);
  });
});
