/** Replies that list: where the money went by group (a breakdown or a ranking), and the transactions themselves. */
import { breakdownCard, transactionsCard } from '../charts/cards.ts';
import type { Share } from '../insights/answers.ts';
import type { Figure, QueryResult } from '../insights/execute.ts';
import { currencyExponent, formatMoney } from '../money.ts';
import type { Asked } from './asked.ts';
import {
  accountIdsOf,
  accountsText,
  dayText,
  moneyText,
  periodText,
  subjectText,
  weekdayText,
} from './describe.ts';
import type { Reply } from './types.ts';
import { workingOf } from './working.ts';

/** Rows a breakdown shows when no ranking says how many. */
const BREAKDOWN_ROWS = 8;

const DIMENSION: Record<string, string> = {
  primary: 'category',
  category: 'category',
  merchant: 'merchant',
  account: 'account',
  weekday: 'weekday',
};

/** A breakdown ("by merchant") or a ranking ("top 5 merchants", "which day of the week… least"). */
export async function groupsReply(
  a: Asked,
  result: Extract<QueryResult, { shape: 'breakdown' }>,
): Promise<Reply> {
  const { ctx, query } = a;
  const { services, vocabulary } = ctx;
  const period = result.period;
  const ranking = query.ranking;
  if (result.groups.length === 0 || result.groups.every((g) => g.count === 0)) {
    return {
      template: 'NothingSpent',
      data: {
        working: workingOf(query, period, vocabulary, a.span),
        period: period ? periodText(period) : '',
        subject: subjectText(query, vocabulary),
      },
    };
  }
  const labelOf = (g: Share) => (result.by === 'weekday' ? weekdayText(g.key) : g.label);
  const shown = result.groups.slice(0, ranking?.n ?? BREAKDOWN_ROWS);
  const currency = shown[0]?.currency ?? result.totals[0]?.currency ?? 'USD';
  const counting = query.measure.kind === 'count';
  const amountOf = (g: Share) => (counting ? String(g.count) : formatMoney(g.amountMinor, g.currency));
  const rows = shown.map((g) => ({ label: labelOf(g), amount: amountOf(g), percent: g.percent }));
  const dimension = DIMENSION[result.by] ?? result.by;
  const subject = subjectText(query, vocabulary);
  const periodWords = period ? periodText(period) : '';
  const accounts = accountsText(vocabulary, accountIdsOf(query, vocabulary));
  const totalText = counting
    ? String(result.totals.reduce((n, t) => n + t.count, 0))
    : moneyText(result.totals.filter((t) => t.count > 0));
  const same = shown.filter((g) => g.currency === currency);
  const chart = services.charts
    ? await services.charts
        .bar({
          labels: same.map(labelOf),
          values: same.map((g) => g.amountMinor / 10 ** currencyExponent(currency)),
          currency,
          horizontal: true,
        })
        .catch(() => undefined)
    : undefined;
  return {
    template: ranking ? 'Top' : 'Breakdown',
    data: {
      working: workingOf(query, period, vocabulary, a.span, currency),
      dimension,
      order: ranking?.order ?? 'top',
      period: periodWords,
      subject,
      rows,
      single: ranking?.n === 1 || rows.length === 1,
      total: totalText,
      accounts: accounts.text,
    },
    card: breakdownCard({
      title: `Spending ${subject} by ${dimension}`,
      periodLabel: periodWords,
      accountsLabel: accounts.text,
      rows: shown.map((g) => ({ label: labelOf(g), amountText: amountOf(g), share: g.percent / 100 })),
      chartDataUri: chart,
      totalText,
    }),
    suggestions: [
      dimension === 'merchant' ? 'Break that down by category' : 'Break that down by merchant',
      'Show me those transactions',
    ],
  };
}

/** The transactions behind the question, newest (or largest) first, a page at a time. */
export function transactionsReply(
  a: Asked,
  result: Extract<QueryResult, { shape: 'list' }>,
  all?: Figure,
): Reply {
  const { query, ctx } = a;
  const subject = subjectText(query, ctx.vocabulary);
  const period = result.period ? periodText(result.period) : '';
  const rows = result.rows;
  if (rows.length === 0) {
    return {
      template: result.offset ? 'NoMoreTransactions' : 'NoTransactions',
      data: { period, subject, working: workingOf(query, result.period, ctx.vocabulary, a.span) },
    };
  }
  const items = rows.map((r) => ({
    date: dayText(r.date),
    merchant: r.merchant,
    amount: formatMoney(r.amountMinor, r.currency),
    account: r.accountName,
    category: r.categoryLabel,
  }));
  return {
    template: 'TransactionList',
    data: {
      working: workingOf(query, result.period, ctx.vocabulary, a.span, rows[0]?.currency),
      period,
      subject,
      rows: items,
      largest: query.ranking !== undefined || query.measure.kind === 'largest',
      more: result.more,
      // "4 transactions, $129.40 in all": absent on later pages and for rankings.
      allCount: all?.count ?? 0,
      allAmount:
        all && all.values.length
          ? all.values.map((v) => formatMoney(v.amountMinor, v.currency)).join(' + ')
          : '',
      from: result.offset + 1,
      to: result.offset + rows.length,
    },
    card: transactionsCard({
      title: `Transactions ${subject}`,
      subtitle: period,
      rows: rows.map((r) => ({
        date: dayText(r.date),
        merchant: r.merchant,
        amountText: formatMoney(r.amountMinor, r.currency),
        account: r.accountName,
      })),
    }),
    suggestions: result.more ? ['Show more'] : ['Break that down by merchant'],
  };
}
