import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.ts';
import { ROOT } from '../../src/config.ts';
import { demoBudgetSubjects } from '../../src/demo/budgets.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { parseBudgetQuery } from '../../src/insights/budgets.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import { Store } from '../../src/store/index.ts';
import { countRows, dbOf } from '../helpers/db.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T12:00:00Z');
const FEBRUARY = { start: '2026-02-01', end: '2026-03-01' };
const AMEX_OFX = readFileSync(join(ROOT, 'test/fixtures/statements/ofx/ofx-reader__amex.ofx'));

/** Gives the user two accounts of their own, named like two of the demo household's. */
async function linkOwnAccounts(store: Store, userId: string): Promise<number[]> {
  const checking = await importStatement(store, {
    userId,
    accountName: 'Chase Checking',
    accountType: 'checking',
    fileName: 'march.csv',
    bytes: groceriesWithSpike(TODAY),
    now: NOW,
  });
  const amex = await importStatement(store, {
    userId,
    accountName: 'Amex Gold',
    accountType: 'credit_card',
    fileName: 'amex.ofx',
    bytes: AMEX_OFX,
    now: NOW,
  });
  expect(checking.added).toBeGreaterThan(20);
  expect(amex.added).toBeGreaterThan(0);
  return [checking.account.id, amex.account.id];
}

/** Every stored row of the given accounts, in every table that holds them. */
function rowsOf(store: Store, accountIds: readonly number[]): Record<string, unknown[]> {
  const ids = accountIds.join(',');
  const all = (sql: string) => dbOf(store).prepare(sql).all();
  return {
    accounts: all(`SELECT * FROM accounts WHERE id IN (${ids}) ORDER BY id`),
    transactions: all(`SELECT * FROM transactions WHERE account_id IN (${ids}) ORDER BY id`),
    balances: all(`SELECT * FROM balances WHERE account_id IN (${ids}) ORDER BY account_id, kind, as_of`),
    batches: all(`SELECT * FROM import_batches WHERE account_id IN (${ids}) ORDER BY id`),
  };
}

async function februarySpending(store: Store, userId: string, accountIds?: number[]): Promise<number> {
  const totals = await store.queries.totals(userId, 'spending', {
    ...FEBRUARY,
    ...(accountIds ? { accountIds } : {}),
  });
  return totals.find((t) => t.currency === 'USD')?.amountMinor ?? 0;
}

describe('loadDemo', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });

  it('puts the whole household into accounts marked as demo, never into the person’s own of the same name', async () => {
    const own = await linkOwnAccounts(store, 'alice');
    const before = rowsOf(store, own);
    const ownFebruary = await februarySpending(store, 'alice', own);
    expect(ownFebruary).toBeGreaterThan(0);

    const loaded = await loadDemo(store, 'alice', TODAY, NOW);
    expect(loaded.accounts).toBe(5);
    expect(loaded.transactions).toBeGreaterThan(800);
    const accounts = await store.accounts.list('alice');
    const demo = accounts.filter((a) => a.demo);
    expect(demo.map((a) => a.name).sort()).toEqual([
      'Amex Gold (demo)',
      'Capital One Quicksilver (demo)',
      'Chase Checking (demo)',
      'Chase Savings (demo)',
      'Citi Double Cash (demo)',
    ]);
    expect(accounts.filter((a) => !a.demo).map((a) => a.id)).toEqual(own);
    expect(rowsOf(store, own)).toEqual(before);

    // Totals stay apart: the person's own accounts add up as before, and the demo is everything else.
    const demoIds = demo.map((a) => a.id);
    const demoFebruary = await februarySpending(store, 'alice', demoIds);
    expect(demoFebruary).toBeGreaterThan(100_000);
    expect(await februarySpending(store, 'alice', own)).toBe(ownFebruary);
    expect(await februarySpending(store, 'alice')).toBe(ownFebruary + demoFebruary);
    const inDemo = dbOf(store)
      .prepare(`SELECT count(*) FROM transactions WHERE account_id IN (${demoIds.join(',')})`)
      .pluck()
      .get();
    expect(inDemo).toBe(loaded.transactions);
  });

  it('loading again for the same day adds nothing and reuses the same demo accounts', async () => {
    await linkOwnAccounts(store, 'alice');
    await loadDemo(store, 'alice', TODAY, NOW);
    const accounts = await store.accounts.list('alice');
    const again = await loadDemo(store, 'alice', TODAY, NOW);
    expect(again.transactions).toBe(0);
    expect(await store.accounts.list('alice')).toEqual(accounts);
  });

  it('removing the demo leaves the person’s own rows exactly as they were', async () => {
    const own = await linkOwnAccounts(store, 'alice');
    const before = rowsOf(store, own);
    const loaded = await loadDemo(store, 'alice', TODAY, NOW);
    const removed = await store.accounts.removeDemo('alice');
    expect(removed).toEqual({
      accounts: 5,
      transactions: loaded.transactions,
      balances: 5,
      batches: 5,
      budgets: 2,
    });
    expect(rowsOf(store, own)).toEqual(before);
    expect((await store.accounts.list('alice')).map((a) => a.id)).toEqual(own);
  });

  it('sets the household’s monthly budgets as stored queries, marked as demo, once', async () => {
    const loaded = await loadDemo(store, 'bea', TODAY, NOW);
    expect(loaded.budgets).toBe(2);
    const budgets = await store.budgets.list('bea');
    expect(budgets.map((b) => [b.subjectKey, b.label, b.amountMinor, b.currency])).toEqual([
      ['eating_out', 'eating out', 40000, 'USD'],
      ['groceries', 'groceries', 90000, 'USD'],
    ]);
    const eatingOut = parseBudgetQuery(budgets[0]!.queryJson)!;
    expect(eatingOut.filters.include.categories).toEqual([
      { codes: ['FOOD_AND_DRINK_RESTAURANT', 'FOOD_AND_DRINK_FAST_FOOD'], label: 'eating out' },
    ]);
    expect(countRows(store, 'budgets', "user_id = 'bea' AND demo = 1")).toBe(2);
    expect((await loadDemo(store, 'bea', TODAY, NOW)).budgets).toBe(0);
    expect(await store.budgets.list('bea')).toEqual(budgets);
  });

  it('a recipe budget naming no known category fails loudly', () => {
    expect(() => demoBudgetSubjects({ budgets: [{ category: 'unicorns', amount: '10.00' }] })).toThrow(
      /no category is called "unicorns"/,
    );
  });

  it('a statement linked after the demo goes into an account of the person’s own, not the demo one', async () => {
    await loadDemo(store, 'dana', TODAY, NOW);
    const demoChecking = (await store.accounts.findByName('dana', 'Chase Checking (demo)', 'demo'))!;
    const demoRows = rowsOf(store, [demoChecking.id]);
    const real = await importStatement(store, {
      userId: 'dana',
      accountName: 'Chase Checking',
      accountType: 'checking',
      fileName: 'march.csv',
      bytes: groceriesWithSpike(TODAY),
      now: NOW,
    });
    expect(real.accountCreated).toBe(true);
    expect(real.account.id).not.toBe(demoChecking.id);
    expect(await store.accounts.get('dana', real.account.id)).toMatchObject({
      name: 'Chase Checking',
      demo: false,
    });
    expect(real.added).toBe(real.rows);
    expect(rowsOf(store, [demoChecking.id])).toEqual(demoRows);
    expect((await loadDemo(store, 'dana', TODAY, NOW)).transactions).toBe(0);
  });
});

describe('a demo load that fails', () => {
  it('leaves no demo account it created behind', async () => {
    // Without the category taxonomy every row is refused by the ledger.
    const bare = Store.open(':memory:');
    await expect(loadDemo(bare, 'erin', TODAY, NOW)).rejects.toThrow(/category/);
    expect(await bare.accounts.list('erin')).toEqual([]);
    bare.close();
  });
});

describe('npm run seed', () => {
  let temp: ReturnType<typeof tempDbFile>;
  beforeEach(() => {
    temp = tempDbFile();
  });
  afterEach(() => temp.remove());

  it('loads the demo on purpose, marked as demo, beside the person’s own accounts', async () => {
    const first = await openStore(temp.file);
    const own = await linkOwnAccounts(first, 'carol');
    const before = rowsOf(first, own);
    first.close();

    const run = promisify(execFile);
    const { stdout } = await run(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/cli/seed.ts', '--user', 'carol', '--today', TODAY],
      {
        cwd: ROOT,
        env: { ...process.env, TALLY_DB: temp.file },
      },
    );
    expect(stdout).toMatch(/5 demo accounts, 2 demo budgets, \d{3,} new transactions up to 2026-03-10/);

    const after = await openStore(temp.file);
    const accounts = await after.accounts.list('carol');
    expect(accounts.filter((a) => a.demo).map((a) => a.name)).toContain('Chase Checking (demo)');
    expect(accounts.filter((a) => a.demo)).toHaveLength(5);
    expect((await after.budgets.list('carol')).map((b) => b.subjectKey)).toEqual(['eating_out', 'groceries']);
    expect(accounts.filter((a) => !a.demo).map((a) => a.id)).toEqual(own);
    expect(rowsOf(after, own)).toEqual(before);
    after.close();
  });
});
