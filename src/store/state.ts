import type { Db } from './db.ts';
import type { ReachPort, StateChange, StatePort } from './port.ts';

/**
 * Opaque JSON documents keyed by string, with optimistic concurrency: the bot's dialog state. Each
 * document may name the person it belongs to, so all of a person's documents can be found and deleted.
 */
export class StateStore implements StatePort {
  constructor(private readonly db: Db) {}

  async read(keys: readonly string[]): Promise<Map<string, { value: unknown; etag: string }>> {
    const get = this.db.prepare('SELECT value, etag FROM bot_state WHERE key = ?');
    const out = new Map<string, { value: unknown; etag: string }>();
    for (const key of keys) {
      const row = get.get(key) as { value: string; etag: number } | undefined;
      if (row) out.set(key, { value: JSON.parse(row.value), etag: String(row.etag) });
    }
    return out;
  }

  /**
   * Writes documents; a write that names an etag other than "*" succeeds only if the stored etag still
   * matches. Returns the keys that conflicted (nothing is written when any does).
   */
  async write(changes: ReadonlyMap<string, StateChange>): Promise<string[]> {
    if (changes.size === 1 && this.savedOverVersion(changes)) return [];
    const current = this.db.prepare('SELECT etag FROM bot_state WHERE key = ?').pluck();
    const put = this.db.prepare(
      `INSERT INTO bot_state (key, value, etag, updated_at, user_id) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = bot_state.etag + 1,
         updated_at = excluded.updated_at, user_id = excluded.user_id`,
    );
    return this.db.transaction(() => {
      const conflicts: string[] = [];
      for (const [key, change] of changes) {
        if (change.etag && change.etag !== '*') {
          const etag = current.get(key) as number | undefined;
          if (etag !== undefined && String(etag) !== change.etag) conflicts.push(key);
        }
      }
      if (conflicts.length) return conflicts;
      const now = new Date().toISOString();
      const remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
      for (const [key, change] of changes) {
        if (change.unchanged) continue;
        if (change.remove) remove.run(key);
        else put.run(key, JSON.stringify(change.value), now, change.userId ?? null);
      }
      return [];
    })();
  }

  /**
   * A turn's one save, as one statement when it can be: the document updated over the version read, or
   * created where none was read. Only when that statement changes the row is the save done here (the same
   * row the transaction below would write); anything else (a conflict, a document removed since it was
   * read) is left to the transaction to tell apart. Saves the transaction's own statements and the read
   * of the version on every turn.
   */
  private savedOverVersion(changes: ReadonlyMap<string, StateChange>): boolean {
    const [key, change] = changes.entries().next().value as [string, StateChange];
    if (!change.etag || change.etag === '*' || change.unchanged || change.remove) return false;
    const now = new Date().toISOString();
    const value = JSON.stringify(change.value);
    const userId = change.userId ?? null;
    if (change.etag === '0')
      return (
        this.db
          .prepare(
            `INSERT INTO bot_state (key, value, etag, updated_at, user_id) VALUES (?, ?, 1, ?, ?)
             ON CONFLICT (key) DO NOTHING`,
          )
          .run(key, value, now, userId).changes === 1
      );
    const etag = Number(change.etag);
    if (!Number.isSafeInteger(etag) || String(etag) !== change.etag) return false;
    return (
      this.db
        .prepare(
          `UPDATE bot_state SET value = ?, etag = etag + 1, updated_at = ?, user_id = ?
           WHERE key = ? AND etag = ?`,
        )
        .run(value, now, userId, key, etag).changes === 1
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.db.transaction(() => keys.forEach((k) => del.run(k)))();
  }
}

/** Where each user can be reached without being asked, and which findings were already sent. */
export class Reach implements ReachPort {
  constructor(private readonly db: Db) {}

  /**
   * Remembers where a known user can be reached; returns whether it did. Someone with no users row (never
   * linked, or deleted) is not remembered: a message alone never creates a user.
   */
  async saveReference(
    userId: string,
    conversationId: string,
    reference: unknown,
    now = new Date(),
  ): Promise<boolean> {
    const info = this.db
      .prepare(
        `INSERT INTO conversation_refs (user_id, conversation_id, reference, updated_at)
         SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
         ON CONFLICT (user_id, conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      )
      .run(userId, conversationId, JSON.stringify(reference), now.toISOString(), userId);
    return info.changes > 0;
  }

  /** The most recently used conversation of the user that `accept` takes (any, by default). */
  async latestReference(
    userId: string,
    accept: (reference: unknown) => boolean = () => true,
  ): Promise<unknown> {
    const rows = this.db
      .prepare(
        'SELECT reference FROM conversation_refs WHERE user_id = ? ORDER BY updated_at DESC, rowid DESC',
      )
      .pluck()
      .all(userId) as string[];
    return rows.map((r) => JSON.parse(r) as unknown).find(accept);
  }

  /** Marks findings as sent; returns the keys that were new (each finding is sent at most once). */
  async claimFindings(userId: string, keys: readonly string[]): Promise<string[]> {
    const claim = this.db.prepare(
      'INSERT INTO alerts_sent (user_id, finding_key, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const now = new Date().toISOString();
    return this.db.transaction(() => keys.filter((k) => claim.run(userId, k, now).changes > 0))();
  }

  /** Undoes a claim whose message could not be delivered. */
  async releaseFindings(userId: string, keys: readonly string[]): Promise<void> {
    const release = this.db.prepare('DELETE FROM alerts_sent WHERE user_id = ? AND finding_key = ?');
    this.db.transaction(() => keys.forEach((k) => release.run(userId, k)))();
  }
}
