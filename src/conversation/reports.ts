import { comparePeriods } from '../insights/compare.ts';
import { breakdown, previousLikePeriods, total } from '../insights/answers.ts';
import { trendCard } from '../charts/cards.ts';
import { currencyExponent, formatMoney } from '../money.ts';
import type { Period } from '../language/types.ts';
import type { TurnContextLite } from './engine.ts';
import { accountsText, dayText, lastTwelveMonths, moneyText, monthText, percentText, periodText } from './describe.ts';
import { noDataReply, scopeOf, subjectText } from './spending.ts';
import type { Reply } from './types.ts';

/** Latest balance of each account (or the ones asked about), with its as-of date. */
export async function answerBalance(ctx: TurnContextLite): Promise<Reply[]> {
  const { services, input, frame } = ctx;
  const all = await services.store.queries.latestBalances(input.userId);
  const rows = frame.accounts.length ? all.filter((b) => frame.accounts.includes(b.accountId)) : all;
  if (rows.length === 0) return [{ template: 'NoBalances', suggestions: ['Link an account'] }];
  const cash = rows.filter((r) => r.accountType !== 'credit_card');
  const byCurrency = new Map<string, number>();
  for (const r of cash) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.amountMinor);
  return [
    {
      template: 'Balances',
      data: {
        rows: rows.map((r) => ({
          account: r.accountName,
          amount: formatMoney(r.accountType === 'credit_card' ? -r.amountMinor : r.amountMinor, r.currency),
          owed: r.accountType === 'credit_card',
          asOf: dayText(r.asOf),
        })),
        single: rows.length === 1,
        cashTotal: frame.accounts.length === 0 && cash.length > 1 ? moneyText([...byCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor }))) : '',
      },
      suggestions: ['Spending this month', 'Income last month'],
    },
  ];
}

/** Two periods side by side: totals, change and what moved most. */
export async function answerCompare(ctx: TurnContextLite): Promise<Reply[]> {
  const { frame, services, input } = ctx;
  const [first, second] = frame.periods;
  const a: Period | undefined = second ? first : first ? previousLikePeriods(first, 1)[0] : undefined;
  const b: Period | undefined = second ?? first;
  if (!a || !b) return [{ template: 'ComparePeriodsNeeded', suggestions: ['Compare January and February', 'This month vs last month'] }];
  // Earlier period first, whatever order they were said in.
  const [older, newer] = a.start <= b.start ? [a, b] : [b, a];
  const scopeA = scopeOf(ctx, older);
  const scopeB = scopeOf(ctx, newer);
  const groupBy = frame.categories.length ? 'merchant' : 'primary';
  const [ga, gb] = await Promise.all([
    breakdown(services.store, input.userId, 'spending', scopeA, groupBy),
    breakdown(services.store, input.userId, 'spending', scopeB, groupBy),
  ]);
  const results = comparePeriods(
    ga.map((g) => ({ key: g.label, currency: g.currency, amountMinor: g.amountMinor })),
    gb.map((g) => ({ key: g.label, currency: g.currency, amountMinor: g.amountMinor })),
  );
  const [ta, tb] = await Promise.all([
    total(services.store, input.userId, 'spending', scopeA),
    total(services.store, input.userId, 'spending', scopeB),
  ]);
  const currency = tb[0]?.currency ?? ta[0]?.currency ?? 'USD';
  const amountA = ta.find((t) => t.currency === currency)?.amountMinor ?? 0;
  const amountB = tb.find((t) => t.currency === currency)?.amountMinor ?? 0;
  const change = amountB - amountA;
  const movers = (results.find((r) => r.currency === currency)?.movers ?? [])
    .filter((m) => m.change !== 0)
    .slice(0, 3)
    .map((m) => `${m.key} ${m.change > 0 ? 'up' : 'down'} ${formatMoney(Math.abs(m.change), currency)}`);
  return [
    {
      template: 'ComparePeriods',
      data: {
        subject: subjectText(frame),
        periodA: periodText(older),
        periodB: periodText(newer),
        amountA: moneyText(ta.filter((t) => t.count > 0), currency),
        amountB: moneyText(tb.filter((t) => t.count > 0), currency),
        direction: change > 0 ? 'more' : change < 0 ? 'less' : 'same',
        change: formatMoney(Math.abs(change), currency),
        changePct: amountA > 0 ? percentText(change / amountA) : '',
        movers,
        accounts: accountsText(ctx.vocabulary, frame.accounts).text,
      },
      suggestions: ['Break that down by category', 'Show me those'],
    },
  ];
}

/** Month-by-month spending, with a line chart where the channel shows cards. */
export async function answerTrend(ctx: TurnContextLite): Promise<Reply[]> {
  const { frame, services, input } = ctx;
  const period = frame.periods[0] ?? lastTwelveMonths(input.today);
  const scope = scopeOf(ctx, period);
  const months = await breakdown(services.store, input.userId, 'spending', scope, 'month');
  if (months.length === 0) return [(await noDataReply(ctx, scope)) ?? { template: 'NothingSpent', data: { period: periodText(period), subject: subjectText(frame) } }];
  const currency = months[0]?.currency ?? 'USD';
  const series = months.filter((m) => m.currency === currency).sort((x, y) => x.key.localeCompare(y.key));
  const labels = series.map((m) => monthText(m.key));
  const peak = series.reduce((best, m) => (m.amountMinor > best.amountMinor ? m : best), series[0]!);
  const chart = services.charts
    ? await services.charts.line({ labels, series: [{ name: 'Spending', values: series.map((m) => m.amountMinor / 10 ** currencyExponent(currency)) }], currency })
    : undefined;
  return [
    {
      template: 'Trend',
      data: {
        subject: subjectText(frame),
        period: periodText(period),
        rows: series.map((m) => ({ month: monthText(m.key), amount: formatMoney(m.amountMinor, m.currency) })),
        peakMonth: monthText(peak.key),
        peakAmount: formatMoney(peak.amountMinor, currency),
      },
      card: trendCard({
        title: `Spending ${subjectText(frame)}`,
        periodLabel: periodText(period),
        accountsLabel: accountsText(ctx.vocabulary, frame.accounts).text,
        chartDataUri: chart,
        rows: series.map((m) => ({ label: monthText(m.key), amountText: formatMoney(m.amountMinor, m.currency) })),
      }),
      suggestions: ['Break down last month by category', 'Top merchants this year'],
    },
  ];
}

/** Money in: pay and other income in the period, and the net after spending. */
export async function answerIncome(ctx: TurnContextLite): Promise<Reply[]> {
  const { services, input, frame } = ctx;
  const scope = scopeOf(ctx);
  const noData = await noDataReply(ctx, scope);
  if (noData) return [noData];
  const incomeScope = { ...scope, categories: [] };
  const [income, spent, sources] = await Promise.all([
    total(services.store, input.userId, 'income', incomeScope),
    total(services.store, input.userId, 'spending', { ...incomeScope, merchantIds: [] }),
    breakdown(services.store, input.userId, 'income', incomeScope, 'merchant'),
  ]);
  const currency = income[0]?.currency ?? 'USD';
  const net = (income.find((t) => t.currency === currency)?.amountMinor ?? 0) - (spent.find((t) => t.currency === currency)?.amountMinor ?? 0);
  return [
    {
      template: 'Income',
      data: {
        amount: moneyText(income.filter((t) => t.count > 0), currency),
        nothing: income.every((t) => t.amountMinor === 0),
        period: periodText(scope.period),
        sources: sources.slice(0, 3).map((s) => `${s.label} ${formatMoney(s.amountMinor, s.currency)}`),
        net: formatMoney(Math.abs(net), currency),
        netPositive: net >= 0,
        accounts: accountsText(ctx.vocabulary, frame.accounts).text,
      },
      suggestions: ['Spending last month', 'What is my balance?'],
    },
  ];
}
