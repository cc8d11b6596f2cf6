/**
 * Calendar days as ISO strings at the edges and as integer yyyymmdd inside the database.
 *
 * Arithmetic is date-fns on local-midnight `Date`s: date-fns moves by calendar fields (`setDate`,
 * `setMonth`), never by multiples of 24 hours, so a daylight-saving change in the server's zone cannot
 * shift a day. The user's zone matters only once, when "now" becomes the user's day (`localDay`, TZDate).
 */
import { TZDate } from '@date-fns/tz';
import { addDays as addDaysTo } from 'date-fns/addDays';
import { addMonths as addMonthsTo } from 'date-fns/addMonths';
import { setNewest } from './newest.ts';

/** @example toDayInt('2026-02-01') // 20260201 */
export function toDayInt(isoDay: string): number {
  return Number(isoDay.slice(0, 4)) * 10000 + Number(isoDay.slice(5, 7)) * 100 + Number(isoDay.slice(8, 10));
}

/** @example fromDayInt(20260201) // '2026-02-01' */
export function fromDayInt(day: number): string {
  return formatDay(Math.floor(day / 10000), Math.floor(day / 100) % 100, day % 100);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function formatDay(year: number, month: number, day: number): string {
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The local-midnight `Date` of an ISO day, for date-fns.
 * @example dayToDate('2026-03-10').getDate() // 10
 */
export function dayToDate(isoDay: string): Date {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7)) - 1;
  const day = Number(isoDay.slice(8, 10));
  if (year >= 100) return new Date(year, month, day);
  // The two-argument-year form of the constructor reads 0–99 as 1900–1999.
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month, day);
  return date;
}

/**
 * The ISO day of a `Date`'s local calendar fields (a TZDate's fields are those of its zone).
 * @example dateToDay(new Date(2026, 2, 10)) // '2026-03-10'
 */
export function dateToDay(date: Date): string {
  return formatDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * Adds whole days to an ISO day.
 * @example addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(isoDay: string, days: number): string {
  const year = Number(isoDay.slice(0, 4));
  if (year >= 100 && Number.isInteger(days)) {
    // Calendar fields in UTC, which has no daylight-saving changes: the same day as local arithmetic gives,
    // without the time-zone lookups local dates cost (the period rules add days many times a message).
    const at = new Date(Date.UTC(year, Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)) + days));
    const y = at.getUTCFullYear();
    if (y >= 100) return formatDay(y, at.getUTCMonth() + 1, at.getUTCDate());
  }
  return dateToDay(addDaysTo(dayToDate(isoDay), days));
}

/**
 * Adds calendar months, clamping to the month's last day so a bill due on the 31st stays at month end.
 * @example addMonths('2026-01-31', 1) // '2026-02-28'
 */
export function addMonths(isoDay: string, months: number): string {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  const day = Number(isoDay.slice(8, 10));
  if (year >= 100 && Number.isInteger(months) && month >= 1 && month <= 12 && day >= 1) {
    // Integer arithmetic on the fields, as date-fns does on a local date: the day clamped to the month's end.
    const total = year * 12 + month - 1 + months;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    if (y >= 100 && day <= daysInMonth(year, month)) return formatDay(y, m, Math.min(day, daysInMonth(y, m)));
  }
  return dateToDay(addMonthsTo(dayToDate(isoDay), months));
}

/** Days in a month (1–12) of a year from 100 on: day 0 of the next month is this one's last. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds months to a `yyyy-mm` month.
 * @example addToMonth('2025-12', 1) // '2026-01'
 */
export function addToMonth(month: string, months: number): string {
  return addMonths(`${month}-01`, months).slice(0, 7);
}

const DAY_MS = 86_400_000;

/**
 * Whole days from `a` to `b` (negative when `b` is earlier): date-fns's `differenceInCalendarDays`, computed
 * as the difference of two serial day numbers because the insight loops call it once per transaction.
 * @example daysBetween('2026-02-28', '2026-03-01') // 1
 */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Days since 1970-01-01: a serial number for comparing many dates cheaply, read straight from the
 * calendar fields (no arithmetic to get wrong, no `Date` kept).
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(isoDay: string): number {
  const year = Number(isoDay.slice(0, 4));
  const utc = Date.UTC(year, Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
  // Date.UTC also reads years 0–99 as 1900–1999.
  return (year >= 100 ? utc : new Date(utc).setUTCFullYear(year)) / DAY_MS;
}

/**
 * The user's calendar day for an instant: in `timeZone` when it is a valid IANA zone, else the
 * wall-clock date written in `localTimestamp` (the user's clock), else UTC.
 */
export function localDay(instant: Date, timeZone?: string, localTimestamp?: string): string {
  if (timeZone) {
    const zoned = zonedDay(instant.getTime(), timeZone);
    // A zone Intl does not know gives no day: fall through to the user's own clock.
    if (zoned !== undefined) return zoned;
  }
  const wall = localTimestamp && /^(\d{4}-\d{2}-\d{2})T/.exec(localTimestamp);
  if (wall && wall[1]) return wall[1];
  return instant.toISOString().slice(0, 10);
}

const QUARTER_HOUR_MS = 15 * 60_000;
/** Per zone, the last quarter-hour asked about and its day; a few hundred zones at most are kept. */
const quarterDays = new Map<string, { quarter: number; day: string }>();

/**
 * The day in a zone, worked out once per zone and quarter-hour (a TZDate asks Intl for the zone's offset
 * several times, ~40 µs a turn). Zones' offsets and their changes fall on quarter-hours of UTC, so a
 * quarter-hour that starts and ends on the same local day is that day throughout; one that does not (a
 * change of offset across midnight) is never kept and is worked out for each instant.
 */
function zonedDay(ms: number, timeZone: string): string | undefined {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const kept = quarterDays.get(timeZone);
  if (kept?.quarter === quarter) return kept.day;
  const dayAt = (at: number) => {
    const zoned = new TZDate(at, timeZone);
    return Number.isNaN(zoned.getTime()) ? undefined : dateToDay(zoned);
  };
  const day = dayAt(ms);
  if (day === undefined) return undefined;
  const start = quarter * QUARTER_HOUR_MS;
  if (dayAt(start) === day && dayAt(start + QUARTER_HOUR_MS - 1) === day)
    setNewest(quarterDays, timeZone, { quarter, day }, 500);
  return day;
}
