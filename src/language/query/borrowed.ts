/**
 * What a second question borrows from the first when it names nothing of its own: "…and how many trips",
 * "…and what's its balance", "…and show me the transactions", "…and tell me the total". A second question that
 * says "overall" or names its own subject borrows nothing.
 */
import { isEmptySubject, type Query, type Understood } from '../../insights/query.ts';
import { defaultPeriod } from './index.ts';

/**
 * The first question's transactions counted, listed or added up, when the second asks only that of "those".
 * @example aboutThose('how many were there', firstQuery, undefined)?.query.measure // { kind: 'count', of: 'spent' }
 */
export function aboutThose(rest: string, first: Query, own: Understood | undefined): Understood | undefined {
  const ownSubject = !own || isEmptySubject(own.query.filters.include);
  const query =
    TOTAL_OF_THOSE.test(rest) && ownSubject
      ? totalOf(first)
      : COUNT_OF_THOSE.test(rest)
        ? countOf(first)
        : LIST_OF_THOSE.test(rest) && (ownSubject || UNIT_ONLY.test(rest))
          ? listOf(first)
          : undefined;
  return query ? { query, unplaced: [], unknownNames: [] } : undefined;
}

/**
 * "…and how many times did I use it", "…& how many trips", "…and what's its balance": a second question naming
 * nothing of its own is about the first one's subject (and amount limit, and flow, when it counts them).
 */
export function inheritSubject(u: Understood, first: Query, rest: string): Understood {
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
export function inheritPeriods(u: Understood, first: Query): Understood {
  const q = u.query;
  if (q.periods.length > 0 || q.series || first.periods.length === 0 || !q.defaultedPeriod) return u;
  const query: Query = { ...q, periods: structuredClone(first.periods) };
  delete query.defaultedPeriod;
  return { ...u, query };
}
