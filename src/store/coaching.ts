import type { Db } from './db.ts';

/** How Tally talks to the person: a tone whose variations live in dialogs/*.lg. */
export type Tone = 'normal' | 'roast' | 'hype';
export const TONES: readonly Tone[] = ['normal', 'roast', 'hype'];

/** Messages Tally may send without being asked; each can be turned off. */
export type NoticeKind = 'budget_alerts' | 'bill_reminders' | 'payday_notes' | 'weekly_recap';
export const NOTICE_KINDS: readonly NoticeKind[] = [
  'budget_alerts',
  'bill_reminders',
  'payday_notes',
  'weekly_recap',
];

export interface CoachingSettings {
  tone: Tone;
  notices: Record<NoticeKind, boolean>;
  /** The person's IANA time zone, as their channel last said it. */
  timeZone?: string;
}

/** The defaults: normal tone; budget, bill and payday messages on; the weekly recap is opt-in. */
export const DEFAULT_SETTINGS: CoachingSettings = {
  tone: 'normal',
  notices: { budget_alerts: true, bill_reminders: true, payday_notes: true, weekly_recap: false },
};

/** A settings row as either engine returns it; no row means the defaults. */
export interface SettingsRow {
  tone: string;
  budget_alerts: number;
  bill_reminders: number;
  payday_notes: number;
  weekly_recap: number;
  time_zone: string | null;
}

export function settingsOf(row: SettingsRow | undefined): CoachingSettings {
  if (!row) return structuredClone(DEFAULT_SETTINGS);
  return {
    tone: (TONES as readonly string[]).includes(row.tone) ? (row.tone as Tone) : 'normal',
    notices: {
      budget_alerts: row.budget_alerts === 1,
      bill_reminders: row.bill_reminders === 1,
      payday_notes: row.payday_notes === 1,
      weekly_recap: row.weekly_recap === 1,
    },
    ...(row.time_zone ? { timeZone: row.time_zone } : {}),
  };
}

/** Each person's coaching settings; a person Tally holds nothing about is never created by them. */
export class CoachingSettingsStore {
  constructor(private readonly db: Db) {}

  async get(userId: string): Promise<CoachingSettings> {
    const row = this.db.prepare('SELECT * FROM coaching_settings WHERE user_id = ?').get(userId) as
      SettingsRow | undefined;
    return settingsOf(row);
  }

  async tone(userId: string): Promise<Tone> {
    return (await this.get(userId)).tone;
  }

  /** Returns whether it was stored (false for someone with no users row). */
  async setTone(userId: string, tone: Tone, now = new Date()): Promise<boolean> {
    return this.upsert(userId, 'tone', tone, now);
  }

  async setNotice(userId: string, kind: NoticeKind, on: boolean, now = new Date()): Promise<boolean> {
    return this.upsert(userId, kind, on ? 1 : 0, now);
  }

  /** Remembers the person's time zone when it changed (weekly recaps go out on their Sunday evening). */
  async rememberTimeZone(userId: string, timeZone: string, now = new Date()): Promise<void> {
    const current = this.db
      .prepare('SELECT time_zone FROM coaching_settings WHERE user_id = ?')
      .pluck()
      .get(userId) as string | null | undefined;
    if (current === timeZone) return;
    await this.upsert(userId, 'time_zone', timeZone, now);
  }

  /** People who have settings and can be reached, with their settings (for the scheduler). */
  async reachableUsers(): Promise<string[]> {
    return this.db
      .prepare('SELECT DISTINCT user_id FROM conversation_refs ORDER BY user_id')
      .pluck()
      .all() as string[];
  }

  private upsert(userId: string, column: string, value: string | number, now: Date): boolean {
    // `column` is one of this class's own names, never text from a person.
    const info = this.db
      .prepare(
        `INSERT INTO coaching_settings (user_id, ${column}, updated_at)
         SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
         ON CONFLICT (user_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      )
      .run(userId, value, now.toISOString(), userId);
    return info.changes > 0;
  }
}
