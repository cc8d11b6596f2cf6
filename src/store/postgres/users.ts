import type { UsersPort } from '../port.ts';
import type { DeletedCounts } from '../types.ts';
import type { PgCatalog } from './catalog.ts';
import type { PgDb } from './db.ts';

/** Children before parents; any other table with a user_id column (one added later) goes first. */
const DELETE_ORDER = [
  'scheduled_messages',
  'coaching_settings',
  'budgets',
  'chart_images',
  'alerts_sent',
  'conversation_refs',
  'bot_state',
  'user_category_rules',
  'balances',
  'transactions',
  'import_batches',
  'accounts',
];

/** People and what they agreed to, on PostgreSQL (see the SQLite `Users`). */
export class PgUsers implements UsersPort {
  constructor(
    private readonly db: PgDb,
    private readonly catalog: PgCatalog,
  ) {}

  async ensure(userId: string, now = new Date()): Promise<void> {
    await this.db.query('INSERT INTO users (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
      userId,
      now.toISOString(),
    ]);
  }

  async get(userId: string): Promise<{ consentAt: string | null; alertsEnabled: boolean } | undefined> {
    const row = await this.db.one<{ consentAt: string | null; alertsEnabled: number }>(
      'SELECT consent_at AS "consentAt", alerts_enabled AS "alertsEnabled" FROM users WHERE id = $1',
      [userId],
    );
    return row && { consentAt: row.consentAt, alertsEnabled: row.alertsEnabled === 1 };
  }

  async recordConsent(userId: string, at = new Date()): Promise<void> {
    await this.ensure(userId, at);
    await this.db.query('UPDATE users SET consent_at = $1 WHERE id = $2', [at.toISOString(), userId]);
  }

  async setAlerts(userId: string, enabled: boolean): Promise<void> {
    await this.db.query('UPDATE users SET alerts_enabled = $1 WHERE id = $2', [enabled ? 1 : 0, userId]);
  }

  /**
   * Deletes every row about the user in every table with a `user_id` column, their users row, and the
   * merchant names nobody else's rows use, in one transaction. The server's own storage reclaims the space
   * (autovacuum); there is no file here to truncate.
   */
  async deleteAll(userId: string): Promise<DeletedCounts> {
    const { counts, merchantsRemoved } = await this.db.tx(async () => {
      const count = async (table: string) =>
        (await this.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE user_id = $1`, [userId]))
          ?.n ?? 0;
      const convs = await this.db.rows<{ conversation_id: string }>(
        'SELECT conversation_id FROM conversation_refs WHERE user_id = $1',
        [userId],
      );
      const counts: DeletedCounts = {
        accounts: await count('accounts'),
        transactions: await count('transactions'),
        balances: await count('balances'),
        rules: await count('user_category_rules'),
        conversations: convs.length,
      };
      const merchantIds = (
        await this.db.rows<{ id: number }>(
          `SELECT DISTINCT merchant_id AS id FROM transactions WHERE user_id = $1
           UNION SELECT merchant_id FROM user_category_rules WHERE user_id = $1`,
          [userId],
        )
      ).map((r) => r.id);
      for (const table of await this.tablesWithUserId()) {
        await this.db.query(`DELETE FROM "${table}" WHERE user_id = $1`, [userId]);
      }
      // Documents no person owned are found by their key: the conversations they were reached in.
      const patterns = [
        ...convs.map((c) => `%/conversations/${escapeLike(c.conversation_id)}/%`),
        `%/users/${escapeLike(userId)}/%`,
      ];
      await this.db.query(`DELETE FROM bot_state WHERE user_id = '' AND key LIKE ANY($1::text[])`, [
        patterns,
      ]);
      await this.db.query('DELETE FROM users WHERE id = $1', [userId]);
      return { counts, merchantsRemoved: await this.dropMerchantsNobodyUses(merchantIds) };
    });
    if (merchantsRemoved.length) this.catalog.forgetMerchants();
    return counts;
  }

  private async tablesWithUserId(): Promise<string[]> {
    const rows = await this.db.rows<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND c.column_name = 'user_id' AND t.table_type = 'BASE TABLE'`,
    );
    const rank = (t: string) => DELETE_ORDER.indexOf(t);
    return rows.map((r) => r.table_name).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  /** Removes the merchants no remaining row refers to (shared names are kept); returns their ids. */
  private async dropMerchantsNobodyUses(ids: readonly number[]): Promise<number[]> {
    if (!ids.length) return [];
    const referrers = await this.db.rows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'merchant_id'`,
    );
    const used = new Set<number>();
    for (const { table_name } of referrers) {
      const rows = await this.db.rows<{ id: number }>(
        `SELECT DISTINCT merchant_id AS id FROM "${table_name}" WHERE merchant_id = ANY($1::bigint[])`,
        [ids],
      );
      for (const r of rows) used.add(r.id);
    }
    const unused = ids.filter((id) => !used.has(id));
    if (unused.length) await this.db.query('DELETE FROM merchants WHERE id = ANY($1::bigint[])', [unused]);
    return unused;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
