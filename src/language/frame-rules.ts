/**
 * Rules people expect on top of the classifier: comparison, breakdown, top and trend wording, corrections,
 * alert toggles, and guards that keep a weak guess from doing harm.
 */
import { withoutAmountLimits } from './amounts.ts';
import type { EntityMatch, Token } from './entities.ts';
import { DATA_INTENTS as DATA_INTENT_LIST, type CategoryRef, type Frame, type Intent } from './types.ts';

const DATA_INTENTS: ReadonlySet<Intent> = new Set(DATA_INTENT_LIST);
const SPENDING_LIKE: ReadonlySet<Intent> = new Set([
  'spending',
  'breakdown',
  'top',
  'compare',
  'trend',
  'transactions',
]);

const COMPARE_WORDS =
  /\b(vs|versus|v|compared?|comparing|comparison|against)\b|\b(more|less|cheaper|pricier|worse|better)\b.*\bthan\b/;
const BREAKDOWN_WORDS =
  /\b(break ?down|broken down|breakdwn|split)\b|\b(by|per|each|across)\s+(category|categories|merchants?|stores?|shops?|accounts?|cards?)\b/;
const TREND_WORDS =
  /\b(month by month|month over month|over time|trend(s|ed|ing)?)\b|\bhow (?:has|have) (?:\w+ ){1,4}?(?:changed|evolved|moved|developed)\b/;
const TOP_WORDS =
  /\b(top|biggest|largest|most)\b.*\b(merchants?|categor(y|ies)|stores?|shops?|places?|compan(y|ies))\b/;
const BALANCE_WORDS = /\bhow much (money|cash)\b.*\b(do i have|have i got|is left|i have)\b/;

export interface Extra {
  categories: EntityMatch<CategoryRef>[];
  merchants: EntityMatch<string>[];
  top: number | undefined;
}

/** Wording people expect to be decisive ("X vs Y", "by merchant", "biggest merchant"), plus group-by, top, toggle and correction. */
export function applyHeuristics(text: string, tokens: Token[], frame: Frame, extra: Extra): Frame {
  const lower = tokens.map((t) => t.text).join(' ');
  let intent = frame.intent;
  const many =
    frame.periods.length >= 2 ||
    frame.categories.length >= 2 ||
    frame.merchants.length >= 2 ||
    frame.accounts.length >= 2;
  if (
    intent !== 'compare' &&
    (SPENDING_LIKE.has(intent) || intent === 'none') &&
    COMPARE_WORDS.test(withoutAmountLimits(lower)) &&
    (many || /\bcompar/.test(lower) || frame.periods.length === 1)
  )
    intent = 'compare';
  else if (
    (intent === 'spending' || intent === 'none') &&
    BALANCE_WORDS.test(lower) &&
    !/\bspen[dt]\b/.test(lower)
  )
    intent = 'balance';
  else if (
    (intent === 'spending' || intent === 'breakdown') &&
    TOP_WORDS.test(lower) &&
    !/\b(purchases?|transactions?|charges?)\b/.test(lower)
  )
    intent = 'top';
  else if (intent === 'spending' && BREAKDOWN_WORDS.test(lower)) intent = 'breakdown';
  else if ((intent === 'spending' || intent === 'breakdown') && TREND_WORDS.test(lower)) intent = 'trend';
  const out: Frame = { ...frame, intent };
  if (intent === 'breakdown') out.groupBy = groupByFor(lower);
  if (intent === 'top') {
    out.groupBy = /\bcategor/.test(lower) ? 'category' : 'merchant';
    const singular = /\b(merchant|category|store|shop|place|company|vendor)\b/.test(lower);
    const top = extra.top ?? (singular ? 1 : undefined);
    if (top !== undefined) out.top = top;
  }
  if (intent === 'transactions' && extra.top !== undefined) out.top = extra.top;
  if (intent === 'alerts') {
    const toggle = alertToggle(lower);
    if (toggle !== undefined) out.toggle = toggle;
  }
  if (intent === 'correct_category') {
    const correction = correctionOf(text, tokens, extra);
    if (correction) out.correction = correction;
  }
  return out;
}

function groupByFor(lower: string): NonNullable<Frame['groupBy']> {
  if (/\b(by|per|each)\s+month\b|\bmonthly\b/.test(lower)) return 'month';
  if (/\b(by|per|each|across|which)\s+(\w+\s+)?(accounts?|cards?)\b/.test(lower)) return 'account';
  if (/\b(merchants?|stores?|shops?|places?|restaurants?|compan(y|ies)|vendors?)\b/.test(lower))
    return 'merchant';
  return 'category';
}

/** "turn alerts off" → false, "alerts on" → true, "alert settings" → undefined. */
export function alertToggle(lower: string): boolean | undefined {
  if (/\b(unmute|resume|back on)\b/.test(lower)) return true;
  if (/\b(off|stop|stops|disable|mute|silence|pause|quit|unsubscribe|dont|no more|nothing)\b/.test(lower))
    return false;
  if (/\b(on|enable|start|want|send|notify|warn|let me know|text me|set up|alert me)\b/.test(lower))
    return true;
  return undefined;
}

const NEGATION = new Set(['not', 'isnt', 'arent', 'from', 'instead', 'nor']);
const CORRECTION_VERB =
  /^(?:please\s+)?(?:put|move|file|categori[sz]e|re-?categori[sz]e|mark|label|classify|treat|change|set|fix|make)\s+(?:the\s+category\s+(?:of|for)\s+)?(.+?)\s+(?:under|as|to|in|into|from|is)\b/i;
const CORRECTION_COPULA = /^(.+?)\s+(?:is|are|isnt|isn't|should|belongs|counts|goes|go)\b/i;

/** "Blue Bottle is coffee", "put uber under transport": which merchant, and the category it should be (not the one negated). */
function correctionOf(text: string, tokens: Token[], extra: Extra): Frame['correction'] {
  if (extra.categories.length === 0) return undefined;
  const positive = extra.categories.filter(
    (c) => !tokens.slice(Math.max(0, c.from - 2), c.from).some((t) => NEGATION.has(t.text)),
  );
  const category = (positive.length > 0 ? positive : extra.categories).at(-1)?.value;
  if (!category) return undefined;
  let merchantText = extra.merchants[0]?.text;
  if (!merchantText) {
    const m = CORRECTION_VERB.exec(text) ?? CORRECTION_COPULA.exec(text);
    merchantText = m?.[1]
      ?.toLowerCase()
      .replace(/^(that|the|this|my|all)\s+/, '')
      .replace(/\s+(charges?|purchases?|transactions?|payments?)$/, '')
      .trim();
  }
  return merchantText ? { merchantText, category } : undefined;
}

/** Drops what a reply to this intent cannot use ("good morning" is not a period to a greeting). */
/** Words without which nothing is ever removed: a bare "my amex" must not start unlinking. */
const DESTRUCTIVE_WORDS =
  /\b(un-?link|de-?link|remov|disconn?ec?t|delet|eras|forget|wipe|drop|purge|get rid|clear|close|stop (tracking|using|watching)|opt.?out|no longer|any ?more|revoke|gdpr)/i;

/** The demo by name ("the demo", "sample data", "example accounts") — not "a sample of my spending". */
const DEMO_NAMED =
  /\b(demo|demos|demonstration|(sample|example|dummy|made-? ?up|mock|test|fake|pretend) (data|accounts?|household|bank|profile|mode)|(sample|example|dummy|made-? ?up|mock|test|demo) (transactions?|cards?))\b/;
/** Asking to try Tally before linking anything, without naming the demo. */
const TRY_FIRST =
  /\b(try (it|this|tally|you) (out|first)|try (it|this|tally)( out)?$|try (it |this )?without|test (it|this) (out|first|without)|test drive|take (it|this|you) for a (spin|test drive)|play around)\b/;
/** Questions about data already there ("is this demo data?"), which ask for nothing. */
const ABOUT_DATA =
  /^(is (this|that|it|my)|are (these|those|they|my|the)|was|were|why|where|whose|which|what'?s|what (is|are|was|were|does|do)|how (much|many|come))\b/;
const TAKE_OUT =
  /\b(exit|end|quit|cancel|abort|undo|stop|turn off|switch off|take (it |them )?(out|away|off)|clean (up|out)|get out of|no more|throw (it |them )?(away|out)|ditch|trash|toss|dump|scrap|bin|done with)\b/;
const NO_LONGER = /\b(any ?more|no longer|no more)\b/;
const EVERYTHING =
  /\b(everything|all (of )?(my|the) (data|accounts|information|info|stuff)|my (own|real) |my (data|accounts|information|info|stuff)\b)/;
const NEGATING = /\b(not|no|never|dont|don't|do not|didn't|didnt|won't|wont)\b/;

/** True when one of the three words before `index` negates what follows ("don't load the demo"). */
function negatedAt(text: string, index: number): boolean {
  return NEGATING.test(text.slice(0, index).split(' ').slice(-4).join(' '));
}

/**
 * Whether a message clearly asks to load the demo household or to take it out again; undefined for
 * everything else ("test", "try again", "a sample of my spending", "is this demo data?").
 * @example demoRequest('try the demo') // 'load'
 * @example demoRequest('get rid of the sample accounts') // 'remove'
 */
export function demoRequest(text: string): 'load' | 'remove' | undefined {
  const t = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (ABOUT_DATA.test(t)) return undefined;
  const named = DEMO_NAMED.exec(t);
  if (named && (DESTRUCTIVE_WORDS.test(t) || TAKE_OUT.test(t))) {
    if (EVERYTHING.test(t)) return undefined;
    return NO_LONGER.test(t) || !negatedAt(t, named.index) ? 'remove' : undefined;
  }
  const asked = named ?? TRY_FIRST.exec(t);
  return asked && !negatedAt(t, asked.index) ? 'load' : undefined;
}

/**
 * Guards on the classifier: destructive intents need a destructive word, the demo intent needs a clear
 * request for the demo (and taking the demo out wins over unlinking or deleting), and an unclear message that
 * names a category, merchant or account is read as a spending question about it.
 */
export function guardIntent(text: string, frame: Frame): Frame {
  const hasEntities =
    frame.periods.length > 0 ||
    frame.categories.length > 0 ||
    frame.merchants.length > 0 ||
    frame.accounts.length > 0;
  const demo = demoRequest(text);
  if (demo === 'remove') return { ...frame, intent: 'demo' };
  if (frame.intent === 'demo' && demo !== 'load')
    return { ...frame, intent: hasEntities ? 'spending' : 'none' };
  if (
    (frame.intent === 'unlink_account' || frame.intent === 'delete_data') &&
    !DESTRUCTIVE_WORDS.test(text)
  ) {
    return { ...frame, intent: hasEntities ? 'spending' : 'none' };
  }
  if (
    frame.intent === 'trend' &&
    !/trend|over time|month (by|to|on) month|monthly|each month|per month|every month|history|graph|chart|progress|going (up|down)|increas|decreas|rising|growing|climbing|dropping|lately|more and more|creeping|\bhow (?:has|have) (?:\w+ ){1,4}?(?:changed|evolved|moved|developed)\b/i.test(
      text,
    )
  ) {
    return { ...frame, intent: 'spending' };
  }
  const hasSubject = frame.categories.length > 0 || frame.merchants.length > 0 || frame.accounts.length > 0;
  if (
    (frame.intent === 'none' && (hasSubject || frame.ambiguous)) ||
    (SHORT_REPLIES.has(frame.intent) && hasSubject && !SHORT_REPLY_START.test(text.trim())) ||
    (frame.intent === 'correct_category' &&
      frame.categories.length === 0 &&
      !frame.correction &&
      hasSubject) ||
    (frame.intent === 'correct_category' && hasSubject && !CORRECTING.test(text))
  ) {
    return { ...frame, intent: 'spending' };
  }
  return frame;
}

/** Words a category correction cannot do without: "X is Y", "put X under Y", "mark X as Y". */
const CORRECTING =
  /\b(?:is|are|isnt|isn't|was|should|belongs?|counts?|goes|go|put|move|file|mark|label|classify|treat|change|set|fix|make|categori[sz]e|recategori[sz]e|as|under|into|not)\b/i;

/** Replies that carry no question: one that names a subject and does not start like a reply is a question. */
const SHORT_REPLIES: ReadonlySet<Intent> = new Set(['yes', 'no', 'thanks', 'greeting', 'cancel']);
const SHORT_REPLY_START =
  /^(?:y|yes|yeah|yep|yup|sure|ok|okay|no|nope|nah|thanks|thank you|cheers|hi|hello|hey|cancel|stop)\b/i;

export function keepEntitiesFor(frame: Frame): Frame {
  if (DATA_INTENTS.has(frame.intent)) {
    if (frame.intent === 'subscriptions' || frame.intent === 'price_rises')
      frame.categories = frame.categories.filter((c) => c.key !== 'subscriptions');
    if (frame.intent !== 'transactions' && frame.intent !== 'top') delete frame.top;
    return frame;
  }
  const bare: Frame = {
    intent: frame.intent,
    confidence: frame.confidence,
    periods: [],
    categories: [],
    merchants: [],
    accounts: [],
  };
  if (frame.intent === 'link_account' || frame.intent === 'unlink_account') {
    bare.accounts = frame.accounts;
    if (frame.ambiguous?.kind === 'account') bare.ambiguous = frame.ambiguous;
  }
  if (frame.intent === 'correct_category') {
    bare.merchants = frame.merchants;
    bare.categories = frame.categories;
    if (frame.correction) bare.correction = frame.correction;
  }
  if (frame.toggle !== undefined) bare.toggle = frame.toggle;
  return bare;
}
