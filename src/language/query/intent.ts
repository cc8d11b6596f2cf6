/**
 * Findings intents (unusual, duplicates, subscriptions, price rises) answer with their own lists; a message
 * the classifier put there without any of their words is a plain question about transactions
 * ("any Whole Foods trips over $100?" is not about unusual charges).
 */
import type { Intent } from '../types.ts';
import { INCOME_CUE, LARGEST_CUE, NET_CUE, PER_PURCHASE_RATE, SAVED_CUE } from './measure.ts';
import type { Reading } from './reading.ts';
import { asksForList } from './shape.ts';

const FINDING_WORDS: Readonly<Partial<Record<Intent, RegExp>>> = {
  unusual:
    /\b(?:unusual|odd|weird|strange|suspicious|suspect|fraud\w*|ordinary|anomal\w*|unexpected|unfamiliar|recogni[sz]e|unrecogni[sz]ed|abnormal|spikes?|stand out|stands out|standing out|flag\w*|out of place|off|wrong|scam\w*|dodgy|fishy|sketchy|shady|big|large|huge|alert)\b/,
  duplicates:
    /\b(?:duplic\w*|dupl\w*|twice|2x|x2|double\w*|two times|same (?:charge|amount|payment)|again|repeat\w*|dupes?|more than once|multiple times)\b/,
  subscriptions:
    /\b(?:subscri\w*|recurring|repeat\w*|memberships?|standing orders?|direct debits?|autopay|auto ?renew\w*|regular (?:payments|charges|bills)|every month|monthly (?:bills|charges|payments|fees)|renewals?|plans?|services?)\b/,
  price_rises:
    /\b(?:price|prices|(?:go|goes|went|gone|going) up|more than before|increas\w*|raised?|hikes?|hiked|rises?|rising|risen|costs? more|more expensive|creep\w*|jump\w*)\b/,
};

/** Words that suggest a finding but also describe ordinary purchases ("big", "every month", "again"). */
const WEAK_FINDING_WORDS: Readonly<Partial<Record<Intent, RegExp>>> = {
  unusual: /\b(?:big|large|huge|off|wrong|alert|spikes?|stand out|stands out|standing out)\b/g,
  duplicates: /\b(?:again|repeat\w*|more than once|multiple times|two times)\b/g,
  subscriptions:
    /\b(?:every month|monthly (?:bills|charges|payments|fees)|regular (?:payments|charges|bills)|plans?|services?)\b/g,
};
/** A number asked for outright: a count, an average, the largest. */
const MEASURED =
  /\bhow many\b|\bhow (?:often|frequently|regularly)\b|\bnumber of\b|\baverage\b|\bavg\b|\btypical(?:ly)?\b|\busually\b|\bbiggest\b|\blargest\b/;

/**
 * The intent the words support: a findings intent stays unless the message sets an amount limit or asks for a
 * count, an average or the biggest one, and says nothing a finding is about.
 */
export function effectiveIntent(intent: Intent, r: Reading): Intent {
  const words = FINDING_WORDS[intent];
  if (!words) return intent;
  // "how many big purchases", "my average monthly payment": a number asked for, with only a loose word of a finding.
  const weak = WEAK_FINDING_WORDS[intent];
  const lower = weak && MEASURED.test(r.lower) ? r.lower.replace(weak, ' ') : r.lower;
  if (words.test(lower)) return intent;
  const plainQuestion =
    r.mentions.amount !== undefined ||
    PLAIN_MEASURE.test(r.lower) ||
    NET_CUE.test(r.lower) ||
    SAVED_CUE.test(r.lower);
  // "list my takeaway orders this month": the transactions asked for, with no word of a finding.
  if (!plainQuestion) return asksForList(r) || ANYTHING_AT.test(r.lower) ? 'transactions' : intent;
  return r.mentions.amount && /\b(?:show|list|any|which|what|find)\b/.test(r.lower)
    ? 'transactions'
    : 'spending';
}

/** "anything from Amazon this week?", "did I buy anything at Apple": the charges themselves, nothing odd asked. */
const ANYTHING_AT =
  /^(?:any|anything|was there (?:any|anything)|were there any|did (?:i|we) (?:buy|get|spend) anything)\b/;
const PLAIN_MEASURE =
  /\bhow many\b|\bhow (?:often|frequently|regularly)\b|\bnumber of\b|\baverage\b|\bavg\b|\busually\b|\btypical(?:ly)?\b|\bnormally\b|\b(?:a|per) (?:day|week|month)\b|\bbiggest\b|\blargest\b|\bsmallest\b|\b(?:cheapest|priciest|costliest|most expensive|least|lowest|highest)\b|\bhow much\b|\bwhat (?:do|did) (?:i|we) spend\b/;

/** Intents that are not about money figures, which a message asking for one may still be classified as. */
const NOT_MONEY: ReadonlySet<Intent> = new Set([
  'none',
  'privacy',
  'help',
  'greeting',
  'thanks',
  'link_account',
]);

/**
 * A message the classifier put outside money that asks for a money figure in so many words: net or saved
 * ("am I in the red this month", "net position last week") is income; a count of transactions or the
 * largest one is spending. Words alone decide, so "what do you keep about me" stays where it was.
 * @example moneyIntentOf('none', 'surplus or deficit in january') // 'income'
 */
export function moneyIntentOf(
  intent: Intent,
  lower: string,
  namesPayee = false,
  subjectAndPeriod = false,
  hasPeriod = false,
): Intent {
  // "any shopping on Black Friday?", "anything at Target over Easter?": a subject and a time asked about.
  if (intent === 'none' && subjectAndPeriod && ANY_OPENER.test(lower)) return 'spending';
  // "cancel my amazon prime" cancels a payment, not the conversation: said back as not understood.
  if (intent === 'cancel' && namesPayee && CANCEL_PAYEE.test(lower)) return 'spending';
  // "have I ever paid Costco anything", "what has Target cost me overall": paying a named payee, not a
  // finding nor help, when none of the finding's own words is there.
  const finding = FINDING_WORDS[intent];
  if (namesPayee && (NOT_MONEY.has(intent) || (finding && !finding.test(lower))) && PAID_PAYEE.test(lower))
    return 'spending';
  if (!NOT_MONEY.has(intent)) return intent;
  // "total earned", "and my earnings": money in named and nothing else.
  if (intent === 'none' && lower.split(' ').length <= 3 && INCOME_CUE.test(lower)) return 'income';
  // "show my weekly spending for last month": spending and a period, whatever the classifier made of it.
  if (
    intent === 'none' &&
    hasPeriod &&
    /\b(?:spen[dt]|spending|transactions|purchases|payments|charges|orders)\b/.test(lower)
  )
    return 'spending';
  if (NET_CUE.test(lower) || SAVED_CUE.test(lower)) return 'income';
  // "split that by month", "show me those": the last answer reshaped or listed, asked of the last question.
  if (intent === 'none' && RESHAPE_THAT.test(lower)) return 'spending';
  if (intent === 'none' && SEE_THOSE.test(lower)) return 'transactions';
  if (COUNTED.test(lower) || LARGEST_CUE.test(lower) || NOT_SUPPORTED.test(lower)) return 'spending';
  // "how much each time I go to Shake Shack": a figure per purchase.
  if (/\bhow much\b/.test(lower) && PER_PURCHASE_RATE.test(lower)) return 'spending';
  return intent;
}

/**
 * Money questions Tally cannot answer (advice, a credit score, tax owed): read as a question about money so
 * that what was understood is said back with what was not, rather than help or privacy text.
 */
const ANY_OPENER = /^(?:any|anything|was there (?:any|anything)|were there any|did i (?:do|have) any)\b/;
const PAID_PAYEE =
  /\b(?:cost|costs|costed|paid|pay|spent|spend|spending|given|gave|charged|anything spent)\b/;
const CANCEL_PAYEE = /\b(?:cancel|stop|end|kill|terminate)\b(?: (?:my|the|our)\b)?/;
const NOT_SUPPORTED =
  /^(?:(?:please|pls|can you|could you|can u) )*(?:top up|transfer|send|put|wire|pay off)\b|\b(?:should|could) (?:i|we) (?:spend|save|cut|buy|cancel|reduce|stop|invest)\b|\bshould (?:i|we) (?:move|switch|open|close|get|pay|sell|keep|put|take|borrow|lease|rent|choose|pick|go for|change|refinance|consolidate|transfer|worry|be worried|apply|buy|spend|save|cut|cancel|reduce|stop|invest)\b|\btaxable\b|\btax (?:bracket|band|code|rate)\b|\bcut(?:ting)? back\b|\bcredit (?:score|rating)\b|\btoo (?:much|high|expensive|little|low)\b|\bhelp me (?:stop|save|cut|spend less|budget|get out of debt)\b|\bsave (?:up )?for (?:a|an|my)\b|\bis (?:my|our) (?:\w+ ){0,3}?(?:normal|reasonable|ok|okay|good|bad|high|low)\b|\b(?:saving|spending) enough\b|\btax(?:es)? (?:\w+ )?(?:do|will|would|should) (?:i|we) owe\b/;

const RESHAPE_THAT =
  /^(?:(?:can you|could you|please|now) )?(?:split|break|broken|divide|group|sort)(?: (?:that|it|this|those|them|these))?(?: (?:down|up|out))?(?: (?:by|per|into|over|across|for each)) (?:the )?(?:days?|weeks?|months?|quarters?|years?|categor(?:y|ies)|merchants?|shops?|stores?|accounts?|cards?|weekdays?)\b/;
const SEE_THOSE =
  /^(?:(?:can|could|may) i |let me |i (?:want|need|d like|would like) to |(?:can|could) you )?(?:see|view|list|show(?: me)?|display|pull up|give me)(?: all(?: of)?)? (?:them|those|these|it|they|the (?:transactions|charges|purchases|payments))\b|^which ones\b|^what were (?:they|those)\b/;
const COUNTED =
  /\bh(?:ow|w|o) many (?:\w+ )?(?:transactions?|purchases?|payments?|charges?|orders?|trips?|visits?|times?|rides?|swipes?|runs|stops|bookings|deliveries|takeaways|coffees|meals)\b|^(?:can you |could you |please )?(?:count|tally)(?: up)? (?:my|the|all|how|every|everything|each)\b(?!(?: \w+){0,2} (?:spend|spending|spent|expenses|outgoings|costs|bills?|money|cash)\b)|^(?:the |my )?(?:number|count|no) of\b|\bhow (?:often|frequently|regularly) (?:(?:do|did|have|had) )?(?:i|we) (?:\w+ ){0,2}?(?:go|went|been|order|ordered|shop|shopped|buy|bought|use|used|visit|visited|get|got|eat|ate|pay|paid|spend|spent|fill|filled|take|took|hit)\b/;
