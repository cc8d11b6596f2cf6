import type { AccountType } from '../ingest/types.ts';
import type { Period, Query } from '../insights/query.ts';
import type { Frame, UserVocabulary } from '../language/types.ts';
import type { Store } from '../store/index.ts';

/** One incoming message, as the conversation needs it (no channel types). */
export interface TurnInput {
  userId: string;
  text: string;
  /** The user's calendar day, ISO, in their time zone. */
  today: string;
  now: Date;
  attachments: Attachment[];
  /** Data from a tapped card button, if any. */
  value?: unknown;
  /**
   * The conversation has other people in it (a group chat or channel): nothing about anyone's money,
   * accounts or merchants may be said, and no dialog is started.
   */
  inGroup?: boolean;
}

export interface Attachment {
  name: string;
  contentType: string;
  contentUrl?: string;
  /** Inline content some channels send instead of a URL. */
  content?: unknown;
  /** The channel it came through, when that decides where it may be downloaded from. */
  channel?: string;
}

/** Something to say: a template in dialogs/*.lg with the data it needs, plus optional extras. */
export interface Reply {
  template: string;
  data?: Record<string, unknown>;
  /** Natural next questions, shown as tappable suggestions. */
  suggestions?: string[];
  /** An Adaptive Card (plain JSON) shown with the text, when the channel supports cards. */
  card?: object;
}

export interface Understanding {
  understand(text: string, today: string, vocabulary: UserVocabulary): Frame;
}

/** What the conversation may use; the bot layer builds it once and passes it in. */
export interface Services {
  store: Store;
  understanding: Understanding;
  /** Downloads an attachment the user sent, enforcing size and origin limits. */
  fetchAttachment(attachment: Attachment): Promise<Buffer>;
  /** Called after new transactions land, so alerts can go out. */
  afterImport?(userId: string): Promise<void>;
  /** Renders charts for cards; absent on channels or tests that do not need them. */
  charts?: ChartRenderer;
}

export interface ChartRenderer {
  bar(input: {
    title?: string;
    labels: string[];
    values: number[];
    currency: string;
    horizontal?: boolean;
  }): Promise<string>;
  line(input: {
    title?: string;
    labels: string[];
    series: { name: string; values: (number | null)[] }[];
    currency: string;
  }): Promise<string>;
}

/** What the bot is waiting for, if anything. */
export type Pending =
  | { kind: 'consent'; attachment?: Attachment }
  | { kind: 'account-name'; attachment?: Attachment }
  | { kind: 'account-type'; name: string; attachment?: Attachment }
  | { kind: 'upload'; name: string; type?: AccountType }
  | {
      kind: 'import-question';
      name: string;
      type?: AccountType;
      attachment: Attachment;
      topic: string;
      options: string[];
      overrides: { dateFormat?: string; columns?: string; negate?: boolean };
    }
  | { kind: 'confirm-unlink'; accountId: number; name: string }
  | { kind: 'confirm-delete' }
  /** "Try the demo" was asked for: loading it waits for a yes. */
  | { kind: 'confirm-demo' }
  | { kind: 'clarify'; frame: Frame; field: 'merchant' | 'account'; options: string[] }
  /** A budget was asked for without saying what it covers (the amount is kept). */
  | { kind: 'budget-subject'; amount?: { minor: number; currency?: string } }
  /** A budget was asked for without an amount (what it covers is kept). */
  | { kind: 'budget-amount'; subject: BudgetSubject }
  /** "Can I afford it?" was asked without a price; `until` is the day it was asked up to, if one was named. */
  | { kind: 'afford-amount'; until?: string };

/** What a budget covers: all spending, or one category. */
export interface BudgetSubject {
  key: string;
  label: string;
  codes: string[];
}

/** Conversation memory kept between turns (persisted by the bot layer). */
export interface DialogState {
  pending?: Pending;
  /** The last question answered, for follow-ups ("and in January?", "show me those", "and without Amazon?"). */
  last?: LastQuestion;
  /** The budget last set, changed or reported (its subject key), for "make it $350". */
  lastBudget?: string;
  /** The coaching answer just given, for "and the one after?", "and in March?" (cleared by any other). */
  lastCoaching?: CoachingTopic;
  /** Set when the user's data was just deleted: the bot layer must then drop, not save, this state. */
  deleted?: boolean;
}

/** True when the state holds nothing a later turn needs, so the bot layer keeps no row for it. */
export function remembersNothing(state: DialogState): boolean {
  return Object.entries(state).every(([key, value]) => key === 'deleted' || value === undefined);
}

/** What a coaching answer was about: the budgets over a month, a payday, the bills up to a day. */
export type CoachingTopic =
  | { kind: 'budget'; keys: string[]; month: Period }
  | { kind: 'payday'; date: string }
  | { kind: 'bills'; until: string };

/** The last question answered: the query as it was run, so a follow-up edits it. */
export interface LastQuestion {
  query: Query;
  /** How many transactions of a list have been shown, for "show more". */
  shown: number;
}

/** Everything one turn's handlers may use. */
export interface TurnContext {
  input: TurnInput;
  frame: Frame;
  services: Services;
  vocabulary: UserVocabulary;
  /** The user's merchants by lower-case name, read once per turn with the vocabulary. */
  merchantIds: ReadonlyMap<string, readonly number[]>;
}

export interface TurnResult {
  replies: Reply[];
  state: DialogState;
}

/** What handles one intent: the replies and the state after them. */
export type TurnHandler = (ctx: TurnContext, state: DialogState) => Promise<TurnResult>;
