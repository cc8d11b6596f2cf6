import { breakdown, covers, previousTotals, total, type Scope } from '../insights/answers.ts';
import { compareWithUsual } from '../insights/usual.ts';
import type { Frame, Period } from '../language/types.ts';
import { formatMoney } from '../money.ts';
import type { TurnContextLite, TurnResult } from './engine.ts';
import { isQuestionIntent } from './follow-up.ts';
import { accountsText, dayRangeText, monthToDate, moneyText, percentText, periodText } from './describe.ts';
import { answerBalance, answerCompare, answerIncome, answerTrend } from './reports.ts';
import { answerBreakdown, answerTop, answerTransactions } from './lists.ts';
import type { DialogState, Reply } from './types.ts';


export function isQuestion(frame: Frame): boolean {
  return isQuestionIntent(frame.intent);
}

/** Answers a question about the user's money and remembers it for follow-ups. */
export async function answerQuestion(ctx: TurnContextLite, state: DialogState): Promise<TurnResult> {
  const { frame } = ctx;
  const remember = (replies: Reply[], shown = 0): TurnResult => ({
    replies,
    state: { ...state, pending: undefined, last: { frame, shown } },
  });
  switch (frame.intent) {
    case 'balance':
      return remember(await answerBalance(ctx));
    case 'compare':
      return remember(await answerCompare(ctx));
    case 'trend':
      return remember(await answerTrend(ctx));
    case 'income':
      return remember(await answerIncome(ctx));
    case 'breakdown':
      return remember(await answerBreakdown(ctx));
    case 'top':
      return remember(await answerTop(ctx));
    case 'transactions': {
      const more = /\bmore\b/i.test(ctx.input.text) && state.last?.frame.intent === 'transactions';
      const offset = more ? (state.last?.shown ?? 0) : 0;
      const { replies, shown } = await answerTransactions(ctx, offset);
      return remember(replies, offset + shown);
    }
    default:
      return remember(await answerSpending(ctx));
  }
}

/** Resolves names in the frame to the store's ids and a period (this month so far by default). */
export function scopeOf(ctx: TurnContextLite, period?: Period): Scope {
  const { frame, input, merchantIds } = ctx;
  return {
    period: period ?? frame.periods[0] ?? monthToDate(input.today),
    categories: frame.categories.flatMap((c) => c.codes),
    merchantIds: frame.merchants.flatMap((m) => merchantIds.get(m.toLowerCase()) ?? []),
    accountIds: frame.accounts,
    minAbsMinor: frame.amount?.minMinor,
    maxAbsMinor: frame.amount?.maxMinor,
  };
}

/** "on groceries", "at Starbucks", "in total" — what the question was about. */
export function subjectText(frame: Frame): string {
  const parts: string[] = [];
  if (frame.categories.length) parts.push(`on ${frame.categories.map((c) => c.label).join(' and ')}`);
  if (frame.merchants.length) parts.push(`at ${frame.merchants.join(' and ')}`);
  return parts.join(' ') || 'in total';
}

/** Says plainly that there is no data for the period, with the dates that are covered. */
export async function noDataReply(ctx: TurnContextLite, scope: Scope): Promise<Reply | undefined> {
  const coverage = await ctx.services.store.queries.coverage(ctx.input.userId);
  const relevant = coverage.filter((c) => !scope.accountIds?.length || scope.accountIds.includes(c.accountId));
  if (covers(relevant, scope.period)) return undefined;
  const first = relevant.map((c) => c.first).sort()[0];
  const last = relevant.map((c) => c.last).sort().reverse()[0];
  return {
    template: 'NoDataForPeriod',
    data: { period: periodText(scope.period), covered: first && last ? dayRangeText(first, last) : '' },
    suggestions: ['Spending last month', 'Link an account'],
  };
}

async function answerSpending(ctx: TurnContextLite): Promise<Reply[]> {
  const { frame, services, input, vocabulary } = ctx;
  const scope = scopeOf(ctx);
  const noData = await noDataReply(ctx, scope);
  if (noData) return [noData];
  const totals = (await total(services.store, input.userId, 'spending', scope)).filter((t) => t.count > 0);
  const accounts = accountsText(vocabulary, scope.accountIds ?? []);
  const observation = await observe(ctx, scope, totals.length === 1 ? totals[0] : undefined);
  return [
    {
      template: 'SpendingTotal',
      data: {
        amount: moneyText(totals),
        nothing: totals.length === 0 || totals.every((t) => t.amountMinor === 0),
        subject: subjectText(frame),
        period: periodText(scope.period),
        accounts: accounts.text,
        accountCount: accounts.count,
        count: totals.reduce((n, t) => n + t.count, 0),
        observation,
      },
      suggestions: ['Show me those', 'Break that down by merchant', 'Compare with the month before'],
    },
  ];
}

/** One useful remark: who dominates the total, or how it compares with the usual. */
async function observe(ctx: TurnContextLite, scope: Scope, single?: { amountMinor: number; currency: string }): Promise<string> {
  if (!single || single.amountMinor <= 0) return '';
  const { services, input, frame } = ctx;
  if (!frame.merchants.length) {
    const top = (await breakdown(services.store, input.userId, 'spending', scope, 'merchant'))[0];
    if (top && top.percent >= 50 && frame.categories.length) return `mostly ${top.label} (${top.percent}%)`;
  }
  if (['month', 'quarter', 'year'].includes(scope.period.grain)) {
    const previous = (await previousTotals(services.store, input.userId, scope)).get(single.currency) ?? [];
    const usual = previous.length >= 3 ? compareWithUsual(single.amountMinor, previous) : undefined;
    if (usual && usual.direction !== 'same' && Math.abs(usual.diffPct) >= 0.1) {
      return `${percentText(usual.diffPct)} ${usual.direction} than your usual ${formatMoney(usual.usualMinor, single.currency)}`;
    }
  }
  return '';
}
