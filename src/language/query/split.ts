/**
 * Two questions in one message: "how much on groceries and how many times did I eat out", "what did I spend
 * last month? and the month before?". The second is understood on its own (a fragment borrows the first's
 * query) and travels as `also`; one that cannot be read is named in `unplaced`, never dropped.
 */
import type { Query, Understood } from '../../insights/query.ts';
import type { WordSet } from '../entities.ts';
import type { Mentions } from '../mentions.ts';
import type { Frame, UserVocabulary } from '../types.ts';
import { defaultPeriod } from './index.ts';
import { previousLikePeriod } from './periods.ts';
import { readingOf } from './reading.ts';
import { readSubjects } from './subjects.ts';
import { asksAnAction } from './leftovers.ts';
import { aboutThose, inheritPeriods, inheritSubject } from './borrowed.ts';

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
/** A comma before a second question word: "…this month, how many coffees was it". */
const COMMA_SPLICE =
  /\s*,\s*(?=(?:how (?:many|much|often)|what(?:s|'s| is| was| were| did)|whats|which|did i|was it|were there)\b)/i;
/** A question that stands on its own: a question word and a word of money. */
const FULL_QUESTION =
  /^(?:how|what|whats|what's|which|did|do|was|is|show|list|tell|give)\b.*\b(?:spen[dt]|spending|went|go|paid|pay|cost|much|many|total|balance|earn\w*|made)\b/i;
/** "my Starbucks spend in January and my Costa spend in February" */
const AND_MY = /\s+(?:and|&)\s+(?:then\s+)?(?=(?:my|the)\s)/i;

/**
 * Where one question ends and the next begins; one part when there is only one question.
 * @example splitQuestions('what did I spend last month? and the month before?') // { first: 'what did I spend last month?', second: 'and the month before?' }
 */
export function splitQuestions(text: string): Parts {
  for (const pattern of [AFTER_QUESTION_MARK, JOINED_QUESTION, BALANCE_PAIR]) {
    if (pattern === BALANCE_PAIR && !text.includes('bal')) continue;
    const m = pattern.exec(text);
    if (!m || m.index === 0) continue;
    const first = text.slice(0, m.index + (m[0].startsWith('?') ? 1 : 0)).trim();
    const second = text.slice(m.index + m[0].length).trim();
    if (BARE_ASK.test(second)) return { first: text };
    if (first.split(/\s+/).length >= 2 && /[\p{L}\p{N}]/u.test(second)) return { first, second };
  }
  // "how much went on coffee this month, how many coffees was it": two questions spliced by a comma, each
  // asked in full (a lead-in such as "in january, how much…" is not a question of its own).
  const spliced = text.includes(',') ? COMMA_SPLICE.exec(text) : null;
  if (spliced && spliced.index > 0) {
    const first = text.slice(0, spliced.index).trim();
    const second = text.slice(spliced.index + spliced[0].length).trim();
    if (FULL_QUESTION.test(first) && first.split(/\s+/).length >= 4 && !BARE_ASK.test(second))
      return { first, second };
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
  else also = aboutThose(rest, main.query, own);
  if (!also && own) also = inheritSubject(inheritPeriods(own, main.query), main.query, rest);
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
