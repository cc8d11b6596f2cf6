/** Read access to a store's SQLite connection, for tests that check what was written or how it is read. */
import type { Db } from '../../src/store/db.ts';
import type { Store } from '../../src/store/index.ts';

/** The store's own connection (private to the store; tests only look). */
export function dbOf(store: Store): Db {
  return (store as unknown as { db: Db }).db;
}

/** `SELECT count(*)` over a table with an optional WHERE. */
export function countRows(store: Store, table: string, where = '1 = 1', ...args: unknown[]): number {
  return dbOf(store)
    .prepare(`SELECT count(*) FROM ${table} WHERE ${where}`)
    .pluck()
    .get(...args) as number;
}
