import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const LAST_MONTH = '2026-02-01..2026-03-01';
const JANUARY = '2026-01-01..2026-02-01';

describe('two questions in one message travel as query and also', () => {
  it('reads both halves of "how much on groceries and how many times did I eat out"', () => {
    const b = ask('how much on groceries last month and how many times did i eat out').brief;
    expect(b).toMatchObject({ measure: 'spent', include: ['cat:groceries'], periods: [LAST_MONTH] });
    expect(b.also).toMatchObject({
      measure: 'count:spent',
      include: ['cat:eating out'],
      periods: [LAST_MONTH],
    });
  });

  it('reads a second question that is only a period as the first one again', () => {
    const b = ask('what did I spend last month? and the month before?').brief;
    expect(b.periods).toEqual([LAST_MONTH]);
    expect(b.also).toMatchObject({ measure: 'spent', periods: [JANUARY], unplaced: [] });
  });

  it('takes the month before the one named, not the month before last', () => {
    const b = ask('what did i spend in june 2025? and the month before?').brief;
    expect(b.also?.periods).toEqual(['2025-05-01..2025-06-01']);
  });

  it('borrows the first question for "and eating out?"', () => {
    const b = ask('how much on groceries in january? and eating out?').brief;
    expect(b.also).toMatchObject({ include: ['cat:eating out'], periods: [JANUARY] });
  });

  it('reads two full questions with their own subjects', () => {
    const b = ask('what did i spend at amazon this year? also what is my balance').brief;
    expect(b).toMatchObject({ include: ['mer:Amazon'] });
    expect(b.also).toMatchObject({ measure: 'balance' });
  });

  it('names a second question it cannot read instead of dropping it', () => {
    const b = ask('how much did i spend last month? and what is the meaning of life').brief;
    expect(b.also).toBeUndefined();
    expect(b.unplaced.join(' ')).toMatch(/meaning of life/);
  });

  it('reads "X last month, and Y the month before" as two questions', () => {
    const b = ask('groceries last month, and eating out the month before').brief;
    expect(b).toMatchObject({ include: ['cat:groceries'], periods: [LAST_MONTH] });
    expect(b.also).toMatchObject({ include: ['cat:eating out'], periods: [JANUARY] });
  });

  it('folds "compare that with December" into one comparison', () => {
    const b = ask('how much did i spend in january? compare that with december').brief;
    expect(b).toMatchObject({ comparison: 'periods', periods: [JANUARY, '2025-12-01..2026-01-01'] });
    expect(b.also).toBeUndefined();
  });

  it('gives a borrowed question its own default period', () => {
    expect(ask('how much did i spend on coffee? how about uber').brief.also).toMatchObject({
      include: ['mer:Uber'],
      defaulted: 'all-linked',
    });
  });

  it('does not split a list of subjects or periods', () => {
    expect(ask('how much on groceries and eating out in january').brief.also).toBeUndefined();
    expect(ask('what did i spend in january and february').brief.also).toBeUndefined();
    expect(ask('groceries, and eating out last month').brief).toMatchObject({
      include: ['cat:groceries', 'cat:eating out'],
      periods: [LAST_MONTH],
    });
  });
});

describe('a period asked about step by step is a series', () => {
  it.each<[string, Partial<Brief>]>([
    [
      'each month since September, how much on eating out',
      { series: 'month:2025-09-01..2026-03-11', include: ['cat:eating out'] },
    ],
    [
      'show me my spending month by month this year',
      { series: expect.stringMatching(/^month:2026-01-01/) as unknown as string },
    ],
    ['weekly spending on groceries since january', { series: 'week:2026-01-01..2026-03-11' }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('two questions joined in other ways', () => {
  const DECEMBER = '2025-12-01..2026-01-01';
  it.each([
    [
      'how much at starbucks last month & how many times did i go',
      'mer:Starbucks',
      'count:spent',
      'mer:Starbucks',
    ],
    ['my netflix total last month and also my spotify total', 'mer:Netflix', 'spent', 'mer:Spotify'],
    ['how much did i drop at shell last month, and also at amazon', 'mer:Shell', 'spent', 'mer:Amazon'],
    [
      'what did i spend on uber last month and how many rides was that',
      'mer:Uber',
      'count:spent',
      'mer:Uber',
    ],
    ['starbucks spend last month and also how often i went', 'mer:Starbucks', 'count:spent', 'mer:Starbucks'],
  ])('"%s"', (text, first, measure, second) => {
    const b = ask(text).brief;
    expect(b).toMatchObject({ include: [first], periods: [LAST_MONTH], unplaced: [] });
    expect(b.also).toMatchObject({ measure, include: [second], periods: [LAST_MONTH] });
  });

  it.each([
    'how much did i spend on uber in january and lyft in december',
    'uber in january, lyft in december',
    'my uber spend in january and my lyft spend in december',
  ])('"%s" gives each subject its own period, not one sum over both', (text) => {
    const b = ask(text).brief;
    expect(b).toMatchObject({ include: ['mer:Uber'], periods: [JANUARY] });
    expect(b.also).toMatchObject({ include: ['mer:Lyft'], periods: [DECEMBER] });
  });

  it('keeps one question when the halves share a period and a measure ("my uber total and my lyft total")', () => {
    const b = ask('my uber total last month and my lyft total last month').brief;
    expect(b.also).toBeUndefined();
  });

  it('keeps one span for "between january and february"', () => {
    const b = ask('spending on uber between january and february').brief;
    expect(b.also).toBeUndefined();
    expect(b.periods).toEqual(['2026-01-01..2026-03-01']);
  });
});

describe('more ways of putting two questions', () => {
  it.each([
    ['what did i earn and spend in january', 'received', 'spent'],
    ['income and spending for january', 'received', 'spent'],
    ['spending and income in january', 'spent', 'received'],
  ])('"%s" asks for money in and money out, each its own figure', (text, first, second) => {
    const b = ask(text).brief;
    expect(b).toMatchObject({ measure: first, periods: [JANUARY] });
    expect(b.also).toMatchObject({ measure: second, periods: [JANUARY] });
  });

  it('keeps "money in and money out" as one net figure', () => {
    expect(ask('money in and money out in january').brief).toMatchObject({ measure: 'net' });
  });

  it.each([
    [
      'how much did i spend on uber last month, what about the month before',
      'spent',
      ['mer:Uber'],
      [JANUARY],
    ],
    ['how much on groceries last month. and in january?', 'spent', ['cat:groceries'], [JANUARY]],
    ['total for amazon last month and number of orders', 'count:spent', ['mer:Amazon'], [LAST_MONTH]],
  ])('"%s"', (text, measure, include, periods) => {
    const b = ask(text).brief;
    expect(b.periods).toEqual([LAST_MONTH]);
    expect(b.also).toMatchObject({ measure, include, periods });
  });
});
