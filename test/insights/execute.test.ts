/**
 * The executor on the hand-written ledger of ./ledger.ts: figures, comparisons, lists and balances, with the
 * figures worked out by hand from the rows listed there (February, Alice, USD spending 2,259.50; January
 * 2,125.00).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execute, figure, type ExecContext } from '../../src/insights/execute.ts';
import { emptySubject, type Period } from '../../src/insights/query.ts';
import { ledger, type Ledger } from './ledger.ts';
import { aliceContext, FEB, food, groceries, JAN, q, shape, usd } from './queries.ts';

let l: Ledger;
let ctx: ExecContext;
beforeAll(async () => {
  l = await ledger();
  ctx = aliceContext(l);
});

describe('figures', () => {
  it('spent: one figure per currency, a second user never counted', async () => {
    const [f] = shape(await execute(ctx, q()), 'figures').figures;
    expect(f!.values).toEqual([
      { currency: 'EUR', amountMinor: 3_000, count: 1 },
      { currency: 'USD', amountMinor: 225_950, count: 6 },
    ]);
    // Amazon at all times: 40.00 + 100.00 − 25.00; Bob's 999.00 there is his.
    const amazon = await figure(ctx, q({ periods: [] }, { merchants: ['Amazon'] }), undefined);
    expect(amazon.values).toEqual([{ currency: 'USD', amountMinor: 11_500, count: 3 }]);
  });

  it('exclusions: food except groceries, everything but rent, everything but Amazon', async () => {
    expect(
      usd((await figure(ctx, q({}, { categories: [food] }, { categories: [groceries] }), FEB)).values),
    ).toBe(450);
    expect(
      usd(
        (
          await figure(
            ctx,
            q({}, {}, { categories: [{ codes: ['RENT_AND_UTILITIES'], label: 'rent' }] }),
            FEB,
          )
        ).values,
      ),
    ).toBe(25_950);
    expect(usd((await figure(ctx, q({}, {}, { merchants: ['Amazon'] }), FEB)).values)).toBe(218_450);
  });

  it('accounts and account types narrow; an unknown merchant matches nothing', async () => {
    expect(usd((await figure(ctx, q({}, { accounts: [l.chase] }), FEB)).values)).toBe(212_000);
    expect((await figure(ctx, q({}, { accountTypes: ['credit_card'] }), FEB)).values).toEqual([
      { currency: 'USD', amountMinor: 13_950, count: 4 },
    ]);
    expect((await figure(ctx, q({}, { merchants: ['Costco'] }), FEB)).values).toEqual([]);
    expect((await figure(ctx, q({}, { merchants: ['Costco', 'Safeway'] }), FEB)).values).toEqual([
      { currency: 'USD', amountMinor: 18_000, count: 2 },
    ]);
  });

  it('each period in turn', async () => {
    const { figures } = shape(await execute(ctx, q({ periods: [JAN, FEB] })), 'figures');
    expect(figures.map((f) => [f.period?.label, usd(f.values)])).toEqual([
      ['January 2026', 212_500],
      ['February 2026', 225_950],
    ]);
  });

  it('received, from a payer, and net', async () => {
    expect(usd((await figure(ctx, q({ measure: { kind: 'received' } }), FEB)).values)).toBe(301_000);
    expect(
      usd((await figure(ctx, q({ measure: { kind: 'received' } }, { merchants: ['Dana'] }), FEB)).values),
    ).toBe(1_000);
    const net = await figure(ctx, q({ measure: { kind: 'net' } }), FEB);
    // USD: 3,010.00 in − 2,259.50 out; EUR: nothing in, 30.00 out.
    expect(net.values).toEqual([
      { currency: 'EUR', amountMinor: -3_000, count: 1 },
      { currency: 'USD', amountMinor: 75_050, count: 8 },
    ]);
    expect(usd(net.received!)).toBe(301_000);
    expect(usd(net.spent!)).toBe(225_950);
  });

  it('count: charges only, refunds are not charges', async () => {
    const f = await figure(ctx, q({ measure: { kind: 'count', of: 'spent' } }), FEB);
    expect(f.count).toBe(6);
    expect(f.values).toEqual([
      { currency: 'EUR', amountMinor: 1, count: 1 },
      { currency: 'USD', amountMinor: 5, count: 5 },
    ]);
    // "Safeway trips over $100": only the 120.00 one.
    expect(
      (
        await figure(
          ctx,
          q(
            {
              measure: { kind: 'count', of: 'spent' },
              filters: { include: emptySubject(), exclude: emptySubject(), amount: { minMinor: 10_001 } },
            },
            { merchants: ['Safeway'] },
          ),
          FEB,
        )
      ).count,
    ).toBe(1);
  });

  it('averages per month, week, day and charge', async () => {
    const JAN_FEB: Period = {
      start: '2026-01-01',
      end: '2026-03-01',
      label: 'January–February 2026',
      grain: 'custom',
    };
    const perMonth = await figure(
      ctx,
      q({ measure: { kind: 'average', of: 'spent', per: 'month' } }),
      JAN_FEB,
    );
    expect(perMonth.units).toBe(2);
    expect(usd(perMonth.values)).toBe(219_225); // (2,125.00 + 2,259.50) / 2
    expect(
      usd((await figure(ctx, q({ measure: { kind: 'average', of: 'spent', per: 'week' } }), FEB)).values),
    ).toBe(56_488); // 2,259.50 / 4, rounded
    expect(
      usd((await figure(ctx, q({ measure: { kind: 'average', of: 'spent', per: 'day' } }), FEB)).values),
    ).toBe(8_070); // 2,259.50 / 28, rounded
    // Charges only: (2,000 + 100 + 4.50 + 60 + 120) / 5.
    expect(
      usd(
        (await figure(ctx, q({ measure: { kind: 'average', of: 'spent', per: 'transaction' } }), FEB)).values,
      ),
    ).toBe(45_690);
  });

  it('largest: the charge itself, or the top N', async () => {
    const one = await figure(ctx, q({ measure: { kind: 'largest', of: 'spent' } }), FEB);
    expect(one.rows!.map((r) => [r.merchant, r.amountMinor, r.date])).toEqual([
      ['Westgate', -200_000, '2026-02-02'],
    ]);
    expect(one.values).toEqual([{ currency: 'USD', amountMinor: 200_000, count: 1 }]);
    const { figures } = shape(
      await execute(
        ctx,
        q(
          { measure: { kind: 'largest', of: 'spent' }, ranking: { order: 'top', n: 2 } },
          { categories: [food] },
        ),
      ),
      'figures',
    );
    expect(figures[0]!.rows!.map((r) => r.amountMinor)).toEqual([-12_000, -6_000]);
  });
});

describe('comparisons', () => {
  it('one period against the one before it, earlier first, with what moved', async () => {
    const r = shape(await execute(ctx, q({ comparison: { kind: 'periods' } })), 'periods');
    expect(r.figures.map((f) => [f.period?.label, usd(f.values)])).toEqual([
      ['January 2026', 212_500],
      ['February 2026', 225_950],
    ]);
    // Food 85.00 → 184.50; shopping 40.00 → 75.00; rent the same.
    expect(r.movers.map((m) => m.change)).toEqual([9_950, 3_500, 0]);
  });

  it('subjects side by side, a figure each', async () => {
    const r = shape(
      await execute(
        ctx,
        q({
          comparison: {
            kind: 'subjects',
            subjects: [
              { label: 'Safeway', include: { ...emptySubject(), merchants: ['Safeway'] } },
              { label: 'Amazon', include: { ...emptySubject(), merchants: ['Amazon'] } },
            ],
          },
        }),
      ),
      'subjects',
    );
    expect(r.subjects.map((s) => [s.label, usd(s.figures[0]!.values)])).toEqual([
      ['Safeway', 18_000],
      ['Amazon', 7_500],
    ]);
  });
});

describe('lists and balances', () => {
  it('lists the transactions behind a figure, a page at a time', async () => {
    const first = shape(await execute(ctx, q({ form: 'list' }), { offset: 0, limit: 3 }), 'list');
    expect(first.rows.map((r) => r.date)).toEqual(['2026-02-14', '2026-02-12', '2026-02-11']);
    expect(first.more).toBe(true);
    const last = shape(await execute(ctx, q({ form: 'list' }), { offset: 6, limit: 3 }), 'list');
    expect(last.rows.map((r) => [r.date, r.merchant])).toEqual([['2026-02-02', 'Westgate']]);
    expect(last.more).toBe(false);
    const biggest = shape(await execute(ctx, q({ form: 'list', ranking: { order: 'top', n: 2 } })), 'list');
    expect(biggest.rows.map((r) => r.amountMinor)).toEqual([-200_000, -12_000]);
  });

  it('balances: the latest, of the accounts asked about, or as of a period’s end', async () => {
    const latest = shape(
      await execute(ctx, q({ measure: { kind: 'balance' }, periods: [] }, { accounts: [l.chase] })),
      'balances',
    );
    expect(latest.rows.map((b) => [b.accountName, b.amountMinor, b.asOf])).toEqual([
      ['Chase Checking', 139_000, '2026-02-28'],
    ]);
    const january = shape(
      await execute(ctx, q({ measure: { kind: 'balance' }, periods: [JAN] }, { accounts: [l.chase] })),
      'balances',
    );
    expect(january.rows.map((b) => [b.amountMinor, b.asOf])).toEqual([[100_000, '2026-01-31']]);
    // The card's statement has no balance from January: nothing for then, and the latest offered instead.
    const card = shape(
      await execute(
        ctx,
        q({ measure: { kind: 'balance' }, periods: [JAN] }, { accountTypes: ['credit_card'] }),
      ),
      'balances',
    );
    expect(card.rows).toEqual([]);
    expect(card.latest!.map((b) => [b.accountName, b.amountMinor])).toEqual([['Amex Gold', -14_450]]);
  });
});
