import type { Db } from './db.ts';
import type { ChartsPort, StoredChart } from './port.ts';

export type { StoredChart };

/**
 * Chart images issued to people: a random id mapped to whose chart it is, what it shows and when it
 * expires. Expired rows are never returned and are removed as new ones are written.
 */
export class ChartImages implements ChartsPort {
  private lastPurge = 0;

  constructor(private readonly db: Db) {}

  /** Records a chart under a fresh id; expired charts of anyone are cleared at most once a minute. */
  async save(userId: string, id: string, specJson: string, expiresAt: Date, now = new Date()): Promise<void> {
    this.db
      .prepare('INSERT INTO chart_images (id, user_id, spec_json, expires_at) VALUES (?, ?, ?, ?)')
      .run(id, userId, specJson, expiresAt.getTime());
    if (now.getTime() - this.lastPurge >= 60_000) {
      this.lastPurge = now.getTime();
      await this.removeExpired(now);
    }
  }

  /** The chart behind an id, while it has not expired. */
  async find(id: string, now = new Date()): Promise<StoredChart | undefined> {
    const row = this.db
      .prepare(
        'SELECT user_id AS userId, spec_json AS specJson, expires_at AS expiresAt FROM chart_images WHERE id = ? AND expires_at > ?',
      )
      .get(id, now.getTime()) as { userId: string; specJson: string; expiresAt: number } | undefined;
    return row && { userId: row.userId, specJson: row.specJson, expiresAt: new Date(row.expiresAt) };
  }

  async removeExpired(now = new Date()): Promise<number> {
    return this.db.prepare('DELETE FROM chart_images WHERE expires_at <= ?').run(now.getTime()).changes;
  }
}
