import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../../src/language/periods/index.ts';

/** Tuesday 10 March 2026. */
const TODAY = '2026-03-10';

function ranges(text: string, today = TODAY): string[][] {
  return findPeriods(text, today, { fallback: false }).map((m) => [m.period.start, m.period.end]);
}

const range = (text: string, today = TODAY): string[] => {
  const found = ranges(text, today);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('weeks and weekends inside a month', () => {
  it.each([
    ['the last weekend of January', '2026-01-31', '2026-02-02'],
    ['the first weekend of March', '2026-03-07', '2026-03-09'],
    ['the first week of March', '2026-03-02', '2026-03-09'],
    ['the last week of February', '2026-02-23', '2026-03-02'],
    ['the 2nd week of february', '2026-02-09', '2026-02-16'],
    ['the week of the 18th', '2026-02-16', '2026-02-23'],
    ['week 27 of last year', '2025-06-30', '2025-07-07'],
    ['this working week', '2026-03-09', '2026-03-14'],
    ['tuesday of last week', '2026-03-03', '2026-03-04'],
    ['last week monday', '2026-03-02', '2026-03-03'],
    ['the rest of the month', '2026-03-10', '2026-04-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('counts weeks of a month as ISO 8601 does: the first holds the fourth day', () => {
    expect(range('first week of Jan 2015')).toEqual(['2014-12-29', '2015-01-05']);
    expect(range('the first week of Oct', '2016-11-07')).toEqual(['2016-10-03', '2016-10-10']);
    expect(range('last week of Dec 2016')).toEqual(['2016-12-26', '2017-01-02']);
  });

  it('tells "this past wednesday" (the latest one) from "last wednesday" (last week\'s)', () => {
    expect(range('this past wednesday', '2019-01-31')).toEqual(['2019-01-30', '2019-01-31']);
    expect(range('last wednesday', '2019-01-31')).toEqual(['2019-01-23', '2019-01-24']);
  });
});

describe('relative stretches', () => {
  it.each([
    ['the month before last', '2026-01-01', '2026-02-01'],
    ['since the start of December', '2025-12-01', '2026-03-11'],
    ['2 weeks ago', '2026-02-23', '2026-03-02'],
    ['2 weeks and 2 days ago', '2026-02-22', '2026-02-23'],
    ['last fortnight', '2026-02-23', '2026-03-09'],
    ['this fortnight', '2026-03-09', '2026-03-23'],
    ['the past fortnight', '2026-02-25', '2026-03-11'],
    ['within 5 days', '2026-03-10', '2026-03-15'],
    ['for 3 days from today', '2026-03-10', '2026-03-13'],
    ['for 2 weeks starting February 2nd', '2026-02-02', '2026-02-16'],
    ['the 2 weeks before christmas', '2025-12-11', '2025-12-25'],
    ['2 weeks before May 13 1999', '1999-04-29', '1999-04-30'],
    ['the last 3 months and 2 weeks', '2025-11-27', '2026-03-11'],
    ['the 5 past years', '2021-03-11', '2026-03-11'],
    ['the last 2 decades', '2000-01-01', '2020-01-01'],
    ['the first 10 days of last year', '2025-01-01', '2025-01-11'],
    ['the last day of last month', '2026-02-28', '2026-03-01'],
    ['in the last few days', '2026-03-08', '2026-03-11'],
    ['last night', '2026-03-09', '2026-03-10'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('counts business days back from today, skipping the weekend', () => {
    expect(range('the previous 4 business days', '2018-08-21')).toEqual(['2018-08-16', '2018-08-22']);
  });
});

describe('parts of a period', () => {
  it.each([
    ['the end of February', '2026-02-16', '2026-03-01'],
    ['mid-January', '2026-01-10', '2026-01-21'],
    ['early last month', '2026-02-01', '2026-02-16'],
    ['late last year', '2025-07-01', '2026-01-01'],
    ['the beginning of 2025', '2025-01-01', '2025-05-01'],
    ['the middle of 2025', '2025-05-01', '2025-09-01'],
    ['at the end of 2025', '2025-09-01', '2026-01-01'],
    ['earlier this month', '2026-03-01', '2026-03-10'],
    ['late last week', '2026-03-05', '2026-03-09'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('stops "earlier" at the middle and starts "later" at today', () => {
    expect(range('earlier this month', '2026-03-28')).toEqual(['2026-03-01', '2026-03-16']);
    expect(range('later this month', '2026-03-20')).toEqual(['2026-03-20', '2026-04-01']);
  });

  it('starts and ends ranges at the points the parts name', () => {
    expect(range('between the end of 2007 and the end of 2008')).toEqual(['2008-01-01', '2009-01-01']);
    expect(range('from the end of March to the middle of September', '2025-11-07')).toEqual([
      '2025-04-01',
      '2025-09-16',
    ]);
    expect(range('from the middle of 2007 to the end of 2008')).toEqual(['2007-07-02', '2009-01-01']);
  });

  it('reads "late" after a payment as lateness, not as a part of the month', () => {
    expect(ranges('was my rent late this month')).toEqual([['2026-03-01', '2026-04-01']]);
  });
});

describe('days and years written in words', () => {
  it.each([
    ['the ninth of february', '2026-02-09', '2026-02-10'],
    ['february twenty second', '2026-02-22', '2026-02-23'],
    ['on the fourth', '2026-03-04', '2026-03-05'],
    ['from the ninth to the seventeenth of february', '2026-02-09', '2026-02-18'],
    ['in nineteen ninety six', '1996-01-01', '1997-01-01'],
    ['in two thousand and fifteen', '2015-01-01', '2016-01-01'],
    ['on January twenty five nineteen eighty six', '1986-01-25', '1986-01-26'],
    ['the nineteen seventies', '1970-01-01', '1980-01-01'],
    ['the noughties', '2000-01-01', '2010-01-01'],
    ['the twenty first century', '2000-01-01', '2100-01-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('points back at the words as written', () => {
    const text = 'She was born on January twenty five nineteen eighty six.';
    const [m] = findPeriods(text, TODAY, { fallback: false });
    expect(text.slice(m!.index, m!.index + m!.length)).toBe('on January twenty five nineteen eighty six');
  });

  it('reads two-digit years as the latest such year not after today', () => {
    expect(range('12/12/30', '2016-11-07')).toEqual(['1930-12-12', '1930-12-13']);
    expect(range("jan '25")).toEqual(['2025-01-01', '2025-02-01']);
    expect(range('April of 87', '2018-01-07')).toEqual(['1987-04-01', '1987-05-01']);
  });

  it('reads decades, centuries, calendar-year codes and years of other eras', () => {
    expect(range('the nineties')).toEqual(['1990-01-01', '2000-01-01']);
    expect(range('in the 1990 s')).toEqual(['1990-01-01', '2000-01-01']);
    expect(range('this decade')).toEqual(['2020-01-01', '2030-01-01']);
    expect(range('the 15th century')).toEqual(['1400-01-01', '1500-01-01']);
    expect(range('cy2024')).toEqual(['2024-01-01', '2025-01-01']);
    expect(range('year 247')).toEqual(['0247-01-01', '0248-01-01']);
  });

  it('reads months, halves and days written as numbers with spaces or run together', () => {
    expect(range('2016 - 11')).toEqual(['2016-11-01', '2016-12-01']);
    expect(range('11 / 2016')).toEqual(['2016-11-01', '2016-12-01']);
    expect(range('during 2016H2')).toEqual(['2016-07-01', '2017-01-01']);
    expect(range('On 2016 10 16')).toEqual(['2016-10-16', '2016-10-17']);
  });
});

describe('ranges and lists', () => {
  it.each([
    ['between 3 February and 9 March', '2026-02-03', '2026-03-10'],
    ['from January to February', '2026-01-01', '2026-03-01'],
    ['between Jan 2025 and yesterday', '2025-01-01', '2026-03-10'],
    ['from 22/Jan/2025 to today', '2025-01-22', '2026-03-11'],
    ['from april to june in 2017', '2017-04-01', '2017-07-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('borrows a missing year from the other end of the range', () => {
    expect(range('Nov-Feb 5th, 2017', '2018-10-24')).toEqual(['2016-11-01', '2017-02-06']);
    expect(range('from this May to Oct 2020', '2018-10-24')).toEqual(['2018-05-01', '2020-11-01']);
  });

  it('reads "from X and Y" as two periods, not a range', () => {
    expect(ranges('from 2015 and 2016')).toEqual([
      ['2015-01-01', '2016-01-01'],
      ['2016-01-01', '2017-01-01'],
    ]);
  });

  it('gives each day of a list its month', () => {
    expect(ranges('18 and 19 June')).toEqual([
      ['2025-06-18', '2025-06-19'],
      ['2025-06-19', '2025-06-20'],
    ]);
  });

  it('takes the written date over a weekday said beside it', () => {
    expect(range('on Tue May 9', '2018-01-07')).toEqual(['2017-05-09', '2017-05-10']);
    expect(range('sunday the 31st', '2019-01-25')).toEqual(['2017-12-31', '2018-01-01']);
  });
});

describe('words that are not periods', () => {
  it.each([
    'what was the first time I paid Netflix',
    'coffee between 5 and 20 dollars',
    'I spent two thousand on rent',
    'top ten merchants',
  ])('finds nothing in "%s"', (text) => {
    expect(ranges(text)).toEqual([]);
  });
});
