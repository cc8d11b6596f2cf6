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

/** Adds whole days to an ISO day, in the proleptic Gregorian calendar (no time zones involved). */
export function addDays(isoDay: string, days: number): string {
  const t = Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const ta = Date.UTC(Number(a.slice(0, 4)), Number(a.slice(5, 7)) - 1, Number(a.slice(8, 10)));
  const tb = Date.UTC(Number(b.slice(0, 4)), Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10)));
  return Math.round((tb - ta) / 86_400_000);
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
