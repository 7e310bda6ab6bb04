// The one calendar date every input accepts (workshop date, readings, the day a
// version was agreed): YYYY-MM-DD naming a day that exists, in a sane year range,
// so no export ever shows "NaN" or "Agreed on 2026-13-45".
import { z } from 'zod';

/** Years outside this range are typing slips (0000, 20260), never a workshop's day. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a text is not a usable calendar date, in a facilitator's words; null when it is one. */
export function calendarDateProblem(text: string): string | null {
  const match = SHAPE.exec(text);
  if (!match) return 'Write the date as year-month-day, like 2026-11-22.';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `There is no day ${text} on the calendar. Pick a date that exists, like 2026-11-22.`;
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return `Pick a date between the years ${MIN_YEAR} and ${MAX_YEAR}.`;
  return null;
}

export function isCalendarDate(text: string): boolean {
  return calendarDateProblem(text) === null;
}

/** A real calendar day, YYYY-MM-DD. */
export const CalendarDateSchema = z.string().superRefine((text, ctx) => {
  const problem = calendarDateProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A real calendar day, or empty while it is not fixed yet (a workshop's date). */
export const OptionalCalendarDateSchema = z.string().superRefine((text, ctx) => {
  const problem = text === '' ? null : calendarDateProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
