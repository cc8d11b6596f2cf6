import { toDayInt } from '../day.ts';
import type { Db } from './db.ts';
import type { NewTransaction } from './types.ts';

/** Values a ledger row binds. */
const COLUMNS = 15;
/** Rows one INSERT statement writes: a statement writes its rows in about a quarter less time than one each. */
const CHUNK_ROWS = 50;

/** What became of each row handed to `ledgerInserts`. */
export interface InsertTally {
  added(rows: number): void;
  /** An earlier row of the same file had the row's fingerprint. */
  repeated(): void;
  /** The account held the row's fingerprint before this file (or the caller decides which it is). */
  notAdded(row: NewTransaction): void;
}

/**
 * Writes one file's rows into the ledger, CHUNK_ROWS to a statement, duplicates skipped through the
 * unique (account_id, fingerprint) index, and tells `tally` what became of each, as writing them one
 * by one would: `add` queues a row (writing when a chunk is full), `flush` writes what is queued.
 */
export function ledgerInserts(
  db: Db,
  ids: { userId: string; accountId: number; batchId: number },
  tally: InsertTally,
): { add(row: NewTransaction, merchantId: number, categoryId: number): void; flush(): void } {
  const { userId, accountId, batchId } = ids;
  const insertRows = (count: number) =>
    db.prepare(
      `INSERT INTO transactions (user_id, account_id, posted_on, amount_minor, currency, description,
         merchant_id, category_id, flow, category_source, external_id, fingerprint, mcc, bank_category, batch_id)
       VALUES ${Array.from({ length: count }, () => `(${'?, '.repeat(COLUMNS - 1)}?)`).join(', ')}
       ON CONFLICT (account_id, fingerprint) DO NOTHING`,
    );
  const insertOne = insertRows(1);
  const insertChunk = insertRows(CHUNK_ROWS);
  const holder = db.prepare(
    'SELECT id, batch_id AS batchId FROM transactions WHERE account_id = ? AND fingerprint = ?',
  );
  // One chunk's values, row after row (reused for every chunk), and its rows.
  const values: unknown[] = new Array<unknown>(CHUNK_ROWS * COLUMNS);
  const queued: NewTransaction[] = [];
  let count = 0;

  /**
   * A row not added was a repeat of this file's (its fingerprint's row is of this batch) or held before.
   * `lastId`: the rows one statement adds take consecutive ids ending there, and of two equal rows in
   * one statement the first goes in.
   */
  const sortOut = (rows: readonly NewTransaction[], changes: number, lastId: number) => {
    const firstId = lastId - changes + 1;
    const claimed = new Set<number>();
    for (const r of rows) {
      const held = holder.get(accountId, r.fingerprint) as { id: number; batchId: number };
      if (changes > 0 && held.id >= firstId && held.id <= lastId && !claimed.has(held.id)) {
        claimed.add(held.id);
        tally.added(1);
      } else if (held.batchId === batchId) tally.repeated();
      else tally.notAdded(r);
    }
  };

  return {
    add(r, merchantId, categoryId) {
      let at = count * COLUMNS;
      values[at++] = userId;
      values[at++] = accountId;
      values[at++] = toDayInt(r.date);
      values[at++] = r.amountMinor;
      values[at++] = r.currency;
      values[at++] = r.description;
      values[at++] = merchantId;
      values[at++] = categoryId;
      values[at++] = r.flow;
      values[at++] = r.categorySource;
      values[at++] = r.externalId ?? null;
      values[at++] = r.fingerprint;
      values[at++] = r.mcc ?? null;
      values[at++] = r.bankCategory ?? null;
      values[at++] = batchId;
      queued[count++] = r;
      if (count < CHUNK_ROWS) return;
      const info = insertChunk.run(values);
      if (info.changes === CHUNK_ROWS) tally.added(CHUNK_ROWS);
      else sortOut(queued, info.changes, Number(info.lastInsertRowid));
      count = 0;
    },
    flush() {
      for (let i = 0; i < count; i++) {
        const info = insertOne.run(values.slice(i * COLUMNS, (i + 1) * COLUMNS));
        if (info.changes === 1) tally.added(1);
        else sortOut([queued[i] as NewTransaction], 0, 0);
      }
      count = 0;
    },
  };
}
