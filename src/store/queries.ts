import type { Statement } from 'better-sqlite3';
import { fromDayInt, toDayInt } from '../day.ts';
import type { Flow, Txn } from '../insights/types.ts';
import type { Catalog } from './catalog.ts';
import { ledgerVersion, type Db } from './db.ts';
import type { GroupBy, QueriesPort, QueryRunner } from './port.ts';
import {
  QueryBuilder,
  type SqlAggregate,
  type SqlFilter,
  type SqlGroup,
  type SqlList,
  type SqlRow,
  type SqlValue,
} from './query-sql.ts';
import type { BalanceRow, GroupedTotal, MoneyTotal, TxnFilter, TxnRow } from './types.ts';
import { setNewest } from '../newest.ts';

export interface UserMerchant {
  id: number;
  name: string;
  count: number;
}

type HistoryRow = Omit<Txn, 'date' | 'merchant' | 'category'> & {
  day: number;
  merchantId: number;
  categoryId: number;
};

/** Prepared statements kept per shape; beyond this many distinct shapes the cache starts again. */
const MAX_SHAPES = 512;

/** The query builder's statements on SQLite, each shape prepared once. */
export class QuerySql extends QueryBuilder implements QueryRunner {
  private readonly cache = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    catalog: Catalog,
  ) {
    super(catalog, 'sqlite');
  }

  /** Values per group (or one per currency without a group). */
  async aggregate(userId: string, q: SqlAggregate): Promise<SqlValue[]> {
    const { sql, args } = this.aggregateSql(userId, q);
    const rows = this.stmt(sql).all(...args) as {
      k: number | string | null;
      currency: string;
      value: number;
      count: number;
    }[];
    return rows.map(({ k, ...r }) => ({ key: k, ...r }));
  }

  /** The matching rows themselves, newest or largest first, a page at a time. */
  async rows(userId: string, q: SqlList): Promise<SqlRow[]> {
    const { sql, args } = this.listSql(userId, q);
    return this.stmt(sql).all(...args) as SqlRow[];
  }

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      if (this.cache.size >= MAX_SHAPES) this.cache.clear();
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}

/** The older filter shape, as the query builder reads it. */
export function sqlFilter(flows: readonly Flow[], f: TxnFilter): SqlFilter {
  return {
    flows,
    start: f.start,
    end: f.end,
    include: { categories: f.categories, merchantIds: f.merchantIds, accountIds: f.accountIds },
    minAbsMinor: f.minAbsMinor,
    maxAbsMinor: f.maxAbsMinor,
  };
}

/** The builder's sum of one flow (money in or out) under a filter: spending counts money out as positive. */
export function flowSum(flow: Flow, filter: TxnFilter, groupBy?: GroupBy): SqlAggregate {
  return { ...sqlFilter([flow], filter), aggregate: 'sum', sign: flow === 'income' ? 1 : -1, groupBy };
}

/** Grouped totals in the order answers show them: months in order, anything else largest first. */
export function orderGrouped(list: GroupedTotal[], by: GroupBy): GroupedTotal[] {
  return by === 'month'
    ? list.sort((a, b) => a.key.localeCompare(b.key))
    : list.sort((a, b) => b.amountMinor - a.amountMinor);
}

/**
 * Named read queries over one user's ledger. Every statement starts with `user_id = ?` so nothing can
 * read across users, and aggregates run in SQL on the covering index.
 */
/** First and last day with data. */
type DataSpan = { first: string; last: string };

export class Queries implements QueriesPort {
  private readonly cache = new Map<string, Statement>();
  private readonly merchantsByUser = new Map<string, { version: string; merchants: UserMerchant[] }>();
  private readonly spans = new Map<string, { version: string; span: DataSpan | undefined }>();
  /** The one builder every answer's SQL comes from. */
  readonly sql: QuerySql;

  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
  ) {
    this.sql = new QuerySql(db, catalog);
  }

  /** Totals per currency. For spending, money out is positive and refunds reduce it. */
  async totals(userId: string, flow: Flow, filter: TxnFilter = {}): Promise<MoneyTotal[]> {
    return (await this.sql.aggregate(userId, flowSum(flow, filter))).map((r) => ({
      currency: r.currency,
      amountMinor: r.value,
      count: r.count,
    }));
  }

  /** Totals per group and currency, largest first (months in order). */
  async grouped(userId: string, flow: Flow, by: GroupBy, filter: TxnFilter = {}): Promise<GroupedTotal[]> {
    const rows = await this.sql.aggregate(userId, flowSum(flow, filter, by));
    const list = rows.map((r) => {
      const [key, label] = this.labelNow(userId, by, r.key);
      return { key, label, currency: r.currency, amountMinor: r.value, count: r.count };
    });
    return orderGrouped(list, by);
  }

  /** The transactions behind an answer, newest first. */
  async transactions(
    userId: string,
    flows: readonly Flow[],
    filter: TxnFilter = {},
    page: { limit: number; offset: number } = { limit: 10, offset: 0 },
  ): Promise<TxnRow[]> {
    return this.page(userId, { ...sqlFilter(flows, filter), order: 'newest', ...page });
  }

  /** A page of rows chosen by the query builder, with merchant and category names filled in. */
  async page(userId: string, list: SqlList): Promise<TxnRow[]> {
    return (await this.sql.rows(userId, list)).map(({ day, merchantId, categoryId, ...r }) => {
      const category = this.catalog.categoryById(categoryId);
      return {
        ...r,
        date: fromDayInt(day),
        merchant: this.catalog.merchantName(merchantId),
        category: category?.code ?? '',
        categoryLabel: category?.label ?? '',
      };
    });
  }

  /**
   * First and last day with data, of all the user's accounts or of the ones given; undefined when there
   * is none. Two index lookups, whatever the number of rows; asked on every answer, so kept per user and
   * accounts until the ledger changes.
   */
  async span(userId: string, accountIds: readonly number[] = []): Promise<DataSpan | undefined> {
    const version = ledgerVersion(this.db);
    const key = `${userId}\u0000${accountIds.join(',')}`;
    const kept = this.spans.get(key);
    if (kept?.version === version) return kept.span && { ...kept.span };
    const only = accountIds.length ? ` AND account_id IN (${accountIds.map(() => '?').join(', ')})` : '';
    const first = this.stmt(`SELECT MIN(posted_on) FROM transactions WHERE user_id = ?${only}`)
      .pluck()
      .get(userId, ...accountIds);
    const last = this.stmt(`SELECT MAX(posted_on) FROM transactions WHERE user_id = ?${only}`)
      .pluck()
      .get(userId, ...accountIds);
    const span =
      typeof first === 'number' && typeof last === 'number'
        ? { first: fromDayInt(first), last: fromDayInt(last) }
        : undefined;
    setNewest(this.spans, key, { version, span }, 5000);
    return span && { ...span };
  }

  /** All of a user's rows since a day, oldest first, for the history-based insights. */
  async history(userId: string, since: string): Promise<Txn[]> {
    const rows = this.stmt(
      `SELECT id, posted_on AS day, amount_minor AS amountMinor, currency, description, merchant_id AS merchantId,
         category_id AS categoryId, account_id AS accountId, flow
       FROM transactions WHERE user_id = ? AND posted_on >= ? ORDER BY posted_on, id`,
    ).all(userId, toDayInt(since)) as HistoryRow[];
    // A year of rows repeats a few hundred days and merchants: each is turned into text once.
    const days = new Map<number, string>();
    const out: Txn[] = new Array<Txn>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as HistoryRow;
      let date = days.get(r.day);
      if (date === undefined) days.set(r.day, (date = fromDayInt(r.day)));
      out[i] = {
        id: r.id,
        amountMinor: r.amountMinor,
        currency: r.currency,
        description: r.description,
        accountId: r.accountId,
        flow: r.flow,
        date,
        merchant: this.catalog.merchantName(r.merchantId),
        category: this.catalog.categoryById(r.categoryId)?.code ?? '',
      };
    }
    return out;
  }

  /**
   * Rows that could be one side of a transfer between the user's own accounts: not yet transfers, and
   * whose amount appears with the opposite sign in another of their accounts in the same window.
   */
  async transferCandidates(
    userId: string,
    start: string,
    end: string,
  ): Promise<
    { id: number; accountId: number; date: string; amountMinor: number; description: string; flow: Flow }[]
  > {
    // Made-up demo rows never pair with the person's own: a transfer has both ends of the same kind.
    const rows = this.stmt(
      `SELECT t.id, t.account_id, t.posted_on, t.amount_minor, a.demo FROM transactions t
       JOIN accounts a ON a.user_id = t.user_id AND a.id = t.account_id
       WHERE t.user_id = ? AND t.posted_on >= ? AND t.posted_on < ? AND t.flow != 'transfer'`,
    )
      .raw()
      .all(userId, toDayInt(start), toDayInt(end)) as [number, number, number, number, number][];
    const key = (amount: number, demo: number) => `${demo}:${amount}`;
    const accountsBySignedAmount = new Map<string, Set<number>>();
    for (const [, account, , amount, demo] of rows) {
      const set = accountsBySignedAmount.get(key(amount, demo)) ?? new Set<number>();
      set.add(account);
      accountsBySignedAmount.set(key(amount, demo), set);
    }
    const ids = rows
      .filter(([, account, , amount, demo]) =>
        [...(accountsBySignedAmount.get(key(-amount, demo)) ?? [])].some((a) => a !== account),
      )
      .map(([id]) => id);
    const detail = this.stmt(
      `SELECT id, account_id AS accountId, posted_on AS day, amount_minor AS amountMinor, description, flow
       FROM transactions WHERE user_id = ? AND id = ?`,
    );
    return ids.map((id) => {
      const { day, ...r } = detail.get(userId, id) as {
        id: number;
        accountId: number;
        day: number;
        amountMinor: number;
        description: string;
        flow: Flow;
      };
      return { ...r, date: fromDayInt(day) };
    });
  }

  /**
   * The newest balance of each account, preferring the ledger balance on the same day; with `before`, the
   * newest one dated before that day (what the balance was at the end of a period).
   */
  async latestBalances(userId: string, before?: string): Promise<BalanceRow[]> {
    const rows = this.stmt(
      `SELECT a.id AS accountId, a.name AS accountName, a.type AS accountType, b.as_of AS day,
         b.amount_minor AS amountMinor, b.currency
       FROM accounts a JOIN balances b ON b.account_id = a.id AND b.user_id = a.user_id
       WHERE a.user_id = ? AND b.as_of < ?
       ORDER BY a.id, b.as_of DESC, CASE b.kind WHEN 'ledger' THEN 0 WHEN 'running' THEN 1 ELSE 2 END`,
    ).all(userId, before ? toDayInt(before) : 99_999_999) as (Omit<BalanceRow, 'asOf'> & { day: number })[];
    const seen = new Set<number>();
    const out: BalanceRow[] = [];
    for (const { day, ...r } of rows) {
      if (seen.has(r.accountId)) continue;
      seen.add(r.accountId);
      out.push({ ...r, asOf: fromDayInt(day) });
    }
    return out;
  }

  /** First and last day with data, per account (so "no data" replies can say what is covered). */
  async coverage(
    userId: string,
  ): Promise<{ accountId: number; first: string; last: string; count: number }[]> {
    const rows = this.stmt(
      `SELECT account_id AS accountId, MIN(posted_on) AS first, MAX(posted_on) AS last, COUNT(*) AS count
       FROM transactions WHERE user_id = ? GROUP BY account_id`,
    ).all(userId) as { accountId: number; first: number; last: number; count: number }[];
    return rows.map((r) => ({ ...r, first: fromDayInt(r.first), last: fromDayInt(r.last) }));
  }

  /**
   * The merchants this user has paid or been paid by, with ids, for matching names they type; transfers
   * between their own accounts ("Chase Card Services") are not merchants. Asked every turn (it is the
   * vocabulary the message is read against), so the answer is kept per user until the ledger changes, and
   * the same array comes back.
   */
  async merchants(userId: string): Promise<readonly UserMerchant[]> {
    const version = ledgerVersion(this.db);
    const kept = this.merchantsByUser.get(userId);
    if (kept?.version === version) return kept.merchants;
    // Counted here rather than by GROUP BY, which sorts every row of the user's in a temporary b-tree
    // first (~25% of this statement on the bench's database); the same counts, in the same id order.
    const ids = this.stmt(
      `SELECT merchant_id FROM transactions
       WHERE user_id = ? AND flow IN ('spending', 'income', 'cash')`,
    )
      .pluck()
      .all(userId) as number[];
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const merchants = [...counts]
      .sort((a, b) => a[0] - b[0])
      .map(([id, count]) => ({ id, count, name: this.catalog.merchantName(id) }));
    setNewest(this.merchantsByUser, userId, { version, merchants }, 5000);
    return merchants;
  }

  /** For every user at once: a write through this connection or a commit by another one to the file. */
  ledgerVersion(): string {
    return ledgerVersion(this.db);
  }

  /** A group's key and display name, for any grouping of the query builder. */
  async label(userId: string, by: SqlGroup, k: number | string | null): Promise<[string, string]> {
    return this.labelNow(userId, by, k);
  }

  private labelNow(userId: string, by: SqlGroup, k: number | string | null): [string, string] {
    switch (by) {
      case 'category': {
        const c = this.catalog.categoryById(Number(k));
        return [c?.code ?? String(k), c?.label ?? 'Other'];
      }
      case 'primary': {
        const primary = String(k ?? 'OTHER');
        return [primary, this.catalog.category(primary)?.label ?? titleCase(primary)];
      }
      case 'merchant':
        return [String(k), this.catalog.merchantName(Number(k))];
      case 'account': {
        const name = this.stmt('SELECT name FROM accounts WHERE user_id = ? AND id = ?')
          .pluck()
          .get(userId, k);
        return [String(k), String(name ?? k)];
      }
      case 'month': {
        const n = Number(k);
        const ym = `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`;
        return [ym, ym];
      }
      case 'day':
      case 'week': {
        const day = fromDayInt(Number(k));
        return [day, day];
      }
      case 'quarter':
      case 'year':
      case 'weekday':
        return [String(k), String(k)];
    }
  }

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}

/** FOOD_AND_DRINK → "Food and drink". */
export function titleCase(code: string): string {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
