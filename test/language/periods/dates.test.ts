import { describe, expect, it } from 'vitest';
import {
  addYearsTo,
  daysInYear,
  isoWeekStart,
  isValidDay,
  midpoint,
  monthEnd,
  monthStart,
  nthWeekday,
  onOrAfter,
  onOrBefore,
  weekday,
  weekStart,
} from '../../../src/language/periods/dates.ts';

describe('calendar helpers for the period rules', () => {
  it('finds the nth and the last weekday of a month', () => {
    expect(nthWeekday(2025, 11, 4, 4)).toBe('2025-11-27');
    expect(nthWeekday(2026, 9, 1, 1)).toBe('2026-09-07');
    expect(nthWeekday(2026, 5, 1, -1)).toBe('2026-05-25');
    expect(nthWeekday(2026, 2, 1, 5)).toBeUndefined();
  });

  it('steps to the weekday on or around a date', () => {
    expect(onOrBefore('2026-03-10', 5)).toBe('2026-03-06');
    expect(onOrBefore('2026-03-06', 5)).toBe('2026-03-06');
    expect(onOrAfter('2026-03-10', 6)).toBe('2026-03-14');
    expect(weekday('2026-03-10')).toBe(2);
  });

  it('starts weeks on Monday or Sunday', () => {
    expect(weekStart('2026-03-10', 1)).toBe('2026-03-09');
    expect(weekStart('2026-03-10', 0)).toBe('2026-03-08');
    expect(weekStart('2026-03-08', 1)).toBe('2026-03-02');
  });

  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeekStart(2015, 1)).toBe('2014-12-29');
    expect(isoWeekStart(2019, 1)).toBe('2018-12-31');
    expect(isoWeekStart(2017, 27)).toBe('2017-07-03');
  });

  it('knows month ends, leap years and real days', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthStart('2026-03-31', -1)).toBe('2026-02-01');
    expect(daysInYear(2024)).toBe(366);
    expect(isValidDay(2026, 2, 29)).toBe(false);
    expect(addYearsTo('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('puts the middle of a range at half its days, rounded down', () => {
    expect(midpoint('2007-01-01', '2008-01-01')).toBe('2007-07-02');
    expect(midpoint('2016-03-01', '2016-04-01')).toBe('2016-03-16');
  });
});
