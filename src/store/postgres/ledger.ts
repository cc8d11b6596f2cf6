import { toDayInt } from '../../day.ts';
import type { Flow } from '../../insights/types.ts';
import type { LedgerPort, StatementWriter } from '../port.ts';
import type { ImportResult, NewBalance, NewTransaction } from '../types.ts';
import type { PgCatalog } from './catalog.ts';
import type { PgDb } from './db.ts';

const INSERT_ROWS = `INSERT INTO transactions (user_id, account_id, posted_on, amount_minor, currency, description,
    merchant_id, category_id, flow, category_source, external_id, fingerprint, mcc, bank_category, batch_id)
  SELECT $1, $2, p, a, c, d, m, cat, f, cs, e, fp, mcc, bc, $3
  FROM unnest($4::int[], $5::bigint[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[],
    $11::text[], $12::text[], $13::text[], $14::text[], $15::text[]) AS u(p, a, c, d, m, cat, f, cs, e, fp, mcc, bc)
  ON CONFLICT (user_id, account_id, fingerprint) DO NOTHING
  RETURNING id, fingerprint`;

/**
 * Writes statements into the ledger on PostgreSQL: one transaction per file on one pooled client, each
 * batch of rows one multi-row INSERT (arrays unnested server-side), duplicates skipped by the unique key.
 */
export class PgLedger implements LedgerPort {
  constructor(
    private readonly db: PgDb,
    private readonly catalog: PgCatalog,
  ) {}

  async atomically<T>(work: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) throw new Error('another write is already in progress on this connection');
    try {
      return await this.db.tx(work);
    } catch (err) {
      // Merchants first seen in this file were rolled back with it; their cached ids must go too.
      this.catalog.forgetMerchants();
      throw err;
    }
  }

  async addStatement(
    userId: string,
    accountId: number,
    source: { name: string; format: string },
    rows: readonly NewTransaction[],
    balances: readonly NewBalance[],
    now = new Date(),
  ): Promise<ImportResult> {
    try {
      return await this.db.tx(async () => {
        const writer = await this.beginStatement(userId, accountId, source, now);
        writer.add(rows);
        const { repeated, ...result } = await writer.finish(balances);
        return { ...result, skipped: result.skipped + repeated };
      });
    } catch (err) {
      this.catalog.forgetMerchants();
      throw err;
    }
  }

  async beginStatement(
    userId: string,
    accountId: number,
    source: { name: string; format: string },
    now = new Date(),
  ): Promise<StatementWriter> {
    if (!this.db.inTransaction)
      throw new Error('a statement is written inside a transaction (ledger.atomically)');
    // Another instance may have removed merchants since their ids were cached here ("delete my data" takes
    // the names only that person's statements held): a statement starts from the table, not from memory.
    this.catalog.forgetMerchants();
    const owner = await this.db.one('SELECT 1 FROM accounts WHERE user_id = $1 AND id = $2', [
      userId,
      accountId,
    ]);
    if (!owner) throw new Error('account does not belong to this user');
    const legacy = await this.db.one(
      `SELECT 1 FROM transactions WHERE user_id = $1 AND account_id = $2 AND fingerprint >= 'x:' AND fingerprint < 'x;' LIMIT 1`,
      [userId, accountId],
    );
    const batch = await this.db.one<{ id: number }>(
      `INSERT INTO import_batches (user_id, account_id, source, format, imported_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [userId, accountId, source.name, source.format, now.toISOString()],
    );
    const batchId = (batch as { id: number }).id;
    let added = 0;
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

    const flush = async (rows: readonly NewTransaction[]) => {
      const legacyHeld = legacy ? await this.legacyRows(userId, accountId, rows) : undefined;
      const fresh = legacyHeld
        ? rows.filter((r) => {
            const held =
              r.externalId !== undefined &&
              legacyHeld.has(`x:${r.externalId}|${toDayInt(r.date)}|${r.amountMinor}`);
            if (held) notAdded(r);
            return !held;
          })
        : rows;
      if (!fresh.length) return;
      const merchantIds = await this.catalog.merchantIds(fresh.map((r) => r.merchant));
      const col = <V>(f: (r: NewTransaction) => V) => fresh.map(f);
      const inserted = await this.db.rows<{ id: number; fingerprint: string }>(INSERT_ROWS, [
        userId,
        accountId,
        batchId,
        col((r) => toDayInt(r.date)),
        col((r) => r.amountMinor),
        col((r) => r.currency),
        col((r) => r.description),
        col((r) => merchantIds.get(r.merchant)),
        col((r) => this.catalog.category(r.category)?.id),
        col((r) => r.flow),
        col((r) => r.categorySource),
        col((r) => r.externalId ?? null),
        col((r) => r.fingerprint),
        col((r) => r.mcc ?? null),
        col((r) => r.bankCategory ?? null),
      ]);
      const idOf = new Map(inserted.map((r) => [r.fingerprint, r.id]));
      const others = fresh.filter((r) => !idOf.has(r.fingerprint)).map((r) => r.fingerprint);
      const holders = new Map<string, number>();
      if (others.length) {
        const rows = await this.db.rows<{ fingerprint: string; batch_id: number }>(
          `SELECT fingerprint, batch_id FROM transactions
           WHERE user_id = $1 AND account_id = $2 AND fingerprint = ANY($3::text[])`,
          [userId, accountId, others],
        );
        for (const r of rows) holders.set(r.fingerprint, r.batch_id);
      }
      const counted = new Set<string>();
      for (const r of fresh) {
        const id = idOf.get(r.fingerprint);
        if (id !== undefined && !counted.has(r.fingerprint)) {
          counted.add(r.fingerprint);
          added++;
        } else if (id !== undefined || holders.get(r.fingerprint) === batchId) repeated++;
        else notAdded(r);
      }
    };

    // Batches are handed over synchronously while a file is read; they are written in order, one round
    // trip each, and `finish` waits for the last.
    let pending: Promise<void> = Promise.resolve();
    return {
      add: (rows) => {
        for (const r of rows) {
          if (!this.catalog.category(r.category)) throw new Error(`unknown category code ${r.category}`);
          if (!first || r.date < first) first = r.date;
          if (!last || r.date > last) last = r.date;
        }
        if (!rows.length) return;
        const batchRows = [...rows];
        pending = pending.then(() => flush(batchRows));
        pending.catch(() => undefined);
      },
      finish: async (balances) => {
        await pending;
        if (balances.length) {
          await this.db.query(
            `INSERT INTO balances (user_id, account_id, as_of, kind, amount_minor, currency)
             SELECT $1, $2, d, k, a, c FROM unnest($3::int[], $4::text[], $5::bigint[], $6::text[]) AS u(d, k, a, c)
             ON CONFLICT (user_id, account_id, kind, as_of) DO UPDATE SET amount_minor = excluded.amount_minor`,
            [
              userId,
              accountId,
              balances.map((b) => toDayInt(b.asOf)),
              balances.map((b) => b.kind),
              balances.map((b) => b.amountMinor),
              balances.map((b) => b.currency),
            ],
          );
        }
        await this.db.query(
          'UPDATE import_batches SET added = $1, skipped = $2 WHERE user_id = $3 AND id = $4',
          [added, skipped, userId, batchId],
        );
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

  /** Rows held in the form used before bank ids were combined with the line (see the SQLite ledger). */
  private async legacyRows(
    userId: string,
    accountId: number,
    rows: readonly NewTransaction[],
  ): Promise<Set<string>> {
    const ids = rows.filter((r) => r.externalId !== undefined).map((r) => `x:${r.externalId}`);
    if (!ids.length) return new Set();
    const held = await this.db.rows<{ fingerprint: string; posted_on: number; amount_minor: number }>(
      `SELECT fingerprint, posted_on, amount_minor FROM transactions
       WHERE user_id = $1 AND account_id = $2 AND fingerprint = ANY($3::text[])`,
      [userId, accountId, ids],
    );
    return new Set(held.map((h) => `${h.fingerprint}|${h.posted_on}|${h.amount_minor}`));
  }

  async setFlow(userId: string, ids: readonly number[], flow: Flow, categoryCode: string): Promise<number> {
    const category = this.catalog.category(categoryCode);
    if (!category) throw new Error(`unknown category code ${categoryCode}`);
    if (!ids.length) return 0;
    const info = await this.db.query(
      `UPDATE transactions SET flow = $1, category_id = $2, category_source = 'transfer-match'
       WHERE user_id = $3 AND id = ANY($4::bigint[])`,
      [flow, category.id, userId, ids],
    );
    return info.rowCount ?? 0;
  }

  async userRules(userId: string): Promise<Map<string, string>> {
    const rows = await this.db.rows<{ merchant: string; code: string }>(
      `SELECT m.name AS merchant, c.code AS code FROM user_category_rules r
       JOIN merchants m ON m.id = r.merchant_id JOIN categories c ON c.id = r.category_id WHERE r.user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.merchant.toLowerCase(), r.code]));
  }

  async setUserCategory(
    userId: string,
    merchant: string,
    categoryCode: string,
    now = new Date(),
  ): Promise<number> {
    const category = this.catalog.category(categoryCode);
    if (!category) throw new Error(`unknown category code ${categoryCode}`);
    this.catalog.forgetMerchants();
    const merchantId = await this.catalog.merchantId(merchant);
    return this.db.tx(async () => {
      await this.db.query(
        `INSERT INTO user_category_rules (user_id, merchant_id, category_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, merchant_id) DO UPDATE SET category_id = excluded.category_id`,
        [userId, merchantId, category.id, now.toISOString()],
      );
      const info = await this.db.query(
        `UPDATE transactions SET category_id = $1, category_source = 'user'
         WHERE user_id = $2 AND merchant_id = $3 AND flow = 'spending'`,
        [category.id, userId, merchantId],
      );
      return info.rowCount ?? 0;
    });
  }

  async batchesAwaitingAlerts(limit = 50): Promise<{ batchId: number; userId: string }[]> {
    return this.db.rows<{ batchId: number; userId: string }>(
      'SELECT id AS "batchId", user_id AS "userId" FROM import_batches WHERE alerts_done = 0 ORDER BY id LIMIT $1',
      [limit],
    );
  }

  async idsInBatches(userId: string, batchIds: readonly number[]): Promise<number[]> {
    if (!batchIds.length) return [];
    const rows = await this.db.rows<{ id: number }>(
      'SELECT id FROM transactions WHERE user_id = $1 AND batch_id = ANY($2::bigint[]) ORDER BY batch_id, id',
      [userId, batchIds],
    );
    return rows.map((r) => r.id);
  }

  async markAlertsDone(batchIds: readonly number[]): Promise<void> {
    if (batchIds.length)
      await this.db.query('UPDATE import_batches SET alerts_done = 1 WHERE id = ANY($1::bigint[])', [
        batchIds,
      ]);
  }
}
