import { describe, expect, it } from 'vitest';
import { BILL_ESTIMATORS, expectedBillAmount, recentRange } from '../../src/insights/bill-estimate.ts';
import { addMonths } from '../../src/day.ts';

/** Monthly bills on the 12th from `first`, one per amount. */
const bills = (first: string, amounts: readonly number[]) =>
  amounts.map((amountMinor, i) => ({ date: addMonths(first, i), amountMinor }));

describe('expectedBillAmount', () => {
  it('with under a year of bills, weighs each older bill half as much as the one after it', () => {
    // 10000 → 11000 → 11500 → 10750.
    expect(expectedBillAmount(bills('2026-01-12', [10000, 12000, 12000, 10000]), '2026-05-12')).toBe(10750);
  });

  it('follows a level that has moved, the latest bills weighing most', () => {
    // 10000 four times, then 15000 twice: 12500, then 13750. The mean of the six would say 11667.
    const past = bills('2025-09-12', [10000, 10000, 10000, 10000, 15000, 15000]);
    expect(expectedBillAmount(past, '2026-03-12')).toBe(13750);
    expect(Math.round(BILL_ESTIMATORS['mean of last 6']!(past, '2026-03-12')!)).toBe(11667);
  });

  it('with a year and more, brings last year’s season in: winter power costs more than the summer before it', () => {
    // Nov 2024 to Nov 2025, highest in the winter, lowest in the summer; next is December 2025.
    const past = bills(
      '2024-11-12',
      [20000, 24000, 22000, 15000, 12000, 10000, 9000, 9000, 10000, 12000, 15000, 18000, 21000],
    );
    const december = expectedBillAmount(past, '2025-12-12');
    // Half the mean of the last twelve (177000 / 12 = 14750), half the mean of last year's Nov, Dec and
    // Jan ((20000 + 24000 + 22000) / 3 = 22000): 18375.
    expect(december).toBe(18375);
    // The recent months alone would miss the winter that is coming.
    expect(december).toBeGreaterThan(Math.round(BILL_ESTIMATORS['mean of last 12']!(past, '2025-12-12')!));
  });

  it('takes the one amount there is, and nothing from nothing', () => {
    expect(expectedBillAmount(bills('2026-01-12', [4321]), '2026-02-12')).toBe(4321);
    expect(expectedBillAmount([], '2026-02-12')).toBe(0);
  });
});

describe('recentRange', () => {
  it('gives the lowest and highest of the last twelve bills', () => {
    expect(
      recentRange(
        bills('2025-01-12', [99999, 5000, 8000, 7000, 6000, 5500, 6500, 7500, 9000, 8500, 6100, 6200, 6300]),
      ),
    ).toEqual({
      lowMinor: 5000,
      highMinor: 9000,
    });
  });
});
