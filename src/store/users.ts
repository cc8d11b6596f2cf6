import { checkpoint, ledgerChanged, type Db } from './db.ts';
import type { UsersPort } from './port.ts';
import type { DeletedCounts } from './types.ts';

/** People and what they agreed to. */
export class Users implements UsersPort {
  /** `onMerchantsRemoved` lets caches of merchant ids forget the ones a delete removed. */
  constructor(
    private readonly db: Db,
    private readonly onMerchantsRemoved: (ids: readonly number[]) => void = () => undefined,
  ) {}

  /** Makes sure the user exists; returns nothing about anyone else. */
  async ensure(userId: string, now = new Date()): Promise<void> {
    this.db
      .prepare('INSERT INTO users (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING')
      .run(userId, now.toISOString());
  }

  async get(userId: string): Promise<{ consentAt: string | null; alertsEnabled: boolean } | undefined> {
    const row = this.db
      .prepare('SELECT consent_at AS consentAt, alerts_enabled AS alertsEnabled FROM users WHERE id = ?')
      .get(userId) as { consentAt: string | null; alertsEnabled: number } | undefined;
    return row && { consentAt: row.consentAt, alertsEnabled: row.alertsEnabled === 1 };
  }

  /** Records that the user agreed to Tally keeping their statements, with the time. This creates the user. */
  async recordConsent(userId: string, at = new Date()): Promise<void> {
    await this.ensure(userId, at);
    this.db.prepare('UPDATE users SET consent_at = ? WHERE id = ?').run(at.toISOString(), userId);
  }

  /** Turns alerts on or off for a known user; someone Tally holds nothing about is not created by it. */
  async setAlerts(userId: string, enabled: boolean): Promise<void> {
    this.db.prepare('UPDATE users SET alerts_enabled = ? WHERE id = ?').run(enabled ? 1 : 0, userId);
  }

  /**
   * Deletes every row about the user in every table, in one transaction: their ledger, rules, consent,
   * alert bookkeeping, conversation references, the bot state of every conversation they had, and the
   * merchant names nobody else's rows use. Any table with a `user_id` column is included, so a table
   * added later is not forgotten. Deleted bytes are overwritten (secure_delete) and the write-ahead log
   * is truncated afterwards, so the database files keep none of it.
   */
  async deleteAll(userId: string): Promise<DeletedCounts> {
    ledgerChanged(this.db);
    const count = (sql: string, ...args: unknown[]) =>
      (this.db
        .prepare(sql)
        .pluck()
        .get(...args) as number | undefined) ?? 0;
    const { counts, merchantsRemoved } = this.db.transaction(() => {
      const convs = this.db
        .prepare('SELECT conversation_id FROM conversation_refs WHERE user_id = ?')
        .pluck()
        .all(userId) as string[];
      const counts: DeletedCounts = {
        accounts: count('SELECT count(*) FROM accounts WHERE user_id = ?', userId),
        transactions: count('SELECT count(*) FROM transactions WHERE user_id = ?', userId),
        balances: count('SELECT count(*) FROM balances WHERE user_id = ?', userId),
        rules: count('SELECT count(*) FROM user_category_rules WHERE user_id = ?', userId),
        conversations: convs.length,
      };
      const merchantIds = this.db
        .prepare(
          `SELECT merchant_id FROM transactions WHERE user_id = ?
           UNION SELECT merchant_id FROM user_category_rules WHERE user_id = ?`,
        )
        .pluck()
        .all(userId, userId) as number[];
      // Order between tables does not matter: references are checked once, at commit.
      this.db.pragma('defer_foreign_keys = ON');
      for (const table of this.tablesWith('user_id')) {
        this.db.prepare(`DELETE FROM "${table}" WHERE user_id = ?`).run(userId);
      }
      this.dropUnownedState(userId, convs);
      this.db.prepare('DELETE FROM users WHERE id = ?').run(userId);
      const merchantsRemoved = this.dropMerchantsNobodyUses(merchantIds);
      this.dropStatisticsSamples([userId, ...merchantsRemoved.map((m) => m.name)]);
      return { counts, merchantsRemoved: merchantsRemoved.map((m) => m.id) };
    })();
    if (merchantsRemoved.length) this.onMerchantsRemoved(merchantsRemoved);
    checkpoint(this.db);
    return counts;
  }

  /** Tables (not views) that have the column. */
  private tablesWith(column: string): string[] {
    return this.db
      .prepare(
        `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND c.name = ? ORDER BY m.name`,
      )
      .pluck()
      .all(column) as string[];
  }

  /**
   * Bot state written without an owner (the shared per-conversation layout, or a writer that did not say
   * whose it is) is found by its key: the user's own `/users/<id>/` documents and the conversations they
   * were reached in.
   */
  private dropUnownedState(userId: string, conversations: readonly string[]): void {
    const drop = this.db.prepare("DELETE FROM bot_state WHERE user_id IS NULL AND key LIKE ? ESCAPE '\\'");
    for (const conv of conversations) drop.run(`%/conversations/${escapeLike(conv)}/%`);
    drop.run(`%/users/${escapeLike(userId)}/%`);
  }

  /** Removes the merchants no remaining row of any table refers to; returns those removed. */
  private dropMerchantsNobodyUses(ids: readonly number[]): { id: number; name: string }[] {
    const referrers = this.tablesWith('merchant_id');
    const stillUsed =
      referrers.map((t) => `EXISTS (SELECT 1 FROM "${t}" WHERE merchant_id = ?)`).join(' OR ') || '0';
    const check = this.db.prepare(`SELECT ${stillUsed}`).pluck();
    const name = this.db.prepare('SELECT name FROM merchants WHERE id = ?').pluck();
    const remove = this.db.prepare('DELETE FROM merchants WHERE id = ?');
    const removed: { id: number; name: string }[] = [];
    for (const id of ids) {
      if (check.get(...referrers.map(() => id))) continue;
      const merchant = name.get(id) as string | undefined;
      if (merchant === undefined) continue;
      remove.run(id);
      removed.push({ id, name: merchant });
    }
    return removed;
  }

  /**
   * ANALYZE keeps sample index entries in sqlite_stat4 (user ids, account and merchant names); samples
   * that hold any of the given values go too. The planner still has sqlite_stat1.
   */
  private dropStatisticsSamples(values: readonly string[]): void {
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat4'")
      .get();
    if (!exists) return;
    const drop = this.db.prepare('DELETE FROM sqlite_stat4 WHERE instr(sample, CAST(? AS BLOB)) > 0');
    for (const value of values) if (value) drop.run(value);
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
