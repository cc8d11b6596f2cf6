import { addDays, addMonths, daysBetween } from '../day.ts';
import type { Period } from '../language/types.ts';
import type { GroupBy, GroupedTotal, MoneyTotal, Store, TxnFilter } from '../store/index.ts';
import type { Flow } from './types.ts';

/**
 * Named queries behind the answers: they combine the store's SQL aggregates into the numbers a reply
 * needs. No wording here, no dialog state.
 */

export interface Scope {
  period: Period;
  categories?: string[];
  merchantIds?: number[];
  accountIds?: number[];
  minAbsMinor?: number;
  maxAbsMinor?: number;
}

export function toFilter(scope: Scope): TxnFilter {
  return {
    start: scope.period.start,
    end: scope.period.end,
    categories: scope.categories,
    merchantIds: scope.merchantIds,
    accountIds: scope.accountIds,
    minAbsMinor: scope.minAbsMinor,
    maxAbsMinor: scope.maxAbsMinor,
  };
}

export async function total(store: Store, userId: string, flow: Flow, scope: Scope): Promise<MoneyTotal[]> {
  return store.queries.totals(userId, flow, toFilter(scope));
}

export interface Share extends GroupedTotal {
  /** Whole percent of the currency's total, summing to 100 per currency. */
  percent: number;
}

/** Totals per group with each group's share of its currency's total. */
export async function breakdown(store: Store, userId: string, flow: Flow, scope: Scope, by: GroupBy): Promise<Share[]> {
  const groups = (await store.queries.grouped(userId, flow, by, toFilter(scope))).filter((g) => g.amountMinor > 0);
  return withShares(groups);
}

/** Adds whole-number shares per currency with largest-remainder rounding so they sum to 100. */
export function withShares(groups: GroupedTotal[]): Share[] {
  const byCurrency = new Map<string, GroupedTotal[]>();
  for (const g of groups) byCurrency.set(g.currency, [...(byCurrency.get(g.currency) ?? []), g]);
  const out = new Map<GroupedTotal, number>();
  for (const list of byCurrency.values()) {
    const sum = list.reduce((s, g) => s + g.amountMinor, 0);
    if (sum <= 0) continue;
    const raw = list.map((g) => ({ g, exact: (g.amountMinor / sum) * 100 }));
    let left = 100 - raw.reduce((s, r) => s + Math.floor(r.exact), 0);
    raw
      .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))
      .forEach((r) => out.set(r.g, Math.floor(r.exact) + (left-- > 0 ? 1 : 0)));
  }
  return groups.map((g) => ({ ...g, percent: out.get(g) ?? 0 }));
}

/**
 * The like periods just before this one, newest first: the months, quarters, halves or years before a
 * calendar period, or windows of the same number of days before any other.
 */
export function previousLikePeriods(period: Period, count: number): Period[] {
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[period.grain as 'month' | 'quarter' | 'half' | 'year'];
  const days = daysBetween(period.start, period.end);
  const out: Period[] = [];
  let end = period.start;
  for (let i = 0; i < count; i++) {
    const start = months ? addMonths(end, -months) : addDays(end, -days);
    out.push({ start, end, label: '', grain: period.grain });
    end = start;
  }
  return out;
}

/** Spending in each of the like periods before this one, newest first; used for the usual (median of three). */
export async function previousTotals(store: Store, userId: string, scope: Scope, count = 3): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const p of previousLikePeriods(scope.period, count)) {
    const totals = await total(store, userId, 'spending', { ...scope, period: p });
    for (const t of totals) out.set(t.currency, [...(out.get(t.currency) ?? []), t.amountMinor]);
  }
  return out;
}

/** Whether any account's data (first and last day held) reaches into the period: "nothing spent" vs "no data". */
export function covers(coverage: readonly { first: string; last: string }[], period: Period): boolean {
  return coverage.some((c) => c.first < period.end && addDays(c.last, 1) > period.start);
}
