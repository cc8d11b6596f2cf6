import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const LAST_MONTH = '2026-02-01..2026-03-01';

describe('exclusions go to filters.exclude, not to the subject', () => {
  it.each<[string, Partial<Brief>]>([
    [
      'everything but rent last month',
      { include: [], exclude: ['cat:rent'], periods: [LAST_MONTH], unplaced: [], unknown: [] },
    ],
    [
      'food except groceries in january',
      { include: ['cat:food'], exclude: ['cat:groceries'], periods: ['2026-01-01..2026-02-01'] },
    ],
    ['spending without Amazon last month', { include: [], exclude: ['mer:Amazon'], periods: [LAST_MONTH] }],
    ['how much did i spend not counting the Amex', { include: [], exclude: ['acc:Amex Gold'] }],
    ['total spending excluding transfers', { include: [], exclude: ['cat:transfers'] }],
    [
      'what did i spend apart from rent and groceries',
      { include: [], exclude: ['cat:rent', 'cat:groceries'] },
    ],
    ['shopping other than amazon this year', { include: ['cat:shopping'], exclude: ['mer:Amazon'] }],
    ['all my spending minus the rent', { include: [], exclude: ['cat:rent'] }],
    ['everything bar the rent in february', { include: [], exclude: ['cat:rent'], periods: [LAST_MONTH] }],
    ['eating out but not chipotle', { include: ['cat:eating out'], exclude: ['mer:Chipotle'] }],
    [
      'how much went on food, leaving out whole foods',
      { include: ['cat:food'], exclude: ['mer:Whole Foods Market'] },
    ],
    [
      'excluding rent, what did i spend last month',
      { include: [], exclude: ['cat:rent'], periods: [LAST_MONTH] },
    ],
    ['non-grocery spending last month', { include: [], exclude: ['cat:groceries'] }],
    ['spending that isnt groceries', { include: [], exclude: ['cat:groceries'] }],
    ['break down last month without rent', { include: [], exclude: ['cat:rent'], form: 'breakdown' }],
    ['how much on my cards besides the discover it', { exclude: ['acc:Discover It'] }],
    ['what have i spent w/o uber and lyft', { include: [], exclude: ['mer:Uber', 'mer:Lyft'] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));

  it('takes excluded names out of the frame entities too', () => {
    const { frame } = ask('everything but rent last month');
    expect(frame.categories).toEqual([]);
  });

  it('names an exclusion of something unknown instead of ignoring it', () => {
    const b = ask('everything except hobbies last month').brief;
    expect(b.unplaced.join(' ') + b.unknown.join(' ')).toMatch(/hobbies/);
  });
});
