/**
 * Utility bills whose amount swings with the seasons (power in winter, water in summer) more than the
 * recurring-payment finder allows for a steady price: in a bill category, paid once a month on a steady
 * day, whatever the amount. Their next amount comes from `expectedBillAmount`, as for the other varying bills.
 */
import { median } from 'simple-statistics';
import { expectedBillAmount } from '../bill-estimate.ts';
import { byDate, isCharge, merchantKey } from '../charges.ts';
import { isFixedBill } from '../recurring.ts';
import type { RecurringSeries, Txn } from '../types.ts';
import { addMonths, daysBetween } from '../../day.ts';

const MIN_BILLS = 4;
/** Days between two monthly bills, allowing for weekends and a short month. */
const MONTH_GAP = { min: 25, max: 36 };
const MIN_FIT_SHARE = 0.75;
/** Active while the last bill is at most this many days old. */
const ACTIVE_DAYS = 45;

/**
 * Monthly bill-category charges that `findRecurring` did not already find, as recurring series.
 * @example meteredBills(history, '2026-03-10', findRecurring(history, '2026-03-10'))
 * // [{ merchant: 'PG&E', cadence: 'monthly', variableAmount: true, nextExpectedAmountMinor: 20664, … }]
 */
export function meteredBills(
  history: readonly Txn[],
  today: string,
  known: readonly RecurringSeries[],
): RecurringSeries[] {
  const seen = new Set(known.map((s) => `${s.currency.toUpperCase()}|${s.merchant.trim().toLowerCase()}`));
  const byMerchant = new Map<string, Txn[]>();
  for (const t of byDate(history)) {
    if (!isCharge(t) || !isFixedBill(t.category) || t.date > today) continue;
    const key = merchantKey(t);
    if (seen.has(key)) continue;
    byMerchant.set(key, [...(byMerchant.get(key) ?? []), t]);
  }
  const out: RecurringSeries[] = [];
  for (const charges of byMerchant.values()) {
    if (charges.length < MIN_BILLS) continue;
    let fits = 0;
    for (let i = 1; i < charges.length; i++) {
      const gap = daysBetween(charges[i - 1]!.date, charges[i]!.date);
      if (gap >= MONTH_GAP.min && gap <= MONTH_GAP.max) fits++;
    }
    if (fits / (charges.length - 1) < MIN_FIT_SHARE) continue;
    const first = charges[0]!;
    const last = charges[charges.length - 1]!;
    const amounts = charges.map((t) => -t.amountMinor);
    const nextExpectedDate = addMonths(last.date, 1);
    const next = expectedBillAmount(
      charges.map((t) => ({ date: t.date, amountMinor: -t.amountMinor })),
      nextExpectedDate,
    );
    out.push({
      merchant: last.merchant || last.description,
      category: last.category,
      currency: last.currency,
      cadence: 'monthly',
      txnIds: charges.map((t) => t.id),
      occurrences: charges.length,
      firstDate: first.date,
      lastDate: last.date,
      lastAmountMinor: -last.amountMinor,
      typicalAmountMinor: Math.round(median(amounts)),
      variableAmount: true,
      nextExpectedDate,
      nextExpectedAmountMinor: next,
      monthlyMinor: next,
      active: daysBetween(last.date, today) <= ACTIVE_DAYS,
      isSubscription: false,
      priceChanges: [],
    });
  }
  return out;
}
