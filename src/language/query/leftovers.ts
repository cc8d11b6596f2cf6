/**
 * What the query could not hold: meaningful words it has no place for ("budget", "afford", "cancel", a future
 * period). They make the conversation say what it understood and ask, instead of answering a narrower question.
 */
import { nearestEnglishWord } from '../english.ts';
import { findWords, inPeriodOrAmount, typed, type Reading } from './reading.ts';

/** Asking Tally to move money rather than to count it: said even when a word of it names a category. */
export const MOVE_MONEY =
  /^(?:(?:please|pls|plz|can you|can u|could you|could u|would you|will you|(?:i|id|i'd) (?:want|need|like) (?:you )?to|help me) )*(?:transfer|move|send|wire|pay off|pay|deposit|withdraw|schedule|lend)\b/g;

export const TIMES_OF_YEAR =
  /\b(?:christmas|xmas|thanksgiving|easter|black friday|new years?|summer|winter|spring|autumn|weekends|weekdays|mornings|evenings|payday)\b/g;

/** Asking Tally to act on a card, an account or a shop: said even when a word of it names an account. */
const ACT_ON =
  /^(?:(?:please|pls|plz|can you|can u|could you|could u|would you|will you) )*(?:order(?! (?:my|the|them|those|these|it|by|of)\b)|book|freeze|unfreeze|lock|unlock|block|unblock|report|dispute|apply for|sign me up|reserve|top up)\b|\bopen (?:me )?(?:a|an|up a) (?:new )?(?:\w+ )?(?:account|card|isa|pension|pot)\b|\b(?:raise|increase|lower|reduce|extend|up) (?:my|the) (?:\w+ )?(?:limit|overdraft)\b|\b(?:set up|setup|create|make|arrange|start|schedule) (?:a |an |my |the )?(?:new )?(?:direct debit|standing order|auto ?pay|recurring payment|repeat payment|payment plan|savings pot)\b|\b(?:kill|axe|ditch|scrap|terminate|stop|quit|pause|suspend|end) (?:my|the|our|that|this) (?:\w+ ){0,2}?(?:subscriptions?|subs|memberships?|contracts?|direct debits?|standing orders?)\b/g;

/**
 * An order addressed to Tally, at the start of the message or of a clause: "reorder my last Amazon order",
 * "tally please pay the Amex minimum", "…and pay it off", "…and book me one for tonight", "you can pay my phone
 * bill today yes?". Tally reads statements; it does not act on accounts, cards, shops or payments.
 */
const ACTION_ASKED = new RegExp(
  String.raw`(?:^|\b(?:and|then|also|plus|but|now|so)\s+)(?:(?:tally|please|pls|plz|just|now|also|go ahead and|can you|can u|could you|would you|will you|you can|you could|i need you to|i want you to|id like you to|i would like you to|(?:i|id) like to|i want to|i need to|help me)\s+)*` +
    String.raw`(?:pay(?: off)?|send|transfer|move|wire|cancel|freeze|unfreeze|block|unblock|lock|unlock|dispute|close|reorder|re-?order|refund|withdraw|lend|invest|schedule|renew|upgrade|downgrade|top up|request (?:a |my )?(?:refund|new|replacement|card)|report (?:my|a|the) (?:\w+ )?(?:card|fraud|charge|transaction)|raise|increase|lower|extend|apply for|sign me up|open (?:me |up )?(?:a|an|my|new)|order (?:me|a|an|some|another|more)|book (?:me|a|an|us|my)|buy me|get me (?:a|an|some|one|my)|reset|activate|deactivate)\b(?! (?:by|for (?:groceries|food|coffee)|history|off\b))`,
  'g',
);

/** What things cost in the shops or on the markets: "what does a coffee cost at Starbucks", "price of petrol". */
const PRICES =
  /\bwhat (?:does|do|would|will) (?:a|an|one) (?!(?:typical|average|usual|normal|single)\b)\w+(?: \w+)? cost\b(?!.*\b(?:me|us)\b)|\bprices? of (?!(?:my|our|the (?:\w+ )?(?:i|we))\b)\w+|\b(?:current|todays|today s|latest|going) (?:price|rate)\b|\bper (?:ounce|oz|gram|litre|liter|gallon|kilo|kg|share|barrel|unit|troy ounce)\b/g;

/** What people in general earn or pay is not in anyone's statements: "the average salary in London". */
const PEOPLES_FIGURES =
  /\bthe (?:average|typical|median|mean|normal) (?:salary|salaries|wage|wages|income|rent|house price|pay)\b/g;

/** Deals and quotes are shopping around, not statements: said even when a word of it names a category. */
const SHOPPING_AROUND =
  /\bwhich (?:one |\w+ )?is (?:the )?(?:best|better|cheapest)\b|\b(?:cheaper|better|best) (?:\w+ )?(?:deals?|plans?|tariffs?|providers?|rates?|prices?)\b|\b(?:gives?|pays?|offers?|has|have) (?:the )?(?:best|most|highest|better|more|lowest) (?:interest|rates?|returns?|apr)\b|\b(?:tariffs?|quotes?)\b|\b(?:best|cheapest|good|better) (?:\w+ ){0,2}?(?:cards?|accounts?|banks?|loans?|deals?|plans?|ways?|apps?|providers?) (?:for|to)\b/g;
/** What a loan or mortgage still owes is not in the statements, only the payments made to it. */
const LOAN_OWED =
  /\bowe (?:\w+ ){0,3}?(?:loans?|mortgage|finance|car|house)\b|\b(?:loans?|mortgage) (?:balance|left|remaining|outstanding|term)\b/g;
/** Years ahead, which no statement holds: "in 5 years", "the next decade", "what will my balance be". */
const YEARS_AHEAD =
  /\bin (?:\d+|a few|a couple of|two|three|four|five|ten|twenty) (?:more )?(?:years|yrs|decades)\b|\b(?:next|coming) decade\b|\bwhat will (?:my|our|the) (?:\w+ ){0,3}?be\b/g;
/** An average asked for: then "how much is a Chipotle order" is the user's own. */
const AVERAGED = String.raw`(?:average|avg|typical|typically|usual|usually|normally)`;
/**
 * What shops charge, or earn, rather than what the user paid: "how much is a flat white at Starbucks", "how
 * much will an Uber to the airport cost", "what did Amazon make last year". Nothing of the user's is named.
 */
const SHOPS_OWN = new RegExp(
  String.raw`(?:\bhow much (?:is|are|does|do|would|will) (?:a|an|one) (?!(?:typical|average|usual|normal|single)\b)(?!.*\b(?:i|me|my|we|us|our)\b)\w+|\bhow much (?:will|would) (?!(?:i|we|it|that|this)\b)\w+(?: \w+)? cost\b(?!.*\b(?:me|us)\b)|\b(?:does|did|do) (?!(?:i|we|my|our|you)\b)\w+(?: \w+)? (?:make|earn|turn over)\b(?! (?:me|us)\b)(?!.*\b(?:me|us|i|my)\b)|\b(?:price|cost) of (?:a|an|one)\b)(?<!\b${AVERAGED}\b.*)(?!.*\b${AVERAGED}\b)`,
  'g',
);
/** Putting money somewhere, or being reminded: actions, said even when a word of them names an account. */
const PUT_MONEY =
  /^(?:(?:please|pls|can you|could you) )*(?:put|stick|chuck|pop|add) (?:[$£€]?\d[\d,.]*\s?(?:k|quid|pounds|dollars|bucks|euros)?|some money|money|cash|the rest) (?:in|into|on|to)\b|\bremind me\b|\bset (?:a|an|up a) (?:reminder|alarm)\b|^(?:(?:please|pls|can you|could you) )*make (?:a |the )?(?:payment|transfer)\b/g;
/** What a shop, a bank or a payer will do: "how much interest will Ally pay me this year". */
const OTHERS_WILL = /\bwill (?:\w+ ){1,2}?(?:pay|charge|cost|send|give|refund) (?:me|us)\b/g;
/** What things are worth is not in the statements: a house, a car, a pension. */
const WORTH =
  /\b(?:is|are) (?:my|our|the) (?:\w+ ){1,2}?worth\b|\bworth (?:now|today)\b|\bvalue of (?:my|our)\b/g;
/** Judging the figures against a norm or a need, which asks for advice rather than statements. */
const JUDGING =
  /\b(?:am i|are we|is (?:that|this|it)) (?:\w+ )?(?:enough|normal|reasonable|ok|okay|good|bad|a lot)\b|^(?:is|are) (?:\w+ ){1,8}?(?:normal|reasonable|ok|okay|fine|typical|excessive|too much|a lot|good|bad)\W*$|\b(?:is|are) (?:\w+ ){1,3}?(?:better|worse) than\b|\bwhich (?:one )?is (?:better|best|cheaper)\b|\bis (?:my|our) (?:\w+ ){0,3}?(?:normal|reasonable|typical|ok|okay|good|bad|high|low|a lot)\b|\b(?:saving|spending|earning) enough\b/g;
/**
 * Cash taken out and a card paid off are money moved, not spent, and no query measures them yet: "how much cash
 * did I take out" is not takeaways, "how much did I pay off on my card" is not what the card was spent on.
 */
const MONEY_MOVED_OUT =
  /\b(?:cash|money) (?:\w+ ){0,3}?(?:take|takes|took|taken|taking|get|got|gotten|pull|pulled|draw|drew|drawn) out\b|\b(?:take|takes|took|taken|taking|get|got|pull|pulled|draw|drew) out (?:\w+ ){0,2}?(?:cash|money)\b|\b(?:atms?|cash ?points?|cash machines?)\b(?! (?:fees?|charges?)\b)|\b(?:pay|paid|paying|pays) (?:off|down|towards?|into) (?:\w+ ){0,3}?(?:cards?|amex|visa|mastercard|balance)\b|\b(?:credit )?card (?:re)?payments? (?:to|towards?|on|into)\b|\bpayments? (?:to|towards?|into|on|against) (?:my|the|our) (?:\w+ ){0,2}?(?:cards?|amex|visa|mastercard)\b|\bcredit card (?:re)?payments?\b|\bcard repayments?\b/g;

/** Patterns that count even over words a name or a category took. */
const OVER_NAMES: ReadonlySet<RegExp> = new Set([
  ACTION_ASKED,
  MONEY_MOVED_OUT,
  PEOPLES_FIGURES,
  PRICES,
  MOVE_MONEY,
  ACT_ON,
  SHOPPING_AROUND,
  WORTH,
  JUDGING,
  LOAN_OWED,
  YEARS_AHEAD,
  SHOPS_OWN,
  PUT_MONEY,
  OTHERS_WILL,
]);

/** Meaningful words with no place in a query, each named by what it asks. */
const MEANINGFUL: readonly RegExp[] = [
  /\bbudget(?:s|ed|ing)?\b/g,
  /\bafford(?:able)?\b/g,
  /\b(?:cancel(?:l?ed|l?ing|lation)?|unsubscribe|get rid of)\b|(?:^(?:please )?|\b(?:want|wanna|need|like|going|trying) to |\bhelp me )(?:stop|end|quit|drop|pause|terminate|suspend) (?:paying(?: for)?|my|the|our)\b/g,
  // Counting things a query cannot count: accounts, cards, banks.
  /\bhow many (?:\w+ )?(?:accounts|cards|banks)\b/g,
  /\b(?:forecast(?:s|ed|ing)?|predict(?:s|ed|ion|ions)?|projections?|projected|project|estimate[ds]?|estimating|likely|expected|anticipated?|on track|on pace|on course|at this rate|run out)\b|\b(?:going to|gonna) (?:be|look|cost|come to)\b/g,
  /\b(?:will|would|gonna|going to) (?:i|we) (?:spend|have|need|be able|earn|make|save|end up|owe|pay|get|receive|be charged|hit|reach|exceed|go over|top|break|pass|make it)\b|\b(?:am|are) (?:i|we) (?:going|gonna|likely) to\b|\bwill (?:i|we) (?:be|go) over\b/g,
  /\b(?:should|could|can) (?:i|we) (?:spend|save|cut|afford|buy|cancel|reduce|stop|get|move|use|put|switch|keep|open|close|sell|invest|choose|pick|go with|transfer)\b|\bis it (?:smart|wise|sensible|better|a good idea|a bad idea)\b|\b(?:good|bad) idea\b|\bover ?spen(?:d|ding|t)\b|\ba lot\W*$(?<!\b(?:feels?|felt|seems?|seemed|looks?|looked|sounds?) like a lot\W*)|\b(?:did|do|have) (?:i|we) (?:spend|spent|spending) (?:a lot|too much|loads|heaps)\b|\badvice\b|\brecommend(?:ations?)?\b|\b(?:good|right|reasonable|normal|sensible|healthy) amount\b|\bhow much (?:\w+ ){0,2}?should (?:i|we)\b|\btoo (?:much|high|expensive|little|low)\b|\bhow (?:can|do|should|could) (?:i|we) (?:save|cut|reduce|spend less|stop)\b/g,
  // Advice in any form: having enough for something, the best way to do it, what to do ("should I move my
  // savings", "do you think I should"), and tax rules and what is owed under them (taxes paid are a category).
  /\b(?:do|will|would|have) (?:i|we) (?:have|got) enough\b|\benough (?:money|cash|saved|left|savings) (?:for|to)\b|\b(?:smartest|best|quickest|fastest|cheapest|easiest|wisest) way to\b|\bhow (?:do|can|should|could) (?:i|we) (?:pay off|pay down|get out of|clear|improve|build|grow)\b|\b(?:do|will|would|should|must) (?:i|we) (?:need to |have to )?(?:pay|owe|declare) (?:any )?(?:tax|taxes|vat|national insurance)\b|\btaxable\b|\btax (?:bracket|band|code|rate|free|allowance|year|relief|credit|deductions?|liability|bill)\b|\b(?:reduce|lower|cut|minimi[sz]e) (?:my |our )?tax(?:es)?\b|\b(?:vat|tax) on\b|\bshould (?:i|we)\b|\bdo you think (?:i|we)\b|\bwould you recommend\b|\bwhich (?:\w+ )?(?:card|account|bank|app|provider|plan|isa|pension) (?:is|should|would)\b/g,
  /\b(?:goals?|(?<!\b(?:at|from|to|with) )targets?|limits?|allowance|spending cap|cap on)\b/g,
  /\b(?:percent(?:age)?|proportion|ratio|fraction|rates?|net worth)\b/g,
  /\b(?:tax deductible|deductible|write offs?)\b/g,
  PRICES,
  PEOPLES_FIGURES,
  /\b(?:invest(?:ed|ing|ments?)?|stocks?|portfolio|crypto|bitcoin|401k|ira|index funds?|mutual funds?|etfs?|pensions?)\b|\bshares? (?:of|in)\b|\b(?:stock|share) (?:markets?|prices?)\b/g,
  JUDGING,
  /\b(?:can|could) (?:i|we) borrow\b|\bget a loan\b|\b(?:mortgage|loan) (?:rates?|offers?)\b/g,
  WORTH,
  LOAN_OWED,
  YEARS_AHEAD,
  SHOPS_OWN,
  PUT_MONEY,
  OTHERS_WILL,
  // Card perks and secrets are not in the statements: points, cashback, a PIN.
  /\b(?:cash ?back|rewards? points|reward|rewards|points|air ?miles|avios|pin|pin number|password|passcode|sort code|account number|routing number|iban|cvv)\b/g,
  // Asking Tally to act on a card, an account or a shop, which it cannot do.
  ACT_ON,
  SHOPPING_AROUND,
  // Ideas and suggestions: for gifts, for saving, for what to do.
  /\b(?:ideas?|suggestions?|suggest|inspiration)\b(?! (?:how|what|whats|where|which|when|if|whether)\b)|\bwhat (?:should|could|can) (?:i|we) (?:get|buy|give|do)\b/g,
  /\b(?:interest rate|apr|credit score|credit rating|credit limit|minimum payment|due date)\b/g,
  /\btax(?:es)? (?:\w+ )?(?:do|will|would|should|did) (?:i|we) (?:owe|pay back)\b|\bowe (?:in |the )?(?:tax|taxes|irs|hmrc)\b|\btax returns?\b/g,
  /\bis it worth\b|\bworth (?:it|switching|changing|keeping|getting)\b|\bswitch(?:ing)? (?:to|providers?|plans?|banks?)\b|\bcut(?:ting)? back\b|\bhelp me (?:stop|save|cut|spend less|budget)\b|\b(?:want|need|try|trying) to (?:stop spending|spend less)\b|\bstop spending so much\b/g,
  /\bwhen (?:did|was|is|do|will|does|have)\b|\bhow long\b|\blast time\b/g,
  /\b(?:tip|tips|tipped|tipping)\b/g,
  // What would have been, had the user done otherwise: no statement holds it.
  /\bwhat if\b|\bif (?:i|we) (?:\w+ ){0,2}?(?:cut|stop|stopped|spent|spend|cancel|cancelled|quit|dropped|drop|switched|skip|skipped|halved|reduced)\b|\bwould (?:that|it|i|we) (?:save|have|be)\b/g,
  /\b(?:owes? me|lent|loaned|iou|split (?:the|with)|pay (?:me )?back|paid (?:me )?back)\b/g,
  /\b(?:other people|average person|people like me|people (?:of )?(?:my|our) age|is that normal|normal for|compared to (?:others|people|average))\b/g,
  /\b(?:exchange rate|convert|conversion)\b/g,
  /\b(?:refunds?|refunded)\b/g,
  /\b(?:withdrawals?|withdrew|withdrawn)\b/g,
  MONEY_MOVED_OUT,
  // Other people's money, and asking Tally to move money rather than to count it.
  /\b(?:my|our|his|her|their) (?:wife|husband|partner|boyfriend|girlfriend|son|daughter|kids?|children|mum|mom|dad|mother|father|parents|brother|sister|flatmate|roommate|housemate|friends?|neighbou?rs?|boss)(?:s|es)?\b|\b(?:he|she|they|someone|somebody|everyone|everybody|people) (?:spend|spent|spends|earn|earns|earned|pay|paid)\b|\b(?:the |a |an )?(?:average|typical|normal|usual|ordinary) (?:american|brit|briton|person|household|family|man|woman|student|couple)\b|\b(?:americans|brits|others)\b/g,
  MOVE_MONEY,
  ACTION_ASKED,
  /\bin cash\b|\bcash (?:payments?|purchases?|spending)\b|\bpaid cash\b/g,
  // Times of year or week no period was found for: saying them back beats answering another period.
  TIMES_OF_YEAR,
];

/** True when the words order Tally to act (pay, move, cancel, freeze, book…) rather than ask about statements. */
export function asksAnAction(lower: string): boolean {
  ACTION_ASKED.lastIndex = 0;
  MOVE_MONEY.lastIndex = 0;
  return ACTION_ASKED.test(lower) || MOVE_MONEY.test(lower);
}

/**
 * Meaningful words on free words (a word already read as a merchant, such as Target, is not a target).
 * @example meaningfulLeftovers(reading('set a budget of $300 for eating out')) // ['budget']
 */
export function meaningfulLeftovers(r: Reading, breakdownAsked: boolean): string[] {
  const out: string[] = [];
  const said = new Set<number>();
  for (const pattern of MEANINGFUL) {
    for (const hit of findWords(r, pattern)) {
      if (!OVER_NAMES.has(pattern) && !allFree(r, hit.from, hit.to, true)) continue;
      if (range(hit.from, hit.to).some((j) => said.has(j))) continue;
      for (const j of range(hit.from, hit.to)) said.add(j);
      if (breakdownAsked && /percent|proportion|ratio|fraction/.test(hit.text)) continue;
      out.push(hit.text);
    }
  }
  // "spend spend spend": one word over and over asks nothing.
  if (r.words.length >= 2 && r.words.every((w) => w === r.words[0])) out.push(r.text.trim());
  // "last mnoth": a misspelt period the period finder could not read; answering another period would be wrong.
  for (let j = 0; j < r.words.length; j++) {
    const w = r.words[j] ?? '';
    if (!r.mentions.free[j] || said.has(j) || r.dictionary.has(w)) continue;
    const near = nearestEnglishWord(w);
    if (near && PERIOD_WORDS.test(near)) out.push(typed(r, j, j + 1));
  }
  return out;
}

const PERIOD_WORDS =
  /^(?:day|days|week|weeks|weekend|month|months|mnth|year|years|quarter|fortnight|today|yesterday|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

function allFree(r: Reading, from: number, to: number, periodsCount: boolean): boolean {
  for (let j = from; j < to; j++)
    if (!r.mentions.free[j] && (periodsCount || !inPeriodOrAmount(r, j))) return false;
  return true;
}
