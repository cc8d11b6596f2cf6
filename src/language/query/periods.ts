/** Periods the query needs that were not said: the one before a named period, and default windows. */
import { addDays, addMonths, daysBetween } from '../../day.ts';
import type { Period } from '../../insights/query.ts';
import type { PeriodMatch } from '../types.ts';
import { calendarLabel } from '../periods/labels.ts';

/**
 * The like period just before this one: the month, quarter, half or year before, or as many days before.
 * @example previousLikePeriod({ start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' }).label // 'January 2026'
 */
export function previousLikePeriod(period: Period): Period {
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[
    period.grain as 'month' | 'quarter' | 'half' | 'year'
  ];
  const start = months
    ? addMonths(period.start, -months)
    : addDays(period.start, -daysBetween(period.start, period.end));
  return {
    start,
    end: period.start,
    label: months ? calendarLabel(period.grain, start) : 'the period before',
    grain: period.grain,
  };
}

/** The twelve months up to and including today: what a trend covers when no period is named. */
export function lastTwelveMonths(today: string): Period {
  const start = addMonths(`${today.slice(0, 7)}-01`, -11);
  return { start, end: addDays(today, 1), label: 'the last 12 months', grain: 'custom' };
}

/** Periods that start after today: questions about the future, which no statement can answer. */
export function isFuture(match: PeriodMatch, today: string): boolean {
  return match.period.start > today;
}
