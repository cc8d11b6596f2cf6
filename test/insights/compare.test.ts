import { describe, expect, it } from 'vitest';
import { comparePeriods } from '../../src/insights/compare.ts';

const usd = (key: string, amountMinor: number) => ({ key, currency: 'USD', amountMinor });

describe('comparePeriods', () => {
  it('totals both periods and orders movers by absolute change', () => {
    const [r] = comparePeriods(
      [usd('FOOD', 40_000), usd('TRAVEL', 10_000), usd('RENT', 200_000)],
      [usd('FOOD', 30_000), usd('TRAVEL', 60_000), usd('RENT', 200_000)],
    );
    expect(r).toMatchObject({
      currency: 'USD',
      totalA: 250_000,
      totalB: 290_000,
      change: 40_000,
      changePct: 0.16,
    });
    expect(r?.movers.map((m) => [m.key, m.change])).toEqual([
      ['TRAVEL', 50_000],
      ['FOOD', -10_000],
      ['RENT', 0],
    ]);
  });

  it('counts a group missing from one period as zero there', () => {
    const [r] = comparePeriods([usd('GYM', 5_000)], [usd('SHOES', 8_000)]);
    expect(r?.movers).toEqual([
      { key: 'SHOES', a: 0, b: 8_000, change: 8_000 },
      { key: 'GYM', a: 5_000, b: 0, change: -5_000 },
    ]);
  });

  it('never adds different currencies together', () => {
    const r = comparePeriods(
      [usd('FOOD', 10_000), { key: 'FOOD', currency: 'EUR', amountMinor: 5_000 }],
      [usd('FOOD', 12_000), usd('BOOKS', 1_000)],
    );
    expect(r.map((c) => [c.currency, c.totalA, c.totalB])).toEqual([
      ['USD', 10_000, 13_000],
      ['EUR', 5_000, 0],
    ]);
  });

  it('has no percentage when the first period was empty', () => {
    expect(comparePeriods([], [usd('FOOD', 100)])[0]?.changePct).toBeUndefined();
    expect(comparePeriods([], [])).toEqual([]);
  });
});
