import type { Frame, Intent, UserVocabulary } from '../language/types.ts';
import { typeFromWords } from './link.ts';
import type { Pending } from './types.ts';

/** Questions about the user's money that a follow-up can build on. */
const QUESTION_INTENTS: ReadonlySet<Intent> = new Set([
  'spending',
  'breakdown',
  'top',
  'compare',
  'trend',
  'income',
  'transactions',
  'balance',
]);

export function isQuestionIntent(intent: Intent): boolean {
  return QUESTION_INTENTS.has(intent);
}

/** "show more", "next": the next page of the last list. */
const MORE = /^(show |see |give )?(me )?(some |a few |the )?(more|next( page| ones)?)( please)?[.!?]*$/i;
/** Words that really ask for a comparison, so a one-period "compare" from the classifier is believed. */
const COMPARE_WORDING = /\b(compar\w*|vs|versus|against|than|difference)\b/i;

const FOLLOW_UP_OPENERS = /^(and|what about|how about|same|ok and|also|then|now|what of|for|in|at|on|those|that|them|it|break (that|it) down|show (me )?(those|them|that|it|the transactions))\b/i;

/**
 * Fills what a follow-up leaves out from the last question: "and in January?" keeps the subject and
 * takes the new period; "what about Amazon?" keeps the period and takes the new subject; "break that
 * down by merchant" and "show me those" keep both.
 */
export function mergeFollowUp(frame: Frame, last: Frame | undefined, text: string): Frame {
  if (!last || !QUESTION_INTENTS.has(last.intent)) return frame;
  if (last.intent === 'transactions' && MORE.test(text.trim())) return { ...last, ambiguous: undefined };
  // A confident request of another kind ("Starbucks is coffee", "unlink Amex") is not a follow-up.
  const otherRequest =
    frame.intent !== 'none' &&
    !QUESTION_INTENTS.has(frame.intent) &&
    frame.confidence >= 0.6 &&
    (frame.intent !== 'correct_category' || frame.correction !== undefined);
  if (otherRequest) return frame;
  const hasSubject = frame.categories.length > 0 || frame.merchants.length > 0 || frame.accounts.length > 0;
  const looksLikeFollowUp =
    FOLLOW_UP_OPENERS.test(text.trim()) || text.trim().split(/\s+/).length <= 4 || /\b(that|those|them|it)\b/i.test(text);
  if (!looksLikeFollowUp) return frame;
  // "and in January?" names one period: the same question again, not a comparison with it.
  const oneSidedCompare = frame.intent === 'compare' && frame.periods.length < 2 && last.intent !== 'compare' && !COMPARE_WORDING.test(text);
  const fresh = frame.intent === 'none' || !QUESTION_INTENTS.has(frame.intent) || oneSidedCompare ? null : frame.intent;
  if (!fresh && !hasSubject && frame.periods.length === 0) return frame;
  const intent: Intent =
    fresh && !(fresh === 'spending' && (last.intent === 'compare' || last.intent === 'income') && !hasSubject)
      ? fresh
      : last.intent === 'compare' && frame.periods.length === 1
        ? 'spending'
        : last.intent;
  return {
    ...frame,
    intent,
    periods: frame.periods.length ? frame.periods : last.periods,
    categories: hasSubject ? frame.categories : last.categories,
    merchants: hasSubject ? frame.merchants : last.merchants,
    accounts: hasSubject ? frame.accounts : last.accounts,
    amount: frame.amount ?? last.amount,
    groupBy: frame.groupBy ?? (intent === last.intent ? last.groupBy : undefined),
    top: frame.top ?? (intent === last.intent ? last.top : undefined),
  };
}

/** Applies the user's answer to "which one did you mean?", typed or tapped. */
export function applyClarification(
  pending: Extract<Pending, { kind: 'clarify' }>,
  text: string,
  frame: Frame,
  vocabulary: UserVocabulary,
): Frame | undefined {
  const answer = text.trim().toLowerCase();
  if (!answer) return undefined;
  const picked =
    pending.options.find((o) => o.toLowerCase() === answer) ??
    pending.options.find((o) => o.toLowerCase().includes(answer) || answer.includes(o.toLowerCase())) ??
    (/^(the )?(first|1st|1)\b/.test(answer) ? pending.options[0] : undefined) ??
    (/^(the )?(second|2nd|2)\b/.test(answer) ? pending.options[1] : undefined) ??
    (/^(the )?(third|3rd|3)\b/.test(answer) ? pending.options[2] : undefined);
  const both = /^(both|all( of them)?|either)$/.test(answer);
  const base: Frame = { ...pending.frame, ambiguous: undefined };
  if (pending.field === 'merchant') {
    if (both) return { ...base, merchants: [...pending.options] };
    if (picked) return { ...base, merchants: [picked] };
    if (frame.merchants.length === 1) return { ...base, merchants: frame.merchants };
    return undefined;
  }
  const idsOf = (names: string[]) =>
    vocabulary.accounts.filter((a) => names.some((n) => n.toLowerCase() === a.name.toLowerCase())).map((a) => a.id);
  if (both) return { ...base, accounts: [...new Set([...base.accounts, ...idsOf(pending.options)])] };
  if (picked) return { ...base, accounts: [...new Set([...base.accounts, ...idsOf([picked])])] };
  // "the card", "my checking": the one option of that type.
  const type = typeFromWords(answer);
  const ofType = type ? vocabulary.accounts.filter((a) => a.type === type && idsOf(pending.options).includes(a.id)) : [];
  if (ofType.length === 1) return { ...base, accounts: [...new Set([...base.accounts, ofType[0]!.id])] };
  if (frame.accounts.length === 1) return { ...base, accounts: frame.accounts };
  return undefined;
}
