/**
 * A small hand-written ledger for the query builder and the executor. Alice has a USD card, a USD checking
 * account and a EUR checking account; Bob has one checking account with charges at the same merchants on
 * the same days, which must never show up in Alice's figures. Amounts are minor units; money out negative.
 *
 * Alice, USD (weekday in brackets):
 *   2026-01-05 (Mon) Amex   Amazon      −40.00   online shopping
 *   2026-01-10 (Sat) Amex   Safeway     −60.00   groceries
 *   2026-01-15 (Thu) Chase  Westgate  −2,000.00  rent
 *   2026-01-15 (Thu) Chase  Acme      +3,000.00  pay (income)
 *   2026-01-20 (Tue) Amex   Lucca       −25.00   restaurants
 *   2026-02-02 (Mon) Chase  Westgate  −2,000.00  rent
 *   2026-02-03 (Tue) Amex   Amazon     −100.00   online shopping
 *   2026-02-10 (Tue) Amex   Amazon      +25.00   refund (spending)
 *   2026-02-11 (Wed) Amex   Starbucks    −4.50   coffee
 *   2026-02-12 (Thu) Amex   Safeway     −60.00   groceries
 *   2026-02-14 (Sat) Chase  Safeway    −120.00   groceries
 *   2026-02-20 (Fri) Amex   payment    +500.00   transfer
 *   2026-02-20 (Fri) Chase  payment    −500.00   transfer
 *   2026-02-27 (Fri) Chase  Acme      +3,000.00  pay (income)
 *   2026-02-27 (Fri) Chase  Dana        +10.00   other income
 *   2026-03-01 (Sun) Amex   Starbucks    −7.00   coffee
 * Alice, EUR:
 *   2026-02-05 (Thu) N26    Rewe        −30.00   groceries
 * Bob, USD: 2026-02-03 Amazon −999.00, 2026-02-12 Safeway −50.00, 2026-02-27 Acme +1,000.00.
 *
 * February, Alice, USD spending: 2,000 + 100 − 25 + 4.50 + 60 + 120 = 2,259.50 (6 rows); EUR 30.00 (1 row).
 * January, Alice, USD spending: 40 + 60 + 2,000 + 25 = 2,125.00 (4 rows).
 */
import type { Store } from '../../src/store/index.ts';
import { fileRows, type RowSpec } from '../helpers/rows.ts';
import { memoryStore } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const FILE = { name: 'statement.csv', format: 'csv' };

const ONLINE = 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES';
const GROCERIES = 'FOOD_AND_DRINK_GROCERIES';
const RENT = 'RENT_AND_UTILITIES_RENT';

export interface Ledger {
  store: Store;
  amex: number;
  chase: number;
  n26: number;
  wells: number;
  /** A merchant's id, by name. */
  merchant(name: string): number;
}

const spend = (
  date: string,
  amountMinor: number,
  merchant: string,
  category: string,
  extra: Partial<RowSpec> = {},
): RowSpec => ({
  date,
  amountMinor,
  description: merchant.toUpperCase(),
  merchant,
  category,
  ...extra,
});

export async function ledger(): Promise<Ledger> {
  const store = await memoryStore();
  const amex = (
    await store.accounts.upsert('alice', { name: 'Amex Gold', type: 'credit_card', currency: 'USD' }, NOW)
  ).id;
  const chase = (
    await store.accounts.upsert('alice', { name: 'Chase Checking', type: 'checking', currency: 'USD' }, NOW)
  ).id;
  const n26 = (await store.accounts.upsert('alice', { name: 'N26', type: 'checking', currency: 'EUR' }, NOW))
    .id;
  const wells = (
    await store.accounts.upsert('bob', { name: 'Wells', type: 'checking', currency: 'USD' }, NOW)
  ).id;
  await store.ledger.addStatement(
    'alice',
    amex,
    FILE,
    fileRows([
      spend('2026-01-05', -4_000, 'Amazon', ONLINE),
      spend('2026-01-10', -6_000, 'Safeway', GROCERIES),
      spend('2026-01-20', -2_500, 'Lucca', 'FOOD_AND_DRINK_RESTAURANT'),
      spend('2026-02-03', -10_000, 'Amazon', ONLINE),
      spend('2026-02-10', 2_500, 'Amazon', ONLINE),
      spend('2026-02-11', -450, 'Starbucks', 'FOOD_AND_DRINK_COFFEE'),
      spend('2026-02-12', -6_000, 'Safeway', GROCERIES),
      spend('2026-02-20', 50_000, 'Amex Payment', 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT', { flow: 'transfer' }),
      spend('2026-03-01', -700, 'Starbucks', 'FOOD_AND_DRINK_COFFEE'),
    ]),
    [{ asOf: '2026-02-28', kind: 'ledger', amountMinor: -14_450, currency: 'USD' }],
    NOW,
  );
  await store.ledger.addStatement(
    'alice',
    chase,
    FILE,
    fileRows([
      spend('2026-01-15', -200_000, 'Westgate', RENT),
      spend('2026-01-15', 300_000, 'Acme', 'INCOME_WAGES', { flow: 'income' }),
      spend('2026-02-02', -200_000, 'Westgate', RENT),
      spend('2026-02-14', -12_000, 'Safeway', GROCERIES),
      spend('2026-02-20', -50_000, 'Amex Payment', 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT', { flow: 'transfer' }),
      spend('2026-02-27', 300_000, 'Acme', 'INCOME_WAGES', { flow: 'income' }),
      spend('2026-02-27', 1_000, 'Dana', 'INCOME_OTHER_INCOME', { flow: 'income' }),
    ]),
    [
      { asOf: '2026-01-31', kind: 'ledger', amountMinor: 100_000, currency: 'USD' },
      { asOf: '2026-02-28', kind: 'ledger', amountMinor: 139_000, currency: 'USD' },
    ],
    NOW,
  );
  await store.ledger.addStatement(
    'alice',
    n26,
    FILE,
    fileRows([spend('2026-02-05', -3_000, 'Rewe', GROCERIES, { currency: 'EUR' })]),
    [],
    NOW,
  );
  await store.ledger.addStatement(
    'bob',
    wells,
    FILE,
    fileRows([
      spend('2026-02-03', -99_900, 'Amazon', ONLINE),
      spend('2026-02-12', -5_000, 'Safeway', GROCERIES),
      spend('2026-02-27', 100_000, 'Acme', 'INCOME_WAGES', { flow: 'income' }),
    ]),
    [{ asOf: '2026-02-28', kind: 'ledger', amountMinor: 5_000, currency: 'USD' }],
    NOW,
  );
  return {
    store,
    amex,
    chase,
    n26,
    wells,
    merchant: (name) => (store.catalog as unknown as { merchantId(n: string): number }).merchantId(name),
  };
}

export const FEBRUARY = { start: '2026-02-01', end: '2026-03-01' };
export const JANUARY = { start: '2026-01-01', end: '2026-02-01' };
