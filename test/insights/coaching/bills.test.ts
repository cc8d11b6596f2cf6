import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/day.ts';
import { billsBetween, billsTotal } from '../../../src/insights/coaching/bills.ts';
import { meteredBills } from '../../../src/insights/coaching/metered-bills.ts';
import { findRecurring } from '../../../src/insights/recurring.ts';
import { charge, monthly } from '../build.ts';

const TODAY = '2026-03-10';

/** Rent on the 1st (moved to the 2nd and 3rd when the 1st was a weekend), power, a stream, a card payment. */
function history() {
  return [
    ...['2025-10-01', '2025-11-03', '2025-12-01', '2026-01-02', '2026-02-02', '2026-03-02'].map((d) =>
      charge(d, 295000, 'Oakwood Property', 'RENT_AND_UTILITIES_RENT'),
    ),
    ...[14820, 16210, 17430, 15990, 16800, 15100].map((a, i) =>
      charge(
        ['2025-09-12', '2025-10-14', '2025-11-12', '2025-12-12', '2026-01-12', '2026-02-12'][i]!,
        a,
        'PG&E',
        'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY',
      ),
    ),
    ...monthly('2025-09-11', 6, 1199, 'Spotify', 'ENTERTAINMENT_MUSIC_AND_AUDIO'),
    ...monthly('2025-09-18', 7, 120000, 'Amex Epayment', 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT').map((t) => ({
      ...t,
      flow: 'transfer' as const,
    })),
    ...Array.from({ length: 10 }, (_, i) =>
      charge(addDays('2026-01-05', i * 6), 4200 + i * 311, 'Whole Foods', 'FOOD_AND_DRINK_GROCERIES'),
    ),
  ];
}

describe('bills before payday', () => {
  it('lists each regular bill expected after today and on or before payday, with its date and amount', () => {
    const h = history();
    const bills = billsBetween(findRecurring(h, TODAY), h, TODAY, '2026-03-31');
    expect(bills.map((b) => [b.merchant, b.date, b.amountMinor])).toEqual([
      ['Spotify', '2026-03-11', 1199],
      ['PG&E', '2026-03-12', expect.any(Number)],
    ]);
    expect(bills.find((b) => b.merchant === 'PG&E')?.estimated).toBe(true);
    expect(bills.find((b) => b.merchant === 'Spotify')?.isSubscription).toBe(true);
  });

  it('brings rent back on its usual day, not the day a weekend moved it to, and leaves card payments out', () => {
    const h = history();
    const bills = billsBetween(findRecurring(h, TODAY), h, TODAY, '2026-04-01');
    expect(bills.find((b) => b.merchant === 'Oakwood Property')).toMatchObject({
      date: '2026-04-01',
      amountMinor: 295000,
    });
    expect(bills.some((b) => /amex/i.test(b.merchant))).toBe(false);
    expect(bills.some((b) => /whole foods/i.test(b.merchant))).toBe(false);
  });

  it('includes a bill due on payday itself but none due today or before', () => {
    const h = history();
    const series = findRecurring(h, TODAY);
    expect(billsBetween(series, h, TODAY, '2026-03-11').map((b) => b.merchant)).toEqual(['Spotify']);
    expect(billsBetween(series, h, '2026-03-11', '2026-03-11')).toEqual([]);
  });

  it('totals per currency', () => {
    const h = history();
    const bills = billsBetween(findRecurring(h, TODAY), h, TODAY, '2026-04-01');
    expect(billsTotal(bills)).toEqual([
      { currency: 'USD', amountMinor: bills.reduce((n, b) => n + b.amountMinor, 0) },
    ]);
  });
});

describe('utility bills that swing with the seasons', () => {
  it('are still bills: monthly on a steady day, the next amount weighing the latest bills most', () => {
    const amounts = [8000, 9000, 17895, 27000, 28000, 17959];
    const days = ['2025-09-12', '2025-10-13', '2025-11-12', '2025-12-12', '2026-01-12', '2026-02-12'];
    const h = days.map((d, i) => charge(d, amounts[i]!, 'PG&E', 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'));
    const found = findRecurring(h, TODAY);
    const metered = meteredBills(h, TODAY, found);
    expect(found.some((s) => s.merchant === 'PG&E')).toBe(false);
    const all = [...found, ...metered];
    expect(all.filter((s) => s.merchant === 'PG&E')).toHaveLength(1);
    expect(billsBetween(all, h, TODAY, '2026-03-13')).toEqual([
      // Each older bill counts half as much: 8000 → 8500 → 13197.5 → 20098.75 → 24049.4 → 21004.2.
      expect.objectContaining({
        merchant: 'PG&E',
        date: '2026-03-12',
        amountMinor: 21004,
        estimated: true,
        // How far it has ranged, for "PG&E varies ($80.00–$280.00)".
        range: { lowMinor: 8000, highMinor: 28000 },
      }),
    ]);
  });

  it('are not found in shopping, nor in a bill paid at odd times', () => {
    const h = [
      ...['2025-10-02', '2025-10-20', '2025-12-28', '2026-01-03', '2026-02-25'].map((d, i) =>
        charge(d, 9000 + i * 5000, 'City Water', 'RENT_AND_UTILITIES_WATER'),
      ),
      ...['2025-10-05', '2025-11-05', '2025-12-05', '2026-01-05', '2026-02-05'].map((d, i) =>
        charge(d, 3000 + i * 4000, 'Target', 'GENERAL_MERCHANDISE_SUPERSTORES'),
      ),
    ];
    expect(meteredBills(h, TODAY, [])).toEqual([]);
  });
});
