/**
 * Two questions in one message: "how much on groceries and how many times did I eat out", "what did I spend
 * last month? and the month before?". The second is understood on its own (a fragment borrows the first's
 * query) and travels as `also`; one that cannot be read is named in `unplaced`, never dropped.
 */
import { isEmptySubject, type Query, type Understood } from '../../insights/query.ts';
import type { WordSet } from '../entities.ts';
import type { Mentions } from '../mentions.ts';
import type { Frame, UserVocabulary } from '../types.ts';
import { defaultPeriod } from './index.ts';
import { previousLikePeriod } from './periods.ts';
import { readingOf } from './reading.ts';
import { readSubjects } from './subjects.ts';
import { asksAnAction } from './leftovers.ts';

const QUESTION_START = String.raw`(?:how|what|whats|what's|which|where|when|did|do|does|was|were|is|are|have|has|show|list|tell|give|can|could)\b`;
/** "…and my biggest purchase": a second figure asked for by name, with no question word of its own. */
const ANOTHER_MEASURE = String.raw`(?:(?:my|the)\s+(?:single\s+)?(?:biggest|largest|smallest|highest|lowest|most expensive|priciest|cheapest|average|typical|usual|total|overall)\s+(?:single\s+)?\w+|(?:the\s+|my\s+)?(?:number|count) of\s+\w+|(?:the\s+|my\s+)?total\s+(?:spent|spending|spend|earned|earnings|income|received|made|coming in|going out))`;
/** "…? and the month before?": a question mark with more words after it. */
const AFTER_QUESTION_MARK = /\?+\s*(?=[\p{L}\p{N}])/u;
/** "…groceries and how many times…", "…; what about…", ". also, which…" */
const JOINED_QUESTION = new RegExp(
  String.raw`(?:\s*[,;.]\s*|\s+)(?:and|&|also|plus|then|as well as|btw|by the way|oh and|oh also|and second(?:ly)?|second(?:ly)?|and another thing)[,:\s]+(?=${QUESTION_START})|(?:\s*[,;.]\s*(?:and |plus )?also|\s+(?:and|plus|&) also)[,\s]+(?=[\p{L}\p{N}])|\s*(?:[;.]\s+|\n\s*)(?=(?:and |also |plus )?${QUESTION_START})|\s*[;.]\s+(?:and|also|plus)[,\s]+(?=[\p{L}\p{N}])|\s*,\s*(?=(?:what|how) about\b)|\s*[,;.]\s*(?=(?:can|could|would|will) (?:you|u) (?:show|list|give|tell|pull|count|send)\b)|(?:\s*,\s*|\s+)(?:and|plus)(?: also)?\s+(?=${ANOTHER_MEASURE})`,
  'iu',
);

/** "Chase Checking balance and Amex Gold balance": each balance asked for by name is its own figure. */
const BALANCE_PAIR =
  /(?<=\bbal(?:ance)?s?)\s*,?\s+(?:and|&|plus|also)\s+(?=(?:(?:my|the|what(?:'s|s| is) (?:my|the))\s+)?(?:\S+\s+){1,4}?bal(?:ance)?s?\b)/i;

export interface Parts {
  first: string;
  second?: string;
  /** Split at ", and" with no question word after it: kept only when both halves name a period. */
  weak?: boolean;
  /** Split at "and my"/"and the": kept only when the halves name different periods ("my Uber total last
   * month and my Lyft total last month" sets the two side by side). */
  otherPeriod?: boolean;
}

/** "anything spent at Lyft, and how much?": the same question asking for its figure, not a second one. */
const BARE_ASK = /^(?:how much|how many|how often|what amount)(?: (?:was it|is it|in total|exactly))?\W*$/i;

/** "groceries last month, and eating out the month before"; "Whole Foods in Q4 and at Trader Joe's in January" */
const COMMA_AND = /\s*[,;]\s*(?:and|then|plus)\s+|\s+(?:and|&)\s+(?=(?:at|on|from|with)\s)/i;
/** "my Starbucks spend in January and my Costa spend in February" */
const AND_MY = /\s+(?:and|&)\s+(?:then\s+)?(?=(?:my|the)\s)/i;

/**
 * Where one question ends and the next begins; one part when there is only one question.
 * @example splitQuestions('what did I spend last month? and the month before?') // { first: 'what did I spend last month?', second: 'and the month before?' }
 */
export function splitQuestions(text: string): Parts {
  for (const pattern of [AFTER_QUESTION_MARK, JOINED_QUESTION, BALANCE_PAIR]) {
    const m = pattern.exec(text);
    if (!m || m.index === 0) continue;
    const first = text.slice(0, m.index + (m[0].startsWith('?') ? 1 : 0)).trim();
    const second = text.slice(m.index + m[0].length).trim();
    if (BARE_ASK.test(second)) return { first: text };
    if (first.split(/\s+/).length >= 2 && /[\p{L}\p{N}]/u.test(second)) return { first, second };
  }
  const comma = COMMA_AND.exec(text);
  const m = comma ?? AND_MY.exec(text);
  if (m && m.index > 0)
    return {
      first: text.slice(0, m.index).trim(),
      second: text.slice(m.index + m[0].length).trim(),
      weak: true,
      ...(comma ? {} : { otherPeriod: true }),
    };
  return { first: text };
}

const ASKS =
  /\b(?:how|what|whats|which|where|when|why|did|do|does|was|were|show|list|tell|give|spend|spent|spending|cost|earn|earned|pay|paid|many|much|income|balance|biggest|largest|smallest|highest|lowest|priciest|cheapest|most|least|expensive|top|average|typical|usual)\b/i;
const BEFORE =
  /\b(?:the )?(?:(?:month|week|year|quarter|one|period|time) before(?: that)?|previous (?:one|month|week|year|quarter)|one before)\b/i;
const COMPARE_REST = /^(?:compare|compared|comparing|vs|versus|against|next to)\b/i;
const LEADING =
  /^(?:and|also|plus|then|or|but)\b[,\s]*(?:(?:what|how) about\b\s*)?|^(?:what|how) about\b\s*/i;

export interface SecondPart {
  text: string;
  frame: Frame;
  mentions: Mentions;
}

/**
 * The first question's frame carrying the second as `also`. When the first is not about money and the second
 * is, the second is the question.
 */
export function joinQuestions(
  first: Frame,
  second: SecondPart,
  vocabulary: UserVocabulary,
  today: string,
  dictionary: WordSet,
): Frame {
  const main = first.understood;
  if (!main) return second.frame.understood ? second.frame : first;
  const rest = second.text.replace(LEADING, '').trim();
  // "…in January? compare that with December": one comparison, not two questions.
  if (COMPARE_REST.test(rest) && second.mentions.periods.length > 0 && main.query.periods.length > 0) {
    const query: Query = structuredClone(main.query);
    query.periods.push(...second.mentions.periods.map((p) => p.period));
    query.comparison = { kind: 'periods' };
    return { ...first, intent: 'compare', understood: { ...main, query } };
  }
  let also: Understood | undefined;
  const own = second.frame.understood;
  // "…and can you move 50 to savings": an order, not a question; said back, never answered as one.
  if (asksAnAction(rest.toLowerCase()))
    return { ...first, understood: { ...main, unplaced: [...main.unplaced, second.text] } };
  if (!ASKS.test(rest)) also = fragment(main.query, rest, second, vocabulary, today, dictionary);
  else if (TOTAL_OF_THOSE.test(rest) && (!own || isEmptySubject(own.query.filters.include)))
    also = { query: totalOf(main.query), unplaced: [], unknownNames: [] };
  else if (COUNT_OF_THOSE.test(rest)) also = { query: countOf(main.query), unplaced: [], unknownNames: [] };
  else if (
    LIST_OF_THOSE.test(rest) &&
    (!own || isEmptySubject(own.query.filters.include) || UNIT_ONLY.test(rest))
  )
    also = { query: listOf(main.query), unplaced: [], unknownNames: [] };
  else if (second.frame.understood)
    also = inheritSubject(inheritPeriods(second.frame.understood, main.query), main.query, rest);
  const understood: Understood = also
    ? { ...main, also }
    : { ...main, unplaced: [...main.unplaced, second.text] };
  return { ...first, understood };
}

/** "and the month before?", "and eating out?", "and without Amazon?": the first query with what changed. */
function fragment(
  base: Query,
  rest: string,
  second: SecondPart,
  vocabulary: UserVocabulary,
  today: string,
  dictionary: WordSet,
): Understood | undefined {
  const query: Query = structuredClone(base);
  const m = second.mentions;
  let changed = false;
  if (BEFORE.test(rest) && base.periods[0]) {
    query.periods = [previousLikePeriod(base.periods[0])];
    delete query.defaultedPeriod;
    changed = true;
  } else if (m.periods.length > 0) {
    query.periods = m.periods.map((p) => p.period);
    delete query.defaultedPeriod;
    changed = true;
  }
  if (m.categories.length + m.merchants.length + m.accounts.length > 0) {
    const subjects = readSubjects(readingOf(second.text, vocabulary, today, { mentions: m, dictionary }));
    const excludes = subjects.excluded.length > 0;
    if (!excludes) query.filters.include = subjects.include;
    query.filters.exclude = excludes ? mergeExclude(base, subjects.exclude) : query.filters.exclude;
    changed = true;
  }
  // "…and number of orders": the first question's subject and period, counted.
  const own = second.frame.understood?.query.measure;
  const flow = base.measure.kind === 'received' ? 'received' : 'spent';
  if (own && (own.kind === 'count' || own.kind === 'largest') && own.kind !== base.measure.kind) {
    query.measure = { kind: own.kind, of: flow };
    changed = true;
  }
  if (changed && query.periods.length === 0) defaultPeriod(query, rest.toLowerCase());
  return changed
    ? { query, unplaced: [], unknownNames: second.frame.understood?.unknownNames ?? [] }
    : undefined;
}

function mergeExclude(base: Query, more: Query['filters']['exclude']): Query['filters']['exclude'] {
  const ex = structuredClone(base.filters.exclude);
  ex.categories.push(...more.categories);
  ex.merchants.push(...more.merchants);
  ex.accounts.push(...more.accounts);
  ex.accountTypes.push(...more.accountTypes);
  return ex;
}

/**
 * "…and how many times did I use it", "…& how many trips", "…and what's its balance": a second question naming
 * nothing of its own is about the first one's subject (and amount limit, and flow, when it counts them).
 */
function inheritSubject(u: Understood, first: Query, rest: string): Understood {
  const q = u.query;
  if (!isEmptySubject(q.filters.include) || q.comparison) return u;
  const counted = q.measure.kind === 'count' && !OVERALL.test(rest);
  // "…and what was my average meal", "…and the biggest fill-up": a figure of the same purchases.
  // "My biggest purchase" alone is over everything; a purchase of the first subject's own kind is not.
  const measured =
    (q.measure.kind === 'average' || q.measure.kind === 'largest') &&
    OWN_UNIT.test(rest) &&
    !OVERALL.test(rest) &&
    flowOfMeasure(q) === flowOfMeasure(first);
  if (!counted && !measured && !REFERS_BACK.test(rest)) return u;
  const from = first.filters;
  const balance = q.measure.kind === 'balance';
  const include = balance
    ? {
        ...structuredClone(q.filters.include),
        accounts: [...from.include.accounts],
        accountTypes: [...from.include.accountTypes],
      }
    : structuredClone(from.include);
  if (isEmptySubject(include) && !from.amount) return u;
  const query: Query = structuredClone(q);
  query.filters.include = include;
  if (!query.filters.amount && from.amount && !balance) query.filters.amount = { ...from.amount };
  // "how much did Upwork pay me… and how many payments was it": the payments counted are the ones received.
  if (counted && first.measure.kind === 'received' && !SAYS_SPENT.test(rest))
    query.measure = { kind: 'count', of: 'received' };
  if (query.periods.length === 0) defaultPeriod(query, rest.toLowerCase());
  return { ...u, query };
}

/** What one purchase of a particular kind is called: a fill-up is petrol's, a meal is eating out's. */
const OWN_UNIT =
  /\b(?:fill ?ups?|meals?|rides?|trips?|visits?|orders?|shops?|hauls?|tanks?|deliveries|delivery|bookings?|stays?|fares?|runs?|takeaways?|coffees?|baskets?|journeys?)\b/i;

function flowOfMeasure(q: Query): 'spent' | 'received' {
  const m = q.measure;
  return m.kind === 'received' || ('of' in m && m.of === 'received') ? 'received' : 'spent';
}

/** "…and how many transactions overall": a count of everything, not of the first question's subject. */
const OVERALL =
  /\b(?:overall|in total|altogether|all in all|across everything|everything|all (?:my|of my|the)|every)\b/i;
const SAYS_SPENT = /\b(?:spen[dt]|spending|bought|buy|purchases?|charges?|orders?)\b/i;

/** "…and tell me the total", "…and how much they came to": the first question's transactions added up. */
const TOTAL_OF_THOSE =
  /^(?:(?:can you |could you |please )?(?:tell|give|show) me |what(?:'s| is| was|s) )?(?:the |a )?(?:grand )?(?:total|sum)(?: of (?:it|them|those|that|all))?\W*$|\bhow much (?:did |do |have )?(?:they|it|that|those|these|them)(?: all)? (?:came?|come|add(?:ed)? up|cost|was|were|total(?:led)?)\b|\bwhat (?:did |do )?(?:they|it|that|those|these)(?: all)? (?:add(?:ed)? up to|come to|came to|cost|total)\b/i;

/** "…and show me the transactions", "…, can you show me each one", "…and what were the purchases". */
const THOSE_NOUNS = String.raw`(?:one|ones|transactions?|charges?|purchases?|payments?|rides?|orders?|trips?|visits?|receipts?|items?|them|those|these|it|they|lot|list|details?|breakdown)`;
const LIST_OF_THOSE = new RegExp(
  String.raw`^(?:(?:can|could|would|will) (?:you|u) |please |pls |and |then |also )*(?:(?:show|list|give|pull up|display|see|let me see|send|itemi[sz]e|break down)(?: me)?(?: (?:all|every|each|the|my|those|them|these|of))*(?: ${THOSE_NOUNS})+|what (?:were|are) (?:the|those|they|them)(?: ${THOSE_NOUNS})*|which ones(?: were they)?)(?: (?:individually|one by one|separately|please|pls|too|as well))*\W*$`,
  'i',
);
/** "list the rides" after "what did I spend on Uber": the rides are Uber's, not the taxi category. */
const UNIT_ONLY =
  /^(?:(?:can|could|would) you |please |and |then )*(?:show|list|give|pull up|see)(?: me)?(?: the| my| those| all)* (?:rides|trips|orders|visits|journeys|deliveries)\W*$/i;

function listOf(base: Query): Query {
  const query = totalOf(base);
  query.form = 'list';
  return query;
}

/** "…and how many were there", "…and how many of them": the first question's transactions counted. */
const COUNT_OF_THOSE =
  /^how many(?: (?:were|was|are|is|did) (?:there|that|those|they|these|it)| of (?:them|those|these|it))?(?: (?:in total|altogether|all together))?\W*$/i;

function countOf(base: Query): Query {
  const query = totalOf(base);
  query.measure = { kind: 'count', of: query.measure.kind === 'received' ? 'received' : 'spent' };
  return query;
}

/** The first question's subject, limits and periods as one figure of money. */
function totalOf(base: Query): Query {
  const query: Query = structuredClone(base);
  const m = base.measure;
  const flow = m.kind === 'received' || ('of' in m && m.of === 'received') ? 'received' : 'spent';
  query.measure = { kind: flow };
  query.form = 'figure';
  delete query.ranking;
  delete query.groupBy;
  return query;
}

/** "…and how many times did I go?": a verb with nothing after it goes back to the first question's subject. */
const REFERS_BACK =
  /\b(?:it|its|them|there|that place|that shop|those|they)\b|\b(?:was|were|is|are) that\b|\bthat (?:was|were|is)\W*$|\b(?:go|went|gone|visit|visited|been|use|used|order|ordered|shop|shopped|fill up|filled up|stop|stopped)\W*$/i;

/** A second full question without a period of its own asks about the first one's period. */
function inheritPeriods(u: Understood, first: Query): Understood {
  const q = u.query;
  if (q.periods.length > 0 || q.series || first.periods.length === 0 || !q.defaultedPeriod) return u;
  const query: Query = { ...q, periods: structuredClone(first.periods) };
  delete query.defaultedPeriod;
  return { ...u, query };
}

/** Words that weigh the two halves against each other, or join the periods into one span. */
const WEIGHED = /\b(?:vs|versus|compar\w*|against|than|differ\w*|between|from|to|through|until|till)\b/i;
const PAIR_JOIN = /\s*[,;]\s*(?:and\s+)?|\s+(?:and|&|plus|as well as|and also|also|then|and then)\s+/;

/**
 * "Uber in January and Lyft in February", "coffee last month, eating out the month before": each subject
 * with a period of its own, which one query would add up across both; split where the first pair ends.
 */
export function pairedParts(text: string, m: Mentions): Parts | undefined {
  if (m.periods.length < 2 || WEIGHED.test(text)) return undefined;
  const [p1, p2] = [...m.periods].sort((a, b) => a.index - b.index);
  if (!p1 || !p2 || (p1.period.start === p2.period.start && p1.period.end === p2.period.end))
    return undefined;
  const from = p1.index + p1.length;
  const join = PAIR_JOIN.exec(text.slice(from, p2.index));
  if (!join) return undefined;
  const cut = from + join.index;
  const at = (e: { from: number }) => m.tokens[e.from]?.index ?? -1;
  const subjects = [...m.merchants, ...m.categories, ...m.accounts].map(at);
  if (!subjects.some((i) => i >= 0 && i < cut) || !subjects.some((i) => i >= cut + join[0].length))
    return undefined;
  return { first: text.slice(0, cut).trim(), second: text.slice(cut + join[0].length).trim() };
}

/** "spending this month plus income this month": a period said beside each flow is still one period. */
const PERIOD_WORD = String.raw`(?:in|for|during|this|last|the|so far|past|previous|month|week|year|quarter|today|yesterday|\w+uary|march|april|may|june|july|august|\w+ember|october|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|q[1-4]|\d{4})`;
const IN_WORDS = String.raw`(?:earn(?:ed|t)?|income|incomings|made|came in|come in|received|got paid)`;
const OUT_WORDS = String.raw`(?:spen[dt]|spending|went out|go out|outgoings|expenses)`;
const BOTH_FLOWS = new RegExp(
  String.raw`\b(?:(${IN_WORDS})|${OUT_WORDS})(?:\s+(?:${PERIOD_WORD})){0,3}\s+(?:and|&|plus)\s+(?:(?:what|how much)\s+(?:did\s+)?(?:i\s+|we\s+)?)?(?:${IN_WORDS}|(${OUT_WORDS}))\b`,
);

/**
 * "what did I earn and spend in January", "income and spending for February": money in and money out, each
 * its own figure, where one query would answer only the first. ("money in vs money out" is net.)
 */
export function withBothFlows(frame: Frame, text: string): Frame {
  const u = frame.understood;
  const kind = u?.query.measure.kind;
  if (!u || u.also || (kind !== 'received' && kind !== 'spent')) return frame;
  // A payer or a kind of income belongs to one direction only.
  const include = u.query.filters.include;
  if (include.merchants.length + include.categories.length > 0) return frame;
  const m = BOTH_FLOWS.exec(text.toLowerCase());
  // One of each: "earn and spend" or "spending and income", not "earn and make".
  if (!m || (m[1] !== undefined) !== (m[2] !== undefined)) return frame;
  const first: Query = structuredClone(u.query);
  first.measure = { kind: m[1] !== undefined ? 'received' : 'spent' };
  const second: Query = structuredClone(u.query);
  second.measure = { kind: m[1] !== undefined ? 'spent' : 'received' };
  return {
    ...frame,
    intent: first.measure.kind === 'received' ? 'income' : 'spending',
    understood: { ...u, query: first, also: { query: second, unplaced: [], unknownNames: [] } },
  };
}
