/**
 * The shape of the answer, from the words: a series ("each month since September"), a grouping ranked
 * ("which month… least", "where do I spend the most"), or a list of transactions ("any trips over $100").
 */
import { addDays, daysBetween } from '../../day.ts';
import type { GroupKey, Period, Ranking, Series } from '../../insights/query.ts';
import { dayPeakOrder } from './day-peak.ts';
import { lastTwelveMonths } from './periods.ts';
import type { Reading } from './reading.ts';

type Grain = Series['grain'];

const UNIT_OF: Readonly<Record<string, Grain>> = {
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  year: 'year',
  yearly: 'year',
  annually: 'year',
};

const SERIES_CUE =
  /\b(?:each|every|per|by) (day|week|month|quarter|year)\b(?<!\b(?:its|it s|it is|is|was|like|almost|nearly|practically|basically|literally|pretty much) (?:each|every|per|by) (?:day|week|month|quarter|year))(?! of (?:the )?(?:week|month|year))|\b(day|week|month|quarter|year) (?:by|over|on|to|after) (?:day|week|month|quarter|year)\b|\b(daily|weekly|monthly|quarterly|yearly|annually)\b/;
/** Words that ask for the figures one by one, not one figure: "show me", "chart", "history". */
const SHOW_SERIES =
  /\b(?:show|chart|graph|plot|history|list|breakdown|break down|split|trend|trends|each one|one by one)\b/;
const PAST = /\b(?:did|was|were|spent|went|since|paid|earned|got|have i|had)\b/;

/**
 * The series asked for, if any: a grain from "each month"/"weekly" over the period named (or a sensible window).
 * A rate in the present tense with no period ("how much do I spend a month") is an average, not a series.
 */
export function readSeries(r: Reading, periods: readonly Period[], averaged: boolean): Series | undefined {
  const m = SERIES_CUE.exec(r.open);
  if (!m) return undefined;
  const grain = UNIT_OF[m[1] ?? m[2] ?? m[3] ?? ''];
  if (!grain || averaged) return undefined;
  const within = periods.length === 1 ? periods[0] : periods.length > 1 ? spanOf(periods) : undefined;
  if (within) return stepsIn(within, grain) >= 2 ? { grain, within } : undefined;
  // "year by year", "month on month": the steps asked for outright, whatever the tense.
  // "by month?" on its own reshapes the last answer.
  if (!m[2] && !PAST.test(r.lower) && !SHOW_SERIES.test(r.lower) && r.words.length > 3) return undefined;
  return { grain, within: defaultWindow(grain, r.today) };
}

function spanOf(periods: readonly Period[]): Period {
  const start = periods.map((p) => p.start).sort()[0] ?? '';
  const end =
    periods
      .map((p) => p.end)
      .sort()
      .at(-1) ?? '';
  return { start, end, label: periods.map((p) => p.label).join(' to '), grain: 'custom' };
}

function stepsIn(p: Period, grain: Grain): number {
  const days = daysBetween(p.start, p.end);
  return days / { day: 1, week: 7, month: 28, quarter: 89, year: 365 }[grain];
}

/** A window for a series with no period: a month of days, a quarter of weeks, a year of months, or more. */
export function defaultWindow(grain: Grain, today: string): Period {
  const end = addDays(today, 1);
  if (grain === 'day') return { start: addDays(end, -30), end, label: 'the last 30 days', grain: 'custom' };
  if (grain === 'week')
    return { start: addDays(end, -7 * 12), end, label: 'the last 12 weeks', grain: 'custom' };
  return lastTwelveMonths(today);
}

/** Whether "monthly"/"each month" in the words is a rate: present tense, no period spanning several steps. */
export function seriesWordsAsked(r: Reading): boolean {
  return SERIES_CUE.test(r.open);
}

const MOST =
  /\b(?:most|more|highest|biggest|largest|max|maximum|top|heaviest|worst|priciest|expensive|majority)\b/;
const LEAST = /\b(?:bottom|least|less|lowest|smallest|fewest|min|minimum|cheapest|lightest|best|quietest)\b/;
const WHICH =
  /\b(?:which|what|whats|what was|what is|name the|tell me the|find the|my|top|bottom|the (?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)|cheapest|priciest|costliest|heaviest|lightest|lowest|highest|busiest|quietest|worst|best|expensive)\s+(?:\w+\s+){0,2}?(months?|day of the week|days? of the week|weekdays?|days?|weeks?|years?|quarters?|cards?|accounts?|categor(?:y|ies)|merchants?|stores?|shops?|places?|restaurants?|compan(?:y|ies)|vendors?|retailers?|brands?)\b/;
/** "the month I spent the most", "the week we spent least": the unit named first, the superlative after. */
const UNIT_FIRST =
  /\b(?:the|which|what) (months?|weeks?|years?|quarters?) (?:when |that |in which )?(?:i|we|did i|did we|have i|have we)\b/;
export const TOP_UP = /\btop(?:ped|ping)? ?ups?\b/g;

const ONE_STEP = /\b(?:in|during|over) (?:a|one) (?:single |given |particular )?(week|month|quarter|year)\b/;
const STEP_MOST = /\b(?:most|max(?:imum)?|biggest|largest|highest|heaviest)\b/;
const STEP_LEAST = /\b(?:least|min(?:imum)?|smallest|lowest|fewest)\b/;

/**
 * "the least I spent in a week", "the most we spent in one month": one step of a series, ranked, not an
 * average per week nor a period of its own.
 */
export function stepPeakOf(r: Reading): { grain: Grain; order: Ranking['order'] } | undefined {
  const unit = ONE_STEP.exec(r.lower)?.[1];
  if (!unit) return undefined;
  const grain = UNIT_OF[unit];
  if (!grain) return undefined;
  if (STEP_LEAST.test(r.lower)) return { grain, order: 'bottom' };
  return STEP_MOST.test(r.lower) ? { grain, order: 'top' } : undefined;
}

const WHERE_MOST =
  /\bwhere (?:do|did|does|have) (?:i|we|my money|most)\b|\bwho (?:do|did) (?:i|we) (?:pay|spend)\b|\bwho gets\b|\bwho got\b/;

const WHAT_MOST =
  /\bwhat (?:did|do|have|does) (?:i|we) (?:spen[dt]|pay|paid|buy|bought) (?:the )?(?:most|least|more|less) (?:money )?on\b|\bwhat (?:takes|took|eats|ate) (?:up )?(?:the )?most\b/;

export interface Grouped {
  groupBy?: GroupKey;
  series?: Grain;
  ranking: Ranking;
}

/**
 * A superlative over groups: "which month did I spend least on eating out" → by month, bottom 1; "where do I
 * spend the most" → by merchant, top 1; "which card do I use most" → by account.
 */
export function readRankedGroup(r: Reading, n: number | undefined): Grouped | undefined {
  // "phone top-ups", "topped up my Oyster": money put on a phone or card, not a ranking; "Best Buy last
  // year" names a shop, not the best year.
  const lower = withoutNames(r).replace(TOP_UP, ' ');
  const dayPeak = dayPeakOrder(r);
  if (dayPeak) return { series: 'day', ranking: { order: dayPeak, n: n ?? 1 } };
  const step = stepPeakOf(r);
  if (step) return { series: step.grain, ranking: { order: step.order, n: n ?? 1 } };
  // "less than $20" is an amount and "more than last month" a comparison, not a superlative.
  const cleaned = lower.replace(
    /\b(?:more|less|fewer) than\b|\bor (?:more|less|fewer|above|over|under)\b/g,
    ' ',
  );
  const least = LEAST.test(cleaned);
  if (!least && !MOST.test(cleaned)) return undefined;
  const order: Ranking['order'] = least ? 'bottom' : 'top';
  const unit = WHICH.exec(lower)?.[1] ?? UNIT_FIRST.exec(lower)?.[1] ?? '';
  // "top merchants" keeps several, "which month" one.
  const ranking: Ranking = {
    order,
    n: n ?? (/(?:s|ies)$/.test(unit) && !/^(?:days? of the week|weekdays)$/.test(unit) ? 5 : 1),
  };
  if (/^(?:day of the week|days? of the week|weekdays?)$/.test(unit)) return { groupBy: 'weekday', ranking };
  if (/^months?$/.test(unit)) return { groupBy: 'month', ranking };
  if (/^days?$/.test(unit)) return { series: 'day', ranking };
  if (/^weeks?$/.test(unit)) return { series: 'week', ranking };
  if (/^quarters?$/.test(unit)) return { series: 'quarter', ranking };
  if (/^years?$/.test(unit)) return { series: 'year', ranking };
  if (/^(?:cards?|accounts?)$/.test(unit)) return { groupBy: 'account', ranking };
  if (/^categor/.test(unit)) return { groupBy: 'category', ranking };
  if (unit) return { groupBy: 'merchant', ranking };
  if (WHERE_MOST.test(lower)) return { groupBy: 'merchant', ranking };
  if (WHAT_MOST.test(lower)) return { groupBy: 'category', ranking };
  return undefined;
}

/** The words with those of the user's merchants and accounts as "_": a name's words rank nothing. */
function withoutNames(r: Reading): string {
  const names = [...r.mentions.merchants, ...r.mentions.accounts];
  if (names.length === 0) return r.lower;
  const words = [...r.words];
  for (const n of names) for (let j = n.from; j < n.to; j++) words[j] = '_';
  return words.join(' ');
}

/** "by day of the week", "which days of the week", "per weekday": one figure for each weekday. */
const WEEKDAY_GROUPS =
  /\b(?:by|per|each|across|on|which|what) (?:the )?(?:days? of the week|weekdays?|day of week)\b/;
const WHICH_GROUPS =
  /\b(?:which|what) (?:\w+ )?(stores|shops|merchants|places|restaurants|companies|vendors|retailers|categories|accounts|cards)\b(?! (?:over|under|above|below|more|less))/;

/** "which stores did I spend at", "what categories did my money go on": a breakdown, not one figure. */
export function readGroupWords(r: Reading): GroupKey | undefined {
  if (WEEKDAY_GROUPS.test(r.lower)) return 'weekday';
  const unit = WHICH_GROUPS.exec(r.lower)?.[1];
  if (!unit) return undefined;
  if (unit === 'categories') return 'category';
  if (unit === 'accounts' || unit === 'cards') return 'account';
  return 'merchant';
}

const LIST_NOUN = String.raw`(?:transactions?|txns?|purchases?|charges?|payments?|trips?|visits?|orders?|items?|receipts?|expenses?|deposits?|refunds?|bills?|rides?|debits?|withdrawals?|bookings?|stays?|meals?|tickets?|invoices?|entries)`;
/** Words that ask for the transactions one by one even beside a figure's words ("line by line what did I spend"). */
const LIST_OUTRIGHT =
  /\b(?:line by line|item by item|one by one|one at a time|itemi[sz](?:e|ed|ing)|individual (?:purchases|charges|transactions|payments|items|orders)|a list of|list of (?:my|the|all)|(?:breakdown|rundown) of (?:all |my )?(?:every|each)|what (?:did|have) (?:i|we) (?:spend|spent) (?:my )?(?:money|cash) on|(?:gimme|give me|get me|send me|want|need) (?:a |the )?list)\b/;
const LIST_CUE = new RegExp(
  String.raw`\bitemi[sz](?:e|ed)\b|\b(?:show|list|see|display|pull up|give me|find|view|what are|what were|which were|which are)\b.*\b${LIST_NOUN}\b|\b(?:any|all (?:the|my|of my)|which|what)\s+(?:\w+\s+){0,3}?${LIST_NOUN}\b|\b(?:${LIST_NOUN}|anything|everything|something|stuff|things) (?:over|under|above|below|between|more than|less than|bigger than|larger than|greater than|of more than|of over|of at least|costing|north of|south of|upwards of|in excess of|exceeding)\b|\b(?:every|each)\s+(?:single\s+)?(?:\w+\s+){0,2}?${LIST_NOUN}\b|\bone by one\b|\b(?:see|show|list|view)(?: me)? all (?:of )?(?:my|the)\b|\bwhat (?:did|have) (?:i|we) (?:buy|bought|purchase|purchased|order|ordered)\b|\bwhat (?:went|came|goes) (?:out of|off|through) (?:my|the)\b|\bwhat (?:went|goes) on (?:my|the) (?:\w+ ){0,3}?(?:card|cards|account|accounts|statement)\b|\bwhat(?:s| is| was) on (?:my|the)\b|\b(?:was|were) there (?:a|an|any)\b|\bwhat(?:s| has| have)? been (?:charged|taken|debited|billed)\b|\b(?:recent|latest|last few|last couple of)\s+(?:\w+\s+){0,2}?${LIST_NOUN}\b|^(?:my |the |all )?(?:receipts|transactions|txns|charges|purchases|payments)\b(?! (?:over|under|above|below)\b)`,
);
// "what is my petrol expense for May": one expense or bill named in the singular is its amount, not a list.
const FIGURE_CUE =
  /\bhow much\b|\bwhat did (?:i|we) spend\b|\btotal\b|\bsum\b|\badd up\b|\bcome to\b|\bcame to\b|\bwhat(?:'s| is| was| will be)\s+(?:my|our|the)\s+(?:\w+\s+){0,3}?(?:expense|expenditure|bill|cost|outlay|spend)\b(?!s)/;

/** Whether the words ask for one figure and nothing asks to see the transactions ("total of charges under $20"). */
export function asksForFigure(r: Reading): boolean {
  return FIGURE_CUE.test(r.lower) && !SHOW_LIST.test(r.lower) && !LIST_OUTRIGHT.test(r.lower);
}

/** Whether the words ask outright for the transactions one by one ("line by line", "itemised", "item by item"). */
export function asksForListOutright(r: Reading): boolean {
  return LIST_OUTRIGHT.test(r.lower);
}
const SHOW_LIST =
  /\b(?:show|list|see|display|pull up|itemi[sz]e|itemi[sz]ed|view|which|what were|what are)\b/;

/** Whether the words ask for the transactions themselves ("any Whole Foods trips over $100?"). */
export function asksForList(r: Reading): boolean {
  // "deposits over the last 3 months": "over" before a period is a span of time, not an amount.
  const overTime = r.outsidePeriods.replace(/\b(?:over|under|above|below) (?:_ ?)+/g, '_ ');
  return (LIST_CUE.test(overTime) && !FIGURE_CUE.test(r.lower)) || LIST_OUTRIGHT.test(r.lower);
}
