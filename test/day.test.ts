import { TZDate } from '@date-fns/tz';
import { addDays as addDaysFns, addMonths as addMonthsFns, differenceInCalendarDays } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addToMonth,
  dateToDay,
  dayNumber,
  daysBetween,
  dayToDate,
  fromDayInt,
  localDay,
  toDayInt,
} from '../src/day.ts';

describe('dates', () => {
  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('counts the same days as date-fns over four years of pairs', () => {
    for (let i = 0; i < 1461; i += 7) {
      const a = addDays('2023-01-01', i);
      const b = addDays(a, (i % 97) - 40);
      expect(daysBetween(a, b), `${a} → ${b}`).toBe(differenceInCalendarDays(dayToDate(b), dayToDate(a)));
    }
  });

  it('agrees with the calendar for day numbers', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-03-10')).toBe(Date.UTC(2026, 2, 10) / 86_400_000);
    expect(dayNumber('1899-12-31')).toBe(Date.UTC(1899, 11, 31) / 86_400_000);
  });

  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addToMonth('2025-12', 1)).toBe('2026-01');
    expect(addToMonth('2026-01', -1)).toBe('2025-12');
  });

  it('keeps years before 100 as written rather than reading them as 19xx', () => {
    expect(dateToDay(dayToDate('0050-03-01'))).toBe('0050-03-01');
    expect(addDays('0247-12-31', 1)).toBe('0248-01-01');
  });

  it('converts between ISO days and the integers the database keeps', () => {
    expect(toDayInt('2026-02-01')).toBe(20260201);
    expect(fromDayInt(20260201)).toBe('2026-02-01');
  });
});

describe('day arithmetic does not depend on the server clock zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['America/New_York', 'Europe/London', 'America/Sao_Paulo', 'Australia/Lord_Howe'])(
    'adds days across a daylight-saving change with the server in %s',
    (zone) => {
      process.env.TZ = zone;
      expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
      expect(addDays('2026-10-24', 14)).toBe('2026-11-07');
      expect(addDays('2026-04-04', 1)).toBe('2026-04-05');
      expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
      expect(daysBetween('2026-10-01', '2026-11-01')).toBe(31);
    },
  );
});

describe("the user's day", () => {
  const instant = new Date('2026-03-10T03:30:00Z');

  it('is the calendar day in the user’s time zone', () => {
    expect(localDay(instant, 'America/New_York')).toBe('2026-03-09');
    expect(localDay(instant, 'Asia/Tokyo')).toBe('2026-03-10');
    expect(localDay(new Date('2026-03-10T23:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-03-11');
  });

  it('is the day a TZDate gives, through a year, at every minute around each offset change, odd offsets too', () => {
    const zones = [
      'America/Los_Angeles',
      'America/St_Johns',
      'Europe/London',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'America/Santiago',
    ];
    const misses: string[] = [];
    const check = (at: number, zone: string) => {
      const expected = dateToDay(new TZDate(at, zone));
      if (localDay(new Date(at), zone) !== expected) misses.push(`${zone} ${new Date(at).toISOString()}`);
    };
    const offset = (at: number, zone: string) => new TZDate(at, zone).getTimezoneOffset();
    const step = 53 * 60_000;
    // Zones interleaved, so each is asked about between the others' instants.
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += step) {
      for (const zone of zones) check(at, zone);
      for (const zone of zones) {
        // Around each change of offset, every minute, so kept days are read back across it too.
        if (offset(at, zone) !== offset(at + step, zone))
          for (let near = at; near < at + step; near += 60_000) check(near, zone);
      }
    }
    expect(misses).toEqual([]);
  });

  it('falls back to the user’s own clock, then UTC, when the zone is unknown', () => {
    expect(localDay(instant, 'Not/AZone', '2026-03-11T01:00:00+05:00')).toBe('2026-03-11');
    expect(localDay(instant, 'Not/AZone')).toBe('2026-03-10');
    expect(localDay(instant)).toBe('2026-03-10');
  });
});

describe('adding days and months on the calendar fields', () => {
  it('gives the days date-fns gives on local dates, month ends, leap years and odd input included', () => {
    const days = [
      '2024-02-29',
      '2025-01-31',
      '2026-03-29',
      '2026-10-25',
      '2026-12-31',
      '1900-02-28',
      '2000-02-29',
    ];
    days.push('0099-12-31', '0100-01-01', '2026-02-30', '2026-13-01', 'not a day');
    for (const day of days)
      for (const n of [-400, -13, -12, -1, 0, 1, 11, 12, 13, 366, 0.5, NaN]) {
        expect(addDays(day, n), `${day} + ${n} days`).toBe(dateToDay(addDaysFns(dayToDate(day), n)));
        expect(addMonths(day, n), `${day} + ${n} months`).toBe(dateToDay(addMonthsFns(dayToDate(day), n)));
      }
  });
});
