import { describe, expect, it } from 'vitest';
import { compareWithUsual } from '../../src/insights/usual.ts';

describe('compareWithUsual', () => {
  it('uses the median of the three previous periods, so one odd month does not set the bar', () => {
    expect(compareWithUsual(50_000, [40_000, 38_000, 90_000])).toEqual({
      usualMinor: 40_000,
      diffMinor: 10_000,
      diffPct: 0.25,
      direction: 'more',
    });
  });

  it('says less when below the usual', () => {
    const r = compareWithUsual(30_000, [40_000, 40_000, 40_000]);
    expect(r?.direction).toBe('less');
    expect(r?.diffMinor).toBe(-10_000);
    expect(r?.diffPct).toBe(-0.25);
  });

  it('calls a difference under 5% the same', () => {
    expect(compareWithUsual(40_100, [40_000, 39_000, 41_000])?.direction).toBe('same');
  });

  it('ignores periods past the three most recent', () => {
    expect(compareWithUsual(100, [100, 100, 100, 999_999, 999_999])?.usualMinor).toBe(100);
  });

  it('rounds the median of two periods to whole minor units', () => {
    expect(compareWithUsual(100, [101, 102])?.usualMinor).toBe(102);
  });

  it('returns undefined without history, and a zero usual gives no percentage', () => {
    expect(compareWithUsual(100, [])).toBeUndefined();
    expect(compareWithUsual(100, [0, 0, 0])).toEqual({
      usualMinor: 0,
      diffMinor: 100,
      diffPct: 0,
      direction: 'more',
    });
  });
});
