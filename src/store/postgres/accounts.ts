import { demoNameCandidates } from '../accounts.ts';
import type { AccountKind, AccountSpec, AccountsPort, DemoRemoval } from '../port.ts';
import type { AccountRow } from '../types.ts';
import type { PgDb } from './db.ts';

const COLUMNS = `id, user_id AS "userId", name, institution, type, currency, mask, demo, created_at AS "createdAt"`;

type StoredAccount = Omit<AccountRow, 'demo'> & { demo: number };

const toRow = (row: StoredAccount | undefined): AccountRow | undefined =>
  row && { ...row, demo: row.demo === 1 };

/** A user's accounts on PostgreSQL; the same rules as the SQLite `Accounts` (see there). */
export class PgAccounts implements AccountsPort {
  constructor(
    private readonly db: PgDb,
    readonly kind: AccountKind = 'real',
  ) {}

  demoNames(): PgAccounts {
    return new PgAccounts(this.db, 'demo');
  }

  async list(userId: string): Promise<AccountRow[]> {
    const rows = await this.db.rows<StoredAccount>(
      `SELECT ${COLUMNS} FROM accounts WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
    return rows.map((r) => toRow(r) as AccountRow);
  }

  async get(userId: string, accountId: number): Promise<AccountRow | undefined> {
    return this.byId(userId, accountId);
  }

  async findByName(
    userId: string,
    name: string,
    kind: AccountKind = this.kind,
  ): Promise<AccountRow | undefined> {
    return this.byName(userId, name, kind);
  }

  async upsert(userId: string, spec: AccountSpec, now = new Date()): Promise<AccountRow> {
    const name = spec.name.trim();
    return this.db.tx(async (): Promise<AccountRow> => {
      // Two instances linking the same new account at once: the second waits here for the first.
      await this.db.query('INSERT INTO users (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
        userId,
        now.toISOString(),
      ]);
      await this.db.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
      const existing = await this.byName(userId, name, this.kind);
      if (existing) return existing;
      const other = await this.byName(userId, name, this.kind === 'real' ? 'demo' : 'real');
      if (other && this.kind === 'demo')
        throw new Error('a demo account cannot take the name of a real account');
      if (other) {
        await this.db.query('UPDATE accounts SET name = $1 WHERE user_id = $2 AND id = $3', [
          await this.freeDemoName(userId, name),
          userId,
          other.id,
        ]);
      }
      const row = await this.db.one<StoredAccount>(
        `INSERT INTO accounts (user_id, name, institution, type, currency, mask, demo, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [
          userId,
          name,
          spec.institution ?? null,
          spec.type,
          spec.currency.toUpperCase(),
          spec.mask ?? null,
          this.kind === 'demo' ? 1 : 0,
          now.toISOString(),
        ],
      );
      return toRow(row) as AccountRow;
    });
  }

  async demoNameFor(userId: string, name: string): Promise<string> {
    for (const candidate of demoNameCandidates(name.trim())) {
      const held =
        (await this.byName(userId, candidate, 'demo')) ?? (await this.byName(userId, candidate, 'real'));
      if (!held) return candidate;
      if (held.demo) return held.name;
    }
    throw new Error('no free name for a demo account');
  }

  async remove(userId: string, accountId: number): Promise<{ transactions: number } | undefined> {
    return this.db.tx(async () => {
      const account = await this.db.one('SELECT id FROM accounts WHERE user_id = $1 AND id = $2 FOR UPDATE', [
        userId,
        accountId,
      ]);
      if (!account) return undefined;
      const gone = await this.db.query('DELETE FROM transactions WHERE user_id = $1 AND account_id = $2', [
        userId,
        accountId,
      ]);
      await this.db.query('DELETE FROM accounts WHERE user_id = $1 AND id = $2', [userId, accountId]);
      return { transactions: gone.rowCount ?? 0 };
    });
  }

  async removeDemo(userId: string): Promise<DemoRemoval> {
    const ofDemo = 'user_id = $1 AND account_id IN (SELECT id FROM accounts WHERE user_id = $1 AND demo = 1)';
    return this.db.tx(async (): Promise<DemoRemoval> => {
      const count = async (sql: string) => (await this.db.query(sql, [userId])).rowCount ?? 0;
      const transactions = await count(`DELETE FROM transactions WHERE ${ofDemo}`);
      const balances = await count(`DELETE FROM balances WHERE ${ofDemo}`);
      const batches = await count(`DELETE FROM import_batches WHERE ${ofDemo}`);
      const accounts = await count('DELETE FROM accounts WHERE user_id = $1 AND demo = 1');
      const budgets = await count('DELETE FROM budgets WHERE user_id = $1 AND demo = 1');
      return { accounts, transactions, balances, batches, budgets };
    });
  }

  private async byId(userId: string, accountId: number): Promise<AccountRow | undefined> {
    return toRow(
      await this.db.one<StoredAccount>(`SELECT ${COLUMNS} FROM accounts WHERE user_id = $1 AND id = $2`, [
        userId,
        accountId,
      ]),
    );
  }

  private async byName(userId: string, name: string, kind: AccountKind): Promise<AccountRow | undefined> {
    return toRow(
      await this.db.one<StoredAccount>(
        `SELECT ${COLUMNS} FROM accounts WHERE user_id = $1 AND lower(name) = lower($2) AND demo = $3`,
        [userId, name.trim(), kind === 'demo' ? 1 : 0],
      ),
    );
  }

  private async freeDemoName(userId: string, name: string): Promise<string> {
    for (const n of demoNameCandidates(name)) {
      if (n.toLowerCase() === name.toLowerCase()) continue;
      const taken = (await this.byName(userId, n, 'demo')) ?? (await this.byName(userId, n, 'real'));
      if (!taken) return n;
    }
    throw new Error('no free name for a demo account');
  }
}
