/** Month-by-month series and the observations a reply can make about them. */
import { addToMonth } from '../day.ts';

export interface MonthTotal {
  /** `yyyy-mm`. */
  month: string;
  amountMinor: number;
}

/**
 * One total per month from `from` up to `to`, half-open like every period: `to` as `yyyy-mm` or `yyyy-mm-01` is
 * left out, while a `to` later in a month includes that (partial) month. Months without rows are 0; several rows
 * for one month are added up; rows outside the range are ignored.
 * @example monthlyTrend([{ month: '2026-01', amountMinor: 500 }], '2025-12', '2026-03')
 * // [{ month: '2025-12', amountMinor: 0 }, { month: '2026-01', amountMinor: 500 }, { month: '2026-02', amountMinor: 0 }]
 */
export function monthlyTrend(rows: readonly MonthTotal[], from: string, to: string): MonthTotal[] {
  const first = from.slice(0, 7);
  const end = to.length > 7 && to.slice(8, 10) !== '01' ? addToMonth(to.slice(0, 7), 1) : to.slice(0, 7);
  const sums = new Map<string, number>();
  for (const r of rows) {
    const month = r.month.slice(0, 7);
    sums.set(month, (sums.get(month) ?? 0) + r.amountMinor);
  }
  const out: MonthTotal[] = [];
  for (let m = first; m < end; m = addToMonth(m, 1)) out.push({ month: m, amountMinor: sums.get(m) ?? 0 });
  return out;
}

export interface RecordObservation {
  month: string;
  amountMinor: number;
  /** The latest earlier month that was at least as high (as low, for smallestSince); undefined when none was. */
  since: string | undefined;
  /** How many earlier months in the trend it beats in a row, counting back. */
  monthsBeaten: number;
  /** True when no earlier month in the trend reached it. */
  onRecord: boolean;
}

/**
 * Data for "your biggest month since October": how far back one has to go to find a month at least as high.
 * Undefined when the month is not in the trend or does not beat even the month before it.
 * @example biggestSince(trend, '2026-02') // { month: '2026-02', since: '2025-10', monthsBeaten: 3, onRecord: false, … }
 */
export function biggestSince(trend: readonly MonthTotal[], month: string): RecordObservation | undefined {
  return recordSince(trend, month, (earlier, current) => earlier >= current);
}

/** The mirror of biggestSince: "your smallest month since June". */
export function smallestSince(trend: readonly MonthTotal[], month: string): RecordObservation | undefined {
  return recordSince(trend, month, (earlier, current) => earlier <= current);
}

function recordSince(
  trend: readonly MonthTotal[],
  month: string,
  reaches: (earlier: number, current: number) => boolean,
): RecordObservation | undefined {
  const at = trend.findIndex((t) => t.month === month);
  if (at < 0) return undefined;
  const current = trend[at]!.amountMinor;
  let i = at - 1;
  while (i >= 0 && !reaches(trend[i]!.amountMinor, current)) i--;
  const monthsBeaten = at - 1 - i;
  if (monthsBeaten === 0) return undefined;
  return {
    month,
    amountMinor: current,
    since: i >= 0 ? trend[i]!.month : undefined,
    monthsBeaten,
    onRecord: i < 0,
  };
}

export interface Share {
  key: string;
  currency: string;
  amountMinor: number;
  /** Whole percent; the shares of one currency add up to exactly 100. */
  percent: number;
}

/**
 * Percent shares for a breakdown, rounded by largest remainder so they add up to 100 (per currency — shares of
 * different currencies never mix). Groups at or below zero (refunds exceeding spending) get 0% and do not count.
 * Keeps the input order.
 * @example shares([{ key: 'a', currency: 'USD', amountMinor: 1 }, { key: 'b', currency: 'USD', amountMinor: 2 }])
 * // [{ key: 'a', …, percent: 33 }, { key: 'b', …, percent: 67 }]
 */
export function shares(groups: readonly { key: string; currency: string; amountMinor: number }[]): Share[] {
  const out: Share[] = groups.map((g) => ({
    key: g.key,
    currency: g.currency,
    amountMinor: g.amountMinor,
    percent: 0,
  }));
  const currencies = new Set(out.map((s) => s.currency.toUpperCase()));
  for (const currency of currencies) {
    const members = out.filter((s) => s.currency.toUpperCase() === currency && s.amountMinor > 0);
    const total = members.reduce((sum, s) => sum + s.amountMinor, 0);
    if (total === 0) continue;
    // Integer arithmetic: floor(100·x/total) and its remainder, so no float decides who gets the last point.
    const parts = members.map((s) => ({
      s,
      floor: Math.floor((s.amountMinor * 100) / total),
      rem: (s.amountMinor * 100) % total,
    }));
    let left = 100 - parts.reduce((sum, p) => sum + p.floor, 0);
    for (const p of parts) p.s.percent = p.floor;
    for (const p of [...parts].sort((x, y) => y.rem - x.rem || y.s.amountMinor - x.s.amountMinor)) {
      if (left-- <= 0) break;
      p.s.percent += 1;
    }
  }
  return out;
}
