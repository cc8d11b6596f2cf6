/** Lengths of time as people say them ("3 months", "2 weeks and 2 days", "5 years 1 month 12 days"). */
import { add } from 'date-fns/add';
import { sub } from 'date-fns/sub';
import { dateToDay, dayToDate } from '../../day.ts';
import { COUNT, countValue, UNIT, unitValue } from './grammar.ts';

/** One or more counted units, joined by commas or "and". */
export const DURATION = `${COUNT}\\s+${UNIT}(?:\\s*,?\\s*(?:and\\s+)?${COUNT}\\s+${UNIT})*`;

export type Unit = ReturnType<typeof unitValue>;

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  /** The finest unit named: "2 weeks and 2 days" is counted in days. */
  finest: Unit;
  /** How many units were named. */
  parts: number;
}

const PART = new RegExp(`(${COUNT})\\s+(${UNIT})`, 'g');
const FINENESS: readonly Unit[] = ['day', 'week', 'fortnight', 'month', 'quarter', 'year'];

/** "2 weeks and 2 days" → { weeks: 2, days: 2, finest: 'day', parts: 2 }. */
export function parseDuration(text: string): Duration | undefined {
  const d: Duration = { years: 0, months: 0, weeks: 0, days: 0, finest: 'year', parts: 0 };
  PART.lastIndex = 0;
  for (let m = PART.exec(text); m; m = PART.exec(text)) {
    const n = countValue(m[1] ?? '');
    if (n === undefined) return undefined;
    const unit = unitValue(m[2] ?? '');
    if (unit === 'year') d.years += n;
    else if (unit === 'quarter') d.months += 3 * n;
    else if (unit === 'month') d.months += n;
    else if (unit === 'fortnight') d.weeks += 2 * n;
    else if (unit === 'week') d.weeks += n;
    else d.days += n;
    if (FINENESS.indexOf(unit) < FINENESS.indexOf(d.finest)) d.finest = unit;
    d.parts++;
  }
  return d.parts > 0 ? d : undefined;
}

/** The day `d` later than `date` (or earlier, with `sign` -1): years and months first, then weeks and days. */
export function shift(date: string, d: Duration, sign: 1 | -1): string {
  const by = { years: d.years, months: d.months, weeks: d.weeks, days: d.days };
  return dateToDay(sign > 0 ? add(dayToDate(date), by) : sub(dayToDate(date), by));
}
