/**
 * Budgets as stored queries with a limit: what one covers is a `Query` (all spending, or a category), and
 * how it is doing this month is that query run by the one executor over the month so far, with the pace
 * projected to the month's end.
 */
import { addDays, addMonths, daysBetween } from '../day.ts';
import { monthLabel } from '../language/periods/labels.ts';
import type { BudgetSpec } from '../store/index.ts';
import { execute, type ExecContext } from './execute.ts';
import { baseQuery, type CategoryFilter, type Period, type Query } from './query.ts';

/** What a budget covers: everything spent, or one category. */
export function budgetQuery(category?: CategoryFilter): Query {
  const query = baseQuery();
  if (category) query.filters.include.categories = [{ codes: [...category.codes], label: category.label }];
  return query;
}

/** What a budget covers, as the conversation names it: all spending (key 'all'), or one category. */
export interface BudgetSubjectRef {
  key: string;
  label: string;
  codes: readonly string[];
}

/**
 * The row to store for a budget on a subject: its query (built by `budgetQuery`) with the limit. Budgets set
 * in chat and the ones the demo household brings are built by this one function.
 * @example budgetSpecFor({ key: 'groceries', label: 'groceries', codes: ['FOOD_AND_DRINK_GROCERIES'] }, 40000, 'USD')
 */
export function budgetSpecFor(
  subject: BudgetSubjectRef,
  amount: { minor: number; currency: string },
  demo = false,
): BudgetSpec {
  const query = budgetQuery(
    subject.key === 'all' ? undefined : { codes: [...subject.codes], label: subject.label },
  );
  return {
    subjectKey: subject.key,
    label: subject.label,
    queryJson: JSON.stringify(query),
    amountMinor: amount.minor,
    currency: amount.currency,
    ...(demo ? { demo } : {}),
  };
}

/** Reads a stored budget query back; anything that is not a spending query without a period is refused. */
export function parseBudgetQuery(json: string): Query | undefined {
  try {
    const q = JSON.parse(json) as Query;
    if (q?.measure?.kind !== 'spent' || !q.filters?.include || !q.filters.exclude) return undefined;
    return { ...q, periods: [], form: 'figure' };
  } catch {
    return undefined;
  }
}

/** The calendar month holding `today`, and how far into it `today` is (today counts as elapsed). */
export function monthSoFar(today: string): {
  month: Period;
  soFar: Period;
  daysElapsed: number;
  daysInMonth: number;
} {
  const start = `${today.slice(0, 7)}-01`;
  const end = addMonths(start, 1);
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const label = monthLabel(year, month);
  return {
    month: { start, end, label, grain: 'month' },
    soFar: { start, end: addDays(today, 1), label: `${label} so far`, grain: 'custom' },
    daysElapsed: daysBetween(start, today) + 1,
    daysInMonth: daysBetween(start, end),
  };
}

export interface BudgetLimit {
  id: number;
  label: string;
  subjectKey: string;
  queryJson: string;
  amountMinor: number;
  currency: string;
}

export type BudgetState = 'on_track' | 'at_risk' | 'over';

export interface BudgetStatus {
  budget: BudgetLimit;
  month: Period;
  /** Spent this month so far, in the budget's currency (positive minor units). */
  spentMinor: number;
  /** Limit minus spent: negative when over. */
  leftMinor: number;
  daysElapsed: number;
  daysInMonth: number;
  /** The month's last day, ISO. */
  lastDay: string;
  /** Spent so far, scaled from the days elapsed to the whole month. */
  projectedMinor: number;
  /** How far the projection passes the limit (0 when it does not). */
  projectedOverMinor: number;
  state: BudgetState;
  /** Spending in other currencies is not counted against the limit; their number is said. */
  otherCurrencies: string[];
}

/** What the budget's query counts over a period (by the executor), in the budget's currency and others. */
async function spentIn(
  ctx: ExecContext,
  budget: BudgetLimit,
  period: Period,
): Promise<{ spentMinor: number; otherCurrencies: string[] }> {
  const query = parseBudgetQuery(budget.queryJson) ?? budgetQuery();
  const result = await execute(ctx, { ...query, periods: [period] });
  const values = result.shape === 'figures' ? (result.figures[0]?.values ?? []) : [];
  const currency = budget.currency.toUpperCase();
  return {
    spentMinor: Math.max(0, values.find((v) => v.currency === currency)?.amountMinor ?? 0),
    otherCurrencies: values
      .filter((v) => v.currency !== currency && v.amountMinor > 0)
      .map((v) => v.currency),
  };
}

export interface BudgetMonthResult {
  budget: BudgetLimit;
  month: Period;
  spentMinor: number;
  /** Limit minus spent: negative when over. */
  leftMinor: number;
  otherCurrencies: string[];
}

/** How a budget came out over a whole month that has ended: spent, and under or over by how much. */
export async function budgetOverMonth(
  ctx: ExecContext,
  budget: BudgetLimit,
  month: Period,
): Promise<BudgetMonthResult> {
  const { spentMinor, otherCurrencies } = await spentIn(ctx, budget, month);
  return { budget, month, spentMinor, leftMinor: budget.amountMinor - spentMinor, otherCurrencies };
}

/** How a budget is doing on `today`: spent so far (by the executor), left or over, and the pace. */
export async function budgetStatus(
  ctx: ExecContext,
  budget: BudgetLimit,
  today: string,
): Promise<BudgetStatus> {
  const { month, soFar, daysElapsed, daysInMonth } = monthSoFar(today);
  const { spentMinor, otherCurrencies } = await spentIn(ctx, budget, soFar);
  const projectedMinor = Math.round((spentMinor * daysInMonth) / daysElapsed);
  const projectedOverMinor = Math.max(0, projectedMinor - budget.amountMinor);
  const state: BudgetState =
    spentMinor > budget.amountMinor ? 'over' : projectedOverMinor > 0 ? 'at_risk' : 'on_track';
  return {
    budget,
    month,
    spentMinor,
    leftMinor: budget.amountMinor - spentMinor,
    daysElapsed,
    daysInMonth,
    lastDay: addDays(month.end, -1),
    projectedMinor,
    projectedOverMinor,
    state,
    otherCurrencies,
  };
}

/**
 * Worth a word without being asked: the pace passes the limit (or it is already passed) once a few days
 * of the month have gone by, so one early purchase does not raise an alarm.
 */
export function atRisk(status: BudgetStatus, minDays = 5): boolean {
  return status.state === 'over' || (status.state === 'at_risk' && status.daysElapsed >= minDays);
}
