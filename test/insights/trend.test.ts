import { describe, expect, it } from 'vitest';
import { biggestSince, monthlyTrend, shares, smallestSince } from '../../src/insights/trend.ts';

describe('monthlyTrend', () => {
  it('fills missing months with zero and adds rows of the same month', () => {
    const rows = [
      { month: '2025-12', amountMinor: 300 },
      { month: '2026-02', amountMinor: 100 },
      { month: '2026-02', amountMinor: 50 },
      { month: '2026-05', amountMinor: 999 },
    ];
    expect(monthlyTrend(rows, '2025-11', '2026-03')).toEqual([
      { month: '2025-11', amountMinor: 0 },
      { month: '2025-12', amountMinor: 300 },
      { month: '2026-01', amountMinor: 0 },
      { month: '2026-02', amountMinor: 150 },
    ]);
  });

  it('treats the end as exclusive, but keeps a partial last month given as a day', () => {
    expect(monthlyTrend([], '2026-01-01', '2026-03-01').map((m) => m.month)).toEqual(['2026-01', '2026-02']);
    expect(monthlyTrend([], '2026-01-01', '2026-03-10').map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('crosses year ends', () => {
    expect(monthlyTrend([], '2025-11', '2026-02').map((m) => m.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
  });
});

describe('biggestSince', () => {
  const trend = [
    { month: '2025-09', amountMinor: 900 },
    { month: '2025-10', amountMinor: 800 },
    { month: '2025-11', amountMinor: 500 },
    { month: '2025-12', amountMinor: 600 },
    { month: '2026-01', amountMinor: 400 },
    { month: '2026-02', amountMinor: 700 },
  ];

  it('finds the latest earlier month at least as high', () => {
    expect(biggestSince(trend, '2026-02')).toEqual({
      month: '2026-02',
      amountMinor: 700,
      since: '2025-10',
      monthsBeaten: 3,
      onRecord: false,
    });
  });

  it('says when no earlier month reached it', () => {
    expect(biggestSince([...trend, { month: '2026-03', amountMinor: 1000 }], '2026-03')).toMatchObject({
      since: undefined,
      onRecord: true,
      monthsBeaten: 6,
    });
  });

  it('has nothing to say when the month does not beat the one before, or is not in the trend', () => {
    expect(biggestSince(trend, '2026-01')).toBeUndefined();
    expect(biggestSince(trend, '2025-09')).toBeUndefined();
    expect(biggestSince(trend, '2024-01')).toBeUndefined();
  });

  it('mirrors for the smallest month', () => {
    expect(smallestSince(trend, '2026-01')).toMatchObject({
      since: undefined,
      monthsBeaten: 4,
      onRecord: true,
    });
  });
});

describe('shares', () => {
  it('rounds by largest remainder so the shares add up to 100', () => {
    const r = shares([
      { key: 'a', currency: 'USD', amountMinor: 1 },
      { key: 'b', currency: 'USD', amountMinor: 1 },
      { key: 'c', currency: 'USD', amountMinor: 1 },
    ]);
    expect(r.map((s) => s.percent).reduce((x, y) => x + y)).toBe(100);
    expect(r.map((s) => s.percent).sort()).toEqual([33, 33, 34]);
  });

  it('gives the extra point to the largest remainder, keeping input order', () => {
    const r = shares([
      { key: 'rent', currency: 'USD', amountMinor: 2_150_00 },
      { key: 'food', currency: 'USD', amountMinor: 1_234_56 },
      { key: 'fun', currency: 'USD', amountMinor: 99_99 },
    ]);
    expect(r.map((s) => [s.key, s.percent])).toEqual([
      ['rent', 62],
      ['food', 35],
      ['fun', 3],
    ]);
  });

  it('keeps currencies apart and gives non-positive groups 0%', () => {
    const r = shares([
      { key: 'a', currency: 'USD', amountMinor: 300 },
      { key: 'refunds', currency: 'USD', amountMinor: -50 },
      { key: 'b', currency: 'EUR', amountMinor: 10 },
    ]);
    expect(r.map((s) => s.percent)).toEqual([100, 0, 100]);
    expect(shares([])).toEqual([]);
  });
});
