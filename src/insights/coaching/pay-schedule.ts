/**
 * When a person gets paid: their main income stream (one payer, steady amounts) and its rhythm — weekly,
 * every two weeks, twice a month or monthly — with the way the payer moves a payday off a weekend or bank
 * holiday, learnt from the dates the data shows. Pure: history in, schedule out.
 */
import { median } from 'simple-statistics';
import { byDate, merchantKey } from '../charges.ts';
import type { Txn } from '../types.ts';
import { addDays, addMonths, daysBetween } from '../../day.ts';
import { shiftToBusinessDay, type Shift } from './business-days.ts';

export type PayCadence = 'weekly' | 'biweekly' | 'semimonthly' | 'monthly';

/** A rule that predicts paydays: a day interval from an anchor, or fixed days of each month. */
export type PayRule =
  | { kind: 'interval'; days: 7 | 14; anchor: string; shift: Shift }
  /** Days of the month, ascending; a day past the month's end (31) means its last day. */
  | { kind: 'monthdays'; days: number[]; shift: Shift };

export interface PaySchedule {
  /** The payer as the data names it ("Acme Corp"). */
  payer: string;
  currency: string;
  /** The account the latest payment went into. */
  accountId: number;
  /** The latest payment's category (wages, benefits, interest…). */
  category: string;
  cadence: PayCadence;
  rule: PayRule;
  /** Median of the recent payments, minor units. */
  usualAmountMinor: number;
  lastPaid: { date: string; amountMinor: number };
  /** Payments the schedule was learnt from. */
  payments: number;
  /** The first payday after today (today itself when it is a payday not yet paid). */
  nextPayday: string;
  /** The last payment is well over a cycle old: the income may have stopped, or the data is old. */
  overdue: boolean;
}

/** Share of payments a rule must put on the right day, counting paydays it predicts that never came. */
const MIN_FIT = 0.75;
const MIN_PAYMENTS = 3;
/** Payments this close to the stream's median amount count as the same pay (overtime, tax changes). */
const AMOUNT_TOLERANCE = 0.3;
/** Share of payments that must be near the median for the stream to be regular pay. */
const MIN_STEADY_SHARE = 0.6;
/** How many recent payments set the usual amount. */
const RECENT = 6;
const SHIFTS: Shift[] = ['before', 'none', 'after'];
const CYCLE_DAYS: Record<PayCadence, number> = { weekly: 7, biweekly: 14, semimonthly: 15, monthly: 31 };

/**
 * Every regular income stream, the largest (by what it paid) first. Only money in counts: refunds are
 * spending and transfers between own accounts are not income.
 * @example findPaySchedules(history, '2026-03-10')[0]
 * // { payer: 'Acme Corp', cadence: 'semimonthly', rule: { kind: 'monthdays', days: [15, 31], shift: 'before' }, nextPayday: '2026-03-13', … }
 */
export function findPaySchedules(history: readonly Txn[], today: string): PaySchedule[] {
  const streams = new Map<string, Txn[]>();
  for (const t of byDate(history)) {
    if (t.flow !== 'income' || t.amountMinor <= 0 || t.date > today) continue;
    const key = merchantKey(t);
    streams.set(key, [...(streams.get(key) ?? []), t]);
  }
  const found: { schedule: PaySchedule; total: number }[] = [];
  for (const payments of streams.values()) {
    const schedule = scheduleOf(payments, today);
    if (schedule) found.push({ schedule, total: payments.reduce((n, t) => n + t.amountMinor, 0) });
  }
  return found.sort((a, b) => b.total - a.total).map((f) => f.schedule);
}

/** The main pay: the regular stream that brings in the most, or undefined when nothing comes in regularly. */
export function mainPaySchedule(history: readonly Txn[], today: string): PaySchedule | undefined {
  return findPaySchedules(history, today)[0];
}

function scheduleOf(payments: readonly Txn[], today: string): PaySchedule | undefined {
  if (payments.length < MIN_PAYMENTS) return undefined;
  const amounts = payments.map((t) => t.amountMinor);
  const typical = median(amounts);
  const steady = amounts.filter((a) => Math.abs(a - typical) <= AMOUNT_TOLERANCE * typical).length;
  if (steady / amounts.length < MIN_STEADY_SHARE) return undefined;
  const dates = [...new Set(payments.map((t) => t.date))];
  const best = bestRule(dates);
  if (!best) return undefined;
  const last = payments[payments.length - 1]!;
  const cadence = cadenceOf(best);
  const next = paydaysBetween(best, addDays(today, -1), addDays(today, 70)).find(
    (d) => d > today || (d === today && !dates.includes(today)),
  );
  if (!next) return undefined;
  return {
    payer: last.merchant || last.description,
    currency: last.currency,
    accountId: last.accountId,
    category: last.category,
    cadence,
    rule: best,
    usualAmountMinor: Math.round(median(amounts.slice(-RECENT))),
    lastPaid: { date: last.date, amountMinor: last.amountMinor },
    payments: payments.length,
    nextPayday: next,
    overdue: overdueOn({ cadence, lastPaid: last }, today),
  };
}

/** Interest is income, but nobody counts it as being paid. */
const NOT_PAY = /^INCOME_INTEREST/;
/** A second stream smaller than this share of the main one's monthly amount is not worth a mention. */
const MIN_SIDE_SHARE = 0.05;
const PER_MONTH: Record<PayCadence, number> = {
  weekly: 52 / 12,
  biweekly: 26 / 12,
  semimonthly: 2,
  monthly: 1,
};

/** About what a stream brings in a month. */
export function monthlyPay(s: Pick<PaySchedule, 'cadence' | 'usualAmountMinor'>): number {
  return Math.round(s.usualAmountMinor * PER_MONTH[s.cadence]);
}

/**
 * The regular streams besides the main one (a side job, a benefit) that still keep their rhythm on `day`
 * (the last day of the data), leaving out interest and streams too small to matter, largest first.
 * @example otherPayStreams(findPaySchedules(history, '2026-03-10'), '2026-03-09') // [{ payer: 'Uber', cadence: 'weekly', … }]
 */
export function otherPayStreams(schedules: readonly PaySchedule[], day: string): PaySchedule[] {
  const [main, ...rest] = schedules;
  if (!main) return [];
  return rest
    .filter((s) => !NOT_PAY.test(s.category) && !overdueOn(s, day))
    .filter((s) => s.currency !== main.currency || monthlyPay(s) >= MIN_SIDE_SHARE * monthlyPay(main))
    .sort((a, b) => monthlyPay(b) - monthlyPay(a));
}

/**
 * The paydays of a stream in `(after, before)`, each at the usual amount: pay that lands before a payday
 * (a side job's), or pay that came after an old statement was made.
 * @example payBetween(uber, '2026-03-09', '2026-03-13') // [{ payer: 'Uber', date: '2026-03-11', amountMinor: 18000, currency: 'USD' }]
 */
export function payBetween(
  s: PaySchedule,
  after: string,
  before: string,
): { payer: string; date: string; amountMinor: number; currency: string }[] {
  return paydaysBetween(s.rule, after, addDays(before, -1)).map((date) => ({
    payer: s.payer,
    date,
    amountMinor: s.usualAmountMinor,
    currency: s.currency,
  }));
}

/** True when the last payment is well over a cycle older than `day`. */
export function overdueOn(s: Pick<PaySchedule, 'cadence' | 'lastPaid'>, day: string): boolean {
  return daysBetween(s.lastPaid.date, day) > CYCLE_DAYS[s.cadence] * 1.5 + 3;
}

function cadenceOf(rule: PayRule): PayCadence {
  if (rule.kind === 'interval') return rule.days === 7 ? 'weekly' : 'biweekly';
  return rule.days.length === 2 ? 'semimonthly' : 'monthly';
}

/**
 * Paydays a rule predicts in `(after, until]`, each moved off a closed day.
 * @example paydaysBetween({ kind: 'monthdays', days: [15, 31], shift: 'before' }, '2026-03-01', '2026-03-31')
 * // ['2026-03-13', '2026-03-31']
 */
export function paydaysBetween(rule: PayRule, after: string, until: string): string[] {
  const out: string[] = [];
  const keep = (nominal: string) => {
    const day = shiftToBusinessDay(nominal, rule.shift);
    if (day > after && day <= until) out.push(day);
  };
  if (rule.kind === 'interval') {
    // Start a few steps before `after` so a date shifted forward across `after` is not missed.
    const steps = Math.floor(daysBetween(rule.anchor, after) / rule.days) - 1;
    for (let k = steps; ; k++) {
      const nominal = addDays(rule.anchor, k * rule.days);
      if (nominal > addDays(until, 7)) break;
      keep(nominal);
    }
  } else {
    for (let month = addMonths(`${after.slice(0, 7)}-01`, -1); month <= until; month = addMonths(month, 1))
      for (const d of rule.days) keep(dayOfMonth(month, d));
  }
  return [...new Set(out)].sort();
}

/** The `d`th of the month of `firstOfMonth`, or its last day when the month is shorter. */
function dayOfMonth(firstOfMonth: string, d: number): string {
  const length = Number(addDays(addMonths(firstOfMonth, 1), -1).slice(8, 10));
  return `${firstOfMonth.slice(0, 8)}${String(Math.min(d, length)).padStart(2, '0')}`;
}

/**
 * The rule that puts the most payments on their exact day while predicting the fewest paydays that never
 * came; undefined when none fits well. Ties go to the simpler rule, then to paying early on a closed day.
 */
function bestRule(dates: readonly string[]): PayRule | undefined {
  let best: { rule: PayRule; fit: number } | undefined;
  for (const rule of candidateRules(dates)) {
    const fit = fitOf(rule, dates);
    if (fit >= MIN_FIT && (!best || fit > best.fit + 1e-9)) best = { rule, fit };
  }
  return best?.rule;
}

function* candidateRules(dates: readonly string[]): Generator<PayRule> {
  for (const shift of SHIFTS) {
    for (const days of [7, 14] as const)
      for (const anchor of dates) yield { kind: 'interval', days, anchor, shift };
    for (let d = 1; d <= 31; d++) yield { kind: 'monthdays', days: [d], shift };
    for (let d1 = 1; d1 <= 20; d1++)
      for (let d2 = d1 + 10; d2 <= 31; d2++) yield { kind: 'monthdays', days: [d1, d2], shift };
  }
}

/** Payments on a predicted day, over payments plus predicted paydays within the data that had none. */
function fitOf(rule: PayRule, dates: readonly string[]): number {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const predicted = new Set(paydaysBetween(rule, addDays(first, -1), last));
  let matched = 0;
  for (const d of dates) if (predicted.has(d)) matched++;
  if (matched < MIN_PAYMENTS) return 0;
  const missed = predicted.size - matched;
  return matched / (dates.length + missed);
}
