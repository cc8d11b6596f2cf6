/** Calendar days as ISO strings at the edges and as integer yyyymmdd inside the database. */

/** @example toDayInt('2026-02-01') // 20260201 */
export function toDayInt(isoDay: string): number {
  return Number(isoDay.slice(0, 4)) * 10000 + Number(isoDay.slice(5, 7)) * 100 + Number(isoDay.slice(8, 10));
}

/** @example fromDayInt(20260201) // '2026-02-01' */
export function fromDayInt(day: number): string {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

function toUtc(isoDay: string): number {
  return Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
}

/**
 * Adds whole days to an ISO day, in the proleptic Gregorian calendar (no time zones involved).
 * @example addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(isoDay: string, days: number): string {
  return new Date(toUtc(isoDay) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Adds calendar months, clamping to the month's last day so a bill due on the 31st stays at month end.
 * @example addMonths('2026-01-31', 1) // '2026-02-28'
 */
export function addMonths(isoDay: string, months: number): string {
  const y = Number(isoDay.slice(0, 4));
  const m = Number(isoDay.slice(5, 7)) - 1 + months;
  const d = Number(isoDay.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * Adds months to a `yyyy-mm` month.
 * @example addToMonth('2025-12', 1) // '2026-01'
 */
export function addToMonth(month: string, months: number): string {
  return addMonths(`${month}-01`, months).slice(0, 7);
}

/**
 * Whole days from `a` to `b` (negative when `b` is earlier).
 * @example daysBetween('2026-02-28', '2026-03-01') // 1
 */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Days since 1970-01-01, for comparing many dates cheaply (integer civil-calendar arithmetic, no Date objects).
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(isoDay: string): number {
  const digit = (i: number) => isoDay.charCodeAt(i) - 48;
  let y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The user's calendar day for an instant: in `timeZone` when it is a valid IANA zone, else the
 * wall-clock date written in `localTimestamp` (the user's clock), else UTC.
 */
export function localDay(instant: Date, timeZone?: string, localTimestamp?: string): string {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(instant);
    } catch {
      // Not a zone Intl knows: fall through to the user's own clock.
    }
  }
  const wall = localTimestamp && /^(\d{4}-\d{2}-\d{2})T/.exec(localTimestamp);
  if (wall && wall[1]) return wall[1];
  return instant.toISOString().slice(0, 10);
}
