/** Day arithmetic on ISO `yyyy-mm-dd` strings, in UTC so the result never depends on the machine's zone. */

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date; throws on anything else, including 2026-02-30. */
export function dayNumber(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not a yyyy-mm-dd date: "${iso}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new RangeError(`no such date: "${iso}"`);
  return ms / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

/** A calendar month as a running index (year * 12 + month0), easy to count back from. */
export function monthIndex(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Day number of a day-of-month in a month index; 0 (or past the end) means the last day of that month. */
export function dayInMonth(month: number, dayOfMonth: number): number {
  const year = Math.floor(month / 12);
  const m0 = month % 12;
  const last = new Date(Date.UTC(year, m0 + 1, 0)).getUTCDate();
  const dom = dayOfMonth <= 0 || dayOfMonth > last ? last : dayOfMonth;
  return Date.UTC(year, m0, dom) / MS_PER_DAY;
}

/** Payroll due on a weekend is paid early: the date moves to the Friday before. */
export function previousBusinessDay(day: number): number {
  const wd = weekday(day);
  if (wd === 6) return day - 1;
  if (wd === 0) return day - 2;
  return day;
}

/** ACH debits and transfers scheduled on a weekend post on the Monday after. */
export function nextBusinessDay(day: number): number {
  const wd = weekday(day);
  if (wd === 6) return day + 2;
  if (wd === 0) return day + 1;
  return day;
}
