/**
 * Calendar arithmetic on ISO `yyyy-mm-dd` strings. Everything works on calendar days in UTC so that
 * the user's time zone never shifts a day: the caller has already turned "now" into the user's local date.
 */
import { addDays, addMonths, daysBetween } from '../../day.ts';

export { addDays, addMonths, daysBetween };

/** A calendar day as numbers; `month` is 1–12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats numbers as `yyyy-mm-dd`. */
export function iso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
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
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the month `n` months from the month of `date`. */
export function monthStart(date: string, n = 0): string {
  const { year, month } = parseIso(date);
  return addMonths(iso(year, month, 1), n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const { year, month, day } = parseIso(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The first day of the week containing `date`. */
export function weekStart(date: string, weekStartsOn: 0 | 1): string {
  return addDays(date, -((weekday(date) - weekStartsOn + 7) % 7));
}

/** Quarter 1–4 of a month 1–12. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}
