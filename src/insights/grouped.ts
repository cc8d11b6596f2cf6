/**
 * Figures per group: breakdowns and rankings by category, merchant, account or weekday, and series of a
 * figure per day, week, month, quarter or year. Grouping and ranking run in SQL; what is done here is
 * bounded by the number of groups or steps.
 */
import { addDays } from '../day.ts';
import { sharesOfTotal, withShares, type Share } from './answers.ts';
import type { DataSpan } from './defaults.ts';
import { figure, filterOf, mainCurrency, ofMeasure, plan, type ExecContext } from './measures.ts';
import type { Period, Query } from './query.ts';
import { seriesSteps, unitsIn, type Grain } from './steps.ts';
import type { Flow } from './types.ts';
import type { MoneyTotal } from '../store/index.ts';
import type { SqlAggregate, SqlGroup } from '../store/query-sql.ts';

export interface SeriesStep {
  period: Period;
  values: MoneyTotal[];
  /** The data does not cover the whole calendar step (a month it ends in, a week it starts in): a partial figure. */
  partial: boolean;
}

export interface BreakdownResult {
  shape: 'breakdown';
  period?: Period;
  by: SqlGroup;
  groups: Share[];
  totals: MoneyTotal[];
}

export interface SeriesResult {
  shape: 'series';
  grain: Grain;
  within: Period;
  steps: SeriesStep[];
  ranked?: SeriesStep[];
}

/** Steps of a series or groups of a time grouping beyond which a reply stops listing. */
const MAX_STEPS = 400;
/** Sum (or count) per group: the value a breakdown or ranking shows for its measure. */
function groupAggregate(
  ctx: ExecContext,
  query: Query,
  period: Period | undefined,
  by: SqlGroup,
  ranked: boolean,
): SqlAggregate {
  const m = query.measure;
  const p = plan(ofMeasure(m));
  const count = m.kind === 'count';
  return {
    ...filterOf(ctx, query, period, p.flows),
    direction: count || m.kind === 'largest' ? p.direction : undefined,
    aggregate: count ? 'count' : m.kind === 'largest' ? 'max' : 'sum',
    sign: p.sign,
    groupBy: by,
    ...(ranked && query.ranking
      ? {
          order: query.ranking.order === 'top' ? ('desc' as const) : ('asc' as const),
          limit: query.ranking.n,
        }
      : {}),
  };
}

interface GroupValue {
  key: number | string | null;
  currency: string;
  value: number;
  count: number;
}

/**
 * The measure's value per group. Net and saved are money in minus spending per group (two statements,
 * ranked here over the groups); everything else is one statement, ranked in SQL when asked.
 */
export async function groupedValues(
  ctx: ExecContext,
  query: Query,
  period: Period | undefined,
  by: SqlGroup,
  ranked: boolean,
): Promise<GroupValue[]> {
  const sql = ctx.store.queries.sql;
  const m = query.measure;
  if (m.kind !== 'net' && m.kind !== 'saved')
    return sql.aggregate(ctx.userId, groupAggregate(ctx, query, period, by, ranked));
  const side = (flow: Flow, sign: 1 | -1) =>
    sql.aggregate(ctx.userId, {
      ...filterOf(ctx, query, period, [flow]),
      aggregate: 'sum',
      sign,
      groupBy: by,
    });
  const out = new Map<string, GroupValue>();
  for (const [rows, sign] of [
    [await side('income', 1), 1],
    [await side('spending', -1), -1],
  ] as const) {
    for (const r of rows) {
      const id = `${r.key}\u0000${r.currency}`;
      const g = out.get(id) ?? { key: r.key, currency: r.currency, value: 0, count: 0 };
      g.value += sign * r.value;
      g.count += r.count;
      out.set(id, g);
    }
  }
  const list = [...out.values()];
  if (!ranked || !query.ranking) return list;
  const dir = query.ranking.order === 'top' ? -1 : 1;
  return list.sort((a, b) => dir * (a.value - b.value)).slice(0, query.ranking.n);
}

/** The SQL grouping for a breakdown: "by category" means detailed categories only within a named category. */
export function groupOf(query: Query): SqlGroup {
  const by = query.groupBy ?? (query.ranking ? 'merchant' : undefined);
  if (by === 'category' || by === undefined)
    return query.filters.include.categories.length ? 'category' : 'primary';
  return by;
}

export async function breakdown(
  ctx: ExecContext,
  query: Query,
  period: Period | undefined,
): Promise<BreakdownResult> {
  const by = groupOf(query);
  const queries = ctx.store.queries;
  // Weekdays are few: all seven are read and ranked here, so a day with nothing can still be the least.
  const inSql = by !== 'weekday';
  const rows = await groupedValues(ctx, query, period, by, inSql);
  let groups = await Promise.all(
    rows.map(async (r) => {
      const [key, label] = await queries.label(ctx.userId, by, r.key);
      return { key, label, currency: r.currency, amountMinor: r.value, count: r.count };
    }),
  );
  if (by === 'weekday') groups = rankWeekdays(groups, query);
  const sums = query.measure.kind === 'spent' || query.measure.kind === 'received';
  const all = (await figure(ctx, { ...query, ranking: undefined }, period)).values;
  const counted = sums && by !== 'weekday' ? groups.filter((g) => g.amountMinor > 0) : groups;
  // A ranking shows a few of the groups: each one's share is of the whole total, not of the few shown.
  const shares =
    query.ranking && sums && by !== 'weekday' ? sharesOfTotal(counted, all) : withShares(counted);
  if (!query.ranking && by !== 'weekday') shares.sort((a, b) => b.amountMinor - a.amountMinor);
  return { shape: 'breakdown', period, by, groups: shares, totals: all };
}

/** Monday first, every day present, ranked when asked. */
function rankWeekdays<T extends { key: string; currency: string; amountMinor: number }>(
  groups: T[],
  query: Query,
): T[] {
  const currency = groups[0]?.currency ?? 'USD';
  const days = [1, 2, 3, 4, 5, 6, 0].map(
    (d) =>
      groups.find((g) => g.key === String(d) && g.currency === currency) ??
      ({
        ...groups[0],
        key: String(d),
        label: String(d),
        currency,
        amountMinor: 0,
        count: 0,
      } as unknown as T),
  );
  if (!query.ranking) return days;
  const dir = query.ranking.order === 'top' ? -1 : 1;
  return [...days].sort((a, b) => dir * (a.amountMinor - b.amountMinor)).slice(0, query.ranking.n);
}

/** One figure per step of a series (or per month of a "by month" breakdown), zeros included. */
export async function series(ctx: ExecContext, query: Query): Promise<SeriesResult> {
  const within =
    query.series?.within ??
    query.periods[0] ??
    (ctx.span
      ? { start: ctx.span.first, end: addOne(ctx.span.last), label: '', grain: 'custom' as const }
      : undefined);
  const grain = query.series?.grain ?? 'month';
  if (!within)
    return { shape: 'series', grain, within: { start: '', end: '', label: '', grain: 'custom' }, steps: [] };
  // Steps wholly before the first day of data or after its last hold nothing to say, not a zero.
  const span = ctx.span;
  const steps = seriesSteps({ grain, within }, MAX_STEPS).filter(
    (st) => !span || (st.period.end > span.first && st.period.start <= span.last),
  );
  const afterLast = span ? addOne(span.last) : '';
  const rows = await groupedValues(ctx, query, within, grain, false);
  const m = query.measure;
  const per = m.kind === 'average' && m.per !== 'transaction' ? m.per : undefined;
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const out: SeriesStep[] = steps.map((s) => ({
    period: s.period,
    values: (currencies.length ? currencies : ['USD']).map((currency) => {
      const r = rows.find((x) => Number(x.key) === s.key && x.currency === currency);
      const value = r?.value ?? 0;
      return {
        currency,
        amountMinor: per ? Math.round(value / unitsIn(s.period, per)) : value,
        count: r?.count ?? 0,
      };
    }),
    partial: span ? !coversStep(span, grain, s.full, afterLast) : false,
  }));
  let ranked: SeriesStep[] | undefined;
  if (query.ranking) {
    const whole = out.filter((s) => !s.partial);
    const pool = whole.length ? whole : out;
    const dir = query.ranking.order === 'top' ? -1 : 1;
    const currency = mainCurrency(out.flatMap((st) => st.values));
    const value = (st: SeriesStep) => st.values.find((v) => v.currency === currency)?.amountMinor ?? 0;
    ranked = [...pool].sort((a, b) => dir * (value(a) - value(b))).slice(0, query.ranking.n);
  }
  return { shape: 'series', grain, within, steps: out, ranked };
}

const addOne = (day: string) => addDays(day, 1);

/**
 * Whether the data covers a whole calendar step: it runs to the step's last day, and starts by its first day
 * (for months and longer, within its first week: a first charge on the 5th still covers the month).
 */
export function coversStep(
  span: DataSpan,
  grain: Grain,
  full: Pick<Period, 'start' | 'end'>,
  afterLast = addOne(span.last),
): boolean {
  // Steps of a month or longer start on a 1st, so their first week ends on the 7th of the same month.
  const firstWeek = grain === 'day' || grain === 'week' ? full.start : `${full.start.slice(0, 8)}07`;
  return full.end <= afterLast && span.first <= firstWeek;
}
