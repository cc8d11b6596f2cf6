/**
 * Rules for parts of a period: "the end of March", "mid-November", "early last month", "late 2025",
 * "earlier this year", "later this week", "the first 10 days of last year", "the last day of the month".
 *
 * Where the parts fall (the conventions of the Recognizers-Text specs):
 * - a month: beginning/early 1st–15th, middle 10th–20th, end/late 16th–last day;
 * - a week: beginning/early its first three days, end/late the other four;
 * - a year named by number: beginning January–April, middle May–August, end September–December;
 *   "this year", "last year": the beginning and the end are halves, as are early and late in any year.
 * "Earlier" and "later" in the current period stop or start at today.
 */
import type { Period } from '../types.ts';
import { addDays, addMonths, midpoint } from './dates.ts';
import { BASE, resolveBase } from './bases.ts';
import { customPeriod, dayPeriod } from './build.ts';
import { COUNT, countValue, nthWord, rule, type Resolved, type Rule, type RuleContext } from './grammar.ts';
import { longDay, shortDay } from './labels.ts';

type Part = 'start' | 'middle' | 'end' | 'early' | 'late' | 'earlier' | 'later';

function partOf(word: string): Part {
  if (/^(?:beginning|start)/.test(word)) return 'start';
  if (/^(?:mid|middle)/.test(word)) return 'middle';
  if (/^end/.test(word)) return 'end';
  if (/^earlier/.test(word)) return 'earlier';
  if (/^later/.test(word)) return 'later';
  return /^early/.test(word) ? 'early' : 'late';
}

/** Which grain a base is, judged by its length. */
function grainOf(p: Period): 'week' | 'month' | 'year' | 'other' {
  if (p.grain === 'week' || p.grain === 'month' || p.grain === 'year') return p.grain;
  return 'other';
}

/** `[from, to)` of the part, as days from the start of a month or week, or months from the start of a year. */
function bounds(part: Part, p: Period, relative: boolean): [string, string] {
  const grain = grainOf(p);
  if (grain === 'year' && relative && (part === 'start' || part === 'end'))
    return bounds(part === 'start' ? 'early' : 'late', p, false);
  if (grain === 'year') {
    const months: Record<Part, [number, number]> = {
      start: [0, 4],
      middle: [4, 8],
      end: [8, 12],
      early: [0, 6],
      late: [6, 12],
      earlier: [0, 6],
      later: [6, 12],
    };
    const [a, b] = months[part];
    return [addMonths(p.start, a), addMonths(p.start, b)];
  }
  if (grain === 'month') {
    const days: Record<Part, [number, number | undefined]> = {
      start: [0, 15],
      middle: [9, 20],
      end: [15, undefined],
      early: [0, 15],
      late: [15, undefined],
      earlier: [0, 15],
      later: [15, undefined],
    };
    const [a, b] = days[part];
    return [addDays(p.start, a), b === undefined ? p.end : addDays(p.start, b)];
  }
  const mid = midpoint(p.start, p.end);
  if (part === 'middle') return [addDays(p.start, 2), addDays(p.start, 5)];
  return part === 'start' || part === 'early' || part === 'earlier' ? [p.start, mid] : [mid, p.end];
}

/** The part of `p`, and where a range from or to it starts or ends ("from the end of 2007" starts 1 Jan 2008). */
function resolvePart(part: Part, p: Period, ctx: RuleContext, said: string, relative: boolean): Resolved {
  let [from, to] = bounds(part, p, relative);
  const current = p.start <= ctx.today && ctx.today < p.end;
  if (current && part === 'earlier')
    to = to < ctx.today ? to : ctx.today > from ? ctx.today : addDays(from, 1);
  if (current && part === 'later' && ctx.today > from) from = ctx.today;
  const period = customPeriod(from, to, said);
  const point =
    part === 'start'
      ? p.start
      : part === 'end'
        ? p.end
        : part === 'middle'
          ? midpoint(p.start, p.end)
          : undefined;
  return point ? { period, asStart: point, asEnd: point } : { period };
}

const PART_NAMES: Record<Part, string> = {
  start: 'the start of ',
  middle: 'mid ',
  end: 'the end of ',
  early: 'early ',
  late: 'late ',
  earlier: 'earlier in ',
  later: 'later in ',
};

const PART_WORDS = '(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+(?:the\\s+)?';
/** "Paid late this month", "was the rent late this month" are about lateness, not the end of the month. */
const NOT_AFTER_VERB =
  '(?<!\\b(?:paid|pay|pays|paying|was|were|is|are|be|been|arrived|came|come|charged|billed|posted|too|so|very|it|rent|bills?|payments?|paycheck|salary)\\s+)';
const PART_ADVERBS = `${NOT_AFTER_VERB}(early|mid|late|earlier|later)\\s*-?\\s*(?:(?:in|on|during)\\s+)?(?:the\\s+)?`;
const THIS_UNIT = '(week|month|quarter|year)';

export const PART_RULES: Rule[] = [
  {
    name: 'part-of',
    hint: /\b(?:beginning|start|mid|middle|end|earl|late)/,
    re: rule(`(?:(?:at|in|during|by|on)\\s+)?(?:${PART_WORDS}|${PART_ADVERBS})(${BASE}|${THIS_UNIT})`),
    resolve(m, ctx) {
      const word = m[1] ?? m[2] ?? '';
      const baseText = m[3] ?? '';
      const base = resolveBase(
        /^(?:week|month|quarter|year)$/.test(baseText) ? `this ${baseText}` : baseText,
        ctx,
      );
      if (!base) return undefined;
      const part = partOf(word);
      const relative = !/\d/.test(baseText);
      return resolvePart(
        part,
        base,
        ctx,
        `${PART_NAMES[part]}${base.label.replace(/ \(.*\)$/, '')}`,
        relative,
      );
    },
  },
  {
    name: 'first-or-last-days-of',
    hint: /(?:days?|weeks?|months?)\s+(?:of|in)\b/,
    re: rule(
      `(?:the\\s+)?(1st|first|last|final)\\s+(${COUNT})\\s+(days?|weeks?|months?)\\s+(?:of|in)\\s+(?:the\\s+)?(${BASE}|${THIS_UNIT})`,
    ),
    resolve(m, ctx) {
      const baseText = m[4] ?? '';
      const base = resolveBase(
        /^(?:week|month|quarter|year)$/.test(baseText) ? `this ${baseText}` : baseText,
        ctx,
      );
      const n = countValue(m[2] ?? '');
      if (!base || n === undefined || n < 1) return undefined;
      const unit = (m[3] ?? '').replace(/s$/, '');
      const first = /1st|first/.test(m[1] ?? '');
      const by = (date: string, k: number) =>
        unit === 'month' ? addMonths(date, k) : addDays(date, unit === 'week' ? 7 * k : k);
      const [from, to] = first ? [base.start, by(base.start, n)] : [by(base.end, -n), base.end];
      return customPeriod(
        from < base.start ? base.start : from,
        to > base.end ? base.end : to,
        `the ${nthWord(m[1] ?? '')} ${n} ${m[3]} of ${base.label}`,
      );
    },
  },
  {
    // "as of the end of last month", "as at the close of 2025": a point in time, so its last day (balances
    // are read at the end of the period).
    name: 'as-of-end',
    hint: /as\s+(?:of|at)/,
    re: rule(`as\\s+(?:of|at)\\s+(?:the\\s+)?(?:end|close)\\s+of\\s+(?:the\\s+)?(${BASE}|${THIS_UNIT})`),
    resolve(m, ctx) {
      const baseText = m[1] ?? '';
      const base = resolveBase(
        /^(?:week|month|quarter|year)$/.test(baseText) ? `this ${baseText}` : baseText,
        ctx,
      );
      if (!base) return undefined;
      const last = addDays(base.end, -1);
      return dayPeriod(last, `the end of ${base.label.replace(/ \(.*\)$/, '')} (${shortDay(last)})`);
    },
  },
  {
    name: 'first-or-last-day-of',
    hint: /day\s+(?:of|in)\b/,
    re: rule(`(?:the\\s+)?(1st|first|last|final)\\s+day\\s+(?:of|in)\\s+(?:the\\s+)?(${BASE}|${THIS_UNIT})`),
    resolve(m, ctx) {
      const baseText = m[2] ?? '';
      const base = resolveBase(
        /^(?:week|month|quarter|year)$/.test(baseText) ? `this ${baseText}` : baseText,
        ctx,
      );
      if (!base) return undefined;
      const date = /1st|first/.test(m[1] ?? '') ? base.start : addDays(base.end, -1);
      return dayPeriod(date, longDay(date));
    },
  },
];
