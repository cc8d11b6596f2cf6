import { addDays, addMonths, daysBetween } from '../day.ts';
import type { Period } from '../language/types.ts';
import type { GroupedTotal } from '../store/index.ts';
import { calendarLabel } from '../language/periods/labels.ts';

/**
 * Small pure helpers of the answers: shares of a breakdown, the like periods before one, whether data
 * reaches into a period. The numbers themselves come from `execute.ts`.
 */

export interface Share extends GroupedTotal {
  /** Whole percent of the currency's total, summing to 100 per currency. */
  percent: number;
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
 * Whole-number shares of some groups (a ranking's top few) in the total of their currency, so "your biggest
 * category" is its share of everything spent, not 100% of itself.
 * @example sharesOfTotal([{ key: 'a', label: 'A', currency: 'USD', amountMinor: 50, count: 1 }], [{ currency: 'USD', amountMinor: 200 }])[0]?.percent // 25
 */
export function sharesOfTotal(
  groups: GroupedTotal[],
  totals: readonly { currency: string; amountMinor: number }[],
): Share[] {
  return groups.map((g) => {
    const total = totals.find((t) => t.currency === g.currency)?.amountMinor ?? 0;
    return { ...g, percent: total > 0 ? Math.round((g.amountMinor / total) * 100) : 0 };
  });
}

/**
 * The like periods just before this one, newest first: the months, quarters, halves or years before a
 * calendar period (named), or windows of the same number of days before any other (named by their dates
 * in replies).
 * @example previousLikePeriods({ start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' }, 1)[0]?.label // 'January 2026'
 */
export function previousLikePeriods(period: Period, count: number): Period[] {
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[
    period.grain as 'month' | 'quarter' | 'half' | 'year'
  ];
  const days = daysBetween(period.start, period.end);
  const out: Period[] = [];
  let end = period.start;
  for (let i = 0; i < count; i++) {
    const start = months ? addMonths(end, -months) : addDays(end, -days);
    out.push({ start, end, label: months ? calendarLabel(period.grain, start) : '', grain: period.grain });
    end = start;
  }
  return out;
}
