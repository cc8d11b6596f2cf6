/** Replies over time and across accounts: periods compared, a series step by step, balances. */
import { trendCard } from '../charts/cards.ts';
import { mainCurrency, type QueryResult } from '../insights/execute.ts';
import { currencyExponent, formatMoney } from '../money.ts';
import type { Asked } from './asked.ts';
import {
  accountIdsOf,
  accountsText,
  dayText,
  moneyText,
  percentText,
  periodText,
  stepText,
  subjectText,
} from './describe.ts';
import { valueText } from './figures.ts';
import type { Reply } from './types.ts';
import { dataEndsIn, workingOf } from './working.ts';

/** Latest balance of each account (or the ones asked about), with its as-of date. */
export function balancesReply(a: Asked, result: Extract<QueryResult, { shape: 'balances' }>): Reply {
  const rows = result.rows.length ? result.rows : (result.latest ?? []);
  const narrowed =
    a.query.filters.include.accounts.length > 0 || a.query.filters.include.accountTypes.length > 0;
  // Accounts asked about whose statements give no balance are named, never left out without a word.
  const shown = new Set(rows.map((r) => r.accountId));
  const without = askedAccounts(a, narrowed)
    .filter((account) => !shown.has(account.id))
    .map((account) => account.name);
  if (rows.length === 0)
    return {
      template: 'NoBalances',
      data: { without: narrowed ? without : [] },
      suggestions: ['Link an account'],
    };
  const cash = rows.filter((r) => r.accountType !== 'credit_card');
  const byCurrency = new Map<string, number>();
  for (const r of cash) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.amountMinor);
  return {
    template: 'Balances',
    data: {
      working: workingOf(a.query, undefined, a.ctx.vocabulary, a.span),
      rows: rows.map((r) => ({
        account: r.accountName,
        amount: formatMoney(r.accountType === 'credit_card' ? -r.amountMinor : r.amountMinor, r.currency),
        owed: r.accountType === 'credit_card',
        asOf: dayText(r.asOf),
      })),
      single: rows.length === 1,
      without,
      /** Asked for a period whose balances the statements do not hold: these are the latest instead. */
      notFor: result.latest && !result.rows.length && result.asOf ? periodText(result.asOf) : '',
      cashTotal:
        !narrowed && cash.length > 1
          ? moneyText([...byCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor })))
          : '',
    },
    suggestions: ['Spending this month', 'Income last month'],
  };
}

/** The accounts a balance question covers: the ones it names (by name or kind), or all, less any it leaves out. */
function askedAccounts(a: Asked, narrowed: boolean) {
  const { exclude } = a.query.filters;
  const named = new Set(accountIdsOf(a.query, a.ctx.vocabulary));
  return a.ctx.vocabulary.accounts.filter(
    (account) =>
      (!narrowed || named.has(account.id)) &&
      !exclude.accounts.includes(account.id) &&
      !exclude.accountTypes.includes(account.type),
  );
}

/** Periods side by side, earlier first: each figure, the change, and what moved most. */
export function comparisonReply(a: Asked, result: Extract<QueryResult, { shape: 'periods' }>): Reply {
  const { query, ctx } = a;
  const { figures } = result;
  const older = figures.at(-2);
  const newer = figures.at(-1);
  if (!older || !newer || !older.period || !newer.period) {
    return {
      template: 'ComparePeriodsNeeded',
      suggestions: ['Compare January and February', 'This month vs last month'],
    };
  }
  const currency = mainCurrency([...newer.values, ...older.values]);
  const amount = (f: typeof newer) =>
    query.measure.kind === 'count'
      ? f.count
      : (f.values.find((v) => v.currency === currency)?.amountMinor ?? 0);
  const change = amount(newer) - amount(older);
  const counting = query.measure.kind === 'count';
  const money = (n: number) => (counting ? String(n) : formatMoney(n, currency));
  const movers = result.movers
    .filter((m) => m.change !== 0)
    .slice(0, 3)
    .map((m) => `${m.key} ${m.change > 0 ? 'up' : 'down'} ${formatMoney(Math.abs(m.change), currency)}`);
  const working = workingOf(query, undefined, ctx.vocabulary, a.span, currency);
  working.period = figures.map((f) => (f.period ? periodText(f.period) : '')).join(' vs ');
  // A period the data stops inside ("this month" three days in) is not like for like: the answer says so.
  const partly = dataEndsIn(newer.period, a.span);
  working.dataEnds = partly;
  return {
    template: 'ComparePeriods',
    data: {
      working,
      measure: query.measure.kind,
      subject: subjectText(query, ctx.vocabulary),
      periodA: periodText(older.period),
      periodB: periodText(newer.period),
      amountA: valueText(query, older),
      amountB: valueText(query, newer),
      earlier: figures
        .slice(0, -2)
        .map((f) => ({ period: f.period ? periodText(f.period) : '', amount: valueText(query, f) })),
      direction: change > 0 ? 'more' : change < 0 ? 'less' : 'same',
      change: money(Math.abs(change)),
      changePct: amount(older) > 0 ? percentText(change / amount(older)) : '',
      movers,
      accounts: accountsText(ctx.vocabulary, accountIdsOf(query, ctx.vocabulary)).text,
      partly,
    },
    suggestions: ['Break that down by category', 'Show me those'],
  };
}

/** A figure per day, week, month, quarter or year, with a line chart where the channel shows cards. */
export async function seriesReply(
  a: Asked,
  result: Extract<QueryResult, { shape: 'series' }>,
): Promise<Reply> {
  const { query, ctx } = a;
  const currency = mainCurrency(result.steps.flatMap((s) => s.values));
  const counting = query.measure.kind === 'count';
  const valueOf = (s: (typeof result.steps)[number]) => {
    const v = s.values.find((x) => x.currency === currency);
    return counting ? (v?.count ?? 0) : (v?.amountMinor ?? 0);
  };
  // Each step's words once: formatting money is the dearest thing a reply does.
  const words = new Map(
    result.steps.map((s) => [
      s,
      {
        label: stepText(result.grain, s.period),
        amount: counting ? String(valueOf(s)) : formatMoney(valueOf(s), currency),
      },
    ]),
  );
  const said = (s: (typeof result.steps)[number]) => words.get(s)!;
  const rows = result.steps.map((s) => ({ ...said(s), partial: s.partial }));
  const subject = subjectText(query, ctx.vocabulary);
  const accounts = accountsText(ctx.vocabulary, accountIdsOf(query, ctx.vocabulary)).text;
  const whole = result.steps.filter((s) => !s.partial);
  const pool = whole.length ? whole : result.steps;
  const peak = pool.reduce<(typeof pool)[number] | undefined>(
    (best, s) => (!best || valueOf(s) > valueOf(best) ? s : best),
    undefined,
  );
  const values = result.steps.map((s) =>
    counting ? valueOf(s) : valueOf(s) / 10 ** currencyExponent(currency),
  );
  const chart =
    ctx.services.charts && rows.length > 1
      ? await ctx.services.charts
          .line({ labels: rows.map((r) => r.label), series: [{ name: 'Spending', values }], currency })
          .catch(() => undefined)
      : undefined;
  const periodWords = periodText(result.within);
  return {
    template: 'Trend',
    data: {
      working: workingOf(query, result.within, ctx.vocabulary, a.span, currency),
      measure: query.measure.kind,
      grain: result.grain,
      subject,
      period: periodWords,
      rows,
      ranked: (result.ranked ?? []).map(said),
      order: query.ranking?.order ?? '',
      peakMonth: peak ? said(peak).label : '',
      peakAmount: peak ? said(peak).amount : '',
    },
    card: trendCard({
      title: `Spending ${subject}`,
      periodLabel: periodWords,
      accountsLabel: accounts,
      chartDataUri: chart,
      rows: rows.map((r) => ({ label: r.label, amountText: r.amount })),
    }),
    suggestions: ['Break down last month by category', 'Top merchants this year'],
  };
}
