/**
 * The one executor: runs any `Query` through the store's SQL builder and returns the numbers an answer
 * needs. Aggregates are computed in SQL; what happens here is bounded by the number of groups or steps,
 * never by the number of rows. No wording here.
 */
import { previousLikePeriods } from './answers.ts';
import { comparePeriods, type Mover } from './compare.ts';
import {
  breakdown,
  groupedValues,
  groupOf,
  series,
  type BreakdownResult,
  type SeriesResult,
} from './grouped.ts';
import {
  figure,
  filterOf,
  mainCurrency,
  ofMeasure,
  plan,
  type ExecContext,
  type Figure,
} from './measures.ts';
import type { Period, Query, SubjectFilter } from './query.ts';
import type { Flow } from './types.ts';
import type { BalanceRow, TxnRow } from '../store/index.ts';
import type { SqlGroup } from '../store/query-sql.ts';

export { figure, mainCurrency, type ExecContext, type Figure } from './measures.ts';
export { coversStep, type SeriesStep } from './grouped.ts';

export type QueryResult =
  | { shape: 'figures'; figures: Figure[] }
  | { shape: 'periods'; figures: Figure[]; movers: Mover[]; moverKey: SqlGroup }
  | { shape: 'subjects'; subjects: { label: string; figures: Figure[] }[] }
  | BreakdownResult
  | SeriesResult
  | { shape: 'list'; period?: Period; rows: TxnRow[]; more: boolean; offset: number }
  | { shape: 'balances'; rows: BalanceRow[]; asOf?: Period; latest?: BalanceRow[] };

/** Runs a query whose periods are already resolved (an empty list means all the user's data). */
export async function execute(
  ctx: ExecContext,
  query: Query,
  page: { offset: number; limit: number } = { offset: 0, limit: 10 },
): Promise<QueryResult> {
  const m = query.measure;
  if (m.kind === 'balance') {
    const asOf = query.periods[0];
    const rows = await balances(ctx, query, asOf?.end);
    // No balance known by then: the latest ones, each with its date, rather than nothing or a guess.
    const latest = asOf && rows.length === 0 ? await balances(ctx, query) : undefined;
    return { shape: 'balances', rows, asOf, latest };
  }
  if (query.form === 'list') return list(ctx, query, query.periods[0], page);
  if (query.series || query.groupBy === 'month') return series(ctx, query);
  if (query.comparison?.kind === 'subjects') {
    const periods = periodsOf(query);
    const subjects = await Promise.all(
      query.comparison.subjects.map(async (s) => ({
        label: s.label,
        figures: await Promise.all(
          periods.map((p) =>
            figure(
              ctx,
              { ...query, filters: { ...query.filters, include: merge(query.filters.include, s.include) } },
              p,
            ),
          ),
        ),
      })),
    );
    return { shape: 'subjects', subjects };
  }
  if (query.comparison?.kind === 'periods') return comparison(ctx, query);
  const grouped =
    query.form === 'breakdown' ||
    query.groupBy !== undefined ||
    (query.ranking !== undefined && m.kind !== 'largest');
  if (grouped) return breakdown(ctx, query, query.periods[0]);
  return { shape: 'figures', figures: await Promise.all(periodsOf(query).map((p) => figure(ctx, query, p))) };
}

/** The periods of a query, or one "all data" pseudo-period. */
function periodsOf(query: Query): (Period | undefined)[] {
  return query.periods.length ? query.periods : [undefined];
}

/** A subject's own lists where it has them, the query's where it does not. */
export function merge(base: SubjectFilter, own: SubjectFilter): SubjectFilter {
  return {
    categories: own.categories.length ? own.categories : base.categories,
    merchants: own.merchants.length ? own.merchants : base.merchants,
    accounts: own.accounts.length ? own.accounts : base.accounts,
    accountTypes: own.accountTypes.length ? own.accountTypes : base.accountTypes,
  };
}

/** Periods side by side, earlier first, with what moved most between the last two. */
async function comparison(ctx: ExecContext, query: Query): Promise<QueryResult> {
  const given = query.periods;
  const periods = given.length === 1 ? [previousLikePeriods(given[0]!, 1)[0]!, given[0]!] : [...given];
  periods.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const figures = await Promise.all(periods.map((p) => figure(ctx, query, p)));
  const moverKey: SqlGroup =
    query.groupBy && query.groupBy !== 'month' && query.groupBy !== 'weekday'
      ? groupOf(query)
      : query.filters.include.categories.length
        ? 'merchant'
        : 'primary';
  let movers: Mover[] = [];
  const sums = query.measure.kind === 'spent' || query.measure.kind === 'received';
  if (sums && periods.length >= 2) {
    const [a, b] = await Promise.all(
      periods.slice(-2).map(async (p) =>
        Promise.all(
          (await groupedValues(ctx, query, p, moverKey, false)).map(async (r) => ({
            key: (await ctx.store.queries.label(ctx.userId, moverKey, r.key))[1],
            currency: r.currency,
            amountMinor: r.value,
          })),
        ),
      ),
    );
    const currency = mainCurrency([...(figures.at(-1)?.values ?? []), ...(figures[0]?.values ?? [])]);
    movers = comparePeriods(a ?? [], b ?? []).find((c) => c.currency === currency)?.movers ?? [];
  }
  return { shape: 'periods', figures, movers, moverKey };
}

async function list(
  ctx: ExecContext,
  query: Query,
  period: Period | undefined,
  page: { offset: number; limit: number },
): Promise<QueryResult> {
  const m = query.measure;
  const flows: Flow[] =
    m.kind === 'net' || m.kind === 'saved' ? ['spending', 'income'] : plan(ofMeasure(m)).flows;
  const largest = m.kind === 'largest' || query.ranking?.order === 'top';
  const limit = query.ranking ? Math.min(query.ranking.n, page.limit) : page.limit;
  const rows = await ctx.store.queries.page(ctx.userId, {
    ...filterOf(ctx, query, period, flows),
    direction: largest || m.kind === 'count' ? plan(ofMeasure(m)).direction : undefined,
    order: largest ? 'largest' : 'newest',
    limit: limit + 1,
    offset: page.offset,
  });
  const more = !query.ranking && rows.length > limit;
  return { shape: 'list', period, rows: rows.slice(0, limit), more, offset: page.offset };
}

/** The latest balance of each matching account; with `before`, the latest one dated before that day. */
async function balances(ctx: ExecContext, query: Query, before?: string): Promise<BalanceRow[]> {
  const { include, exclude } = query.filters;
  const rows = await ctx.store.queries.latestBalances(ctx.userId, before);
  return rows.filter(
    (b) =>
      (!include.accounts.length || include.accounts.includes(b.accountId)) &&
      (!include.accountTypes.length || include.accountTypes.includes(b.accountType)) &&
      !exclude.accounts.includes(b.accountId) &&
      !exclude.accountTypes.includes(b.accountType),
  );
}
