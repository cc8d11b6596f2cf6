import { describe, expect, it } from 'vitest';
import { worthRecognizing } from '../../../src/language/periods/fallback.ts';
import { findPeriods } from '../../../src/language/periods/index.ts';
import { normalise } from '../../../src/language/periods/normalise.ts';

const worth = (text: string) => worthRecognizing(normalise(text), []);

describe('the recognizer is called only when something date-like is left', () => {
  it.each([
    'my 3 biggest categories',
    'any transactions over 1000',
    'what gets billed every month',
    'month by month eating out',
    'show spending month over month',
    'unlink the capital one card',
    'charged two times',
    'charged 2x at starbucks',
    'good day',
    'what year is it',
    'pls delete my data now',
  ])('not for "%s"', (text) => {
    expect(worth(text)).toBe(false);
  });

  it.each(['this summer', 'march 3', 'spent 3 days ago', 'at 10:30', 'in 2019', 'around the 5th'])(
    'for "%s"',
    (text) => {
      expect(worth(text)).toBe(true);
    },
  );

  it('never reads "now" or a bare amount as a period', () => {
    expect(findPeriods('pls delete my data now', '2026-03-10')).toEqual([]);
    expect(findPeriods('how much can i spend right now', '2026-03-10')).toEqual([]);
    expect(findPeriods('any transactions over 1000', '2026-03-10')).toEqual([]);
  });

  it('still reads "now" at the start of a range as today', () => {
    const [m] = findPeriods('between now and November 15th', '2019-04-23', { fallback: false });
    expect([m?.period.start, m?.period.end]).toEqual(['2019-04-23', '2019-11-16']);
  });
});
