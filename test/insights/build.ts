/** Small builders for hand-written histories. */
import { addDays, addMonths } from '../../src/day.ts';
import type { Flow, Txn } from '../../src/insights/types.ts';

let nextId = 1;

/** A charge (money out) of `amount` minor units unless a flow or a positive amount says otherwise. */
export function charge(
  date: string,
  amount: number,
  merchant: string,
  category = 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
  extra: Partial<Txn> = {},
): Txn {
  return {
    id: nextId++,
    date,
    amountMinor: -amount,
    currency: 'USD',
    merchant,
    category,
    accountId: 1,
    description: merchant.toUpperCase(),
    flow: 'spending' as Flow,
    ...extra,
  };
}

/** The same charge every `months` months, `count` times from `start`. */
export function monthly(
  start: string,
  count: number,
  amount: number,
  merchant: string,
  category?: string,
  months = 1,
): Txn[] {
  return Array.from({ length: count }, (_, i) =>
    charge(addMonths(start, i * months), amount, merchant, category),
  );
}

/** The same charge every `days` days, `count` times from `start`. */
export function everyDays(
  start: string,
  count: number,
  days: number,
  amount: number | ((i: number) => number),
  merchant: string,
  category?: string,
): Txn[] {
  return Array.from({ length: count }, (_, i) =>
    charge(addDays(start, i * days), typeof amount === 'number' ? amount : amount(i), merchant, category),
  );
}
