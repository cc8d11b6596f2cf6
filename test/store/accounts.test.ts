import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/db.ts';
import type { Store } from '../../src/store/index.ts';
import { countRows } from '../helpers/db.ts';
import { fileRows } from '../helpers/rows.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const CHECKING = { name: 'Chase Checking', type: 'checking', currency: 'USD' } as const;
const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '../../src/store/migrations');

describe('demo and real accounts', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });

  it('a lookup by name finds only its own kind, and lists show both with their flag', async () => {
    const demo = store.accounts.demoNames();
    const made = await demo.upsert('alice', CHECKING, NOW);
    expect(made).toMatchObject({ name: 'Chase Checking', demo: true });
    expect(await store.accounts.findByName('alice', 'chase checking')).toBeUndefined();
    expect(await demo.findByName('alice', 'chase checking')).toMatchObject({ id: made.id });
    expect(await store.accounts.findByName('alice', 'Chase Checking', 'demo')).toMatchObject({ id: made.id });

    const own = await store.accounts.upsert(
      'alice',
      { name: 'Amex Gold', type: 'credit_card', currency: 'USD' },
      NOW,
    );
    expect(own.demo).toBe(false);
    expect((await store.accounts.list('alice')).map((a) => [a.name, a.demo])).toEqual([
      ['Chase Checking', true],
      ['Amex Gold', false],
    ]);
  });

  it("never pairs a demo row with one of the person's own as the two ends of a transfer", async () => {
    const demo = await store.accounts.demoNames().upsert('alice', CHECKING, NOW);
    const own = await store.accounts.upsert(
      'alice',
      { name: 'Amex Gold', type: 'credit_card', currency: 'USD' },
      NOW,
    );
    const ownSavings = await store.accounts.upsert(
      'alice',
      { name: 'Ally Savings', type: 'savings', currency: 'USD' },
      NOW,
    );
    const add = (accountId: number, amountMinor: number, description: string) =>
      store.ledger.addStatement(
        'alice',
        accountId,
        { name: description, format: 'csv' },
        fileRows([{ date: '2026-03-02', amountMinor, description }]),
        [],
        NOW,
      );
    await add(demo.id, -25_000, 'DEMO PAYMENT');
    await add(own.id, 25_000, 'PAYMENT THANK YOU');
    expect(await store.queries.transferCandidates('alice', '2026-03-01', '2026-03-31')).toEqual([]);

    await add(ownSavings.id, -25_000, 'TRANSFER TO AMEX');
    const paired = await store.queries.transferCandidates('alice', '2026-03-01', '2026-03-31');
    expect(paired.map((r) => r.description).sort()).toEqual(['PAYMENT THANK YOU', 'TRANSFER TO AMEX']);
  });

  it('a real account never lands in the demo one of the same name: the demo one moves aside', async () => {
    const demo = await store.accounts.demoNames().upsert('alice', CHECKING, NOW);
    await store.ledger.addStatement(
      'alice',
      demo.id,
      { name: 'demo:Chase Checking', format: 'csv' },
      fileRows([{ date: '2026-03-01', amountMinor: -500, description: 'DEMO' }]),
      [],
      NOW,
    );

    const real = await store.accounts.upsert('alice', CHECKING, NOW);
    expect(real.id).not.toBe(demo.id);
    expect(real).toMatchObject({ name: 'Chase Checking', demo: false });
    expect(await store.accounts.get('alice', demo.id)).toMatchObject({
      name: 'Chase Checking (demo)',
      demo: true,
    });
    expect(countRows(store, 'transactions', 'account_id = ?', real.id)).toBe(0);
    expect(countRows(store, 'transactions', 'account_id = ?', demo.id)).toBe(1);
    // Upserting again returns the same real account.
    expect((await store.accounts.upsert('alice', { ...CHECKING, name: 'CHASE CHECKING' }, NOW)).id).toBe(
      real.id,
    );
  });

  it('a demo account never takes a name one of the person’s own accounts holds', async () => {
    await store.accounts.upsert('alice', CHECKING, NOW);
    await expect(store.accounts.demoNames().upsert('alice', CHECKING, NOW)).rejects.toThrow(/real account/);
    expect(await store.accounts.demoNameFor('alice', 'Chase Checking')).toBe('Chase Checking (demo)');
    expect(await store.accounts.demoNameFor('alice', 'Amex Gold')).toBe('Amex Gold (demo)');
    expect(await store.accounts.demoNameFor('bob', 'Chase Checking')).toBe('Chase Checking (demo)');
  });

  it('demoNameFor finds the demo account again after it moved aside, and skips names people use', async () => {
    await store.accounts.upsert('alice', { ...CHECKING, name: 'Chase Checking (demo)' }, NOW);
    await store.accounts.demoNames().upsert('alice', CHECKING, NOW);
    await store.accounts.upsert('alice', CHECKING, NOW);
    const names = (await store.accounts.list('alice')).map((a) => [a.name, a.demo]);
    expect(names).toEqual([
      ['Chase Checking (demo)', false],
      ['Chase Checking (demo 2)', true],
      ['Chase Checking', false],
    ]);
    expect(await store.accounts.demoNameFor('alice', 'Chase Checking')).toBe('Chase Checking (demo 2)');
  });

  it('removeDemo takes out every demo account with its rows, balances and batches, and nothing else', async () => {
    const demo = await store.accounts.demoNames().upsert('alice', CHECKING, NOW);
    const real = await store.accounts.upsert(
      'alice',
      { name: 'Amex Gold', type: 'credit_card', currency: 'USD' },
      NOW,
    );
    const bobs = await store.accounts.demoNames().upsert('bob', CHECKING, NOW);
    const balance = [{ asOf: '2026-03-09', kind: 'ledger', amountMinor: 100_00, currency: 'USD' }] as const;
    for (const id of [demo.id, real.id]) {
      await store.ledger.addStatement(
        'alice',
        id,
        { name: 'f', format: 'csv' },
        fileRows([
          { date: '2026-03-01', amountMinor: -500, description: 'A' },
          { date: '2026-03-02', amountMinor: -700, description: 'B' },
        ]),
        balance,
        NOW,
      );
    }
    await store.ledger.addStatement(
      'bob',
      bobs.id,
      { name: 'f', format: 'csv' },
      fileRows([{ date: '2026-03-01', amountMinor: -1, description: 'C' }]),
      [],
      NOW,
    );

    expect(await store.accounts.removeDemo('alice')).toEqual({
      accounts: 1,
      transactions: 2,
      balances: 1,
      batches: 1,
      budgets: 0,
    });
    expect((await store.accounts.list('alice')).map((a) => a.id)).toEqual([real.id]);
    expect(countRows(store, 'transactions', 'account_id = ?', real.id)).toBe(2);
    expect(countRows(store, 'balances', 'account_id = ?', real.id)).toBe(1);
    expect(countRows(store, 'import_batches', 'account_id = ?', real.id)).toBe(1);
    expect(countRows(store, 'transactions', "user_id = 'bob'")).toBe(1);
    expect(await store.accounts.removeDemo('alice')).toEqual({
      accounts: 0,
      transactions: 0,
      balances: 0,
      batches: 0,
      budgets: 0,
    });
  });
});

describe('migration 003', () => {
  let temp: ReturnType<typeof tempDbFile>;
  beforeEach(() => {
    temp = tempDbFile();
  });
  afterEach(() => temp.remove());

  it('marks accounts that hold only demo files as demo, and leaves the rest as people’s own', () => {
    const before = join(temp.dir, 'migrations');
    const files = readdirSync(MIGRATIONS).filter((f) => /^\d+_.+\.sql$/.test(f));
    const earlier = files.filter((f) => Number(f.split('_')[0]) < 3);
    const demoMigration = files.find((f) => f.startsWith('003_')) as string;
    copyAll(earlier, before);
    const db = new Database(temp.file);
    migrate(db, before);
    db.prepare("INSERT INTO users (id, created_at) VALUES ('alice', '2026-03-10')").run();
    const account = db.prepare(
      "INSERT INTO accounts (user_id, name, type, currency, created_at) VALUES ('alice', ?, 'checking', 'USD', '2026-03-10')",
    );
    const batch = db.prepare(
      "INSERT INTO import_batches (user_id, account_id, source, format, imported_at) VALUES ('alice', ?, ?, 'csv', '2026-03-10')",
    );
    const demoOnly = Number(account.run('Chase Savings').lastInsertRowid);
    batch.run(demoOnly, 'demo:Chase Savings');
    const mixed = Number(account.run('Chase Checking').lastInsertRowid);
    batch.run(mixed, 'demo:Chase Checking');
    batch.run(mixed, 'march.csv');
    const own = Number(account.run('Amex Gold').lastInsertRowid);
    batch.run(own, 'amex.ofx');
    const empty = Number(account.run('Empty').lastInsertRowid);

    copyAll([demoMigration], before);
    expect(migrate(db, before)).toEqual([demoMigration]);
    const flags = db.prepare('SELECT id, name, demo FROM accounts ORDER BY id').all();
    expect(flags).toEqual([
      { id: demoOnly, name: 'Chase Savings (demo)', demo: 1 },
      { id: mixed, name: 'Chase Checking', demo: 0 },
      { id: own, name: 'Amex Gold', demo: 0 },
      { id: empty, name: 'Empty', demo: 0 },
    ]);
    expect(() => db.prepare('UPDATE accounts SET demo = 2 WHERE id = ?').run(own)).toThrow(/CHECK/);
    db.close();
  });
});

function copyAll(files: readonly string[], to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of files) copyFileSync(join(MIGRATIONS, f), join(to, f));
}
