/**
 * Budgets in chat: set, change ("make it $350"), list and remove monthly budgets for a category or for
 * all spending, and say how each is doing. A budget is a stored query with a limit; how it is doing is that
 * query run by the one executor. A subject that matches no category is asked about, never guessed.
 */
import { budgetSpecFor, budgetStatus } from '../insights/budgets.ts';
import type { Period } from '../insights/query.ts';
import type { CoachingWords } from '../language/types.ts';
import { formatMoney } from '../money.ts';
import type { BudgetRow } from '../store/index.ts';
import { answerBudgetMonth, isThisMonth } from './budget-month.ts';
import { budgetStatusData } from './budget-words.ts';
import { execContextOf } from './exec-context.ts';
import type { BudgetSubject, DialogState, Pending, Reply, TurnContext, TurnResult } from './types.ts';

export { budgetStatusData, dayOrdinal } from './budget-words.ts';

export const ALL_SPENDING: BudgetSubject = { key: 'all', label: 'all spending', codes: [] };

const LIST_SUGGESTIONS = ['How am I doing on my budgets?', 'What are my budgets?'];
const SET_SUGGESTIONS = ['Set a $400 budget for eating out', 'Budget $2,000 a month for all spending'];

const reply = (state: DialogState, ...replies: Reply[]): TurnResult => ({ replies, state });
const wordsOf = (ctx: TurnContext): CoachingWords =>
  ctx.frame.coaching ?? { categories: ctx.frame.categories, allSpending: false, everyBudget: false };

/** The subject the words name: a category, all spending, or nothing (with the words that named nothing). */
function subjectOf(words: CoachingWords): BudgetSubject | { unknown: string } | undefined {
  const category = words.categories[0];
  if (category) return { key: category.key, label: category.label, codes: [...category.codes] };
  if (words.allSpending) return ALL_SPENDING;
  if (words.subjectWords) return { unknown: words.subjectWords };
  return undefined;
}

/** The currency a budget is kept in: the one written, else the one most of the person's accounts use. */
async function currencyFor(ctx: TurnContext, written?: string): Promise<string> {
  if (written) return written;
  const accounts = await ctx.services.store.accounts.list(ctx.input.userId);
  const counts = new Map<string, number>();
  for (const a of accounts) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
}

const amountText = (b: Pick<BudgetRow, 'amountMinor' | 'currency'>) => formatMoney(b.amountMinor, b.currency);

/** Stores the budget and says so; the subject becomes the one "make it …" changes. */
async function saveBudget(
  ctx: TurnContext,
  state: DialogState,
  subject: BudgetSubject,
  amount: { minor: number; currency?: string },
): Promise<TurnResult> {
  const store = ctx.services.store;
  const currency = await currencyFor(ctx, amount.currency);
  const saved = await store.budgets.set(
    ctx.input.userId,
    budgetSpecFor(subject, { minor: amount.minor, currency }),
    ctx.input.now,
  );
  if (!saved) return reply({ ...state, pending: undefined }, { template: 'BudgetNeedsAccount' });
  return {
    replies: [
      {
        template: 'BudgetSet',
        data: {
          label: saved.budget.label,
          all: saved.budget.subjectKey === 'all',
          amount: amountText(saved.budget),
          previous: saved.previous ? amountText(saved.previous) : '',
        },
        suggestions: ['How am I doing on my budgets?', 'What are my budgets?'],
      },
    ],
    state: { ...state, pending: undefined, lastBudget: saved.budget.subjectKey },
  };
}

/** "Set a $400 budget for eating out", "budget 300 a month for groceries", "make it $350". */
export async function answerBudgetSet(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const words = wordsOf(ctx);
  const store = ctx.services.store;
  // One limit for two categories could be meant either as a shared or as a separate limit: ask.
  if (words.categories.length > 1) {
    const labels = words.categories.map((c) => c.label);
    // The amount waits for the one category named next ("groceries").
    const pending: Pending = { kind: 'budget-subject', ...(words.amount ? { amount: words.amount } : {}) };
    return reply(
      { ...state, pending },
      {
        template: 'BudgetOneAtATime',
        data: { labels },
        suggestions: labels.map((l) => `Set a budget for ${l}`),
      },
    );
  }
  let subject = subjectOf(words);
  if (!subject && words.followUp) {
    const last = state.lastBudget && (await store.budgets.find(ctx.input.userId, state.lastBudget));
    if (!last) return whichBudget(ctx, state);
    subject = { key: last.subjectKey, label: last.label, codes: [] };
    if (!words.amount) return reply(state, { template: 'BudgetNeedsAmount', data: { label: last.label } });
    const updated = await store.budgets.setAmount(
      ctx.input.userId,
      last.id,
      words.amount.minor,
      ctx.input.now,
    );
    return reply(
      { ...state, lastBudget: last.subjectKey },
      {
        template: 'BudgetSet',
        data: {
          label: last.label,
          all: last.subjectKey === 'all',
          amount: amountText(updated ?? last),
          previous: amountText(last),
        },
        suggestions: LIST_SUGGESTIONS,
      },
    );
  }
  if (subject && 'unknown' in subject) return unknownSubject(state, subject.unknown);
  if (!subject) {
    const pending: Pending = { kind: 'budget-subject', ...(words.amount ? { amount: words.amount } : {}) };
    return reply(
      { ...state, pending },
      {
        template: 'BudgetNeedsSubject',
        data: {
          amount: words.amount
            ? formatMoney(words.amount.minor, await currencyFor(ctx, words.amount.currency))
            : '',
        },
        suggestions: ['All spending', 'Eating out', 'Groceries'],
      },
    );
  }
  if (!words.amount) {
    return reply(
      { ...state, pending: { kind: 'budget-amount', subject } },
      { template: 'BudgetNeedsAmount', data: { label: subject.label } },
    );
  }
  return saveBudget(ctx, state, subject, words.amount);
}

/**
 * The answer to a budget question the bot asked: what it covers, or how much. Anything else leaves the
 * question and is handled as a fresh message (undefined).
 */
export async function budgetPendingTurn(
  ctx: TurnContext,
  pending: Extract<Pending, { kind: 'budget-subject' | 'budget-amount' }>,
  state: DialogState,
): Promise<TurnResult | undefined> {
  const words = wordsOf(ctx);
  if (pending.kind === 'budget-amount') {
    const amount = words.amount ?? ctx.frame.amountSaid;
    if (!amount || ctx.frame.coaching?.categories.length) return undefined;
    return saveBudget(ctx, state, pending.subject, amount);
  }
  const subject = ctx.frame.wholeSpending
    ? ALL_SPENDING
    : subjectOf({ ...words, categories: ctx.frame.categories, subjectWords: undefined });
  if (!subject || 'unknown' in subject) return undefined;
  const amount = words.amount ?? pending.amount;
  if (!amount) {
    return reply(
      { ...state, pending: { kind: 'budget-amount', subject } },
      { template: 'BudgetNeedsAmount', data: { label: subject.label } },
    );
  }
  return saveBudget(ctx, state, subject, amount);
}

function unknownSubject(state: DialogState, words: string): TurnResult {
  return reply(
    { ...state, pending: undefined },
    { template: 'BudgetUnknownCategory', data: { words }, suggestions: SET_SUGGESTIONS },
  );
}

async function whichBudget(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const budgets = await ctx.services.store.budgets.list(ctx.input.userId);
  return reply(state, {
    template: 'BudgetWhichOne',
    data: { labels: budgets.map((b) => b.label) },
    suggestions: budgets.length
      ? budgets.map((b) => `Set my ${b.label} budget to ${amountText(b)}`)
      : SET_SUGGESTIONS,
  });
}

/** "What are my budgets?" */
export async function answerBudgetList(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const budgets = await ctx.services.store.budgets.list(ctx.input.userId);
  if (budgets.length === 0) return reply(state, { template: 'NoBudgets', suggestions: SET_SUGGESTIONS });
  return reply(
    { ...state, lastBudget: budgets.length === 1 ? budgets[0]!.subjectKey : state.lastBudget },
    {
      template: 'BudgetList',
      data: {
        budgets: budgets.map((b) => ({ label: b.label, amount: amountText(b), all: b.subjectKey === 'all' })),
      },
      suggestions: LIST_SUGGESTIONS.slice(0, 1),
    },
  );
}

/** "Drop the eating-out budget", "remove all budgets". */
export async function answerBudgetRemove(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const words = wordsOf(ctx);
  const { store } = ctx.services;
  const userId = ctx.input.userId;
  if (words.everyBudget && !words.categories.length) {
    const count = await store.budgets.removeAll(userId);
    return reply({ ...state, lastBudget: undefined }, { template: 'BudgetsRemoved', data: { count } });
  }
  const subject = subjectOf(words);
  if (subject && 'unknown' in subject) return unknownSubject(state, subject.unknown);
  let key = subject?.key;
  if (!key) {
    const budgets = await store.budgets.list(userId);
    key = state.lastBudget ?? (budgets.length === 1 ? budgets[0]!.subjectKey : undefined);
    if (!key) return whichBudget(ctx, state);
  }
  const existing = await store.budgets.find(userId, key);
  if (!existing) return reply(state, { template: 'NoSuchBudget', data: { label: subject?.label ?? key } });
  await store.budgets.remove(userId, key);
  return reply(
    { ...state, lastBudget: state.lastBudget === key ? undefined : state.lastBudget },
    { template: 'BudgetRemoved', data: { label: existing.label, all: key === 'all' } },
  );
}

/** "How am I doing on my budgets?", "am I on track with groceries?" */
export async function answerBudgetStatus(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const words = wordsOf(ctx);
  const all = await ctx.services.store.budgets.list(ctx.input.userId);
  const subject = subjectOf(words);
  if (subject && 'unknown' in subject) return unknownSubject(state, subject.unknown);
  // "that budget": the one just set or talked about; with several and none talked about, ask which.
  const back = !subject && words.followUp && all.length > 1;
  const lastKey = back ? state.lastBudget : undefined;
  if (back && !all.some((b) => b.subjectKey === lastKey)) return whichBudget(ctx, state);
  const key = subject?.key ?? lastKey;
  const chosen = key ? all.filter((b) => b.subjectKey === key) : all;
  if (all.length === 0 || chosen.length === 0) {
    return reply(state, {
      template: 'NoSuchBudget',
      data: { label: subject?.label ?? '', none: all.length === 0 },
      suggestions: subject ? [`Set a budget for ${subject.label}`] : SET_SUGGESTIONS,
    });
  }
  return answerBudgetsOver(ctx, state, chosen, ctx.frame.periods[0]);
}

/**
 * How the chosen budgets did over a month: this month so far with the pace, or a named month as a whole.
 * The budgets and the month are kept, so "and in March?" asks the same again of another month.
 */
export async function answerBudgetsOver(
  ctx: TurnContext,
  state: DialogState,
  chosen: readonly BudgetRow[],
  period: Period | undefined,
): Promise<TurnResult> {
  if (period && !isThisMonth(period, ctx.input.today)) return answerBudgetMonth(ctx, state, chosen, period);
  const exec = execContextOf(ctx);
  const statuses = await Promise.all(chosen.map((b) => budgetStatus(exec, b, ctx.input.today)));
  const month = statuses[0]!.month;
  return reply(
    {
      ...state,
      lastBudget: chosen.length === 1 ? chosen[0]!.subjectKey : state.lastBudget,
      lastCoaching: { kind: 'budget', keys: chosen.map((b) => b.subjectKey), month },
    },
    { template: 'BudgetStatus', data: budgetStatusData(statuses), suggestions: ['What are my budgets?'] },
  );
}
