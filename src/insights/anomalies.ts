/** Charges that stand out from a user's own history: outliers, large first-time merchants, fees and interest. */
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { byDate, isCharge, majorUnits, merchantKey, primaryCategory } from './charges.ts';
import { daysBetween } from '../day.ts';
import { isFixedBill } from './recurring.ts';
import type { Txn, UnusualBasis, UnusualFlag } from './types.ts';

export interface UnusualOptions {
  /** Only charges on or after this date are flagged; earlier history still sets what is usual. */
  since: string;
  /** Charges after this date are ignored (pending or mis-dated rows). */
  today: string;
  /** Charges below this many major units are never outliers (default 25). */
  minAmount?: number;
  /** A first charge at a merchant of at least this many major units is worth a look (default 200). */
  largeNewMerchantAmount?: number;
}

/** Modified z-score cut-off recommended by Iglewicz and Hoaglin. */
const Z_LIMIT = 3.5;
/** An outlier must also be this many times the usual charge, so a tight spread alone does not flag $12 against $10. */
const MIN_RATIO = 3;
/** Fewer other charges than this and the merchant's own history is too thin; its category decides. */
const MIN_MERCHANT_HISTORY = 4;
const MIN_CATEGORY_HISTORY = 8;
/** A merchant is only "new" when the history reaches back at least this far before the charge. */
const MIN_HISTORY_DAYS = 30;
/** A charge at a new merchant counts as large when it is this many times the user's typical charge. */
const NEW_MERCHANT_RATIO = 10;

const FEE_WORDS = /\b(?:FEES?|INTEREST CHARGE|FINANCE CHARGE|OVERDRAFT|NSF)\b/i;
/** Categories that say nothing about what a charge was for, so its wording may still reveal a fee. */
const UNPLACED = new Set(['', 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE']);

interface Baseline {
  basis: UnusualBasis;
  categoryLabelKey?: string;
  median: number;
  mad: number;
  count: number;
}

/** A price paid at the merchant at least this long before is the merchant's price now (a plan that went up), not a surprise. */
const REPEAT_PRICE_GAP_DAYS = 20;
/** How close to an earlier charge a price must be to count as the same price. */
const REPEAT_PRICE_TOLERANCE = 0.01;

/** Past this size one charge barely moves the median, so the group's own statistics stand in for leave-one-out. */
const LEAVE_ONE_OUT_MAX = 40;

interface Stats {
  median: number;
  mad: number;
  count: number;
}

/**
 * The user's charges by merchant, and which merchants make up each category, primary category and currency.
 * A category's usual charge is the median of its merchants' usual charges — each merchant counts once — so a
 * coffee habit does not make every restaurant bill in "food and drink" look huge.
 */
class History {
  private readonly byMerchant = new Map<string, number[]>();
  private readonly merchantsOf = new Map<string, Set<string>>();
  private readonly medians = new Map<string, number>();
  private readonly memo = new Map<string, Stats | undefined>();

  add(merchant: string, groups: readonly string[], amount: number): void {
    const list = this.byMerchant.get(merchant);
    if (list) list.push(amount);
    else this.byMerchant.set(merchant, [amount]);
    for (const g of groups) {
      const set = this.merchantsOf.get(g);
      if (set) set.add(merchant);
      else this.merchantsOf.set(g, new Set([merchant]));
    }
  }

  /** The merchant's other charges, so a charge never vouches for itself. */
  merchant(merchant: string, amount: number): Stats | undefined {
    const list = this.byMerchant.get(merchant);
    if (!list) return undefined;
    const large = list.length > LEAVE_ONE_OUT_MAX;
    return this.cached(large ? merchant : `${merchant}#${amount}`, () => {
      const others = [...list];
      if (!large) others.splice(others.indexOf(amount), 1);
      if (others.length === 0) return undefined;
      return {
        median: median(others),
        mad: medianAbsoluteDeviation(others),
        count: large ? others.length - 1 : others.length,
      };
    });
  }

  /** Usual charge across a group's merchants, leaving out the merchant being judged. */
  group(group: string, exceptMerchant: string): Stats | undefined {
    return this.cached(`${group}@${exceptMerchant}`, () => {
      const medians: number[] = [];
      let count = 0;
      for (const m of this.merchantsOf.get(group) ?? []) {
        if (m === exceptMerchant) continue;
        const list = this.byMerchant.get(m)!;
        let med = this.medians.get(m);
        if (med === undefined) this.medians.set(m, (med = median(list)));
        medians.push(med);
        count += list.length;
      }
      if (medians.length === 0) return undefined;
      return { median: median(medians), mad: medianAbsoluteDeviation(medians), count };
    });
  }

  private cached(key: string, compute: () => Stats | undefined): Stats | undefined {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key);
  }
}

/**
 * Flags charges since a date that a person would want pointed out. Robust statistics (median and median absolute
 * deviation) set what is usual, so one earlier splurge does not hide the next; a charge is an outlier only when its
 * modified z-score is above 3.5 and it is at least 3× the usual amount. Thin merchant history (under 4 other
 * charges) falls back to the detailed category, then the primary category, then all of the user's charges, each
 * measured over its merchants' usual charges. A price already paid at the merchant weeks earlier is its price now
 * (a plan that went up is reported as a price rise), so it is not flagged again. A first charge at a never-seen merchant is flagged when it is large
 * ($200, or 10× the user's typical charge) unless its category says such amounts are normal (under 2×). Fees and
 * interest are always flagged. Transfers, income, cash and refunds never are, and neither are fixed bills (rent,
 * utilities, loan repayments, insurance): their amounts are set by a contract or a meter, and they are neither
 * "usual" at another merchant's scale nor a surprise on the day they fall due.
 * @example findUnusualCharges(history, { since: '2026-02-01', today: '2026-03-10' })
 * // [{ kind: 'new_merchant', amountMinor: 124900, typicalMinor: 6574, ratio: 19, basis: 'category', categoryLabelKey: 'GENERAL_MERCHANDISE', … }]
 */
export function findUnusualCharges(history: readonly Txn[], options: UnusualOptions): UnusualFlag[] {
  const charges = byDate(history.filter((t) => isCharge(t) && !isFixedBill(t.category)));
  if (charges.length === 0) return [];
  const firstDate = charges[0]!.date;

  const seen = new History();
  const firstSeen = new Map<string, string>();
  const paid = new Map<string, Txn[]>();
  for (const t of charges) {
    const m = merchantKey(t);
    const list = paid.get(m);
    if (list) list.push(t);
    else paid.set(m, [t]);
    seen.add(
      m,
      [`${t.currency}|${t.category}`, `${t.currency}|${primaryCategory(t.category)}`, t.currency],
      -t.amountMinor,
    );
    if (!firstSeen.has(m)) firstSeen.set(m, t.date);
  }

  const baselineFor = (t: Txn, amount: number, skipMerchant: boolean): Baseline | undefined => {
    const m = merchantKey(t);
    const merchant = skipMerchant ? undefined : seen.merchant(m, amount);
    if (merchant && merchant.count >= MIN_MERCHANT_HISTORY) return { basis: 'merchant', ...merchant };
    const detailed = seen.group(`${t.currency}|${t.category}`, m);
    if (detailed && detailed.count >= MIN_CATEGORY_HISTORY) {
      return { basis: 'category', categoryLabelKey: t.category, ...detailed };
    }
    const primary = primaryCategory(t.category);
    const broad = seen.group(`${t.currency}|${primary}`, m);
    if (broad && broad.count >= MIN_CATEGORY_HISTORY) {
      return { basis: 'category', categoryLabelKey: primary, ...broad };
    }
    const all = seen.group(t.currency, m);
    return all && all.count >= MIN_CATEGORY_HISTORY ? { basis: 'all', ...all } : undefined;
  };

  const flags: UnusualFlag[] = [];
  for (const t of charges) {
    if (t.date < options.since || t.date > options.today) continue;
    const amount = -t.amountMinor;
    if (isFee(t)) {
      flags.push({ kind: 'fee', txn: t, amountMinor: amount });
      continue;
    }
    if (amount < majorUnits(options.minAmount ?? 25, t.currency)) continue;

    const isNew =
      firstSeen.get(merchantKey(t)) === t.date && daysBetween(firstDate, t.date) >= MIN_HISTORY_DAYS;
    const baseline = baselineFor(t, amount, isNew);
    const ratio = baseline && baseline.median > 0 ? amount / baseline.median : undefined;
    const described = baseline ? describe(baseline, amount) : {};

    if (isNew && isLargeForNewMerchant(t, amount, seen, options) && (ratio === undefined || ratio >= 2)) {
      flags.push({ kind: 'new_merchant', txn: t, amountMinor: amount, ...described });
    } else if (
      baseline &&
      ratio !== undefined &&
      ratio >= MIN_RATIO &&
      robustZ(amount, baseline) > Z_LIMIT &&
      !paidBefore(paid.get(merchantKey(t)) ?? [], t)
    ) {
      flags.push({ kind: 'outlier', txn: t, amountMinor: amount, ...described });
    }
  }
  return flags.sort((a, b) =>
    a.txn.date !== b.txn.date ? (a.txn.date < b.txn.date ? 1 : -1) : b.amountMinor - a.amountMinor,
  );
}

/** True when the same price was charged at the merchant weeks before: that is its price now, already seen once. */
function paidBefore(atMerchant: readonly Txn[], t: Txn): boolean {
  return atMerchant.some(
    (earlier) =>
      daysBetween(earlier.date, t.date) >= REPEAT_PRICE_GAP_DAYS &&
      Math.abs(earlier.amountMinor - t.amountMinor) <= REPEAT_PRICE_TOLERANCE * -t.amountMinor,
  );
}

/**
 * Bank fees and interest by category, or by the words banks print on them when nothing better placed the charge
 * ("PLANET FITNESS CLUB FEES" is a gym, not a bank fee).
 */
export function isFee(t: Txn): boolean {
  const code = t.category.toUpperCase();
  return code.startsWith('BANK_FEES') || (UNPLACED.has(code) && FEE_WORDS.test(t.description));
}

function isLargeForNewMerchant(t: Txn, amount: number, seen: History, options: UnusualOptions): boolean {
  if (amount >= majorUnits(options.largeNewMerchantAmount ?? 200, t.currency)) return true;
  const typical = seen.group(t.currency, merchantKey(t));
  return (
    typical !== undefined &&
    typical.count >= MIN_CATEGORY_HISTORY &&
    amount >= NEW_MERCHANT_RATIO * typical.median
  );
}

/** Modified z-score; a MAD of 0 (every charge the same price) is floored at 5% of the median so it stays finite. */
function robustZ(amount: number, b: Baseline): number {
  const spread = Math.max(b.mad, 0.05 * b.median, 1);
  return (0.6745 * (amount - b.median)) / spread;
}

function describe(b: Baseline, amount: number): Partial<UnusualFlag> {
  const typicalMinor = Math.round(b.median);
  return {
    typicalMinor,
    ratio: typicalMinor > 0 ? Math.round((amount / typicalMinor) * 10) / 10 : undefined,
    basis: b.basis,
    ...(b.categoryLabelKey ? { categoryLabelKey: b.categoryLabelKey } : {}),
    basisCount: b.count,
  };
}
