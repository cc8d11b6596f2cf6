/**
 * A budget measured over a month that has ended ("how did February go against my eating-out budget?"):
 * what was spent, the limit, and under or over by how much. A finished month has no pace. A month the
 * statements do not cover is said so, never answered as nothing spent.
 */
import { budgetOverMonth, type BudgetMonthResult } from '../insights/budgets.ts';
import type { Period } from '../insights/query.ts';
import { addDays } from '../day.ts';
import { formatMoney } from '../money.ts';
import type { BudgetRow } from '../store/index.ts';
import { dayRangeText, dayText, periodText } from './describe.ts';
import { execContextOf } from './exec-context.ts';
import type { DialogState, TurnContext, TurnResult } from './types.ts';

/** The period is this calendar month, from its first day: the month so far, with the pace. */
export function isThisMonth(period: Period, today: string): boolean {
  return period.start === `${today.slice(0, 7)}-01` && period.end > today;
}

function rowOf(r: BudgetMonthResult) {
  const money = (minor: number) => formatMoney(minor, r.budget.currency);
  return {
    label: r.budget.label,
    all: r.budget.subjectKey === 'all',
    limit: money(r.budget.amountMinor),
    spent: money(r.spentMinor),
    by: money(Math.abs(r.leftMinor)),
    over: r.leftMinor < 0,
    exact: r.leftMinor === 0,
  };
}

/** Budgets over a named period other than this month: a whole past month, or a question back. */
export async function answerBudgetMonth(
  ctx: TurnContext,
  state: DialogState,
  budgets: readonly BudgetRow[],
  period: Period,
): Promise<TurnResult> {
  const month = periodText(period);
  const lastBudget = budgets.length === 1 ? budgets[0]!.subjectKey : state.lastBudget;
  const answered = (template: string, data: Record<string, unknown>, suggestions: string[] = []) => ({
    replies: [{ template, data, suggestions }],
    state: {
      ...state,
      pending: undefined,
      lastBudget,
      lastCoaching: { kind: 'budget' as const, keys: budgets.map((b) => b.subjectKey), month: period },
    },
  });
  const labels = budgets.map((b) => b.label);
  // Budgets are monthly: a week or a quarter against a monthly limit would be a made-up figure.
  if (period.grain !== 'month') return answered('BudgetMonthsOnly', { period: month, labels });
  const today = ctx.input.today;
  if (period.start > today) return answered('BudgetMonthNotYet', { month, labels });
  const span = await ctx.services.store.queries.span(ctx.input.userId);
  const lastDay = addDays(period.end, -1);
  if (!span || span.last < period.start || span.first > lastDay) {
    return answered('BudgetMonthNoData', {
      month,
      labels,
      covered: span ? dayRangeText(span.first, span.last) : '',
    });
  }
  const exec = execContextOf(ctx);
  const results = await Promise.all(budgets.map((b) => budgetOverMonth(exec, b, period)));
  return answered(
    'BudgetMonthResult',
    {
      month,
      rows: results.map(rowOf),
      dataStarts: span.first > period.start ? dayText(span.first) : '',
      dataEnds: span.last < lastDay ? dayText(span.last) : '',
    },
    ['How am I doing on my budgets?'],
  );
}
