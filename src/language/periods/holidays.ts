/**
 * Named holidays: "Black Friday", "Christmas Eve", "Thanksgiving 2024", "last Easter", "Labor Day weekend",
 * "the weekend of Halloween", "Ramadan". Without a year a holiday is its latest occurrence not after today;
 * "last" and "previous" skip today's. Thanksgiving, Labor Day and the other Monday holidays are the US ones.
 */
import { allMatches } from '../matches.ts';
import type { Period } from '../types.ts';
import { addDays, iso, nthWeekday, onOrAfter, onOrBefore, parseIso, weekday } from './dates.ts';
import { customPeriod, dayPeriod } from './build.ts';
import { rule, yearValue, YEAR, type Rule, type RuleContext } from './grammar.ts';
import { shortDay } from './labels.ts';

/** `[start, end)` of a holiday in a year, or undefined when it does not fall in that year. */
type Dates = (year: number) => [string, string] | undefined;

const oneDay = (date: string | undefined): [string, string] | undefined =>
  date ? [date, addDays(date, 1)] : undefined;
const fixed =
  (month: number, day: number): Dates =>
  (y) =>
    oneDay(iso(y, month, day));
/** The `n`th weekday (0 = Sunday) of a month, or the last with -1, moved by `offset` days. */
const nth =
  (month: number, day: number, n: number, offset = 0): Dates =>
  (y) => {
    const date = nthWeekday(y, month, day, n);
    return oneDay(date && addDays(date, offset));
  };

/** Easter Sunday in the Gregorian calendar (the anonymous computus of 1876). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return iso(year, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1);
}
const easter =
  (offset: number): Dates =>
  (y) =>
    oneDay(addDays(easterSunday(y), offset));

const formats = new Map<string, Intl.DateTimeFormat>();
/** Month and day of `date` in another calendar, through Intl ("islamic-umalqura", "chinese"). */
function inCalendar(calendar: string, date: string): { month: number; day: number } {
  let f = formats.get(calendar);
  if (!f) {
    f = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    formats.set(calendar, f);
  }
  const parts = f.formatToParts(new Date(`${date}T12:00:00Z`));
  const read = (type: string) => parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { month: read('month'), day: read('day') };
}

const found = new Map<string, string | undefined>();
/** The Gregorian day of a lunar month and day within `year`, looked for near where the lunar year puts it. */
function lunarDay(calendar: string, month: number, day: number, year: number): string | undefined {
  const key = `${calendar}:${month}:${day}:${year}`;
  if (found.has(key)) return found.get(key);
  const jan1 = iso(year, 1, 1);
  const at = inCalendar(calendar, jan1);
  const yearDays = 354.367;
  const estimate = Math.round(
    ((((month - at.month) * 29.5306 + (day - at.day)) % yearDays) + yearDays) % yearDays,
  );
  let result: string | undefined;
  for (let k = 0; k <= 8 && !result; k++) {
    for (const d of [estimate - k, estimate + k]) {
      const date = addDays(jan1, d);
      const got = inCalendar(calendar, date);
      if (!result && got.month === month && got.day === day && date.startsWith(String(year))) result = date;
    }
  }
  found.set(key, result);
  return result;
}
const lunar =
  (calendar: string, month: number, day: number, untilMonth?: number): Dates =>
  (y) => {
    const start = lunarDay(calendar, month, day, y);
    if (!start || untilMonth === undefined) return oneDay(start);
    const end = lunarDay(calendar, untilMonth, 1, y) ?? lunarDay(calendar, untilMonth, 1, y + 1);
    return end && end > start ? [start, end] : oneDay(start);
  };

const THANKSGIVING = nth(11, 4, 4);

/** Easter's long weekend is Good Friday to Easter Monday, where both are public holidays. */
const EASTER_WEEKEND = (sunday: string): [string, string] => [addDays(sunday, -2), addDays(sunday, 2)];

/**
 * Name pattern (normalised text), how to name it, when it falls, and its long weekend when that is not the
 * usual one. "Mother's Day" is the US one (second Sunday in May); the UK's Mothering Sunday is named apart.
 */
const HOLIDAYS: readonly [string, string, Dates, ((day: string) => [string, string])?][] = [
  ["new\\s+year'?s?\\s+eve|nye|hogmanay", "New Year's Eve", fixed(12, 31)],
  ["new\\s+year'?s?(?:\\s+day)?", "New Year's Day", fixed(1, 1)],
  ['(?:christmas|xmas)\\s+eve', 'Christmas Eve', fixed(12, 24)],
  ['(?:christmas|xmas)(?:\\s+day)?', 'Christmas Day', fixed(12, 25)],
  ['boxing\\s+day', 'Boxing Day', fixed(12, 26)],
  [
    "(?:st\\.?|saint)\\s+valentine'?s?(?:\\s+day)?|valentine'?s?(?:\\s+day)?",
    "Valentine's Day",
    fixed(2, 14),
  ],
  ["(?:st\\.?|saint)\\s+(?:patrick|paddy)'?s?(?:\\s+day)?|paddy'?s\\s+day", "St Patrick's Day", fixed(3, 17)],
  ["april\\s+fools'?(?:\\s+day)?", "April Fools' Day", fixed(4, 1)],
  ['earth\\s+day', 'Earth Day', fixed(4, 22)],
  ["may\\s+day|(?:international\\s+)?workers'?\\s+day", 'May Day', fixed(5, 1)],
  ['cinco\\s+de\\s+mayo', 'Cinco de Mayo', fixed(5, 5)],
  ['juneteenth', 'Juneteenth', fixed(6, 19)],
  ['canada\\s+day', 'Canada Day', fixed(7, 1)],
  ['independence\\s+day', 'Independence Day', fixed(7, 4)],
  ["hallowe'?en", 'Halloween', fixed(10, 31)],
  ["all\\s+saints'?\\s+day", "All Saints' Day", fixed(11, 1)],
  ['guy\\s+fawkes(?:\\s+night|\\s+day)?|bonfire\\s+night', 'Bonfire Night', fixed(11, 5)],
  ['remembrance\\s+sunday', 'Remembrance Sunday', nth(11, 0, 2)],
  ["veterans'?\\s+day|remembrance\\s+day|armistice\\s+day", 'Veterans Day', fixed(11, 11)],
  ["singles'?\\s+day", "Singles' Day", fixed(11, 11)],
  [
    "(?:martin\\s+luther\\s+king|mlk)(?:\\s+jr\\.?)?(?:'?s)?(?:\\s+day)?",
    'Martin Luther King Jr. Day',
    nth(1, 1, 3),
  ],
  ["presidents'?\\s+day|washington'?s?\\s+birthday", "Presidents' Day", nth(2, 1, 3)],
  ['memorial\\s+day', 'Memorial Day', nth(5, 1, -1)],
  ["mother'?s'?\\s+day", "Mother's Day", nth(5, 0, 2)],
  ["father'?s'?\\s+day", "Father's Day", nth(6, 0, 3)],
  ['labou?r\\s+day', 'Labor Day', nth(9, 1, 1)],
  ["columbus\\s+day|indigenous\\s+peoples'?\\s+day", 'Columbus Day', nth(10, 1, 2)],
  ['canadian\\s+thanksgiving', 'Canadian Thanksgiving', nth(10, 1, 2)],
  ['thanksgiving(?:\\s+day)?', 'Thanksgiving', THANKSGIVING],
  ['black\\s+friday', 'Black Friday', nth(11, 4, 4, 1)],
  ['small\\s+business\\s+saturday', 'Small Business Saturday', nth(11, 4, 4, 2)],
  ['cyber\\s+monday', 'Cyber Monday', nth(11, 4, 4, 4)],
  ['giving\\s*tuesday', 'Giving Tuesday', nth(11, 4, 4, 5)],
  ['early\\s+may\\s+bank\\s+holiday', 'the early May bank holiday', nth(5, 1, 1)],
  ['spring\\s+bank\\s+holiday', 'the spring bank holiday', nth(5, 1, -1)],
  ['(?:summer|august)\\s+bank\\s+holiday', 'the summer bank holiday', nth(8, 1, -1)],
  ['shrove\\s+tuesday|pancake\\s+day|mardi\\s+gras', 'Shrove Tuesday', easter(-47)],
  ['ash\\s+wednesday', 'Ash Wednesday', easter(-46)],
  ['mothering\\s+sunday', 'Mothering Sunday', easter(-21)],
  ['palm\\s+sunday', 'Palm Sunday', easter(-7)],
  ['good\\s+friday', 'Good Friday', easter(-2)],
  ['easter\\s+monday', 'Easter Monday', easter(1)],
  ['easter(?:\\s+sunday|\\s+day)?', 'Easter', easter(0), EASTER_WEEKEND],
  ['ramadan|ramadhan', 'Ramadan', lunar('islamic-umalqura', 9, 1, 10)],
  ['eid\\s+(?:al|ul)[\\s-]?fitr', 'Eid al-Fitr', lunar('islamic-umalqura', 10, 1)],
  ['eid\\s+(?:al|ul)[\\s-]?adha', 'Eid al-Adha', lunar('islamic-umalqura', 12, 10)],
  ['(?:lunar|chinese)\\s+new\\s+year', 'Lunar New Year', lunar('chinese', 1, 1)],
];

const NAMES = HOLIDAYS.map(([re]) => `(${re})`).join('|');
/** A word every holiday name holds, tested before the long pattern is run. */
const HOLIDAY_HINT =
  /christmas|xmas|boxing|easter|thanksgiving|friday|cyber|giving|hallowe|nye|hogmanay|singles|paddy|new year|valentine|patrick|fools|earth|may day|workers|mayo|juneteenth|canada|independence|saints|fawkes|bonfire|veterans|remembrance|armistice|luther|mlk|president|washington|memorial|mother|father|labou?r|columbus|indigenous|business sat|bank holiday|shrove|pancake|mardi|ash wed|palm sun|ramadh?an|eid|lunar|chinese/;
const YEAR_WORDS = `${YEAR}|(?:the\\s+)?(?:last|this)\\s+year`;
const TOPIC_NOUNS =
  '\\s+(?:shopping|gifts?|presents?|dinner|lunch|party|parties|decorations?|costumes?|sales?|trees?|lights|cards?|flowers|candy|food|groceries|budget|bonus|travel|trips?|stuff|things|deals?|purchases?)\\b';
/**
 * "Christmas shopping last year" names what was bought, not when: the period there is "last year". Spending is
 * not something bought: "Halloween spending" is the spending on Halloween.
 */
const NOT_A_TOPIC = `(?!${TOPIC_NOUNS})`;
const TOPIC = new RegExp(`\\b(?:${NAMES})${TOPIC_NOUNS}`, 'g');

/** Where the text names a holiday as what was bought ("christmas gifts"), so nothing reads it as a date. */
export function holidayTopics(text: string): { from: number; to: number }[] {
  if (!HOLIDAY_HINT.test(text)) return [];
  return allMatches(text, TOPIC).map((m) => ({ from: m.index, to: m.index + m[0].length }));
}

/** The occurrence meant: that year's, or the latest one that has begun (before today, for "last"). */
function occurrence(
  dates: Dates,
  which: string | undefined,
  year: number | undefined,
  ctx: RuleContext,
): [string, string] | undefined {
  if (year !== undefined) return dates(year);
  const t = parseIso(ctx.today).year;
  if (which === 'this') return dates(t);
  const strict = which === 'last' || which === 'previous';
  for (let y = t; y >= t - 2; y--) {
    const d = dates(y);
    if (d && (strict ? d[0] < ctx.today : d[0] <= ctx.today)) return d;
  }
  return undefined;
}

/** The weekend a holiday makes long: Saturday to Monday for a Monday, Thursday to Sunday for Thanksgiving. */
function weekendAround(day: string): [string, string] {
  const wd = weekday(day);
  if (wd === 1) return [addDays(day, -2), addDays(day, 1)];
  if (wd === 4) return [day, addDays(day, 4)];
  if (wd === 5) return [day, addDays(day, 3)];
  if (wd === 6) return [day, addDays(day, 2)];
  if (wd === 0) return [addDays(day, -1), addDays(day, 1)];
  const saturday = wd === 2 ? addDays(day, -3) : addDays(day, 6 - wd);
  return [saturday, addDays(saturday, 2)];
}

/** "The weekend before Christmas": the last Saturday–Sunday wholly before it; "after", the first one after. */
function weekendBeside(side: 'before' | 'after', [start, end]: [string, string]): [string, string] {
  const saturday = side === 'before' ? onOrBefore(addDays(start, -2), 6) : onOrAfter(end, 6);
  return [saturday, addDays(saturday, 2)];
}

function holidayPeriod(
  name: string,
  [start, end]: [string, string],
  weekend: boolean,
  longWeekend = weekendAround,
  side?: 'before' | 'after',
): Period {
  if (side) {
    const [a, b] = weekendBeside(side, [start, end]);
    return customPeriod(a, b, `the weekend ${side} ${name}`);
  }
  if (weekend) {
    const [a, b] = longWeekend(start);
    return customPeriod(a, b, `the ${name} weekend`);
  }
  if (addDays(start, 1) === end) return dayPeriod(start, `${name} (${shortDay(start)})`);
  return customPeriod(start, end, name);
}

export const HOLIDAY_RULES: Rule[] = [
  {
    name: 'holiday',
    hint: HOLIDAY_HINT,
    re: rule(
      `(?:(?:on|for|at|over|during|of)\\s+)?(?:the\\s+)?(?:(long\\s+)?(weekend)\\s+(?:of|after|before|around)?\\s*)?(?:(last|previous|this|past)\\s+)?(?:${NAMES})` +
        `(?:\\s*,?\\s*(?:(?:of|in)\\s+)?(${YEAR_WORDS}))?(\\s+(?:long\\s+)?weekend)?(?:\\s*,?\\s*(${YEAR_WORDS}))?${NOT_A_TOPIC}`,
    ),
    resolve(m, ctx) {
      const index = HOLIDAYS.findIndex((_, i) => m[4 + i] !== undefined);
      const holiday = HOLIDAYS[index];
      if (!holiday) return undefined;
      const tail = m.slice(4 + HOLIDAYS.length);
      const yearText = tail[0] ?? tail[2];
      const which = m[3] === 'past' ? 'last' : m[3];
      const year = yearText
        ? /last/.test(yearText)
          ? Number(ctx.today.slice(0, 4)) - 1
          : /this/.test(yearText)
            ? Number(ctx.today.slice(0, 4))
            : yearValue(yearText, ctx.today)
        : undefined;
      const dates = occurrence(holiday[2], which, year, ctx);
      const side = /weekend\s+(before|after)\s/.exec(m[0])?.[1] as 'before' | 'after' | undefined;
      return dates ? holidayPeriod(holiday[1], dates, Boolean(m[2] || tail[1]), holiday[3], side) : undefined;
    },
  },
];
