/** "More or less than usual": one period against the few like periods before it. */
import { median } from 'simple-statistics';

export interface UsualComparison {
  /** Median of the previous like periods, rounded to whole minor units. */
  usualMinor: number;
  /** current − usual. */
  diffMinor: number;
  /** diffMinor / usualMinor as a fraction (0.25 = 25% more); 0 when the usual is 0. */
  diffPct: number;
  direction: 'more' | 'less' | 'same';
}

/** How many previous like periods make "usual". */
const LIKE_PERIODS = 3;
/** Within this fraction of the usual, a period counts as the same. */
const SAME_WITHIN = 0.05;

/**
 * Compares a period's total with the usual one: the median of the three previous like periods (same length,
 * same position — e.g. the three previous Februaries-to-date), so one odd month does not set the bar.
 * `previousLikePeriods` lists the most recent first; entries past the third are ignored.
 * @example compareWithUsual(50_000, [40_000, 38_000, 90_000])
 * // { usualMinor: 40000, diffMinor: 10000, diffPct: 0.25, direction: 'more' }
 */
export function compareWithUsual(
  current: number,
  previousLikePeriods: readonly number[],
): UsualComparison | undefined {
  const recent = previousLikePeriods.slice(0, LIKE_PERIODS);
  if (recent.length === 0) return undefined;
  const usualMinor = Math.round(median(recent));
  const diffMinor = current - usualMinor;
  const diffPct = usualMinor === 0 ? 0 : diffMinor / usualMinor;
  const same = diffMinor === 0 || (usualMinor !== 0 && Math.abs(diffPct) < SAME_WITHIN);
  return { usualMinor, diffMinor, diffPct, direction: same ? 'same' : diffMinor > 0 ? 'more' : 'less' };
}
