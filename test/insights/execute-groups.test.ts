/**
 * The executor's breakdowns, rankings and series on the hand-written ledger of ./ledger.ts, with the
 * figures worked out by hand from the rows listed there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execute, type ExecContext } from '../../src/insights/execute.ts';
import type { Period } from '../../src/insights/query.ts';
import { ledger, type Ledger } from './ledger.ts';
import { aliceContext, FEB, food, JAN, q, shape, usd } from './queries.ts';

let l: Ledger;
let ctx: ExecContext;
beforeAll(async () => {
  l = await ledger();
  ctx = aliceContext(l);
});

describe('breakdowns and rankings', () => {
  it('by merchant, largest first, with shares that add up per currency', async () => {
    const r = shape(await execute(ctx, q({ form: 'breakdown', groupBy: 'merchant' })), 'breakdown');
    expect(r.groups.map((g) => [g.label, g.currency, g.amountMinor, g.percent])).toEqual([
      ['Westgate', 'USD', 200_000, 89],
      ['Safeway', 'USD', 18_000, 8],
      ['Amazon', 'USD', 7_500, 3],
      ['Rewe', 'EUR', 3_000, 100],
      ['Starbucks', 'USD', 450, 0],
    ]);
    expect(r.totals).toEqual([
      { currency: 'EUR', amountMinor: 3_000, count: 1 },
      { currency: 'USD', amountMinor: 225_950, count: 6 },
    ]);
  });

  it('by category: primary groups, or detailed ones within a named category', async () => {
    const all = shape(await execute(ctx, q({ form: 'breakdown' })), 'breakdown');
    expect(all.by).toBe('primary');
    expect(all.groups.filter((g) => g.currency === 'USD').map((g) => [g.key, g.amountMinor])).toEqual([
      ['RENT_AND_UTILITIES', 200_000],
      ['FOOD_AND_DRINK', 18_450],
      ['GENERAL_MERCHANDISE', 7_500],
    ]);
    const inFood = shape(
      await execute(ctx, q({ form: 'breakdown', groupBy: 'category' }, { categories: [food] })),
      'breakdown',
    );
    expect(inFood.groups.filter((g) => g.currency === 'USD').map((g) => [g.label, g.amountMinor])).toEqual([
      ['Groceries', 18_000],
      ['Coffee', 450],
    ]);
  });

  it('top and bottom N', async () => {
    const top = shape(
      await execute(ctx, q({ form: 'breakdown', groupBy: 'merchant', ranking: { order: 'top', n: 2 } })),
      'breakdown',
    );
    expect(top.groups.map((g) => g.label)).toEqual(['Westgate', 'Safeway']);
    const bottom = shape(
      await execute(ctx, q({ form: 'breakdown', groupBy: 'merchant', ranking: { order: 'bottom', n: 1 } })),
      'breakdown',
    );
    expect(bottom.groups.map((g) => [g.label, g.amountMinor])).toEqual([['Starbucks', 450]]);
    // A ranking without a grouping ranks merchants.
    expect(
      shape(await execute(ctx, q({ ranking: { order: 'top', n: 1 } })), 'breakdown').groups.map(
        (g) => g.label,
      ),
    ).toEqual(['Westgate']);
  });

  it('by weekday: all seven days, Monday first, days with nothing at zero', async () => {
    const r = shape(
      await execute(ctx, q({ form: 'breakdown', groupBy: 'weekday' }, { accounts: [l.amex, l.chase] })),
      'breakdown',
    );
    expect(r.groups.map((g) => [g.key, g.amountMinor])).toEqual([
      ['1', 200_000],
      ['2', 7_500],
      ['3', 450],
      ['4', 6_000],
      ['5', 0],
      ['6', 12_000],
      ['0', 0],
    ]);
    const top = shape(
      await execute(
        ctx,
        q(
          { form: 'breakdown', groupBy: 'weekday', ranking: { order: 'top', n: 1 } },
          { accounts: [l.amex, l.chase] },
        ),
      ),
      'breakdown',
    );
    expect(top.groups.map((g) => g.key)).toEqual(['1']);
  });
});

describe('series', () => {
  const SINCE_JAN: Period = {
    start: '2026-01-01',
    end: '2026-03-11',
    label: 'since January',
    grain: 'custom',
  };

  it('a figure per month, zeros included, the month the data ends in marked partial', async () => {
    const r = shape(
      await execute(
        ctx,
        q({ periods: [], series: { grain: 'month', within: SINCE_JAN } }, { accounts: [l.amex, l.chase] }),
      ),
      'series',
    );
    expect(r.steps.map((s) => [s.period.start, usd(s.values), s.partial])).toEqual([
      ['2026-01-01', 212_500, false], // the data starts on the 5th, within the month's first week
      ['2026-02-01', 225_950, false],
      ['2026-03-01', 700, true],
    ]);
  });

  it('"which month… least" ranks whole months only', async () => {
    const r = shape(
      await execute(
        ctx,
        q(
          { periods: [], series: { grain: 'month', within: SINCE_JAN }, ranking: { order: 'bottom', n: 1 } },
          { accounts: [l.amex, l.chase] },
        ),
      ),
      'series',
    );
    expect(r.ranked!.map((s) => [s.period.start, usd(s.values)])).toEqual([['2026-01-01', 212_500]]);
    // "by month" without a series is the same series over the period.
    const byMonth = shape(
      await execute(
        ctx,
        q({ periods: [SINCE_JAN], groupBy: 'month', form: 'breakdown' }, { accounts: [l.amex, l.chase] }),
      ),
      'series',
    );
    expect(byMonth.steps.map((s) => usd(s.values))).toEqual([212_500, 225_950, 700]);
  });

  it('weeks from Monday, the first cut at the period start', async () => {
    const r = shape(
      await execute(
        ctx,
        q({ periods: [], series: { grain: 'week', within: FEB } }, { accounts: [l.amex, l.chase] }),
      ),
      'series',
    );
    expect(r.steps.map((s) => [s.period.start, s.period.end, usd(s.values)])).toEqual([
      ['2026-02-01', '2026-02-02', 0],
      ['2026-02-02', '2026-02-09', 210_000],
      ['2026-02-09', '2026-02-16', 15_950],
      ['2026-02-16', '2026-02-23', 0],
      ['2026-02-23', '2026-03-01', 0],
    ]);
  });

  it('net per month', async () => {
    const r = shape(
      await execute(
        ctx,
        q(
          {
            measure: { kind: 'net' },
            periods: [],
            series: { grain: 'month', within: { ...JAN, end: FEB.end } },
          },
          { accounts: [l.chase, l.amex] },
        ),
      ),
      'series',
    );
    // January 3,000.00 − 2,125.00; February 3,010.00 − 2,259.50.
    expect(r.steps.map((s) => usd(s.values))).toEqual([87_500, 75_050]);
  });
});
