import type { ChartsPort, StoredChart } from '../port.ts';
import type { PgDb } from './db.ts';

/** Chart images issued to people, on PostgreSQL (see the SQLite `ChartImages`). */
export class PgChartImages implements ChartsPort {
  private lastPurge = 0;

  constructor(private readonly db: PgDb) {}

  async save(userId: string, id: string, specJson: string, expiresAt: Date, now = new Date()): Promise<void> {
    await this.db.query(
      'INSERT INTO chart_images (user_id, id, spec_json, expires_at) VALUES ($1, $2, $3, $4)',
      [userId, id, specJson, expiresAt.getTime()],
    );
    if (now.getTime() - this.lastPurge >= 60_000) {
      this.lastPurge = now.getTime();
      await this.removeExpired(now);
    }
  }

  async find(id: string, now = new Date()): Promise<StoredChart | undefined> {
    const row = await this.db.one<{ userId: string; specJson: string; expiresAt: number }>(
      `SELECT user_id AS "userId", spec_json AS "specJson", expires_at AS "expiresAt" FROM chart_images
       WHERE id = $1 AND expires_at > $2`,
      [id, now.getTime()],
    );
    return row && { userId: row.userId, specJson: row.specJson, expiresAt: new Date(row.expiresAt) };
  }

  async removeExpired(now = new Date()): Promise<number> {
    return (
      (await this.db.query('DELETE FROM chart_images WHERE expires_at <= $1', [now.getTime()])).rowCount ?? 0
    );
  }
}
