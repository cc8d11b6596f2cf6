/**
 * A believable year of a US household's banking, for demos and for exercising the insights end to end:
 * a Chase checking account with payroll, rent and bills, a savings account, and three cards from
 * different banks paid in full from checking. Deterministic for a given `today` and seed.
 */
import type { AccountType, ParsedStatement, StatementTransaction } from '../ingest/types.ts';
import {
  dayInMonth,
  dayNumber,
  isoDate,
  monthIndex,
  nextBusinessDay,
  previousBusinessDay,
  weekday,
} from './calendar.ts';
import { expandDescriptor } from './descriptor.ts';
import { amountAround, intBetween, pick, pickWeighted, streamFor } from '../random.ts';
import type { Rng } from '../random.ts';
import { loadHouseholdRecipe, minor } from './recipe.ts';
import type { HouseholdRecipe, MonthlyRecipe } from './recipe.ts';

export interface DemoAccount {
  name: string;
  institution: string;
  type: AccountType;
  currency: 'USD';
  mask: string;
  statement: ParsedStatement;
}

/** A transaction before it is placed in its account's statement. */
interface Draft {
  account: string;
  day: number;
  amountMinor: number;
  description: string;
  bankType?: string;
  /** Merchant id, for refunds. */
  merchant?: string;
  /** Card payment lines are left out when computing the next payment. */
  payment?: boolean;
}

interface Period {
  start: number;
  end: number;
  /** Month index of `end`, for "monthsAgo" price changes. */
  endMonth: number;
}

/**
 * Generates the demo household's statements covering the twelve full calendar months before `today`'s
 * month plus that month up to and including `today`, so every monthly chart has a full year.
 * @example generateDemoHousehold('2026-03-10') // Chase Checking, Chase Savings, Amex Gold, Capital One Quicksilver, Citi Double Cash
 */
export function generateDemoHousehold(
  today: string,
  seed = 1,
  recipe: HouseholdRecipe = loadHouseholdRecipe(),
): DemoAccount[] {
  const end = dayNumber(today);
  const endMonth = monthIndex(end);
  const period: Period = { start: dayInMonth(endMonth - 12, 1), end, endMonth };
  const drafts = [
    ...income(recipe, period),
    ...monthlyLines(recipe, period, seed),
    ...oneOffs(recipe, period),
  ];
  const purchases = merchantVisits(recipe, period, seed);
  drafts.push(...purchases, ...refunds(recipe, period, seed, purchases));
  drafts.push(...cardPayments(recipe, period, drafts));
  return recipe.accounts.map((a) => {
    const opening = minor(a.openingBalance, `account ${a.id}`);
    const own = drafts.filter((d) => d.account === a.id).sort((x, y) => x.day - y.day);
    return {
      name: a.name,
      institution: a.institution,
      type: a.type,
      currency: 'USD',
      mask: a.mask,
      statement: toStatement(a, own, opening, today, seed),
    };
  });
}

function toStatement(
  account: HouseholdRecipe['accounts'][number],
  drafts: Draft[],
  opening: number,
  today: string,
  seed: number,
): ParsedStatement {
  let balance = opening;
  const perDay = new Map<number, number>();
  const running = account.type !== 'credit_card';
  const transactions = drafts.map((d): StatementTransaction => {
    balance += d.amountMinor;
    const n = (perDay.get(d.day) ?? 0) + 1;
    perDay.set(d.day, n);
    const date = isoDate(d.day);
    return {
      date,
      amountMinor: d.amountMinor,
      currency: 'USD',
      description: d.description,
      externalId: `${account.mask}-${date.replaceAll('-', '')}-${n}`,
      ...(d.bankType ? { bankType: d.bankType } : {}),
      ...(running ? { balanceAfterMinor: balance } : {}),
    };
  });
  return {
    format: 'csv',
    layout: 'demo',
    account: {
      type: account.type,
      mask: account.mask,
      institution: account.institution,
      name: account.name,
      currency: 'USD',
    },
    transactions,
    balances: [{ amountMinor: balance, currency: 'USD', asOf: today, kind: 'ledger' }],
    assumptions: [`Demo data generated for ${today} with seed ${seed}; not a real account.`],
  };
}

function eachMonth(period: Period): number[] {
  const months: number[] = [];
  for (let m = monthIndex(period.start); m <= period.endMonth; m++) months.push(m);
  return months;
}

const inPeriod = (period: Period, day: number): boolean => day >= period.start && day <= period.end;

function income(recipe: HouseholdRecipe, period: Period): Draft[] {
  const out: Draft[] = [];
  for (const i of recipe.income) {
    for (const month of eachMonth(period)) {
      for (const dom of i.days) {
        const day = previousBusinessDay(dayInMonth(month, dom));
        if (inPeriod(period, day))
          out.push({
            account: i.account,
            day,
            amountMinor: minor(i.amount, i.descriptor),
            description: i.descriptor,
            bankType: i.bankType ?? 'ACH_CREDIT',
          });
      }
    }
  }
  return out;
}

/** The price in force in a month: the latest change whose start month has been reached. */
function monthlyAmount(m: MonthlyRecipe, month: number, period: Period, rng: Rng): number {
  const changes = [...(m.priceChanges ?? [])].sort((a, b) => b.monthsAgo - a.monthsAgo);
  let amount = m.amount;
  for (const c of changes) if (month >= period.endMonth - c.monthsAgo) amount = c.amount;
  if (typeof amount === 'string') return minor(amount, m.descriptor);
  const factor = m.seasonal?.[month % 12] ?? 1;
  const base = amountAround(
    rng,
    minor(amount.min, m.descriptor),
    minor(amount.typical, m.descriptor),
    minor(amount.max, m.descriptor),
  );
  return Math.round(base * factor);
}

function monthlyLines(recipe: HouseholdRecipe, period: Period, seed: number): Draft[] {
  const out: Draft[] = [];
  for (const m of recipe.monthly) {
    const rng = streamFor(seed, `monthly:${m.descriptor}`);
    const bankDay = m.bankType?.startsWith('ACH') || m.bankType === 'XFER';
    for (const month of eachMonth(period)) {
      const due = dayInMonth(month, m.day);
      const day = bankDay ? nextBusinessDay(due) : due;
      const amount = monthlyAmount(m, month, period, rng);
      if (!inPeriod(period, day)) continue;
      const sign = m.sign ?? -1;
      out.push({
        account: m.account,
        day,
        amountMinor: sign * amount,
        description: m.descriptor,
        bankType: m.bankType ?? 'Sale',
      });
      if (m.transfer)
        out.push({
          account: m.transfer.to,
          day,
          amountMinor: -sign * amount,
          description: m.transfer.descriptor,
          bankType: 'XFER',
        });
    }
  }
  return out;
}

function merchantVisits(recipe: HouseholdRecipe, period: Period, seed: number): Draft[] {
  const out: Draft[] = [];
  for (const m of recipe.merchants) {
    const rng = streamFor(seed, `merchant:${m.id}`);
    const weekend = m.weekendWeight ?? 1.4;
    const perWeekday = m.perWeek / (5 + 2 * weekend);
    for (let day = period.start; day <= period.end; day++) {
      const wd = weekday(day);
      const p = perWeekday * (wd === 0 || wd === 6 ? weekend : 1);
      const visits = Math.floor(p) + (rng() < p - Math.floor(p) ? 1 : 0);
      for (let v = 0; v < visits; v++) {
        const amount = m.amount
          ? amountAround(
              rng,
              minor(m.amount.min, m.id),
              minor(m.amount.typical, m.id),
              minor(m.amount.max, m.id),
            )
          : minor(pick(rng, m.choices ?? []), `merchant ${m.id}`);
        const account = pickWeighted(rng, m.accounts);
        out.push({
          account,
          day,
          amountMinor: -amount,
          description: expandDescriptor(pick(rng, m.descriptors), day, rng),
          bankType: m.bankType ?? 'Sale',
          merchant: m.id,
        });
      }
    }
  }
  return out;
}

/**
 * Returns post as a credit with the purchase's own descriptor, as card issuers print them. At least one
 * refund is always produced, so the demo can always show one.
 */
function refunds(recipe: HouseholdRecipe, period: Period, seed: number, purchases: Draft[]): Draft[] {
  const out: Draft[] = [];
  const refund = (p: Draft, day: number): Draft => ({
    ...p,
    day,
    amountMinor: -p.amountMinor,
    bankType: 'Return',
    merchant: undefined,
  });
  for (const r of recipe.refunds) {
    const rng = streamFor(seed, `refund:${r.merchant}`);
    const candidates = purchases.filter((p) => p.merchant === r.merchant);
    for (const p of candidates) {
      const hit = rng() < r.probability;
      const day = p.day + intBetween(rng, r.lagDays[0], r.lagDays[1]);
      if (hit && day <= period.end) out.push(refund(p, day));
    }
    if (out.length === 0) {
      const latest = period.end - r.lagDays[0];
      const largest = candidates
        .filter((p) => p.day <= latest)
        .sort((a, b) => a.amountMinor - b.amountMinor)[0];
      if (largest) out.push(refund(largest, largest.day + r.lagDays[0]));
    }
  }
  return out;
}

function oneOffs(recipe: HouseholdRecipe, period: Period): Draft[] {
  return recipe.oneOffs
    .map((o) => ({
      account: o.account,
      day: period.end - o.daysAgo,
      amountMinor: minor(o.amount, o.descriptor),
      description: o.descriptor,
      bankType: o.bankType ?? 'Sale',
    }))
    .filter((d) => inPeriod(period, d.day));
}

/**
 * Each card is paid in full every month: the previous calendar month's net spend leaves checking on the
 * payment day, and the card posts a credit of the same amount `lagDays` later. A payment whose credit
 * would land after `today` is left out entirely, so every debit has its credit.
 */
function cardPayments(recipe: HouseholdRecipe, period: Period, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const card of recipe.accounts) {
    const pay = card.payment;
    if (!pay) continue;
    for (const month of eachMonth(period).slice(1)) {
      const from = dayInMonth(month - 1, 1);
      const to = dayInMonth(month, 1);
      const net = drafts
        .filter((d) => d.account === card.id && !d.payment && d.day >= from && d.day < to)
        .reduce((s, d) => s + d.amountMinor, 0);
      const debitDay = nextBusinessDay(dayInMonth(month, pay.day));
      const creditDay = debitDay + pay.lagDays;
      if (net >= 0 || creditDay > period.end) continue;
      out.push({
        account: pay.from,
        day: debitDay,
        amountMinor: net,
        description: pay.debitDescriptor,
        bankType: 'ACH_DEBIT',
        payment: true,
      });
      out.push({
        account: card.id,
        day: creditDay,
        amountMinor: -net,
        description: pay.creditDescriptor,
        bankType: 'Payment',
        payment: true,
      });
    }
  }
  return out;
}
