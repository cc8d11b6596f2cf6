import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../../src/language/periods/index.ts';
import { correctPeriodWord } from '../../../src/language/periods/typos.ts';

/** Tuesday 10 March 2026. */
const TODAY = '2026-03-10';

const ranges = (text: string) =>
  findPeriods(text, TODAY, { fallback: false }).map((m) => [
    m.period.start,
    m.period.end,
    text.slice(m.index, m.index + m.length),
  ]);

describe('misspelt period words', () => {
  it.each([
    ['groceries decembr', '2025-12-01', '2026-01-01', 'decembr'],
    ['febuary spending', '2026-02-01', '2026-03-01', 'febuary'],
    ['janury', '2026-01-01', '2026-02-01', 'janury'],
    ['septmber', '2025-09-01', '2025-10-01', 'septmber'],
    ['restaurants in decmeber', '2025-12-01', '2026-01-01', 'in decmeber'],
    ['amazon novmbr', '2025-11-01', '2025-12-01', 'novmbr'],
    ['spending this yaer', '2026-01-01', '2027-01-01', 'this yaer'],
    ['what did i spend yesterdy', '2026-03-09', '2026-03-10', 'yesterdy'],
    ['groceries lsat month', '2026-02-01', '2026-03-01', 'lsat month'],
    ['how much this moth', '2026-03-01', '2026-04-01', 'this moth'],
    ['uber last fridya', '2026-03-06', '2026-03-07', 'last fridya'],
    ['spent in marhc 2025', '2025-03-01', '2025-04-01', 'in marhc 2025'],
    ['the frist week of february', '2026-02-02', '2026-02-09', 'the frist week of february'],
    ['over the last wekend', '2026-03-07', '2026-03-09', 'over the last wekend'],
    ['what did i spend on chrismas', '2025-12-25', '2025-12-26', 'on chrismas'],
  ])('reads "%s" as a period, consuming the misspelt word', (text, start, end, said) => {
    expect(ranges(text)).toEqual([[start, end, said]]);
  });

  it.each([
    'spent on frida',
    'how much at marsh',
    'groceries marhc',
    'on fridya',
    'in augusta',
    'the last match',
    'my mouth hurts',
    'a moth ate my jumper',
    'last fortnite purchase',
    'I had a weak moment',
    'dinner on mondays',
  ])('leaves ordinary words and names in "%s" alone', (text) => {
    expect(ranges(text)).toEqual([]);
  });
});

describe('correctPeriodWord', () => {
  it('corrects a long period word by up to two edits, a short one by one', () => {
    expect(correctPeriodWord('novmbr', '')).toEqual({ word: 'november', weak: false });
    expect(correctPeriodWord('marhc', '')).toEqual({ word: 'march', weak: true });
    expect(correctPeriodWord('mrhc', '')).toBeUndefined();
  });

  it('reaches four-letter words only by a swap of neighbours', () => {
    expect(correctPeriodWord('yaer', 'this ')).toEqual({ word: 'year', weak: true });
    expect(correctPeriodWord('yeer', '')).toBeUndefined();
  });

  it('never corrects an ordinary word unless a unit is expected right after "this" or "last"', () => {
    expect(correctPeriodWord('mouth', 'my ')).toBeUndefined();
    expect(correctPeriodWord('mouth', 'spent last ')).toEqual({ word: 'month', weak: false });
    expect(correctPeriodWord('match', 'the last ')).toBeUndefined();
  });

  it('does not read a period word with a letter added as a slip ("augusta")', () => {
    expect(correctPeriodWord('augusta', '')).toBeUndefined();
  });
});
