import type { BudgetRow, BudgetSpec } from '../budgets.ts';
import type { BudgetsPort } from '../port.ts';
import type { PgDb } from './db.ts';

const COLUMNS = `id, user_id AS "userId", subject_key AS "subjectKey", label, query_json AS "queryJson",
  amount_minor AS "amountMinor", currency, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** People's monthly budgets on PostgreSQL (see the SQLite `Budgets`). */
export class PgBudgets implements BudgetsPort {
  constructor(private readonly db: PgDb) {}

  async set(
    userId: string,
    spec: BudgetSpec,
    now = new Date(),
  ): Promise<{ budget: BudgetRow; previous?: BudgetRow } | undefined> {
    return this.db.tx(async () => {
      const previous = await this.find(userId, spec.subjectKey);
      const at = now.toISOString();
      const saved = await this.db.query(
        `INSERT INTO budgets (user_id, subject_key, label, query_json, amount_minor, currency, created_at, updated_at, demo)
         SELECT $1, $2, $3, $4, $5, $6, $7, $7, $8 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
         ON CONFLICT (user_id, subject_key) DO UPDATE SET label = excluded.label,
           query_json = excluded.query_json, amount_minor = excluded.amount_minor,
           currency = excluded.currency, updated_at = excluded.updated_at, demo = excluded.demo`,
        [
          userId,
          spec.subjectKey,
          spec.label,
          spec.queryJson,
          spec.amountMinor,
          spec.currency.toUpperCase(),
          at,
          spec.demo ? 1 : 0,
        ],
      );
      if (!saved.rowCount) return undefined;
      const budget = (await this.find(userId, spec.subjectKey))!;
      return previous ? { budget, previous } : { budget };
    });
  }

  async setAmount(
    userId: string,
    id: number,
    amountMinor: number,
    now = new Date(),
  ): Promise<BudgetRow | undefined> {
    await this.db.query(
      'UPDATE budgets SET amount_minor = $1, updated_at = $2 WHERE user_id = $3 AND id = $4',
      [amountMinor, now.toISOString(), userId, id],
    );
    return this.get(userId, id);
  }

  async get(userId: string, id: number): Promise<BudgetRow | undefined> {
    return this.db.one<BudgetRow & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM budgets WHERE user_id = $1 AND id = $2`,
      [userId, id],
    );
  }

  async find(userId: string, subjectKey: string): Promise<BudgetRow | undefined> {
    return this.db.one<BudgetRow & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM budgets WHERE user_id = $1 AND subject_key = $2`,
      [userId, subjectKey],
    );
  }

  async list(userId: string): Promise<BudgetRow[]> {
    return this.db.rows<BudgetRow & Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM budgets WHERE user_id = $1
       ORDER BY CASE WHEN subject_key = 'all' THEN 0 ELSE 1 END, label, id`,
      [userId],
    );
  }

  async remove(userId: string, subjectKey: string): Promise<boolean> {
    const removed = await this.db.query('DELETE FROM budgets WHERE user_id = $1 AND subject_key = $2', [
      userId,
      subjectKey,
    ]);
    return (removed.rowCount ?? 0) > 0;
  }

  async removeAll(userId: string): Promise<number> {
    return (await this.db.query('DELETE FROM budgets WHERE user_id = $1', [userId])).rowCount ?? 0;
  }

  async usersWithBudgets(): Promise<string[]> {
    const rows = await this.db.rows<{ userId: string }>(
      'SELECT DISTINCT user_id AS "userId" FROM budgets ORDER BY user_id',
    );
    return rows.map((r) => r.userId);
  }
}
