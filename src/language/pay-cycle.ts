/**
 * Questions about what comes next rather than what has been: paydays, bills still to come, what is left to
 * spend until payday, whether something is affordable, whether the money will last. Wording people expect
 * to be decisive moves the classifier's guess to or from these intents; a question in the past tense ("when
 * was my last paycheck?", "what bills did I pay in March?") stays a question about what happened.
 */
import { findAmounts } from './amounts.ts';
import {
  asksHowLong,
  asksHowMuch,
  bareAffordAmount,
  followOnOf,
  namedHorizonOf,
  priceAloneOf,
} from './coaching-ask.ts';
import { DATA_INTENTS, type CoachingAsk, type Frame, type Intent } from './types.ts';

export type { CoachingAsk } from './types.ts';

export const PAY_CYCLE_INTENTS = ['payday', 'upcoming_bills', 'left_to_spend', 'afford'] as const;
export type PayCycleIntent = (typeof PAY_CYCLE_INTENTS)[number];

const COACHING: ReadonlySet<Intent> = new Set(PAY_CYCLE_INTENTS);
/** Requests that are never re-read as coaching questions, whatever words they share. */
const TASKS: ReadonlySet<Intent> = new Set([
  'link_account',
  'unlink_account',
  'delete_data',
  'correct_category',
  'alerts',
  'demo',
  'privacy',
  'cancel',
]);

const PAY_WORDS = String.raw`pay ?days?|pay ?checks?|pay ?cheques?|pay ?slips?|salary|salaries|wages?|paid|pay|income|direct deposit`;
const UNTIL = String.raw`(?:until|till|til|untill|before|to|by)`;
/** "the Acme money arrives", "my wages land", "the deposit hits": the pay itself, named by its arrival. */
const PAY_ARRIVES = String.raw`(?:the |my |our )?(?:[a-z&]+ ){0,2}?(?:money|pay|deposit|salary|wages?|pay ?check|pay ?cheque|transfer) (?:arrives|comes in|comes through|lands|hits|clears|gets here|goes in|is in)`;
const PAYDAY_ITSELF = String.raw`(?:${PAY_ARRIVES}|pay ?day|(?:my |the )?(?:next )?(?:pay ?check|pay ?cheque|pay|salary|wages?)|(?:i (?:get|am|m)|im|we (?:get|are)|were) paid|i get my (?:pay|salary|wages?))`;
const DAY_NAME = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|the end of (?:the|this) month|end of (?:the |this )?month|month end|the \d{1,2}(?:st|nd|rd|th)?|next week)`;

/** Said of something that has happened: the question is about the past. */
const PAST =
  /\b(?:was|were|did|didnt|(?:last|previous|prior) (?:\w+ )?(?:month|week|year|time|pay ?check|pay ?cheque|pay ?day|pay|salary|wages?|payment|bills?|deposit|one)|arrived?|came|come in|got paid|been paid|received|paid me|went out|have i (?:paid|been)|so far)\b/;
const NEXT = /\b(?:next|upcoming|coming|due|expected|will|going to|gonna)\b/;

const PAYDAY_CUE = new RegExp(
  String.raw`\b(?:next|upcoming|coming) (?:${PAY_WORDS})\b|\bwhen(?:s| is| will| do| does| am| should| can|ll)\b.*\b(?:${PAY_WORDS})\b|\bhow (?:often|frequently) (?:do |am |will )?i (?:get )?paid\b|\bhow much (?:do|will|should) i (?:get paid|get|earn|make|take home)\b|\bpay ?(?:schedule|cycle|frequency)\b|\bdays? (?:(?:left|to go|remaining|more) )?${UNTIL} ${PAYDAY_ITSELF}\b|\bhow (?:long|soon|many (?:more )?(?:days|sleeps|weeks)) (?:\w+ ){0,3}?${UNTIL} ${PAYDAY_ITSELF}\b|\bhow (?:long|many days) (?:is it |have i got |do i have )?(?:left )?(?:${UNTIL} )?(?:pay ?day|(?:i|we) (?:get|am|are) paid)\b|\bwhat(?:s| is) my (?:salary|wage|pay|income|take home|take-home)\b|\bhow much is my (?:salary|wage|pay ?check|pay ?cheque|pay)\b|\bis it pay ?day\b|\bpay ?day (?:today|tomorrow|this week|soon)\b`,
);
const LEFT_CUE = new RegExp(
  String.raw`\b(?:left to spend|safe to spend|free to spend|ok to spend|okay to spend|spendable|spending money|disposable)\b|\b(?:how much|what) (?:\w+ ){0,3}(?:can|could|may|should) (?:i|we) (?:still |safely )?spend\b|\b(?:left|have|got|spend|spending|last me|leftover|remaining)\b(?: \w+){0,4} ${UNTIL} (?:${PAYDAY_ITSELF}|${DAY_NAME})\b|\b(?:run|running|ran) out\b|\b(?:be|go|going|end up) (?:\w+ )?(?:broke|skint|overdrawn|in the red|short)\b|\bbroke before\b|\bmake it (?:to|until|till) (?:${PAYDAY_ITSELF})\b|\blast (?:me )?${UNTIL} (?:${PAYDAY_ITSELF})\b|\benough (?:money )?(?:to last|${UNTIL})\b`,
);
const AFFORD_CUE =
  /\b(?:can|could|would|will) (?:i|we)(?: \w+)? (?:afford|be able to afford)\b|\b(?:afford|affordable)\b(?!.*\bto spend on\b)|\b(?:can|could|should) (?:i|we) (?:buy|get|spend|splurge on|treat myself to)\b.*[$£€] ?\d|\benough (?:money )?for (?:a |an |the )?[$£€] ?\d/;
/**
 * A price weighed against what is left, in other words: "could I swing $3,000", "can I stretch to $500",
 * "is $200 doable", "do I have room for an $80 dinner". Only with a price written, so "is there room in my
 * budget" stays a budget question.
 */
const AFFORD_WORDS =
  /\b(?:can|could|would|will|should) (?:i|we) (?:\w+ )?(?:swing|stretch to|stretch|run to|manage|handle|squeeze in|squeeze|justify|cover|go for|get away with)\b|\b(?:doable|manageable|feasible|realistic|within reach|in reach|on the cards)\b|\b(?:room|space|wiggle room|leeway|headroom|scope|enough left|money left|budget) (?:\w+ ){0,2}?for\b|\b(?:ok|okay|fine|safe|sensible|wise|smart) to (?:spend|splash out|drop|blow|put down|pay|buy|get)\b/;
const PRICE = /[$£€] ?\d|\b\d+(?:[.,]\d+)? ?(?:k\b|dollars?|bucks|pounds?|quid|euros?|rand)\b/;
/**
 * What no balance until payday can weigh: a home, a loan, a family, a change of work, years of it. Rent and
 * bills are not here: they are what left to spend already counts.
 */
const COMMITMENT =
  /\b((?:a |an |the |my |our )?(?:[$£€]?\d+k? )?(?:mortgage|home loan)|(?:a|the|my|our) (?:new |first |bigger )?(?:house|home|flat|apartment|property)|(?:a|the) bond|(?:a |the )?car (?:loan|finance)|(?:a|the|another) loan|(?:to )?retire(?:ment)?|(?:a|another) (?:baby|child|kid)|kids|children|college|university|tuition|school fees|(?:a|the|our) wedding|(?:to )?quit(?:ting)? my job|(?:to )?stop working|(?:to )?go part[- ]time|(?:to )?move out)\b/;
/** "how much can I afford to spend on rent" asks for advice on an amount, which Tally does not give. */
const HOW_MUCH_AFFORD = /\bhow much (?:\w+ )?(?:can|could|should) (?:i|we) (?:\w+ )?afford\b/;
/** "did I save anything in March": a savings question, answered from its query. */
const SAVED_CUE =
  /\b(?:did|have|do) (?:i|we) (?:\w+ )?(?:save|saved)\b(?! (?:on|for|up))|\bhow much (?:have |did )?(?:i|we) (?:\w+ )?saved?\b/;
/** Intents answered from their query (the findings lists are not). */
const MONEY: ReadonlySet<Intent> = new Set(
  DATA_INTENTS.filter((i) => !['unusual', 'duplicates', 'subscriptions', 'price_rises'].includes(i)),
);
const BILL_WORDS = String.raw`bills?|payments?|direct debits?|debits|standing orders?|rent|subscriptions?|dues|outgoings|charges`;
const BILLS_CUE = new RegExp(
  String.raw`\b(?:upcoming|coming up|due|next|to come|expected|scheduled|still to pay|left to pay|have to pay|need to pay|got to pay|owe|pending|ahead)\b.*\b(?:${BILL_WORDS})\b|\b(?:${BILL_WORDS})\b.*\b(?:upcoming|coming up|coming out|going out|due|to come|expected|scheduled|left|ahead|before pay ?day|this week|next week|${UNTIL} (?:${PAYDAY_ITSELF}|${DAY_NAME}))\b`,
);
/** "between that paycheck and the next one", "after my next payday": the pay cycle after this one. */
const BETWEEN_PAYDAYS = new RegExp(
  String.raw`\bbetween (?:that|this|the|my|next|our) (?:next )?(?:pay ?check|pay ?cheque|pay ?day|pay|salary|wages?|deposit)s?\b.*\b(?:next|following|after|one after|one after that|other)\b|\bbetween (?:the |my |our )?(?:next )?(?:two|2) (?:pay ?days|pay ?checks|pay ?cheques|paydays|salaries|salary payments)\b|\b(?:in |during |over )?the (?:pay )?(?:period|cycle|fortnight|month) after (?:the )?next (?:pay ?day|pay ?check|pay ?cheque|pay)\b|\bafter (?:(?:my |the |this |that )?next|that|this) (?:pay ?day|pay ?check|pay ?cheque|pay|salary)\b(?! .*\bbefore\b)`,
);
/** "how many days left till my paycheck?", "how long do I have to wait for my wages?": a count of days. */
const DAYS_TO_PAY = new RegExp(
  String.raw`\bhow (?:many|much) (?:more )?(?:days|sleeps|weeks|time)\b.*\b(?:${UNTIL}|for) ${PAYDAY_ITSELF}\b|\bhow long (?:\w+ ){0,5}?(?:wait|waiting) (?:for|until|till) ${PAYDAY_ITSELF}\b|\bhow far (?:away|off) is (?:my |the )?(?:next )?(?:pay ?day|pay ?check|pay ?cheque|pay|salary)\b`,
);
/** "anything else due this month?", "what's still going out?": what is still to be paid. */
const STILL_DUE =
  /\b(?:anything|what|whats|what else|everything) (?:else |still |more )?(?:due|coming out|going out|to come out|left to go out)\b/;
/** "remind me what I owe before the Acme money arrives": the bills before payday, not a reminder setting. */
const OWE_BEFORE_PAY = new RegExp(
  String.raw`\b(?:what|how much|which|anything|everything)\b.*\b(?:i|we) (?:owe|have to pay|need to pay|got to pay|must pay|am paying)\b.*\b${UNTIL} ${PAYDAY_ITSELF}\b|\b(?:owe|due|to pay|going out)\b.*\b(?:before|until|till|by the time) ${PAY_ARRIVES}\b`,
);
/** "how much should I keep back for bills", "set aside for bills until payday": the sum of the bills. */
const KEEP_BACK = new RegExp(
  String.raw`\b(?:keep back|set aside|put aside|hold back|ring ?fence|reserve|earmark|leave|keep|save|need)\b.*\bfor (?:my |the |all (?:my |the )?)?(?:${BILL_WORDS})\b`,
);

/** The run of the balance, not just the figure: "will I run out", "will I be broke before payday". */
const LOW_POINT_CUE =
  /\b(?:run|running|ran) out\b|\b(?:be|go|going|end up) (?:\w+ )?(?:broke|skint|overdrawn|in the red|short)\b|\bbroke before\b|\bmake it\b|\blast (?:me )?(?:until|till|til|to)\b|\benough (?:money )?to last\b|\blowest\b|\blow point\b/;

/** Lower case, apostrophes dropped ("what's" → "whats"), punctuation to spaces. */
function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019]/g, '')
    .replace(/[^\p{L}\p{N}$£€.]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The last message's cue: one message asks for it twice (its frame's guard and its coaching ask). */
let lastCue: { text: string; cue: PayCycleIntent | undefined } | undefined;

/** The coaching intent the words clearly ask for, if any. */
export function coachingCue(text: string): PayCycleIntent | undefined {
  if (lastCue?.text !== text) lastCue = { text, cue: cueOf(text) };
  return lastCue.cue;
}

function cueOf(text: string): PayCycleIntent | undefined {
  const t = normalised(text);
  const next = NEXT.test(t);
  const past = PAST.test(t) && !next;
  if (AFFORD_CUE.test(t) && !HOW_MUCH_AFFORD.test(t)) return 'afford';
  if (AFFORD_WORDS.test(t) && PRICE.test(t) && !past) return 'afford';
  if (DAYS_TO_PAY.test(t) && !past) return 'payday';
  if (STILL_DUE.test(t) && !past) return 'upcoming_bills';
  if (/\b(?:left|still|yet) to (?:pay|go out|come out)\b/.test(t) && !past) return 'upcoming_bills';
  if ((BETWEEN_PAYDAYS.test(t) || OWE_BEFORE_PAY.test(t) || KEEP_BACK.test(t)) && !past)
    return 'upcoming_bills';
  if (LEFT_CUE.test(t) && !past) return 'left_to_spend';
  if (BILLS_CUE.test(t) && !past && !goneOut(t)) return 'upcoming_bills';
  if (PAYDAY_CUE.test(t) && !past) return 'payday';
  return undefined;
}

/**
 * Moves a frame to the coaching intent its words ask for, and a coaching guess that its words do not
 * support back to the question about the past it is (last paycheck → income, bills paid → spending).
 */
export function guardCoaching(text: string, frame: Frame): Frame {
  if (TASKS.has(frame.intent)) return frame;
  const t = normalised(text);
  if (SAVED_CUE.test(t) && !MONEY.has(frame.intent)) return { ...frame, intent: 'spending' };
  if (HOW_MUCH_AFFORD.test(t) && COACHING.has(frame.intent)) return { ...frame, intent: 'spending' };
  const cue = coachingCue(text);
  // "how much can I spend on groceries" asks about a budget's subject, not the whole of what is left.
  const onSubject = frame.categories.length > 0 || frame.merchants.length > 0;
  if (cue === 'left_to_spend' && onSubject && !/\b(?:until|till|til|before|pay ?day)\b/.test(t))
    return { ...frame, intent: COACHING.has(frame.intent) ? 'none' : frame.intent };
  // "what's my income this month" names a period: a question about money that came in.
  if (cue === 'payday' && frame.periods.length > 0 && !NEXT.test(t))
    return { ...frame, intent: COACHING.has(frame.intent) ? 'income' : frame.intent };
  if (cue) return { ...frame, intent: cue };
  if (!COACHING.has(frame.intent)) return frame;
  const intent = frame.intent as PayCycleIntent;
  if (intent === 'upcoming_bills' && goneOut(t)) return { ...frame, intent: 'spending' };
  const past = PAST.test(t) && !NEXT.test(t);
  if (LOOSE[intent].test(t) && !past) return frame;
  return { ...frame, intent: fallbackOf(t, past) };
}

const GONE_OUT =
  /\b(?:charges?|charged|transactions?|txns?|purchases?|purchased|bought|spent|spending|how many|count)\b/;
const DUE =
  /\b(?:due|upcoming|coming|next|ahead|soon|expected|scheduled|still|left|renew\w*|will|going to|gonna)\b/;

/** "charges on my Amex this week", "how many charges this week": what has gone out, not what is due. */
function goneOut(t: string): boolean {
  return GONE_OUT.test(t) && !DUE.test(t);
}

/** Words without which a coaching guess of the classifier's is not trusted. */
const LOOSE: Record<PayCycleIntent, RegExp> = {
  payday:
    /\b(?:pay ?day|pay ?check|pay ?cheque|salary|wages?|get paid|getting paid|paid next|take ?home pay|(?:do|will) (?:i|we) (?:usually |normally )?(?:earn|make|take ?home|bring home)|(?:does|will) my (?:job|employer|work) pay me)\b/,
  upcoming_bills:
    /\b(?:due|upcoming|coming|next|ahead|soon|expected|scheduled|still|left|before|this week|this month|renew)\b/,
  left_to_spend:
    /\b(?:left|last|broke|skint|run out|short|overdrawn|enough|make it|safe|free to|spendable|till|until|before pay ?day)\b/,
  afford: /\b(?:afford|affordable|enough for|break the bank|ok to buy|okay to buy|splurge)\b/,
};

const SPEND_WORDS = /\b(?:spen[dt]|spending|paid (?:to|for)|pay (?:to|for)|bought|cost|charges?|bills?)\b/;
const BALANCE_WORDS = /\b(?:balance|have|got|in (?:my|the) (?:account|checking|bank))\b/;

/**
 * What a coaching guess without its words most likely was: a question about what happened (spending, income,
 * balance), or, with nothing to go on, not understood — never a coaching answer to another question.
 */
function fallbackOf(t: string, past: boolean): Intent {
  if (SPEND_WORDS.test(t) && past) return 'spending';
  if (past && /\b(?:pay|paid|salary|wages?|income|earn|earned)\b/.test(t)) return 'income';
  if (BALANCE_WORDS.test(t) && !/\bwill\b/.test(t)) return 'balance';
  return 'none';
}

/**
 * The details of a coaching question: an amount to afford, a day to count to, the low point asked for.
 * @example readCoachingAsk('can I afford $450 before payday?', '2026-03-10') // { lowPoint: false, amountMinor: 45000, currency: 'USD' }
 */
export function readCoachingAsk(text: string, today: string): CoachingAsk {
  const t = normalised(text);
  const ask: CoachingAsk = {
    lowPoint: LOW_POINT_CUE.test(t),
    keepBack: KEEP_BACK.test(t),
    howLong: asksHowLong(t),
    howMuch: asksHowMuch(t),
  };
  const commitment = COMMITMENT.exec(t)?.[1];
  if (commitment && (AFFORD_CUE.test(t) || AFFORD_WORDS.test(t))) ask.commitment = commitment;
  const amount = findAmounts(text)[0] ?? bareAffordAmount(t);
  if (amount) {
    ask.amountMinor = amount.minor;
    if (amount.currency) ask.currency = amount.currency;
  }
  if (BETWEEN_PAYDAYS.test(t)) {
    ask.nextCycle = true;
    return ask;
  }
  const until = namedHorizonOf(t, today);
  if (until) ask.until = until;
  return ask;
}

/**
 * The price in a message that is nothing but a price: the answer to "how much is it?". A message that says
 * more than that ("$900 on groceries last month") is a question of its own, and gets undefined.
 * @example priceReplyOf('about 900') // { minor: 90000 }
 * @example priceReplyOf('spent $900 on groceries?') // undefined
 */
export function priceReplyOf(text: string): { minor: number; currency?: string } | undefined {
  return priceAloneOf(text, normalised(text));
}

/** What a message says for a coaching dialog to read from the frame: the ask, a price alone, a follow-on. */
export function coachingDetailsOf(
  text: string,
  intent: Intent,
  today: string,
): Pick<Frame, 'payCycle' | 'price' | 'followOn'> {
  const t = normalised(text);
  const price = priceAloneOf(text, t);
  const followOn = followOnOf(t);
  return {
    ...(COACHING.has(intent) ? { payCycle: readCoachingAsk(text, today) } : {}),
    ...(price ? { price } : {}),
    ...(followOn ? { followOn } : {}),
  };
}
