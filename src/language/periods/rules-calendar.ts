/** Rules for named calendar periods: months, month ranges, quarters, halves and years. */
import type { Period } from '../types.ts';
import { iso, parseIso, quarterOf } from './dates.ts';
import { halfPeriod, monthPeriod, monthSpan, quarterPeriod, recentYear, yearPeriod } from './build.ts';
import { MONTH, monthValue, rule, yearValue, YEAR, type Rule, type RuleContext } from './grammar.ts';

const PREP = '(?:(?:in|during|for|over|throughout|of|from)\\s+)?';

/** "last year", "this year", "2025", "the year before last" as a year number. */
const YEAR_REF = `(?:${YEAR}|(?:the\\s+)?(?:last|this|previous|current)\\s+year|the\\s+year)`;

function yearRefValue(text: string | undefined, ctx: RuleContext): number | undefined {
  if (!text) return undefined;
  const t = parseIso(ctx.today).year;
  if (/last|previous/.test(text)) return t - 1;
  if (/this|current|the\s+year/.test(text)) return t;
  return yearValue(text);
}

/** Quarter without a year: its most recent start not in the future. */
function recentQuarter(q: number, ctx: RuleContext): Period {
  const t = parseIso(ctx.today);
  return quarterPeriod(q <= quarterOf(t.month) ? t.year : t.year - 1, q);
}

function recentHalf(h: number, ctx: RuleContext): Period {
  const t = parseIso(ctx.today);
  return halfPeriod(h === 1 || t.month >= 7 ? t.year : t.year - 1, h);
}

const ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** "may" is a month only where a month is expected: after a preposition, before a year, or beside "vs". */
function plausibleMonth(word: string, m: RegExpExecArray, hasContext: boolean): boolean {
  if (hasContext || !/^may\b/.test(word)) return true;
  const before = m.input.slice(0, m.index).trimEnd();
  const after = m.input.slice(m.index + m[0].length).trimStart();
  return (
    /\b(in|during|for|of|since|from|vs|versus|and|to|through|until|last|this|between|on)$/.test(before) ||
    after === '' ||
    /^(vs|versus|and|compared|or|[?.!,])/.test(after)
  );
}

export const CALENDAR_RULES: Rule[] = [
  {
    name: 'month',
    re: rule(`${PREP}(?:the\\s+month\\s+of\\s+)?(?:(last|this|previous|past)\\s+)?(${MONTH})(?:\\s*,?\\s*(?:of\\s+)?(${YEAR_REF}))?`),
    resolve(m, ctx) {
      const month = monthValue(m[2] ?? '');
      if (month === undefined) return undefined;
      if (!plausibleMonth(m[2] ?? '', m, Boolean(m[1] || m[3] || /^(in|during|for|over|throughout|of|from)\s/.test(m[0])))) return undefined;
      const year = yearRefValue(m[3], ctx);
      if (year !== undefined) return monthPeriod(year, month);
      const t = parseIso(ctx.today);
      if (m[1] === 'this') return monthPeriod(t.year, month);
      if (m[1]) return monthPeriod(month < t.month ? t.year : t.year - 1, month);
      return monthPeriod(recentYear(month, ctx), month);
    },
  },
  {
    name: 'year-month',
    re: rule(`${PREP}((?:19|20)\\d{2})\\s*,?\\s*(${MONTH})`),
    resolve(m) {
      const month = monthValue(m[2] ?? '');
      return month === undefined ? undefined : monthPeriod(Number(m[1]), month);
    },
  },
  {
    name: 'decade',
    re: rule(`${PREP}(?:the\\s+)?(?:((?:19|20)\\d)0|'?([0-9])0)'?s`),
    resolve(m) {
      const start = m[1] ? Number(m[1]) * 10 : 1900 + Number(m[2]) * 10;
      return { start: iso(start, 1, 1), end: iso(start + 10, 1, 1), label: `the ${start}s`, grain: 'custom' };
    },
  },
  {
    name: 'numeric-month',
    re: rule(`${PREP}(?:(\\d{1,2})/(\\d{4})|(\\d{4})-(\\d{1,2}))`),
    resolve(m) {
      const month = Number(m[1] ?? m[4]);
      const year = Number(m[2] ?? m[3]);
      if (month < 1 || month > 12) return undefined;
      return monthPeriod(year, month);
    },
  },
  {
    name: 'month-range',
    re: rule(
      `(from\\s+|between\\s+)?(?:the\\s+months?\\s+of\\s+)?(${MONTH})(?:\\s*,?\\s*(${YEAR}))?\\s*(-|to|through|until|and)\\s*(?:the\\s+end\\s+of\\s+)?(${MONTH})(?:\\s*,?\\s*(?:of\\s+)?(${YEAR_REF}))?`,
    ),
    resolve(m, ctx) {
      if (m[4] === 'and' && !m[1]) return undefined;
      const a = monthValue(m[2] ?? '');
      const b = monthValue(m[5] ?? '');
      if (a === undefined || b === undefined) return undefined;
      let endYear = yearRefValue(m[6], ctx);
      let startYear = m[3] ? yearValue(m[3]) : undefined;
      if (endYear === undefined && startYear !== undefined) endYear = a <= b ? startYear : startYear + 1;
      if (endYear === undefined) {
        // Without a year the range's start is its most recent one not in the future.
        startYear = recentYear(a, ctx);
        endYear = a <= b ? startYear : startYear + 1;
      }
      startYear ??= a <= b ? endYear : endYear - 1;
      if (startYear * 12 + a > endYear * 12 + b) return undefined;
      return monthSpan(iso(startYear, a, 1), iso(endYear, b, 1));
    },
  },
  {
    name: 'quarter-code',
    re: rule(`${PREP}(?:(last|this|previous)\\s+)?(?:q([1-4])(?:\\s*,?\\s*(?:of\\s+)?(${YEAR_REF}|fy\\s*\\d{2,4}))?|(${YEAR})\\s*-?\\s*q([1-4]))`),
    resolve(m, ctx) {
      const q = Number(m[2] ?? m[5]);
      const year = yearRefValue(m[3] ?? m[4], ctx);
      if (year !== undefined) return quarterPeriod(year, q);
      if (m[1] === 'this') return quarterPeriod(parseIso(ctx.today).year, q);
      if (m[1]) {
        const t = parseIso(ctx.today);
        return quarterPeriod(q < quarterOf(t.month) ? t.year : t.year - 1, q);
      }
      return recentQuarter(q, ctx);
    },
  },
  {
    name: 'quarter-words',
    re: rule(`${PREP}(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)\\s+quarter(?:\\s+(?:of\\s+)?(${YEAR_REF}))?`),
    resolve(m, ctx) {
      const which = m[1] ?? '';
      const year = yearRefValue(m[2], ctx);
      if (which === 'last' && year === undefined) return undefined; // "last quarter" is the previous quarter.
      const q = ORDINALS[which] ?? 4;
      return year === undefined ? recentQuarter(q, ctx) : quarterPeriod(year, q);
    },
  },
  {
    name: 'half',
    re: rule(
      `${PREP}(?:h([12])(?:\\s*,?\\s*(?:of\\s+)?(${YEAR_REF}))?|(${YEAR})\\s*-?\\s*h([12])|(?:the\\s+)?(first|second|1st|2nd|last|latter)\\s+half(?:\\s+of\\s+(${YEAR_REF}))?)`,
    ),
    resolve(m, ctx) {
      const words = m[5];
      const h = words ? (/first|1st/.test(words) ? 1 : 2) : Number(m[1] ?? m[4]);
      const year = yearRefValue(m[2] ?? m[3] ?? m[6], ctx);
      return year === undefined ? recentHalf(h, ctx) : halfPeriod(year, h);
    },
  },
  {
    name: 'year-range',
    re: rule(`(from\\s+|between\\s+)?((?:19|20)\\d{2})\\s*(-|~|to|through|until|and)\\s*(?:the\\s+end\\s+of\\s+)?((?:19|20)\\d{2})`),
    resolve(m) {
      if (m[3] === 'and' && !m[1]) return undefined;
      const a = Number(m[2]);
      const b = Number(m[4]);
      if (b <= a) return undefined;
      return { start: iso(a, 1, 1), end: iso(b + 1, 1, 1), label: `${a}–${b}`, grain: 'custom' };
    },
  },
  {
    name: 'year',
    re: rule(`${PREP}(?:the\\s+(?:calendar\\s+)?year\\s+|fy\\s*)?((?:19|20)\\d{2})(?!\\s*(?:dollars|bucks|euros?|pounds|usd|eur|gbp|%))`),
    resolve(m) {
      return yearPeriod(Number(m[1]));
    },
  },
  {
    name: 'year-words',
    re: rule(`${PREP}(?:the\\s+)?(?:(last|previous|prior|this|current)\\s+year|year\\s+before\\s+last)`),
    resolve(m, ctx) {
      const t = parseIso(ctx.today).year;
      if (/before\s+last/.test(m[0])) return yearPeriod(t - 2);
      return yearPeriod(/this|current/.test(m[1] ?? '') ? t : t - 1);
    },
  },
];
