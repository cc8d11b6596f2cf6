import { toDayInt } from '../day.ts';
import type { Flow } from '../insights/types.ts';
import type { Catalog } from './catalog.ts';
import { ledgerChanged, type Db } from './db.ts';
import { deferIndexes, worthDeferring } from './deferred-indexes.ts';
import { ledgerInserts } from './ledger-inserts.ts';
import type { LedgerPort, StatementWriter } from './port.ts';
import type { ImportResult, NewBalance, NewTransaction } from './types.ts';

/** Page cache during a bulk import, in KiB as `PRAGMA cache_size` takes it (negative). */
export const BULK_CACHE_KIB = -16384;

/** The SQLite writer: every batch is written as it is handed over (no I/O wait, so no promise per row). */
interface SyncStatementWriter {
  add(rows: readonly NewTransaction[]): void;
  finish(balances: readonly NewBalance[]): ImportResult & { repeated: number };
}

/** Writes statements into the ledger: one database transaction per file, duplicates skipped. */
export class Ledger implements LedgerPort {
  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
  ) {}

  /**
   * Runs `work` in one database transaction: everything it writes through the store (a new account and
   * its user, the batch, the rows, the balances) is committed together, or not at all when it throws or
   * the process dies first. `work` may only call the store, whose SQLite calls finish without waiting on
   * I/O, so nothing else runs on the connection until the commit.
   *
   * `bulk` (a statement import) leaves foreign keys unchecked row by row, about a fifth of the cost of
   * each insert: a statement writer only refers to what it created or looked up in this same transaction (the
   * account, checked to be the user's; the batch; categories from the catalog), and checks the one
   * thing another connection could have removed since it was cached, the merchants, before `finish`.
   * `large` (a big file) also shrinks the page cache while it runs. `rows` (how many rows `work` is
   * expected to write) lets a bulk write that makes up most of the ledger build the ledger's secondary
   * indexes once, before the commit, instead of row by row (see deferred-indexes.ts).
   * @example await store.ledger.atomically(async () => addStatement(userId, (await store.accounts.upsert(userId, spec)).id, …))
   */
  async atomically<T>(
    work: () => Promise<T>,
    options: { bulk?: boolean; large?: boolean; rows?: number } = {},
  ): Promise<T> {
    if (this.db.inTransaction) throw new Error('another write is already in progress on this connection');
    const unchecked =
      options.bulk === true && (this.db.pragma('foreign_keys', { simple: true }) as number) === 1;
    if (unchecked) this.db.pragma('foreign_keys = OFF');
    // Appending a large file's rows touches few pages again once written: a small page cache does as well
    // and keeps a million-row import's memory flat. The connection's own size comes back afterwards (the
    // cache then refills as it is read, which is why small imports leave it alone).
    const cacheSize =
      options.bulk && options.large ? (this.db.pragma('cache_size', { simple: true }) as number) : undefined;
    if (cacheSize !== undefined) this.db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const rebuild =
          options.bulk && options.rows !== undefined && worthDeferring(this.db, 'transactions', options.rows)
            ? deferIndexes(this.db, 'transactions')
            : undefined;
        const out = await work();
        rebuild?.();
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        // Merchants first seen in this file were rolled back with it; their cached ids must go too.
        this.catalog.forgetMerchants();
        throw err;
      }
    } finally {
      if (unchecked) this.db.pragma('foreign_keys = ON');
      if (cacheSize !== undefined) this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  /**
   * Adds a file's rows to one account. Rows whose fingerprint the account already holds are skipped,
   * so importing the same or an overlapping statement twice adds nothing twice, including rows imported
   * when a bank id alone identified a line (same id, day and amount). All or nothing.
   */
  async addStatement(
    userId: string,
    accountId: number,
    source: { name: string; format: string },
    rows: readonly NewTransaction[],
    balances: readonly NewBalance[],
    now = new Date(),
  ): Promise<ImportResult> {
    const write = this.db.transaction((): ImportResult => {
      const writer = this.openWriter(userId, accountId, source, now);
      writer.add(rows);
      const { repeated, ...result } = writer.finish(balances);
      // Rows given twice in one call were never this file's repeats to report: they count as skipped.
      return { ...result, skipped: result.skipped + repeated };
    });
    try {
      return write();
    } catch (err) {
      this.catalog.forgetMerchants();
      throw err;
    }
  }

  /**
   * Starts writing one file's rows to an account, inside the transaction the caller holds (see
   * `atomically`): rows go in batch by batch as the file is read, and `finish` records the balances and
   * the batch's counts. A row whose fingerprint an earlier row of the same file already had is a repeat
   * (kept once, counted apart); one the account held before is skipped. Nothing is committed here.
   */
  async beginStatement(
    userId: string,
    accountId: number,
    source: { name: string; format: string },
    now = new Date(),
  ): Promise<StatementWriter> {
    const writer = this.openWriter(userId, accountId, source, now);
    return { add: (rows) => writer.add(rows), finish: async (balances) => writer.finish(balances) };
  }

  private openWriter(
    userId: string,
    accountId: number,
    source: { name: string; format: string },
    now: Date,
  ): SyncStatementWriter {
    if (!this.db.inTransaction)
      throw new Error('a statement is written inside a transaction (ledger.atomically)');
    // Another process on the same file may have removed merchants since their ids were cached ("delete my
    // data" takes the names only that person's statements held), and a bulk import writes without foreign
    // key checks: a statement starts from the table, not from memory.
    this.catalog.forgetMerchants();
    const owner = this.db.prepare('SELECT user_id FROM accounts WHERE id = ?').pluck().get(accountId);
    if (owner !== userId) throw new Error('account does not belong to this user');
    const isLegacy = this.legacyMatcher(accountId);
    const batchId = Number(
      this.db
        .prepare(
          `INSERT INTO import_batches (user_id, account_id, source, format, imported_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(userId, accountId, source.name, source.format, now.toISOString()).lastInsertRowid,
    );
    let added = 0;
    const merchants = new Set<number>();
    // Fingerprints of this file's rows that the account already held: a second such row is a repeat.
    const heldBefore = new Set<string>();
    let skipped = 0;
    let repeated = 0;
    let first: string | undefined;
    let last: string | undefined;
    const notAdded = (r: NewTransaction) => {
      if (heldBefore.has(r.fingerprint)) repeated++;
      else {
        heldBefore.add(r.fingerprint);
        skipped++;
      }
    };
    const inserts = ledgerInserts(
      this.db,
      { userId, accountId, batchId },
      {
        added: (n) => (added += n),
        repeated: () => repeated++,
        notAdded,
      },
    );
    return {
      add: (rows) => {
        ledgerChanged(this.db);
        for (const r of rows) {
          const category = this.catalog.category(r.category);
          if (!category) throw new Error(`unknown category code ${r.category}`);
          if (!first || r.date < first) first = r.date;
          if (!last || r.date > last) last = r.date;
          if (isLegacy?.(r)) {
            notAdded(r);
            continue;
          }
          const merchantId = this.catalog.merchantId(r.merchant);
          merchants.add(merchantId);
          inserts.add(r, merchantId, category.id);
        }
        inserts.flush();
      },
      finish: (balances) => {
        const exists = this.db.prepare('SELECT 1 FROM merchants WHERE id = ?').pluck();
        for (const id of merchants)
          if (exists.get(id) === undefined) throw new Error(`merchant ${id} is no longer in the catalogue`);
        const balance = this.db.prepare(
          `INSERT INTO balances (account_id, user_id, as_of, kind, amount_minor, currency) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, kind, as_of) DO UPDATE SET amount_minor = excluded.amount_minor`,
        );
        for (const b of balances)
          balance.run(accountId, userId, toDayInt(b.asOf), b.kind, b.amountMinor, b.currency);
        this.db
          .prepare('UPDATE import_batches SET added = ?, skipped = ? WHERE id = ?')
          .run(added, skipped, batchId);
        return {
          batchId,
          added,
          skipped,
          repeated,
          firstDate: first,
          lastDate: last,
        };
      },
    };
  }

  /**
   * Recognises rows the account holds in the form used before bank ids were combined with the line's
   * date, amount and descriptor (fingerprint `x:<id>`, see ingest/fingerprint.ts): the same id on the
   * same day for the same amount is the same line. Undefined when the account holds no such rows,
   * which keeps the common import free of the extra look-up.
   */
  private legacyMatcher(accountId: number): ((r: NewTransaction) => boolean) | undefined {
    const any = this.db
      .prepare(
        `SELECT 1 FROM transactions WHERE account_id = ? AND fingerprint >= 'x:' AND fingerprint < 'x;' LIMIT 1`,
      )
      .get(accountId);
    if (!any) return undefined;
    const same = this.db.prepare(
      'SELECT 1 FROM transactions WHERE account_id = ? AND fingerprint = ? AND posted_on = ? AND amount_minor = ?',
    );
    return (r) =>
      r.externalId !== undefined &&
      same.get(accountId, `x:${r.externalId}`, toDayInt(r.date), r.amountMinor) !== undefined;
  }

  /** Re-labels the user's rows (e.g. as transfers between their own accounts). */
  async setFlow(userId: string, ids: readonly number[], flow: Flow, categoryCode: string): Promise<number> {
    const category = this.catalog.category(categoryCode);
    if (!category) throw new Error(`unknown category code ${categoryCode}`);
    const update = this.db.prepare(
      `UPDATE transactions SET flow = ?, category_id = ?, category_source = 'transfer-match'
       WHERE user_id = ? AND id = ?`,
    );
    ledgerChanged(this.db);
    return this.db.transaction(() =>
      ids.reduce((n, id) => n + update.run(flow, category.id, userId, id).changes, 0),
    )();
  }

  /** The user's category rules, keyed by lower-case merchant name. */
  async userRules(userId: string): Promise<Map<string, string>> {
    const rows = this.db
      .prepare(
        `SELECT m.name AS merchant, c.code AS code FROM user_category_rules r
         JOIN merchants m ON m.id = r.merchant_id JOIN categories c ON c.id = r.category_id WHERE r.user_id = ?`,
      )
      .all(userId) as { merchant: string; code: string }[];
    return new Map(rows.map((r) => [r.merchant.toLowerCase(), r.code]));
  }

  /**
   * Records "this merchant is that category" for one user and applies it to their past spending at
   * that merchant; returns how many transactions changed.
   */
  async setUserCategory(
    userId: string,
    merchant: string,
    categoryCode: string,
    now = new Date(),
  ): Promise<number> {
    const category = this.catalog.category(categoryCode);
    if (!category) throw new Error(`unknown category code ${categoryCode}`);
    this.catalog.forgetMerchants();
    const merchantId = this.catalog.merchantId(merchant);
    ledgerChanged(this.db);
    return this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO user_category_rules (user_id, merchant_id, category_id, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id, merchant_id) DO UPDATE SET category_id = excluded.category_id`,
        )
        .run(userId, merchantId, category.id, now.toISOString());
      return this.db
        .prepare(
          `UPDATE transactions SET category_id = ?, category_source = 'user'
           WHERE user_id = ? AND merchant_id = ? AND flow = 'spending'`,
        )
        .run(category.id, userId, merchantId).changes;
    })();
  }

  /** Import batches whose new rows have not yet been checked for alerts, oldest first. */
  async batchesAwaitingAlerts(limit = 50): Promise<{ batchId: number; userId: string }[]> {
    return this.db
      .prepare(
        'SELECT id AS batchId, user_id AS userId FROM import_batches WHERE alerts_done = 0 ORDER BY id LIMIT ?',
      )
      .all(limit) as { batchId: number; userId: string }[];
  }

  /** Ids of the rows a user's batches added. */
  async idsInBatches(userId: string, batchIds: readonly number[]): Promise<number[]> {
    const stmt = this.db.prepare('SELECT id FROM transactions WHERE user_id = ? AND batch_id = ?').pluck();
    return batchIds.flatMap((b) => stmt.all(userId, b) as number[]);
  }

  async markAlertsDone(batchIds: readonly number[]): Promise<void> {
    const stmt = this.db.prepare('UPDATE import_batches SET alerts_done = 1 WHERE id = ?');
    this.db.transaction(() => batchIds.forEach((b) => stmt.run(b)))();
  }
}
