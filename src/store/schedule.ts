import type { Db } from './db.ts';

/** A proactive message planned for one person: once per (kind, period), sent by whichever instance claims it. */
export interface PlannedMessage<P = unknown> {
  userId: string;
  /** 'budget_risk', 'bill_due', 'payday', 'weekly_recap'. */
  kind: string;
  /** Which occurrence: "2026-03:12" (a budget in March), "2026-03-08" (a recap week)… */
  periodKey: string;
  dueAt: Date;
  /** What to say, as JSON (a template and its data). */
  payload: P;
}

export interface ScheduledRow {
  id: number;
  userId: string;
  kind: string;
  periodKey: string;
  dueAt: string;
  payload: unknown;
  attempts: number;
}

/**
 * Planned proactive messages in the database, so they survive a restart and are sent once however many
 * instances share the database: planning is an insert that does nothing when the key exists, and sending
 * starts with a conditional UPDATE that only one instance can win.
 */
export class Schedule {
  constructor(private readonly db: Db) {}

  /** Plans messages; returns how many were new (an existing key is left as it is). */
  async plan(messages: readonly PlannedMessage[], now = new Date()): Promise<number> {
    const insert = this.db.prepare(
      `INSERT INTO scheduled_messages (user_id, kind, period_key, due_at, payload_json, created_at)
       SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
       ON CONFLICT (user_id, kind, period_key) DO NOTHING`,
    );
    return this.db.transaction(() =>
      messages.reduce(
        (n, m) =>
          n +
          insert.run(
            m.userId,
            m.kind,
            m.periodKey,
            m.dueAt.toISOString(),
            JSON.stringify(m.payload),
            now.toISOString(),
            m.userId,
          ).changes,
        0,
      ),
    )();
  }

  /** Messages due by `now`, not sent, and not held by a live claim (a claim older than `leaseMs` has lapsed). */
  async due(now: Date, leaseMs: number, limit = 100): Promise<ScheduledRow[]> {
    const rows = this.db
      .prepare(
        `SELECT id, user_id AS userId, kind, period_key AS periodKey, due_at AS dueAt, payload_json AS payload,
           attempts FROM scheduled_messages
         WHERE sent_at IS NULL AND due_at <= ? AND (claimed_at IS NULL OR claimed_at <= ?)
         ORDER BY due_at, id LIMIT ?`,
      )
      .all(now.toISOString(), new Date(now.getTime() - leaseMs).toISOString(), limit) as (Omit<
      ScheduledRow,
      'payload'
    > & { payload: string })[];
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
  }

  /**
   * Takes a message for sending; true only for the one caller whose UPDATE changed the row. A claim older
   * than `leaseMs` (its instance stopped mid-send) can be taken again.
   */
  async claim(id: number, by: string, now: Date, leaseMs: number): Promise<boolean> {
    return (
      this.db
        .prepare(
          `UPDATE scheduled_messages SET claimed_at = ?, claimed_by = ?, attempts = attempts + 1
           WHERE id = ? AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at <= ?)`,
        )
        .run(now.toISOString(), by, id, new Date(now.getTime() - leaseMs).toISOString()).changes === 1
    );
  }

  async markSent(id: number, by: string, now: Date): Promise<void> {
    this.db
      .prepare('UPDATE scheduled_messages SET sent_at = ? WHERE id = ? AND claimed_by = ?')
      .run(now.toISOString(), id, by);
  }

  /** Gives a claimed message back, to be tried again later (delivery failed). */
  async release(id: number, by: string): Promise<void> {
    this.db
      .prepare(
        'UPDATE scheduled_messages SET claimed_at = NULL, claimed_by = NULL WHERE id = ? AND claimed_by = ?',
      )
      .run(id, by);
  }

  /**
   * Settles a claimed message without sending it (the person turned that kind off, or cannot be reached):
   * the row stays, so the same occurrence is not planned again.
   */
  async skip(id: number, by: string, now: Date): Promise<void> {
    this.db
      .prepare(
        "UPDATE scheduled_messages SET sent_at = ?, claimed_by = 'skipped' WHERE id = ? AND claimed_by = ?",
      )
      .run(now.toISOString(), id, by);
  }

  /** Whether that occurrence was already planned (sent or not). */
  async planned(userId: string, kind: string, periodKey: string): Promise<boolean> {
    return (
      this.db
        .prepare('SELECT 1 FROM scheduled_messages WHERE user_id = ? AND kind = ? AND period_key = ?')
        .get(userId, kind, periodKey) !== undefined
    );
  }
}
