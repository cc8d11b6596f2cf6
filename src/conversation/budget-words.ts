/** A budget's figures as its templates word them: formatted money, the day the pace runs to, a percent. */
import type { BudgetStatus } from '../insights/budgets.ts';
import { formatMoney } from '../money.ts';

/** "31st", "1st", "22nd". */
export function dayOrdinal(isoDay: string): string {
  const n = Number(isoDay.slice(8, 10));
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}

/** What BudgetStatus (and its tone variants, and the at-risk alert) are given: worded, formatted figures. */
export function budgetStatusData(statuses: readonly BudgetStatus[]): Record<string, unknown> {
  return {
    month: statuses[0]?.month.label ?? '',
    rows: statuses.map((s) => ({
      label: s.budget.label,
      all: s.budget.subjectKey === 'all',
      limit: formatMoney(s.budget.amountMinor, s.budget.currency),
      spent: formatMoney(s.spentMinor, s.budget.currency),
      left: formatMoney(Math.abs(s.leftMinor), s.budget.currency),
      over: s.leftMinor < 0,
      state: s.state,
      projectedOver: formatMoney(s.projectedOverMinor, s.budget.currency),
      projected: formatMoney(s.projectedMinor, s.budget.currency),
      byDay: dayOrdinal(s.lastDay),
      daysElapsed: s.daysElapsed,
      daysInMonth: s.daysInMonth,
      percent: Math.round((s.spentMinor / s.budget.amountMinor) * 100),
    })),
  };
}
