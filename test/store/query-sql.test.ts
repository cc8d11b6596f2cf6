/**
 * The one SQL builder: every filter, exclusion, grouping and ranking on the hand-written ledger of
 * test/insights/ledger.ts (figures worked out there), always scoped to one user, values only as arguments,
 * one prepared statement per shape, aggregates from the covering index.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SqlAggregate, SqlValue } from '../../src/store/query-sql.ts';
import { dbOf } from '../helpers/db.ts';
import { FEBRUARY, JANUARY, ledger, type Ledger } from '../insights/ledger.ts';

let l: Ledger;
beforeAll(async () => {
  l = await ledger();
});

const spent = (extra: Partial<SqlAggregate> = {}): SqlAggregate => ({
  flows: ['spending'],
  aggregate: 'sum',
  sign: -1,
  ...FEBRUARY,
  ...extra,
});
const run = (q: SqlAggregate, user = 'alice') => l.store.queries.sql.aggregate(user, q);
const pairs = (rows: SqlValue[]) => rows.map((r) => [r.key, r.currency, r.value, r.count]);
const usd = (rows: SqlValue[]) => rows.filter((r) => r.currency === 'USD').map((r) => [r.value, r.count]);

describe('filters', () => {
  it('sums spending per currency, refunds netted, transfers and income left out', async () => {
    expect(pairs(await run(spent()))).toEqual([
      [null, 'EUR', 3_000, 1],
      [null, 'USD', 225_950, 6],
    ]);
    expect(usd(await run(spent(JANUARY)))).toEqual([[212_500, 4]]);
  });

  it('includes a primary category with every detailed one under it, or one detailed category', async () => {
    // Starbucks 4.50 + Safeway 60.00 + 120.00; Rewe in EUR apart.
    expect(pairs(await run(spent({ include: { categories: ['FOOD_AND_DRINK'] } })))).toEqual([
      [null, 'EUR', 3_000, 1],
      [null, 'USD', 18_450, 3],
    ]);
    expect(usd(await run(spent({ include: { categories: ['FOOD_AND_DRINK_GROCERIES'] } })))).toEqual([
      [18_000, 2],
    ]);
  });

  it('excludes categories at both levels: food except groceries, everything but rent', async () => {
    expect(
      pairs(
        await run(
          spent({
            include: { categories: ['FOOD_AND_DRINK'] },
            exclude: { categories: ['FOOD_AND_DRINK_GROCERIES'] },
          }),
        ),
      ),
    ).toEqual([[null, 'USD', 450, 1]]);
    expect(usd(await run(spent({ exclude: { categories: ['RENT_AND_UTILITIES'] } })))).toEqual([[25_950, 5]]);
  });

  it('includes and excludes merchants by id', async () => {
    expect(usd(await run(spent({ include: { merchantIds: [l.merchant('Safeway')] } })))).toEqual([
      [18_000, 2],
    ]);
    // 2,259.50 − Amazon (100.00 − 25.00)
    expect(usd(await run(spent({ exclude: { merchantIds: [l.merchant('Amazon')] } })))).toEqual([
      [218_450, 4],
    ]);
    // Two merchants are alternatives: Safeway or Starbucks.
    expect(
      usd(await run(spent({ include: { merchantIds: [l.merchant('Safeway'), l.merchant('Starbucks')] } }))),
    ).toEqual([[18_450, 3]]);
  });

  it('a name that resolves to no id matches nothing, and excluding it leaves everything', async () => {
    expect(await run(spent({ include: { categories: ['NO_SUCH_CODE'] } }))).toEqual([]);
    expect(usd(await run(spent({ exclude: { categories: ['NO_SUCH_CODE'] } })))).toEqual([[225_950, 6]]);
  });

  it('includes and excludes accounts by id, and across lists every condition applies', async () => {
    expect(usd(await run(spent({ include: { accountIds: [l.chase] } })))).toEqual([[212_000, 2]]);
    expect(pairs(await run(spent({ exclude: { accountIds: [l.amex] } })))).toEqual([
      [null, 'EUR', 3_000, 1],
      [null, 'USD', 212_000, 2],
    ]);
    // Groceries on the card only: Safeway 60.00.
    expect(
      usd(await run(spent({ include: { categories: ['FOOD_AND_DRINK_GROCERIES'], accountIds: [l.amex] } }))),
    ).toEqual([[6_000, 1]]);
  });

  it('includes and excludes account types', async () => {
    // The card: 100.00 − 25.00 + 4.50 + 60.00.
    expect(pairs(await run(spent({ include: { accountTypes: ['credit_card'] } })))).toEqual([
      [null, 'USD', 13_950, 4],
    ]);
    expect(pairs(await run(spent({ exclude: { accountTypes: ['checking'] } })))).toEqual([
      [null, 'USD', 13_950, 4],
    ]);
    expect(pairs(await run(spent({ include: { accountTypes: ['checking'] } })))).toEqual([
      [null, 'EUR', 3_000, 1],
      [null, 'USD', 212_000, 2],
    ]);
  });

  it('applies amount conditions to the absolute amount, inclusive', async () => {
    // Rent 2,000.00, Amazon 100.00, Safeway 120.00.
    expect(usd(await run(spent({ minAbsMinor: 10_000 })))).toEqual([[222_000, 3]]);
    expect(usd(await run(spent({ maxAbsMinor: 450 })))).toEqual([[450, 1]]);
    expect(usd(await run(spent({ minAbsMinor: 5_000, maxAbsMinor: 12_000 })))).toEqual([[28_000, 3]]);
  });

  it('counts charges only, and finds the largest charge', async () => {
    // The refund is money in: five charges, not six.
    expect(usd(await run(spent({ aggregate: 'count', direction: 'out' })))).toEqual([[5, 5]]);
    expect(usd(await run(spent({ aggregate: 'max', direction: 'out' })))).toEqual([[200_000, 5]]);
  });

  it('sums income with its own sign and flow, payers as merchants', async () => {
    expect(usd(await run({ flows: ['income'], aggregate: 'sum', sign: 1, ...FEBRUARY }))).toEqual([
      [301_000, 2],
    ]);
    expect(
      usd(
        await run({
          flows: ['income'],
          aggregate: 'sum',
          sign: 1,
          ...FEBRUARY,
          include: { merchantIds: [l.merchant('Dana')] },
        }),
      ),
    ).toEqual([[1_000, 1]]);
  });

  it('periods are half-open; no period means all the user’s data', async () => {
    expect(usd(await run(spent({ include: { categories: ['FOOD_AND_DRINK_COFFEE'] } })))).toEqual([[450, 1]]);
    expect(
      usd(
        await run(
          spent({ start: undefined, end: undefined, include: { categories: ['FOOD_AND_DRINK_COFFEE'] } }),
        ),
      ),
    ).toEqual([[1_150, 2]]);
  });
});

describe('groupings and rankings', () => {
  it('by merchant, by detailed and by primary category, by account', async () => {
    const labels = new Map<string, string>();
    for (const by of ['merchant', 'category', 'primary', 'account'] as const)
      for (const r of await run(spent({ groupBy: by })))
        labels.set(`${by}:${r.key}`, (await l.store.queries.label('alice', by, r.key))[1]);
    const label = (by: 'merchant' | 'category' | 'primary' | 'account', k: SqlValue['key']) =>
      labels.get(`${by}:${k}`);
    const merchants = (await run(spent({ groupBy: 'merchant', order: 'desc' }))).map((r) => [
      label('merchant', r.key),
      r.currency,
      r.value,
    ]);
    expect(merchants).toEqual([
      ['Westgate', 'USD', 200_000],
      ['Safeway', 'USD', 18_000],
      ['Amazon', 'USD', 7_500],
      ['Rewe', 'EUR', 3_000],
      ['Starbucks', 'USD', 450],
    ]);
    expect(pairs(await run(spent({ groupBy: 'primary', order: 'desc' })))).toEqual([
      ['RENT_AND_UTILITIES', 'USD', 200_000, 1],
      ['FOOD_AND_DRINK', 'USD', 18_450, 3],
      ['GENERAL_MERCHANDISE', 'USD', 7_500, 2],
      ['FOOD_AND_DRINK', 'EUR', 3_000, 1],
    ]);
    const detailed = await run(
      spent({ groupBy: 'category', include: { categories: ['FOOD_AND_DRINK'] }, order: 'desc' }),
    );
    expect(detailed.map((r) => [label('category', r.key), r.currency, r.value])).toEqual([
      ['Groceries', 'USD', 18_000],
      ['Groceries', 'EUR', 3_000],
      ['Coffee', 'USD', 450],
    ]);
    expect(
      (await run(spent({ groupBy: 'account', order: 'desc' }))).map((r) => [
        label('account', r.key),
        r.value,
      ]),
    ).toEqual([
      ['Chase Checking', 212_000],
      ['Amex Gold', 13_950],
      ['N26', 3_000],
    ]);
  });

  it('ranks top and bottom N in SQL', async () => {
    const top2 = await run(spent({ groupBy: 'merchant', order: 'desc', limit: 2 }));
    expect(top2.map((r) => r.value)).toEqual([200_000, 18_000]);
    const bottom1 = await run(spent({ groupBy: 'merchant', order: 'asc', limit: 1 }));
    const starbucks = (await l.store.queries.label('alice', 'merchant', bottom1[0]?.key ?? null))[1];
    expect(bottom1.map((r) => [starbucks, r.value])).toEqual([['Starbucks', 450]]);
  });

  it('by month, quarter and year over all the data', async () => {
    const all = { start: undefined, end: undefined };
    expect(usd(await run(spent({ ...all, groupBy: 'month' }))).map((r) => r[0])).toEqual([
      212_500, 225_950, 700,
    ]);
    expect(
      (await run(spent({ ...all, groupBy: 'month' }))).filter((r) => r.currency === 'USD').map((r) => r.key),
    ).toEqual([202601, 202602, 202603]);
    expect(pairs(await run(spent({ ...all, groupBy: 'quarter' })))).toEqual([
      [20261, 'EUR', 3_000, 1],
      [20261, 'USD', 439_150, 11],
    ]);
    // The card: January 40.00 + 60.00 + 25.00, February 139.50, March 7.00.
    expect(pairs(await run(spent({ ...all, groupBy: 'year', include: { accountIds: [l.amex] } })))).toEqual([
      [2026, 'USD', 27_150, 8],
    ]);
  });

  it('by weekday (0 = Sunday) and by week, keyed by its Monday', async () => {
    expect(pairs(await run(spent({ groupBy: 'weekday' })))).toEqual([
      [1, 'USD', 200_000, 1], // Mon 2 Feb: rent
      [2, 'USD', 7_500, 2], // Tue 3 and 10 Feb: Amazon and its refund
      [3, 'USD', 450, 1], // Wed 11 Feb
      [4, 'EUR', 3_000, 1], // Thu 5 Feb
      [4, 'USD', 6_000, 1], // Thu 12 Feb
      [6, 'USD', 12_000, 1], // Sat 14 Feb
    ]);
    // Week of Mon 2 Feb: rent + Amazon; week of Mon 9 Feb: −25.00 + 4.50 + 60.00 + 120.00; Sun 1 Mar is in the week of 23 Feb.
    expect(usd(await run(spent({ start: '2026-02-01', end: '2026-03-02', groupBy: 'week' })))).toEqual([
      [210_000, 2],
      [15_950, 4],
      [700, 1],
    ]);
    expect(
      (await run(spent({ start: '2026-02-01', end: '2026-03-02', groupBy: 'week' })))
        .filter((r) => r.currency === 'USD')
        .map((r) => r.key),
    ).toEqual([20260202, 20260209, 20260223]);
    expect(
      usd(await run(spent({ groupBy: 'day', include: { merchantIds: [l.merchant('Safeway')] } }))),
    ).toEqual([
      [6_000, 1],
      [12_000, 1],
    ]);
  });
});

describe('rows', () => {
  it('lists rows newest or largest first, a page at a time, with account names', async () => {
    const sql = l.store.queries.sql;
    const newest = await sql.rows('alice', {
      flows: ['spending'],
      ...FEBRUARY,
      order: 'newest',
      limit: 3,
      offset: 0,
    });
    expect(newest.map((r) => [r.day, r.amountMinor, r.accountName])).toEqual([
      [20260214, -12_000, 'Chase Checking'],
      [20260212, -6_000, 'Amex Gold'],
      [20260211, -450, 'Amex Gold'],
    ]);
    const next = await sql.rows('alice', {
      flows: ['spending'],
      ...FEBRUARY,
      order: 'newest',
      limit: 3,
      offset: 3,
    });
    expect(next.map((r) => r.day)).toEqual([20260210, 20260205, 20260203]);
    const largest = await sql.rows('alice', {
      flows: ['spending'],
      ...FEBRUARY,
      direction: 'out',
      order: 'largest',
      limit: 2,
      offset: 0,
    });
    expect(largest.map((r) => r.amountMinor)).toEqual([-200_000, -12_000]);
  });
});

describe('scoping and shape', () => {
  it('a second user’s rows are never counted, even at the same merchants on the same days', async () => {
    expect(usd(await run(spent({ include: { merchantIds: [l.merchant('Amazon')] } })))).toEqual([[7_500, 2]]);
    expect(usd(await run(spent({ include: { merchantIds: [l.merchant('Amazon')] } }), 'bob'))).toEqual([
      [99_900, 1],
    ]);
    // Alice's account ids asked for by Bob give nothing.
    expect(await run(spent({ include: { accountIds: [l.amex, l.chase] } }), 'bob')).toEqual([]);
    expect(await run(spent({ include: { accountTypes: ['credit_card'] } }), 'bob')).toEqual([]);
    expect(
      (
        await l.store.queries.sql.rows('bob', {
          flows: ['spending', 'income'],
          order: 'newest',
          limit: 100,
          offset: 0,
        })
      ).map((r) => r.accountName),
    ).toEqual(['Wells', 'Wells', 'Wells']);
  });

  it('every statement starts with the user, and values only travel as arguments', async () => {
    const sql = l.store.queries.sql;
    const statements = [
      sql.aggregateSql(
        'alice',
        spent({
          include: {
            categories: ['FOOD_AND_DRINK'],
            merchantIds: [l.merchant('Safeway')],
            accountTypes: ['credit_card'],
          },
          exclude: { accountIds: [l.chase] },
          minAbsMinor: 1_234,
          groupBy: 'weekday',
          order: 'desc',
          limit: 3,
        }),
      ),
      sql.listSql('alice', { flows: ['spending'], ...FEBRUARY, order: 'largest', limit: 7, offset: 0 }),
    ];
    for (const { sql: text, args } of statements) {
      expect(text).toMatch(/ WHERE t\.user_id = \? AND /);
      expect(args[0]).toBe('alice');
      for (const value of [
        'alice',
        '20260201',
        '20260301',
        '1234',
        'spending',
        'credit_card',
        `IN (${l.chase})`,
      ])
        expect(text).not.toContain(value);
    }
  });

  it('prepares each shape once', async () => {
    const db = dbOf(l.store);
    const prepare = vi.spyOn(db, 'prepare');
    const shape = (code: string, start: string) =>
      spent({ start, include: { categories: [code] }, minAbsMinor: 17 });
    await run(shape('FOOD_AND_DRINK_COFFEE', '2026-02-01'));
    await run(shape('FOOD_AND_DRINK_RESTAURANT', '2026-01-01'));
    await run(shape('FOOD_AND_DRINK_COFFEE', '2025-12-01'));
    expect(prepare).toHaveBeenCalledTimes(1);
    prepare.mockRestore();
  });

  it.each([
    ['a category total', spent({ include: { categories: ['FOOD_AND_DRINK'] } })],
    [
      'everything but one merchant, by merchant',
      spent({ exclude: { merchantIds: [1] }, groupBy: 'merchant', order: 'desc', limit: 5 }),
    ],
    ['by weekday, over an amount', spent({ groupBy: 'weekday', minAbsMinor: 100 })],
    ['by month on credit cards', spent({ groupBy: 'month', include: { accountTypes: ['credit_card'] } })],
    ['by primary category', spent({ groupBy: 'primary' })],
  ])('%s reads transactions from the covering index alone', (_name, q) => {
    const { sql, args } = l.store.queries.sql.aggregateSql('alice', q);
    const plan = dbOf(l.store)
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...args)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan, plan).toMatch(
      /SEARCH t USING COVERING INDEX transactions_by_user_day \(user_id=\? AND posted_on>\? AND posted_on<\?\)/,
    );
  });
});
