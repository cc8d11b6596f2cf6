/**
 * Answers a question about money from its query: names that match nothing and words that were not
 * understood are said back instead of a figure; a question with no period gets the period that answers it
 * from the data there is; everything else runs through the one executor and is said with its working.
 */
import { resolveDefaults, type DataSpan } from '../insights/defaults.ts';
import { execute, figure, type ExecContext } from '../insights/execute.ts';
import { previousLikePeriods } from '../insights/answers.ts';
import { keepingAggregates } from '../insights/kept-aggregates.ts';
import type { Period, Query, Understood } from '../insights/query.ts';
import type { Asked } from './asked.ts';
import { accountIdsOf, dayRangeText, periodText, questionText, subjectText } from './describe.ts';
import { figureReplies, subjectsReply } from './figures.ts';
import { groupsReply, transactionsReply } from './lists.ts';
import { balancesReply, comparisonReply, seriesReply } from './reports.ts';
import type { DialogState, Reply, TurnContext, TurnResult } from './types.ts';
import { workingOf } from './working.ts';

/** Transactions per page of a list. */
const PAGE = 10;

export interface Answered {
  replies: Reply[];
  /** The query as answered (periods resolved), for follow-ups; absent when no figure was given. */
  query?: Query;
  shown: number;
}

/** Answers the question (and a second one asked with it) and remembers the query for follow-ups. */
export async function answerMoney(
  ctx: TurnContext,
  state: DialogState,
  asked: Understood,
  offset = 0,
): Promise<TurnResult> {
  const { frame } = ctx;
  if (frame.ambiguous) {
    const pending = {
      kind: 'clarify' as const,
      frame: { ...frame, understood: asked },
      field: frame.ambiguous.kind,
      options: frame.ambiguous.options,
    };
    return {
      replies: [
        {
          template: 'Clarify',
          data: { kind: frame.ambiguous.kind, text: frame.ambiguous.text, options: frame.ambiguous.options },
          suggestions: frame.ambiguous.options,
        },
      ],
      state: { ...state, pending },
    };
  }
  const first = await answerOne(ctx, asked, offset);
  const second = asked.also ? await answerOne(ctx, asked.also, 0) : undefined;
  const replies = [...first.replies, ...(second?.replies ?? [])];
  const lastAnswered = second?.query ? second : first;
  const last = lastAnswered.query ? { query: lastAnswered.query, shown: lastAnswered.shown } : state.last;
  return { replies, state: { ...state, pending: undefined, last } };
}

/** The user's merchant ids by name, as the executor resolves them; one answer's statements each run once. */
function execContext(ctx: TurnContext, span: DataSpan | undefined): ExecContext {
  return {
    store: keepingAggregates(ctx.services.store),
    userId: ctx.input.userId,
    merchantIds: (name) => ctx.merchantIds.get(name.toLowerCase()) ?? [],
    span,
  };
}

export async function answerOne(ctx: TurnContext, u: Understood, offset: number): Promise<Answered> {
  if (u.unknownNames.length) {
    const name = u.unknownNames[0]!;
    return {
      replies: [
        {
          template: 'UnknownName',
          data: { name: name.text, kind: name.kind, names: u.unknownNames.map((n) => n.text) },
          suggestions: ['Top merchants this year', 'Spending last month'],
        },
      ],
      shown: 0,
    };
  }
  const store = ctx.services.store;
  const ids = accountIdsOf(u.query, ctx.vocabulary);
  const span = await store.queries.span(ctx.input.userId, ids);
  const { query } = resolveDefaults(u.query, span, ctx.input.today);
  if (u.unplaced.length) return { replies: [partlyUnderstood(ctx, u, query, span)], shown: 0 };
  const noData = noDataReply(query, span);
  if (noData) return { replies: [noData], shown: 0 };
  const a: Asked = { ctx, query, exec: execContext(ctx, span), span };
  const result = await execute(a.exec, query, { offset, limit: PAGE });
  switch (result.shape) {
    case 'balances':
      return { replies: [balancesReply(a, result)], query, shown: 0 };
    case 'list': {
      // The first page of a list of charges or payments also says what they come to in all.
      const summed =
        offset === 0 &&
        !query.ranking &&
        (query.measure.kind === 'spent' || query.measure.kind === 'received');
      const all = summed ? await figure(a.exec, { ...query, form: 'figure' }, result.period) : undefined;
      return { replies: [transactionsReply(a, result, all)], query, shown: offset + result.rows.length };
    }
    case 'breakdown':
      return { replies: [await groupsReply(a, result)], query, shown: 0 };
    case 'series':
      if (result.steps.every((s) => s.values.every((v) => v.count === 0))) {
        return {
          replies: [
            {
              template: 'NothingSpent',
              data: {
                working: workingOf(query, result.within, ctx.vocabulary, span),
                period: periodText(result.within),
                subject: subjectText(query, ctx.vocabulary),
              },
            },
          ],
          query,
          shown: 0,
        };
      }
      return { replies: [await seriesReply(a, result)], query, shown: 0 };
    case 'periods':
      return { replies: [comparisonReply(a, result)], query, shown: 0 };
    case 'subjects':
      return { replies: [subjectsReply(a, result.subjects)], query, shown: 0 };
    case 'figures':
      return { replies: await figureReplies(a, result.figures), query, shown: 0 };
  }
}

/** Every period a query reads, compared periods included. */
function periodsRead(query: Query): Period[] {
  if (query.series) return [query.series.within];
  if (query.comparison?.kind === 'periods' && query.periods.length === 1)
    return [previousLikePeriods(query.periods[0]!, 1)[0]!, query.periods[0]!];
  return query.periods;
}

/**
 * Says plainly that the data holds nothing for a period asked about, with the dates it does cover, rather
 * than answering "nothing spent" for a month the statements have not reached.
 */
function noDataReply(query: Query, span: DataSpan | undefined): Reply | undefined {
  if (query.measure.kind === 'balance' && !query.periods.length) return undefined;
  const missing = span
    ? periodsRead(query).find((p) => !(p.start <= span.last && p.end > span.first))
    : periodsRead(query)[0];
  if (span && !missing) return undefined;
  return {
    template: 'NoDataForPeriod',
    data: {
      period: missing ? periodText(missing) : '',
      covered: span ? dayRangeText(span.first, span.last) : '',
    },
    suggestions: span ? ['Spending last month', 'Link an account'] : ['Link an account'],
  };
}

/** What was understood and what was not, with the understood question to tap, and no figure. */
function partlyUnderstood(ctx: TurnContext, u: Understood, query: Query, span: DataSpan | undefined): Reply {
  const topic = unplacedTopic(u.unplaced);
  const period = query.series?.within ?? query.periods[0];
  return {
    template: 'PartlyUnderstood',
    data: { working: workingOf(query, period, ctx.vocabulary, span), topic, unplaced: u.unplaced },
    suggestions: [questionText(u.query, ctx.vocabulary)],
  };
}

/** What kind of thing the words Tally could not place ask for: a budget, affordability, cancelling, a goal. */
export function unplacedTopic(
  unplaced: readonly string[],
): 'budget' | 'afford' | 'cancel' | 'goal' | 'other' {
  const words = unplaced.join(' ').toLowerCase();
  return /budget/.test(words)
    ? 'budget'
    : /afford/.test(words)
      ? 'afford'
      : /cancel|unsubscribe|stop paying/.test(words)
        ? 'cancel'
        : /\b(goal|target|save up)\b/.test(words)
          ? 'goal'
          : 'other';
}
