/** Rules for periods said relative to today: "last month", "the past 30 days", "the week just gone". */
import type { Period } from '../types.ts';
import { addDays, addMonths, parseIso, quarterOf, weekday, weekStart } from './dates.ts';
import {
  dayPeriod,
  customPeriod,
  halfPeriod,
  monthPeriod,
  quarterPeriod,
  sinceLabel,
  toDatePeriod,
  weekPeriod,
  yearPeriod,
} from './build.ts';
import { DURATION, parseDuration, shift } from './durations.ts';
import { COUNT, countValue, rule, unitValue, UNIT, type Rule, type RuleContext } from './grammar.ts';
import { shortDay } from './labels.ts';

const LAST = '(?:last|past|previous|prior|preceding)';
const PREP = '(?:(?:in|during|for|over|within|from|of|throughout)\\s+)?';

/** The calendar unit containing `date`. */
function unitAt(unit: string, date: string, ctx: RuleContext, weekName: string): Period {
  const d = parseIso(date);
  switch (unitValue(unit)) {
    case 'day':
      return dayPeriod(date);
    case 'week':
    case 'fortnight':
      return weekPeriod(date, ctx, weekName);
    case 'month':
      return monthPeriod(d.year, d.month);
    case 'quarter':
      return quarterPeriod(d.year, quarterOf(d.month));
    case 'year':
      return yearPeriod(d.year);
  }
}

/** Moves `date` back by `n` units. */
function back(unit: string, date: string, n: number): string {
  switch (unitValue(unit)) {
    case 'day':
      return addDays(date, -n);
    case 'week':
      return addDays(date, -7 * n);
    case 'fortnight':
      return addDays(date, -14 * n);
    case 'month':
      return addMonths(date, -n);
    case 'quarter':
      return addMonths(date, -3 * n);
    case 'year':
      return addMonths(date, -12 * n);
  }
}

/** The most recent Saturday–Sunday that has begun; on a weekday, the one just gone. */
function recentWeekend(ctx: RuleContext, skipCurrent: boolean): Period {
  const wd = weekday(ctx.today);
  const sinceSaturday = (wd + 1) % 7;
  let saturday = addDays(ctx.today, -sinceSaturday);
  if (skipCurrent && sinceSaturday <= 1) saturday = addDays(saturday, -7);
  return customPeriod(saturday, addDays(saturday, 2));
}

export const RELATIVE_RULES: Rule[] = [
  {
    name: 'today',
    hint: /yesterday|today|tonight|morning|afternoon|evening|night|tomorrow/,
    re: rule(
      `${PREP}(?:the\\s+day\\s+(?:before\\s+yesterday|after\\s+tomorrow)|yesterday|today|tonight|this\\s+(?:morning|afternoon|evening)|last\\s+night|tomorrow)`,
    ),
    resolve(m, ctx) {
      const text = m[0];
      const named = (offset: number, name: string) =>
        dayPeriod(addDays(ctx.today, offset), `${name} (${shortDay(addDays(ctx.today, offset))})`);
      if (/before/.test(text)) return named(-2, 'the day before yesterday');
      if (/after/.test(text)) return named(2, 'the day after tomorrow');
      if (/yesterday|last\s+night/.test(text)) return named(-1, 'yesterday');
      if (/tomorrow/.test(text)) return named(1, 'tomorrow');
      return named(0, 'today');
    },
  },
  {
    // "between now and November 15th", "from now to Friday": now is today, at the start of a range.
    name: 'now-in-range',
    hint: /now/,
    re: rule(`(?<=\\b(?:between|from)\\s+)(?:right\\s+)?now(?=\\s*(?:and|to|until|through|-)\\s)`),
    resolve: (_m, ctx) => dayPeriod(ctx.today, `today (${shortDay(ctx.today)})`),
  },
  {
    name: 'units-ago',
    hint: /ago/,
    re: rule(`(?<!${LAST}\\s+)${PREP}(${DURATION})\\s+ago`),
    resolve(m, ctx) {
      const d = parseDuration(m[1] ?? '');
      if (!d) return undefined;
      const date = shift(ctx.today, d, -1);
      // "2 weeks and 2 days ago" is a day; "3 weeks ago" the week it fell in.
      if (d.parts > 1) return dayPeriod(date, `${m[1]} ago (${shortDay(date)})`);
      return unitAt(d.finest, date, ctx, `${m[1]} ago`);
    },
  },
  {
    // "within 5 days", "within the next 10 months", "less than 2 weeks from today": from today on.
    name: 'within',
    hint: /within|less\s+than/,
    re: rule(
      `(?:within|in\\s+less\\s+than|less\\s+than)\\s+(?:the\\s+)?(?:(?:next|coming|upcoming|following)\\s+)?(${DURATION})(?:\\s+(?:from\\s+)?(?:today|now))?`,
    ),
    resolve(m, ctx) {
      const d = parseDuration(m[1] ?? '');
      if (!d || (/^less/.test(m[0]) && !/today|now/.test(m[0]))) return undefined;
      return customPeriod(ctx.today, shift(ctx.today, d, 1), `the next ${m[1]}`);
    },
  },
  {
    name: 'this-unit',
    hint: /this|current|present/,
    re: rule(
      `${PREP}(?:the\\s+)?(this|current|present)\\s+(week|month|quarter|year)(?:\\s+(so\\s+far|to\\s+date))?`,
    ),
    resolve(m, ctx) {
      const unit = m[2] ?? '';
      if (m[3]) {
        const start =
          unit === 'week' ? weekStart(ctx.today, ctx.weekStartsOn) : unitAt(unit, ctx.today, ctx, '').start;
        return toDatePeriod(
          start,
          ctx,
          unit === 'week' ? `this week so far (since ${shortDay(start)})` : sinceLabel(start, ctx),
        );
      }
      return unitAt(unit, ctx.today, ctx, 'this week');
    },
  },
  {
    name: 'last-unit',
    hint: /last|past|previous|prior|preceding/,
    re: rule(`${PREP}(?:the\\s+)?${LAST}\\s+(week|month|quarter|year)(?!\\s+of\\b)`),
    resolve(m, ctx) {
      const unit = m[1] ?? '';
      if (/past/.test(m[0]) && unit !== 'quarter') {
        // "the past month" is the rolling window ending today, unlike the calendar "last month".
        const start = addDays(back(unit, ctx.today, 1), 1);
        return customPeriod(start, addDays(ctx.today, 1), `the past ${unit}`);
      }
      return unitAt(unit, back(unit, ctx.today, 1), ctx, 'last week');
    },
  },
  {
    // "the month gone by", "the week just gone", "the year that has just ended": the calendar unit before this one.
    name: 'unit-gone-by',
    hint: /gone|ended|passed|finished/,
    re: rule(
      `${PREP}(?:the\\s+)?(week|month|quarter|year)\\s+(?:(?:that|which)(?:\\s+(?:has|is)|'s)\\s+)?(?:just\\s+)?(?:gone(?:\\s+by)?|ended|passed|finished)`,
    ),
    resolve(m, ctx) {
      const unit = m[1] ?? '';
      return unitAt(unit, back(unit, ctx.today, 1), ctx, 'last week');
    },
  },
  {
    name: 'unit-before-last',
    hint: /before/,
    re: rule(`${PREP}the\\s+(week|month|quarter|year)\\s+before(?:\\s+(?:last|that))?(?!\\s+[a-z0-9])`),
    resolve(m, ctx) {
      const unit = m[1] ?? '';
      return unitAt(unit, back(unit, ctx.today, 2), ctx, `the ${unit} before last`);
    },
  },
  {
    name: 'weekend',
    hint: /weekend/,
    re: rule(
      `(?:(?:on|over|during)\\s+)?(?:the\\s+)?(this\\s+past|last|past|previous|this)?\\s*weekend(\\s+before\\s+last)?`,
    ),
    resolve(m, ctx) {
      const which = (m[1] ?? '').trim();
      if (m[2]) {
        // "the weekend before last": the one before last weekend.
        const last = recentWeekend(ctx, true);
        const p = customPeriod(addDays(last.start, -7), addDays(last.end, -7));
        return { ...p, label: `the weekend before last (${p.label})` };
      }
      const skipCurrent = which === 'last' || which === 'previous';
      const p = recentWeekend(ctx, skipCurrent);
      return {
        ...p,
        label: `${which === 'this' || which === '' ? 'the weekend' : 'last weekend'} (${p.label})`,
      };
    },
  },
  {
    name: 'rolling',
    hint: /last|past|previous|prior|preceding|trailing/,
    re: rule(
      `${PREP}(?:the\\s+)?(?:(?:${LAST}|trailing)\\s+(${DURATION})(?!\\s+ago)|(${COUNT})\\s+${LAST}\\s+(${UNIT}))`,
    ),
    resolve(m, ctx) {
      const d = parseDuration(m[1] ?? `${m[2]} ${m[3]}`);
      if (!d) return undefined;
      const said = m[1] ?? `${m[2]} ${m[3]}`;
      if (d.parts === 1 && d.finest === 'quarter') {
        const n = d.months / 3;
        const current = quarterPeriod(parseIso(ctx.today).year, quarterOf(parseIso(ctx.today).month));
        const start = addMonths(current.start, -3 * n);
        return {
          ...customPeriod(start, current.start),
          label: `the last ${n} quarters (${customPeriod(start, current.start).label})`,
        };
      }
      const start = addDays(shift(ctx.today, d, -1), 1);
      const n = countValue(m[2] ?? m[1] ?? '');
      const name =
        d.parts === 1 && n === 1
          ? `the last ${unitValue(m[3] ?? said.replace(/^\\S+\\s+/, ''))}`
          : `the last ${said}`;
      return customPeriod(start, addDays(ctx.today, 1), name);
    },
  },
  {
    // "the previous 4 business days": counted back from today, today included when it is a weekday.
    name: 'business-days',
    hint: /(?:business|working|week)\s*days?/,
    re: rule(`${PREP}(?:the\\s+)?${LAST}\\s+(${COUNT})\\s+(?:business|working|week)\\s*days?`),
    resolve(m, ctx) {
      const n = countValue(m[1] ?? '');
      if (n === undefined || n < 1 || n > 260) return undefined;
      let start = addDays(ctx.today, 1);
      for (let left = n; left > 0;) {
        start = addDays(start, -1);
        if (weekday(start) !== 0 && weekday(start) !== 6) left--;
      }
      return customPeriod(start, addDays(ctx.today, 1), `the last ${n} business days`);
    },
  },
  {
    name: 'half-relative',
    hint: /half/,
    re: rule(`${PREP}(?:the\\s+)?(this|last|previous)\\s+half(?:\\s+year)?`),
    resolve(m, ctx) {
      const t = parseIso(ctx.today);
      const current = t.month <= 6 ? 1 : 2;
      if (m[1] === 'this') return halfPeriod(t.year, current);
      return current === 1 ? halfPeriod(t.year - 1, 2) : halfPeriod(t.year, 1);
    },
  },
];
