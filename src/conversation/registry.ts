/**
 * Every intent and what handles it, in one table: whether it is about money (answered from its query),
 * a finding (unusual charges, subscriptions…), a task (linking, deleting…) or general talk, and what is
 * said about it in a group conversation. A new intent does not type-check until it has a row here.
 */
import type { Intent } from '../language/types.ts';
import { answerMoney } from './ask.ts';
import { answerUpcomingBills } from './bills-ahead.ts';
import { answerBudgetList, answerBudgetRemove, answerBudgetSet, answerBudgetStatus } from './budgets.ts';
import {
  answerAfford,
  answerLeftToSpend,
  answerPayday,
  answerSavings,
  isSavingsQuestion,
} from './coaching.ts';
import { answerDemo } from './demo.ts';
import { answerFindings } from './findings.ts';
import { startDelete, startUnlink } from './forget.ts';
import { frameToUnderstood } from './frame-query.ts';
import { startLink } from './link.ts';
import { answerNotices } from './notices.ts';
import { answerAlerts, answerCorrection } from './settings.ts';
import { helpSuggestions, starterSuggestions } from './suggestions.ts';
import { answerTone } from './tone.ts';
import type { Reply, TurnContext, TurnHandler } from './types.ts';

/** `coaching`: budgets, tone and proactive settings — need linked data, and are not follow-ups of a question. */
export type IntentKind = 'money' | 'findings' | 'coaching' | 'task' | 'general';

export interface IntentEntry {
  kind: IntentKind;
  handle: TurnHandler;
  /** What is said in a group conversation, the same whoever asks; absent: "ask me privately". */
  inGroup?: Reply;
}

/** The query the message asks: the language layer's, or one built from the frame where it gave none. */
export function understoodOf(ctx: TurnContext) {
  return ctx.frame.understood ?? frameToUnderstood(ctx.frame, ctx.input.today);
}

const money: IntentEntry = {
  kind: 'money',
  handle: (ctx, state) => {
    const asked = understoodOf(ctx);
    return isSavingsQuestion(asked) ? answerSavings(ctx, state, asked) : answerMoney(ctx, state, asked);
  },
};
/** Coaching answers need data like findings, and are not edited by follow-ups. */
const coaching = (handle: TurnHandler): IntentEntry => ({ kind: 'findings', handle });
const findings: IntentEntry = { kind: 'findings', handle: answerFindings };
const say = (reply: (ctx: TurnContext) => Reply, inGroup?: Reply): IntentEntry => ({
  kind: 'general',
  handle: async (ctx, state) => ({ replies: [reply(ctx)], state }),
  inGroup,
});
const fallback = (ctx: TurnContext): Reply => ({
  template: 'Fallback',
  suggestions: starterSuggestions(ctx.vocabulary.accounts.length > 0),
});

export const INTENT_HANDLERS: Record<Intent, IntentEntry> = {
  spending: money,
  breakdown: money,
  top: money,
  compare: money,
  trend: money,
  balance: money,
  income: money,
  transactions: money,
  unusual: findings,
  duplicates: findings,
  subscriptions: findings,
  price_rises: findings,
  payday: coaching(answerPayday),
  upcoming_bills: coaching(answerUpcomingBills),
  left_to_spend: coaching(answerLeftToSpend),
  afford: coaching(answerAfford),
  link_account: { kind: 'task', handle: (ctx, state) => startLink(ctx, state, false) },
  unlink_account: { kind: 'task', handle: startUnlink },
  delete_data: { kind: 'task', handle: startDelete },
  demo: { kind: 'task', handle: answerDemo },
  correct_category: { kind: 'task', handle: answerCorrection },
  alerts: { kind: 'task', handle: answerAlerts },
  budget_set: { kind: 'coaching', handle: answerBudgetSet },
  budget_list: { kind: 'coaching', handle: answerBudgetList },
  budget_remove: { kind: 'coaching', handle: answerBudgetRemove },
  budget_status: { kind: 'coaching', handle: answerBudgetStatus },
  tone: { kind: 'coaching', handle: answerTone },
  notices: { kind: 'coaching', handle: answerNotices },
  privacy: say((ctx) => ({ template: 'Privacy', data: { accounts: ctx.vocabulary.accounts.length } }), {
    template: 'PrivacyInGroup',
  }),
  help: say(() => ({ template: 'Help', suggestions: helpSuggestions() }), { template: 'Help' }),
  greeting: say(
    (ctx) => ({
      template: ctx.vocabulary.accounts.length ? 'Greeting' : 'GreetingNoAccounts',
      suggestions: starterSuggestions(ctx.vocabulary.accounts.length > 0),
    }),
    { template: 'GreetingInGroup' },
  ),
  thanks: say(() => ({ template: 'Thanks' }), { template: 'Thanks' }),
  cancel: say(() => ({ template: 'NothingToCancel' }), { template: 'NothingToCancel' }),
  yes: say(fallback),
  no: say(fallback),
  none: say(fallback),
};

/** A question about the person's money that a follow-up can build on. */
export function isMoneyQuestion(intent: Intent): boolean {
  return INTENT_HANDLERS[intent].kind === 'money';
}

/** Needs linked data before it can be answered. */
export function needsData(intent: Intent): boolean {
  const kind = INTENT_HANDLERS[intent].kind;
  return kind === 'money' || kind === 'findings' || kind === 'coaching';
}
