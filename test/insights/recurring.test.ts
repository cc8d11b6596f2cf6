import { describe, expect, it } from 'vitest';
import {
  findPriceRises,
  findRecurring,
  isFixedBill,
  isSubscriptionLike,
  monthlySubscriptionTotal,
} from '../../src/insights/recurring.ts';
import { charge, everyDays, monthly } from './build.ts';

const TODAY = '2026-03-10';

describe('findRecurring', () => {
  it('finds a monthly subscription with its price rise, next date and monthly cost', () => {
    const netflix = [
      ...monthly('2025-09-09', 3, 1_549, 'Netflix', 'ENTERTAINMENT_TV_AND_MOVIES'),
      ...monthly('2025-12-09', 3, 1_799, 'Netflix', 'ENTERTAINMENT_TV_AND_MOVIES'),
    ];
    const [s] = findRecurring(netflix, TODAY);
    expect(s).toMatchObject({
      merchant: 'Netflix',
      cadence: 'monthly',
      occurrences: 6,
      lastAmountMinor: 1_799,
      nextExpectedDate: '2026-03-09',
      nextExpectedAmountMinor: 1_799,
      monthlyMinor: 1_799,
      active: true,
      isSubscription: true,
      variableAmount: false,
      priceChanges: [{ date: '2025-12-09', fromMinor: 1_549, toMinor: 1_799 }],
    });
    expect(findPriceRises([s!], '2025-12-01')).toEqual([
      { series: s, change: { date: '2025-12-09', fromMinor: 1_549, toMinor: 1_799 }, changePct: 0.161 },
    ]);
    expect(findPriceRises([s!], '2026-01-01')).toEqual([]);
  });

  it('keeps the cadence when one cycle was charged twice', () => {
    const spotify = [...monthly('2025-09-17', 6, 1_199, 'Spotify'), charge('2026-02-17', 1_199, 'Spotify')];
    const [s] = findRecurring(spotify, TODAY);
    expect(s).toMatchObject({ cadence: 'monthly', occurrences: 6, isSubscription: true });
    expect(s!.txnIds).toHaveLength(6);
  });

  it('tolerates a few days of slip and a varying utility bill, which is a bill, not a subscription', () => {
    const dates = ['2025-09-12', '2025-10-14', '2025-11-11', '2025-12-12', '2026-01-13', '2026-02-12'];
    const amounts = [7_497, 11_601, 11_308, 7_453, 10_411, 12_264];
    const pge = dates.map((d, i) => charge(d, amounts[i]!, 'PG&E', 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'));
    const [s] = findRecurring(pge, TODAY);
    expect(s).toMatchObject({
      cadence: 'monthly',
      variableAmount: true,
      isSubscription: false,
      priceChanges: [],
    });
    expect(s!.monthlyMinor).toBe(s!.typicalAmountMinor);
  });

  it('detects weekly, biweekly, quarterly and yearly cadences', () => {
    const rows = [
      ...everyDays('2026-01-05', 8, 7, 2_500, 'Cleaner'),
      ...everyDays('2025-11-07', 8, 14, 4_000, 'Dog Walker'),
      ...monthly('2025-03-15', 4, 12_000, 'Water Co', 'RENT_AND_UTILITIES_WATER', 3),
      ...monthly('2024-06-01', 2, 13_900, 'Amazon Prime', 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES', 12),
    ];
    const byMerchant = new Map(findRecurring(rows, TODAY).map((s) => [s.merchant, s]));
    expect(byMerchant.get('Cleaner')).toMatchObject({ cadence: 'weekly', monthlyMinor: 10_833 });
    expect(byMerchant.get('Dog Walker')).toMatchObject({ cadence: 'biweekly', monthlyMinor: 8_667 });
    expect(byMerchant.get('Water Co')).toMatchObject({
      cadence: 'quarterly',
      monthlyMinor: 4_000,
      nextExpectedDate: '2026-03-15',
    });
    expect(byMerchant.get('Amazon Prime')).toMatchObject({
      cadence: 'yearly',
      monthlyMinor: 1_158,
      isSubscription: true,
    });
  });

  it('marks a series inactive once it misses more than half a cycle', () => {
    const [s] = findRecurring(monthly('2025-06-01', 5, 999, 'Hulu', 'ENTERTAINMENT_TV_AND_MOVIES'), TODAY);
    expect(s).toMatchObject({ lastDate: '2025-10-01', active: false });
    expect(monthlySubscriptionTotal([s!])).toEqual([]);
  });

  it('finds a fixed-price plan among one-off purchases at the same merchant', () => {
    const rows = [
      ...monthly('2025-09-03', 6, 299, 'Apple'),
      charge('2025-10-20', 1_999, 'Apple'),
      charge('2025-12-24', 129_900, 'Apple'),
      charge('2026-01-15', 499, 'Apple'),
    ];
    const found = findRecurring(rows, TODAY);
    expect(found.map((s) => [s.merchant, s.lastAmountMinor, s.occurrences])).toEqual([['Apple', 299, 6]]);
  });

  it('does not take habits with changing amounts or irregular timing for bills', () => {
    const rows = [
      ...everyDays(
        '2025-09-06',
        26,
        7,
        (i) => 3_000 + ((i * 2_700) % 8_000),
        'Safeway',
        'FOOD_AND_DRINK_GROCERIES',
      ),
      ...everyDays('2025-09-02', 80, 2, (i) => 450 + ((i * 37) % 200), 'Starbucks', 'FOOD_AND_DRINK_COFFEE'),
      ...['2025-09-05', '2025-10-09', '2025-10-30', '2025-12-22', '2026-02-01'].map((d) =>
        charge(d, 7_500, 'Nopa'),
      ),
      charge('2025-12-01', 999, 'Rare Shop'),
      charge('2026-01-01', 999, 'Rare Shop'),
    ];
    expect(findRecurring(rows, TODAY)).toEqual([]);
  });

  it('sums active subscriptions per month and currency, leaving bills out', () => {
    const rows = [
      ...monthly('2025-09-09', 6, 1_799, 'Netflix', 'ENTERTAINMENT_TV_AND_MOVIES'),
      ...monthly('2025-09-17', 6, 1_199, 'Spotify', 'ENTERTAINMENT_MUSIC_AND_AUDIO'),
      ...monthly('2025-09-01', 6, 215_000, 'Oakwood Apts', 'RENT_AND_UTILITIES_RENT'),
      ...monthly('2025-09-20', 6, 999, 'Deezer', 'ENTERTAINMENT_MUSIC_AND_AUDIO').map((t) => ({
        ...t,
        currency: 'EUR',
      })),
    ];
    expect(monthlySubscriptionTotal(findRecurring(rows, TODAY))).toEqual([
      { currency: 'USD', amountMinor: 2_998, count: 2 },
      { currency: 'EUR', amountMinor: 999, count: 1 },
    ]);
  });

  it('knows fixed bills: rent, loans, utilities and insurance, not fees or shopping', () => {
    for (const code of [
      'RENT_AND_UTILITIES_RENT',
      'RENT_AND_UTILITIES_WATER',
      'LOAN_PAYMENTS_MORTGAGE_PAYMENT',
      'LOAN_PAYMENTS_CAR_PAYMENT',
      'GENERAL_SERVICES_INSURANCE',
    ])
      expect(isFixedBill(code)).toBe(true);
    for (const code of [
      'BANK_FEES_OTHER_BANK_FEES',
      'GENERAL_SERVICES_EDUCATION',
      'FOOD_AND_DRINK_GROCERIES',
    ])
      expect(isFixedBill(code)).toBe(false);
  });

  it('tells subscriptions from bills by category and name', () => {
    expect(isSubscriptionLike('Planet Fitness', 'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS')).toBe(true);
    expect(isSubscriptionLike('Adobe', 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE')).toBe(true);
    expect(isSubscriptionLike('Google Fi', 'RENT_AND_UTILITIES_TELEPHONE')).toBe(false);
    expect(isSubscriptionLike('Geico', 'GENERAL_SERVICES_INSURANCE')).toBe(false);
    expect(isSubscriptionLike('Comcast', 'RENT_AND_UTILITIES_INTERNET_AND_CABLE')).toBe(false);
  });
});
