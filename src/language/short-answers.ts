/**
 * Short answers to what the bot just asked: a yes or a no, a pick from a list ("the second one"), a kind of
 * account ("a credit card"). Read once here so dialogs never read the text again.
 */
import type { AccountRef, Intent } from './types.ts';

const YES =
  /^(?:y|ya|yes+|yeah|yea|yep|yup|sure|ok|okay|k|confirm(?:ed)?|correct|right|that'?s right|do it|go ahead|go for it|please do|please|absolutely|definitely|of course|i agree|agreed|sounds good|fine|alright|all right)\b/;
const NO =
  /^(?:n|no+|nope|nah|never ?mind|don'?t|do not|not now|no thanks|stop|keep (?:it|them|everything)|negative|not really|leave it)\b/;

/**
 * Whether the message answers yes or no; undefined for anything else. The intent breaks ties for words the
 * patterns do not know ("I'd rather not" classified as no); "cancel" counts as no, since it never agrees.
 * @example yesNoOf('yes, delete everything', 'delete_data') // true
 */
export function yesNoOf(text: string, intent: Intent): boolean | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^(?:uh+|um+|hmm+|well|oh)[,\s]+/, '');
  if (YES.test(t) && !/^(?:ok|okay|sure|fine|right|please)\b.*\b(?:how|what|which|when|show|why)\b/.test(t))
    return true;
  if (NO.test(t)) return false;
  if (intent === 'yes' && !/\bno\b/.test(t)) return true;
  if (intent === 'no' || intent === 'cancel') return false;
  return undefined;
}

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  one: 1,
  second: 2,
  '2nd': 2,
  two: 2,
  third: 3,
  '3rd': 3,
  three: 3,
  fourth: 4,
  '4th': 4,
  four: 4,
  fifth: 5,
  '5th': 5,
  five: 5,
  last: -1,
  bottom: -1,
  top: 1,
};
const PICK =
  /^(?:(?:i ?(?:mean|meant|want)|(?:i'?ll )?(?:take|pick|choose)|make it|go with)\s+)?(?:the\s+)?(?:number\s+|option\s+|#\s*)?([a-z0-9]+)(?:\s+(?:one|option|choice|account|card|merchant))?(?:\s+please)?[.!]?$/;

/**
 * A pick from a list just offered, 1-based, or -1 for "the last one"; undefined unless the whole message is
 * the pick ("the second week of May" is a period, not a pick).
 * @example ordinalOf('the second one') // 2
 */
export function ordinalOf(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = PICK.exec(t);
  const word = m?.[1];
  if (!word) return undefined;
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    return n >= 1 && n <= 20 ? n : undefined;
  }
  const n = ORDINAL_WORDS[word];
  // A bare "one", "two" or "top" is too often something else; with "the" or "one" after it, it is a pick.
  if (
    n !== undefined &&
    /^(?:one|two|three|four|five|top|bottom)$/.test(word) &&
    !/^the |number |option |#/.test(t)
  )
    return undefined;
  return n;
}

/**
 * The kind of account the words name, by type ("credit card", "current account", "savings") or by a card
 * network people only use for cards ("my visa").
 * @example accountTypeOf('it is a current account') // 'checking'
 */
export function accountTypeOf(text: string): AccountRef['type'] | undefined {
  const t = text.toLowerCase();
  if (/\b(?:gift|loyalty|library|sim|birthday|greeting|rewards) cards?\b/.test(t) && !/\bcredit\b/.test(t))
    return undefined;
  if (/\bdebit\b/.test(t) && !/\bcredit\b/.test(t)) return 'checking';
  if (
    /\b(?:credit ?cards?|credit|cards?|cc|visa|mastercard|master card|amex|american express|charge card|store card)\b/.test(
      t,
    )
  )
    return 'credit_card';
  if (
    /\b(?:savings|saving (?:account|acct|pot)|saver|isa|high[- ]yield|money market|rainy day (?:fund|account)|emergency fund)\b/.test(
      t
        .replace(/\b(?:net|total|overall|monthly) savings\b/g, '')
        // "what were my savings last month": the money kept that month, not the savings account.
        .replace(
          /(?<!\b(?:in|into|from|to|of|on|out) )\b(?:my|our) savings (?=(?:last|this|in|for|over|during|since|so|between|from)\b)/g,
          '',
        ),
    )
  )
    return 'savings';
  if (
    /\b(?:checking|chequing|cheque account|current account|current acct|debit(?: card)?|everyday account|main account|spending account)\b/.test(
      t,
    )
  )
    return 'checking';
  return undefined;
}
