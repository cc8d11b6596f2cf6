/**
 * The periods other phrases are built on ("the first week of ___", "the end of ___", "the first 10 days of ___"):
 * a month, a year, a quarter, or this/last week, month, quarter or year.
 */
import type { Period } from '../types.ts';
import { addDays, addMonths, parseIso, quarterOf } from './dates.ts';
import { monthPeriod, quarterPeriod, recentYear, weekPeriod, yearPeriod } from './build.ts';
import { MONTH, monthValue, OF_YEAR, YEAR, yearValue, type RuleContext } from './grammar.ts';

/** "this year", "last year", "2025", "'25" after a month or quarter. */
const YEAR_WORDS = `(?:${YEAR}|(?:the\\s+)?(?:this|last|previous|current)\\s+year)`;

/** Pattern source for a base period, to embed in a rule; read back with `resolveBase`. */
export const BASE =
  `(?:(?:this|last|previous|current|next|the)\\s+(?:week|month|quarter|year)` +
  `|(?:(?:this|last|previous)\\s+)?${MONTH}(?:\\s*,?\\s*(?:(?:of|in)\\s+)?(?:${OF_YEAR}|(?:the\\s+)?(?:this|last|previous|current)\\s+year))?` +
  `|q[1-4](?:\\s*,?\\s*${YEAR_WORDS})?|${YEAR})`;

/** A year phrase as a number: "last year" → today's year - 1; "'25" → 2025. */
export function yearWordsValue(text: string | undefined, ctx: RuleContext): number | undefined {
  if (!text) return undefined;
  const t = parseIso(ctx.today).year;
  if (/last|previous/.test(text)) return t - 1;
  if (/this|current|the\s+year/.test(text)) return t;
  return yearValue(text, ctx.today);
}

/**
 * A month named with "this", "last" or a year, or alone: "this March" is in this year, "last March" the most
 * recent one before this month, a bare "March" the most recent one that has begun.
 */
export function namedMonth(
  month: number,
  which: string | undefined,
  year: number | undefined,
  ctx: RuleContext,
): Period {
  if (year !== undefined) return monthPeriod(year, month);
  const t = parseIso(ctx.today);
  if (which === 'this') return monthPeriod(t.year, month);
  if (which) return monthPeriod(month < t.month ? t.year : t.year - 1, month);
  return monthPeriod(recentYear(month, ctx), month);
}

/** The calendar week, month, quarter or year `offset` units from the one containing today. */
export function unitFromToday(unit: string, offset: number, ctx: RuleContext): Period {
  const t = parseIso(ctx.today);
  if (unit === 'week') {
    const name = offset === 0 ? 'this week' : offset === -1 ? 'last week' : 'next week';
    return weekPeriod(addDays(ctx.today, 7 * offset), ctx, name);
  }
  if (unit === 'month') {
    const { year, month } = parseIso(addMonths(ctx.today.slice(0, 8) + '01', offset));
    return monthPeriod(year, month);
  }
  if (unit === 'quarter') {
    const { year, month } = parseIso(addMonths(ctx.today.slice(0, 8) + '01', 3 * offset));
    return quarterPeriod(year, quarterOf(month));
  }
  return yearPeriod(t.year + offset);
}

const RELATIVE = /^(this|last|previous|current|next|the)\s+(week|month|quarter|year)$/;
const NAMED_MONTH = new RegExp(
  `^(?:(this|last|previous)\\s+)?(${MONTH})(?:\\s*,?\\s*(?:(?:of|in)\\s+)?(.+))?$`,
);
const QUARTER = /^q([1-4])(?:\s*,?\s*(.+))?$/;

/** Reads a `BASE` match. */
export function resolveBase(text: string, ctx: RuleContext): Period | undefined {
  const t = text.trim();
  let m = RELATIVE.exec(t);
  if (m) {
    const offset = m[1] === 'last' || m[1] === 'previous' ? -1 : m[1] === 'next' ? 1 : 0;
    return unitFromToday(m[2] ?? '', offset, ctx);
  }
  m = NAMED_MONTH.exec(t);
  if (m) {
    const month = monthValue(m[2] ?? '');
    return month === undefined ? undefined : namedMonth(month, m[1], yearWordsValue(m[3], ctx), ctx);
  }
  m = QUARTER.exec(t);
  if (m) {
    const q = Number(m[1]);
    const year = yearWordsValue(m[2], ctx);
    const today = parseIso(ctx.today);
    return quarterPeriod(year ?? (q <= quarterOf(today.month) ? today.year : today.year - 1), q);
  }
  if (/^(?:(?:19|20)\d{2}|'\d{2})$/.test(t)) return yearPeriod(yearValue(t, ctx.today));
  return undefined;
}

/**
 * Pattern source for "the `which` `noun` of/in BASE" or its possessive "BASE's `which` `noun`" ("the last
 * weekend of January", "January's final weekend"), capturing four groups; read them back with `readNthOf`.
 */
export function nthOf(which: string, noun: string): string {
  return `(?:the\\s+)?(${which})\\s+${noun}\\s+(?:of|in)\\s+(?:the\\s+)?(${BASE})|(${BASE})'s\\s+(${which})\\s+${noun}`;
}

/** The ordinal word and the base text of an `nthOf` match whose first group is at `at`. */
export function readNthOf(m: RegExpExecArray, at = 1): { which: string; baseText: string } {
  return { which: m[at] ?? m[at + 3] ?? '', baseText: m[at + 1] ?? m[at + 2] ?? '' };
}

const YEARLESS_MONTH = new RegExp(`^(${MONTH})$`);

/**
 * A part of a base period (a half, a fortnight, a weekend of it). When the base is a month named without a
 * year and that part of this year's month has not begun, it is the part of the one a year before: on 10 March,
 * "the second half of March" is 16–31 March last year, as a holiday without a year is its latest occurrence.
 */
export function partOfBase(
  baseText: string,
  ctx: RuleContext,
  part: (base: Period) => Period | undefined,
): Period | undefined {
  const base = resolveBase(baseText, ctx);
  const found = base && part(base);
  if (!base || !found || found.start <= ctx.today || !YEARLESS_MONTH.test(baseText.trim())) return found;
  const earlier = monthPeriod(Number(base.start.slice(0, 4)) - 1, Number(base.start.slice(5, 7)));
  return part(earlier) ?? found;
}
