/**
 * Rules for weeks and the days in them: "last friday", "tuesday of last week", "the week of the 18th",
 * "the first week of March", "week 27 of last year", "this working week", "the rest of the month",
 * "the last weekend of January", "this fortnight".
 */
import type { Period } from '../types.ts';
import { addDays, isoWeekStart, onOrAfter, onOrBefore, weekday, weekStart } from './dates.ts';
import { nthOf, partOfBase, readNthOf, unitFromToday, yearWordsValue } from './bases.ts';
import { customPeriod, dayPeriod, weekPeriod } from './build.ts';
import {
  DAY_EXPR,
  NTH,
  nthValue,
  nthWord,
  rule,
  weekdayValue,
  WEEKDAY_ANY,
  YEAR,
  type Rule,
  type RuleContext,
} from './grammar.ts';
import { shortDay, weekdayName } from './labels.ts';
import { parseDayParts, recentDayOfMonth, resolveDay } from './rules-days.ts';

/** The given weekday (0 = Sunday) in the week starting `start`. */
function dayInWeek(start: string, target: number, ctx: RuleContext): string {
  return addDays(start, (target - ctx.weekStartsOn + 7) % 7);
}

/** 0 for this week, -1 for last week, 1 for next week. */
const weekOffset = (word: string | undefined): number =>
  word === 'next' ? 1 : word && /last|previous|past/.test(word) ? -1 : 0;

function namedDay(date: string, name: string, ctx: RuleContext): Period {
  return dayPeriod(date, `${name} (${date === ctx.today ? 'today, ' : ''}${shortDay(date)})`);
}

/**
 * The weeks of a month or year are those with most of their days in it (as ISO 8601 counts weeks):
 * the first holds its fourth day, the last its fourth-to-last.
 */
function nthWeekOf(base: Period, n: number, ctx: RuleContext): string | undefined {
  const start =
    n < 0
      ? addDays(weekStart(addDays(base.end, -4), ctx.weekStartsOn), 7 * (n + 1))
      : addDays(weekStart(addDays(base.start, 3), ctx.weekStartsOn), 7 * (n - 1));
  return addDays(start, 3) < base.end && addDays(start, 3) >= base.start ? start : undefined;
}

/** "The first full week of March": the weeks wholly inside the base. */
function nthFullWeekOf(base: Period, n: number, ctx: RuleContext): string | undefined {
  const first = weekStart(addDays(base.start, 6), ctx.weekStartsOn);
  const start = n < 0 ? addDays(weekStart(base.end, ctx.weekStartsOn), 7 * n) : addDays(first, 7 * (n - 1));
  return start >= base.start && addDays(start, 7) <= base.end ? start : undefined;
}

const WEEK_WORD = '(this|last|previous|past|current|next)\\s+week';
const WEEKDAY_HINT = new RegExp(`\\b${WEEKDAY_ANY}`);

export const WEEK_RULES: Rule[] = [
  {
    name: 'weekday',
    hint: WEEKDAY_HINT,
    re: rule(
      `(?:on\\s+)?(?:the\\s+)?(?:(this\\s+past|last|past|previous|this)\\s+)?(${WEEKDAY_ANY})(?:\\s+(?:of\\s+)?(?:the\\s+)?${WEEK_WORD})?`,
    ),
    resolve(m, ctx) {
      const which = m[1];
      const word = m[2] ?? '';
      // Short forms like "sun" or "sat" are weekdays only when the sentence marks them as days.
      if (!which && !/^on\s/.test(m[0]) && !m[3] && !/day$/.test(word)) return undefined;
      const target = weekdayValue(word);
      if (target === undefined) return undefined;
      let date: string;
      if (m[3] || which === 'this' || which === 'last' || which === 'previous') {
        // "last friday" is the friday of last week, as in the Recognizers-Text specs.
        const offset = m[3] ? weekOffset(m[3]) : which === 'this' ? 0 : -1;
        date = dayInWeek(weekStart(addDays(ctx.today, 7 * offset), ctx.weekStartsOn), target, ctx);
      } else if (which) {
        // "this past wednesday": the latest one before today.
        date = onOrBefore(addDays(ctx.today, -1), target);
      } else {
        date = onOrBefore(ctx.today, target);
      }
      return namedDay(date, which ? `${which} ${weekdayName(target)}` : weekdayName(target), ctx);
    },
  },
  {
    name: 'week-then-weekday',
    hint: /week\s*[-,]?\s*(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)/,
    re: rule(`(?:on\\s+)?${WEEK_WORD}\\s*(?:-|,)?\\s*(?:on\\s+)?(${WEEKDAY_ANY})`),
    resolve(m, ctx) {
      const target = weekdayValue(m[2] ?? '');
      if (target === undefined) return undefined;
      const start = weekStart(addDays(ctx.today, 7 * weekOffset(m[1])), ctx.weekStartsOn);
      return namedDay(dayInWeek(start, target, ctx), weekdayName(target), ctx);
    },
  },
  {
    name: 'weekdays-of-week',
    hint: /week\s+(?:from|between)/,
    re: rule(
      `${WEEK_WORD}\\s+(?:from|between)\\s+(${WEEKDAY_ANY})\\s*(?:-|to|through|until|and)\\s*(${WEEKDAY_ANY})`,
    ),
    resolve(m, ctx) {
      const a = weekdayValue(m[2] ?? '');
      const b = weekdayValue(m[3] ?? '');
      if (a === undefined || b === undefined) return undefined;
      const start = weekStart(addDays(ctx.today, 7 * weekOffset(m[1])), ctx.weekStartsOn);
      const first = dayInWeek(start, a, ctx);
      const last = dayInWeek(start, b, ctx);
      return last < first ? undefined : customPeriod(first, addDays(last, 1));
    },
  },
  {
    name: 'week-of',
    hint: /week\s+(?:of|beginning|starting|commencing)|w\/c/,
    re: rule(
      `(?:(?:in|for|during)\\s+)?(?:the\\s+)?(?:week\\s+(of|beginning|starting|commencing)(?:\\s+on)?|w/c)\\s+(?:(${DAY_EXPR})|(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th))`,
    ),
    resolve(m, ctx) {
      const parts = m[2] ? parseDayParts(m[2], ctx) : undefined;
      const date = parts ? resolveDay(parts, ctx) : m[3] ? recentDayOfMonth(Number(m[3]), ctx) : undefined;
      if (!date) return undefined;
      if (m[1] === 'of') return weekPeriod(date, ctx, `the week of ${shortDay(date)}`);
      return customPeriod(date, addDays(date, 7), `the week from ${shortDay(date)}`);
    },
  },
  {
    name: 'nth-week-of',
    hint: /week\s+(?:of|in)\b|'s\s+[\w\s-]+week\b/,
    re: rule(
      `(?:${nthOf(NTH, '(?:(?:full|whole|complete)\\s+)?week')})(?:\\s*\\.?\\s*,?\\s*on\\s+(${WEEKDAY_ANY}))?`,
    ),
    resolve(m, ctx) {
      const { which, baseText } = readNthOf(m);
      const target = m[5] ? weekdayValue(m[5]) : undefined;
      const full = /\b(?:full|whole|complete)\s+week/.test(m[0]);
      return partOfBase(baseText, ctx, (base) => {
        const start = (full ? nthFullWeekOf : nthWeekOf)(base, nthValue(which), ctx);
        if (!start) return undefined;
        if (target !== undefined) return namedDay(dayInWeek(start, target, ctx), weekdayName(target), ctx);
        return weekPeriod(start, ctx, `the ${nthWord(which)} ${full ? 'full ' : ''}week of ${base.label}`);
      });
    },
  },
  {
    name: 'iso-week',
    hint: /week\s*(?:#|no|number)?\s*\d/,
    re: rule(
      `(?:the\\s+)?week\\s*(?:#|no\\.?\\s*|number\\s+)?(\\d{1,2})(?:\\s+(?:of|in)\\s+(${YEAR}|(?:the\\s+)?(?:this|last|previous|current)\\s+year))?`,
    ),
    resolve(m, ctx) {
      const week = Number(m[1]);
      const year = yearWordsValue(m[2], ctx) ?? Number(ctx.today.slice(0, 4));
      if (week < 1 || week > 53) return undefined;
      const start = isoWeekStart(year, week);
      return customPeriod(start, addDays(start, 7), `week ${week} of ${year}`);
    },
  },
  {
    name: 'the-week',
    hint: /(?:the|my)\s+week/,
    re: rule(
      `(?:(?:in|for|during|on)\\s+)?(?:the|my)\\s+week(?!\\s+(?:of|before|after|that|when|where|which|i|we|starting|beginning|commencing|ending|to|\\d)\\b)`,
    ),
    resolve: (_m, ctx) => unitFromToday('week', 0, ctx),
  },
  {
    name: 'working-week',
    hint: /(?:working|work|business)\s+week/,
    re: rule(
      `(?:(?:in|for|during)\\s+)?(?:the\\s+)?(?:(this|current|last|previous)\\s+)?(?:working|work|business)\\s+week`,
    ),
    resolve(m, ctx) {
      const monday = onOrAfter(weekStart(addDays(ctx.today, 7 * weekOffset(m[1])), ctx.weekStartsOn), 1);
      return customPeriod(
        monday,
        addDays(monday, 5),
        `${m[1] === 'last' || m[1] === 'previous' ? 'last' : 'this'} working week`,
      );
    },
  },
  {
    name: 'rest-of',
    hint: /rest|remain/,
    re: rule(
      `(?:the\\s+)?(?:rest|remainder|remaining)\\s+(?:of\\s+)?(?:the\\s+|this\\s+|my\\s+|current\\s+)?(week|month|quarter|year)`,
    ),
    resolve(m, ctx) {
      const unit = unitFromToday(m[1] ?? '', 0, ctx);
      return customPeriod(ctx.today, unit.end, `the rest of ${m[1] === 'week' ? 'this week' : unit.label}`);
    },
  },
  {
    name: 'fortnight',
    hint: /fortnight/,
    re: rule(`(?:(?:in|for|during|over)\\s+)?(?:the\\s+)?(this|current|last|previous|past|the)\\s+fortnight`),
    resolve(m, ctx) {
      const start = weekStart(ctx.today, ctx.weekStartsOn);
      if (m[1] === 'past')
        return customPeriod(addDays(ctx.today, -13), addDays(ctx.today, 1), 'the past fortnight');
      if (m[1] === 'last' || m[1] === 'previous')
        return customPeriod(addDays(start, -14), start, 'last fortnight');
      return customPeriod(start, addDays(start, 14), 'this fortnight');
    },
  },
  {
    name: 'nth-weekend-of',
    hint: /weekend\s+(?:of|in)\b|'s\s+[\w\s-]+weekend/,
    re: rule(nthOf(NTH, 'weekend')),
    resolve(m, ctx) {
      const { which, baseText } = readNthOf(m);
      const n = nthValue(which);
      return partOfBase(baseText, ctx, (base) => {
        const saturday =
          n < 0
            ? addDays(onOrBefore(addDays(base.end, -1), 6), 7 * (n + 1))
            : addDays(onOrAfter(base.start, 6), 7 * (n - 1));
        if (saturday >= base.end || saturday < base.start || weekday(saturday) !== 6) return undefined;
        return customPeriod(saturday, addDays(saturday, 2), `the ${nthWord(which)} weekend of ${base.label}`);
      });
    },
  },
];
