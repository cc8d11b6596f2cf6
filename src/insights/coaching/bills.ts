/**
 * Bills still to come before a day: the regular outgoing payments found in the history (rent, utilities,
 * subscriptions, loans, insurance, phone), each projected to its next dates. Payments between the person's
 * own accounts (card payments, transfers to savings) are never charges, so they never appear.
 */
import type { RecurringSeries, Txn } from '../types.ts';
import { addDays, addMonths } from '../../day.ts';

export interface ExpectedBill {
  merchant: string;
  category: string;
  /** Expected day, ISO. */
  date: string;
  /** Positive minor units. */
  amountMinor: number;
  currency: string;
  isSubscription: boolean;
  cadence: RecurringSeries['cadence'];
  /** True when the amount changes from bill to bill (utilities): the figure is the usual one. */
  estimated: boolean;
}

const MONTHS: Partial<Record<RecurringSeries['cadence'], number>> = { monthly: 1, quarterly: 3, yearly: 12 };
const DAYS: Partial<Record<RecurringSeries['cadence'], number>> = { weekly: 7, biweekly: 14 };

/**
 * The bills expected in `(after, until]`, soonest first. Monthly bills come back on the day of the month they
 * usually land on (a bill paid on the 3rd once because the 1st was a Sunday is still due on the 1st).
 * @example billsBetween(findRecurring(history, '2026-03-10'), history, '2026-03-10', '2026-03-13')
 * // [{ merchant: 'PG&E', date: '2026-03-12', amountMinor: 16210, … }]
 */
export function billsBetween(
  series: readonly RecurringSeries[],
  history: readonly Txn[],
  after: string,
  until: string,
): ExpectedBill[] {
  const dates = new Map(history.map((t) => [t.id, t.date]));
  const out: ExpectedBill[] = [];
  for (const s of series) {
    if (!s.active) continue;
    for (const date of occurrences(s, usualDayOfMonth(s, dates), after, until))
      out.push({
        merchant: s.merchant,
        category: s.category,
        date,
        amountMinor: s.nextExpectedAmountMinor,
        currency: s.currency,
        isSubscription: s.isSubscription,
        cadence: s.cadence,
        estimated: s.variableAmount,
      });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.amountMinor - a.amountMinor));
}

/** Total of bills per currency, largest first. */
export function billsTotal(bills: readonly ExpectedBill[]): { currency: string; amountMinor: number }[] {
  const totals = new Map<string, number>();
  for (const b of bills) totals.set(b.currency, (totals.get(b.currency) ?? 0) + b.amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

function occurrences(s: RecurringSeries, usualDay: number | undefined, after: string, until: string): string[] {
  const out: string[] = [];
  const months = MONTHS[s.cadence];
  for (let k = 1; k < 400; k++) {
    let date: string;
    if (months) {
      date = addMonths(s.lastDate, k * months);
      if (usualDay !== undefined) date = withDay(date, usualDay);
    } else date = addDays(s.lastDate, k * (DAYS[s.cadence] ?? 7));
    if (date > until) break;
    if (date > after) out.push(date);
  }
  return out;
}

/** The day of the month most of the series' charges fell on (the earliest of equally common days). */
function usualDayOfMonth(s: RecurringSeries, dates: ReadonlyMap<number, string>): number | undefined {
  const counts = new Map<number, number>();
  for (const id of s.txnIds) {
    const date = dates.get(id);
    if (date) counts.set(Number(date.slice(8, 10)), (counts.get(Number(date.slice(8, 10))) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked[0]?.[0];
}

/** The same month with another day, clamped to the month's length. */
function withDay(date: string, day: number): string {
  const first = `${date.slice(0, 8)}01`;
  const length = Number(addDays(addMonths(first, 1), -1).slice(8, 10));
  return `${date.slice(0, 8)}${String(Math.min(day, length)).padStart(2, '0')}`;
}
