/** Rules for single days and runs of days: "march 3rd", "3/5", "tue may 9", "oct 1-15", "between 1 and 15 October". */
import type { Period } from '../types.ts';
import { addDays, addMonths, iso, isValidDay, parseIso, weekday } from './dates.ts';
import { customPeriod, dayPeriod, recentDay } from './build.ts';
import {
  DAY_EXPR,
  MONTH,
  monthValue,
  ORD,
  RANGE_JOIN,
  rule,
  weekdayValue,
  WEEKDAY_ANY,
  yearValue,
  YEAR,
  type Resolved,
  type Rule,
  type RuleContext,
} from './grammar.ts';
import { weekdayName } from './labels.ts';

/** A day as written, before a year is chosen. */
export interface DayParts {
  month: number;
  day: number;
  year?: number;
}

const YEARISH = "(?:1\\d|20)\\d{2}|'\\d{2}|\\d{2}";
const TAIL = `(?:\\s*,?\\s*(?:(?:of|in)\\s+)?(${YEARISH}))?$`;
const MONTH_DAY = new RegExp(`^(${MONTH})\\s*(?:,\\s*|the\\s+)?(\\d{1,2})${ORD}${TAIL}`);
const DAY_MONTH = new RegExp(`^(?:the\\s+)?(\\d{1,2})${ORD}\\s+(?:(?:day\\s+)?of\\s+)?(${MONTH})${TAIL}`);
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_MONTH_DAY = new RegExp(`^(\\d{4})[/-](${MONTH})[/-](\\d{1,2})$`);
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})[/-](${MONTH})[/-](\\d{4}|\\d{2})$`);
const US_DAY = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/;

/** Reads one `DAY_EXPR` match into its parts (US order for slashes: 3/5 is 5 March). */
export function parseDayParts(text: string, ctx?: RuleContext): DayParts | undefined {
  const t = text.trim();
  const y = (w: string | undefined) => (w ? yearValue(w, ctx?.today) : undefined);
  let m = MONTH_DAY.exec(t);
  if (m) return withYear(monthValue(m[1] ?? ''), Number(m[2]), y(m[3]));
  m = DAY_MONTH.exec(t);
  if (m) return withYear(monthValue(m[2] ?? ''), Number(m[1]), y(m[3]));
  m = ISO_DAY.exec(t);
  if (m) return withYear(Number(m[2]), Number(m[3]), Number(m[1]));
  m = YEAR_MONTH_DAY.exec(t);
  if (m) return withYear(monthValue(m[2] ?? ''), Number(m[3]), Number(m[1]));
  m = DAY_MONTH_YEAR.exec(t);
  if (m) return withYear(monthValue(m[2] ?? ''), Number(m[1]), y(m[3]));
  m = US_DAY.exec(t);
  if (m) return withYear(Number(m[1]), Number(m[2]), y(m[3]));
  return undefined;
}

function withYear(month: number | undefined, day: number, year: number | undefined): DayParts | undefined {
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}

/** A day's ISO date: its own year, or the most recent such day not in the future. */
export function resolveDay(p: DayParts, ctx: RuleContext): string | undefined {
  if (p.year !== undefined)
    return isValidDay(p.year, p.month, p.day) ? iso(p.year, p.month, p.day) : undefined;
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
export function recentDayOfMonth(day: number, ctx: RuleContext): string | undefined {
  const t = parseIso(ctx.today);
  for (let k = 0; k < 3; k++) {
    const { year, month } = parseIso(addMonths(iso(t.year, t.month, 1), -k));
    if (isValidDay(year, month, day) && iso(year, month, day) <= ctx.today) return iso(year, month, day);
  }
  return undefined;
}

/** The most recent day numbered `day` that fell on `target` (0 = Sunday): "Sunday the 31st". */
function recentWeekdayOfMonth(day: number, target: number, ctx: RuleContext): string | undefined {
  const t = parseIso(ctx.today);
  for (let k = 0; k < 120; k++) {
    const { year, month } = parseIso(addMonths(iso(t.year, t.month, 1), -k));
    const date = iso(year, month, day);
    if (isValidDay(year, month, day) && date <= ctx.today && weekday(date) === target) return date;
  }
  return undefined;
}

/** "this march 3rd", "last 5/12", "next 5/19": the day in this, last or next year when no year was written. */
function yearShifted(p: DayParts, which: string | undefined, ctx: RuleContext): DayParts {
  if (!which || p.year !== undefined) return p;
  const year = parseIso(ctx.today).year + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
  return { ...p, year };
}

/** A written day, remembering whether its year was left for the reader to choose. */
function writtenDay(text: string, which: string | undefined, ctx: RuleContext): Resolved | undefined {
  const parts = parseDayParts(text, ctx);
  if (!parts) return undefined;
  const date = resolveDay(yearShifted(parts, which, ctx), ctx);
  return date ? { period: dayPeriod(date), yearless: parts.year === undefined && !which } : undefined;
}

const FROM = '(from\\s+|between\\s+)?';
const DAY_NUM = `(?:the\\s+)?(\\d{1,2})${ORD}`;
/** "and" joins a range only after "between". */
const joins = (word: string | undefined, opener: string | undefined) =>
  word !== 'and' || Boolean(opener?.startsWith('between'));

export const DAY_RULES: Rule[] = [
  {
    name: 'day',
    hint: /\d/,
    re: rule(`(?:(?:on|of|for|from)\\s+)?(?:(this|last|next)\\s+)?(${DAY_EXPR})`),
    resolve: (m, ctx) => writtenDay(m[2] ?? '', m[1], ctx),
  },
  {
    // "On 2016 10 16": year, month and day with spaces or dots between.
    name: 'spaced-iso-day',
    hint: /\d{4}[\s.]\d/,
    re: rule(`((?:19|20)\\d{2})[\\s.](\\d{1,2})[\\s.](\\d{1,2})(?![\\d.:])`),
    resolve(m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidDay(y, mo, d) ? dayPeriod(iso(y, mo, d)) : undefined;
    },
  },
  {
    // An ISO date is unambiguous even inside a file name ("sales_report-2002-10-09.xlsx").
    name: 'iso-day-anywhere',
    hint: /\d{4}-\d\d-\d\d/,
    re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g,
    resolve(m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidDay(y, mo, d) ? dayPeriod(iso(y, mo, d)) : undefined;
    },
  },
  {
    name: 'weekday-then-day',
    hint: /\d/,
    re: rule(
      `(?:(?:this|last|next|past|previous|on|the)\\s+)*${WEEKDAY_ANY}\\s*,?\\s*(?:the\\s+)?(${DAY_EXPR})`,
    ),
    resolve: (m, ctx) => writtenDay(m[1] ?? '', undefined, ctx),
  },
  {
    name: 'weekday-then-day-of-month',
    hint: /\d/,
    re: rule(
      `(?:on\\s+)?(${WEEKDAY_ANY})\\s*,?\\s*(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|(?=\\s*(?:[!?,;]|\\.(?!\\d)|$)))`,
    ),
    resolve(m, ctx) {
      const target = weekdayValue(m[1] ?? '');
      const date = target === undefined ? undefined : recentWeekdayOfMonth(Number(m[2]), target, ctx);
      return date && target !== undefined
        ? dayPeriod(date, `${weekdayName(target)} ${dayPeriod(date).label}`)
        : undefined;
    },
  },
  {
    // "18 and 19 June": the first day borrows the month (and year) of the second.
    name: 'day-before-listed-day',
    hint: /\d\s*(?:and|&|or)\s/,
    re: rule(
      `(\\d{1,2})${ORD}(?=\\s*(?:and|&|or)\\s*(?:the\\s+)?\\d{1,2}${ORD}\\s+(?:of\\s+)?(${MONTH})(?:\\s*,?\\s*(${YEAR}))?)`,
    ),
    resolve(m, ctx) {
      const month = monthValue(m[2] ?? '');
      const date =
        month &&
        resolveDay({ month, day: Number(m[1]), ...(m[3] ? { year: yearValue(m[3], ctx.today) } : {}) }, ctx);
      return date ? dayPeriod(date) : undefined;
    },
  },
  {
    // "June 18 and 19": the second day borrows the month of the first.
    name: 'day-after-listed-day',
    hint: /\d\s*(?:and|&|or)\s/,
    re: rule(
      `(?<=(${MONTH})\\s*\\d{1,2}${ORD}\\s*(?:and|&|or)\\s*)(?:the\\s+)?(\\d{1,2})${ORD}(?!\\s*(?:of\\s+)?${MONTH})`,
    ),
    resolve(m, ctx) {
      const month = monthValue(m[1] ?? '');
      const date = month && resolveDay({ month, day: Number(m[2]) }, ctx);
      return date ? dayPeriod(date) : undefined;
    },
  },
  {
    name: 'day-range',
    hint: /\d/,
    re: rule(`${FROM}(${DAY_EXPR})\\s*(${RANGE_JOIN})\\s*(${DAY_EXPR})`),
    resolve(m, ctx) {
      if (!joins(m[3], m[1])) return undefined;
      const a = parseDayParts(m[2] ?? '', ctx);
      const b = parseDayParts(m[4] ?? '', ctx);
      return a && b ? dayRange(a, b, ctx) : undefined;
    },
  },
  {
    name: 'days-then-month',
    hint: /\d/,
    re: rule(`${FROM}${DAY_NUM}\\s*(${RANGE_JOIN})\\s*(${DAY_EXPR})`),
    resolve(m, ctx) {
      if (!joins(m[3], m[1])) return undefined;
      const b = parseDayParts(m[4] ?? '', ctx);
      if (!b) return undefined;
      const day = Number(m[2]);
      // "from the 27th to the 3rd of April" starts in March.
      const back = day > b.day;
      const month = back ? (b.month === 1 ? 12 : b.month - 1) : b.month;
      const year = b.year === undefined ? undefined : back && b.month === 1 ? b.year - 1 : b.year;
      return dayRange(year === undefined ? { month, day } : { month, day, year }, b, ctx);
    },
  },
  {
    name: 'month-then-days',
    hint: /\d/,
    re: rule(
      `${FROM}(${MONTH})\\s*,?\\s*(?:(?:from|between)\\s+)?(?:the\\s+)?(\\d{1,2})${ORD}\\s*(${RANGE_JOIN})\\s*(?:the\\s+)?(\\d{1,2})${ORD}(?!\\s*(?:of\\s+)?${MONTH})(?:,?\\s*(${YEAR}))?`,
    ),
    resolve(m, ctx) {
      // "between" may follow the month: "November between 19 and 20".
      const opener = m[1] ?? (/\sbetween\s/.test(m[0]) ? 'between' : undefined);
      if (!joins(m[4], opener)) return undefined;
      const month = monthValue(m[2] ?? '');
      if (month === undefined) return undefined;
      const year = m[6] ? yearValue(m[6], ctx.today) : undefined;
      const a: DayParts =
        year === undefined ? { month, day: Number(m[3]) } : { month, day: Number(m[3]), year };
      const lastDay = Number(m[5]);
      // "from april 27th to the 3rd" ends in May.
      const b: DayParts =
        lastDay < a.day ? { ...a, month: (month % 12) + 1, day: lastDay } : { ...a, day: lastDay };
      if (lastDay < a.day && month === 12 && b.year !== undefined) b.year += 1;
      return dayRange(a, b, ctx);
    },
  },
  {
    name: 'day-of-month',
    hint: /the\s+\d/,
    re: rule(`(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:of\\s+)?${MONTH})`),
    resolve(m, ctx) {
      // "the first time" is not a date: a day written in words needs "on" before it.
      if (ctx.spelledAt?.(m.index + m[0].indexOf(m[1] ?? '')) && !m[0].startsWith('on')) return undefined;
      const date = recentDayOfMonth(Number(m[1]), ctx);
      return date ? dayPeriod(date) : undefined;
    },
  },
  {
    name: 'days-of-month-range',
    hint: /\d/,
    re: rule(
      `${FROM}(?:the\\s+)?(\\d{1,2})(st|nd|rd|th)?\\s*(${RANGE_JOIN})\\s*(?:the\\s+)?(\\d{1,2})${ORD}(?!\\s*(?:of\\s+)?${MONTH})(?:\\s+(?:of\\s+)?(this|last|previous)\\s+month)?`,
    ),
    resolve(m, ctx) {
      if (!joins(m[4], m[1])) return undefined;
      const a = Number(m[2]);
      const b = Number(m[5]);
      // Bare numbers are amounts ("between 5 and 20") unless "the", an ordinal or "this month" marks them as days.
      if (!m[6] && !m[3] && !/^(?:(?:from|between)\s+)?the\s/.test(m[0])) return undefined;
      const base = m[6]
        ? addMonths(iso(parseIso(ctx.today).year, parseIso(ctx.today).month, 1), m[6] === 'this' ? 0 : -1)
        : undefined;
      const last = base ? addDays(base, b - 1) : recentDayOfMonth(b, ctx);
      if (!last || a > b || (base && parseIso(last).month !== parseIso(base).month)) return undefined;
      const { year, month } = parseIso(last);
      return isValidDay(year, month, a) ? customPeriod(iso(year, month, a), addDays(last, 1)) : undefined;
    },
  },
];
