/**
 * Bills still to come before a day: the regular outgoing payments found in the history (rent, utilities,
 * subscriptions, loans, insurance, phone), each projected to its next dates. Payments between the person's
 * own accounts (card payments, transfers to savings) are never charges, so they never appear.
 */
import { recentRange } from '../bill-estimate.ts';
import { isFixedBill } from '../recurring.ts';
import type { RecurringSeries, Txn } from '../types.ts';
import { addDays, addMonths } from '../../day.ts';
import { isBusinessDay, shiftToBusinessDay } from './business-days.ts';

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
  /** True when the amount changes from bill to bill (utilities): the figure is an estimate. */
  estimated: boolean;
  /** For an estimate, the lowest and highest of its recent bills, so a reply can say how far it may be off. */
  range?: { lowMinor: number; highMinor: number };
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
  const amounts = new Map(history.map((t) => [t.id, -t.amountMinor]));
  const out: ExpectedBill[] = [];
  for (const s of series) {
    if (!s.active || !isBillSeries(s)) continue;
    const range = s.variableAmount ? rangeOf(s, dates, amounts) : undefined;
    for (const date of occurrences(s, dueDayOf(s, dates), after, until))
      out.push({
        merchant: s.merchant,
        category: s.category,
        date,
        amountMinor: s.nextExpectedAmountMinor,
        currency: s.currency,
        isSubscription: s.isSubscription,
        cadence: s.cadence,
        estimated: s.variableAmount,
        ...(range ? { range } : {}),
      });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.amountMinor - a.amountMinor));
}

/** A weekly grocery run can look regular too: only bills and subscriptions are commitments. */
export function isBillSeries(s: RecurringSeries): boolean {
  return isFixedBill(s.category) || s.isSubscription;
}

/** Total of bills per currency, largest first. */
export function billsTotal(bills: readonly ExpectedBill[]): { currency: string; amountMinor: number }[] {
  const totals = new Map<string, number>();
  for (const b of bills) totals.set(b.currency, (totals.get(b.currency) ?? 0) + b.amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/** The spread of a varying series' recent bills, from the history's amounts. */
function rangeOf(
  s: RecurringSeries,
  dates: ReadonlyMap<number, string>,
  amounts: ReadonlyMap<number, number>,
): ExpectedBill['range'] {
  const past = s.txnIds.flatMap((id) => {
    const date = dates.get(id);
    const amountMinor = amounts.get(id);
    return date !== undefined && amountMinor !== undefined ? [{ date, amountMinor }] : [];
  });
  return past.length > 0 ? recentRange(past) : undefined;
}

/** When a calendar bill falls due: its day of the month, and whether a closed day moves it to the next business day. */
interface DueDay {
  day: number;
  bankDays: boolean;
}

function occurrences(s: RecurringSeries, due: DueDay | undefined, after: string, until: string): string[] {
  const out: string[] = [];
  const months = MONTHS[s.cadence];
  for (let k = 1; k < 400; k++) {
    let date: string;
    if (months) {
      date = addMonths(s.lastDate, k * months);
      if (due) date = withDay(date, due.day);
      if (due?.bankDays) date = shiftToBusinessDay(date, 'after');
    } else date = addDays(s.lastDate, k * (DAYS[s.cadence] ?? 7));
    if (date > until) break;
    if (date > after) out.push(date);
  }
  return out;
}

/**
 * The day of the month that explains most of the series' charges, each on that day or on the first business
 * day after it (rent due on the 1st, debited on Monday the 3rd); the earliest such day wins a tie. Charges
 * that all land on business days are read as bank debits, which move off weekends and holidays.
 */
function dueDayOf(s: RecurringSeries, dates: ReadonlyMap<number, string>): DueDay | undefined {
  const seen = s.txnIds.map((id) => dates.get(id)).filter((d): d is string => d !== undefined);
  if (seen.length === 0) return undefined;
  const bankDays = seen.every(isBusinessDay);
  const candidates = [...new Set(seen.map((d) => Number(d.slice(8, 10))))].sort((a, b) => a - b);
  let best: { day: number; explained: number } | undefined;
  for (const day of candidates) {
    const explained = seen.filter((d) => {
      const due = withDay(d, day);
      return due === d || (bankDays && due < d && shiftToBusinessDay(due, 'after') === d);
    }).length;
    if (!best || explained > best.explained) best = { day, explained };
  }
  return best && { day: best.day, bankDays };
}

/** The same month with another day, clamped to the month's length. */
function withDay(date: string, day: number): string {
  const first = `${date.slice(0, 8)}01`;
  const length = Number(addDays(addMonths(first, 1), -1).slice(8, 10));
  return `${date.slice(0, 8)}${String(Math.min(day, length)).padStart(2, '0')}`;
}
