/**
 * Money coaching: when the next payday is, which bills come before it, what is left to spend until then,
 * whether something fits, whether the money will last, and what a month's saving was made of. Figures come
 * from insights/coaching (pure) over the executor's results; words come from dialogs/coaching.lg.
 */
import { weekdayOf } from '../insights/coaching/business-days.ts';
import { affordability, projectLowPoint, type LeftToSpend } from '../insights/coaching/left-to-spend.ts';
import type { PaySchedule } from '../insights/coaching/pay-schedule.ts';
import { savingsOf } from '../insights/coaching/savings.ts';
import { figure } from '../insights/execute.ts';
import type { Understood } from '../insights/query.ts';
import type { CoachingAsk } from '../language/types.ts';
import { daysBetween } from '../day.ts';
import { formatMoney } from '../money.ts';
import { answerMoney } from './ask.ts';
import {
  coachingFacts,
  horizonOf,
  leftAfterBudgets,
  usualDailySpending,
  type CoachingFacts,
} from './coaching-facts.ts';
import { dayText, joinWords, periodText, weekdayText } from './describe.ts';
import { askOf, billItem, dayWithWeekday, estimatesOf, horizonData } from './bills-ahead.ts';
import type { DialogState, Pending, Reply, TurnContext, TurnResult } from './types.ts';

/** A balance older than this many days is said with its date. */
const STALE_BALANCE_DAYS = 2;

const answered = (state: DialogState, ...replies: Reply[]): TurnResult => ({
  replies,
  state: { ...state, pending: undefined },
});

/** The schedule as the templates word it: the cadence key, the days of the month or the weekday, the shift. */
export function scheduleWords(s: PaySchedule): {
  cadence: PaySchedule['cadence'];
  monthDays: number[];
  weekday: string;
  shift: string;
} {
  return {
    cadence: s.cadence,
    monthDays: s.rule.kind === 'monthdays' ? s.rule.days : [],
    weekday: s.rule.kind === 'interval' ? weekdayText(weekdayOf(s.rule.anchor)) : '',
    shift: s.rule.shift,
  };
}

function payFacts(s: PaySchedule, facts: CoachingFacts) {
  const today = facts.today;
  return {
    payer: s.payer,
    date: dayWithWeekday(s.nextPayday),
    today: s.nextPayday === today,
    days: daysBetween(today, s.nextPayday),
    amount: formatMoney(s.usualAmountMinor, s.currency),
    ...scheduleWords(s),
    lastDate: dayWithWeekday(s.lastPaid.date),
    lastAmount: formatMoney(s.lastPaid.amountMinor, s.currency),
    overdue: s.overdue,
    /** Overdue only because the statements stop early. */
    dataOld: s.overdue && facts.payRegularToDataEnd,
    dataEnds: dayText(facts.dataEnds),
    /** Other regular income, a side job or a benefit. */
    others: facts.otherPay.map((o) => ({
      payer: o.payer,
      amount: formatMoney(o.usualAmountMinor, o.currency),
      date: dayWithWeekday(o.nextPayday),
      ...scheduleWords(o),
    })),
  };
}

/** "When's my next payday?", "how much do I get paid?". */
export async function answerPayday(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const facts = await coachingFacts(ctx);
  const s = facts.schedule;
  if (!s) return answered(state, { template: 'PayNoRegularIncome', suggestions: ['Income last month'] });
  const { howLong, howMuch } = askOf(ctx);
  const result = answered(state, {
    template: 'PaySchedule',
    data: { ...payFacts(s, facts), howMuch, howLong },
    suggestions: ['And the one after?', 'What bills are coming up?', 'How much can I spend until payday?'],
  });
  return { ...result, state: { ...result.state, lastCoaching: { kind: 'payday', date: s.nextPayday } } };
}

function leftData(left: LeftToSpend, facts: CoachingFacts) {
  const money = (minor: number) => formatMoney(minor, left.currency);
  const counted = [...left.bills, ...left.pay].map((x) => x.date);
  return {
    currency: left.currency,
    left: money(left.leftMinor),
    negative: left.leftMinor < 0,
    shortBy: money(Math.abs(left.leftMinor)),
    working: {
      accounts: joinWords(left.accounts.map((a) => a.accountName)),
      balance: money(left.balanceMinor),
      asOf: dayText(left.asOf),
      // Old, or old enough that bills or pay since it are counted on top: the figure says from when.
      stale:
        left.asOf < facts.today &&
        (daysBetween(left.asOf, facts.today) > STALE_BALANCE_DAYS || counted.some((d) => d <= facts.today)),
      pay: money(left.payMinor),
      payItems: left.pay.map((p) => ({
        payer: p.payer,
        amount: money(p.amountMinor),
        day: dayWithWeekday(p.date),
      })),
      bills: money(left.billsMinor),
      billItems: left.bills.map(billItem),
      billCount: left.bills.length,
      estimates: estimatesOf(left.bills),
      reserved: money(left.reservedMinor),
      reservedItems: left.reserved.map((r) => ({ label: r.label, amount: money(r.amountMinor) })),
    },
  };
}

/** The figure in each further currency, said on its own after the main one. */
function otherCurrencies(
  lefts: readonly LeftToSpend[],
  facts: CoachingFacts,
  h: ReturnType<typeof horizonData>,
): Reply[] {
  return lefts
    .slice(1)
    .map((left) => ({ template: 'LeftToSpendInCurrency', data: { ...leftData(left, facts), ...h } }));
}

/** The day the projection starts: the balance's own day when it is older than today. */
const startOfLeft = (left: LeftToSpend, today: string) => (left.asOf < today ? left.asOf : today);

/**
 * "How much can I spend until payday?", "will I run out before payday?", with what is left of category
 * budgets held back; one figure per currency.
 */
export async function answerLeftToSpend(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const facts = await coachingFacts(ctx);
  const ask = askOf(ctx);
  const { until, byPayday } = horizonOf(facts, ask.until);
  const lefts = await leftAfterBudgets(facts, until);
  const left = lefts[0];
  if (!left)
    return answered(state, { template: 'LeftNoSpendingBalance', suggestions: ['What bills are coming up?'] });
  const h = horizonData(facts, until, byPayday);
  const data = { ...leftData(left, facts), ...h };
  if (!ask.lowPoint) {
    return answered(
      state,
      {
        template: 'LeftToSpend',
        data,
        suggestions: ['Will I run out before payday?', 'What bills are coming up?'],
      },
      ...otherCurrencies(lefts, facts, h),
    );
  }
  const dailyMinor = await usualDailySpending(facts, left.currency);
  const low = projectLowPoint({
    startMinor: left.balanceMinor - left.reservedMinor,
    from: startOfLeft(left, facts.today),
    payday: until,
    bills: left.bills,
    pay: left.pay,
    dailyMinor,
    reportFrom: facts.today,
  });
  const money = (minor: number) => formatMoney(minor, left.currency);
  return answered(state, {
    template: 'RunOutBeforePayday',
    data: {
      ...data,
      low: money(low.lowMinor),
      lowDate: dayWithWeekday(low.lowDate),
      runsOut: Boolean(low.runsOutOn),
      runsOutOn: low.runsOutOn ? dayWithWeekday(low.runsOutOn) : '',
      daily: money(low.dailyMinor),
      end: money(low.endMinor),
    },
    suggestions: ['What bills are coming up?', 'When is my next payday?'],
  });
}

/** "Can I afford $450?", "can I afford a new iPhone?" (no amount: what is left, and a question back). */
export async function answerAfford(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const ask = askOf(ctx);
  // Years of income, savings and debts decide a mortgage, not what is left until payday: no figure.
  if (ask.commitment)
    return answered(state, {
      template: 'AffordCommitment',
      data: { thing: ask.commitment },
      suggestions: [
        'How much do I get paid?',
        'How much did I save last month?',
        'What do I spend in a month?',
      ],
    });
  const facts = await coachingFacts(ctx);
  return affordWith(ctx, state, facts, ask);
}

/**
 * The answer to "how much is it?": a message that is only a price ("$1200", "about 900") answers the
 * affordability question asked before, to the same day. Anything else is a message of its own (undefined).
 */
export async function affordPendingTurn(
  ctx: TurnContext,
  pending: Extract<Pending, { kind: 'afford-amount' }>,
  state: DialogState,
): Promise<TurnResult | undefined> {
  const price = ctx.frame.price;
  if (!price) return undefined;
  const facts = await coachingFacts(ctx);
  return affordWith(ctx, state, facts, {
    amountMinor: price.minor,
    ...(price.currency ? { currency: price.currency } : {}),
    ...(pending.until ? { until: pending.until } : {}),
  });
}

async function affordWith(
  ctx: TurnContext,
  state: DialogState,
  facts: CoachingFacts,
  ask: Pick<CoachingAsk, 'amountMinor' | 'currency' | 'until'>,
): Promise<TurnResult> {
  const { until, byPayday } = horizonOf(facts, ask.until);
  const lefts = await leftAfterBudgets(facts, until);
  if (lefts.length === 0) return answered(state, { template: 'LeftNoSpendingBalance' });
  // A price in another currency is weighed against the money held in it, never against a sum of both.
  const left = lefts.find((l) => l.currency === ask.currency) ?? lefts[0]!;
  const data = { ...leftData(left, facts), ...horizonData(facts, until, byPayday) };
  if (ask.amountMinor === undefined || (ask.currency && ask.currency !== left.currency)) {
    // The price is asked for; it may come on its own next ("about 900").
    const pending: Pending = { kind: 'afford-amount', ...(ask.until ? { until: ask.until } : {}) };
    return {
      replies: [{ template: 'AffordHowMuch', data, suggestions: ['How much can I spend until payday?'] }],
      state: { ...state, pending },
    };
  }
  const fit = affordability(left, ask.amountMinor);
  return answered(state, {
    template: 'Afford',
    data: {
      ...data,
      amount: formatMoney(ask.amountMinor, left.currency),
      affordable: fit.affordable,
      leftAfter: formatMoney(Math.abs(fit.leftAfterMinor), left.currency),
    },
    suggestions: ['Will I run out before payday?', 'What bills are coming up?'],
  });
}

/** A savings question of one period with nothing narrowed: the figure, and what moved into savings. */
export function isSavingsQuestion(u: Understood): boolean {
  const q = u.query;
  return (
    q.measure.kind === 'saved' &&
    q.periods.length <= 1 &&
    !q.comparison &&
    !q.series &&
    !q.groupBy &&
    q.form === 'figure' &&
    !u.also &&
    !u.unplaced.length &&
    !u.unknownNames.length &&
    q.filters.include.categories.length +
      q.filters.include.merchants.length +
      q.filters.include.accounts.length ===
      0
  );
}

/**
 * "How much did I save last month?": money in minus money spent, both shown (the usual answer), then the
 * transfers into the person's savings accounts in the same period.
 */
export async function answerSavings(
  ctx: TurnContext,
  state: DialogState,
  u: Understood,
): Promise<TurnResult> {
  const result = await answerMoney(ctx, state, u);
  const period = result.state.last?.query.periods[0];
  const savingsAccounts = ctx.vocabulary.accounts.filter((a) => a.type === 'savings');
  if (!period || result.state.last?.query.measure.kind !== 'saved' || savingsAccounts.length === 0)
    return result;
  const facts = await coachingFacts(ctx);
  const saved = await figure(facts.exec, result.state.last.query, period);
  const currency = saved.values[0]?.currency ?? 'USD';
  const history = facts.history.filter((t) => t.date >= period.start && t.date < period.end);
  const s = savingsOf(saved, history, savingsAccounts, currency);
  const items = s.transfers.map((t) => ({
    amountIn: formatMoney(t.inMinor, t.currency),
    account: t.accountName,
    amountOut: t.outMinor ? formatMoney(t.outMinor, t.currency) : '',
  }));
  return {
    ...result,
    replies: [
      ...result.replies,
      {
        template: 'SavingsTransfers',
        data: {
          period: periodText(period),
          items,
          count: items.length,
          accounts: joinWords(savingsAccounts.map((a) => a.name)),
        },
      },
    ],
  };
}
