import type { Frame, UserVocabulary } from '../language/types.ts';
import { answerMoney } from './ask.ts';
import { budgetPendingTurn } from './budgets.ts';
import { affordPendingTurn } from './coaching.ts';
import { coachingFollowOnTurn } from './coaching-follow-on.ts';
import { demoTurn } from './demo.ts';
import { applyClarification } from './clarify.ts';
import { editLastQuestion } from './follow-up.ts';
import { forgetTurn, startDelete } from './forget.ts';
import { linkTurn, startLink } from './link.ts';
import { INTENT_HANDLERS, isMoneyQuestion, needsData, understoodOf } from './registry.ts';
import { helpSuggestions } from './suggestions.ts';
import type { DialogState, Reply, Services, TurnContext, TurnInput, TurnResult } from './types.ts';

/** Kept for the dialogs that name the turn's types by these names. */
export type { TurnContext as TurnContextLite, TurnResult } from './types.ts';
export { starterSuggestions } from './suggestions.ts';

/** Longest message read in full; anything beyond is ignored rather than refused. */
export const MAX_TEXT = 500;

/** How sure the language layer must be before delete, cancel or help breaks into a waiting dialog. */
const INTERRUPT_CONFIDENCE = 0.5;

/** Nothing about the person: what a group turn understands text against. */
const NO_VOCABULARY: UserVocabulary = { accounts: [], merchants: [] };

/**
 * One turn of the conversation: interruptions first (delete, cancel, help), then whatever the bot was
 * waiting for, then a fresh question. Pure of channel concerns; the bot layer renders the replies. In a
 * group conversation only what is the same for everyone is answered.
 */
export async function handleTurn(
  input: TurnInput,
  state: DialogState,
  services: Services,
): Promise<TurnResult> {
  const text = input.text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  if (input.inGroup) return groupTurn({ ...input, text }, state, services);
  const { vocabulary, merchantIds } = await vocabularyOf(services, input.userId);
  const frame = text ? services.understanding.understand(text, input.today, vocabulary) : emptyFrame();
  const ctx: TurnContext = { input: { ...input, text }, frame, services, vocabulary, merchantIds };

  const interrupted = await interruption(ctx, state);
  if (interrupted) return interrupted;

  const pending = state.pending;
  if (pending) {
    if (pending.kind === 'clarify') {
      const resolved = applyClarification(pending, text, frame, vocabulary);
      if (resolved) {
        const again = { ...ctx, frame: resolved };
        return answerMoney(again, { ...state, pending: undefined }, understoodOf(again));
      }
      if (isMoneyQuestion(frame.intent)) return route(ctx, { ...state, pending: undefined });
      return {
        replies: [
          { template: 'ClarifyAgain', data: { options: pending.options }, suggestions: pending.options },
        ],
        state,
      };
    }
    if (pending.kind === 'budget-subject' || pending.kind === 'budget-amount') {
      // A real question or another budget request is answered as itself; the waiting question is dropped.
      const fresh =
        INTENT_HANDLERS[frame.intent].kind === 'coaching' ||
        (isMoneyQuestion(frame.intent) &&
          frame.confidence >= 0.6 &&
          text.split(' ').length > 2 &&
          !/^(all|everything)\b/i.test(text));
      const answered = fresh ? undefined : await budgetPendingTurn(ctx, pending, state);
      if (answered) return answered;
    } else if (pending.kind === 'afford-amount') {
      const answered = await affordPendingTurn(ctx, pending, state);
      if (answered) return answered;
    } else if (pending.kind === 'confirm-demo') {
      const answered = await demoTurn(ctx, state);
      if (answered) return answered;
    } else if (pending.kind === 'confirm-unlink' || pending.kind === 'confirm-delete') {
      // A real question instead of a yes or no leaves the data as it is and gets answered.
      if (!(isMoneyQuestion(frame.intent) && frame.confidence >= 0.6 && text.split(' ').length > 2))
        return forgetTurn(ctx, pending, state);
    } else {
      const linked = await linkTurn(ctx, pending, state);
      if (linked) return linked;
    }
  }
  return route(ctx, { ...state, pending: undefined });
}

/**
 * "Delete my data", "cancel" and "help" are heard whatever the bot is waiting for: delete starts its own
 * confirmation (again, if that is what was waiting), cancel drops the waiting question, help answers and
 * keeps it. A yes or no that names deleting ("yes, delete everything") still answers the question asked.
 */
async function interruption(ctx: TurnContext, state: DialogState): Promise<TurnResult | undefined> {
  const { frame } = ctx;
  if (frame.confidence < INTERRUPT_CONFIDENCE) return undefined;
  const pending = state.pending;
  // "and after that?" after a payday steps on from it, however the classifier leans.
  const followsOn = frame.followOn?.kind === 'step' && state.lastCoaching !== undefined;
  if (frame.intent === 'cancel' && !followsOn) {
    return {
      replies: [{ template: 'Cancelled', data: { wasWaiting: Boolean(pending) } }],
      state: { last: state.last },
    };
  }
  if (frame.intent === 'help') {
    const replies: Reply[] = [{ template: 'Help', suggestions: helpSuggestions() }];
    if (pending) replies.push({ template: 'StillWaiting', data: { pending: pending.kind } });
    return { replies, state };
  }
  if (frame.intent === 'delete_data' && pending && frame.yesNo === undefined) {
    return startDelete(ctx, { ...state, pending: undefined });
  }
  return undefined;
}

/**
 * A turn in a group chat or channel. Nobody's money, accounts or merchants are read or said, and whether
 * the person has any data is not revealed: greetings, help, thanks and what Tally keeps are answered, and
 * anything else is asked for in a private chat.
 */
function groupTurn(input: TurnInput, state: DialogState, services: Services): TurnResult {
  const frame = input.text
    ? services.understanding.understand(input.text, input.today, NO_VOCABULARY)
    : emptyFrame();
  const general = input.attachments.length === 0 && frame.confidence >= INTERRUPT_CONFIDENCE;
  const answer = general ? INTENT_HANDLERS[frame.intent].inGroup : undefined;
  return { replies: [answer ?? { template: 'AskPrivately' }], state };
}

/** Below this the classifier is guessing, and the message may well build on the last answer. */
const REQUEST_CONFIDENCE = 0.6;

/**
 * A fresh message: a file starts linking; a follow-up edits the last question; otherwise the intent's
 * handler answers (a question about money needs linked data first).
 */
async function route(ctx: TurnContext, given: DialogState): Promise<TurnResult> {
  const { input, frame } = ctx;
  if (input.attachments.length > 0) return startLink(ctx, given, true);
  const hasData = ctx.vocabulary.accounts.length > 0;
  // "And the one after?" after a payday: the coaching answer just given is the one built on.
  const followedOn = hasData ? await coachingFollowOnTurn(ctx, given) : undefined;
  if (followedOn) return followedOn;
  const state: DialogState = { ...given, lastCoaching: undefined };
  // A confident request of another kind ("Starbucks is coffee", "unlink Amex") is not a follow-up.
  const otherRequest =
    frame.intent !== 'none' &&
    !isMoneyQuestion(frame.intent) &&
    frame.confidence >= REQUEST_CONFIDENCE &&
    (frame.intent !== 'correct_category' || frame.correction !== undefined);
  if (!otherRequest && state.last && hasData) {
    const edited = editLastQuestion(understoodOf(ctx), frame, state.last);
    if (edited) return answerMoney(ctx, state, edited.understood, edited.offset);
  }
  const asksAboutMoney =
    needsData(frame.intent) || (frame.intent === 'none' && frame.understood !== undefined);
  if (asksAboutMoney && !hasData) {
    return {
      replies: [{ template: 'NoAccountsYet', suggestions: ['Try the demo', 'Link an account'] }],
      state,
    };
  }
  if (frame.intent === 'none' && frame.understood) return answerMoney(ctx, state, frame.understood);
  return INTENT_HANDLERS[frame.intent].handle(ctx, state);
}

type Vocabulary = { vocabulary: UserVocabulary; merchantIds: Map<string, number[]> };

/** Built once per user's merchant list (the store hands back the same list until the ledger changes). */
const vocabularies = new WeakMap<object, { accountsKey: string; built: Vocabulary }>();

async function vocabularyOf(services: Services, userId: string): Promise<Vocabulary> {
  const [accounts, merchants] = await Promise.all([
    services.store.accounts.list(userId),
    services.store.queries.merchants(userId),
  ]);
  const refs = accounts.map((a) => ({
    id: a.id,
    name: a.name,
    type: a.type,
    institution: a.institution ?? undefined,
    mask: a.mask ?? undefined,
  }));
  // The same merchant array keeps the language layer's index of it warm.
  const accountsKey = JSON.stringify(refs);
  const kept = vocabularies.get(merchants);
  if (kept?.accountsKey === accountsKey) return kept.built;
  const built: Vocabulary = {
    vocabulary: { accounts: refs, merchants: merchants.map((m) => m.name) },
    merchantIds: merchants.reduce((ids, m) => {
      const key = m.name.toLowerCase();
      return ids.set(key, [...(ids.get(key) ?? []), m.id]);
    }, new Map<string, number[]>()),
  };
  vocabularies.set(merchants, { accountsKey, built });
  return built;
}

function emptyFrame(): Frame {
  return { intent: 'none', confidence: 0, periods: [], categories: [], merchants: [], accounts: [] };
}
