import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});

describe('no period named: none is invented, and the default says which kind', () => {
  it.each<[string, Partial<Brief>]>([
    ['how much did Best Buy cost me', { periods: [], defaulted: 'all-linked', include: ['mer:Best Buy'] }],
    ['what have i spent on the amex', { periods: [], defaulted: 'latest-complete-month' }],
    ['how much on coffee', { periods: [], defaulted: 'latest-complete-month' }],
    ['how many times have i been to starbucks', { periods: [], defaulted: 'all-linked' }],
    ['my average grocery bill', { periods: [], defaulted: 'all-linked' }],
    ['my biggest purchase ever', { periods: [], defaulted: 'all-linked' }],
    ['how much have i spent so far', { periods: [], defaulted: 'month-to-date' }],
    ['my spending', { periods: [], defaulted: 'latest-complete-month' }],
    ['break down my spending', { periods: [], defaulted: 'latest-complete-month', form: 'breakdown' }],
    ['how much have i spent in total', { periods: [], defaulted: 'all-linked' }],
    ['groceries vs eating out', { periods: [], defaulted: 'latest-complete-month', comparison: 'subjects' }],
    ['uber vs lyft', { periods: [], defaulted: 'all-linked', comparison: 'subjects' }],
    ['which month did i spend the most', { periods: [], defaulted: 'all-linked' }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));

  it('needs no period for a balance', () => {
    expect(ask('what is my balance').brief.defaulted).toBeUndefined();
  });

  it('keeps a named period and sets no default', () => {
    expect(ask('how much did best buy cost me last year').brief).toMatchObject({
      periods: ['2025-01-01..2026-01-01'],
    });
    expect(ask('how much did best buy cost me last year').brief.defaulted).toBeUndefined();
  });
});
