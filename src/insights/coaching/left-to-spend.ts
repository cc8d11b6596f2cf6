/**
 * What is left to spend until payday: the spending accounts' balance, plus pay expected before payday (a
 * side job's, or pay that landed after an old statement), minus the bills expected before payday, minus
 * whatever else is set aside (what is left of budgets, when there are any), with every part kept so the
 * reply can show its working. One currency at a time: amounts in different currencies are never added.
 * Also whether an amount fits, and the low point of the balance on the way to payday. Pure.
 */
import type { ExpectedBill } from './bills.ts';
import { addDays, daysBetween } from '../../day.ts';

/** One spending account's balance, as the latest statement gave it. */
export interface SpendingBalance {
  accountName: string;
  amountMinor: number;
  currency: string;
  /** The day the balance is from, ISO. */
  asOf: string;
}

/** Money set aside that is not a bill: the remaining amount of a budget, say. */
export interface Reserved {
  label: string;
  amountMinor: number;
}

/** Money expected in before payday: from a regular income stream, on the day its schedule gives. */
export interface ExpectedPay {
  payer: string;
  /** ISO day. */
  date: string;
  amountMinor: number;
  currency: string;
}

export interface LeftToSpendInput {
  balances: readonly SpendingBalance[];
  /** Bills expected after the balances' day and by payday (see `billsBetween`). */
  bills: readonly ExpectedBill[];
  /** Pay expected after the balances' day and before payday; none by default. */
  pay?: readonly ExpectedPay[];
  /** Further amounts to hold back, in the balances' currency; none by default. */
  reserved?: readonly Reserved[];
  /** The currency to answer in; other currencies are left out, never added in. */
  currency: string;
}

export interface LeftToSpend {
  currency: string;
  balanceMinor: number;
  accounts: SpendingBalance[];
  /** The oldest of the balances' days: the figure is as of then. */
  asOf: string;
  payMinor: number;
  pay: ExpectedPay[];
  billsMinor: number;
  bills: ExpectedBill[];
  reservedMinor: number;
  reserved: Reserved[];
  /** Balance plus pay minus bills minus reserved; negative when the bills are more than there is. */
  leftMinor: number;
}

/**
 * @example leftToSpend({ balances: [{ accountName: 'Checking', amountMinor: 120000, currency: 'USD', asOf: '2026-03-10' }], bills: [rent], currency: 'USD' })
 * // { balanceMinor: 120000, billsMinor: 95000, leftMinor: 25000, … }
 */
export function leftToSpend(input: LeftToSpendInput): LeftToSpend | undefined {
  const accounts = input.balances.filter((b) => b.currency === input.currency);
  if (accounts.length === 0) return undefined;
  const bills = input.bills.filter((b) => b.currency === input.currency);
  const pay = (input.pay ?? []).filter((p) => p.currency === input.currency);
  const reserved = [...(input.reserved ?? [])].filter((r) => r.amountMinor > 0);
  const balanceMinor = sum(accounts.map((a) => a.amountMinor));
  const payMinor = sum(pay.map((p) => p.amountMinor));
  const billsMinor = sum(bills.map((b) => b.amountMinor));
  const reservedMinor = sum(reserved.map((r) => r.amountMinor));
  return {
    currency: input.currency,
    balanceMinor,
    accounts,
    asOf: accounts.map((a) => a.asOf).sort()[0]!,
    payMinor,
    pay,
    billsMinor,
    bills,
    reservedMinor,
    reserved,
    leftMinor: balanceMinor + payMinor - billsMinor - reservedMinor,
  };
}

/**
 * The currencies of the balances, the one to answer in first (`main`, when a balance has it), then by
 * how much is held, so a person with accounts in two currencies gets one figure for each.
 * @example currenciesOf([{ currency: 'EUR', amountMinor: 500 }, { currency: 'USD', amountMinor: 100 }], 'USD') // ['USD', 'EUR']
 */
export function currenciesOf(
  balances: readonly Pick<SpendingBalance, 'currency' | 'amountMinor'>[],
  main?: string,
): string[] {
  const held = new Map<string, number>();
  for (const b of balances) held.set(b.currency, (held.get(b.currency) ?? 0) + Math.abs(b.amountMinor));
  return [...held]
    .sort((a, b) => Number(b[0] === main) - Number(a[0] === main) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([currency]) => currency);
}

/** Whether an amount fits in what is left, and what would remain after it. */
export function affordability(
  left: LeftToSpend,
  amountMinor: number,
): { affordable: boolean; leftAfterMinor: number } {
  const leftAfterMinor = left.leftMinor - amountMinor;
  return { affordable: leftAfterMinor >= 0, leftAfterMinor };
}

/**
 * The usual spending per day that is not a regular bill: what went on everything over a window, less
 * what the regular bills took in it, per day. Never negative.
 * @example dailyDiscretionary({ spentMinor: 900000, billsMinor: 450000, days: 90 }) // 5000
 */
export function dailyDiscretionary(window: { spentMinor: number; billsMinor: number; days: number }): number {
  if (window.days <= 0) return 0;
  return Math.max(0, Math.round((window.spentMinor - window.billsMinor) / window.days));
}

export interface LowPoint {
  /** The lowest the balance gets before payday, and the first day it is that low. */
  lowMinor: number;
  lowDate: string;
  /** The first day the balance would go below zero, if it would. */
  runsOutOn?: string;
  /** Where it stands the day before payday. */
  endMinor: number;
  dailyMinor: number;
}

/**
 * The balance day by day from `from` (the balance's day, exclusive) to `payday` (inclusive, before the pay
 * lands): each bill and each other pay on its day, plus the usual discretionary spending every day. The low
 * point and the day it runs out are looked for from `reportFrom` on (today, when the balance is older).
 * @example projectLowPoint({ startMinor: 50000, from: '2026-03-10', payday: '2026-03-13', bills: [], dailyMinor: 30000 })
 * // { lowMinor: -10000, lowDate: '2026-03-12', runsOutOn: '2026-03-12', … }
 */
export function projectLowPoint(input: {
  startMinor: number;
  from: string;
  payday: string;
  bills: readonly ExpectedBill[];
  pay?: readonly ExpectedPay[];
  dailyMinor: number;
  reportFrom?: string;
}): LowPoint {
  const reportFrom = input.reportFrom && input.reportFrom > input.from ? input.reportFrom : input.from;
  let balance = input.startMinor;
  let low: { minor: number; date: string } | undefined;
  let runsOutOn: string | undefined;
  const days = daysBetween(input.from, input.payday);
  for (let i = 0; i <= days; i++) {
    const day = addDays(input.from, i);
    if (i > 0) {
      // Pay lands on payday, so that day's own spending is not part of the run-up to it.
      if (day < input.payday) balance -= input.dailyMinor;
      for (const b of input.bills) if (b.date === day) balance -= b.amountMinor;
      for (const p of input.pay ?? []) if (p.date === day) balance += p.amountMinor;
    }
    if (day < reportFrom) continue;
    if (!low || balance < low.minor) low = { minor: balance, date: day };
    if (balance < 0 && runsOutOn === undefined) runsOutOn = day;
  }
  low ??= { minor: balance, date: input.payday };
  return {
    lowMinor: low.minor,
    lowDate: low.date,
    ...(runsOutOn ? { runsOutOn } : {}),
    endMinor: balance,
    dailyMinor: input.dailyMinor,
  };
}

const sum = (values: readonly number[]) => values.reduce((n, v) => n + v, 0);
