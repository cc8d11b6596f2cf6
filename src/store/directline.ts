import type { Db } from './db.ts';
import type { DirectLineEntry, DirectLineFile, DirectLinePort, DirectLineRef } from './port.ts';

/** A transcript row as both engines select it. */
export type ActivityRow = {
  seq: number;
  json: string;
  at: number;
};

/**
 * Web Chat's Direct Line conversations in the SQLite file: each person's conversations, their
 * transcripts numbered by watermark, and uploaded files, all forgotten when they expire.
 */
export class DirectLineStore implements DirectLinePort {
  constructor(private readonly db: Db) {}

  async open(
    ref: DirectLineRef,
    expiresAt: Date,
    now = new Date(),
  ): Promise<{ created: boolean; watermark: number }> {
    return this.db.transaction(() => {
      // An expired conversation that the sweep has not removed yet starts again from nothing.
      this.db
        .prepare('DELETE FROM directline_conversations WHERE user_id = ? AND id = ? AND expires_at <= ?')
        .run(ref.userId, ref.conversationId, now.getTime());
      const created = this.db
        .prepare(
          `INSERT INTO directline_conversations (user_id, id, watermark, created_at, expires_at)
           VALUES (?, ?, 0, ?, ?) ON CONFLICT (user_id, id) DO NOTHING`,
        )
        .run(ref.userId, ref.conversationId, now.getTime(), expiresAt.getTime()).changes;
      if (!created) this.extend(ref, expiresAt);
      return { created: created > 0, watermark: (this.current(ref, now) ?? 0) as number };
    })();
  }

  async watermark(ref: DirectLineRef, now = new Date()): Promise<number | undefined> {
    return this.current(ref, now);
  }

  async watermarks(refs: readonly DirectLineRef[], now = new Date()): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const ref of refs) {
      const watermark = this.current(ref, now);
      if (watermark !== undefined) out.set(ref.conversationId, watermark);
    }
    return out;
  }

  async touch(ref: DirectLineRef, expiresAt: Date, now = new Date()): Promise<boolean> {
    if (this.current(ref, now) === undefined) return false;
    this.extend(ref, expiresAt);
    return true;
  }

  async append(
    ref: DirectLineRef,
    activity: Record<string, unknown>,
    options: { keep: number; expiresAt: Date; floor?: number; now?: Date },
  ): Promise<DirectLineEntry | undefined> {
    const now = options.now ?? new Date();
    return this.db.transaction(() => {
      if (options.floor !== undefined) {
        this.db
          .prepare(
            `INSERT INTO directline_conversations (user_id, id, watermark, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, id) DO NOTHING`,
          )
          .run(ref.userId, ref.conversationId, options.floor, now.getTime(), options.expiresAt.getTime());
      }
      const seq = this.db
        .prepare(
          `UPDATE directline_conversations SET watermark = watermark + 1, expires_at = max(expires_at, ?)
           WHERE user_id = ? AND id = ? AND expires_at > ? RETURNING watermark`,
        )
        .pluck()
        .get(options.expiresAt.getTime(), ref.userId, ref.conversationId, now.getTime()) as
        number | undefined;
      if (seq === undefined) return undefined;
      this.db
        .prepare(
          `INSERT INTO directline_activities (user_id, conversation_id, seq, activity_json, created_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(ref.userId, ref.conversationId, seq, JSON.stringify(activity), now.getTime());
      this.db
        .prepare('DELETE FROM directline_activities WHERE user_id = ? AND conversation_id = ? AND seq <= ?')
        .run(ref.userId, ref.conversationId, seq - options.keep);
      return { seq, activity, at: now };
    })();
  }

  async since(ref: DirectLineRef, after: number, now = new Date()): Promise<DirectLineEntry[]> {
    const rows = this.db
      .prepare(
        `SELECT a.seq, a.activity_json AS json, a.created_at AS at
         FROM directline_activities a JOIN directline_conversations c
           ON c.user_id = a.user_id AND c.id = a.conversation_id
         WHERE a.user_id = ? AND a.conversation_id = ? AND a.seq > ? AND c.expires_at > ?
         ORDER BY a.seq`,
      )
      .all(ref.userId, ref.conversationId, after, now.getTime()) as ActivityRow[];
    return rows.map(entryOf);
  }

  async putFile(file: DirectLineFile, expiresAt: Date, keepPerUser: number, now = new Date()): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO directline_files (user_id, id, conversation_id, name, content_type, bytes, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          file.userId,
          file.id,
          file.conversationId,
          file.name,
          file.contentType,
          file.bytes,
          now.getTime(),
          expiresAt.getTime(),
        );
      this.db
        .prepare(
          `DELETE FROM directline_files WHERE user_id = ? AND id NOT IN (
             SELECT id FROM directline_files WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
        )
        .run(file.userId, file.userId, keepPerUser);
    })();
  }

  async file(id: string, now = new Date()): Promise<DirectLineFile | undefined> {
    const row = this.db
      .prepare(
        `SELECT user_id AS userId, id, conversation_id AS conversationId, name, content_type AS contentType, bytes
         FROM directline_files WHERE id = ? AND expires_at > ?`,
      )
      .get(id, now.getTime()) as DirectLineFile | undefined;
    return row;
  }

  async removeExpired(now = new Date()): Promise<number> {
    const at = now.getTime();
    return this.db.transaction(
      () =>
        this.db.prepare('DELETE FROM directline_conversations WHERE expires_at <= ?').run(at).changes +
        this.db.prepare('DELETE FROM directline_files WHERE expires_at <= ?').run(at).changes,
    )();
  }

  private current(ref: DirectLineRef, now: Date): number | undefined {
    return this.db
      .prepare(
        'SELECT watermark FROM directline_conversations WHERE user_id = ? AND id = ? AND expires_at > ?',
      )
      .pluck()
      .get(ref.userId, ref.conversationId, now.getTime()) as number | undefined;
  }

  private extend(ref: DirectLineRef, expiresAt: Date): void {
    this.db
      .prepare(
        'UPDATE directline_conversations SET expires_at = max(expires_at, ?) WHERE user_id = ? AND id = ?',
      )
      .run(expiresAt.getTime(), ref.userId, ref.conversationId);
  }
}

export function entryOf(row: ActivityRow): DirectLineEntry {
  return { seq: row.seq, activity: JSON.parse(row.json) as Record<string, unknown>, at: new Date(row.at) };
}
