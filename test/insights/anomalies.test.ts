import { describe, expect, it } from 'vitest';
import { findUnusualCharges, isFee } from '../../src/insights/anomalies.ts';
import { charge, everyDays } from './build.ts';

const TODAY = '2026-03-10';
const SINCE = '2026-02-01';

/** Six months of ordinary life: groceries, coffee, online shopping. */
function ordinaryLife() {
  return [
    ...everyDays(
      '2025-09-06',
      26,
      7,
      (i) => 6_000 + ((i * 1_700) % 4_000),
      'Safeway',
      'FOOD_AND_DRINK_GROCERIES',
    ),
    ...everyDays('2025-09-02', 80, 2, (i) => 450 + ((i * 37) % 200), 'Starbucks', 'FOOD_AND_DRINK_COFFEE'),
    ...everyDays(
      '2025-09-10',
      20,
      9,
      (i) => 2_500 + ((i * 1_300) % 6_000),
      'Amazon',
      'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
    ),
  ];
}

describe('findUnusualCharges', () => {
  it('flags a charge far above the merchant’s own usual amount', () => {
    const big = charge('2026-02-14', 41_000, 'Safeway', 'FOOD_AND_DRINK_GROCERIES');
    const flags = findUnusualCharges([...ordinaryLife(), big], { since: SINCE, today: TODAY });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'outlier', txn: big, amountMinor: 41_000, basis: 'merchant' });
    expect(flags[0]!.ratio).toBeGreaterThan(5);
    expect(flags[0]!.typicalMinor).toBeGreaterThan(6_000);
  });

  it('is not fooled by one earlier splurge (median, not mean)', () => {
    const earlier = charge('2025-10-01', 90_000, 'Safeway', 'FOOD_AND_DRINK_GROCERIES');
    const big = charge('2026-02-14', 41_000, 'Safeway', 'FOOD_AND_DRINK_GROCERIES');
    const flags = findUnusualCharges([...ordinaryLife(), earlier, big], { since: SINCE, today: TODAY });
    expect(flags.map((f) => f.txn)).toEqual([big]);
  });

  it('uses the category when the merchant has little history, and names it', () => {
    const shop = [
      ...ordinaryLife(),
      charge('2025-10-05', 3_000, 'Target', 'GENERAL_MERCHANDISE_SUPERSTORES'),
      charge('2026-02-20', 60_000, 'Target', 'GENERAL_MERCHANDISE_SUPERSTORES'),
    ];
    const [flag] = findUnusualCharges(shop, { since: SINCE, today: TODAY });
    expect(flag).toMatchObject({
      kind: 'outlier',
      basis: 'category',
      categoryLabelKey: 'GENERAL_MERCHANDISE',
    });
  });

  it('flags a large first charge at a merchant never seen before', () => {
    const tv = charge('2026-02-21', 124_900, 'Best Buy', 'GENERAL_MERCHANDISE_ELECTRONICS');
    const [flag] = findUnusualCharges([...ordinaryLife(), tv], { since: SINCE, today: TODAY });
    expect(flag).toMatchObject({
      kind: 'new_merchant',
      txn: tv,
      basis: 'category',
      categoryLabelKey: 'GENERAL_MERCHANDISE',
    });
    expect(flag!.ratio).toBeGreaterThan(9);
  });

  it('leaves modest first visits and ordinary charges alone', () => {
    const flags = findUnusualCharges(
      [...ordinaryLife(), charge('2026-02-21', 4_500, 'New Bistro', 'FOOD_AND_DRINK_RESTAURANT')],
      {
        since: SINCE,
        today: TODAY,
      },
    );
    expect(flags).toEqual([]);
  });

  it('ignores tiny amounts even when far from the usual', () => {
    const coffee = everyDays('2025-09-02', 80, 2, 300, 'Kiosk', 'FOOD_AND_DRINK_COFFEE');
    const flags = findUnusualCharges(
      [...coffee, charge('2026-02-10', 1_800, 'Kiosk', 'FOOD_AND_DRINK_COFFEE')],
      {
        since: SINCE,
        today: TODAY,
      },
    );
    expect(flags).toEqual([]);
  });

  it('does not flag a price rise of a fixed-price charge (a spread of zero is floored)', () => {
    const netflix = everyDays(
      '2025-09-09',
      6,
      30,
      (i) => (i < 5 ? 1_549 : 1_799),
      'Netflix',
      'ENTERTAINMENT_TV_AND_MOVIES',
    );
    expect(findUnusualCharges([...ordinaryLife(), ...netflix], { since: SINCE, today: TODAY })).toEqual([]);
  });

  it('flags fees and interest by category or by descriptor, whatever the amount', () => {
    const fee = charge('2026-02-03', 3_900, 'Chase', 'BANK_FEES_LATE_PAYMENT');
    const interest = charge(
      '2026-02-25',
      1_234,
      'Capital One',
      'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
      {
        description: 'PURCHASE INTEREST CHARGE',
      },
    );
    const fx = charge('2026-02-26', 87, 'Amex', 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE', {
      description: 'FOREIGN TRANSACTION FEE',
    });
    const flags = findUnusualCharges([...ordinaryLife(), fee, interest, fx], { since: SINCE, today: TODAY });
    expect(flags.map((f) => [f.kind, f.txn.id])).toEqual([
      ['fee', fx.id],
      ['fee', interest.id],
      ['fee', fee.id],
    ]);
    expect(isFee(charge('2026-02-01', 500, 'Blue Bottle Coffee', 'FOOD_AND_DRINK_COFFEE'))).toBe(false);
  });

  it('never flags fixed bills, even when the history is too thin to know their usual amount', () => {
    const bills = [
      ...ordinaryLife(),
      charge('2026-01-02', 12_500, 'PG&E', 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'),
      charge('2026-02-02', 14_800, 'PG&E', 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'),
      charge('2026-02-01', 295_000, 'Oakwood Prop Mgmt', 'RENT_AND_UTILITIES_RENT'),
      charge('2026-02-03', 210_000, 'Wells Fargo Home Mtg', 'LOAN_PAYMENTS_MORTGAGE_PAYMENT'),
      charge('2026-02-08', 13_240, 'GEICO', 'GENERAL_SERVICES_INSURANCE'),
      charge('2026-02-10', 45_000, 'Toyota Financial Services', 'LOAN_PAYMENTS_CAR_PAYMENT'),
      charge('2026-02-12', 38_000, 'PG&E', 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'),
    ];
    expect(findUnusualCharges(bills, { since: SINCE, today: TODAY })).toEqual([]);
  });

  it('does not take a merchant’s own fee for a bank fee', () => {
    const gym = charge('2026-02-17', 2_499, 'Planet Fitness', 'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS', {
      description: 'PLANET FITNESS CLUB FEES PPD ID: 1264567890',
    });
    expect(isFee(gym)).toBe(false);
    expect(findUnusualCharges([...ordinaryLife(), gym], { since: SINCE, today: TODAY })).toEqual([]);
  });

  it('flags a plan’s new price once, not every month after', () => {
    const news = [
      ...everyDays('2025-09-27', 4, 30, 400, 'The New York Times', 'GENERAL_SERVICES_OTHER_GENERAL_SERVICES'),
      ...everyDays(
        '2026-01-25',
        2,
        30,
        2_500,
        'The New York Times',
        'GENERAL_SERVICES_OTHER_GENERAL_SERVICES',
      ),
    ];
    const flags = findUnusualCharges([...ordinaryLife(), ...news], { since: '2026-01-01', today: TODAY });
    expect(flags.map((f) => [f.txn.merchant, f.txn.date])).toEqual([['The New York Times', '2026-01-25']]);
  });

  it('never flags transfers, income, cash or refunds', () => {
    const rows = [
      ...ordinaryLife(),
      charge('2026-02-20', 500_000, 'Savings', 'TRANSFER_OUT_SAVINGS', { flow: 'transfer' }),
      charge('2026-02-20', 80_000, 'ATM', 'TRANSFER_OUT_WITHDRAWAL', { flow: 'cash' }),
      charge('2026-02-20', -900_000, 'Acme Payroll', 'INCOME_WAGES', { flow: 'income' }),
      charge('2026-02-21', -50_000, 'Amazon', 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES'),
    ];
    expect(findUnusualCharges(rows, { since: SINCE, today: TODAY })).toEqual([]);
  });

  it('only flags charges inside [since, today], and never compares across currencies', () => {
    const before = charge('2026-01-20', 41_000, 'Safeway', 'FOOD_AND_DRINK_GROCERIES');
    const future = charge('2026-03-20', 41_000, 'Safeway', 'FOOD_AND_DRINK_GROCERIES');
    const yen = everyDays('2025-09-06', 26, 7, 8_000, 'Lawson', 'FOOD_AND_DRINK_GROCERIES').map((t) => ({
      ...t,
      currency: 'JPY',
    }));
    expect(
      findUnusualCharges([...ordinaryLife(), ...yen, before, future], { since: SINCE, today: TODAY }),
    ).toEqual([]);
  });

  it('returns nothing for an empty history', () => {
    expect(findUnusualCharges([], { since: SINCE, today: TODAY })).toEqual([]);
  });
});
