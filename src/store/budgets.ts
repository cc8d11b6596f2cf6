import type { Db } from './db.ts';

/** A monthly budget: a stored query (JSON of an insights Query, without a period) with a limit. */
export interface BudgetRow {
  id: number;
  userId: string;
  /** What it covers: 'all', or a category key ("eating_out"); one budget per subject. */
  subjectKey: string;
  /** Words for replies: "eating out", "all spending". */
  label: string;
  queryJson: string;
  amountMinor: number;
  currency: string;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetSpec {
  subjectKey: string;
  label: string;
  queryJson: string;
  amountMinor: number;
  currency: string;
  /** Brought by the demo household, and removed with it; a budget set in chat is the person's own. */
  demo?: boolean;
}

const COLUMNS = `id, user_id AS userId, subject_key AS subjectKey, label, query_json AS queryJson,
  amount_minor AS amountMinor, currency, created_at AS createdAt, updated_at AS updatedAt`;

/** People's monthly budgets, every operation scoped to one user. */
export class Budgets {
  constructor(private readonly db: Db) {}

  /**
   * Sets the budget for a subject: a new one, or a new limit for the existing one. Returns it and whether
   * it replaced an earlier limit. Someone Tally holds nothing about is not created by it.
   */
  async set(
    userId: string,
    spec: BudgetSpec,
    now = new Date(),
  ): Promise<{ budget: BudgetRow; previous?: BudgetRow } | undefined> {
    return this.db.transaction(() => {
      const previous = this.bySubject(userId, spec.subjectKey);
      const at = now.toISOString();
      const info = this.db
        .prepare(
          `INSERT INTO budgets (user_id, subject_key, label, query_json, amount_minor, currency, created_at, updated_at, demo)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
           ON CONFLICT (user_id, subject_key) DO UPDATE SET label = excluded.label,
             query_json = excluded.query_json, amount_minor = excluded.amount_minor,
             currency = excluded.currency, updated_at = excluded.updated_at, demo = excluded.demo`,
        )
        .run(
          userId,
          spec.subjectKey,
          spec.label,
          spec.queryJson,
          spec.amountMinor,
          spec.currency.toUpperCase(),
          at,
          at,
          spec.demo ? 1 : 0,
          userId,
        );
      if (info.changes === 0) return undefined;
      const budget = this.bySubject(userId, spec.subjectKey)!;
      return previous ? { budget, previous } : { budget };
    })();
  }

  /** Changes the limit of one budget of the user's; returns it as it is now. */
  async setAmount(
    userId: string,
    id: number,
    amountMinor: number,
    now = new Date(),
  ): Promise<BudgetRow | undefined> {
    this.db
      .prepare('UPDATE budgets SET amount_minor = ?, updated_at = ? WHERE user_id = ? AND id = ?')
      .run(amountMinor, now.toISOString(), userId, id);
    return this.get(userId, id);
  }

  async get(userId: string, id: number): Promise<BudgetRow | undefined> {
    return this.db.prepare(`SELECT ${COLUMNS} FROM budgets WHERE user_id = ? AND id = ?`).get(userId, id) as
      BudgetRow | undefined;
  }

  async find(userId: string, subjectKey: string): Promise<BudgetRow | undefined> {
    return this.bySubject(userId, subjectKey);
  }

  /** The user's budgets: all spending first, then by label. */
  async list(userId: string): Promise<BudgetRow[]> {
    return this.db
      .prepare(
        `SELECT ${COLUMNS} FROM budgets WHERE user_id = ?
         ORDER BY CASE WHEN subject_key = 'all' THEN 0 ELSE 1 END, label, id`,
      )
      .all(userId) as BudgetRow[];
  }

  /** Removes one budget; returns whether there was one. */
  async remove(userId: string, subjectKey: string): Promise<boolean> {
    return (
      this.db.prepare('DELETE FROM budgets WHERE user_id = ? AND subject_key = ?').run(userId, subjectKey)
        .changes > 0
    );
  }

  /** Removes every budget of the user's; returns how many there were. */
  async removeAll(userId: string): Promise<number> {
    return this.db.prepare('DELETE FROM budgets WHERE user_id = ?').run(userId).changes;
  }

  /** Everyone with at least one budget (for the scheduler). */
  async usersWithBudgets(): Promise<string[]> {
    return this.db.prepare('SELECT DISTINCT user_id FROM budgets ORDER BY user_id').pluck().all() as string[];
  }

  private bySubject(userId: string, subjectKey: string): BudgetRow | undefined {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM budgets WHERE user_id = ? AND subject_key = ?`)
      .get(userId, subjectKey) as BudgetRow | undefined;
  }
}
