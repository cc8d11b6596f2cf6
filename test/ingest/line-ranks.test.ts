/**
 * Counts of identical lines are kept per day; the days a statement has left behind are forgotten,
 * oldest first, past a budget, and a forgotten day is reported rather than counted from zero again.
 */
import { describe, expect, it } from 'vitest';
import { LineRanks } from '../../src/ingest/line-ranks.ts';

describe('LineRanks', () => {
  it('counts the same line on the same day, and a new day starts counting again', () => {
    const ranks = new LineRanks();
    expect([1, 2, 3].map(() => ranks.next('2026-02-03', 7, 9))).toEqual([1, 2, 3]);
    expect(ranks.next('2026-02-03', 7, 10)).toBe(1);
    expect(ranks.next('2026-02-02', 7, 9)).toBe(1);
  });

  it('keeps a day left recently, and forgets the oldest once the days left hold more than the budget', () => {
    // Each day's table starts at 16 slots: a budget of 32 keeps two days behind the current one.
    const ranks = new LineRanks(32);
    for (const day of ['2026-01-05', '2026-01-04', '2026-01-03', '2026-01-02']) ranks.next(day, 1, 1);
    expect(ranks.next('2026-01-03', 1, 1)).toBe(2);
    expect(ranks.next('2026-01-05', 1, 1)).toBe(0);
  });

  it('forgets nothing after keepEverything, starting from no counts at all', () => {
    const ranks = new LineRanks(16);
    ranks.next('2026-01-05', 1, 1);
    ranks.keepEverything();
    for (let d = 10; d < 60; d++) ranks.next(`2026-01-${d}`, 1, 1);
    expect(ranks.next('2026-01-05', 1, 1)).toBe(1);
    expect(ranks.next('2026-01-10', 1, 1)).toBe(2);
  });
});
