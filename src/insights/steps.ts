/** The calendar arithmetic of answers: the steps of a series, and how many days, weeks or months a period holds. */
import { addDays, addMonths, daysBetween, toDayInt } from '../day.ts';
import type { Period, Series } from './query.ts';

export type Grain = Series['grain'];

export interface Step {
  /** The step's group key as the SQL builder returns it (yyyymmdd, week's Monday, yyyymm, yyyyq, yyyy). */
  key: number;
  /** The part of the step inside the series' period. */
  period: Period;
  /** The whole calendar step (a week from Monday, a month from the 1st), which `period` may cut short. */
  full: Pick<Period, 'start' | 'end'>;
}

/** Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = ((daysBetween('1970-01-05', day) % 7) + 7) % 7; // 5 Jan 1970 was a Monday
  return addDays(day, -weekday);
}

/** First day of the step of `grain` holding `day`. */
export function stepStart(grain: Grain, day: string): string {
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return mondayOf(day);
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'quarter': {
      const m = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
      return `${day.slice(0, 4)}-${String(m).padStart(2, '0')}-01`;
    }
    case 'year':
      return `${day.slice(0, 4)}-01-01`;
  }
}

function nextStep(grain: Grain, start: string): string {
  switch (grain) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'year':
      return addMonths(start, 12);
  }
}

/** The group key the SQL builder gives a day at this grain. */
export function stepKey(grain: Grain, start: string): number {
  const d = toDayInt(start);
  switch (grain) {
    case 'day':
    case 'week':
      return d;
    case 'month':
      return Math.floor(d / 100);
    case 'quarter':
      return Math.floor(d / 10000) * 10 + Math.floor(((Math.floor(d / 100) % 100) + 2) / 3);
    case 'year':
      return Math.floor(d / 10000);
  }
}

/**
 * The steps of a series across its period, clipped to it: "each week of February" starts with the part of
 * the week that falls in February. At most `max` steps, the latest kept.
 * @example seriesSteps({ grain: 'month', within: { start: '2025-12-01', end: '2026-02-15', label: '', grain: 'custom' } }).length // 3
 */
export function seriesSteps(series: Series, max = 400): Step[] {
  const { grain, within } = series;
  const steps: Step[] = [];
  for (let start = stepStart(grain, within.start); start < within.end; start = nextStep(grain, start)) {
    const s = start < within.start ? within.start : start;
    const next = nextStep(grain, start);
    const e = next > within.end ? within.end : next;
    steps.push({
      key: stepKey(grain, start),
      period: { start: s, end: e, label: '', grain },
      full: { start, end: next },
    });
  }
  return steps.slice(-max);
}

/**
 * How many of `per` a period holds, for averages: days; weeks as days / 7; months as whole calendar months
 * from its start plus the fraction of the month it ends in.
 * @example unitsIn({ start: '2025-12-01', end: '2026-03-01', label: '', grain: 'custom' }, 'month') // 3
 */
export function unitsIn(period: Pick<Period, 'start' | 'end'>, per: 'day' | 'week' | 'month'): number {
  const days = daysBetween(period.start, period.end);
  if (per === 'day') return days;
  if (per === 'week') return days / 7;
  let months = 0;
  let at = period.start;
  while (addMonths(period.start, months + 1) <= period.end) months++;
  at = addMonths(period.start, months);
  const rest = daysBetween(at, period.end);
  return rest > 0 ? months + rest / daysBetween(at, addMonths(period.start, months + 1)) : months;
}
