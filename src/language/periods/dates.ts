/**
 * Calendar arithmetic on ISO `yyyy-mm-dd` strings, on top of date-fns. The caller has already turned
 * "now" into the user's local date, so everything here is about calendar days, never instants.
 */
import { addYears } from 'date-fns/addYears';
import { getDay } from 'date-fns/getDay';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { getDaysInYear } from 'date-fns/getDaysInYear';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { nextDay } from 'date-fns/nextDay';
import { previousDay } from 'date-fns/previousDay';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';
import type { Day } from 'date-fns';
import { addDays, addMonths, dateToDay, daysBetween, dayToDate } from '../../day.ts';

export { addDays, addMonths, daysBetween };

/** A calendar day as numbers; `month` is 1–12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Formats numbers as `yyyy-mm-dd`. */
export function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Splits an ISO date into numbers. */
export function parseIso(date: string): Ymd {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** True when `yyyy-mm-dd` names a real calendar day (rejects 2026-02-30). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(dayToDate(iso(year, month, 1)));
}

/** 365 or 366. */
export function daysInYear(year: number): number {
  return getDaysInYear(dayToDate(iso(year, 1, 1)));
}

/** The first day of the month `n` months from the month of `date`. */
export function monthStart(date: string, n = 0): string {
  return addMonths(dateToDay(startOfMonth(dayToDate(date))), n);
}

/** The last day of the month of `date`. */
export function monthEnd(date: string): string {
  return dateToDay(lastDayOfMonth(dayToDate(date)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return getDay(dayToDate(date));
}

/** The first day of the week containing `date`. */
export function weekStart(date: string, weekStartsOn: 0 | 1): string {
  return dateToDay(startOfWeek(dayToDate(date), { weekStartsOn }));
}

/** The latest `day` of the week (0 = Sunday) on or before `date`. */
export function onOrBefore(date: string, day: number): string {
  return weekday(date) === day ? date : dateToDay(previousDay(dayToDate(date), day as Day));
}

/** The earliest `day` of the week (0 = Sunday) on or after `date`. */
export function onOrAfter(date: string, day: number): string {
  return weekday(date) === day ? date : dateToDay(nextDay(dayToDate(date), day as Day));
}

/**
 * The `n`th given weekday of a month (n = 1…5), or the last one when `n` is -1; undefined when the month
 * has no fifth one. @example nthWeekday(2025, 11, 4, 4) // '2025-11-27' (Thanksgiving)
 */
export function nthWeekday(year: number, month: number, day: number, n: number): string | undefined {
  if (n < 0) return onOrBefore(monthEnd(iso(year, month, 1)), day);
  const found = addDays(onOrAfter(iso(year, month, 1), day), 7 * (n - 1));
  return parseIso(found).month === month ? found : undefined;
}

/** Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
export function isoWeekStart(year: number, week: number): string {
  return dateToDay(startOfISOWeek(setISOWeek(dayToDate(iso(year, 1, 4)), week)));
}

/** Adds calendar years (29 February becomes 28 February). */
export function addYearsTo(date: string, years: number): string {
  return dateToDay(addYears(dayToDate(date), years));
}

/** Quarter 1–4 of a month 1–12. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** Lays a half-open range of days end to end: the day `floor(length / 2)` days after its start. */
export function midpoint(start: string, end: string): string {
  return addDays(start, Math.floor(daysBetween(start, end) / 2));
}
