/** Charges that look billed twice, told apart from purchases a person genuinely repeats. */
import { median } from 'simple-statistics';
import { byDate, isCharge, merchantKey } from './charges.ts';
import { daysBetween } from '../day.ts';
import type { DuplicatePair, Txn } from './types.ts';

export interface DuplicateOptions {
  /** Only pairs whose second charge is on or after this date are returned. */
  since: string;
  /** How close two identical charges must be to look like one purchase billed twice (default 3 days). */
  windowDays?: number;
}

/** A repeat counts as a duplicate only when it comes this many times sooner than the merchant's usual gap. */
const CADENCE_FACTOR = 4;
/** However long the usual cycle, two charges further apart than this are not called duplicates. */
const MAX_WINDOW_DAYS = 10;
/** Days with several charges at a merchant are "common" at this share of its charge days (and at least twice more). */
const MULTI_DAY_SHARE = 0.15;
/** A refund of the same amount this soon after the second charge settles the pair. */
const REFUND_DAYS = 45;

interface MerchantHabits {
  /** Median days between successive charge days, when there are at least two gaps. */
  usualGap?: number;
  /** Days with two or more charges, and all charge days. */
  multiDays: number;
  days: number;
}

/**
 * Finds the same merchant charging the same amount twice within a short window. A repeat is not a duplicate when
 * the merchant's usual rhythm explains it: a daily coffee bought again the next day, or a shop where several
 * purchases on one day are common. A charge that usually comes monthly is a duplicate when it comes twice within
 * a quarter of its cycle (Spotify twice in one week), even outside the default window. Pairs already refunded
 * (a credit of the same amount at the merchant soon after) are left out.
 * @example findDuplicateCharges(history, { since: '2026-02-01' })
 * // [{ first: {… SPOTIFY 2026-02-17}, second: {… SPOTIFY 2026-02-17}, gapDays: 0, usualGapDays: 31 }]
 */
export function findDuplicateCharges(history: readonly Txn[], options: DuplicateOptions): DuplicatePair[] {
  const windowDays = options.windowDays ?? 3;
  const charges = byDate(history.filter(isCharge));
  const byMerchant = new Map<string, Txn[]>();
  for (const t of charges) {
    const key = merchantKey(t);
    const list = byMerchant.get(key);
    if (list) list.push(t);
    else byMerchant.set(key, [t]);
  }
  const refunds = history.filter((t) => t.flow === 'spending' && t.amountMinor > 0);

  const pairs: DuplicatePair[] = [];
  for (const list of byMerchant.values()) {
    if (list.length < 2) continue;
    let habits: MerchantHabits | undefined;
    const lastByAmount = new Map<number, Txn>();
    for (const t of list) {
      const previous = lastByAmount.get(t.amountMinor);
      lastByAmount.set(t.amountMinor, t);
      if (!previous || t.date < options.since) continue;
      const gap = daysBetween(previous.date, t.date);
      if (gap > Math.max(windowDays, MAX_WINDOW_DAYS)) continue;
      habits ??= habitsOf(list);
      if (!looksDuplicated(gap, windowDays, habits)) continue;
      if (isRefunded(t, refunds)) continue;
      pairs.push({
        first: previous,
        second: t,
        gapDays: gap,
        ...(habits.usualGap !== undefined ? { usualGapDays: habits.usualGap } : {}),
      });
    }
  }
  return pairs.sort((a, b) => (a.second.date < b.second.date ? 1 : a.second.date > b.second.date ? -1 : 0));
}

function looksDuplicated(gap: number, windowDays: number, habits: MerchantHabits): boolean {
  const { usualGap } = habits;
  // A long usual cycle widens the window: a monthly charge twice in one week is still one too many.
  const window =
    usualGap === undefined
      ? windowDays
      : Math.max(windowDays, Math.min(MAX_WINDOW_DAYS, Math.floor(usualGap / CADENCE_FACTOR)));
  if (gap > window) return false;
  if (usualGap !== undefined && gap >= usualGap / CADENCE_FACTOR) return false;
  if (gap === 0 && severalPerDayIsCommon(habits)) return false;
  return true;
}

function severalPerDayIsCommon(h: MerchantHabits): boolean {
  // The day being judged is one of the multi-charge days, so it needs company to count as a habit.
  return h.multiDays - 1 >= 2 && (h.multiDays - 1) / h.days >= MULTI_DAY_SHARE;
}

function habitsOf(list: readonly Txn[]): MerchantHabits {
  const perDay = new Map<string, number>();
  for (const t of list) perDay.set(t.date, (perDay.get(t.date) ?? 0) + 1);
  const days = [...perDay.keys()];
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(daysBetween(days[i - 1]!, days[i]!));
  let multiDays = 0;
  for (const n of perDay.values()) if (n > 1) multiDays++;
  return {
    ...(gaps.length >= 2 ? { usualGap: median(gaps) } : {}),
    multiDays,
    days: days.length,
  };
}

function isRefunded(charge: Txn, refunds: readonly Txn[]): boolean {
  const key = merchantKey(charge);
  return refunds.some(
    (r) =>
      r.amountMinor === -charge.amountMinor &&
      merchantKey(r) === key &&
      r.date >= charge.date &&
      daysBetween(charge.date, r.date) <= REFUND_DAYS,
  );
}
