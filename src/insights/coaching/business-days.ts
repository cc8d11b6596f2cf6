/**
 * Bank business days: weekdays that are not US federal bank holidays. Payroll and bills that fall on a
 * day banks are closed move to the business day before or after, depending on the payer.
 */
import { addDays, dayNumber } from '../../day.ts';

/** How a payer moves a date that falls on a closed day. */
export type Shift = 'before' | 'after' | 'none';

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(isoDay: string): number {
  return (((dayNumber(isoDay) + 4) % 7) + 7) % 7;
}

const holidayCache = new Map<number, Set<string>>();

/** The nth given weekday of a month (n = -1: the last one). */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const iso = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (n > 0) {
    const first = weekdayOf(iso(1));
    return iso(1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf(iso(lastDay));
  return iso(lastDay - ((last - weekday + 7) % 7));
}

/** A fixed-date holiday on a Sunday is observed on the Monday after (the Federal Reserve's rule). */
function observed(isoDay: string): string {
  return weekdayOf(isoDay) === 0 ? addDays(isoDay, 1) : isoDay;
}

/** The days US banks close for federal holidays in a year. */
export function bankHolidays(year: number): ReadonlySet<string> {
  let days = holidayCache.get(year);
  if (!days) {
    days = new Set([
      observed(`${year}-01-01`),
      nthWeekday(year, 1, 1, 3),
      nthWeekday(year, 2, 1, 3),
      nthWeekday(year, 5, 1, -1),
      observed(`${year}-06-19`),
      observed(`${year}-07-04`),
      nthWeekday(year, 9, 1, 1),
      nthWeekday(year, 10, 1, 2),
      observed(`${year}-11-11`),
      nthWeekday(year, 11, 4, 4),
      observed(`${year}-12-25`),
    ]);
    holidayCache.set(year, days);
  }
  return days;
}

/** @example isBusinessDay('2026-03-14') // false (a Saturday) */
export function isBusinessDay(isoDay: string): boolean {
  const wd = weekdayOf(isoDay);
  return wd !== 0 && wd !== 6 && !bankHolidays(Number(isoDay.slice(0, 4))).has(isoDay);
}

/**
 * Moves a date off a closed day.
 * @example shiftToBusinessDay('2026-03-15', 'before') // '2026-03-13' (Sunday → Friday)
 */
export function shiftToBusinessDay(isoDay: string, shift: Shift): string {
  if (shift === 'none') return isoDay;
  let day = isoDay;
  for (let i = 0; i < 7 && !isBusinessDay(day); i++) day = addDays(day, shift === 'before' ? -1 : 1);
  return day;
}
