/**
 * What is measured, from the words: money out or in, a count, an average per day/week/month/transaction, the
 * largest single charge, net or saved. The classifier's intent is only the fallback.
 */
import type { Measure } from '../../insights/query.ts';
import type { Intent } from '../types.ts';
import type { Reading } from './reading.ts';
import { stepPeakOf } from './shape.ts';

/** Money coming in, including from a named payer ("how much did Acme pay me"). */
export const INCOME_CUE =
  /\b(?:income|incomes|incoming|incomings|earn|earns|earned|earning|earnings|salary|salaries|wages?|pay ?checks?|pay ?cheques?|payday|payroll|paid me|pay me|pays me|paying me|paid us|pay us|got paid|get paid|gets paid|been paid|received|receive|came in|come in|comes in|coming in|deposits?|deposited|money in(?! (?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|q[1-4]|\d{4}|the|last|this|a|one)\b)|inflows?|revenue|take home|took home|brought in|bring in|refunded me|reimbursed)\b|\bhow much (?:money )?(?:did|have|do) (?:i|we) (?:make|made)\b|(?<!\b(?:purchases?|payments?|transactions?|charges?|orders?|trips?|visits?|transfers?|withdrawals?|bookings?|reservations?|rides?|deliveries|swipes?) (?:did|have|do) )\b(?:i|we) (?:made|make)\b(?! (?:a|any|the|my)? ?(?:purchases?|payments?|transactions?|charges?))/;

/** Money going out, in the words of several Englishes and some slang. */
export const SPEND_CUE =
  /\b(?:most|all|much|bulk|chunk|lot) of (?:my|our) (?:money|cash)\b|\b(?:my|our) (?:money|cash) (?:go|goes|went|going)\b|\b(?:took|takes|take|taken) (?:\w+ ){0,3}?(?:money|cash) from (?:me|us)\b|\b(?:took|takes|take|taken|taking) (?:my|our) (?:money|cash)\b|\b(?:spen[dt]|spending|spends|spendings|outgoings?|expenses?|expenditures?|costs?|costing|cost me|paid|pay|paying|payed|blow|blew|blown|blowing|burn(?:ed|t|ing)? through|splurged?|splurging|damage|dropp?(?:ed)?|shell(?:ed)? out|fork(?:ed)? out|cough(?:ed)? up|purchases?|receipts?|bought|buy|buying|charges?|charged|go(?:ne)? on|went on|goes on|going on|splash(?:ed)? out|wasted?|wasting|(?:pissed|pissing|frittered|frittering|squandered|chucked|chucking) (?:away )?|lay out|laid out)\b|\b(?:payments?|transactions?|purchases?|orders?|bookings?|reservations?) (?:did|have|do) (?:i|we) (?:make|made)\b|\bhow many (?:\w+ ){0,2}?payments\b(?! (?:from|in|received|came|have come))|\bpayments? (?:to|for)\b|\b(?:my|the) (?:\w+ ){0,2}?payments\b(?! (?:from|in|received|came))|\b(?:i|we) (?:made|make) (?:\w+ ){0,2}?(?:payments?|purchases?|transactions?|orders?)\b/;

/** "more than 5 times", "over a dozen times": a count weighed against a number, which is still a count. */
const SO_MANY_TIMES = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a (?:few|couple(?: of)?|dozen|hundred))`;
const COUNT_CUE = new RegExp(
  String.raw`\b(?:more|less|fewer) than (?:${SO_MANY_TIMES} times|once|twice)\b|^(?:the )?(?:number of )?times (?:i|we|did i|have i)\b|\b(?:visit|trip|order|purchase|transaction|ride|charge|payment)s? count\b|\b(?:over|under|at least|at most|upwards of|north of) ${SO_MANY_TIMES} times\b|\b${SO_MANY_TIMES} (?:times|visits|trips|orders|rides) or (?:more|less|fewer)\b|` +
    /\bno of (?:transactions|purchases|payments|charges|times|orders|visits|trips)\b|\bh(?:ow|w|o|ow+) m(?:any|ny|eny|nay)\b(?! (?:dollars|bucks|pounds|euros|quid|money))|\bhow often\b|\bhow frequently\b|\bhow regularly\b|\bnumber of\b|\b(?:count|tally)(?: up)? (?:of|my|the|up|all|every|everything|each|how)\b(?!(?: \w+){0,2} (?:spend|spending|spent|expenses|outgoings|costs|bills?|money|cash)\b)|\b(?:a|the) (?:number|count|tally) (?:for|on)\b(?=(?: \w+){0,4} (?:visits|trips|rides|orders|transactions|purchases|payments|swipes|times|runs|deliveries|bookings|takeaways|coffees|meals)\b)|\b(?:how|what) (?:many|number)\b(?! (?:dollars|bucks|pounds|euros|quid|money))/
      .source,
);

const AVERAGE_CUE =
  /\b(?:average|averages|averaged|averaging|avg|on average|typical|typically|usually|usual|normally|mean|median)\b|\b(?:a|an|my|the) normal\b(?! for\b)/;
/** What one purchase is called: "an Uber fare", "a Starbucks visit", "my typical grocery shop". */
const ONE_PURCHASE = String.raw`(?:purchase|transaction|charge|order|ticket|bill|receipt|basket|payment|visit|trip|ride|fare|meal|tab|haircut|fill ?up|shop|delivery|booking|appointment|session|tank|refill|pay ?check|pay ?cheque|payslip|deposit)`;
const PER_TRANSACTION = new RegExp(
  String.raw`\b(?:average|avg|typical|mean|usual)\s+(?:\w+\s+){0,2}?${ONE_PURCHASE}s?\b|\bspend per (?:visit|trip)\b|\b(?:per|each|every) (?:\w+ )?${ONE_PURCHASE}\b|\b(?:each|every) time (?:i|we) (?:go|went|shop|shopped|visit|visited|order|ordered|use|used|stop|stopped)\b`,
);
/** "what does a Starbucks visit cost me on average": one purchase named, with an average said elsewhere. */
const ONE_PURCHASE_NAMED = new RegExp(String.raw`\b(?:a|an|one|the|my) (?:\w+ ){0,2}?${ONE_PURCHASE}\b`);
/** "per trip", "each time I go": a figure per purchase even without the word "average". */
export const PER_PURCHASE_RATE = new RegExp(
  String.raw`\b(?:per|each|every) ${ONE_PURCHASE}\b|\b(?:each|every) time (?:i|we) (?:go|went|shop|shopped|visit|visited|order|ordered|use|used|stop|stopped)\b`,
);
const EVERY_ONE =
  /^(?:(?:show|list|see|display|give|pull up)(?: me)? )?(?:all |my )?(?:every|each)\b|\b(?:breakdown|rundown|list) of (?:all |my )?(?:every|each)\b/;
const PER_DAY = /\b(?:daily|a day|per day|each day|every day|day to day|by day|per diem)\b/;
const PER_WEEK = /\b(?:weekly|a week|per week|each week|every week|by week)\b/;
const PER_MONTH = /\b(?:monthly|a month|per month|each month|every month|by month)\b/;
/** "per week", "a month": a rate even without the word "average", unless a period says it is one week. */
const RATE_CUE = /\b(?:per|a) (?:day|week|month)\b/;

export const LARGEST_CUE =
  /\b(?:biggest|largest|highest|most expensive|priciest|costliest|max(?:imum)?|single biggest|single largest)\s+(?:single\s+|one\s+)?(?:\w+\s+){0,2}?(purchase|transaction|charge|expense|payment|bill|buy|order|item|splurge|spend|deposit|pay ?check|paycheque|refund|transfer|ticket|ride|trip|visit|meal|shop|one|thing|amount|sum|fare|tab|receipt|basket|invoice|fee|delivery|takeaway|booking|withdrawal|debit|run|haul|spree|fill ?up|top ?up|tank|stay)(s?)\b(?! (?:categor\w*|merchants?|shops?|stores?|places?|accounts?|cards?|months?|weeks?|years?|quarters?)\b)|\bthe most (?:i|we) (?:have |ve )?ever (?:spent|paid)\b|\bmost (?:ive|weve) ever (?:spent|paid)\b|\bmost (?:i (?:ever )?|ive ever )?(?:spent|paid)(?: \w+){0,3}? (?:at once|in one go|on one thing|in (?:a|one) (?:single )?(?:transaction|purchase))\b|\b(?:my|the) (?:single )?(?:most expensive|priciest|costliest) (?!(?:\w+ )?(?:categor\w*|merchants?|shops?|stores?|months?|weeks?|days?|years?|places?|restaurants?|accounts?|cards?|purchases|transactions|charges|orders|items|things|payments|bills|buys|ones)\b)/;
const SMALLEST_CUE =
  /\b(?:smallest|cheapest|lowest|least expensive|tiniest)\s+(?:single\s+)?(?:\w+\s+){0,2}?(purchase|transaction|charge|expense|payment|bill|buy|order|item|deposit|pay ?check|amount|sum|fare|tab|receipt|basket|invoice|fee|ride|trip|visit|meal|shop|thing|one)(s?)\b/;

export const SAVED_CUE =
  /\b(?:how much|what) (?:\w+ )?(?:did|have|do) (?:i|we) (?:save|saved)\b|\b(?:did|have) (?:i|we) (?:save|saved)\b|\b(?:i|we) (?:\w+ ){0,2}?(?:saved|save|saving)\b(?! (?:on|for|up))|\bnet sav(?:ings?|ed)\b|\bamount (?:i )?saved\b|\bsaved (?:last|this|in|since|so far)\b|\bput (?:away|aside)\b|\b(?:did|do|have) (?:i|we) (?:keep|kept)\b|\bhow much (?:of (?:my|our) (?:income|pay|salary|wages|money|earnings|pay ?check|pay ?cheque) )?(?:did|do|have) (?:i|we) (?:keep|kept|hang on ?to|hung on ?to|hold on ?to|held on ?to|hold back|held back|stash(?:ed)?|sock(?:ed)? away|bank(?:ed)?)\b|(?<!\b(?:in|into|from|to|of|on|out) )\b(?:my|our) (?:net |total )?savings (?:last|this|in|for|over|during|since|so far|between|from)\b|\bmoney saved\b|\bhow much saving\b/;
export const NET_CUE =
  /\bnet\b(?! worth)|\bmoney in (?:minus|less|vs|versus|and|against|compared to) money out\b|\bmoney out (?:vs|versus|and|against) money in\b|\b(?:income|incomings?) (?:minus|less) (?:expenses|spending|outgoings)\b|\b(?:spending|expenses|outgoings) (?:minus|less) (?:income|earnings)\b|\bcash ?flow\b|\bin the (?:black|red)\b|\b(?:income|earnings|earned|made|make|earn) (?:minus|less|vs|versus|against|after|compared to|compared with) (?:my )?(?:spending|expenses|outgoings|spent|spend|costs)\b|\b(?:spending|spent|spend|expenses|outgoings) (?:vs|versus|against|compared to|compared with|minus) (?:my )?(?:income|earnings)\b|\bspen(?:d|t|ding) (?:more|less) than (?:i|we) (?:earn|earned|made|make)\b|\b(?:earn|earned|made|make) more than (?:i|we) spen[dt]\b|\bleft over\b|\bsurplus\b|\bdeficit\b|\bcash (?:positive|negative)\b|\b(?:in|into) (?:the )?(?:plus|minus|green)\b|\bnet (?:position|total|figure|amount|result|flow|change)\b|\bleft (?:at the end|after (?:spending|bills|expenses))\b|\b(?:earnings|income|incomings|money in) (?:minus|less|take away|after) (?:spending|expenses|outgoings|costs|bills|money out)\b|\bbreak even\b|\bwithin (?:my|our) means\b|\bahead or behind\b|\b(?:end|ended|ending|finish|finished|come out|came out|close|closed|am i|are we|was i|were we) (?:\w+ ){0,3}?(?:up or down|down or up|ahead or behind|behind or ahead|in (?:the )?(?:black|red|plus|minus|green))\b/;
const BALANCE_CUE =
  /\bbalances?\b|\bbal\b|\bhow much (?:money |cash )?(?:do (?:i|we) have|have (?:i|we) got|is (?:left )?(?:in|on)|(?:i|we) have|is left|left in)\b|\bhow much (?:do )?(?:i|we) owe\b|\bwhat do (?:i|we) owe\b|\bam i skint\b/;

/**
 * "which charges over $50 did I make", "the payments above 100 I made": made with a purchase or payment as
 * its object is money going out, however many words sit between them; only "how much did I make" is pay.
 */
const OUTGOING_MADE =
  /\b(?:purchases?|payments?|transactions?|charges?|orders?|buys|transfers?|withdrawals?|bookings?)\b(?:\s+(?!and\b|but\b)\S+){0,8}?\s+(?:(?:did|have|had|do)\s+)?(?:i|we)\s+(?:made|make)\b/g;

/** Intents whose own answers are lists of findings: their measure is not read from words. */
const FINDINGS: ReadonlySet<Intent> = new Set(['unusual', 'duplicates', 'subscriptions', 'price_rises']);

/** Names that pay people rather than sell to them: companies by legal form, payroll and freelance platforms. */
const PAYER_NAME =
  /\b(?:corp|corporation|inc|incorporated|ltd|limited|llc|llp|plc|gmbh|payroll|upwork|fiverr|toptal|freelancer|deel|gusto|adp|paychex|hmrc|irs)\b/i;

const SPENT_OUTRIGHT = /\b(?:spen[dt]|spending|bought|buy|charged|cost|costs|paid (?:to|at)|pay (?:to|at))\b/;

export type Flow = 'spent' | 'received';

/** Money in when the words say so, or when the intent says so and no word says money went out. */
export function flowOf(r: Reading, intent: Intent): Flow {
  return worded(r) ?? (intent === 'income' ? 'received' : 'spent');
}

/** The direction of money the words themselves give, if any ("income", "spent", a category). */
function worded(r: Reading): Flow | undefined {
  if (
    INCOME_CUE.test(r.lower.replace(OUTGOING_MADE, ' ')) ||
    r.mentions.categories.some((c) => c.value.codes.every((code) => code.startsWith('INCOME')))
  )
    return 'received';
  // "total from Acme Corp", "the payments from Upwork": nothing says money went out, and the name is an
  // employer's or a client platform's.
  if (!SPENT_OUTRIGHT.test(r.lower) && r.mentions.merchants.some((m) => PAYER_NAME.test(m.value)))
    return 'received';
  if (SPEND_CUE.test(r.lower) || r.mentions.categories.length > 0) return 'spent';
  // "how many payments from my Monzo": money leaving one of the user's own accounts.
  if (r.mentions.accounts.some((a) => FROM_ACCOUNT.test(r.lower.slice(0, r.starts[a.from] ?? 0))))
    return 'spent';
  return undefined;
}

const FROM_ACCOUNT = /\b(?:from|out of|off) (?:my |the |our )?$/;

/** Money in taken from the intent alone: no word says which way the money went ("January?"). */
export function flowGuessed(r: Reading, intent: Intent): boolean {
  return intent === 'income' && worded(r) === undefined;
}

export interface MeasureReading {
  measure: Measure;
  /** "my 3 biggest purchases", "smallest charge": a list ranked by amount instead of one figure. */
  rankedList?: { order: 'top' | 'bottom'; plural: boolean };
}

/**
 * The measure the words ask for; undefined keeps the intent's own (balance, findings).
 * @example readMeasure(reading('how many times did i eat out'), 'spending') // { measure: { kind: 'count', of: 'spent' } }
 */
export function readMeasure(r: Reading, intent: Intent, seriesAsked: boolean): MeasureReading | undefined {
  if (FINDINGS.has(intent)) return undefined;
  const lower = r.lower;
  const of = flowOf(r, intent);
  if (COUNT_CUE.test(lower)) return { measure: { kind: 'count', of } };
  const saving = savingAsked(lower);
  if (saving) return { measure: { kind: saving } };
  // "the least I spent in a week": one week of a series, ranked; not a rate nor a single charge.
  if (stepPeakOf(r)) return { measure: { kind: of } };
  const per = perOf(r, seriesAsked);
  if (per) return { measure: { kind: 'average', of, per } };
  const largest = LARGEST_CUE.exec(lower);
  if (largest) {
    const plural = largest[2] === 's';
    return plural
      ? { measure: { kind: of }, rankedList: { order: 'top', plural } }
      : { measure: { kind: 'largest', of } };
  }
  const smallest = SMALLEST_CUE.exec(lower);
  if (smallest)
    return { measure: { kind: of }, rankedList: { order: 'bottom', plural: smallest[2] === 's' } };
  if (
    (intent === 'balance' && !/\bhow much (?:on|at|for|with)\b/.test(lower)) ||
    (BALANCE_CUE.test(lower) && !SPEND_CUE.test(lower) && !INCOME_CUE.test(lower))
  )
    return { measure: { kind: 'balance' } };
  return { measure: { kind: of } };
}

/** Net or saved, when the words ask for it ("how can I save" asks for advice, not a figure). */
function savingAsked(lower: string): 'net' | 'saved' | undefined {
  if (NET_CUE.test(lower)) return 'net';
  if (
    SAVED_CUE.test(lower) &&
    !/\b(?:how|what|where) (?:can|could|should|do) (?:i|we) save\b|\bsave (?:on|money on)\b(?! average)/.test(
      lower,
    )
  )
    return 'saved';
  return undefined;
}

/** "over $40 per meal": the purchase after an amount is what the limit applies to, not a rate asked for. */
function withoutAmountUnit(r: Reading): string {
  const amount = r.mentions.amount;
  if (!amount) return r.outsidePeriods;
  const end = amount.index + amount.length;
  const words = r.outsidePeriods.split(' ');
  const after = r.mentions.tokens.findIndex((t) => t.index >= end);
  if (after < 0 || !/^(?:per|a|an|each|every)$/.test(words[after] ?? '')) return r.outsidePeriods;
  return [...words.slice(0, after), '_', '_', ...words.slice(after + 2)].join(' ');
}

/** The unit of an average: said outright, or a rate ("a week", "per month") with no series asked. */
function perOf(r: Reading, seriesAsked: boolean): 'day' | 'week' | 'month' | 'transaction' | undefined {
  const lower = withoutAmountUnit(r);
  const averaged = AVERAGE_CUE.test(lower);
  // "every charge from Apple" lists them; "how much each time I go" is a rate.
  if (!averaged && PER_PURCHASE_RATE.test(lower) && !EVERY_ONE.test(lower)) return 'transaction';
  if (!averaged && (seriesAsked || !RATE_CUE.test(lower))) return undefined;
  // "my average monthly grocery bill": the time word next to "average" decides, not the bill.
  const unit = /\b(?:average|avg|typical|mean|usual) (daily|weekly|monthly)\b/.exec(lower)?.[1];
  if (unit) return unit === 'daily' ? 'day' : unit === 'weekly' ? 'week' : 'month';
  if (PER_TRANSACTION.test(lower)) return 'transaction';
  if (PER_DAY.test(lower)) return 'day';
  if (PER_WEEK.test(lower)) return 'week';
  if (PER_MONTH.test(lower)) return 'month';
  if (averaged && ONE_PURCHASE_NAMED.test(lower)) return 'transaction';
  // "what do I typically spend at Chipotle": at one shop, what a visit usually comes to.
  if (averaged && r.mentions.merchants.length > 0 && r.mentions.categories.length === 0) return 'transaction';
  return averaged ? 'month' : undefined;
}
