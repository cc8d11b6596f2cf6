import {
  settingsOf,
  type CoachingSettings,
  type NoticeKind,
  type SettingsRow,
  type Tone,
} from '../coaching.ts';
import type { CoachingSettingsPort } from '../port.ts';
import type { PgDb } from './db.ts';

type Row = SettingsRow & Record<string, unknown>;

/** Columns a setting may be written to: the class's own names, never text from a person. */
type Column = 'tone' | 'time_zone' | NoticeKind;

/** Each person's coaching settings on PostgreSQL (see the SQLite `CoachingSettingsStore`). */
export class PgCoachingSettings implements CoachingSettingsPort {
  constructor(private readonly db: PgDb) {}

  async get(userId: string): Promise<CoachingSettings> {
    const row = await this.db.one<Row>('SELECT * FROM coaching_settings WHERE user_id = $1', [userId]);
    return settingsOf(row);
  }

  async tone(userId: string): Promise<Tone> {
    return (await this.get(userId)).tone;
  }

  async setTone(userId: string, tone: Tone, now = new Date()): Promise<boolean> {
    return this.upsert(userId, 'tone', tone, now);
  }

  async setNotice(userId: string, kind: NoticeKind, on: boolean, now = new Date()): Promise<boolean> {
    return this.upsert(userId, kind, on ? 1 : 0, now);
  }

  async rememberTimeZone(userId: string, timeZone: string, now = new Date()): Promise<void> {
    const current = await this.db.one<{ tz: string | null }>(
      'SELECT time_zone AS tz FROM coaching_settings WHERE user_id = $1',
      [userId],
    );
    if (current?.tz === timeZone) return;
    await this.upsert(userId, 'time_zone', timeZone, now);
  }

  async reachableUsers(): Promise<string[]> {
    const rows = await this.db.rows<{ userId: string }>(
      'SELECT DISTINCT user_id AS "userId" FROM conversation_refs ORDER BY user_id',
    );
    return rows.map((r) => r.userId);
  }

  private async upsert(userId: string, column: Column, value: string | number, now: Date): Promise<boolean> {
    const saved = await this.db.query(
      `INSERT INTO coaching_settings (user_id, ${column}, updated_at)
       SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
       ON CONFLICT (user_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      [userId, value, now.toISOString()],
    );
    return (saved.rowCount ?? 0) > 0;
  }
}
