import { breakdownCard, transactionsCard } from '../charts/cards.ts';
import { breakdown, toFilter, total } from '../insights/answers.ts';
import { currencyExponent, formatMoney } from '../money.ts';
import type { GroupBy } from '../store/index.ts';
import type { TurnContextLite } from './engine.ts';
import { accountsText, dayText, moneyText, periodText } from './describe.ts';
import { noDataReply, scopeOf, subjectText } from './spending.ts';
import type { Reply } from './types.ts';

const PAGE = 10;

/** Where the money went, by category, merchant, account or month, with shares and a chart. */
export async function answerBreakdown(ctx: TurnContextLite): Promise<Reply[]> {
  const { frame } = ctx;
  const by: GroupBy =
    frame.groupBy === 'merchant' || frame.groupBy === 'account' || frame.groupBy === 'month'
      ? frame.groupBy
      : frame.categories.length
        ? 'category'
        : 'primary';
  return groupsReply(ctx, by, frame.top ?? 8, 'Breakdown');
}

/** The biggest merchants (or categories) in a period. */
export async function answerTop(ctx: TurnContextLite): Promise<Reply[]> {
  const { frame } = ctx;
  const by: GroupBy = frame.groupBy === 'category' ? (frame.categories.length ? 'category' : 'primary') : frame.groupBy === 'account' ? 'account' : 'merchant';
  return groupsReply(ctx, by, frame.top ?? 5, 'Top');
}

async function groupsReply(ctx: TurnContextLite, by: GroupBy, limit: number, template: string): Promise<Reply[]> {
  const { services, input, frame, vocabulary } = ctx;
  const scope = scopeOf(ctx);
  const noData = await noDataReply(ctx, scope);
  if (noData) return [noData];
  const groups = await breakdown(services.store, input.userId, 'spending', scope, by);
  const totals = (await total(services.store, input.userId, 'spending', scope)).filter((t) => t.count > 0);
  if (groups.length === 0) {
    return [{ template: 'NothingSpent', data: { period: periodText(scope.period), subject: subjectText(frame) } }];
  }
  const shown = groups.slice(0, limit);
  const currency = shown[0]?.currency ?? 'USD';
  const rows = shown.map((g) => ({ label: g.label, amount: formatMoney(g.amountMinor, g.currency), percent: g.percent }));
  const dimension = { primary: 'category', category: 'category', merchant: 'merchant', account: 'account', month: 'month' }[by];
  const chart = services.charts
    ? await services.charts
        .bar({
          labels: shown.filter((g) => g.currency === currency).map((g) => g.label),
          values: shown.filter((g) => g.currency === currency).map((g) => g.amountMinor / 10 ** currencyExponent(currency)),
          currency,
          horizontal: true,
        })
        .catch(() => undefined)
    : undefined;
  const accounts = accountsText(vocabulary, scope.accountIds ?? []);
  return [
    {
      template,
      data: {
        dimension,
        period: periodText(scope.period),
        subject: subjectText(frame),
        rows,
        single: limit === 1 || rows.length === 1,
        total: moneyText(totals),
        accounts: accounts.text,
      },
      card: breakdownCard({
        title: `Spending ${subjectText(frame)} by ${dimension}`,
        periodLabel: periodText(scope.period),
        accountsLabel: accounts.text,
        rows: shown.map((g) => ({ label: g.label, amountText: formatMoney(g.amountMinor, g.currency), share: g.percent / 100 })),
        chartDataUri: chart,
        totalText: moneyText(totals),
      }),
      suggestions: [dimension === 'merchant' ? 'Break that down by category' : 'Break that down by merchant', 'Show me those transactions'],
    },
  ];
}

/** The transactions behind the question, newest first, a page at a time. */
export async function answerTransactions(ctx: TurnContextLite, offset: number): Promise<{ replies: Reply[]; shown: number }> {
  const { services, input, frame } = ctx;
  const scope = scopeOf(ctx);
  const flows = frame.categories.length || frame.merchants.length ? (['spending'] as const) : (['spending', 'income', 'cash'] as const);
  const rows = await services.store.queries.transactions(
    input.userId,
    [...flows],
    toFilter(scope),
    { limit: PAGE + 1, offset },
  );
  const page = rows.slice(0, PAGE);
  if (page.length === 0) {
    const noData = await noDataReply(ctx, scope);
    return { replies: [noData ?? { template: offset ? 'NoMoreTransactions' : 'NoTransactions', data: { period: periodText(scope.period), subject: subjectText(frame) } }], shown: 0 };
  }
  const items = page.map((r) => ({
    date: dayText(r.date),
    merchant: r.merchant,
    amount: formatMoney(r.amountMinor, r.currency),
    account: r.accountName,
    category: r.categoryLabel,
  }));
  return {
    replies: [
      {
        template: 'TransactionList',
        data: { period: periodText(scope.period), subject: subjectText(frame), rows: items, more: rows.length > PAGE, from: offset + 1, to: offset + page.length },
        card: transactionsCard({
          title: `Transactions ${subjectText(frame)}`,
          subtitle: periodText(scope.period),
          rows: page.map((r) => ({ date: dayText(r.date), merchant: r.merchant, amountText: formatMoney(r.amountMinor, r.currency), account: r.accountName })),
        }),
        suggestions: rows.length > PAGE ? ['Show more'] : ['Break that down by merchant'],
      },
    ],
    shown: page.length,
  };
}
