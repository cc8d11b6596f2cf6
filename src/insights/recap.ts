/**
 * The weekly recap's numbers: the week's spending, the usual week (the median of the eight before it), the
 * categories that moved most against last week, and the week's spending by category for a chart. Every
 * figure is a Query run by the one executor.
 */
import { median } from 'simple-statistics';
import { addDays } from '../day.ts';
import { dayRangeLabel } from '../language/periods/labels.ts';
import { execute, mainCurrency, type ExecContext } from './execute.ts';
import type { Mover } from './compare.ts';
import { baseQuery, type Period } from './query.ts';

/** Weeks the usual week is measured on. */
const USUAL_WEEKS = 8;

export interface WeeklyRecap {
  week: Period;
  currency: string;
  spentMinor: number;
  /** Median of the previous weeks that had any spending; absent with no history. */
  usualMinor?: number;
  /** (spent − usual) / usual; absent with no usual week. */
  changePct?: number;
  /** Categories that moved most against the week before, largest change first. */
  movers: Mover[];
  /** This week by top-level category, largest first. */
  byCategory: { label: string; amountMinor: number }[];
}

/** The Monday-to-Sunday week that holds `day` (ISO). */
export function weekOf(day: string): Period {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(day, -weekday);
  const end = addDays(start, 7);
  return { start, end, label: dayRangeLabel(start, addDays(end, -1)), grain: 'week' };
}

export async function weeklyRecap(ctx: ExecContext, week: Period): Promise<WeeklyRecap> {
  const before = Array.from({ length: USUAL_WEEKS }, (_, i) => {
    const start = addDays(week.start, -7 * (i + 1));
    return {
      start,
      end: addDays(start, 7),
      label: dayRangeLabel(start, addDays(start, 6)),
      grain: 'week' as const,
    };
  });
  const totals = await execute(ctx, baseQuery([week, ...before]));
  const figures = totals.shape === 'figures' ? totals.figures : [];
  const currency = mainCurrency(figures.flatMap((f) => f.values));
  const amountOf = (i: number) => figures[i]?.values.find((v) => v.currency === currency)?.amountMinor ?? 0;
  const spentMinor = amountOf(0);
  const history = before.map((_, i) => amountOf(i + 1)).filter((v) => v > 0);
  const usualMinor = history.length ? Math.round(median(history)) : undefined;
  const compared = await execute(ctx, {
    ...baseQuery([before[0]!, week]),
    comparison: { kind: 'periods' },
    groupBy: 'primary',
  });
  const movers =
    compared.shape === 'periods' ? compared.movers.filter((m) => m.change !== 0).slice(0, 3) : [];
  const split = await execute(ctx, { ...baseQuery([week]), form: 'breakdown', groupBy: 'primary' });
  const byCategory =
    split.shape === 'breakdown'
      ? split.groups
          .filter((g) => g.currency === currency && g.amountMinor > 0)
          .map((g) => ({ label: g.label, amountMinor: g.amountMinor }))
      : [];
  return {
    week,
    currency,
    spentMinor,
    ...(usualMinor !== undefined
      ? { usualMinor, changePct: usualMinor ? (spentMinor - usualMinor) / usualMinor : 0 }
      : {}),
    movers,
    byCategory,
  };
}
