/**
 * How a message leans on the answer before it, read once here so the conversation never reads the text
 * again: "and in January?" edits the last question, "Amazon?" is a short question of its own, "show more"
 * turns the page of a list, and "compare with December" really asks for a comparison.
 */
import type { FollowUpCue } from './types.ts';

/** "show more", "next": the next page of the last list. */
const MORE = /^(show |see |give )?(me )?(some |a few |the )?(more|next( page| ones)?)( please)?[.!?]*$/i;
/** Words that really ask for a comparison, so a one-period comparison is believed. */
const COMPARE_WORDING = /\b(compar\w*|vs|versus|against|than|difference)\b/i;
const OPENERS =
  /^(and|compare|what about|how about|same|ok and|also|then|now|what of|for|in|at|on|just|only|without|excluding|except|but|those|that|them|it|split|break (that|it) down|show (me )?(those|them|that|it|the transactions)|(can|could|may) i see|let me see|which ones|minus|less|bar|not counting|not including|leaving out|leave out|take out|ignoring|ignore|apart from|aside from|other than|(month|week|day|quarter|year) (by|on|over) (month|week|day|quarter|year)|(by|per) (month|week|day|quarter|category|merchant|shop|store|account|card))\b/i;
const POINTING = /\b(that|those|them|it)\b/i;

/**
 * @example followUpCueOf('and in January?') // { kind: 'edit', more: false, compareWorded: false }
 * @example followUpCueOf('Amazon?') // { kind: 'short', more: false, compareWorded: false }
 */
export function followUpCueOf(text: string): FollowUpCue {
  const t = text.trim();
  const kind =
    OPENERS.test(t) || POINTING.test(t) ? 'edit' : t.split(/\s+/).length <= 4 ? 'short' : undefined;
  return { ...(kind ? { kind } : {}), more: MORE.test(t), compareWorded: COMPARE_WORDING.test(t) };
}
