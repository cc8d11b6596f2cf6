import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const LAST_MONTH = '2026-02-01..2026-03-01';
const THIS_YEAR = '2026-01-01..2027-01-01';
const LAST_YEAR = '2025-01-01..2026-01-01';

describe('one step of a series, ranked', () => {
  it.each<[string, Partial<Brief>]>([
    ['the least i spent in a week', { measure: 'spent', ranking: 'bottom 1' }],
    ['most we spent in one month last year', { series: `month:${LAST_YEAR}`, ranking: 'top 1' }],
    ['the cheapest week i had this year', { series: `week:${THIS_YEAR}`, ranking: 'bottom 1' }],
    ['heaviest spending week last month', { series: `week:${LAST_MONTH}`, ranking: 'top 1' }],
    ['the month i spent the most on coffee', { groupBy: 'month', ranking: 'top 1', periods: [] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));

  it('reads "in a week" next to a superlative as a step, not a rate', () => {
    const b = ask('the least i spent in a week').brief;
    expect(b.series).toMatch(/^week:/);
    expect(b.measure).not.toMatch(/average/);
  });
});

describe('top-ups are money put on a phone, not a ranking', () => {
  it.each([
    'phone top-ups last month',
    'how much on phone top ups this year',
    'any mobile top ups in january',
  ])('"%s"', (text) => {
    const b = ask(text).brief;
    expect(b.ranking).toBeUndefined();
    expect(b.series).toBeUndefined();
    expect(b.include).toEqual(['cat:phone']);
  });
});

describe('amount limits in other words', () => {
  it.each<[string, string]>([
    ['anything north of $200 last month', '20001..'],
    ['transactions of $250 and above', '25000..'],
    ['purchases over a grand this year', '100001..'],
    ['charges over 2 grand', '200001..'],
    ['payments south of 10 quid', '..999'],
  ])('"%s" is %s', (text, amount) => {
    const b = ask(text).brief;
    expect(b.amount).toBe(amount);
    expect(b.form).toBe('list');
  });
});

describe('lists and counts in other words', () => {
  it.each<[string, Partial<Brief>]>([
    ['every charge from amazon in january', { form: 'list', include: ['mer:Amazon'] }],
    ['my spotify payments last year one by one', { form: 'list', measure: 'spent' }],
    ['what did i buy on my chase sapphire yesterday', { form: 'list', include: ['acc:Chase Sapphire'] }],
    ['tally up my starbucks visits this year', { measure: 'count:spent', include: ['mer:Starbucks'] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('money from a payer named like one', () => {
  it.each([
    'total from acme corp last year',
    'how much from acme corp in january',
    'the largest payment from acme corp',
  ])('"%s" is money in', (text) => expect(ask(text).brief.measure).toMatch(/received/));

  it('keeps spending at a payer said outright as spending', () => {
    expect(ask('how much did i spend at acme corp last year').brief.measure).toBe('spent');
  });
});

describe('series asked in other words', () => {
  it.each<[string, Partial<Brief>]>([
    ['year by year spending', {}],
    ['how has my coffee spending changed since january', { include: ['cat:coffee'] }],
  ])('"%s" is a series', (text, want) => {
    const b = ask(text).brief;
    expect(b).toMatchObject(want);
    expect(b.series).toBeDefined();
  });
});

describe('things Tally cannot do or know are said back, never answered', () => {
  it.each([
    'open a new savings account for me',
    'freeze my chase sapphire card',
    'order me an uber',
    'how much is my house worth',
    'how many shares of amazon do i own',
    'any ideas for christmas?',
    'find me a cheaper energy deal',
    'i want to stop paying for netflix',
    'what does a typical family spend on food',
    'is my rent too high',
    'is my grocery spending normal',
    'is my rent ok',
    'whats the best credit card for travel',
    'drop my gym membership',
    'what do people my age spend on rent',
    'can you help me save for a house',
  ])('"%s"', (text) => {
    const { frame, brief } = ask(text);
    expect(frame.intent === 'none' || brief.unplaced.length + brief.unknown.length > 0).toBe(true);
  });
});
