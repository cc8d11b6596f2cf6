/**
 * The bills still to come: before payday (the usual horizon), up to a day the person named ("this month",
 * "till Friday"), or over the pay cycle after the next payday ("which land between that paycheck and the
 * next one?"). Each answer names where the count starts and stops.
 */
import type { ExpectedBill } from '../insights/coaching/bills.ts';
import { billsBetween, billsTotal } from '../insights/coaching/bills.ts';
import { weekdayOf } from '../insights/coaching/business-days.ts';
import { paydaysBetween } from '../insights/coaching/pay-schedule.ts';
import type { CoachingAsk } from '../language/types.ts';
import { addDays } from '../day.ts';
import { formatMoney } from '../money.ts';
import { coachingFacts, horizonOf, type CoachingFacts } from './coaching-facts.ts';
import { dayText, weekdayText } from './describe.ts';
import type { DialogState, TurnContext, TurnResult } from './types.ts';

/** Nothing beyond the intent: count to payday, the figure and not its low point. */
const PLAIN_ASK: CoachingAsk = { lowPoint: false, keepBack: false, howLong: false, howMuch: false };

/** What the question asks beyond its intent, as the language layer read it. */
export function askOf(ctx: TurnContext): CoachingAsk {
  return ctx.frame.payCycle ?? PLAIN_ASK;
}

/** "Friday 13 Mar 2026". */
export function dayWithWeekday(iso: string): string {
  return `${weekdayText(weekdayOf(iso))} ${dayText(iso)}`;
}

/** One expected bill for the templates (`BillItem` in coaching.lg says it). */
export function billItem(b: ExpectedBill): {
  merchant: string;
  amount: string;
  estimated: boolean;
  day: string;
} {
  return {
    merchant: b.merchant,
    amount: formatMoney(b.amountMinor, b.currency),
    estimated: b.estimated,
    day: dayWithWeekday(b.date),
  };
}

/** The bills whose amount is an estimate, once each: what is expected and the spread of recent bills. */
export function estimatesOf(
  bills: readonly ExpectedBill[],
): { merchant: string; amount: string; low: string; high: string }[] {
  const seen = new Set<string>();
  const out: { merchant: string; amount: string; low: string; high: string }[] = [];
  for (const b of bills) {
    const key = `${b.currency}|${b.merchant}`;
    if (!b.estimated || !b.range || seen.has(key)) continue;
    seen.add(key);
    out.push({
      merchant: b.merchant,
      amount: formatMoney(b.amountMinor, b.currency),
      low: formatMoney(b.range.lowMinor, b.currency),
      high: formatMoney(b.range.highMinor, b.currency),
    });
  }
  return out;
}

/** Where the count stops (and, for a later pay cycle, where it starts), in words the templates share. */
export function horizonData(facts: CoachingFacts, until: string, byPayday: boolean, from = '', starts = '') {
  return {
    h: {
      until: dayWithWeekday(until),
      from: from ? dayWithWeekday(from) : '',
      /** The first day of a span the person named ("in April"). */
      starts: starts ? dayWithWeekday(starts) : '',
      byPayday,
      noPayday: !facts.schedule || !facts.payRegularToDataEnd,
    },
  };
}

/** The pay cycle after the next payday: (next payday, the one after]; undefined without a steady payday. */
function nextCycleOf(facts: CoachingFacts): { from: string; until: string } | undefined {
  const s = facts.schedule;
  if (!s || !facts.payRegularToDataEnd) return undefined;
  const following = paydaysBetween(s.rule, s.nextPayday, addDays(s.nextPayday, 62))[0];
  return following ? { from: s.nextPayday, until: following } : undefined;
}

/** The days a bills list counts: `(after, until]`, with where it says it starts (`from`, a payday or a day). */
export interface BillsSpan {
  after: string;
  until: string;
  byPayday: boolean;
  /** The payday the count starts after, for a later pay cycle. */
  from?: string;
  /** The first day counted, for a span named by the person ("in April"). */
  starts?: string;
}

/** "What bills are coming up?", "anything due before payday?", "how much should I keep back for bills?". */
export async function answerUpcomingBills(ctx: TurnContext, state: DialogState): Promise<TurnResult> {
  const facts = await coachingFacts(ctx);
  const ask = askOf(ctx);
  if (ask.nextCycle) {
    const cycle = nextCycleOf(facts);
    // Without paydays to count between, any list would be a guess at the wrong days: say so instead.
    if (!cycle) {
      return {
        replies: [{ template: 'BillsNoPayCycle', suggestions: ['What bills are coming up?'] }],
        state: { ...state, pending: undefined },
      };
    }
    const span = { after: cycle.from, until: cycle.until, byPayday: false, from: cycle.from };
    return billsOver(facts, state, span, ask.keepBack);
  }
  const { until, byPayday } = horizonOf(facts, ask.until);
  return billsOver(facts, state, { after: facts.today, until, byPayday }, ask.keepBack);
}

/** The bills expected over the span, each with its day and amount, and their sum; the span is kept. */
export function billsOver(
  facts: CoachingFacts,
  state: DialogState,
  span: BillsSpan,
  keepBack = false,
): TurnResult {
  const bills = billsBetween(facts.series, facts.history, span.after, span.until);
  // One total per currency, the pay's currency first: amounts in different currencies are never added.
  const main = facts.schedule?.currency ?? bills[0]?.currency ?? 'USD';
  const totals = billsTotal(bills).sort((a, b) => Number(b.currency === main) - Number(a.currency === main));
  const total = totals[0] ?? { currency: main, amountMinor: 0 };
  const estimates = estimatesOf(bills);
  const h = horizonData(facts, span.until, span.byPayday, span.from ?? '', span.starts ?? '');
  return {
    replies: [
      {
        template: 'UpcomingBills',
        data: {
          ...h,
          items: bills.map(billItem),
          count: bills.length,
          total: formatMoney(total.amountMinor, total.currency),
          totals: totals.map((t) => formatMoney(t.amountMinor, t.currency)),
          estimates,
          keepBack,
        },
        suggestions: ['And the month after?', 'How much can I spend until payday?', 'Show my subscriptions'],
      },
    ],
    state: { ...state, pending: undefined, lastCoaching: { kind: 'bills', until: span.until } },
  };
}
