import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { dbOf } from '../helpers/db.ts';
import { fileRows } from '../helpers/rows.ts';
import { memoryStore } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const FILE = { name: 'statement.csv', format: 'csv' };
const FEBRUARY = { start: '2026-02-01', end: '2026-03-01' };

/**
 * Alice: a USD card and a EUR account. Bob: one charge at the same merchant, which must never show up in
 * Alice's answers.
 */
async function household(): Promise<{ store: Store; usd: number; eur: number }> {
  const store = await memoryStore();
  const usd = (
    await store.accounts.upsert('alice', { name: 'Amex Gold', type: 'credit_card', currency: 'USD' }, NOW)
  ).id;
  const eur = (await store.accounts.upsert('alice', { name: 'N26', type: 'checking', currency: 'EUR' }, NOW))
    .id;
  const bobs = (await store.accounts.upsert('bob', { name: 'Wells', type: 'checking', currency: 'USD' }, NOW))
    .id;
  await store.ledger.addStatement(
    'alice',
    usd,
    FILE,
    fileRows([
      {
        date: '2026-01-15',
        amountMinor: -4_000,
        description: 'AMZN 1',
        merchant: 'Amazon',
        category: 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
      },
      {
        date: '2026-02-03',
        amountMinor: -10_000,
        description: 'AMZN 2',
        merchant: 'Amazon',
        category: 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
      },
      {
        date: '2026-02-10',
        amountMinor: 2_500,
        description: 'AMZN REFUND',
        merchant: 'Amazon',
        category: 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
      },
      {
        date: '2026-02-11',
        amountMinor: -450,
        description: 'SBUX',
        merchant: 'Starbucks',
        category: 'FOOD_AND_DRINK_COFFEE',
      },
      {
        date: '2026-02-12',
        amountMinor: -6_000,
        description: 'SAFEWAY',
        merchant: 'Safeway',
        category: 'FOOD_AND_DRINK_GROCERIES',
      },
      {
        date: '2026-02-20',
        amountMinor: 50_000,
        description: 'PAYMENT THANK YOU',
        merchant: 'Amex',
        category: 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT',
        flow: 'transfer',
      },
      {
        date: '2026-03-01',
        amountMinor: -700,
        description: 'SBUX',
        merchant: 'Starbucks',
        category: 'FOOD_AND_DRINK_COFFEE',
      },
    ]),
    [
      { asOf: '2026-02-28', kind: 'ledger', amountMinor: -12_000, currency: 'USD' },
      { asOf: '2026-01-31', kind: 'ledger', amountMinor: -4_000, currency: 'USD' },
    ],
    NOW,
  );
  await store.ledger.addStatement(
    'alice',
    eur,
    FILE,
    fileRows([
      {
        date: '2026-02-05',
        amountMinor: -3_000,
        description: 'REWE',
        merchant: 'Rewe',
        category: 'FOOD_AND_DRINK_GROCERIES',
        currency: 'EUR',
      },
      {
        date: '2026-02-15',
        amountMinor: 300_000,
        description: 'GEHALT',
        merchant: 'Acme',
        category: 'INCOME_WAGES',
        flow: 'income',
        currency: 'EUR',
      },
    ]),
    [
      // Same day, two kinds: the ledger balance wins over the available one.
      { asOf: '2026-02-27', kind: 'available', amountMinor: 99_999, currency: 'EUR' },
      { asOf: '2026-02-27', kind: 'ledger', amountMinor: 297_000, currency: 'EUR' },
      { asOf: '2026-02-01', kind: 'ledger', amountMinor: 1_000, currency: 'EUR' },
    ],
    NOW,
  );
  await store.ledger.addStatement(
    'bob',
    bobs,
    FILE,
    fileRows([
      {
        date: '2026-02-04',
        amountMinor: -99_900,
        description: 'AMZN BOB',
        merchant: 'Amazon',
        category: 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
      },
    ]),
    [{ asOf: '2026-02-28', kind: 'ledger', amountMinor: 5_000, currency: 'USD' }],
    NOW,
  );
  return { store, usd, eur };
}

describe('queries', () => {
  let store: Store;
  let usd: number;
  let eur: number;
  beforeAll(async () => {
    ({ store, usd, eur } = await household());
  });

  it('totals per currency never mix currencies; spending is money out minus refunds', async () => {
    expect(await store.queries.totals('alice', 'spending', FEBRUARY)).toEqual([
      { currency: 'EUR', amountMinor: 3_000, count: 1 },
      // 100.00 + 4.50 + 60.00 out, 25.00 refunded
      { currency: 'USD', amountMinor: 13_950, count: 4 },
    ]);
  });

  it('leaves transfers and income out of spending, and counts income on its own', async () => {
    const usdOnly = await store.queries.totals('alice', 'spending', { ...FEBRUARY, accountIds: [usd] });
    expect(usdOnly).toEqual([{ currency: 'USD', amountMinor: 13_950, count: 4 }]);
    expect(await store.queries.totals('alice', 'income', FEBRUARY)).toEqual([
      { currency: 'EUR', amountMinor: 300_000, count: 1 },
    ]);
    expect(await store.queries.totals('alice', 'transfer', FEBRUARY)).toEqual([
      { currency: 'USD', amountMinor: -50_000, count: 1 },
    ]);
  });

  it('periods are half-open: the first of March is not February', async () => {
    const coffee = await store.queries.totals('alice', 'spending', {
      ...FEBRUARY,
      categories: ['FOOD_AND_DRINK_COFFEE'],
    });
    expect(coffee).toEqual([{ currency: 'USD', amountMinor: 450, count: 1 }]);
  });

  it('filters by primary category code, merchant and amount', async () => {
    const food = await store.queries.totals('alice', 'spending', {
      ...FEBRUARY,
      categories: ['FOOD_AND_DRINK'],
    });
    expect(food).toEqual([
      { currency: 'EUR', amountMinor: 3_000, count: 1 },
      { currency: 'USD', amountMinor: 6_450, count: 2 },
    ]);
    const amazon = (await store.queries.merchants('alice')).find((m) => m.name === 'Amazon')!;
    expect(amazon.count).toBe(3);
    expect(await store.queries.totals('alice', 'spending', { merchantIds: [amazon.id] })).toEqual([
      { currency: 'USD', amountMinor: 11_500, count: 3 },
    ]);
    expect(await store.queries.totals('alice', 'spending', { ...FEBRUARY, minAbsMinor: 5_000 })).toEqual([
      { currency: 'USD', amountMinor: 16_000, count: 2 },
    ]);
  });

  it('lists the merchants a user paid or was paid by, each once with its count, in id order', async () => {
    const expected = dbOf(store)
      .prepare(
        `SELECT merchant_id AS id, COUNT(*) AS count FROM transactions
         WHERE user_id = 'alice' AND flow IN ('spending', 'income', 'cash')
         GROUP BY merchant_id ORDER BY merchant_id`,
      )
      .all() as { id: number; count: number }[];
    const merchants = await store.queries.merchants('alice');
    expect(merchants.map(({ id, count }) => ({ id, count }))).toEqual(expected);
    expect(merchants.length).toBeGreaterThan(2);
    expect(merchants.find((m) => m.name === 'Amazon')?.count).toBe(3);
    expect(await store.queries.merchants('nobody')).toEqual([]);
  });

  it('groups by merchant, largest first, with refunds netted and currencies apart', async () => {
    const rows = await store.queries.grouped('alice', 'spending', 'merchant', FEBRUARY);
    expect(rows.map((r) => [r.label, r.currency, r.amountMinor, r.count])).toEqual([
      ['Amazon', 'USD', 7_500, 2],
      ['Safeway', 'USD', 6_000, 1],
      ['Rewe', 'EUR', 3_000, 1],
      ['Starbucks', 'USD', 450, 1],
    ]);
  });

  it('groups by detailed and by primary category', async () => {
    const detailed = await store.queries.grouped('alice', 'spending', 'category', FEBRUARY);
    expect(detailed.map((r) => [r.key, r.currency, r.amountMinor])).toEqual([
      ['GENERAL_MERCHANDISE_ONLINE_MARKETPLACES', 'USD', 7_500],
      ['FOOD_AND_DRINK_GROCERIES', 'USD', 6_000],
      ['FOOD_AND_DRINK_GROCERIES', 'EUR', 3_000],
      ['FOOD_AND_DRINK_COFFEE', 'USD', 450],
    ]);
    const primary = await store.queries.grouped('alice', 'spending', 'primary', FEBRUARY);
    expect(primary.map((r) => [r.key, r.currency, r.amountMinor, r.count])).toEqual([
      ['GENERAL_MERCHANDISE', 'USD', 7_500, 2],
      ['FOOD_AND_DRINK', 'USD', 6_450, 2],
      ['FOOD_AND_DRINK', 'EUR', 3_000, 1],
    ]);
  });

  it('groups by month in calendar order', async () => {
    const months = await store.queries.grouped('alice', 'spending', 'month', { accountIds: [usd] });
    expect(months.map((r) => [r.key, r.amountMinor])).toEqual([
      ['2026-01', 4_000],
      ['2026-02', 13_950],
      ['2026-03', 700],
    ]);
  });

  it('lists transactions newest first, a page at a time, only the user’s own', async () => {
    const all = await store.queries.transactions(
      'alice',
      ['spending', 'income'],
      {},
      { limit: 100, offset: 0 },
    );
    expect(all).toHaveLength(8);
    expect(all.map((t) => t.date)).toEqual([...all.map((t) => t.date)].sort().reverse());
    expect(all.some((t) => t.description === 'AMZN BOB')).toBe(false);
    const page1 = await store.queries.transactions(
      'alice',
      ['spending', 'income'],
      {},
      { limit: 3, offset: 0 },
    );
    const page2 = await store.queries.transactions(
      'alice',
      ['spending', 'income'],
      {},
      { limit: 3, offset: 3 },
    );
    expect(page1.map((t) => t.date)).toEqual(['2026-03-01', '2026-02-15', '2026-02-12']);
    expect(page2.map((t) => t.id)).toEqual(all.slice(3, 6).map((t) => t.id));
    expect(page1[0]).toMatchObject({
      merchant: 'Starbucks',
      category: 'FOOD_AND_DRINK_COFFEE',
      categoryLabel: 'Coffee',
      accountName: 'Amex Gold',
      amountMinor: -700,
    });
  });

  it('latestBalances takes the newest day per account, and the ledger balance on that day', async () => {
    expect(await store.queries.latestBalances('alice')).toEqual([
      {
        accountId: usd,
        accountName: 'Amex Gold',
        accountType: 'credit_card',
        asOf: '2026-02-28',
        amountMinor: -12_000,
        currency: 'USD',
      },
      {
        accountId: eur,
        accountName: 'N26',
        accountType: 'checking',
        asOf: '2026-02-27',
        amountMinor: 297_000,
        currency: 'EUR',
      },
    ]);
    expect((await store.queries.latestBalances('bob')).map((b) => b.amountMinor)).toEqual([5_000]);
  });

  it('coverage says which days each account holds', async () => {
    expect(await store.queries.coverage('alice')).toEqual(
      expect.arrayContaining([
        { accountId: usd, first: '2026-01-15', last: '2026-03-01', count: 7 },
        { accountId: eur, first: '2026-02-05', last: '2026-02-15', count: 2 },
      ]),
    );
  });

  it('answers a month’s totals by category from the covering index alone', async () => {
    const db = dbOf(store);
    const prepared: string[] = [];
    const fresh = await memoryStore();
    const spy = vi.spyOn(dbOf(fresh), 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return db.prepare(sql);
    });
    // The statement the store really runs for "spending by category in February".
    await fresh.queries.grouped('alice', 'spending', 'category', FEBRUARY);
    spy.mockRestore();
    const sql = prepared.find((s) => /GROUP BY k, currency/.test(s));
    expect(sql).toBeDefined();
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all('alice', 20260201, 20260301, 'spending')
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan, plan).toContain('COVERING INDEX transactions_by_user_day');
    fresh.close();
  });
});
