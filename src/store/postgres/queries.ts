import { fromDayInt, toDayInt } from '../../day.ts';
import type { Flow, Txn } from '../../insights/types.ts';
import type { GroupBy, QueriesPort, QueryRunner } from '../port.ts';
import { flowSum, orderGrouped, sqlFilter, titleCase } from '../queries.ts';
import {
  QueryBuilder,
  type SqlAggregate,
  type SqlGroup,
  type SqlList,
  type SqlRow,
  type SqlValue,
} from '../query-sql.ts';
import type { BalanceRow, GroupedTotal, MoneyTotal, TxnFilter, TxnRow } from '../types.ts';
import type { PgCatalog } from './catalog.ts';
import { numbered, type PgDb } from './db.ts';

/** The query builder's statements on PostgreSQL. */
class PgQuerySql extends QueryBuilder implements QueryRunner {
  constructor(
    private readonly db: PgDb,
    catalog: PgCatalog,
  ) {
    super(catalog, 'postgres');
  }

  async aggregate(userId: string, q: SqlAggregate): Promise<SqlValue[]> {
    const { sql, args } = this.aggregateSql(userId, q);
    const rows = await this.db.rows<{
      k: number | string | null;
      currency: string;
      value: number;
      count: number;
    }>(numbered(sql), args);
    return rows.map(({ k, ...r }) => ({ key: k, ...r }));
  }

  async rows(userId: string, q: SqlList): Promise<SqlRow[]> {
    const { sql, args } = this.listSql(userId, q);
    return this.db.rows<SqlRow & Record<string, unknown>>(numbered(sql), args);
  }
}

/** Named read queries over one user's ledger on PostgreSQL; every statement is scoped by `user_id`. */
export class PgQueries implements QueriesPort {
  readonly sql: PgQuerySql;

  constructor(
    private readonly db: PgDb,
    private readonly catalog: PgCatalog,
  ) {
    this.sql = new PgQuerySql(db, catalog);
  }

  async totals(userId: string, flow: Flow, filter: TxnFilter = {}): Promise<MoneyTotal[]> {
    const rows = await this.sql.aggregate(userId, flowSum(flow, filter));
    return rows.map((r) => ({ currency: r.currency, amountMinor: r.value, count: r.count }));
  }

  async grouped(userId: string, flow: Flow, by: GroupBy, filter: TxnFilter = {}): Promise<GroupedTotal[]> {
    const rows = await this.sql.aggregate(userId, flowSum(flow, filter, by));
    const list = await Promise.all(
      rows.map(async (r) => {
        const [key, label] = await this.label(userId, by, r.key);
        return { key, label, currency: r.currency, amountMinor: r.value, count: r.count };
      }),
    );
    return orderGrouped(list, by);
  }

  async transactions(
    userId: string,
    flows: readonly Flow[],
    filter: TxnFilter = {},
    page: { limit: number; offset: number } = { limit: 10, offset: 0 },
  ): Promise<TxnRow[]> {
    return this.page(userId, { ...sqlFilter(flows, filter), order: 'newest', ...page });
  }

  async page(userId: string, list: SqlList): Promise<TxnRow[]> {
    const rows = await this.sql.rows(userId, list);
    const names = await this.catalog.merchantNames(rows.map((r) => r.merchantId));
    return rows.map(({ day, merchantId, categoryId, ...r }) => {
      const category = this.catalog.categoryById(categoryId);
      return {
        ...r,
        date: fromDayInt(day),
        merchant: names.get(merchantId) ?? '',
        category: category?.code ?? '',
        categoryLabel: category?.label ?? '',
      };
    });
  }

  async span(
    userId: string,
    accountIds: readonly number[] = [],
  ): Promise<{ first: string; last: string } | undefined> {
    const only = accountIds.length ? ' AND account_id = ANY($2::bigint[])' : '';
    const row = await this.db.one<{ first: number | null; last: number | null }>(
      `SELECT MIN(posted_on) AS first, MAX(posted_on) AS last FROM transactions WHERE user_id = $1${only}`,
      accountIds.length ? [userId, accountIds] : [userId],
    );
    return typeof row?.first === 'number' && typeof row.last === 'number'
      ? { first: fromDayInt(row.first), last: fromDayInt(row.last) }
      : undefined;
  }

  async history(userId: string, since: string): Promise<Txn[]> {
    const rows = await this.db.rows<{
      id: number;
      day: number;
      amountMinor: number;
      currency: string;
      description: string;
      merchantId: number;
      categoryId: number;
      accountId: number;
      flow: Flow;
    }>(
      `SELECT id, posted_on AS day, amount_minor AS "amountMinor", currency, description, merchant_id AS "merchantId",
         category_id AS "categoryId", account_id AS "accountId", flow
       FROM transactions WHERE user_id = $1 AND posted_on >= $2 ORDER BY posted_on, id`,
      [userId, toDayInt(since)],
    );
    const names = await this.catalog.merchantNames(rows.map((r) => r.merchantId));
    return rows.map(({ day, merchantId, categoryId, ...r }) => ({
      ...r,
      date: fromDayInt(day),
      merchant: names.get(merchantId) ?? '',
      category: this.catalog.categoryById(categoryId)?.code ?? '',
    }));
  }

  async transferCandidates(
    userId: string,
    start: string,
    end: string,
  ): Promise<
    { id: number; accountId: number; date: string; amountMinor: number; description: string; flow: Flow }[]
  > {
    // Made-up demo rows never pair with the person's own: a transfer has both ends of the same kind.
    const rows = await this.db.rows<{
      id: number;
      accountId: number;
      day: number;
      amountMinor: number;
      description: string;
      flow: Flow;
      demo: number;
    }>(
      `SELECT t.id, t.account_id AS "accountId", t.posted_on AS day, t.amount_minor AS "amountMinor",
         t.description, t.flow, a.demo
       FROM transactions t JOIN accounts a ON a.user_id = t.user_id AND a.id = t.account_id
       WHERE t.user_id = $1 AND t.posted_on >= $2 AND t.posted_on < $3 AND t.flow != 'transfer'`,
      [userId, toDayInt(start), toDayInt(end)],
    );
    const key = (amount: number, demo: number) => `${demo}:${amount}`;
    const accountsBySignedAmount = new Map<string, Set<number>>();
    for (const r of rows) {
      const set = accountsBySignedAmount.get(key(r.amountMinor, r.demo)) ?? new Set<number>();
      set.add(r.accountId);
      accountsBySignedAmount.set(key(r.amountMinor, r.demo), set);
    }
    return rows
      .filter((r) =>
        [...(accountsBySignedAmount.get(key(-r.amountMinor, r.demo)) ?? [])].some((a) => a !== r.accountId),
      )
      .map(({ day, demo: _demo, ...r }) => ({ ...r, date: fromDayInt(day) }));
  }

  async latestBalances(userId: string, before?: string): Promise<BalanceRow[]> {
    const rows = await this.db.rows<Omit<BalanceRow, 'asOf'> & { day: number }>(
      `SELECT a.id AS "accountId", a.name AS "accountName", a.type AS "accountType", b.as_of AS day,
         b.amount_minor AS "amountMinor", b.currency
       FROM accounts a JOIN balances b ON b.account_id = a.id AND b.user_id = a.user_id
       WHERE a.user_id = $1 AND b.as_of < $2
       ORDER BY a.id, b.as_of DESC, CASE b.kind WHEN 'ledger' THEN 0 WHEN 'running' THEN 1 ELSE 2 END`,
      [userId, before ? toDayInt(before) : 99_999_999],
    );
    const seen = new Set<number>();
    const out: BalanceRow[] = [];
    for (const { day, ...r } of rows) {
      if (seen.has(r.accountId)) continue;
      seen.add(r.accountId);
      out.push({ ...r, asOf: fromDayInt(day) });
    }
    return out;
  }

  async coverage(
    userId: string,
  ): Promise<{ accountId: number; first: string; last: string; count: number }[]> {
    const rows = await this.db.rows<{ accountId: number; first: number; last: number; count: number }>(
      `SELECT account_id AS "accountId", MIN(posted_on) AS first, MAX(posted_on) AS last, COUNT(*) AS count
       FROM transactions WHERE user_id = $1 GROUP BY account_id ORDER BY account_id`,
      [userId],
    );
    return rows.map((r) => ({ ...r, first: fromDayInt(r.first), last: fromDayInt(r.last) }));
  }

  async merchants(userId: string): Promise<{ id: number; name: string; count: number }[]> {
    const rows = await this.db.rows<{ id: number; count: number }>(
      `SELECT merchant_id AS id, COUNT(*) AS count FROM transactions
       WHERE user_id = $1 AND flow IN ('spending', 'income', 'cash') GROUP BY merchant_id ORDER BY merchant_id`,
      [userId],
    );
    const names = await this.catalog.merchantNames(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, name: names.get(r.id) ?? '' }));
  }

  /**
   * A cheap marker of the user's transactions, read from the rows themselves so a write by any instance
   * shows: how many there are (a removal), the highest id (an import, even after a deletion, as ids are
   * never reused) and the newest row version's transaction id (a re-labelled category or flow).
   */
  async ledgerVersion(userId: string): Promise<string> {
    const row = await this.db.one<{ count: string; top: string | null; written: string | null }>(
      `SELECT COUNT(*)::text AS count, MAX(id)::text AS top, MAX(xmin::text::bigint)::text AS written
       FROM transactions WHERE user_id = $1`,
      [userId],
    );
    return `${row?.count ?? 0}:${row?.top ?? 0}:${row?.written ?? 0}`;
  }

  async label(userId: string, by: SqlGroup, k: number | string | null): Promise<[string, string]> {
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
        return [String(k), (await this.catalog.merchantNames([Number(k)])).get(Number(k)) ?? ''];
      case 'account': {
        const row = await this.db.one<{ name: string }>(
          'SELECT name FROM accounts WHERE user_id = $1 AND id = $2',
          [userId, Number(k)],
        );
        return [String(k), String(row?.name ?? k)];
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
}
