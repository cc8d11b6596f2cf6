/** Builders for the periods the rules produce, each with its reply label. */
import type { Period } from '../types.ts';
import { addDays, addMonths, iso, isValidDay, parseIso, quarterOf, weekStart } from './dates.ts';
import type { RuleContext } from './grammar.ts';
import {
  dayRangeLabel,
  halfLabel,
  longDay,
  monthLabel,
  monthRangeLabel,
  quarterLabel,
  shortDay,
} from './labels.ts';

export function dayPeriod(date: string, label = longDay(date)): Period {
  return { start: date, end: addDays(date, 1), label, grain: 'day' };
}

export function monthPeriod(year: number, month: number): Period {
  const start = iso(year, month, 1);
  return { start, end: addMonths(start, 1), label: monthLabel(year, month), grain: 'month' };
}

/** Whole months from the month of `first` through the month of `last` (both `yyyy-mm-01`). */
export function monthSpan(first: string, last: string): Period {
  const end = addMonths(last, 1);
  return {
    start: first,
    end,
    label: monthRangeLabel(first, end),
    grain: first === last ? 'month' : 'custom',
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const start = iso(year, (quarter - 1) * 3 + 1, 1);
  return { start, end: addMonths(start, 3), label: quarterLabel(year, quarter), grain: 'quarter' };
}

export function halfPeriod(year: number, half: number): Period {
  const start = iso(year, half === 1 ? 1 : 7, 1);
  return { start, end: addMonths(start, 6), label: halfLabel(year, half), grain: 'half' };
}

export function yearPeriod(year: number): Period {
  return { start: iso(year, 1, 1), end: iso(year + 1, 1, 1), label: String(year), grain: 'year' };
}

/** The calendar week containing `date`, named "this week (9–15 Mar 2026)" or similar. */
export function weekPeriod(date: string, ctx: RuleContext, name: string): Period {
  const start = weekStart(date, ctx.weekStartsOn);
  const end = addDays(start, 7);
  return { start, end, label: `${name} (${dayRangeLabel(start, end)})`, grain: 'week' };
}

/** Any run of days `[start, end)`, named for the reader. */
export function customPeriod(start: string, end: string, name?: string): Period {
  const days = dayRangeLabel(start, end);
  return { start, end, label: name ? `${name} (${days})` : days, grain: 'custom' };
}

/** From `start` up to and including today. */
export function toDatePeriod(start: string, ctx: RuleContext, label: string): Period {
  return { start, end: addDays(ctx.today, 1), label, grain: 'custom' };
}

/** "March 2026 so far", "2026 so far", "since 3 Mar 2026". */
export function sinceLabel(start: string, ctx: RuleContext): string {
  const s = parseIso(start);
  const t = parseIso(ctx.today);
  if (s.month === 1 && s.day === 1 && s.year === t.year) return `${t.year} so far`;
  if (s.day === 1 && s.year === t.year && s.month === t.month) return `${monthLabel(t.year, t.month)} so far`;
  if (
    s.day === 1 &&
    (s.month - 1) % 3 === 0 &&
    s.year === t.year &&
    quarterOf(s.month) === quarterOf(t.month)
  ) {
    return `${quarterLabel(t.year, quarterOf(t.month)).replace(/ \(.*\)$/, '')} so far`;
  }
  if (start === ctx.today) return `today (${shortDay(start)})`;
  return `since ${shortDay(start)}`;
}

/**
 * The year in which month `month` (and optionally day `day`) last began on or before today:
 * in March 2026, December → 2025, March → 2026, April → 2025.
 */
export function recentYear(month: number, ctx: RuleContext, day = 1): number {
  const t = parseIso(ctx.today);
  if (month < t.month || (month === t.month && day <= t.day)) return t.year;
  return t.year - 1;
}

/** A day given without a year, as its most recent occurrence not in the future (skipping 29 Feb in other years). */
export function recentDay(month: number, day: number, ctx: RuleContext): string | undefined {
  let year = recentYear(month, ctx, day);
  for (let k = 0; k < 8; k++, year--) if (isValidDay(year, month, day)) return iso(year, month, day);
  return undefined;
}

/** The period as a whole describes itself: a day, a month, a quarter, a year, or a run of days. */
export function describe(start: string, end: string): Period {
  const s = parseIso(start);
  const e = parseIso(end);
  if (addDays(start, 1) === end) return dayPeriod(start);
  if (s.day === 1 && e.day === 1) {
    const months = (e.year - s.year) * 12 + (e.month - s.month);
    if (months === 12 && s.month === 1) return yearPeriod(s.year);
    if (months === 6 && (s.month === 1 || s.month === 7)) return halfPeriod(s.year, s.month === 1 ? 1 : 2);
    if (months === 3 && (s.month - 1) % 3 === 0) return quarterPeriod(s.year, quarterOf(s.month));
    if (months >= 1) return monthSpan(start, addMonths(end, -1));
  }
  return customPeriod(start, end);
}
