/**
 * What the coaching answers are computed from, read once per turn: the history (a named store query, as
 * for the other history-based insights), the pay schedule and bills found in it, and the spending accounts'
 * balances and the usual spending per day, both run through the one executor as queries.
 */
import { billsBetween, isBillSeries, type ExpectedBill } from '../insights/coaching/bills.ts';
import {
  currenciesOf,
  dailyDiscretionary,
  leftToSpend,
  type ExpectedPay,
  type LeftToSpend,
  type Reserved,
} from '../insights/coaching/left-to-spend.ts';
import { meteredBills } from '../insights/coaching/metered-bills.ts';
import {
  findPaySchedules,
  otherPayStreams,
  overdueOn,
  payBetween,
  type PaySchedule,
} from '../insights/coaching/pay-schedule.ts';
import { budgetStatus } from '../insights/budgets.ts';
import { execute, figure, type ExecContext } from '../insights/execute.ts';
import { baseQuery, emptySubject, type Period, type Query } from '../insights/query.ts';
import { findRecurring } from '../insights/recurring.ts';
import type { RecurringSeries, Txn } from '../insights/types.ts';
import type { BalanceRow } from '../store/index.ts';
import { addDays, daysBetween } from '../day.ts';
import type { TurnContext } from './types.ts';

/** How far back pay and bills are learnt from. */
const HISTORY_DAYS = 400;
/** The window the usual day-to-day spending is measured over. */
const SPENDING_WINDOW_DAYS = 90;
/** Without a payday, bills and left-to-spend count this far ahead. */
const NO_PAYDAY_DAYS = 30;

export interface CoachingFacts {
  today: string;
  history: Txn[];
  schedule?: PaySchedule;
  /** Other regular income (a side job, a benefit) still keeping its rhythm, largest first. */
  otherPay: PaySchedule[];
  /** The last day the statements cover. */
  dataEnds: string;
  /** The pay kept its rhythm up to the end of the data: a late-looking payday means old statements, not stopped pay. */
  payRegularToDataEnd: boolean;
  series: RecurringSeries[];
  exec: ExecContext;
}

export async function coachingFacts(ctx: TurnContext): Promise<CoachingFacts> {
  return coachingFactsFor(
    {
      store: ctx.services.store,
      userId: ctx.input.userId,
      merchantIds: (name) => ctx.merchantIds.get(name.toLowerCase()) ?? [],
    },
    ctx.input.today,
  );
}

/** The same facts outside a turn (the scheduler's paydays and bills), from the executor's context. */
export async function coachingFactsFor(exec: ExecContext, today: string): Promise<CoachingFacts> {
  const history = await exec.store.queries.history(exec.userId, addDays(today, -HISTORY_DAYS));
  const past = history.filter((t) => t.date <= today);
  const recurring = findRecurring(past, today);
  const schedules = findPaySchedules(past, today);
  const schedule = schedules[0];
  const dataEnds = past.at(-1)?.date ?? today;
  return {
    today,
    history: past,
    schedule,
    otherPay: otherPayStreams(schedules, dataEnds),
    dataEnds,
    payRegularToDataEnd: schedule !== undefined && !overdueOn(schedule, dataEnds),
    series: [...recurring, ...meteredBills(past, today, recurring)],
    exec,
  };
}

/** The last day counted: a day the person named, else payday, else a month ahead. */
export function horizonOf(facts: CoachingFacts, named?: string): { until: string; byPayday: boolean } {
  if (named) return { until: named, byPayday: named === facts.schedule?.nextPayday };
  if (facts.schedule && facts.payRegularToDataEnd)
    return { until: facts.schedule.nextPayday, byPayday: true };
  return { until: addDays(facts.today, NO_PAYDAY_DAYS), byPayday: false };
}

export function billsUntil(facts: CoachingFacts, until: string): ExpectedBill[] {
  return billsBetween(facts.series, facts.history, facts.today, until);
}

/** The latest balance of each checking account, through the executor's balance measure. */
export async function spendingBalances(facts: CoachingFacts) {
  const query: Query = {
    ...baseQuery(),
    measure: { kind: 'balance' },
    filters: { include: { ...emptySubject(), accountTypes: ['checking'] }, exclude: emptySubject() },
  };
  const result = await execute(facts.exec, query);
  return result.shape === 'balances' ? result.rows : [];
}

/**
 * Left to spend until the horizon, one figure per currency (the main pay's currency first, amounts in
 * different currencies never added), with `reserve` naming what to hold back in each (nothing by
 * default); empty when no spending account has a balance.
 */
export async function leftUntil(
  facts: CoachingFacts,
  until: string,
  reserve: (currency: string) => Promise<readonly Reserved[]> = async () => [],
): Promise<LeftToSpend[]> {
  const rows = await spendingBalances(facts);
  const out: LeftToSpend[] = [];
  for (const currency of currenciesOf(rows, facts.schedule?.currency)) {
    const own = rows.filter((r) => r.currency === currency);
    const left = leftToSpend({
      balances: own.map((r) => ({
        accountName: r.accountName,
        amountMinor: r.amountMinor,
        currency: r.currency,
        asOf: r.asOf,
      })),
      bills: billsSinceBalances(facts, own, until),
      pay: paySinceBalances(facts, own, until),
      reserved: await reserve(currency),
      currency,
    });
    if (left) out.push(left);
  }
  return out;
}

/**
 * The day each account's figure runs from: its balance's day (an old statement's bills and pay since then
 * are still to be counted), never later than today. Bills paid from an account without a balance (a card)
 * run from the oldest of these days.
 */
function startOf(facts: CoachingFacts, balances: readonly BalanceRow[]): (accountId?: number) => string {
  const own = new Map(balances.map((b) => [b.accountId, b.asOf < facts.today ? b.asOf : facts.today]));
  const oldest = [...own.values()].sort()[0] ?? facts.today;
  return (accountId) => (accountId !== undefined ? own.get(accountId) : undefined) ?? oldest;
}

/** The bills expected after the balances' days and by the horizon, each series from its account's day. */
function billsSinceBalances(
  facts: CoachingFacts,
  balances: readonly BalanceRow[],
  until: string,
): ExpectedBill[] {
  const start = startOf(facts, balances);
  const accountOf = new Map(facts.history.map((t) => [t.id, t.accountId]));
  const byStart = new Map<string, RecurringSeries[]>();
  for (const s of facts.series) {
    const from = start(accountOf.get(s.txnIds[s.txnIds.length - 1] ?? -1));
    byStart.set(from, [...(byStart.get(from) ?? []), s]);
  }
  return [...byStart]
    .flatMap(([from, series]) => billsBetween(series, facts.history, from, until))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.amountMinor - a.amountMinor));
}

/**
 * Pay into these accounts after their balances' days and before the horizon: the main pay when a
 * statement is old (or the count runs past payday), and a side job's or benefit's paydays on the way.
 */
function paySinceBalances(
  facts: CoachingFacts,
  balances: readonly BalanceRow[],
  until: string,
): ExpectedPay[] {
  const start = startOf(facts, balances);
  const accounts = new Set(balances.map((b) => b.accountId));
  const streams = [
    ...(facts.schedule && facts.payRegularToDataEnd ? [facts.schedule] : []),
    ...facts.otherPay,
  ];
  return streams
    .filter((s) => accounts.has(s.accountId))
    .flatMap((s) => payBetween(s, start(s.accountId), until))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The usual spending per day that is not a regular bill, over the last 90 days of data: everything spent
 * (the executor's `spent` figure) less what the regular bills took in the same days.
 */
export async function usualDailySpending(facts: CoachingFacts, currency: string): Promise<number> {
  const lastDay = facts.history.at(-1)?.date ?? facts.today;
  const firstDay = facts.history[0]?.date ?? lastDay;
  const start = [addDays(lastDay, -(SPENDING_WINDOW_DAYS - 1)), firstDay].sort().at(-1)!;
  const period: Period = { start, end: addDays(lastDay, 1), label: '', grain: 'custom' };
  const spent = await figure(facts.exec, baseQuery([period]), period);
  const spentMinor = spent.values.find((v) => v.currency === currency)?.amountMinor ?? 0;
  const billIds = new Set(facts.series.filter(isBillSeries).flatMap((s) => s.txnIds));
  const billsMinor = facts.history
    .filter((t) => billIds.has(t.id) && t.currency === currency && t.date >= start && t.date <= lastDay)
    .reduce((n, t) => n - t.amountMinor, 0);
  const days = daysBetween(start, period.end);
  return dailyDiscretionary({ spentMinor, billsMinor, days });
}

/**
 * What is still left this month in each category budget, held back from what is left to spend. A budget
 * for all spending is not held back: it caps the same money the balance is, and counting it would take
 * the same pound off twice.
 */
export async function budgetsLeft(facts: CoachingFacts, currency: string): Promise<Reserved[]> {
  const budgets = await facts.exec.store.budgets.list(facts.exec.userId);
  const reserved: Reserved[] = [];
  for (const budget of budgets) {
    if (budget.subjectKey === 'all' || budget.currency !== currency) continue;
    const status = await budgetStatus(facts.exec, budget, facts.today);
    if (status.leftMinor > 0) reserved.push({ label: budget.label, amountMinor: status.leftMinor });
  }
  return reserved;
}

/** Left to spend until the horizon, per currency, with what is left of the category budgets held back. */
export function leftAfterBudgets(facts: CoachingFacts, until: string): Promise<LeftToSpend[]> {
  return leftUntil(facts, until, (currency) => budgetsLeft(facts, currency));
}
