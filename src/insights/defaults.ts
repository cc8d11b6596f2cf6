/**
 * The period a question means when it names none: chosen from the data there is, never an empty month
 * the data has not reached.
 */
import { addDays, addMonths } from '../day.ts';
import type { Period, Query } from './query.ts';
import { monthLabel } from '../language/periods/labels.ts';

/** First and last day the user's data (or the accounts asked about) holds, ISO. */
export interface DataSpan {
  first: string;
  last: string;
}

export type DefaultPeriod = NonNullable<Query['defaultedPeriod']>;

/** "February 2026" as a half-open month. */
export function monthPeriod(firstDay: string): Period {
  const start = `${firstDay.slice(0, 7)}-01`;
  return {
    start,
    end: addMonths(start, 1),
    label: monthLabel(Number(start.slice(0, 4)), Number(start.slice(5, 7))),
    grain: 'month',
  };
}

/** Everything linked: the first day of data to the last, inclusive. Its label is left to the reply. */
export function allLinked(span: DataSpan): Period {
  return { start: span.first, end: addDays(span.last, 1), label: '', grain: 'custom' };
}

/** This calendar month up to and including today. */
export function monthToDate(today: string): Period {
  const month = monthPeriod(today);
  return { start: month.start, end: addDays(today, 1), label: `${month.label} so far`, grain: 'custom' };
}

/**
 * The latest calendar month the data covers to its last day (and from its first week) and that has ended
 * by today; undefined when no month is covered whole (data that starts mid-month and ends in the next).
 * @example latestCompleteMonth({ first: '2025-12-01', last: '2026-03-03' }, '2026-03-05')?.label // 'February 2026'
 */
export function latestCompleteMonth(span: DataSpan, today: string): Period | undefined {
  const lastFull =
    addDays(span.last, 1).slice(8, 10) === '01' ? span.last : addDays(`${span.last.slice(0, 7)}-01`, -1);
  const thisMonth = `${today.slice(0, 7)}-01`;
  const ended = lastFull >= thisMonth ? addDays(thisMonth, -1) : lastFull;
  const month = monthPeriod(ended);
  // Data whose first charge falls in a month's first week covers that month.
  return addDays(month.start, 6) >= span.first ? month : undefined;
}

/**
 * The calendar months the data covers from their first day to their last, as one period; undefined when
 * it covers no month whole. Averages per month or week over "all the data" are taken over these, so a few
 * days past the last month end do not count as a fraction of a month.
 * @example wholeMonths({ first: '2025-12-01', last: '2026-03-03' })?.label // 'December 2025 – February 2026'
 */
export function wholeMonths(span: DataSpan): Period | undefined {
  const monthStart = `${span.first.slice(0, 7)}-01`;
  const start = addDays(monthStart, 6) >= span.first ? monthStart : addMonths(monthStart, 1);
  const afterLast = addDays(span.last, 1);
  const end = afterLast.slice(8, 10) === '01' ? afterLast : `${span.last.slice(0, 7)}-01`;
  if (start >= end) return undefined;
  const first = monthPeriod(start).label;
  const last = monthPeriod(addDays(end, -1)).label;
  return {
    start,
    end,
    label: first === last ? first : `${first} – ${last}`,
    grain: first === last ? 'month' : 'custom',
  };
}

/** Which default suits a question that names no period: a merchant's whole history, or the latest month. */
export function defaultFor(query: Query): DefaultPeriod {
  const m = query.measure.kind;
  if (query.filters.include.merchants.length || m === 'count' || m === 'largest' || m === 'average')
    return 'all-linked';
  if (query.series || query.groupBy === 'month' || query.comparison?.kind === 'subjects') return 'all-linked';
  return 'latest-complete-month';
}

export interface Resolved {
  query: Query;
  /** The default applied, when the question named no period. */
  defaulted?: DefaultPeriod;
}

/**
 * Fills in the period of a question that names none. Balances need no period; without any data the query
 * is left as it is (the reply then says there is nothing linked).
 */
export function resolveDefaults(query: Query, span: DataSpan | undefined, today: string): Resolved {
  if (query.measure.kind === 'balance' || !span) return { query };
  const named = query.periods.length > 0 || (query.series && !query.defaultedPeriod);
  if (named) return { query };
  let kind: DefaultPeriod = query.defaultedPeriod ?? defaultFor(query);
  let period: Period | undefined;
  if (kind === 'latest-complete-month') period = latestCompleteMonth(span, today);
  if (kind === 'month-to-date') period = monthToDate(today);
  const m = query.measure;
  if (kind === 'all-linked' && m.kind === 'average' && m.per !== 'transaction' && m.per !== 'day')
    period = wholeMonths(span);
  if (!period) {
    kind = 'all-linked';
    period = allLinked(span);
  }
  const resolved: Query = { ...query, defaultedPeriod: kind };
  if (query.series) resolved.series = { ...query.series, within: period };
  else resolved.periods = [period];
  return { query: resolved, defaulted: kind };
}
