/**
 * The words refine the query the intent started: who is included, excluded or side by side; what is measured;
 * whether it is one figure, a ranked grouping, a series or a list; and which amount limits hold.
 */
import { emptySubject, type Period, type Query } from '../../insights/query.ts';
import { findTopN, withoutAmountLimits } from '../amounts.ts';
import type { Frame, Intent } from '../types.ts';
import { readMeasure, type MeasureReading } from './measure.ts';
import { wordAt, type Reading } from './reading.ts';
import {
  asksForFigure,
  asksForList,
  asksForListOutright,
  defaultWindow,
  readGroupWords,
  readRankedGroup,
  readSeries,
} from './shape.ts';
import type { Subjects } from './subjects.ts';

export interface Refining {
  r: Reading;
  frame: Frame;
  intent: Intent;
  /** The periods named, without those in the future. */
  periods: Period[];
  subjects: Subjects;
  today: string;
}

const AVERAGED = /\b(?:average|averages|avg|on average|typical|typically|usually|normally|mean)\b/;
/** "did I spend over $500 on food": the amount is about the total, not each transaction. */
const TOTAL_THRESHOLD =
  /^(?:so |and |but |hey |ok |okay )?(?:did|have|do|am|was|were|will|have) (?:i|we) (?:\w+ )?(?:spend|spent|spending|pay|paid|go|gone|went|earn|earned|make|made|get|got)\s+(?:\w+\s+)?(?:over|more than|above|under|less than|below|at least|past)\b/;
const LIST_NOUN = /\b(?:transactions?|purchases?|charges?|payments?|trips?|visits?|orders?|items?|things)\b/;
const EXCLUDED_TYPE =
  /\b(?:excluding|except(?: for)?|without|not counting|not including|other than|apart from|aside from|besides|but not|minus|ignoring|leaving out)\s+(?:\w+\s+){0,2}?(?:credit ?cards?|cards?|checking|savings|current accounts?|debit)\b/;
const COMPARING =
  /\b(?:compar\w*|vs|versus|against|than|differ\w*|change[ds]?|up|down|increase[ds]?|decrease[ds]?|more|less|previous|before|stack)\b/;
const GROUP_WORDS = /\b(?:by|per|each|split|break ?down|breakdown|broken down|across)\b/;
const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** Applies every reading of the words to the query, in order. */
export function refine(query: Query, k: Refining): void {
  applySubjects(query, k);
  const series = readSeries(k.r, k.periods, AVERAGED.test(k.r.lower));
  const n = findTopN(k.r.text)?.n ?? bottomN(k.r.lower);
  const read = applyMeasure(query, k, series !== undefined, n);
  applyShape(query, k, read, n);
  rankedNamesSideBySide(query, k.r);
  comparePeriodsAsked(query, k);
  if (series && !query.ranking && query.measure.kind !== 'average' && query.comparison?.kind !== 'subjects') {
    query.series = series;
    query.periods = [];
    delete query.comparison;
    // "by week" was the series; a grouping stays only when the words name one ("each month by category").
    const by = /\bby (categor|merchant|store|shop|account|card)/.exec(k.r.lower)?.[1];
    if (by)
      query.groupBy =
        by === 'categor' ? 'category' : by === 'account' || by === 'card' ? 'account' : 'merchant';
    else delete query.groupBy;
    if (query.form === 'breakdown' && !query.groupBy) query.form = 'figure';
  }
  tidy(query, k);
}

function applySubjects(query: Query, { r, frame, subjects }: Refining): void {
  query.filters.include = subjects.include;
  // "how many rides was that": the rides are what the last answer covered (Uber), not the rides category.
  const unit = THAT_MANY.exec(r.lower);
  if (unit) {
    const from = wordAt(r, unit.index);
    const to = wordAt(r, unit.index + unit[0].length - 1) + 1;
    const said = new Set(
      r.mentions.categories.filter((c) => c.from >= from && c.to <= to).map((c) => c.value.label),
    );
    query.filters.include.categories = query.filters.include.categories.filter((c) => !said.has(c.label));
  }
  query.filters.exclude = subjects.exclude;
  // "my credit cards" with no card named: every account of the type ("not counting credit cards": none of them).
  // ("my credit cards excluding the amex": the type, less the one card.)
  const named = /\b(?:cards|accounts)\b/.test(r.lower)
    ? r.mentions.accounts.filter((a) => !subjects.exclude.accounts.includes(a.value))
    : r.mentions.accounts;
  if (frame.accountType && named.length === 0 && !subjects.sideBySide) {
    const into = EXCLUDED_TYPE.test(r.lower) ? query.filters.exclude : query.filters.include;
    into.accountTypes = [frame.accountType];
  }
}

function applyMeasure(
  query: Query,
  { r, intent, periods }: Refining,
  seriesAsked: boolean,
  n: number | undefined,
): MeasureReading | undefined {
  const read = readMeasure(r, intent, seriesAsked);
  if (read) query.measure = read.measure;
  const kind = query.measure.kind;
  // "did I break even": net is one figure; a grouping only when the words ask for one.
  if ((kind === 'net' || kind === 'saved') && query.groupBy && !GROUP_WORDS.test(r.lower)) {
    delete query.groupBy;
    query.form = 'figure';
  }
  if (kind === 'largest' || kind === 'average' || kind === 'count') {
    // One figure: the trend, list or grouping the intent suggested is not what was asked.
    query.form = 'figure';
    delete query.ranking;
    if (!GROUP_WORDS.test(r.lower)) delete query.groupBy;
    if (query.series && intent === 'trend') {
      query.periods = [...periods];
      delete query.series;
    }
  }
  if (read?.rankedList) {
    // The transactions themselves, ranked by amount ("my 5 most expensive purchases"), not groups of them.
    query.form = 'list';
    delete query.groupBy;
    query.ranking = { order: read.rankedList.order, n: n ?? (read.rankedList.plural ? 5 : 1) };
  }
  return read;
}

/** Side by side, a ranked grouping ("which month… least"), or a plain grouping ("which stores"). */
function applyShape(
  query: Query,
  { r, intent, periods, subjects, today }: Refining,
  read: MeasureReading | undefined,
  n: number | undefined,
): void {
  if (subjects.sideBySide) {
    query.comparison = { kind: 'subjects', subjects: subjects.sideBySide };
    query.periods = [...periods];
    if (intent === 'compare' || intent === 'top') {
      query.form = 'figure';
      delete query.groupBy;
      delete query.ranking;
    }
    return;
  }
  const ranked = read?.rankedList || query.measure.kind === 'largest' ? undefined : readRankedGroup(r, n);
  if (ranked) {
    query.form = 'breakdown';
    query.ranking = ranked.ranking;
    delete query.comparison;
    query.periods = [...periods];
    if (ranked.groupBy) query.groupBy = ranked.groupBy;
    else if (ranked.series) {
      delete query.groupBy;
      query.series = { grain: ranked.series, within: periods[0] ?? defaultWindow(ranked.series, today) };
      query.periods = [];
    }
    return;
  }
  const words = readGroupWords(r);
  // "spending by weekday": the words' grouping over the one the intent guessed.
  if (words === 'weekday' && query.form === 'breakdown' && !query.ranking) query.groupBy = 'weekday';
  const grouped =
    query.groupBy || query.ranking || query.comparison || query.measure.kind !== 'spent' ? undefined : words;
  if (grouped && query.form === 'figure') {
    query.form = 'breakdown';
    query.groupBy = grouped;
  }
}

/**
 * "which card did I use more, BofA or Discover" read as a ranking of the names given: each named one gets its
 * own figure, so the answer shows both rather than the winner alone.
 */
function rankedNamesSideBySide(query: Query, r: Reading): void {
  const by = query.groupBy;
  if (!query.ranking || query.comparison || !by || query.series) return;
  const include = query.filters.include;
  const accountName = (id: number) => r.vocabulary.accounts.find((a) => a.id === id)?.name ?? String(id);
  const own =
    by === 'account'
      ? include.accounts.map((id) => ({
          label: accountName(id),
          include: { ...emptySubject(), accounts: [id] },
        }))
      : by === 'merchant'
        ? include.merchants.map((m) => ({ label: m, include: { ...emptySubject(), merchants: [m] } }))
        : by === 'category' || by === 'primary'
          ? include.categories.map((c) => ({
              label: c.label,
              include: { ...emptySubject(), categories: [c] },
            }))
          : [];
  if (own.length < 2) return;
  query.comparison = { kind: 'subjects', subjects: own };
  query.filters.include = {
    ...include,
    ...(by === 'account' ? { accounts: [] } : by === 'merchant' ? { merchants: [] } : { categories: [] }),
  };
  query.form = 'figure';
  delete query.groupBy;
  delete query.ranking;
}

/** "did I spend more in January or February": two periods named with a word that weighs them. */
const PERIODS_WEIGHED =
  /\b(?:more|less|higher|lower|bigger|smaller|cheaper|pricier|dearer|costlier|which|vs|versus|compared?|comparing|against|than|differ\w*)\b/;

function comparePeriodsAsked(query: Query, { r, periods }: Refining): void {
  if (query.comparison || query.series || query.ranking || query.groupBy || periods.length < 2) return;
  if (query.form !== 'figure' || query.measure.kind === 'balance') return;
  if (PERIODS_WEIGHED.test(withoutExclusionWords(withoutAmountLimits(r.lower))))
    query.comparison = { kind: 'periods' };
}

/** "other than" leaves something out; its "than" weighs nothing. */
function withoutExclusionWords(lower: string): string {
  return lower.replace(/\bother than\b/g, ' ');
}

function tidy(query: Query, k: Refining): void {
  const { r, intent } = k;
  // A comparison the intent guessed, for a figure that is not compared over time ("income vs spending").
  const guessed = query.comparison?.kind === 'periods' && k.periods.length < 2;
  if (
    guessed &&
    (!['spent', 'received'].includes(query.measure.kind) ||
      !COMPARING.test(withoutExclusionWords(withoutAmountLimits(r.lower))))
  ) {
    delete query.comparison;
    query.periods = [...k.periods];
  }
  if (intent === 'top' && /\b(?:bottom|least|lowest|smallest|fewest)\b/.test(r.lower) && query.ranking)
    query.ranking.order = 'bottom';
  // "charges of $500 or more on my cards": a limit on each charge, not a ranking the classifier guessed.
  if (intent === 'top' && query.filters.amount && !RANKING_WORDS.test(r.lower) && query.ranking) {
    delete query.ranking;
    delete query.groupBy;
    query.form = 'figure';
  }
  const flow = query.measure.kind === 'spent' || query.measure.kind === 'received';
  // "line by line breakdown of my Uber spending": the transactions themselves, not groups of them.
  if (
    query.form === 'breakdown' &&
    !query.ranking &&
    !query.comparison &&
    flow &&
    asksForListOutright(r) &&
    !readGroupWords(r) &&
    !GROUPED_BY.test(r.lower)
  ) {
    query.form = 'figure';
    delete query.groupBy;
  }
  if (query.form === 'figure' && !query.groupBy && flow && asksForList(r)) query.form = 'list';
  // "total of charges under $20": one figure, though the classifier heard a list.
  else if (query.form === 'list' && !query.ranking && flow && asksForFigure(r)) query.form = 'figure';
  // "coffee over a fiver": things over a limit with nothing asking for a total are the things themselves.
  if (query.form === 'figure' && !query.groupBy && !query.comparison && flow && limitedThings(query, r))
    query.form = 'list';
  if (query.filters.amount && TOTAL_THRESHOLD.test(r.lower) && !LIST_NOUN.test(r.lower))
    delete query.filters.amount;
}

const GROUPED_BY = /\b(?:by|per|each) (?:categor|merchant|store|shop|account|card|month|week|day)/;
/** "how many rides was that", "how many trips were those": a count of what the last answer covered. */
export const THAT_MANY =
  /\bhow many \w+(?: \w+)? (?:was|were|is|are) (?:that|those|they|it)\b|\bhow many \w+ (?:that|those) (?:was|were)\b/;
const RANKING_WORDS =
  /\b(?:top|bottom|most|least|biggest|largest|highest|lowest|smallest|rank\w*|which (?:merchant|shop|store|categor|account|card))/;
const TOTAL_WORDS =
  /\b(?:how much|total|sum|spen[dt]|spending|spends|cost|costs|paid|pay|earn\w*|made|make|income|received|blow|blew|damage|worth)\b/;

/** An amount limit on a named subject with no word asking for a total ("coffee over a fiver this year"). */
function limitedThings(query: Query, r: Reading): boolean {
  if (!query.filters.amount || TOTAL_WORDS.test(r.lower)) return false;
  return r.mentions.categories.length + r.mentions.merchants.length + r.mentions.accounts.length > 0;
}

/** "bottom 3", "the 5 smallest": how many a ranking from the bottom keeps. */
function bottomN(lower: string): number | undefined {
  const m =
    /\b(?:bottom|lowest|smallest|least|cheapest) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b|\b(\d{1,2}|two|three|four|five|ten) (?:smallest|cheapest|lowest|least)\b/.exec(
      lower,
    );
  const word = m?.[1] ?? m?.[2];
  if (!word) return undefined;
  return /^\d+$/.test(word) ? Number(word) : SMALL_NUMBERS[word];
}
