import { toDayInt } from '../day.ts';
import type { AccountType } from '../ingest/types.ts';
import type { Flow } from '../insights/types.ts';
import type { CatalogPort } from './port.ts';

/**
 * The one SQL builder behind every answer: a typed description of which of a user's transactions to read
 * and how to aggregate them becomes one parameterised statement. Every statement's WHERE starts with
 * `t.user_id = ?` and its first argument is the user id; values only ever travel as arguments; statements
 * are prepared once per shape and reused.
 */

/** Grouping keys: the dimensions of a breakdown, and the steps of a series. */
export type SqlGroup =
  'category' | 'primary' | 'merchant' | 'account' | 'month' | 'weekday' | 'day' | 'week' | 'quarter' | 'year';

/** One side of a filter. Within a list entries are alternatives; across lists they all apply. */
export interface SqlSubject {
  /** Taxonomy codes, primary or detailed; a primary code stands for every detailed code under it. */
  categories?: readonly string[];
  merchantIds?: readonly number[];
  accountIds?: readonly number[];
  accountTypes?: readonly AccountType[];
}

/** Which rows: the user's, in the flows and period given, narrowed by include and exclude. */
export interface SqlFilter {
  flows: readonly Flow[];
  /** Half-open ISO days; absent = all the user's data. */
  start?: string;
  end?: string;
  include?: SqlSubject;
  /** Rows matching any entry of any list are left out. */
  exclude?: SqlSubject;
  /** Inclusive bounds on each row's absolute amount, minor units. */
  minAbsMinor?: number;
  maxAbsMinor?: number;
  /** Only money out (charges) or only money in. */
  direction?: 'out' | 'in';
}

export interface SqlAggregate extends SqlFilter {
  /** `sum`: Σ sign·amount; `count`: rows; `max`: the largest sign·amount of one row. */
  aggregate: 'sum' | 'count' | 'max';
  /** −1 turns money out into positive spending (refunds then reduce it); 1 keeps money in positive. */
  sign: 1 | -1;
  groupBy?: SqlGroup;
  /** Orders groups by their value and keeps `limit` of them (ranking). */
  order?: 'desc' | 'asc';
  limit?: number;
}

/**
 * One value per group and currency. `key` is the group's id: a category, merchant or account id, a primary
 * code, yyyymm, yyyyq (2026 Q1 = 20261), yyyy, a yyyymmdd day (for week: its Monday), or weekday 0–6 (Sunday 0).
 */
export interface SqlValue {
  key: number | string | null;
  currency: string;
  value: number;
  count: number;
}

export interface SqlList extends SqlFilter {
  order: 'newest' | 'largest';
  limit: number;
  offset: number;
}

export interface SqlRow {
  id: number;
  day: number;
  amountMinor: number;
  currency: string;
  description: string;
  merchantId: number;
  categoryId: number;
  flow: Flow;
  accountId: number;
  accountName: string;
}

/** The SQL dialects the builder writes: they differ only in calendar functions. */
export type Dialect = 'sqlite' | 'postgres';

/** The row's day as an ISO string, for SQLite's date functions. */
const ISO_DAY = "printf('%04d-%02d-%02d', t.posted_on / 10000, t.posted_on / 100 % 100, t.posted_on % 100)";
/** The row's day as a PostgreSQL date. */
const PG_DAY = "to_date(t.posted_on::text, 'YYYYMMDD')";

const GROUP_SQL: Record<SqlGroup, string> = {
  category: 't.category_id',
  primary: 'c.primary_code',
  merchant: 't.merchant_id',
  account: 't.account_id',
  day: 't.posted_on',
  month: 't.posted_on / 100',
  quarter: '(t.posted_on / 10000) * 10 + (t.posted_on / 100 % 100 + 2) / 3',
  year: 't.posted_on / 10000',
  // Weeks start on Monday: six days back, then forward to the next Monday (or the same day).
  week: `CAST(strftime('%Y%m%d', ${ISO_DAY}, '-6 days', 'weekday 1') AS INTEGER)`,
  weekday: `CAST(strftime('%w', ${ISO_DAY}) AS INTEGER)`,
};

/** PostgreSQL's spelling of the groupings that need calendar functions. */
const PG_GROUP_SQL: Partial<Record<SqlGroup, string>> = {
  week: `CAST(to_char(date_trunc('week', ${PG_DAY}), 'YYYYMMDD') AS INTEGER)`,
  weekday: `CAST(extract(dow FROM ${PG_DAY}) AS INTEGER)`,
};

/**
 * Builds the statements; the engine's runner executes them. Placeholders are `?` in both dialects (the
 * PostgreSQL runner numbers them) and output names are quoted, so both engines return the same keys.
 */
export class QueryBuilder {
  constructor(
    protected readonly catalog: CatalogPort,
    private readonly dialect: Dialect = 'sqlite',
  ) {}

  /** The statement and its arguments for an aggregate (exposed so tests can read what runs). */
  aggregateSql(userId: string, q: SqlAggregate): { sql: string; args: unknown[] } {
    const where = this.where(userId, q);
    const amount = q.sign === -1 ? '-t.amount_minor' : 't.amount_minor';
    const value = { sum: `SUM(${amount})`, count: 'COUNT(*)', max: `MAX(${amount})` }[q.aggregate];
    const key = q.groupBy
      ? ((this.dialect === 'postgres' ? PG_GROUP_SQL[q.groupBy] : undefined) ?? GROUP_SQL[q.groupBy])
      : 'NULL';
    const join = q.groupBy === 'primary' ? ' JOIN categories c ON c.id = t.category_id' : '';
    const group = q.groupBy ? 'GROUP BY k, currency' : 'GROUP BY currency';
    let tail = q.groupBy ? ' ORDER BY k, currency' : ' ORDER BY currency';
    const args = where.args;
    if (q.order) {
      tail = ` ORDER BY value ${q.order === 'desc' ? 'DESC' : 'ASC'}, k`;
      if (q.limit !== undefined) {
        tail += ' LIMIT ?';
        args.push(q.limit);
      }
    }
    const sql =
      `SELECT ${key} AS k, t.currency AS currency, ${value} AS value, COUNT(*) AS "count"` +
      ` FROM transactions t${join} WHERE ${where.sql} ${group}${tail}`;
    return { sql, args };
  }

  /** The statement and its arguments for a page of rows. */
  listSql(userId: string, q: SqlList): { sql: string; args: unknown[] } {
    const where = this.where(userId, q);
    const order =
      q.order === 'largest'
        ? 'ABS(t.amount_minor) DESC, t.posted_on DESC, t.id DESC'
        : 't.posted_on DESC, t.id DESC';
    const sql =
      'SELECT t.id AS id, t.posted_on AS day, t.amount_minor AS "amountMinor", t.currency AS currency,' +
      ' t.description AS description, t.merchant_id AS "merchantId", t.category_id AS "categoryId", t.flow AS flow,' +
      ' t.account_id AS "accountId", a.name AS "accountName"' +
      ` FROM transactions t JOIN accounts a ON a.user_id = t.user_id AND a.id = t.account_id WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`;
    return { sql, args: [...where.args, q.limit, q.offset] };
  }

  private where(userId: string, f: SqlFilter): { sql: string; args: unknown[] } {
    const parts = ['t.user_id = ?'];
    const args: unknown[] = [userId];
    const add = (clause: string, ...values: unknown[]) => {
      parts.push(clause);
      args.push(...values);
    };
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    if (f.start) add('t.posted_on >= ?', toDayInt(f.start));
    if (f.end) add('t.posted_on < ?', toDayInt(f.end));
    add(`t.flow IN (${marks(f.flows.length)})`, ...f.flows);
    if (f.direction) parts.push(f.direction === 'out' ? 't.amount_minor < 0' : 't.amount_minor > 0');
    if (f.minAbsMinor !== undefined) add('ABS(t.amount_minor) >= ?', f.minAbsMinor);
    if (f.maxAbsMinor !== undefined) add('ABS(t.amount_minor) <= ?', f.maxAbsMinor);
    const lists = (s: SqlSubject | undefined, not: boolean) => {
      if (!s) return;
      const op = not ? 'NOT IN' : 'IN';
      const ids = (
        col: string,
        values: readonly unknown[] | undefined,
        resolved: readonly unknown[] | undefined = values,
      ) => {
        if (!values?.length) return;
        // A name that resolves to nothing matches nothing (or, excluded, leaves everything): -1 is no id.
        const list = resolved?.length ? resolved : [-1];
        add(`${col} ${op} (${marks(list.length)})`, ...list);
      };
      ids('t.category_id', s.categories, s.categories && this.catalog.categoryIds(s.categories));
      ids('t.merchant_id', s.merchantIds);
      ids('t.account_id', s.accountIds);
      if (s.accountTypes?.length) {
        add(
          `t.account_id ${op} (SELECT id FROM accounts WHERE user_id = ? AND type IN (${marks(s.accountTypes.length)}))`,
          userId,
          ...s.accountTypes,
        );
      }
    };
    lists(f.include, false);
    lists(f.exclude, true);
    return { sql: parts.join(' AND '), args };
  }
}
