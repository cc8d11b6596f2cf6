import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const LAST_MONTH = '2026-02-01..2026-03-01';
const JANUARY = '2026-01-01..2026-02-01';

describe('superlatives', () => {
  it.each<[string, Partial<Brief>]>([
    [
      'which month did i spend least on eating out',
      {
        groupBy: 'month',
        ranking: 'bottom 1',
        include: ['cat:eating out'],
        form: 'breakdown',
        defaulted: 'all-linked',
      },
    ],
    ['what month was my spending highest', { groupBy: 'month', ranking: 'top 1' }],
    ['which day of the week do i spend the most', { groupBy: 'weekday', ranking: 'top 1' }],
    [
      'which card did i use the most last year',
      { groupBy: 'account', ranking: 'top 1', periods: ['2025-01-01..2026-01-01'] },
    ],
    ['where do i spend the most money', { groupBy: 'merchant', ranking: 'top 1' }],
    ['my biggest purchase in January', { measure: 'largest:spent', periods: [JANUARY], form: 'figure' }],
    [
      'what was the largest single charge on the amex',
      { measure: 'largest:spent', include: ['acc:Amex Gold'] },
    ],
    ['my 3 biggest purchases last month', { form: 'list', ranking: 'top 3', periods: [LAST_MONTH] }],
    ['smallest transaction this year', { form: 'list', ranking: 'bottom 1' }],
    ['bottom 3 categories last month', { groupBy: 'category', ranking: 'bottom 3' }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('thresholds', () => {
  it.each<[string, Partial<Brief>]>([
    ['anything over 500 last month', { form: 'list', amount: '50001..', periods: [LAST_MONTH] }],
    ['big purchases over a hundred dollars', { form: 'list', amount: '10001..' }],
    ['purchases of $50 or more last month', { form: 'list', amount: '5000..' }],
    [
      'any Whole Foods trips over $100',
      { form: 'list', include: ['mer:Whole Foods Market'], amount: '10001..', unplaced: [], unknown: [] },
    ],
    ['charges under 20 bucks last month', { form: 'list', amount: '..1999', periods: [LAST_MONTH] }],
    ['purchases between 20 and 50 dollars', { form: 'list', amount: '2000..5000' }],
    ['how much did i spend on purchases over $100 in january', { form: 'figure', amount: '10001..' }],
    ['show me amazon orders above $30', { form: 'list', include: ['mer:Amazon'], amount: '3001..' }],
    ['did i spend more than $500 on groceries last month', { include: ['cat:groceries'], form: 'figure' }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));

  it('reads an amount about the total as no filter', () => {
    expect(ask('did i spend more than $500 on groceries last month').brief.amount).toBeUndefined();
  });
});

describe('counts', () => {
  it.each<[string, Partial<Brief>]>([
    [
      'how many times did i eat out last month',
      { measure: 'count:spent', include: ['cat:eating out'], periods: [LAST_MONTH] },
    ],
    ['how often do i go to starbucks', { measure: 'count:spent', include: ['mer:Starbucks'] }],
    ['number of uber rides in january', { measure: 'count:spent', include: ['mer:Uber'] }],
    ['how many purchases over $50 this month', { measure: 'count:spent', amount: '5001..' }],
    ['how many times did acme pay me this year', { measure: 'count:received', include: ['mer:Acme Corp'] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('averages', () => {
  it.each<[string, Partial<Brief>]>([
    ['average daily spend last month', { measure: 'average:spent/day', periods: [LAST_MONTH] }],
    [
      'how much do i spend on coffee on average per week',
      { measure: 'average:spent/week', include: ['cat:coffee'] },
    ],
    [
      'what do i usually spend on groceries a month',
      { measure: 'average:spent/month', include: ['cat:groceries'] },
    ],
    ['average amazon order', { measure: 'average:spent/transaction', include: ['mer:Amazon'] }],
    [
      'my monthly average for eating out in 2025',
      { measure: 'average:spent/month', periods: ['2025-01-01..2026-01-01'] },
    ],
    ['how much do i spend a week on uber', { measure: 'average:spent/week', include: ['mer:Uber'] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('income, named payers, net and saved', () => {
  it.each<[string, Partial<Brief>]>([
    [
      'how much did Acme pay me last month',
      { measure: 'received', include: ['mer:Acme Corp'], periods: [LAST_MONTH], unknown: [] },
    ],
    ['income from acme this year', { measure: 'received', include: ['mer:Acme Corp'] }],
    ['how much did i earn in january', { measure: 'received', periods: [JANUARY] }],
    ['how much did i save last month', { measure: 'saved', periods: [LAST_MONTH] }],
    ['what was my net cash flow in january', { measure: 'net', periods: [JANUARY] }],
    ['did i spend more than i earned last month', { measure: 'net' }],
    ['whats my balance on the chase checking', { measure: 'balance', include: ['acc:Chase Checking'] }],
    ['money in minus money out last month', { measure: 'net', periods: [LAST_MONTH], unplaced: [] }],
    ['income vs spending last month', { measure: 'net', periods: [LAST_MONTH] }],
    ['how much did i save on average per month', { measure: 'saved' }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));

  it('routes a payer question to income', () => {
    expect(ask('how much did Acme pay me last month').frame.intent).toBe('income');
  });
});

describe('series', () => {
  it.each<[string, Partial<Brief>]>([
    ['what did i spend each month since september', { series: 'month:2025-09-01..2026-03-11', periods: [] }],
    [
      'groceries every week this month',
      { series: 'week:2026-03-01..2026-04-01', include: ['cat:groceries'] },
    ],
    ['spending trend over the last year', { series: expect.stringMatching(/^month:/) as unknown as string }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});
