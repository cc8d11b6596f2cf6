/** Reads the calendar dates banks print (numeric in three orders, compact, or with month names). */

/** Which part comes first in a numeric date. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

const NUMERIC = /^\s*(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?:$|[\sT,])/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:$|[\sT])/;
const DAY_NAME = /^\s*(\d{1,2})[\s-]([A-Za-zéû]{3,9})\.?[\s,-]+(\d{2,4})\b/;
const NAME_DAY = /^\s*([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  mrz: 3,
  mär: 3,
  okt: 10,
  dez: 12,
  fév: 2,
  avr: 4,
  mai: 5,
  juin: 6,
  juil: 7,
  aoû: 8,
  déc: 12,
};

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  if (y.length === 2) return n < 70 ? 2000 + n : 1900 + n;
  return NaN;
}

/** Builds an ISO date when the parts make a real calendar day. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2199) || month < 1 || month > 12 || day < 1) return undefined;
  const last =
    month === 2
      ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
        ? 29
        : 28
      : (DAYS_IN_MONTH[month] ?? 31);
  if (day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  return MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)];
}

/** Parses one date in the given order; month-name and compact forms are read whatever the order. */
export function parseDate(value: string, order: DateOrder): string | undefined {
  const m = NUMERIC.exec(value);
  if (m) {
    const [a, b, c] = [m[1] ?? '', m[3] ?? '', m[4] ?? ''];
    if (order === 'ymd') return a.length === 4 ? isoDate(Number(a), Number(b), Number(c)) : undefined;
    if (a.length > 2) return undefined;
    const year = fullYear(c);
    return order === 'mdy' ? isoDate(year, Number(a), Number(b)) : isoDate(year, Number(b), Number(a));
  }
  const compact = COMPACT.exec(value);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const dn = DAY_NAME.exec(value);
  if (dn) {
    const month = monthNumber(dn[2] ?? '');
    return month ? isoDate(fullYear(dn[3] ?? ''), month, Number(dn[1])) : undefined;
  }
  const nd = NAME_DAY.exec(value);
  if (nd) {
    const month = monthNumber(nd[1] ?? '');
    return month ? isoDate(Number(nd[3]), month, Number(nd[2])) : undefined;
  }
  return undefined;
}

/** Reads a user-facing format such as `dd/mm/yyyy` or `yyyy-mm-dd` as an order. */
export function orderFromFormat(format: string): DateOrder | undefined {
  const f = format.toLowerCase().replace(/[^dmy]/g, '');
  if (/^y+m+d+$/.test(f)) return 'ymd';
  if (/^m+d+y+$/.test(f)) return 'mdy';
  if (/^d+m+y+$/.test(f)) return 'dmy';
  return undefined;
}

/** Shows how a date in this column looks, for questions and messages: `02/28/2026`, `28.02.26`. */
export function dateExample(order: DateOrder, sample?: string): string {
  const m = sample ? NUMERIC.exec(sample) : null;
  const sep = m?.[2] ?? (order === 'ymd' ? '-' : '/');
  const yearDigits = order === 'ymd' ? 4 : (m?.[4]?.length ?? 4);
  const y = yearDigits === 2 ? '26' : '2026';
  if (order === 'ymd') return ['2026', '02', '28'].join(sep);
  return (order === 'mdy' ? ['02', '28', y] : ['28', '02', y]).join(sep);
}

/** Names an order as a format string users and options understand: `mm/dd/yyyy`. */
export function formatName(order: DateOrder, sample?: string): string {
  return dateExample(order, sample)
    .replace('2026', 'yyyy')
    .replace('26', 'yy')
    .replace('28', 'dd')
    .replace('02', 'mm');
}

export type DateInference =
  | { kind: 'settled'; order: DateOrder; how: 'values' | 'order' }
  | { kind: 'ambiguous'; orders: DateOrder[] }
  | { kind: 'none' };

/**
 * Works out a column's date order from all its values. When both day-first and month-first read every
 * value, the order of the rows settles it: statements are sorted by date, so the reading that keeps
 * them sorted (ascending or descending) and not the other is the right one.
 */
export function inferDateOrder(values: readonly string[]): DateInference {
  const present = values.filter((v) => v.trim() !== '');
  if (present.length === 0) return { kind: 'none' };
  const fits = (['ymd', 'mdy', 'dmy'] as const).filter((o) =>
    present.every((v) => parseDate(v, o) !== undefined),
  );
  if (fits.length === 0) return { kind: 'none' };
  if (fits.length === 1 || fits[0] === 'ymd')
    return { kind: 'settled', order: fits[0] ?? 'ymd', how: 'values' };
  if (present.every((v) => /^\s*\d{1,2}\.\d{1,2}\.\d{2,4}/.test(v)) && fits.includes('dmy'))
    return { kind: 'settled', order: 'dmy', how: 'values' };
  const sorted = fits.filter((o) => isMonotonic(present.map((v) => parseDate(v, o) ?? '')));
  if (sorted.length === 1 && sorted[0] && new Set(present).size > 2)
    return { kind: 'settled', order: sorted[0], how: 'order' };
  return { kind: 'ambiguous', orders: fits };
}

function isMonotonic(dates: readonly string[]): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < dates.length; i++) {
    const prev = dates[i - 1] ?? '';
    const cur = dates[i] ?? '';
    if (cur < prev) up = false;
    if (cur > prev) down = false;
  }
  return up || down;
}
