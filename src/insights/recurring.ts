/** Regular charges — subscriptions and bills — found from history alone, with price changes and what comes next. */
import { median } from 'simple-statistics';
import { expectedBillAmount } from './bill-estimate.ts';
import { byDate, isCharge, merchantKey } from './charges.ts';
import { addDays, addMonths, dayNumber, daysBetween } from '../day.ts';
import type { Cadence, PriceChange, RecurringSeries, Txn } from './types.ts';

interface CadenceRule {
  cadence: Cadence;
  /** Average days per cycle. */
  days: number;
  /** Allowed distance of a gap from `days`, for a charge a few days early or late. */
  tolerance: number;
  minOccurrences: number;
  /** Cycles per year, for the monthly equivalent. */
  perYear: number;
  /** Months per cycle when the cycle is calendar-based, else undefined. */
  months?: number;
}

const RULES: CadenceRule[] = [
  { cadence: 'weekly', days: 7, tolerance: 1, minOccurrences: 3, perYear: 52 },
  { cadence: 'biweekly', days: 14, tolerance: 2, minOccurrences: 3, perYear: 26 },
  { cadence: 'monthly', days: 30.44, tolerance: 4, minOccurrences: 3, perYear: 12, months: 1 },
  { cadence: 'quarterly', days: 91.31, tolerance: 10, minOccurrences: 3, perYear: 4, months: 3 },
  { cadence: 'yearly', days: 365.25, tolerance: 15, minOccurrences: 2, perYear: 1, months: 12 },
];

/** A charge with its day number and positive amount worked out once. */
interface Charge {
  t: Txn;
  day: number;
  amount: number;
}

/** Amounts this close to the series median count as the same price (tax, currency rounding, small changes). */
const AMOUNT_TOLERANCE = 0.2;
/** Bills that vary (utilities) may stray this far from their median when their timing is strict. */
const VARIABLE_TOLERANCE = 0.5;
/** Share of gaps that must fit the cadence; the rest may be a missed cycle. */
const MIN_FIT_SHARE = 0.75;
/** Extra charges within a cycle (duplicates, one-off purchases) tolerated per kept charge. */
const MAX_EXTRA_SHARE = 0.25;
/** A series is active while its last charge is within this many cycles of today. */
const ACTIVE_CYCLES = 1.5;

/** Rent, utilities, loan repayments and insurance: amounts set by a contract or a meter, not chosen at a till. */
const FIXED_BILLS = /^(?:RENT_AND_UTILITIES|LOAN_PAYMENTS|GENERAL_SERVICES_INSURANCE)/;
const BILL_CATEGORIES = /^(?:RENT_AND_UTILITIES|LOAN_PAYMENTS|GENERAL_SERVICES_INSURANCE|BANK_FEES)/;
const SUBSCRIPTION_CATEGORIES =
  /^(?:ENTERTAINMENT_TV_AND_MOVIES|ENTERTAINMENT_MUSIC_AND_AUDIO|ENTERTAINMENT_VIDEO_GAMES|GENERAL_SERVICES_|PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS)/;
const SUBSCRIPTION_NAMES =
  /netflix|spotify|hulu|disney|apple|google|icloud|adobe|youtube|\bhbo\b|\bmax\b|paramount|peacock|prime video|amazon prime|audible|kindle|dropbox|microsoft|xbox|playstation|nintendo|patreon|substack|nytimes|new york times|openai|chatgpt|\bgym\b|fitness|peloton|equinox|duolingo|crunchyroll|sirius|pandora|tidal|1password|github|\bzoom\b|canva/i;

/**
 * Detects charges that repeat weekly, biweekly, monthly, quarterly or yearly. Amounts may drift (±20%), change
 * price for good, or vary like a utility bill when the timing is strict; dates may slip a few days. An extra charge
 * within one cycle (a duplicate) is left out rather than breaking the rhythm. At least three charges are needed
 * (two for yearly).
 * @example findRecurring(history, '2026-03-10')
 * // [{ merchant: 'NETFLIX.COM', cadence: 'monthly', lastAmountMinor: 1799, priceChanges: [{ date: '2025-12-09', fromMinor: 1549, toMinor: 1799 }], … }]
 */
export function findRecurring(history: readonly Txn[], today: string): RecurringSeries[] {
  const byMerchant = new Map<string, Charge[]>();
  for (const t of byDate(history.filter(isCharge))) {
    const key = merchantKey(t);
    const c = { t, day: dayNumber(t.date), amount: -t.amountMinor };
    const list = byMerchant.get(key);
    if (list) list.push(c);
    else byMerchant.set(key, [c]);
  }
  const found: RecurringSeries[] = [];
  for (const list of byMerchant.values()) {
    if (list.length < 2) continue;
    const whole = detect(list, today, false);
    if (whole) {
      found.push(whole);
      continue;
    }
    // A merchant can bill several things (a cloud plan among one-off purchases): try each price band alone.
    for (const band of priceBands(list)) {
      if (band.length === list.length || band.length < 2) continue;
      const series = detect(band, today, true);
      if (series) found.push(series);
    }
  }
  return found.sort((a, b) => Number(b.active) - Number(a.active) || b.monthlyMinor - a.monthlyMinor);
}

/**
 * Price rises since a date ("Netflix went from $15.49 to $17.99 in December"), newest first; changePct is a
 * fraction (0.161 = 16.1%).
 */
export function findPriceRises(
  series: readonly RecurringSeries[],
  since: string,
): { series: RecurringSeries; change: PriceChange; changePct: number }[] {
  return series
    .flatMap((s) =>
      s.priceChanges
        .filter((c) => c.date >= since && c.toMinor > c.fromMinor)
        .map((change) => ({
          series: s,
          change,
          changePct: Math.round(((change.toMinor - change.fromMinor) / change.fromMinor) * 1000) / 1000,
        })),
    )
    .sort((a, b) => (a.change.date < b.change.date ? 1 : a.change.date > b.change.date ? -1 : 0));
}

/** What active subscriptions cost per month, one total per currency. */
export function monthlySubscriptionTotal(
  series: readonly RecurringSeries[],
): { currency: string; amountMinor: number; count: number }[] {
  const totals = new Map<string, { currency: string; amountMinor: number; count: number }>();
  for (const s of series) {
    if (!s.active || !s.isSubscription) continue;
    const t = totals.get(s.currency) ?? { currency: s.currency, amountMinor: 0, count: 0 };
    t.amountMinor += s.monthlyMinor;
    t.count += 1;
    totals.set(s.currency, t);
  }
  return [...totals.values()].sort((a, b) => b.amountMinor - a.amountMinor);
}

/**
 * True for a fixed bill: rent, mortgage and other loan repayments, utilities (power, water, phone, internet) and
 * insurance. Such charges are never "unusual" and never subscriptions.
 * @example isFixedBill('RENT_AND_UTILITIES_RENT') // true
 */
export function isFixedBill(category: string): boolean {
  return FIXED_BILLS.test(category.toUpperCase());
}

/** Streaming, software, memberships and gyms; rent, utilities, insurance and loans are bills, whatever the name. */
export function isSubscriptionLike(merchant: string, category: string): boolean {
  const code = category.toUpperCase();
  if (BILL_CATEGORIES.test(code)) return false;
  return SUBSCRIPTION_CATEGORIES.test(code) || SUBSCRIPTION_NAMES.test(merchant);
}

/**
 * Tries each cadence from the shortest. A band cut out of a busier merchant must keep one exact price (a cloud plan
 * among purchases), or a restaurant's similar bills would pass for a subscription.
 */
function detect(list: readonly Charge[], today: string, band: boolean): RecurringSeries | undefined {
  const span = list[list.length - 1]!.day - list[0]!.day;
  for (const rule of RULES) {
    const most = Math.floor(span / (rule.days - rule.tolerance)) + 1;
    if (most < rule.minOccurrences || list.length > most * (1 + MAX_EXTRA_SHARE) + 1) continue;
    const kept = keepOnePerCycle(list, rule);
    const extras = list.length - kept.length;
    if (kept.length < rule.minOccurrences || extras > Math.max(1, MAX_EXTRA_SHARE * kept.length)) continue;
    const timing = timingOf(kept, rule);
    if (timing.fitShare < MIN_FIT_SHARE || !timing.allExplained) continue;
    const amounts = kept.map((c) => c.amount);
    const price = priceOf(amounts, kept);
    if (band && !(price.fixed && price.longestRun >= rule.minOccurrences)) continue;
    const steady = price.fixed || price.withinShare >= MIN_FIT_SHARE;
    const variableBill = timing.strict && rule.days >= 28 && kept.length >= 4 && price.withinVariable;
    if (!steady && !variableBill) continue;
    return describe(kept, rule, price, today);
  }
  return undefined;
}

/** Drops charges that come less than half a cycle after the previous kept one. */
function keepOnePerCycle(list: readonly Charge[], rule: CadenceRule): Charge[] {
  const kept: Charge[] = [];
  for (const c of list) {
    const last = kept[kept.length - 1];
    if (!last || c.day - last.day >= rule.days / 2) kept.push(c);
  }
  return kept;
}

function timingOf(
  kept: readonly Charge[],
  rule: CadenceRule,
): { fitShare: number; allExplained: boolean; strict: boolean } {
  let fits = 0;
  let allExplained = true;
  for (let i = 1; i < kept.length; i++) {
    const gap = kept[i]!.day - kept[i - 1]!.day;
    if (Math.abs(gap - rule.days) <= rule.tolerance) fits++;
    // One missed cycle is allowed; anything else means this is not the rhythm.
    else if (Math.abs(gap - 2 * rule.days) > 2 * rule.tolerance) allExplained = false;
  }
  const gaps = kept.length - 1;
  return { fitShare: gaps > 0 ? fits / gaps : 0, allExplained, strict: fits === gaps };
}

interface Price {
  fixed: boolean;
  withinShare: number;
  withinVariable: boolean;
  typical: number;
  longestRun: number;
  changes: PriceChange[];
}

/**
 * A fixed price is one amount, or runs of equal amounts where every run between the first and the last repeats —
 * so a price change shows as a new run, while a bill that differs every time does not.
 */
function priceOf(amounts: readonly number[], kept: readonly Charge[]): Price {
  const typical = median([...amounts]);
  const runs: { start: number; length: number }[] = [];
  amounts.forEach((a, i) => {
    const last = runs[runs.length - 1];
    if (last && amounts[last.start] === a) last.length++;
    else runs.push({ start: i, length: 1 });
  });
  const fixed =
    runs.length === 1 ||
    (runs.slice(1, -1).every((r) => r.length >= 2) &&
      (runs.length === 2 || amounts.length >= 2 * runs.length));
  const changes: PriceChange[] = [];
  if (fixed) {
    for (let i = 1; i < runs.length; i++) {
      const run = runs[i]!;
      changes.push({
        date: kept[run.start]!.t.date,
        fromMinor: amounts[run.start - 1]!,
        toMinor: amounts[run.start]!,
      });
    }
  }
  const near = (limit: number) => amounts.filter((a) => Math.abs(a - typical) <= limit * typical).length;
  return {
    fixed,
    withinShare: near(AMOUNT_TOLERANCE) / amounts.length,
    withinVariable: near(VARIABLE_TOLERANCE) === amounts.length,
    typical,
    longestRun: Math.max(...runs.map((r) => r.length)),
    changes,
  };
}

function describe(
  series: readonly Charge[],
  rule: CadenceRule,
  price: Price,
  today: string,
): RecurringSeries {
  const kept = series.map((c) => c.t);
  const last = kept[kept.length - 1]!;
  const lastAmount = -last.amountMinor;
  const typical = Math.round(price.typical);
  const base = price.fixed ? lastAmount : typical;
  const nextExpectedDate = rule.months ? addMonths(last.date, rule.months) : addDays(last.date, rule.days);
  const past = series.map((c) => ({ date: c.t.date, amountMinor: c.amount }));
  return {
    merchant: last.merchant,
    category: last.category,
    currency: last.currency,
    cadence: rule.cadence,
    txnIds: kept.map((t) => t.id),
    occurrences: kept.length,
    firstDate: kept[0]!.date,
    lastDate: last.date,
    lastAmountMinor: lastAmount,
    typicalAmountMinor: typical,
    variableAmount: !price.fixed,
    nextExpectedDate,
    // A varying bill's next amount follows the one rule both bill finders share; its monthly cost stays the usual one.
    nextExpectedAmountMinor: price.fixed ? lastAmount : expectedBillAmount(past, nextExpectedDate),
    monthlyMinor: Math.round((base * rule.perYear) / 12),
    active: daysBetween(last.date, today) <= ACTIVE_CYCLES * rule.days,
    isSubscription: isSubscriptionLike(last.merchant, last.category),
    priceChanges: price.changes,
  };
}

/** Splits amounts into bands where each amount is within 20% of the band's smallest. */
function priceBands(list: readonly Charge[]): Charge[][] {
  const sorted = [...list].sort((a, b) => a.amount - b.amount);
  const bands: Charge[][] = [];
  for (const c of sorted) {
    const band = bands[bands.length - 1];
    if (band && c.amount <= band[0]!.amount * (1 + AMOUNT_TOLERANCE)) band.push(c);
    else bands.push([c]);
  }
  return bands.map((b) => b.sort((x, y) => x.day - y.day || x.t.id - y.t.id));
}
