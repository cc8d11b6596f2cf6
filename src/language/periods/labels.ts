/** Names periods the way a person reads them in a reply: "February 2026", "9 Feb – 10 Mar 2026". */
import { addDays, parseIso } from './dates.ts';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "Jan", "Feb"… (June and July stay short enough as "Jun"/"Jul"). */
export function shortMonth(month: number): string {
  return (MONTH_NAMES[month - 1] ?? '').slice(0, 3);
}

export function longMonth(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(day: number): string {
  return WEEKDAY_NAMES[day] ?? '';
}

/** "9 Mar 2026". */
export function shortDay(date: string): string {
  const { year, month, day } = parseIso(date);
  return `${day} ${shortMonth(month)} ${year}`;
}

/** "14 February 2026". */
export function longDay(date: string): string {
  const { year, month, day } = parseIso(date);
  return `${day} ${longMonth(month)} ${year}`;
}

/** "February 2026". */
export function monthLabel(year: number, month: number): string {
  return `${longMonth(month)} ${year}`;
}

/**
 * Names the days of a half-open range with as little repetition as reads well:
 * "1–15 October 2025", "9 Feb – 10 Mar 2026", "28 Dec 2025 – 3 Jan 2026".
 */
export function dayRangeLabel(start: string, end: string): string {
  const last = addDays(end, -1);
  if (last <= start) return longDay(start);
  const a = parseIso(start);
  const b = parseIso(last);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${longMonth(a.month)} ${a.year}`;
  if (a.year === b.year) return `${a.day} ${shortMonth(a.month)} – ${b.day} ${shortMonth(b.month)} ${b.year}`;
  return `${shortDay(start)} – ${shortDay(last)}`;
}

/** "January–March 2025", "Nov 2025 – Feb 2026" for whole months `[start, end)`. */
export function monthRangeLabel(start: string, end: string): string {
  const a = parseIso(start);
  const b = parseIso(addDays(end, -1));
  if (a.year === b.year && a.month === b.month) return monthLabel(a.year, a.month);
  if (a.year === b.year) return `${longMonth(a.month)}–${longMonth(b.month)} ${a.year}`;
  return `${shortMonth(a.month)} ${a.year} – ${shortMonth(b.month)} ${b.year}`;
}

/** "Q4 2025 (Oct–Dec)". */
export function quarterLabel(year: number, quarter: number): string {
  const first = (quarter - 1) * 3 + 1;
  return `Q${quarter} ${year} (${shortMonth(first)}–${shortMonth(first + 2)})`;
}

/** "H1 2025 (Jan–Jun)". */
export function halfLabel(year: number, half: number): string {
  return half === 1 ? `H1 ${year} (Jan–Jun)` : `H2 ${year} (Jul–Dec)`;
}

/** "January 2026", "Q4 2025", "H2 2025", "2025": the short name of a calendar period starting on `start`. */
export function calendarLabel(
  grain: 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'custom',
  start: string,
): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  if (grain === 'month') return monthLabel(year, month);
  if (grain === 'quarter') return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  if (grain === 'half') return `H${month <= 6 ? 1 : 2} ${year}`;
  return String(year);
}
