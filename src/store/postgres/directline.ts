import type { DirectLineEntry, DirectLineFile, DirectLinePort, DirectLineRef } from '../port.ts';
import { entryOf, type ActivityRow } from '../directline.ts';
import type { PgDb } from './db.ts';

/**
 * Web Chat's Direct Line conversations on PostgreSQL (see the SQLite `DirectLineStore`). An append
 * numbers the activity by updating the conversation's watermark, whose row lock makes appends from two
 * instances to one conversation take turns, so watermarks are never handed out twice or out of order.
 */
export class PgDirectLineStore implements DirectLinePort {
  constructor(private readonly db: PgDb) {}

  async open(
    ref: DirectLineRef,
    expiresAt: Date,
    now = new Date(),
  ): Promise<{ created: boolean; watermark: number }> {
    return this.db.tx(async () => {
      await this.db.query(
        'DELETE FROM directline_conversations WHERE user_id = $1 AND id = $2 AND expires_at <= $3',
        [ref.userId, ref.conversationId, now.getTime()],
      );
      const created = await this.db.query(
        `INSERT INTO directline_conversations (user_id, id, watermark, created_at, expires_at)
         VALUES ($1, $2, 0, $3, $4) ON CONFLICT (user_id, id) DO NOTHING`,
        [ref.userId, ref.conversationId, now.getTime(), expiresAt.getTime()],
      );
      if (!created.rowCount) await this.extend(ref, expiresAt);
      return { created: (created.rowCount ?? 0) > 0, watermark: (await this.watermark(ref, now)) ?? 0 };
    });
  }

  async watermark(ref: DirectLineRef, now = new Date()): Promise<number | undefined> {
    const row = await this.db.one<{ watermark: number }>(
      'SELECT watermark FROM directline_conversations WHERE user_id = $1 AND id = $2 AND expires_at > $3',
      [ref.userId, ref.conversationId, now.getTime()],
    );
    return row?.watermark;
  }

  /** One statement for every conversation an instance streams, however many. */
  async watermarks(refs: readonly DirectLineRef[], now = new Date()): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!refs.length) return out;
    const rows = await this.db.rows<{ id: string; watermark: number }>(
      `SELECT c.id, c.watermark FROM directline_conversations c
       JOIN unnest($1::text[], $2::text[]) AS r (user_id, id) ON c.user_id = r.user_id AND c.id = r.id
       WHERE c.expires_at > $3`,
      [refs.map((r) => r.userId), refs.map((r) => r.conversationId), now.getTime()],
    );
    for (const row of rows) out.set(row.id, row.watermark);
    return out;
  }

  async touch(ref: DirectLineRef, expiresAt: Date, now = new Date()): Promise<boolean> {
    const touched = await this.db.query(
      `UPDATE directline_conversations SET expires_at = greatest(expires_at, $1)
       WHERE user_id = $2 AND id = $3 AND expires_at > $4`,
      [expiresAt.getTime(), ref.userId, ref.conversationId, now.getTime()],
    );
    return (touched.rowCount ?? 0) > 0;
  }

  async append(
    ref: DirectLineRef,
    activity: Record<string, unknown>,
    options: { keep: number; expiresAt: Date; floor?: number; now?: Date },
  ): Promise<DirectLineEntry | undefined> {
    const now = options.now ?? new Date();
    return this.db.tx(async () => {
      if (options.floor !== undefined) {
        await this.db.query(
          `INSERT INTO directline_conversations (user_id, id, watermark, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, id) DO NOTHING`,
          [ref.userId, ref.conversationId, options.floor, now.getTime(), options.expiresAt.getTime()],
        );
      }
      const row = await this.db.one<{ watermark: number }>(
        `UPDATE directline_conversations SET watermark = watermark + 1, expires_at = greatest(expires_at, $1)
         WHERE user_id = $2 AND id = $3 AND expires_at > $4 RETURNING watermark`,
        [options.expiresAt.getTime(), ref.userId, ref.conversationId, now.getTime()],
      );
      if (!row) return undefined;
      const seq = row.watermark;
      await this.db.query(
        `INSERT INTO directline_activities (user_id, conversation_id, seq, activity_json, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [ref.userId, ref.conversationId, seq, JSON.stringify(activity), now.getTime()],
      );
      await this.db.query(
        'DELETE FROM directline_activities WHERE user_id = $1 AND conversation_id = $2 AND seq <= $3',
        [ref.userId, ref.conversationId, seq - options.keep],
      );
      return { seq, activity, at: now };
    });
  }

  async since(ref: DirectLineRef, after: number, now = new Date()): Promise<DirectLineEntry[]> {
    const rows = await this.db.rows<ActivityRow>(
      `SELECT a.seq, a.activity_json AS json, a.created_at AS at
       FROM directline_activities a JOIN directline_conversations c
         ON c.user_id = a.user_id AND c.id = a.conversation_id
       WHERE a.user_id = $1 AND a.conversation_id = $2 AND a.seq > $3 AND c.expires_at > $4
       ORDER BY a.seq`,
      [ref.userId, ref.conversationId, after, now.getTime()],
    );
    return rows.map(entryOf);
  }

  async putFile(file: DirectLineFile, expiresAt: Date, keepPerUser: number, now = new Date()): Promise<void> {
    await this.db.tx(async () => {
      await this.db.query(
        `INSERT INTO directline_files (user_id, id, conversation_id, name, content_type, bytes, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          file.userId,
          file.id,
          file.conversationId,
          file.name,
          file.contentType,
          file.bytes,
          now.getTime(),
          expiresAt.getTime(),
        ],
      );
      await this.db.query(
        `DELETE FROM directline_files WHERE user_id = $1 AND id NOT IN (
           SELECT id FROM directline_files WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2)`,
        [file.userId, keepPerUser],
      );
    });
  }

  async file(id: string, now = new Date()): Promise<DirectLineFile | undefined> {
    return this.db.one<DirectLineFile & Record<string, unknown>>(
      `SELECT user_id AS "userId", id, conversation_id AS "conversationId", name,
         content_type AS "contentType", bytes
       FROM directline_files WHERE id = $1 AND expires_at > $2`,
      [id, now.getTime()],
    );
  }

  async removeExpired(now = new Date()): Promise<number> {
    const at = now.getTime();
    return this.db.tx(async () => {
      const conversations = await this.db.query(
        'DELETE FROM directline_conversations WHERE expires_at <= $1',
        [at],
      );
      const files = await this.db.query('DELETE FROM directline_files WHERE expires_at <= $1', [at]);
      return (conversations.rowCount ?? 0) + (files.rowCount ?? 0);
    });
  }

  private async extend(ref: DirectLineRef, expiresAt: Date): Promise<void> {
    await this.db.query(
      'UPDATE directline_conversations SET expires_at = greatest(expires_at, $1) WHERE user_id = $2 AND id = $3',
      [expiresAt.getTime(), ref.userId, ref.conversationId],
    );
  }
}
