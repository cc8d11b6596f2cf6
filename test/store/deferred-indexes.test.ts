/**
 * A bulk import that makes up most of the ledger builds the ledger's secondary indexes once, before its
 * commit: afterwards the same indexes are there and answer the same queries, and an import that fails
 * half-way leaves them exactly as they were.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { countRows, dbOf } from '../helpers/db.ts';
import { fileRows } from '../helpers/rows.ts';
import { memoryStore } from '../helpers/store.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const ROWS = 60_000;

function indexes(store: Store): Array<{ name: string; sql: string | null }> {
  return dbOf(store)
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'transactions' ORDER BY name`,
    )
    .all() as Array<{ name: string; sql: string | null }>;
}

function rows(n: number) {
  return fileRows(
    Array.from({ length: n }, (_, i) => ({
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      amountMinor: -(100 + (i % 5000)),
      description: `SHOP ${i % 50}`,
      merchant: `Shop ${i % 50}`,
    })),
  );
}

/** Runs `work`, saying whether it dropped any index on the store's connection. */
async function dropsIndexes(store: Store, work: () => Promise<unknown>): Promise<boolean> {
  const db = dbOf(store);
  const exec = db.exec.bind(db);
  let dropped = false;
  db.exec = (sql: string) => {
    if (/DROP INDEX/i.test(sql)) dropped = true;
    return exec(sql);
  };
  try {
    await work();
  } finally {
    db.exec = exec;
  }
  return dropped;
}

async function bulkImport(store: Store, accountId: number, n: number, fail = false): Promise<void> {
  await store.ledger.atomically(
    async () => {
      const writer = await store.ledger.beginStatement(
        'alice',
        accountId,
        { name: 'big.csv', format: 'csv' },
        NOW,
      );
      const all = rows(n);
      for (let i = 0; i < all.length; i += 1000) writer.add(all.slice(i, i + 1000));
      if (fail) throw new Error('the file stopped half-way');
      await writer.finish([]);
    },
    { bulk: true, large: true, rows: n },
  );
}

describe('secondary indexes of a large bulk import', () => {
  let store: Store;
  let accountId: number;
  beforeEach(async () => {
    store = await memoryStore();
    accountId = (
      await store.accounts.upsert('alice', { name: 'Checking', type: 'checking', currency: 'USD' }, NOW)
    ).id;
  });

  it('are the same indexes after the import, and the planner uses the covering one', async () => {
    const before = indexes(store);
    expect(await dropsIndexes(store, () => bulkImport(store, accountId, ROWS))).toBe(true);
    expect(indexes(store)).toEqual(before);
    expect(countRows(store, 'transactions')).toBe(ROWS);
    const plan = dbOf(store)
      .prepare(
        `EXPLAIN QUERY PLAN SELECT sum(amount_minor) FROM transactions WHERE user_id = 'alice' AND posted_on >= 20250301 AND posted_on < 20250401`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX transactions_by_user_day');
    const total = dbOf(store)
      .prepare(
        `SELECT count(*) FROM transactions INDEXED BY transactions_by_user_day WHERE user_id = 'alice'`,
      )
      .pluck()
      .get();
    expect(total).toBe(ROWS);
  });

  it('are left as they were when the import fails, with nothing of it saved', async () => {
    const before = indexes(store);
    await expect(bulkImport(store, accountId, ROWS, true)).rejects.toThrow('half-way');
    expect(indexes(store)).toEqual(before);
    expect(countRows(store, 'transactions')).toBe(0);
  });

  it('are kept up row by row when the ledger already holds more than the import', async () => {
    await bulkImport(store, accountId, ROWS);
    const other = (
      await store.accounts.upsert('alice', { name: 'Savings', type: 'savings', currency: 'USD' }, NOW)
    ).id;
    expect(await dropsIndexes(store, () => bulkImport(store, other, ROWS))).toBe(false);
    expect(countRows(store, 'transactions')).toBe(2 * ROWS);
  });
});
