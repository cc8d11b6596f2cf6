/** The period a question means when it names none, and the calendar steps of series and averages. */
import { describe, expect, it } from 'vitest';
import {
  allLinked,
  defaultFor,
  latestCompleteMonth,
  resolveDefaults,
  wholeMonths,
} from '../../src/insights/defaults.ts';
import { baseQuery, type Period } from '../../src/insights/query.ts';
import { mondayOf, seriesSteps, unitsIn } from '../../src/insights/steps.ts';

const SPAN = { first: '2025-12-01', last: '2026-03-03' };

describe('latestCompleteMonth', () => {
  it('is the month before the one the data reaches into, not an empty current month', () => {
    expect(latestCompleteMonth(SPAN, '2026-03-05')).toEqual({
      start: '2026-02-01',
      end: '2026-03-01',
      label: 'February 2026',
      grain: 'month',
    });
    // Weeks later, with nothing newer linked: still February, not March or April.
    expect(latestCompleteMonth(SPAN, '2026-04-20')?.label).toBe('February 2026');
  });

  it('a month the data stops short of is not complete; one it ends on the last day of is', () => {
    expect(latestCompleteMonth({ first: '2025-12-01', last: '2026-02-27' }, '2026-04-20')?.label).toBe(
      'January 2026',
    );
    expect(latestCompleteMonth({ first: '2025-12-01', last: '2026-02-28' }, '2026-04-20')?.label).toBe(
      'February 2026',
    );
    // Today's month is never complete, even when the data runs to today.
    expect(latestCompleteMonth({ first: '2025-12-01', last: '2026-03-31' }, '2026-03-31')?.label).toBe(
      'February 2026',
    );
  });

  it('a first charge in the month’s first week covers the month; later than that it does not', () => {
    expect(latestCompleteMonth({ first: '2026-02-05', last: '2026-03-03' }, '2026-03-05')?.label).toBe(
      'February 2026',
    );
    expect(latestCompleteMonth({ first: '2026-02-10', last: '2026-03-03' }, '2026-03-05')).toBeUndefined();
  });
});

describe('resolveDefaults', () => {
  it('"my spending" takes the latest complete month, and says it chose it', () => {
    const { query, defaulted } = resolveDefaults(baseQuery(), SPAN, '2026-03-05');
    expect(defaulted).toBe('latest-complete-month');
    expect(query.defaultedPeriod).toBe('latest-complete-month');
    expect(query.periods.map((p) => p.label)).toEqual(['February 2026']);
  });

  it('a merchant’s cost takes everything linked', () => {
    const q = baseQuery();
    q.filters.include.merchants = ['Best Buy'];
    expect(defaultFor(q)).toBe('all-linked');
    expect(resolveDefaults(q, SPAN, '2026-03-05').query.periods).toEqual([
      { start: '2025-12-01', end: '2026-03-04', label: '', grain: 'custom' },
    ]);
  });

  it('falls back to everything linked when no month is covered whole', () => {
    const { query } = resolveDefaults(baseQuery(), { first: '2026-02-10', last: '2026-03-03' }, '2026-03-05');
    expect(query.defaultedPeriod).toBe('all-linked');
    expect(query.periods).toEqual([allLinked({ first: '2026-02-10', last: '2026-03-03' })]);
  });

  it('keeps a named period, month to date when asked, and fills a series’ window', () => {
    const feb: Period = { start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' };
    expect(resolveDefaults(baseQuery([feb]), SPAN, '2026-03-05').defaulted).toBeUndefined();
    const mtd = resolveDefaults(
      { ...baseQuery(), defaultedPeriod: 'month-to-date' },
      SPAN,
      '2026-03-05',
    ).query;
    expect(mtd.periods).toEqual([
      { start: '2026-03-01', end: '2026-03-06', label: 'March 2026 so far', grain: 'custom' },
    ]);
    const series = resolveDefaults(
      { ...baseQuery(), series: { grain: 'month', within: feb }, defaultedPeriod: 'all-linked' },
      SPAN,
      '2026-03-05',
    ).query;
    expect(series.series?.within).toEqual(allLinked(SPAN));
    expect(series.periods).toEqual([]);
  });

  it('an average per month over everything linked uses the whole months only', () => {
    expect(wholeMonths(SPAN)).toEqual({
      start: '2025-12-01',
      end: '2026-03-01',
      label: 'December 2025 – February 2026',
      grain: 'custom',
    });
    const q = {
      ...baseQuery(),
      measure: { kind: 'average' as const, of: 'spent' as const, per: 'month' as const },
    };
    expect(resolveDefaults(q, SPAN, '2026-03-05').query.periods.map((p) => [p.start, p.end])).toEqual([
      ['2025-12-01', '2026-03-01'],
    ]);
  });

  it('leaves a balance, and a person without data, as they are', () => {
    const balance = { ...baseQuery(), measure: { kind: 'balance' as const } };
    expect(resolveDefaults(balance, SPAN, '2026-03-05').query).toEqual(balance);
    expect(resolveDefaults(baseQuery(), undefined, '2026-03-05').query.periods).toEqual([]);
  });
});

describe('steps', () => {
  it('weeks start on Monday', () => {
    expect(mondayOf('2026-02-01')).toBe('2026-01-26'); // a Sunday
    expect(mondayOf('2026-02-02')).toBe('2026-02-02');
    expect(mondayOf('2026-02-08')).toBe('2026-02-02');
  });

  it('quarters, years and days, cut to the period', () => {
    const within: Period = { start: '2025-11-15', end: '2026-04-02', label: '', grain: 'custom' };
    expect(
      seriesSteps({ grain: 'quarter', within }).map((s) => [s.key, s.period.start, s.period.end]),
    ).toEqual([
      [20254, '2025-11-15', '2026-01-01'],
      [20261, '2026-01-01', '2026-04-01'],
      [20262, '2026-04-01', '2026-04-02'],
    ]);
    expect(seriesSteps({ grain: 'year', within }).map((s) => s.key)).toEqual([2025, 2026]);
    expect(
      seriesSteps({ grain: 'day', within: { ...within, start: '2026-02-27', end: '2026-03-02' } }).map(
        (s) => s.key,
      ),
    ).toEqual([20260227, 20260228, 20260301]);
  });

  it('counts months whole, and a part month as its fraction', () => {
    expect(unitsIn({ start: '2025-12-01', end: '2026-03-01' }, 'month')).toBe(3);
    // 15 Jan – 15 Feb is one month; 15 Feb – 1 Mar is 14 of the 28 days to 15 Mar.
    expect(unitsIn({ start: '2026-01-15', end: '2026-03-01' }, 'month')).toBe(1.5);
    expect(unitsIn({ start: '2026-02-01', end: '2026-03-01' }, 'week')).toBe(4);
    expect(unitsIn({ start: '2026-02-01', end: '2026-03-01' }, 'day')).toBe(28);
  });
});
