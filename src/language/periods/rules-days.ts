/** Rules for single days and runs of days: "march 3rd", "3/5", "last friday", "oct 1-15", "between 1 and 15 October". */
import type { Period } from '../types.ts';
import { addDays, addMonths, iso, isValidDay, parseIso, weekday, weekStart } from './dates.ts';
import { customPeriod, dayPeriod, recentDay, weekPeriod } from './build.ts';
import { DAY_EXPR, MONTH, monthValue, ORD, RANGE_JOIN, rule, weekdayValue, WEEKDAY_ANY, yearValue, YEAR, type Rule, type RuleContext } from './grammar.ts';
import { shortDay, weekdayName } from './labels.ts';

/** A day as written, before a year is chosen. */
interface DayParts {
  month: number;
  day: number;
  year?: number;
}

const MONTH_DAY = new RegExp(`^(${MONTH})\\s*(\\d{1,2})${ORD}(?:\\s*,?\\s*(${YEAR}))?$`);
const DAY_MONTH = new RegExp(`^(?:the\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH})(?:\\s*,?\\s*(${YEAR}))?$`);
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DAY = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/;

/** Reads one `DAY_EXPR` match into its parts (US order for slashes: 3/5 is 5 March). */
export function parseDayParts(text: string): DayParts | undefined {
  const t = text.trim();
  let m = MONTH_DAY.exec(t);
  if (m) return withYear(monthValue(m[1] ?? ''), Number(m[2]), m[3]);
  m = DAY_MONTH.exec(t);
  if (m) return withYear(monthValue(m[2] ?? ''), Number(m[1]), m[3]);
  m = ISO_DAY.exec(t);
  if (m) return withYear(Number(m[2]), Number(m[3]), m[1]);
  m = US_DAY.exec(t);
  if (m) return withYear(Number(m[1]), Number(m[2]), m[3]);
  return undefined;
}

function withYear(month: number | undefined, day: number, year: string | undefined): DayParts | undefined {
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return year ? { month, day, year: yearValue(year) } : { month, day };
}

/** A day's ISO date: its own year, or the most recent such day not in the future. */
function resolveDay(p: DayParts, ctx: RuleContext): string | undefined {
  if (p.year !== undefined) return isValidDay(p.year, p.month, p.day) ? iso(p.year, p.month, p.day) : undefined;
  return recentDay(p.month, p.day, ctx);
}

/** Two ends of a range: a missing year or month is taken from the other end; the last day is included. */
function dayRange(a: DayParts, b: DayParts, ctx: RuleContext): Period | undefined {
  let start: string | undefined;
  let last: string | undefined;
  if (a.year === undefined && b.year !== undefined) {
    last = resolveDay(b, ctx);
    const y = a.month * 100 + a.day <= b.month * 100 + b.day ? b.year : b.year - 1;
    start = resolveDay({ ...a, year: y }, ctx);
  } else {
    start = resolveDay(a, ctx);
    if (!start) return undefined;
    const sy = parseIso(start).year;
    const y = b.year ?? (b.month * 100 + b.day >= a.month * 100 + a.day ? sy : sy + 1);
    last = resolveDay({ ...b, year: y }, ctx);
  }
  if (!start || !last || last < start) return undefined;
  return customPeriod(start, addDays(last, 1));
}

/** A day of the month without a month: this month's if it has come, else last month's. */
function recentDayOfMonth(day: number, ctx: RuleContext): string | undefined {
  const t = parseIso(ctx.today);
  for (let k = 0; k < 3; k++) {
    const first = addMonths(iso(t.year, t.month, 1), -k);
    const { year, month } = parseIso(first);
    if (isValidDay(year, month, day) && iso(year, month, day) <= ctx.today) return iso(year, month, day);
  }
  return undefined;
}

const FROM = '(from\\s+|between\\s+)?';
const DAY_NUM = `(?:the\\s+)?(\\d{1,2})${ORD}`;

export const DAY_RULES: Rule[] = [
  {
    name: 'day',
    re: rule(`(?:(?:on|of|for|from)\\s+)?(${DAY_EXPR})`),
    resolve(m, ctx) {
      const parts = parseDayParts(m[1] ?? '');
      const date = parts && resolveDay(parts, ctx);
      return date ? dayPeriod(date) : undefined;
    },
  },
  {
    name: 'day-range',
    re: rule(`${FROM}(${DAY_EXPR})\\s*${'(' + RANGE_JOIN + ')'}\\s*(${DAY_EXPR})`),
    resolve(m, ctx) {
      if (m[3] === 'and' && !m[1]) return undefined;
      const a = parseDayParts(m[2] ?? '');
      const b = parseDayParts(m[4] ?? '');
      return a && b ? dayRange(a, b, ctx) : undefined;
    },
  },
  {
    name: 'days-then-month',
    re: rule(`${FROM}${DAY_NUM}\\s*(${RANGE_JOIN})\\s*(${DAY_EXPR})`),
    resolve(m, ctx) {
      if (m[3] === 'and' && !m[1]) return undefined;
      const b = parseDayParts(m[4] ?? '');
      if (!b) return undefined;
      return dayRange({ month: b.month, day: Number(m[2]) }, b, ctx);
    },
  },
  {
    name: 'month-then-days',
    re: rule(`${FROM}(${MONTH})\\s*(\\d{1,2})${ORD}\\s*(${RANGE_JOIN})\\s*(\\d{1,2})${ORD}(?!\\s*(?:of\\s+)?${MONTH})(?:,?\\s*(${YEAR}))?`),
    resolve(m, ctx) {
      if (m[4] === 'and' && !m[1]) return undefined;
      const month = monthValue(m[2] ?? '');
      if (month === undefined) return undefined;
      const year = m[6] ? yearValue(m[6]) : undefined;
      const a: DayParts = year === undefined ? { month, day: Number(m[3]) } : { month, day: Number(m[3]), year };
      return dayRange(a, { ...a, day: Number(m[5]) }, ctx);
    },
  },
  {
    name: 'week-of',
    re: rule(`(?:(?:in|for|during)\\s+)?(?:the\\s+)?(?:week\\s+(of|beginning|starting(?:\\s+on)?|commencing)|w/c)\\s+(${DAY_EXPR})`),
    resolve(m, ctx) {
      const parts = parseDayParts(m[2] ?? '');
      const date = parts && resolveDay(parts, ctx);
      if (!date) return undefined;
      if (m[1] === 'of') return weekPeriod(date, ctx, `the week of ${shortDay(date)}`);
      return customPeriod(date, addDays(date, 7), `the week from ${shortDay(date)}`);
    },
  },
  {
    name: 'day-of-month',
    re: rule(`(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:of\\s+)?${MONTH})`),
    resolve(m, ctx) {
      const date = recentDayOfMonth(Number(m[1]), ctx);
      return date ? dayPeriod(date) : undefined;
    },
  },
  {
    name: 'days-of-month-range',
    re: rule(`${FROM}the\\s+(\\d{1,2})${ORD}\\s*(${RANGE_JOIN})\\s*(?:the\\s+)?(\\d{1,2})${ORD}(?!\\s*(?:of\\s+)?${MONTH})`),
    resolve(m, ctx) {
      if (m[3] === 'and' && !m[1]) return undefined;
      const a = Number(m[2]);
      const b = Number(m[4]);
      const last = recentDayOfMonth(b, ctx);
      if (!last || a > b) return undefined;
      const { year, month } = parseIso(last);
      return isValidDay(year, month, a) ? customPeriod(iso(year, month, a), addDays(last, 1)) : undefined;
    },
  },
  {
    name: 'weekday',
    re: rule(`(?:(last|past|previous|this)\\s+|(?:on\\s+)(?:the\\s+)?(?:(last|past|previous|this)\\s+)?)?(${WEEKDAY_ANY})(?:\\s+(last\\s+week|this\\s+week))?`),
    resolve(m, ctx) {
      const word = m[3] ?? '';
      const which = m[1] ?? m[2];
      const qualified = Boolean(which) || /^on\s/.test(m[0]) || Boolean(m[4]);
      // Short forms like "sun" or "sat" are weekdays only when the sentence marks them as days.
      if (!qualified && !/day$/.test(word)) return undefined;
      const target = weekdayValue(word);
      if (target === undefined) return undefined;
      const wd = weekday(ctx.today);
      let date: string;
      if (m[4] || which === 'this') {
        const base = m[4]?.startsWith('last') ? addDays(ctx.today, -7) : ctx.today;
        const start = weekStart(base, ctx.weekStartsOn);
        date = addDays(start, (target - ctx.weekStartsOn + 7) % 7);
      } else if (which) {
        // "last friday" is the friday of last week, as in the Recognizers-Text specs.
        const start = weekStart(addDays(ctx.today, -7), ctx.weekStartsOn);
        date = addDays(start, (target - ctx.weekStartsOn + 7) % 7);
      } else {
        date = addDays(ctx.today, -((wd - target + 7) % 7));
      }
      const name = which ? `${which} ${weekdayName(target)}` : weekdayName(target);
      return dayPeriod(date, `${name} (${date === ctx.today ? 'today, ' : ''}${shortDay(date)})`);
    },
  },
];
