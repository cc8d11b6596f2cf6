import type { AccountType } from '../ingest/types.ts';
import type { Db } from './db.ts';
import type { AccountRow } from './types.ts';

const COLUMNS = `id, user_id AS userId, name, institution, type, currency, mask, created_at AS createdAt`;

/** A user's linked accounts. Every call is scoped by user id. */
export class Accounts {
  constructor(private readonly db: Db) {}

  async list(userId: string): Promise<AccountRow[]> {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM accounts WHERE user_id = ? ORDER BY id`)
      .all(userId) as AccountRow[];
  }

  async get(userId: string, accountId: number): Promise<AccountRow | undefined> {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM accounts WHERE user_id = ? AND id = ?`)
      .get(userId, accountId) as AccountRow | undefined;
  }

  async findByName(userId: string, name: string): Promise<AccountRow | undefined> {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM accounts WHERE user_id = ? AND name = ? COLLATE NOCASE`)
      .get(userId, name.trim()) as AccountRow | undefined;
  }

  /** Returns the named account, creating it when it is new. An existing account keeps its type. */
  async upsert(
    userId: string,
    spec: { name: string; type: AccountType; currency: string; institution?: string; mask?: string },
    now = new Date(),
  ): Promise<AccountRow> {
    const existing = await this.findByName(userId, spec.name);
    if (existing) return existing;
    this.db
      .prepare('INSERT INTO users (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING')
      .run(userId, now.toISOString());
    const info = this.db
      .prepare(
        `INSERT INTO accounts (user_id, name, institution, type, currency, mask, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        userId,
        spec.name.trim(),
        spec.institution ?? null,
        spec.type,
        spec.currency.toUpperCase(),
        spec.mask ?? null,
        now.toISOString(),
      );
    return (await this.get(userId, Number(info.lastInsertRowid))) as AccountRow;
  }

  /** Removes the account with its transactions and balances; returns how many transactions went. */
  async remove(userId: string, accountId: number): Promise<{ transactions: number } | undefined> {
    return this.db.transaction(() => {
      const account = this.db
        .prepare('SELECT id FROM accounts WHERE user_id = ? AND id = ?')
        .get(userId, accountId);
      if (!account) return undefined;
      const gone = this.db
        .prepare('DELETE FROM transactions WHERE user_id = ? AND account_id = ?')
        .run(userId, accountId).changes;
      this.db.prepare('DELETE FROM accounts WHERE user_id = ? AND id = ?').run(userId, accountId);
      return { transactions: gone };
    })();
  }
}
