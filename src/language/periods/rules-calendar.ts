/** Rules for named calendar periods: months, month ranges, quarters, halves and years. */
import type { Period } from '../types.ts';
import { iso, parseIso, quarterOf } from './dates.ts';
import { namedMonth } from './bases.ts';
import { halfPeriod, monthPeriod, monthSpan, quarterPeriod, recentYear, yearPeriod } from './build.ts';
import {
  COUNT,
  countValue,
  MONTH,
  monthValue,
  OF_YEAR,
  rule,
  yearValue,
  YEAR,
  type Rule,
  type RuleContext,
} from './grammar.ts';

/** A month name's first letters, tested before the month patterns run. */
const MONTH_HINT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

const PREP = '(?:(?:in|during|for|over|throughout|of|from)\\s+)?';

/** "December month", as many people say it; "month by month" after a month is a grouping, not part of it. */
const MONTH_WORD = '(?:\\s+month(?!\\s+(?:by|over|on|to|after)\\b))?';

/** "last year", "this year", "2025", "the year before last" as a year number. */
const YEAR_REF = `(?:${YEAR}|(?:the\\s+)?(?:last|this|previous|current)\\s+year|the\\s+year)`;

function yearRefValue(text: string | undefined, ctx: RuleContext): number | undefined {
  if (!text) return undefined;
  const t = parseIso(ctx.today).year;
  if (/last|previous/.test(text)) return t - 1;
  if (/this|current|the\s+year/.test(text)) return t;
  return yearValue(text, ctx.today);
}

/** The decade `[start, start + 10)` named for the reader. */
function decadePeriod(start: number, end = start + 10): Period {
  const label = end - start === 10 ? `the ${start}s` : `${start}–${end - 1}`;
  return { start: iso(start, 1, 1), end: iso(end, 1, 1), label, grain: 'custom' };
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

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

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
    hint: MONTH_HINT,
    re: rule(
      `${PREP}(?:the\\s+month\\s+of\\s+)?(?:(last|this|previous|past)\\s+)?(${MONTH})${MONTH_WORD}(?:\\s*,?\\s*(?:(?:of|in)\\s+(${OF_YEAR}|${YEAR_REF})|(${YEAR_REF})))?`,
    ),
    resolve(m, ctx) {
      const month = monthValue(m[2] ?? '');
      if (month === undefined) return undefined;
      const yearText = m[3] ?? m[4];
      if (
        !plausibleMonth(
          m[2] ?? '',
          m,
          Boolean(m[1] || yearText || /^(in|during|for|over|throughout|of|from)\s|\smonth$/.test(m[0])),
        )
      )
        return undefined;
      const year = yearRefValue(yearText, ctx);
      const period = namedMonth(month, m[1] === 'past' ? 'last' : m[1], year, ctx);
      return year === undefined && !m[1] ? { period, yearless: true } : period;
    },
  },
  {
    name: 'year-month',
    hint: /\d{4}/,
    re: rule(`${PREP}((?:19|20)\\d{2})\\s*,?\\s*(${MONTH})`),
    resolve(m) {
      const month = monthValue(m[2] ?? '');
      return month === undefined ? undefined : monthPeriod(Number(m[1]), month);
    },
  },
  {
    name: 'decade',
    hint: /\d\s?'?s\b/,
    re: rule(`${PREP}(?:the\\s+)?(?:((?:1[0-9]|20)\\d)0\\s?|'?([0-9])0\\s?)'?s`),
    resolve(m) {
      return decadePeriod(m[1] ? Number(m[1]) * 10 : 1900 + Number(m[2]) * 10);
    },
  },
  {
    name: 'decade-words',
    hint: /decade/,
    re: rule(`${PREP}(?:the\\s+)?(?:(this|current|last|previous|past)\\s+(?:(${COUNT})\\s+)?decades?)`),
    resolve(m, ctx) {
      const current = Math.floor(parseIso(ctx.today).year / 10) * 10;
      if (m[1] === 'this' || m[1] === 'current') return decadePeriod(current);
      const n = m[2] ? countValue(m[2]) : 1;
      if (n === undefined || n < 1 || n > 20) return undefined;
      return decadePeriod(current - 10 * n, current);
    },
  },
  {
    name: 'century',
    hint: /century/,
    re: rule(`${PREP}(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)|(this|current|last|previous))\\s+century`),
    resolve(m, ctx) {
      const current = Math.floor(parseIso(ctx.today).year / 100) + 1;
      const n = m[1] ? Number(m[1]) : m[2] === 'this' || m[2] === 'current' ? current : current - 1;
      if (n < 1 || n > 30) return undefined;
      return {
        start: iso((n - 1) * 100, 1, 1),
        end: iso(n * 100, 1, 1),
        label: `the ${n}${m[1]?.slice(-2) ?? 'th'} century`,
        grain: 'custom',
      };
    },
  },
  {
    // "cy18", "CY 2025": a calendar year, as finance teams write it.
    name: 'calendar-year-code',
    hint: /cy/,
    re: rule(`${PREP}(?:the\\s+)?cy\\s*(\\d{4}|\\d{2})`),
    resolve: (m, ctx) => yearPeriod(yearValue(m[1] ?? '', ctx.today)),
  },
  {
    // "year 247", "in 1789": a year outside this era, where the words say it is a year.
    name: 'any-year',
    hint: /year|in 1/,
    re: rule(`(?:(?:in|of)\\s+)?(?:the\\s+)?year\\s+(\\d{3,4})|in\\s+(1[0-8]\\d\\d)`),
    resolve: (m) => yearPeriod(Number(m[1] ?? m[2])),
  },
  {
    name: 'numeric-month',
    hint: /\d\s*[/-]\s*\d/,
    re: rule(
      `${PREP}(?:(\\d{1,2})\\s*[/-]\\s*((?:19|20)\\d{2})|((?:19|20)\\d{2})\\s*[/-]\\s*(\\d{1,2}))(?![\\d/.-])`,
    ),
    resolve(m) {
      const month = Number(m[1] ?? m[4]);
      const year = Number(m[2] ?? m[3]);
      if (month < 1 || month > 12) return undefined;
      return monthPeriod(year, month);
    },
  },
  {
    name: 'month-range',
    hint: MONTH_HINT,
    re: rule(
      `(from\\s+|between\\s+)?(?:the\\s+months?\\s+of\\s+)?(?:(this|last|previous)\\s+)?(${MONTH})(?:\\s*,?\\s*(${YEAR}))?\\s*(-|to|through|until|and)\\s*(${MONTH})(?:\\s*,?\\s*(?:(?:of|in)\\s+)?(${YEAR_REF}))?`,
    ),
    resolve(m, ctx) {
      if (m[5] === 'and' && !m[1]?.startsWith('between')) return undefined;
      const a = monthValue(m[3] ?? '');
      const b = monthValue(m[6] ?? '');
      if (a === undefined || b === undefined) return undefined;
      let endYear = yearRefValue(m[7], ctx);
      let startYear = m[4]
        ? yearValue(m[4], ctx.today)
        : m[2]
          ? parseIso(namedMonth(a, m[2], undefined, ctx).start).year
          : undefined;
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
    hint: /q[1-4]/,
    re: rule(
      `${PREP}(?:(last|this|previous)\\s+)?(?:q([1-4])(?:\\s*,?\\s*(?:of\\s+)?(${YEAR_REF}|fy\\s*\\d{2,4}))?|((?:19|20)\\d{2})\\s*-?\\s*q([1-4]))`,
    ),
    resolve(m, ctx) {
      const q = Number(m[2] ?? m[5]);
      const year = yearRefValue(m[3] ?? m[4], ctx);
      if (year !== undefined) return quarterPeriod(year, q);
      if (m[1] === 'this') return quarterPeriod(parseIso(ctx.today).year, q);
      if (m[1]) {
        const t = parseIso(ctx.today);
        return quarterPeriod(q < quarterOf(t.month) ? t.year : t.year - 1, q);
      }
      return { period: recentQuarter(q, ctx), yearless: true };
    },
  },
  {
    name: 'quarter-words',
    hint: /quarter/,
    re: rule(
      `${PREP}(?:(${YEAR})\\s*,?\\s*)?(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)\\s+quarter(?:\\s+(?:of\\s+)?(${YEAR_REF}))?`,
    ),
    resolve(m, ctx) {
      const which = m[2] ?? '';
      const year = yearRefValue(m[1] ?? m[3], ctx);
      if (which === 'last' && year === undefined) return undefined; // "last quarter" is the previous quarter.
      const q = ORDINALS[which] ?? 4;
      return year === undefined ? recentQuarter(q, ctx) : quarterPeriod(year, q);
    },
  },
  {
    name: 'half',
    hint: /h[12]|half/,
    re: rule(
      `${PREP}(?:h([12])(?:\\s*,?\\s*(?:of\\s+)?(${YEAR_REF}))?|((?:19|20)\\d{2})\\s*-?\\s*h([12])|(?:the\\s+)?(first|second|1st|2nd|last|latter)\\s+half(?:\\s+of\\s+(${YEAR_REF}))?)`,
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
    hint: /\d{4}/,
    re: rule(`(from\\s+|between\\s+)?((?:19|20)\\d{2})\\s*(-|~|to|through|until|and)\\s*((?:19|20)\\d{2})`),
    resolve(m) {
      if (m[3] === 'and' && !m[1]?.startsWith('between')) return undefined;
      const a = Number(m[2]);
      const b = Number(m[4]);
      if (b <= a) return undefined;
      return { start: iso(a, 1, 1), end: iso(b + 1, 1, 1), label: `${a}–${b}`, grain: 'custom' };
    },
  },
  {
    name: 'year',
    hint: /\d{4}/,
    re: rule(
      `${PREP}(?:the\\s+(?:calendar\\s+)?year\\s+|fy\\s*)?((?:19|20)\\d{2})(?!\\s*(?:dollars|bucks|euros?|pounds|usd|eur|gbp|%))`,
    ),
    resolve(m) {
      return yearPeriod(Number(m[1]));
    },
  },
  {
    name: 'year-words',
    hint: /year/,
    re: rule(`${PREP}(?:the\\s+)?(?:(last|previous|prior|this|current)\\s+year|year\\s+before\\s+last)`),
    resolve(m, ctx) {
      const t = parseIso(ctx.today).year;
      if (/before\s+last/.test(m[0])) return yearPeriod(t - 2);
      return yearPeriod(/this|current/.test(m[1] ?? '') ? t : t - 1);
    },
  },
];
