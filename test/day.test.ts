import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addToMonth, dayNumber, daysBetween } from '../src/day.ts';

describe('dates', () => {
  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('agrees with the calendar for day numbers', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-03-10')).toBe(Date.UTC(2026, 2, 10) / 86_400_000);
    expect(dayNumber('1899-12-31')).toBe(Date.UTC(1899, 11, 31) / 86_400_000);
  });

  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addToMonth('2025-12', 1)).toBe('2026-01');
    expect(addToMonth('2026-01', -1)).toBe('2025-12');
  });
});
