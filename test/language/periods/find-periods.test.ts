import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../../src/language/periods/index.ts';

/** Tuesday 10 March 2026. */
const TODAY = '2026-03-10';

function one(
  text: string,
  today = TODAY,
  weekStartsOn: 0 | 1 = 1,
): { start: string; end: string; label: string; grain: string; said: string } {
  const found = findPeriods(text, today, { weekStartsOn });
  expect(found, text).toHaveLength(1);
  const m = found[0]!;
  return { ...m.period, said: text.slice(m.index, m.index + m.length) };
}

const range = (text: string, today = TODAY) => {
  const p = one(text, today);
  return [p.start, p.end];
};

describe('relative periods', () => {
  it.each([
    ['last month', '2026-02-01', '2026-03-01'],
    ['this month', '2026-03-01', '2026-04-01'],
    ['this week', '2026-03-09', '2026-03-16'],
    ['last week', '2026-03-02', '2026-03-09'],
    ['the week before last', '2026-02-23', '2026-03-02'],
    ['last 30 days', '2026-02-09', '2026-03-11'],
    ['the past 30 days', '2026-02-09', '2026-03-11'],
    ['past 3 months', '2025-12-11', '2026-03-11'],
    ['this past weekend', '2026-03-07', '2026-03-09'],
    ['last weekend', '2026-03-07', '2026-03-09'],
    ['two months ago', '2026-01-01', '2026-02-01'],
    ['3 weeks ago', '2026-02-16', '2026-02-23'],
    ['last quarter', '2025-10-01', '2026-01-01'],
    ['this quarter', '2026-01-01', '2026-04-01'],
    ['last quarter of 2025', '2025-10-01', '2026-01-01'],
    ['last mnth', '2026-02-01', '2026-03-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('names rolling windows with their dates', () => {
    expect(one('the last 30 days').label).toBe('the last 30 days (9 Feb – 10 Mar 2026)');
    expect(one('yesterday').label).toBe('yesterday (9 Mar 2026)');
  });

  it('starts weeks on Sunday when asked', () => {
    expect(findPeriods('this week', TODAY, { weekStartsOn: 0 })[0]?.period.start).toBe('2026-03-08');
  });

  it('on a Sunday, last weekend is the one before the current one', () => {
    expect(range('last weekend', '2026-03-08')).toEqual(['2026-02-28', '2026-03-02']);
    expect(range('this weekend', '2026-03-08')).toEqual(['2026-03-07', '2026-03-09']);
  });

  it('on a Monday, this week starts today and last week is the previous seven days', () => {
    expect(range('this week', '2026-03-09')).toEqual(['2026-03-09', '2026-03-16']);
    expect(range('last week', '2026-03-09')).toEqual(['2026-03-02', '2026-03-09']);
  });

  it('on 1 January, last month and last quarter fall in the previous year', () => {
    expect(range('last month', '2026-01-01')).toEqual(['2025-12-01', '2026-01-01']);
    expect(range('last quarter', '2026-01-01')).toEqual(['2025-10-01', '2026-01-01']);
    expect(range('yesterday', '2026-01-01')).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('clamps month arithmetic at month ends and leap days', () => {
    expect(range('last month', '2026-03-31')).toEqual(['2026-02-01', '2026-03-01']);
    expect(range('past month', '2024-03-31')).toEqual(['2024-03-01', '2024-04-01']);
    expect(range('last year', '2024-02-29')).toEqual(['2023-01-01', '2024-01-01']);
    expect(range('last 12 months', '2024-02-29')).toEqual(['2023-03-01', '2024-03-01']);
  });
});

describe('named periods', () => {
  it.each([
    ['in January', '2026-01-01', '2026-02-01'],
    ['jan', '2026-01-01', '2026-02-01'],
    ['Jan 2026', '2026-01-01', '2026-02-01'],
    ['january 2025', '2025-01-01', '2025-02-01'],
    ['dec', '2025-12-01', '2026-01-01'],
    ['December', '2025-12-01', '2026-01-01'],
    ['March', '2026-03-01', '2026-04-01'],
    ['April', '2025-04-01', '2025-05-01'],
    ['janurary', '2026-01-01', '2026-02-01'],
    ['febuary', '2026-02-01', '2026-03-01'],
    ['Q4 2025', '2025-10-01', '2026-01-01'],
    ['q1', '2026-01-01', '2026-04-01'],
    ['q2', '2025-04-01', '2025-07-01'],
    ['first half of 2025', '2025-01-01', '2025-07-01'],
    ['H2 2025', '2025-07-01', '2026-01-01'],
    ['2025', '2025-01-01', '2026-01-01'],
    ['last year', '2025-01-01', '2026-01-01'],
    ['this year', '2026-01-01', '2027-01-01'],
    ['last January', '2026-01-01', '2026-02-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('labels quarters with their months', () => {
    expect(one('Q4 2025').label).toBe('Q4 2025 (Oct–Dec)');
    expect(one('feb').label).toBe('February 2026');
  });

  it('reads "may" as a month only where a month is expected', () => {
    expect(findPeriods('may I see my spending', TODAY)).toEqual([]);
    expect(range('coffee in may')).toEqual(['2025-05-01', '2025-06-01']);
  });
});

describe('to-date periods end tomorrow so today counts', () => {
  it.each([
    ['YTD', '2026-01-01'],
    ['so far this year', '2026-01-01'],
    ['so far in 2026', '2026-01-01'],
    ['year to date', '2026-01-01'],
    ['since the start of the year', '2026-01-01'],
    ['month to date', '2026-03-01'],
    ['MTD', '2026-03-01'],
    ['since March', '2026-03-01'],
    ['since March 3', '2026-03-03'],
    ['since last friday', '2026-03-06'],
  ])('resolves "%s"', (text, start) => {
    expect(range(text)).toEqual([start, '2026-03-11']);
  });

  it('labels the year so far', () => {
    expect(one('ytd').label).toBe('2026 so far');
  });
});

describe('explicit ranges include their last day', () => {
  it.each([
    ['between 1 and 15 October', '2025-10-01', '2025-10-16'],
    ['from Sept 1 through Sept 30', '2025-09-01', '2025-10-01'],
    ['Jan–Mar', '2026-01-01', '2026-04-01'],
    ['jan-mar', '2026-01-01', '2026-04-01'],
    ['jan to mar 2025', '2025-01-01', '2025-04-01'],
    ['from 3/1 to 3/15', '2026-03-01', '2026-03-16'],
    ['oct 1-15', '2025-10-01', '2025-10-16'],
    ['nov-feb', '2025-11-01', '2026-03-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('labels a range within one month compactly', () => {
    expect(one('between 1 and 15 October').label).toBe('1–15 October 2025');
  });
});

describe('single days', () => {
  it.each([
    ['yesterday', '2026-03-09'],
    ['today', '2026-03-10'],
    ['on the 5th', '2026-03-05'],
    ['on the 20th', '2026-02-20'],
    ['last Friday', '2026-03-06'],
    ['on friday', '2026-03-06'],
    ['march 3rd', '2026-03-03'],
    ['3/5', '2026-03-05'],
    ['2026-02-14', '2026-02-14'],
    ['dec 25', '2025-12-25'],
  ])('resolves "%s"', (text, day) => {
    const p = one(text);
    expect([p.start, p.grain]).toEqual([day, 'day']);
  });

  it('finds the last 29 February in a leap year', () => {
    expect(range('feb 29', '2026-03-10')).toEqual(['2024-02-29', '2024-03-01']);
  });
});

describe('comparisons and positions', () => {
  it.each([
    ['jan vs dec', ['2026-01-01', '2025-12-01']],
    ['December and January', ['2025-12-01', '2026-01-01']],
    ['this month compared to last month', ['2026-03-01', '2026-02-01']],
  ])('finds two periods in "%s"', (text, starts) => {
    expect(findPeriods(text, TODAY).map((m) => m.period.start)).toEqual(starts);
  });

  it('points at the words in the original text', () => {
    const text = 'How much on Coffee LAST MNTH?';
    const [m] = findPeriods(text, TODAY);
    expect(text.slice(m!.index, m!.index + m!.length)).toBe('LAST MNTH');
  });

  it('finds nothing in a message without a period', () => {
    expect(findPeriods('top 5 merchants over $50', TODAY)).toEqual([]);
  });

  it('resolves common phrasings with the fast rules alone, without the recognizer', () => {
    const phrases = [
      'how much did I spend last month',
      'groceries jan vs dec',
      'coffee ytd',
      'eating out the past 30 days',
    ];
    for (const p of phrases) {
      const rulesOnly = findPeriods(p, TODAY, { fallback: false });
      expect(rulesOnly.length).toBeGreaterThan(0);
      expect(rulesOnly).toEqual(findPeriods(p, TODAY));
    }
  });
});

describe('recognizer fallback', () => {
  it('reads phrasings the rules do not know', () => {
    expect(findPeriods('spending on 5.12', TODAY, { fallback: false })).toEqual([]);
    const [m] = findPeriods('spending on 5.12', TODAY);
    expect([m?.period.start, m?.period.end]).toEqual(['2025-05-12', '2025-05-13']);
  });

  it('is not needed for the last week of a month', () => {
    const [m] = findPeriods('spending the last week of february', TODAY, { fallback: false });
    expect([m?.period.start, m?.period.end]).toEqual(['2026-02-23', '2026-03-02']);
  });
});
