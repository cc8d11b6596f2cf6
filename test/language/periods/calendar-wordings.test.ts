import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../../src/language/periods/index.ts';

/** Tuesday 10 March 2026. */
const TODAY = '2026-03-10';

function one(text: string, today = TODAY): { start: string; end: string; label: string; said: string } {
  const found = findPeriods(text, today, { fallback: false });
  expect(found, text).toHaveLength(1);
  const m = found[0]!;
  return { ...m.period, said: text.slice(m.index, m.index + m.length) };
}

const range = (text: string, today = TODAY): [string, string] => {
  const p = one(text, today);
  return [p.start, p.end];
};

describe('halves and fortnights of a month', () => {
  it.each([
    ['the first fortnight of January', '2026-01-01', '2026-01-15'],
    ['the second fortnight of February', '2026-02-15', '2026-03-01'],
    ['the last fortnight of january', '2026-01-18', '2026-02-01'],
    ['during the opening fortnight of last month', '2026-02-01', '2026-02-15'],
    ['second half of February', '2026-02-16', '2026-03-01'],
    ['the back half of December', '2025-12-16', '2026-01-01'],
    ['the front half of january', '2026-01-01', '2026-01-16'],
    ['the latter half of last month', '2026-02-16', '2026-03-01'],
    ['the first half of this month', '2026-03-01', '2026-03-16'],
    ["December's first half", '2025-12-01', '2025-12-16'],
    ["last month's second half", '2026-02-16', '2026-03-01'],
    ['the second half of the month', '2026-03-16', '2026-04-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('reads the whole phrase, not "first half" of the year beside "of January"', () => {
    const p = one('spending in the first fortnight of January');
    expect(p.said).toBe('in the first fortnight of January');
    expect(p.label).toBe('the first fortnight of January 2026 (1–14 January 2026)');
    expect(one('second half of March 2026').label).toBe('the second half of March 2026 (16–31 March 2026)');
  });

  it('keeps halves of a year as H1 and H2', () => {
    expect(range('the first half of 2025')).toEqual(['2025-01-01', '2025-07-01']);
    expect(range('the back half of last year')).toEqual(['2025-07-01', '2026-01-01']);
    expect(range('the last fortnight of 2025')).toEqual(['2025-12-18', '2026-01-01']);
  });

  it('takes a yearless month part that has not begun from the year before', () => {
    expect(range('the second half of March')).toEqual(['2025-03-16', '2025-04-01']);
    expect(range('the first half of March')).toEqual(['2026-03-01', '2026-03-16']);
    expect(range('the last weekend of March')).toEqual(['2025-03-29', '2025-03-31']);
    expect(range('the second half of this month')).toEqual(['2026-03-16', '2026-04-01']);
  });

  it('reads mid-month as the 10th to the 20th, not as a half', () => {
    expect(range('mid-January')).toEqual(['2026-01-10', '2026-01-21']);
  });
});

describe('weeks and weekends said with a possessive or "in"', () => {
  it.each([
    ["January's final weekend", '2026-01-31', '2026-02-02'],
    ["over January's last weekend", '2026-01-31', '2026-02-02'],
    ['the final weekend in January', '2026-01-31', '2026-02-02'],
    ['the first weekend of Feb', '2026-02-07', '2026-02-09'],
    ["february's second weekend", '2026-02-14', '2026-02-16'],
    ["last month's final weekend", '2026-02-28', '2026-03-02'],
    ['last week of December', '2025-12-22', '2025-12-29'],
    ["December's last week", '2025-12-22', '2025-12-29'],
    ["this month's second week", '2026-03-09', '2026-03-16'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it.each([
    ['the penultimate weekend of january', '2026-01-24', '2026-01-26'],
    ['the second to last weekend of january', '2026-01-24', '2026-01-26'],
    ['the last but one weekend of december', '2025-12-20', '2025-12-22'],
    ["January's penultimate weekend", '2026-01-24', '2026-01-26'],
    ['the second-to-last week of february', '2026-02-16', '2026-02-23'],
  ])('counts back from the last: "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it.each([
    ['the last full week of february', '2026-02-16', '2026-02-23'],
    ['the first full week of february', '2026-02-02', '2026-02-09'],
    ["january's last full week", '2026-01-19', '2026-01-26'],
  ])('keeps a full week wholly inside the month: "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('reads the weekend before last, and the weekend before or after a holiday', () => {
    expect(range('the weekend before last')).toEqual(['2026-02-28', '2026-03-02']);
    expect(range('the weekend before last', '2026-03-08')).toEqual(['2026-02-21', '2026-02-23']);
    expect(range('the weekend before christmas')).toEqual(['2025-12-20', '2025-12-22']);
    expect(range('the weekend after christmas')).toEqual(['2025-12-27', '2025-12-29']);
  });

  it('names the weekend the same way whichever order it was said in', () => {
    expect(one("January's final weekend").label).toBe(one('the last weekend of January').label);
  });
});

describe('a month said with "month", and the month gone by', () => {
  it.each([
    ['December month', '2025-12-01', '2026-01-01'],
    ['in january month', '2026-01-01', '2026-02-01'],
    ['for the month of February', '2026-02-01', '2026-03-01'],
    ['in the month gone by', '2026-02-01', '2026-03-01'],
    ["over the month that's just passed", '2026-02-01', '2026-03-01'],
    ['the week just gone', '2026-03-02', '2026-03-09'],
    ['the year that has just ended', '2025-01-01', '2026-01-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('takes "December month" whole, so "month" is not left over', () => {
    expect(one('spending December month').said).toBe('December month');
  });

  it('leaves "month by month" after a month to the grouping', () => {
    expect(one('spending december month by month').said).toBe('december');
  });
});

describe('to date, and the end of last month', () => {
  it.each([
    ['so far in 2026', '2026-01-01', '2026-03-11'],
    ['the year so far', '2026-01-01', '2026-03-11'],
    ['this year so far', '2026-01-01', '2026-03-11'],
    ['year to date', '2026-01-01', '2026-03-11'],
    ['so far this year', '2026-01-01', '2026-03-11'],
    ['YTD', '2026-01-01', '2026-03-11'],
    ['the month to date', '2026-03-01', '2026-03-11'],
    ['the week so far', '2026-03-09', '2026-03-11'],
    ['since the end of last month', '2026-03-01', '2026-03-11'],
    ['since the start of December', '2025-12-01', '2026-03-11'],
    ['at the end of last month', '2026-02-16', '2026-03-01'],
    ['as of the end of last month', '2026-02-28', '2026-03-01'],
    ['as at the close of 2025', '2025-12-31', '2026-01-01'],
    ['so far this year as of the end of last month', '2026-01-01', '2026-03-01'],
    ['ytd, as of the end of february', '2026-01-01', '2026-03-01'],
  ])('resolves "%s"', (text, start, end) => {
    expect(range(text)).toEqual([start, end]);
  });

  it('names a point in time by its day', () => {
    expect(one('as of the end of last month').label).toBe('the end of February 2026 (28 Feb 2026)');
  });

  it('keeps "as of" apart from a period it is compared with', () => {
    const found = findPeriods('as of the end of last month vs last year', TODAY, { fallback: false });
    expect(found.map((f) => [f.period.start, f.period.end])).toEqual([
      ['2026-02-28', '2026-03-01'],
      ['2025-01-01', '2026-01-01'],
    ]);
  });
});
