/** Two periods side by side: totals, change, and the groups that moved most — per currency, never mixed. */
import type { GroupTotal } from './types.ts';

export interface Mover {
  key: string;
  a: number;
  b: number;
  /** b − a. */
  change: number;
}

export interface PeriodComparison {
  currency: string;
  totalA: number;
  totalB: number;
  /** totalB − totalA. */
  change: number;
  /** change / totalA as a fraction (0.25 = 25% more); undefined when period A had nothing. */
  changePct: number | undefined;
  /** Groups in either period, largest absolute change first; unchanged groups last. */
  movers: Mover[];
}

/**
 * Compares period A (the earlier or reference period) with period B (the one asked about), one result per
 * currency (the one with the most groups first). Groups present in only one period count as 0 in the other.
 * @example comparePeriods([{ key: 'FOOD', currency: 'USD', amountMinor: 10_000 }], [{ key: 'FOOD', currency: 'USD', amountMinor: 12_500 }])
 * // [{ currency: 'USD', totalA: 10000, totalB: 12500, change: 2500, changePct: 0.25, movers: [{ key: 'FOOD', a: 10000, b: 12500, change: 2500 }] }]
 */
export function comparePeriods(a: readonly GroupTotal[], b: readonly GroupTotal[]): PeriodComparison[] {
  const byCurrency = new Map<string, Map<string, Mover>>();
  const add = (rows: readonly GroupTotal[], side: 'a' | 'b') => {
    for (const row of rows) {
      const currency = row.currency.toUpperCase();
      let groups = byCurrency.get(currency);
      if (!groups) byCurrency.set(currency, (groups = new Map()));
      const mover = groups.get(row.key) ?? { key: row.key, a: 0, b: 0, change: 0 };
      mover[side] += row.amountMinor;
      groups.set(row.key, mover);
    }
  };
  add(a, 'a');
  add(b, 'b');

  const results: PeriodComparison[] = [];
  for (const [currency, groups] of byCurrency) {
    let totalA = 0;
    let totalB = 0;
    const movers = [...groups.values()].map((m) => {
      totalA += m.a;
      totalB += m.b;
      return { ...m, change: m.b - m.a };
    });
    movers.sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || y.b - x.b || x.key.localeCompare(y.key));
    const change = totalB - totalA;
    results.push({
      currency,
      totalA,
      totalB,
      change,
      changePct: totalA === 0 ? undefined : change / totalA,
      movers,
    });
  }
  // Amounts in different currencies do not compare, so the currency with the most groups leads.
  return results.sort((x, y) => y.movers.length - x.movers.length || x.currency.localeCompare(y.currency));
}
