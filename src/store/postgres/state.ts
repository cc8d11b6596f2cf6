import type { ReachPort, StateChange, StatePort } from '../port.ts';
import type { PgDb } from './db.ts';

/**
 * Dialog state documents on PostgreSQL with optimistic concurrency: each write names the version it read
 * and is refused when another instance wrote since. The rows are locked while compared, so of two
 * instances writing the same version exactly one wins.
 */
export class PgStateStore implements StatePort {
  constructor(private readonly db: PgDb) {}

  async read(keys: readonly string[]): Promise<Map<string, { value: unknown; etag: string }>> {
    const out = new Map<string, { value: unknown; etag: string }>();
    if (!keys.length) return out;
    const rows = await this.db.rows<{ key: string; value: string; etag: number }>(
      'SELECT key, value, etag FROM bot_state WHERE key = ANY($1::text[])',
      [keys],
    );
    for (const r of rows) out.set(r.key, { value: JSON.parse(r.value), etag: String(r.etag) });
    return out;
  }

  async write(changes: ReadonlyMap<string, StateChange>): Promise<string[]> {
    if (!changes.size) return [];
    const now = new Date().toISOString();
    try {
      await this.db.tx(async () => {
        const conflicts: string[] = [];
        for (const [key, change] of changes) {
          // The update applies only over the version the writer read ("0": only if there is none yet); the
          // row lock it takes makes a second instance writing the same version wait, then find it stale.
          const expected = change.etag === undefined || change.etag === '*' ? null : versionOf(change.etag);
          if (change.unchanged) {
            // The document is as the turn read it: only its version is confirmed, under a lock that makes a
            // concurrent writer of the same version wait for this transaction.
            if (expected !== null && !(await this.stillAt(key, change.userId ?? '', expected)))
              conflicts.push(key);
            continue;
          }
          if (change.remove) {
            if (!(await this.removeOver(key, change.userId ?? '', expected))) conflicts.push(key);
            continue;
          }
          const written = await this.db.query(
            `INSERT INTO bot_state (user_id, key, value, etag, updated_at) VALUES ($1, $2, $3, 1, $4)
             ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, etag = bot_state.etag + 1,
               updated_at = excluded.updated_at
             WHERE $5::bigint IS NULL OR bot_state.etag = $5::bigint`,
            [change.userId ?? '', key, JSON.stringify(change.value), now, expected],
          );
          if (written.rowCount === 0) conflicts.push(key);
        }
        if (conflicts.length) throw new StaleState(conflicts);
      });
      return [];
    } catch (err) {
      if (err instanceof StaleState) return err.keys;
      throw err;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length) await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }

  /** Whether the document is still at `expected` (absent counts as a version only for "0", as a write's does). */
  private async stillAt(key: string, userId: string, expected: number): Promise<boolean> {
    const row = await this.db.one<{ etag: string }>(
      'SELECT etag FROM bot_state WHERE user_id = $1 AND key = $2 FOR SHARE',
      [userId, key],
    );
    return row === undefined || Number(row.etag) === expected;
  }

  /** Removes a document over the version read (`null`: any); false when a newer one is there instead. */
  private async removeOver(key: string, userId: string, expected: number | null): Promise<boolean> {
    const removed = await this.db.query(
      'DELETE FROM bot_state WHERE user_id = $1 AND key = $2 AND ($3::bigint IS NULL OR etag = $3::bigint)',
      [userId, key, expected],
    );
    if (removed.rowCount || expected === null) return true;
    // Nothing matched: fine when there is no document at all, stale when there is a newer one.
    const still = await this.db.one('SELECT 1 FROM bot_state WHERE user_id = $1 AND key = $2 FOR UPDATE', [
      userId,
      key,
    ]);
    return still === undefined;
  }
}

/** Thrown inside the transaction so every document of the write is rolled back together. */
class StaleState extends Error {
  constructor(readonly keys: string[]) {
    super('stale state');
  }
}

/** A version as the table holds it; anything else matches no row. */
function versionOf(etag: string): number {
  return /^\d{1,15}$/.test(etag) ? Number(etag) : -1;
}

/** Where each user can be reached, and which findings were already sent (by any instance). */
export class PgReach implements ReachPort {
  constructor(private readonly db: PgDb) {}

  async saveReference(
    userId: string,
    conversationId: string,
    reference: unknown,
    now = new Date(),
  ): Promise<boolean> {
    const info = await this.db.query(
      `INSERT INTO conversation_refs (user_id, conversation_id, reference, updated_at)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
       ON CONFLICT (user_id, conversation_id) DO UPDATE SET reference = excluded.reference,
         updated_at = excluded.updated_at`,
      [userId, conversationId, JSON.stringify(reference), now.toISOString()],
    );
    return (info.rowCount ?? 0) > 0;
  }

  async latestReference(
    userId: string,
    accept: (reference: unknown) => boolean = () => true,
  ): Promise<unknown> {
    const rows = await this.db.rows<{ reference: string }>(
      'SELECT reference FROM conversation_refs WHERE user_id = $1 ORDER BY updated_at DESC, conversation_id DESC',
      [userId],
    );
    return rows.map((r) => JSON.parse(r.reference) as unknown).find(accept);
  }

  async claimFindings(userId: string, keys: readonly string[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows = await this.db.rows<{ finding_key: string }>(
      `INSERT INTO alerts_sent (user_id, finding_key, sent_at) SELECT $1, unnest($2::text[]), $3
       ON CONFLICT DO NOTHING RETURNING finding_key`,
      [userId, keys, new Date().toISOString()],
    );
    const claimed = new Set(rows.map((r) => r.finding_key));
    return keys.filter((k) => claimed.has(k));
  }

  async releaseFindings(userId: string, keys: readonly string[]): Promise<void> {
    if (keys.length)
      await this.db.query('DELETE FROM alerts_sent WHERE user_id = $1 AND finding_key = ANY($2::text[])', [
        userId,
        keys,
      ]);
  }
}
