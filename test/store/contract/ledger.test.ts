/** Accounts, imports and the named queries behave the same on SQLite and PostgreSQL. */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { fileRows } from '../../helpers/rows.ts';
import { closeAdmin, ENGINES, openEngine } from './engines.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const FILE = { name: 'march.csv', format: 'csv' };
const COFFEE = 'FOOD_AND_DRINK_COFFEE';
const GROCERIES = 'FOOD_AND_DRINK_GROCERIES';

afterAll(closeAdmin);

describe.each(ENGINES)('ledger on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openEngine(engine));
  });
  afterEach(async () => close());

  const card = (user = 'alice', name = 'Amex Gold') =>
    store.accounts.upsert(user, { name, type: 'credit_card', currency: 'usd' }, NOW);

  const march = () =>
    fileRows([
      {
        date: '2026-03-02',
        amountMinor: -450,
        description: 'STARBUCKS',
        merchant: 'Starbucks',
        category: COFFEE,
      },
      {
        date: '2026-03-03',
        amountMinor: -6_000,
        description: 'SAFEWAY',
        merchant: 'Safeway',
        category: GROCERIES,
      },
      {
        date: '2026-03-09',
        amountMinor: -12_000,
        description: 'SAFEWAY',
        merchant: 'Safeway',
        category: GROCERIES,
      },
      {
        date: '2026-03-05',
        amountMinor: 250_000,
        description: 'ACME PAYROLL',
        category: 'INCOME_WAGES',
        flow: 'income',
      },
    ]);

  it('creates accounts once per name, case-insensitively, scoped to the user', async () => {
    const amex = await card();
    expect(amex).toMatchObject({ userId: 'alice', name: 'Amex Gold', currency: 'USD', demo: false });
    expect((await card('alice', 'amex gold')).id).toBe(amex.id);
    expect(await store.accounts.findByName('alice', 'AMEX GOLD')).toEqual(amex);
    expect(await store.accounts.list('bob')).toEqual([]);
    expect(await store.accounts.get('bob', amex.id)).toBeUndefined();
    expect(await store.accounts.remove('bob', amex.id)).toBeUndefined();
  });

  it('a real account takes its name from a demo one, which moves aside', async () => {
    const demo = await store.accounts
      .demoNames()
      .upsert('alice', { name: 'Chase', type: 'checking', currency: 'USD' });
    const real = await store.accounts.upsert('alice', { name: 'Chase', type: 'checking', currency: 'USD' });
    expect(real.id).not.toBe(demo.id);
    expect((await store.accounts.get('alice', demo.id))?.name).toBe('Chase (demo)');
    expect(await store.accounts.demoNameFor('alice', 'Chase')).toBe('Chase (demo)');
    await expect(
      store.accounts.demoNames().upsert('alice', { name: 'Chase (demo)', type: 'checking', currency: 'USD' }),
    ).resolves.toMatchObject({ id: demo.id });
    expect(await store.accounts.removeDemo('alice')).toEqual({
      accounts: 1,
      transactions: 0,
      balances: 0,
      batches: 0,
      budgets: 0,
    });
  });

  it('imports a file once: the same file again adds nothing, a repeated line counts once', async () => {
    const amex = await card();
    const first = await store.ledger.addStatement('alice', amex.id, FILE, march(), [], NOW);
    expect(first).toMatchObject({ added: 4, skipped: 0, firstDate: '2026-03-02', lastDate: '2026-03-09' });
    expect(await store.ledger.idsInBatches('alice', [first.batchId])).toHaveLength(4);
    const again = await store.ledger.addStatement('alice', amex.id, FILE, march(), [], NOW);
    expect(again).toMatchObject({ added: 0, skipped: 4 });
    const rows = march();
    const twice = await store.ledger.addStatement(
      'alice',
      (await card('alice', 'Visa')).id,
      FILE,
      [...rows, rows[0]!],
      [],
      NOW,
    );
    expect(twice).toMatchObject({ added: 4, skipped: 1 });
  });

  it('a file is all or nothing: a failure inside the transaction leaves no account, batch or row', async () => {
    await expect(
      store.ledger.atomically(
        async () => {
          const account = await card('alice', 'New Card');
          const writer = await store.ledger.beginStatement('alice', account.id, FILE, NOW);
          writer.add(march());
          await writer.finish([]);
          throw new Error('the file ended early');
        },
        { bulk: true },
      ),
    ).rejects.toThrow('the file ended early');
    expect(await store.accounts.list('alice')).toEqual([]);
    expect(await store.queries.coverage('alice')).toEqual([]);
    expect(await store.ledger.batchesAwaitingAlerts()).toEqual([]);
    // An unknown category stops the file too.
    const amex = await card();
    await expect(
      store.ledger.addStatement(
        'alice',
        amex.id,
        FILE,
        fileRows([{ date: '2026-03-01', amountMinor: -1, description: 'X', category: 'NOPE' }]),
        [],
        NOW,
      ),
    ).rejects.toThrow('unknown category');
    expect(await store.queries.coverage('alice')).toEqual([]);
  });

  it('writes a statement in batches inside one transaction, and only there', async () => {
    const amex = await card();
    await expect(store.ledger.beginStatement('alice', amex.id, FILE, NOW)).rejects.toThrow(
      'inside a transaction',
    );
    const result = await store.ledger.atomically(async () => {
      const writer = await store.ledger.beginStatement('alice', amex.id, FILE, NOW);
      const rows = march();
      writer.add(rows.slice(0, 2));
      writer.add(rows.slice(2));
      return writer.finish([{ asOf: '2026-03-09', kind: 'ledger', amountMinor: -18_450, currency: 'USD' }]);
    });
    expect(result).toMatchObject({ added: 4, skipped: 0, repeated: 0 });
    expect(await store.queries.latestBalances('alice')).toEqual([
      {
        accountId: amex.id,
        accountName: 'Amex Gold',
        accountType: 'credit_card',
        asOf: '2026-03-09',
        amountMinor: -18_450,
        currency: 'USD',
      },
    ]);
    await expect(
      store.ledger.atomically(async () => store.ledger.beginStatement('bob', amex.id, FILE, NOW)),
    ).rejects.toThrow('does not belong');
  });

  it('answers the named queries with the same figures', async () => {
    const amex = await card();
    await store.ledger.addStatement('alice', amex.id, FILE, march(), [], NOW);
    const month = { start: '2026-03-01', end: '2026-04-01' };
    expect(await store.queries.totals('alice', 'spending', month)).toEqual([
      { currency: 'USD', amountMinor: 18_450, count: 3 },
    ]);
    expect(await store.queries.totals('alice', 'income', month)).toEqual([
      { currency: 'USD', amountMinor: 250_000, count: 1 },
    ]);
    expect(await store.queries.totals('bob', 'spending', month)).toEqual([]);
    const byMerchant = await store.queries.grouped('alice', 'spending', 'merchant', month);
    expect(byMerchant.map((g) => [g.label, g.amountMinor, g.count])).toEqual([
      ['Safeway', 18_000, 2],
      ['Starbucks', 450, 1],
    ]);
    const byPrimary = await store.queries.grouped('alice', 'spending', 'primary', month);
    expect(byPrimary.map((g) => [g.key, g.amountMinor])).toEqual([['FOOD_AND_DRINK', 18_450]]);
    expect((await store.queries.grouped('alice', 'spending', 'month')).map((g) => g.key)).toEqual([
      '2026-03',
    ]);
    const page = await store.queries.transactions('alice', ['spending'], month, { limit: 2, offset: 0 });
    expect(page.map((r) => [r.date, r.merchant, r.category, r.accountName])).toEqual([
      ['2026-03-09', 'Safeway', GROCERIES, 'Amex Gold'],
      ['2026-03-03', 'Safeway', GROCERIES, 'Amex Gold'],
    ]);
    expect(await store.queries.span('alice')).toEqual({ first: '2026-03-02', last: '2026-03-09' });
    expect(await store.queries.span('alice', [amex.id + 1000])).toBeUndefined();
    expect((await store.queries.history('alice', '2026-03-03')).map((t) => [t.date, t.merchant])).toEqual([
      ['2026-03-03', 'Safeway'],
      ['2026-03-05', 'Acme Payroll'.toUpperCase()],
      ['2026-03-09', 'Safeway'],
    ]);
    expect(await store.queries.coverage('alice')).toEqual([
      { accountId: amex.id, first: '2026-03-02', last: '2026-03-09', count: 4 },
    ]);
    expect((await store.queries.merchants('alice')).map((m) => [m.name, m.count]).sort()).toEqual([
      ['ACME PAYROLL', 1],
      ['Safeway', 2],
      ['Starbucks', 1],
    ]);
    expect(await store.queries.label('alice', 'account', amex.id)).toEqual([String(amex.id), 'Amex Gold']);
  });

  it('groups by week, weekday, quarter and year alike', async () => {
    const amex = await card();
    await store.ledger.addStatement('alice', amex.id, FILE, march(), [], NOW);
    const agg = (groupBy: 'week' | 'weekday' | 'quarter' | 'year' | 'day') =>
      store.queries.sql.aggregate('alice', { flows: ['spending'], aggregate: 'sum', sign: -1, groupBy });
    const keys = async (g: Parameters<typeof agg>[0]) => (await agg(g)).map((r) => [r.key, r.value]);
    // 2 March 2026 is a Monday; the 9th the Monday after.
    expect(await keys('week')).toEqual([
      [20260302, 6_450],
      [20260309, 12_000],
    ]);
    expect(await keys('weekday')).toEqual([
      [1, 12_450],
      [2, 6_000],
    ]);
    expect(await keys('quarter')).toEqual([[20261, 18_450]]);
    expect(await keys('year')).toEqual([[2026, 18_450]]);
    const ranked = await store.queries.sql.aggregate('alice', {
      flows: ['spending'],
      aggregate: 'max',
      sign: -1,
      groupBy: 'merchant',
      order: 'desc',
      limit: 1,
    });
    expect(ranked.map((r) => [r.value, r.count])).toEqual([[12_000, 2]]);
  });

  it('re-labels rows, applies a person’s category rule, and pairs transfers', async () => {
    const amex = await card();
    const chase = await store.accounts.upsert(
      'alice',
      { name: 'Chase', type: 'checking', currency: 'USD' },
      NOW,
    );
    const a = await store.ledger.addStatement('alice', amex.id, FILE, march(), [], NOW);
    await store.ledger.addStatement(
      'alice',
      chase.id,
      FILE,
      fileRows([{ date: '2026-03-04', amountMinor: 6_000, description: 'PAYMENT THANK YOU' }]),
      [],
      NOW,
    );
    const candidates = await store.queries.transferCandidates('alice', '2026-03-01', '2026-04-01');
    expect(candidates.map((c) => [c.accountId, c.amountMinor]).sort()).toEqual(
      [
        [amex.id, -6_000],
        [chase.id, 6_000],
      ].sort(),
    );
    expect(
      await store.ledger.setFlow(
        'alice',
        candidates.map((c) => c.id),
        'transfer',
        'TRANSFER_OUT_ACCOUNT_TRANSFER',
      ),
    ).toBe(2);
    expect(
      await store.ledger.setFlow(
        'bob',
        await store.ledger.idsInBatches('alice', [a.batchId]),
        'transfer',
        'TRANSFER_OUT_ACCOUNT_TRANSFER',
      ),
    ).toBe(0);
    expect(await store.ledger.setUserCategory('alice', 'Safeway', COFFEE, NOW)).toBe(1);
    expect(await store.ledger.userRules('alice')).toEqual(new Map([['safeway', COFFEE]]));
    expect(await store.queries.totals('alice', 'spending', { categories: [COFFEE] })).toEqual([
      { currency: 'USD', amountMinor: 12_450, count: 2 },
    ]);
  });

  it('keeps track of which imports were checked for alerts', async () => {
    const amex = await card();
    const { batchId } = await store.ledger.addStatement('alice', amex.id, FILE, march(), [], NOW);
    expect(await store.ledger.batchesAwaitingAlerts()).toEqual([{ batchId, userId: 'alice' }]);
    expect(await store.ledger.idsInBatches('alice', [batchId])).toHaveLength(4);
    expect(await store.ledger.idsInBatches('bob', [batchId])).toEqual([]);
    await store.ledger.markAlertsDone([batchId]);
    expect(await store.ledger.batchesAwaitingAlerts()).toEqual([]);
  });
});
