import type { Db } from './db.ts';
import type { DeletedCounts } from './types.ts';

/** People and what they agreed to. */
export class Users {
  constructor(private readonly db: Db) {}

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

  /** Records that the user agreed to Tally keeping their statements, with the time. */
  async recordConsent(userId: string, at = new Date()): Promise<void> {
    await this.ensure(userId, at);
    this.db.prepare('UPDATE users SET consent_at = ? WHERE id = ?').run(at.toISOString(), userId);
  }

  async setAlerts(userId: string, enabled: boolean): Promise<void> {
    await this.ensure(userId);
    this.db.prepare('UPDATE users SET alerts_enabled = ? WHERE id = ?').run(enabled ? 1 : 0, userId);
  }

  /** Deletes everything held about the user, conversation state included, in one transaction. */
  async deleteAll(userId: string): Promise<DeletedCounts> {
    const count = (sql: string, ...args: unknown[]) =>
      (this.db.prepare(sql).pluck().get(...args) as number | undefined) ?? 0;
    return this.db.transaction(() => {
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
      this.db.prepare('DELETE FROM transactions WHERE user_id = ?').run(userId);
      this.db.prepare('DELETE FROM balances WHERE user_id = ?').run(userId);
      const dropState = this.db.prepare("DELETE FROM bot_state WHERE key LIKE ? ESCAPE '\\'");
      for (const conv of convs) dropState.run(`%/conversations/${escapeLike(conv)}/%`);
      dropState.run(`%/users/${escapeLike(userId)}/%`);
      this.db.prepare('DELETE FROM users WHERE id = ?').run(userId);
      return counts;
    })();
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
