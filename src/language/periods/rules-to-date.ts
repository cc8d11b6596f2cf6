/** Rules for periods up to today: "YTD", "the year so far", "month to date", "so far this quarter". */
import { iso, monthStart, parseIso, quarterOf, weekStart } from './dates.ts';
import { unitFromToday } from './bases.ts';
import { quarterPeriod, sinceLabel, toDatePeriod } from './build.ts';
import { rule, type Rule } from './grammar.ts';
import { shortDay } from './labels.ts';

const PREP = '(?:(?:in|during|for|over|within|from|of|throughout)\\s+)?';

export const TO_DATE_RULES: Rule[] = [
  {
    // "the year so far", "the month to date": from the start of the current unit up to today.
    name: 'the-unit-so-far',
    hint: /so\s+far|to\s+date/,
    re: rule(`${PREP}the\\s+(week|month|quarter|year)\\s+(?:so\\s+far|to\\s+date)`),
    resolve(m, ctx) {
      const unit = m[1] ?? '';
      const start =
        unit === 'week' ? weekStart(ctx.today, ctx.weekStartsOn) : unitFromToday(unit, 0, ctx).start;
      return toDatePeriod(
        start,
        ctx,
        unit === 'week' ? `this week so far (since ${shortDay(start)})` : sinceLabel(start, ctx),
      );
    },
  },
  {
    name: 'year-to-date',
    hint: /ytd|to\s*-?\s*date|so\s+far|since/,
    re: rule(
      `ytd|year\\s*-?\\s*to\\s*-?\\s*date|(?:so\\s+far\\s+)?this\\s+year\\s+so\\s+far|so\\s+far\\s+(?:this|in\\s+the)\\s+year` +
        `|since\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+year|since\\s+jan(?:uary)?\\s+1(?:st)?(?!\\d|\\s*,?\\s*(?:19|20)\\d\\d)`,
    ),
    resolve(_m, ctx) {
      const start = iso(parseIso(ctx.today).year, 1, 1);
      return toDatePeriod(start, ctx, sinceLabel(start, ctx));
    },
  },
  {
    name: 'month-to-date',
    hint: /mtd|to\s*-?\s*date|so\s+far|since/,
    re: rule(
      `mtd|month\\s*-?\\s*to\\s*-?\\s*date|so\\s+far\\s+(?:this|in\\s+the)\\s+month|since\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+month`,
    ),
    resolve(_m, ctx) {
      const start = monthStart(ctx.today);
      return toDatePeriod(start, ctx, sinceLabel(start, ctx));
    },
  },
  {
    name: 'quarter-to-date',
    hint: /qtd|to\s*-?\s*date|so\s+far|since/,
    re: rule(
      `qtd|quarter\\s*-?\\s*to\\s*-?\\s*date|so\\s+far\\s+this\\s+quarter|since\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+quarter`,
    ),
    resolve(_m, ctx) {
      const t = parseIso(ctx.today);
      const start = quarterPeriod(t.year, quarterOf(t.month)).start;
      return toDatePeriod(start, ctx, sinceLabel(start, ctx));
    },
  },
  {
    name: 'week-to-date',
    hint: /wtd|to\s*-?\s*date|so\s+far|since/,
    re: rule(
      `wtd|week\\s*-?\\s*to\\s*-?\\s*date|so\\s+far\\s+this\\s+week|since\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+week`,
    ),
    resolve(_m, ctx) {
      const start = weekStart(ctx.today, ctx.weekStartsOn);
      return toDatePeriod(start, ctx, `this week so far (since ${shortDay(start)})`);
    },
  },
];
