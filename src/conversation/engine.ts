import type { Frame, Intent, UserVocabulary } from '../language/types.ts';
import { answerFindings } from './findings.ts';
import { applyClarification, mergeFollowUp } from './follow-up.ts';
import { answerCorrection, answerAlerts } from './settings.ts';
import { answerDemo, demoTurn } from './demo.ts';
import { forgetTurn, startDelete, startUnlink, yesOrNo } from './forget.ts';
import { linkTurn, startLink } from './link.ts';
import { answerQuestion, isQuestion } from './spending.ts';
import type { DialogState, Reply, Services, TurnInput } from './types.ts';

/** Longest message read in full; anything beyond is ignored rather than refused. */
export const MAX_TEXT = 500;

export interface TurnResult {
  replies: Reply[];
  state: DialogState;
}

/** How sure the language layer must be before delete, cancel or help breaks into a waiting dialog. */
const INTERRUPT_CONFIDENCE = 0.5;

/** Nothing about the person: what a group turn understands text against. */
const NO_VOCABULARY: UserVocabulary = { accounts: [], merchants: [] };

/**
 * One turn of the conversation: interruptions first (delete, cancel, help), then whatever the bot was
 * waiting for, then a fresh question. Pure of channel concerns; the bot layer renders the replies. In a
 * group conversation only what is the same for everyone is answered.
 */
export async function handleTurn(input: TurnInput, state: DialogState, services: Services): Promise<TurnResult> {
  const text = input.text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  if (input.inGroup) return groupTurn({ ...input, text }, state, services);
  const { vocabulary, merchantIds } = await vocabularyOf(services, input.userId);
  const frame = text ? services.understanding.understand(text, input.today, vocabulary) : emptyFrame();
  const ctx: TurnContextLite = { input: { ...input, text }, frame, services, vocabulary, merchantIds };

  const interrupted = await interruption(ctx, state);
  if (interrupted) return interrupted;

  const pending = state.pending;
  if (pending) {
    if (pending.kind === 'clarify') {
      const resolved = applyClarification(pending, text, frame, vocabulary);
      if (resolved) return answerQuestion({ ...ctx, frame: resolved }, { ...state, pending: undefined });
      if (isQuestion(frame)) return route(ctx, { ...state, pending: undefined });
      return { replies: [{ template: 'ClarifyAgain', data: { options: pending.options }, suggestions: pending.options }], state };
    }
    if (pending.kind === 'confirm-demo') {
      const answered = await demoTurn(ctx, state);
      if (answered) return answered;
    } else if (pending.kind === 'confirm-unlink' || pending.kind === 'confirm-delete') {
      // A real question instead of a yes or no leaves the data as it is and gets answered.
      if (!(isQuestion(frame) && frame.confidence >= 0.6 && text.split(' ').length > 2)) return forgetTurn(ctx, pending, state);
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
async function interruption(ctx: TurnContextLite, state: DialogState): Promise<TurnResult | undefined> {
  const { frame, input } = ctx;
  if (frame.confidence < INTERRUPT_CONFIDENCE) return undefined;
  const pending = state.pending;
  if (frame.intent === 'cancel') {
    return { replies: [{ template: 'Cancelled', data: { wasWaiting: Boolean(pending) } }], state: { last: state.last } };
  }
  if (frame.intent === 'help') {
    const replies: Reply[] = [{ template: 'Help', suggestions: helpSuggestions() }];
    if (pending) replies.push({ template: 'StillWaiting', data: { pending: pending.kind } });
    return { replies, state };
  }
  if (frame.intent === 'delete_data' && pending && yesOrNo(input.text, frame.intent) === undefined) {
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
  const frame = input.text ? services.understanding.understand(input.text, input.today, NO_VOCABULARY) : emptyFrame();
  const general = input.attachments.length === 0 && frame.confidence >= INTERRUPT_CONFIDENCE;
  const answer = general ? GROUP_ANSWERS[frame.intent] : undefined;
  return { replies: [answer ?? { template: 'AskPrivately' }], state };
}

/** What is said in a group, the same whoever asks. */
const GROUP_ANSWERS: Partial<Record<Intent, Reply>> = {
  greeting: { template: 'GreetingInGroup' },
  help: { template: 'Help' },
  privacy: { template: 'PrivacyInGroup' },
  thanks: { template: 'Thanks' },
  cancel: { template: 'NothingToCancel' },
};

export interface TurnContextLite {
  input: TurnInput;
  frame: Frame;
  services: Services;
  vocabulary: UserVocabulary;
  /** The user's merchants by lower-case name, read once per turn with the vocabulary. */
  merchantIds: ReadonlyMap<string, readonly number[]>;
}

async function route(ctx: TurnContextLite, state: DialogState): Promise<TurnResult> {
  const { input } = ctx;
  if (input.attachments.length > 0) return startLink(ctx, state, true);
  const frame = mergeFollowUp(ctx.frame, state.last?.frame, input.text);
  const accounts = ctx.vocabulary.accounts.length;
  switch (frame.intent) {
    case 'greeting':
      return { replies: [{ template: accounts ? 'Greeting' : 'GreetingNoAccounts', suggestions: starterSuggestions(accounts > 0) }], state };
    case 'thanks':
      return { replies: [{ template: 'Thanks' }], state };
    case 'privacy':
      return { replies: [{ template: 'Privacy', data: { accounts } }], state };
    case 'help':
      return { replies: [{ template: 'Help', suggestions: helpSuggestions() }], state };
    case 'cancel':
      return { replies: [{ template: 'NothingToCancel' }], state };
    case 'yes':
    case 'no':
      return { replies: [{ template: 'Fallback', suggestions: starterSuggestions(accounts > 0) }], state };
    case 'link_account':
      return startLink(ctx, state, false);
    case 'unlink_account':
      return startUnlink({ ...ctx, frame }, state);
    case 'delete_data':
      return startDelete(ctx, state);
    case 'demo':
      return answerDemo(ctx, state);
    case 'correct_category':
      return answerCorrection({ ...ctx, frame }, state);
    case 'alerts':
      return answerAlerts({ ...ctx, frame }, state);
    case 'none':
      return { replies: [{ template: 'Fallback', suggestions: starterSuggestions(accounts > 0) }], state };
    default:
      break;
  }
  if (accounts === 0) {
    return { replies: [{ template: 'NoAccountsYet', suggestions: ['Try the demo', 'Link an account'] }], state };
  }
  if (frame.intent === 'unusual' || frame.intent === 'duplicates' || frame.intent === 'subscriptions' || frame.intent === 'price_rises') {
    return answerFindings({ ...ctx, frame }, state);
  }
  if (frame.ambiguous) {
    const pending = { kind: 'clarify' as const, frame, field: frame.ambiguous.kind, options: frame.ambiguous.options };
    return {
      replies: [{ template: 'Clarify', data: { kind: frame.ambiguous.kind, text: frame.ambiguous.text, options: frame.ambiguous.options }, suggestions: frame.ambiguous.options }],
      state: { ...state, pending },
    };
  }
  return answerQuestion({ ...ctx, frame }, state);
}

async function vocabularyOf(
  services: Services,
  userId: string,
): Promise<{ vocabulary: UserVocabulary; merchantIds: Map<string, number[]> }> {
  const [accounts, merchants] = await Promise.all([
    services.store.accounts.list(userId),
    services.store.queries.merchants(userId),
  ]);
  return {
    vocabulary: {
      accounts: accounts.map((a) => ({ id: a.id, name: a.name, type: a.type, institution: a.institution ?? undefined, mask: a.mask ?? undefined })),
      merchants: merchants.map((m) => m.name),
    },
    merchantIds: merchants.reduce((ids, m) => {
      const key = m.name.toLowerCase();
      return ids.set(key, [...(ids.get(key) ?? []), m.id]);
    }, new Map<string, number[]>()),
  };
}

function emptyFrame(): Frame {
  return { intent: 'none', confidence: 0, periods: [], categories: [], merchants: [], accounts: [] };
}

export function starterSuggestions(hasAccounts: boolean): string[] {
  return hasAccounts
    ? ['Spending last month', 'Top merchants this year', 'Any unusual charges?', 'Show my subscriptions']
    : ['Try the demo', 'Link an account', 'What do you keep about me?'];
}

function helpSuggestions(): string[] {
  return ['How much did I spend on groceries last month?', 'Break down last month by category', 'Link an account', 'Delete my data'];
}
