import type { SchedulePort } from '../port.ts';
import type { PlannedMessage, ScheduledRow } from '../schedule.ts';
import type { PgDb } from './db.ts';

/**
 * Planned proactive messages on PostgreSQL (see the SQLite `Schedule`): planned once by the unique key,
 * sent by the one instance whose conditional UPDATE claims the row.
 */
export class PgSchedule implements SchedulePort {
  constructor(private readonly db: PgDb) {}

  async plan(messages: readonly PlannedMessage[], now = new Date()): Promise<number> {
    return this.db.tx(async () => {
      let added = 0;
      for (const m of messages) {
        const saved = await this.db.query(
          `INSERT INTO scheduled_messages (user_id, kind, period_key, due_at, payload_json, created_at)
           SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
           ON CONFLICT (user_id, kind, period_key) DO NOTHING`,
          [
            m.userId,
            m.kind,
            m.periodKey,
            m.dueAt.toISOString(),
            JSON.stringify(m.payload),
            now.toISOString(),
          ],
        );
        added += saved.rowCount ?? 0;
      }
      return added;
    });
  }

  async due(now: Date, leaseMs: number, limit = 100): Promise<ScheduledRow[]> {
    const rows = await this.db.rows<Omit<ScheduledRow, 'payload'> & { payload: string }>(
      `SELECT id, user_id AS "userId", kind, period_key AS "periodKey", due_at AS "dueAt",
         payload_json AS payload, attempts FROM scheduled_messages
       WHERE sent_at IS NULL AND due_at <= $1 AND (claimed_at IS NULL OR claimed_at <= $2)
       ORDER BY due_at, id LIMIT $3`,
      [now.toISOString(), new Date(now.getTime() - leaseMs).toISOString(), limit],
    );
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
  }

  async claim(id: number, by: string, now: Date, leaseMs: number): Promise<boolean> {
    const claimed = await this.db.query(
      `UPDATE scheduled_messages SET claimed_at = $1, claimed_by = $2, attempts = attempts + 1
       WHERE id = $3 AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at <= $4)`,
      [now.toISOString(), by, id, new Date(now.getTime() - leaseMs).toISOString()],
    );
    return claimed.rowCount === 1;
  }

  async markSent(id: number, by: string, now: Date): Promise<void> {
    await this.db.query('UPDATE scheduled_messages SET sent_at = $1 WHERE id = $2 AND claimed_by = $3', [
      now.toISOString(),
      id,
      by,
    ]);
  }

  async release(id: number, by: string): Promise<void> {
    await this.db.query(
      'UPDATE scheduled_messages SET claimed_at = NULL, claimed_by = NULL WHERE id = $1 AND claimed_by = $2',
      [id, by],
    );
  }

  async skip(id: number, by: string, now: Date): Promise<void> {
    await this.db.query(
      "UPDATE scheduled_messages SET sent_at = $1, claimed_by = 'skipped' WHERE id = $2 AND claimed_by = $3",
      [now.toISOString(), id, by],
    );
  }

  async planned(userId: string, kind: string, periodKey: string): Promise<boolean> {
    const row = await this.db.one(
      'SELECT 1 FROM scheduled_messages WHERE user_id = $1 AND kind = $2 AND period_key = $3',
      [userId, kind, periodKey],
    );
    return row !== undefined;
  }
}
