/** What the language layer hands to the conversation: an intent and the entities it found. */

import type { Period, Understood } from '../insights/query.ts';

export type { Period } from '../insights/query.ts';

/** A period found in a piece of text, with where it was found. */
export interface PeriodMatch {
  period: Period;
  /** Character offsets of the matched words in the text given: `[index, index + length)`. */
  index: number;
  length: number;
}

export interface AmountRange {
  /** Inclusive lower bound in minor units. */
  minMinor?: number;
  /** Inclusive upper bound in minor units. */
  maxMinor?: number;
  currency?: string;
}

/** Intents that ask about the user's money: they keep every entity found in the message. */
export const DATA_INTENTS = [
  'spending',
  'breakdown',
  'top',
  'compare',
  'trend',
  'balance',
  'income',
  'transactions',
  'unusual',
  'duplicates',
  'subscriptions',
  'price_rises',
] as const;

/** Budgets, tone and proactive-message settings (read in language/coaching.ts). */
export const COACHING_INTENTS = [
  'budget_set',
  'budget_list',
  'budget_remove',
  'budget_status',
  'tone',
  'notices',
] as const;

export const INTENTS = [
  ...DATA_INTENTS,
  /** What comes next (language/pay-cycle.ts): paydays, bills to come, left to spend, affordability. */
  'payday',
  'upcoming_bills',
  'left_to_spend',
  'afford',
  'link_account',
  'unlink_account',
  'delete_data',
  'privacy',
  'correct_category',
  'alerts',
  ...COACHING_INTENTS,
  'demo',
  'help',
  'greeting',
  'thanks',
  'cancel',
  'yes',
  'no',
  'none',
] as const;
export type Intent = (typeof INTENTS)[number];

/** A category as a person names it, resolved to taxonomy codes (primary like `FOOD_AND_DRINK` or detailed like `FOOD_AND_DRINK_GROCERIES`). */
export interface CategoryRef {
  key: string;
  /** Words for replies: "groceries", "eating out". */
  label: string;
  codes: string[];
}

/** An account of the user's, as the language layer needs to know it. */
export interface AccountRef {
  id: number;
  name: string;
  type: 'checking' | 'savings' | 'credit_card';
  institution?: string;
  mask?: string;
}

/** What the user's own data offers for matching names. */
export interface UserVocabulary {
  merchants: string[];
  accounts: AccountRef[];
}

export interface Frame {
  intent: Intent;
  /** 0..1 from the classifier. */
  confidence: number;
  /** 0 periods = none said; 2 for comparisons. In the order the user said them. */
  periods: Period[];
  categories: CategoryRef[];
  /** Canonical merchant names from the user's own data. */
  merchants: string[];
  /** Account ids from the user's own data. */
  accounts: number[];
  amount?: AmountRange;
  /** "top 5", "my 3 biggest". */
  top?: number;
  groupBy?: 'category' | 'merchant' | 'account' | 'month';
  /** A word that could mean two or more merchants or accounts: the bot should ask which. */
  ambiguous?: { kind: 'merchant' | 'account'; text: string; options: string[] };
  /** For correct_category: "Blue Bottle is coffee" → merchant text and the category. */
  correction?: { merchantText: string; category: CategoryRef };
  /** For alerts: "turn alerts off" → false. */
  toggle?: boolean;
  /** A yes or a no, typed or tapped ("yep", "no thanks", "yes, delete it"); absent when it is neither. */
  yesNo?: boolean;
  /** A pick from a list just offered: "the second one" → 2, "first" → 1, "the last one" → -1. */
  ordinal?: number;
  /** For unlinking: account names the message gives that none of the user's accounts has ("my Chase card"). */
  unknownAccounts?: string[];
  /** The kind of account the words name: "credit card", "current account", "savings". */
  accountType?: AccountRef['type'];
  /** For questions about money: the query the message asks, and what of it was not understood. */
  understood?: Understood;
  /** For budgets, tone and proactive-message settings: what the message names. */
  coaching?: CoachingWords;
  /** For payday, bills, left-to-spend and afford questions: what the question asks beyond its intent. */
  payCycle?: CoachingAsk;
  /** A message that is nothing but a price ("about 900", "$1.2k"): the answer to "how much is it?". */
  price?: { minor: number; currency?: string };
  /** The first amount the message names in any form ("$400", "300", "1.5k"): the answer to "how much?". */
  amountSaid?: { minor: number; currency?: string };
  /** The message opens by naming all spending ("all of it", "everything", "overall"). */
  wholeSpending?: boolean;
  /** A short message building on the last coaching answer ("and the one after?", "and in March?"). */
  followOn?: FollowOn;
  /** How the message leans on the answer before it (see follow-up-cues.ts). */
  followUp?: FollowUpCue;
  /** "try the demo" / "remove the demo": a clear request about the made-up household. */
  demo?: 'load' | 'remove';
  /** How many words the message has: a long message is a question of its own, not an answer to one. */
  words?: number;
}

/** `edit` changes the last question, `short` borrows what it leaves out; `more` is the next page of a list. */
export interface FollowUpCue {
  kind?: 'edit' | 'short';
  more: boolean;
  /** The words ask for a comparison ("compare", "vs", "than"), so a one-period comparison is believed. */
  compareWorded: boolean;
}

/** See Frame.followOn: `step` is one past the last answer, `again` the same question with what is named. */
export interface FollowOn {
  kind: 'step' | 'again';
  /** "what about next month?": the calendar month after this one. */
  nextMonth?: boolean;
  /** A year was written ("March 2027"): a month named without one may mean the coming one. */
  yearSaid?: boolean;
  /** The categories it names ("what about groceries?"), whatever the intent keeps. */
  categories?: CategoryRef[];
}

/** What a payday, bills, left-to-spend or afford question asks beyond its intent (language/pay-cycle.ts). */
export interface CoachingAsk {
  /** "will I run out before payday": the low point of the balance, not just the figure. */
  lowPoint: boolean;
  /** "can I afford $450": the amount, minor units. */
  amountMinor?: number;
  currency?: string;
  /** A day named as the horizon instead of payday ("till Friday"), ISO, inclusive. */
  until?: string;
  /** "between that paycheck and the next one": from the next payday to the one after. */
  nextCycle?: boolean;
  /** "how much should I keep back for bills": the bills' sum is the answer asked for. */
  keepBack: boolean;
  /** "how many days until I'm paid?": the count of days comes first. */
  howLong: boolean;
  /** "how much do I get paid?": the amount comes first. */
  howMuch: boolean;
  /**
   * "can I afford a mortgage / to retire": a commitment over years, in the person's words, which what is left
   * until payday cannot answer.
   */
  commitment?: string;
}

/** What a budget, tone or notice request names (see language/coaching.ts). */
export interface CoachingWords {
  /** "$400", "300": minor units, with the currency when one was written. */
  amount?: { minor: number; currency?: string };
  categories: CategoryRef[];
  /** "for all spending", "overall budget". */
  allSpending: boolean;
  /** "all my budgets". */
  everyBudget: boolean;
  /** Words naming a subject that matched no category ("zorbs"): asked about, never guessed. */
  subjectWords?: string;
  /** "make it $350": changes the budget just talked about. */
  followUp?: boolean;
  tone?: 'normal' | 'roast' | 'hype';
  notice?: 'budget_alerts' | 'bill_reminders' | 'payday_notes' | 'weekly_recap';
  on?: boolean;
}
