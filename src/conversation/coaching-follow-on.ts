/**
 * Short follow-ons to a coaching answer, read from the frame: after a budget over a month, "and in March?"
 * asks the same budgets of March and "and the month after?" of the next month; after a payday, "and the one
 * after?" gives the payday after it and "what about April?" the paydays in April; after a bills list, "and
 * the month after?" lists the month that follows it and "what about next month?" that month. Each answer
 * says which days it counted; what cannot be projected is said, never guessed.
 */
import { monthSoFar } from '../insights/budgets.ts';
import { paydaysBetween } from '../insights/coaching/pay-schedule.ts';
import type { Period } from '../insights/query.ts';
import type { Intent } from '../language/types.ts';
import { addDays, addMonths, daysBetween } from '../day.ts';
import { formatMoney } from '../money.ts';
import { billsOver, dayWithWeekday } from './bills-ahead.ts';
import { answerBudgetsOver } from './budgets.ts';
import { coachingFacts } from './coaching-facts.ts';
import { periodText } from './describe.ts';
import { INTENT_HANDLERS } from './registry.ts';
import type { CoachingTopic, DialogState, TurnContext, TurnResult } from './types.ts';

/** How far past a payday the one after it is looked for (a monthly cycle with a holiday shift fits). */
const NEXT_PAYDAY_WITHIN_DAYS = 62;
/** Above this the classifier's reading of the message as a request of another kind is believed. */
const OWN_REQUEST = 0.6;

const TOPIC_INTENTS: Record<CoachingTopic['kind'], readonly Intent[]> = {
  budget: ['budget_status'],
  payday: ['payday'],
  bills: ['upcoming_bills'],
};
const PAY_CYCLE: ReadonlySet<Intent> = new Set(['payday', 'upcoming_bills', 'left_to_spend', 'afford']);

/** The message is confidently a request of another kind ("and what bills are due?" after a payday). */
function asksSomethingElse(ctx: TurnContext, topic: CoachingTopic): boolean {
  const { intent, confidence } = ctx.frame;
  const coachingKind = PAY_CYCLE.has(intent) || INTENT_HANDLERS[intent].kind === 'coaching';
  return coachingKind && confidence >= OWN_REQUEST && !TOPIC_INTENTS[topic.kind].includes(intent);
}

const namedCategories = (ctx: TurnContext) => ctx.frame.followOn?.categories ?? ctx.frame.categories;

/** The follow-on's answer, or undefined when the message is not one (it is then handled as itself). */
export async function coachingFollowOnTurn(
  ctx: TurnContext,
  state: DialogState,
): Promise<TurnResult | undefined> {
  const topic = state.lastCoaching;
  const on = ctx.frame.followOn;
  if (!topic || !on || asksSomethingElse(ctx, topic)) return undefined;
  const today = ctx.input.today;
  const named = on.nextMonth
    ? monthSoFar(addMonths(`${today.slice(0, 7)}-01`, 1)).month
    : ctx.frame.periods[0];
  // After a payday or bills to come, "what about April?" may be the coming April, unless a year was said.
  const period = named && topic.kind !== 'budget' && !on.yearSaid ? nearestMonthOf(named, today) : named;
  if (on.kind === 'again' && !period && !(topic.kind === 'budget' && namedCategories(ctx).length))
    return undefined;
  if (topic.kind === 'budget')
    return budgetFollowOn(ctx, state, topic, on.kind === 'step' ? undefined : period, on.kind === 'step');
  if (topic.kind === 'payday')
    return paydayFollowOn(ctx, state, topic, on.kind === 'step' ? undefined : period);
  return billsFollowOn(ctx, state, topic, on.kind === 'step' ? undefined : period);
}

/**
 * A month named without its year is the nearest one: after a look ahead in March, "April" is the coming
 * April and "February" the one just gone.
 */
function nearestMonthOf(period: Period, today: string): Period {
  if (period.grain !== 'month' || period.end > today) return period;
  let start = period.start;
  while (addMonths(start, 12) <= today) start = addMonths(start, 12);
  const coming = addMonths(start, 12);
  const pastEnd = addMonths(start, 1);
  return daysBetween(today, coming) < daysBetween(pastEnd, today) ? monthSoFar(coming).month : period;
}

/** The same budgets (or the ones the message names) over the month named, or the month after. */
async function budgetFollowOn(
  ctx: TurnContext,
  state: DialogState,
  topic: Extract<CoachingTopic, { kind: 'budget' }>,
  period: Period | undefined,
  step: boolean,
): Promise<TurnResult> {
  const all = await ctx.services.store.budgets.list(ctx.input.userId);
  const named = namedCategories(ctx).map((c) => c.key);
  const keys = named.length ? named : topic.keys;
  const chosen = all.filter((b) => keys.includes(b.subjectKey));
  if (chosen.length === 0) {
    const label = namedCategories(ctx)
      .map((c) => c.label)
      .join(' and ');
    return {
      replies: [{ template: 'NoSuchBudget', data: { label, none: all.length === 0 } }],
      state: { ...state, lastCoaching: undefined },
    };
  }
  const month = step ? monthSoFar(topic.month.end).month : (period ?? topic.month);
  return answerBudgetsOver(ctx, state, chosen, month);
}

/** The payday after the one just given, or the paydays the schedule expects in the period named. */
async function paydayFollowOn(
  ctx: TurnContext,
  state: DialogState,
  topic: Extract<CoachingTopic, { kind: 'payday' }>,
  period: Period | undefined,
): Promise<TurnResult> {
  const facts = await coachingFacts(ctx);
  const s = facts.schedule;
  const today = facts.today;
  const say = (template: string, data: Record<string, unknown>, date?: string): TurnResult => ({
    replies: [{ template, data, suggestions: date ? ['And the one after?'] : [] }],
    state: {
      ...state,
      pending: undefined,
      lastCoaching: date ? { kind: 'payday', date } : undefined,
    },
  });
  // A period over already: what was paid then is a question about income, which the reply offers.
  if (period && period.end <= addDays(today, 1))
    return say('PaydayPastPeriod', { period: periodText(period) });
  if (!s) return say('PayNoRegularIncome', {});
  const common = { payer: s.payer, amount: formatMoney(s.usualAmountMinor, s.currency) };
  if (!facts.payRegularToDataEnd)
    return say('PaydayAfterUnsure', { ...common, lastDate: dayWithWeekday(s.lastPaid.date) });
  if (!period) {
    const next = paydaysBetween(s.rule, topic.date, addDays(topic.date, NEXT_PAYDAY_WITHIN_DAYS))[0];
    if (!next) return say('PaydayAfterUnsure', { ...common, lastDate: dayWithWeekday(s.lastPaid.date) });
    return say(
      'PaydayAfter',
      { ...common, date: dayWithWeekday(next), days: daysBetween(today, next) },
      next,
    );
  }
  const after = [addDays(period.start, -1), addDays(today, -1)].sort().at(-1)!;
  const dates = paydaysBetween(s.rule, after, addDays(period.end, -1));
  return say(
    'PaydaysIn',
    { ...common, period: periodText(period), dates: dates.map(dayWithWeekday), count: dates.length },
    dates.at(-1),
  );
}

/** The bills of the month after the last list, or of the period named, each day counted said. */
async function billsFollowOn(
  ctx: TurnContext,
  state: DialogState,
  topic: Extract<CoachingTopic, { kind: 'bills' }>,
  period: Period | undefined,
): Promise<TurnResult> {
  const facts = await coachingFacts(ctx);
  const today = facts.today;
  if (!period) {
    const until = addMonths(topic.until, 1);
    return billsOver(facts, state, {
      after: topic.until,
      until,
      byPayday: false,
      starts: addDays(topic.until, 1),
    });
  }
  if (period.end <= addDays(today, 1)) {
    return {
      replies: [{ template: 'BillsPastPeriod', data: { period: periodText(period) } }],
      state: { ...state, pending: undefined, lastCoaching: undefined },
    };
  }
  const after = [addDays(period.start, -1), today].sort().at(-1)!;
  return billsOver(facts, state, {
    after,
    until: addDays(period.end, -1),
    byPayday: false,
    starts: addDays(after, 1),
  });
}
