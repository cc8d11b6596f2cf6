/**
 * What a measure reads and how one figure of it is computed: flows, sign and direction, the SQL filter of a
 * query's subject and period, and one figure per period (spent, received, net, count, average, largest).
 */
import type { DataSpan } from './defaults.ts';
import { isEmptySubject, type Measure, type Period, type Query, type SubjectFilter } from './query.ts';
import { unitsIn } from './steps.ts';
import type { Flow } from './types.ts';
import type { MoneyTotal, Store, TxnRow } from '../store/index.ts';
import type { SqlAggregate, SqlFilter, SqlSubject } from '../store/query-sql.ts';

export interface ExecContext {
  store: Store;
  userId: string;
  /** Every merchant id behind a canonical name of the user's (spellings differing only in case share a name). */
  merchantIds(name: string): readonly number[];
  /** What the data covers, so steps past its last day can be told apart from steps with nothing spent. */
  span?: DataSpan;
}

/** One figure for one period: per currency, the measure's value in minor units (for counts, the count). */
export interface Figure {
  period?: Period;
  values: MoneyTotal[];
  /** Transactions behind the figure. */
  count: number;
  /** For net and saved: the two sides. */
  received?: MoneyTotal[];
  spent?: MoneyTotal[];
  /** For averages per day, week or month: how many of them the period holds. */
  units?: number;
  /** For the largest charge: the transactions themselves, largest first. */
  rows?: TxnRow[];
}

export type Of = 'spent' | 'received';

/** What a measure sums: its flows, its sign, and whether only money out or in counts. */
export function plan(of: Of): { flows: Flow[]; sign: 1 | -1; direction: 'out' | 'in' } {
  return of === 'spent'
    ? { flows: ['spending'], sign: -1, direction: 'out' }
    : { flows: ['income'], sign: 1, direction: 'in' };
}

export function ofMeasure(m: Measure): Of {
  return 'of' in m ? m.of : m.kind === 'received' ? 'received' : 'spent';
}

/** The SQL filter of a query's subject, period and amount conditions. */
export function filterOf(
  ctx: ExecContext,
  query: Query,
  period: Period | undefined,
  flows: readonly Flow[],
): SqlFilter {
  const subject = (s: SubjectFilter): SqlSubject | undefined =>
    isEmptySubject(s)
      ? undefined
      : {
          categories: s.categories.flatMap((c) => c.codes),
          // Every name is kept even when it has no ids, so an unknown name matches nothing.
          merchantIds: s.merchants.length
            ? s.merchants
                .flatMap((n) => ctx.merchantIds(n))
                .concat(s.merchants.some((n) => !ctx.merchantIds(n).length) ? [-1] : [])
            : undefined,
          accountIds: s.accounts,
          accountTypes: s.accountTypes,
        };
  return {
    flows,
    start: period?.start,
    end: period?.end,
    include: subject(query.filters.include),
    exclude: subject(query.filters.exclude),
    minAbsMinor: query.filters.amount?.minMinor,
    maxAbsMinor: query.filters.amount?.maxMinor,
  };
}

export async function totals(ctx: ExecContext, q: SqlAggregate): Promise<MoneyTotal[]> {
  return (await ctx.store.queries.sql.aggregate(ctx.userId, q)).map((r) => ({
    currency: r.currency,
    amountMinor: r.value,
    count: r.count,
  }));
}

/** The currency most of the transactions are in (the largest amount breaks a tie); USD when there are none. */
export function mainCurrency(values: readonly MoneyTotal[]): string {
  const best = [...values].sort(
    (a, b) => b.count - a.count || Math.abs(b.amountMinor) - Math.abs(a.amountMinor),
  )[0];
  return best?.currency ?? 'USD';
}

export const countOf = (values: readonly MoneyTotal[]) => values.reduce((n, v) => n + v.count, 0);

/** One figure of the query's measure over one period. */
export async function figure(ctx: ExecContext, query: Query, period: Period | undefined): Promise<Figure> {
  const m = query.measure;
  switch (m.kind) {
    case 'spent':
    case 'received': {
      const p = plan(m.kind);
      const values = await totals(ctx, {
        ...filterOf(ctx, query, period, p.flows),
        aggregate: 'sum',
        sign: p.sign,
      });
      return { period, values, count: countOf(values) };
    }
    case 'net':
    case 'saved': {
      const received = await totals(ctx, {
        ...filterOf(ctx, query, period, ['income']),
        aggregate: 'sum',
        sign: 1,
      });
      const spent = await totals(ctx, {
        ...filterOf(ctx, query, period, ['spending']),
        aggregate: 'sum',
        sign: -1,
      });
      const currencies = [...new Set([...received, ...spent].map((t) => t.currency))].sort();
      const values = currencies.map((currency) => {
        const r = received.find((t) => t.currency === currency);
        const s = spent.find((t) => t.currency === currency);
        return {
          currency,
          amountMinor: (r?.amountMinor ?? 0) - (s?.amountMinor ?? 0),
          count: (r?.count ?? 0) + (s?.count ?? 0),
        };
      });
      return { period, values, count: countOf(values), received, spent };
    }
    case 'count': {
      const p = plan(m.of);
      const values = await totals(ctx, {
        ...filterOf(ctx, query, period, p.flows),
        direction: p.direction,
        aggregate: 'count',
        sign: p.sign,
      });
      return { period, values, count: countOf(values) };
    }
    case 'average': {
      const p = plan(m.of);
      const perRow = m.per === 'transaction';
      const sums = await totals(ctx, {
        ...filterOf(ctx, query, period, p.flows),
        direction: perRow ? p.direction : undefined,
        aggregate: 'sum',
        sign: p.sign,
      });
      const units = perRow
        ? undefined
        : period
          ? unitsIn(period, m.per as 'day' | 'week' | 'month')
          : undefined;
      const values = sums.map((t) => ({
        ...t,
        amountMinor: perRow
          ? t.count
            ? Math.round(t.amountMinor / t.count)
            : 0
          : units
            ? Math.round(t.amountMinor / units)
            : t.amountMinor,
      }));
      return { period, values, count: countOf(sums), units };
    }
    case 'largest': {
      const p = plan(m.of);
      const n = query.ranking?.n ?? 1;
      const rows = await ctx.store.queries.page(ctx.userId, {
        ...filterOf(ctx, query, period, p.flows),
        direction: p.direction,
        order: 'largest',
        limit: n,
        offset: 0,
      });
      const values = rows
        .slice(0, 1)
        .map((r) => ({ currency: r.currency, amountMinor: Math.abs(r.amountMinor), count: 1 }));
      return { period, values, count: rows.length, rows };
    }
    case 'balance':
      return { period, values: [], count: 0 };
  }
}
