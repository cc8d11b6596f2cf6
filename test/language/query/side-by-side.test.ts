import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const Q4 = '2025-10-01..2026-01-01';
const LAST_MONTH = '2026-02-01..2026-03-01';

describe('two or more subjects side by side, each with its own figure', () => {
  it.each<[string, Partial<Brief>]>([
    [
      'Chevron or Shell in Q4?',
      { comparison: 'subjects', subjects: [['mer:Chevron'], ['mer:Shell']], periods: [Q4] },
    ],
    [
      'groceries vs eating out last month',
      { comparison: 'subjects', subjects: [['cat:groceries'], ['cat:eating out']], periods: [LAST_MONTH] },
    ],
    [
      'Amex and Chase Sapphire, which did I use more',
      { comparison: 'subjects', subjects: [['acc:Amex Gold'], ['acc:Chase Sapphire']] },
    ],
    [
      'did i spend more at whole foods or trader joes',
      { comparison: 'subjects', subjects: [['mer:Whole Foods Market'], ["mer:Trader Joe's"]] },
    ],
    ['uber versus lyft this year', { comparison: 'subjects', subjects: [['mer:Uber'], ['mer:Lyft']] }],
    ['compare netflix and spotify', { comparison: 'subjects', subjects: [['mer:Netflix'], ['mer:Spotify']] }],
    [
      'coffee compared to eating out in january',
      { comparison: 'subjects', subjects: [['cat:coffee'], ['cat:eating out']] },
    ],
    [
      'starbucks, blue bottle or chipotle last month',
      { comparison: 'subjects', subjects: [['mer:Starbucks'], ['mer:Blue Bottle Coffee'], ['mer:Chipotle']] },
    ],
    [
      'which is more, gas or groceries',
      { comparison: 'subjects', subjects: [['cat:gas'], ['cat:groceries']] },
    ],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));

  it('keeps what the subjects share in the include, and only its own names in each subject', () => {
    const b = ask('groceries at whole foods vs trader joes').brief;
    expect(b.include).toEqual(['cat:groceries']);
    expect(b.subjects).toEqual([['mer:Whole Foods Market'], ["mer:Trader Joe's"]]);
  });

  it('adds names up when nothing compares them', () => {
    const b = ask('how much on groceries and eating out last month').brief;
    expect(b.comparison).toBeUndefined();
    expect(b.include).toEqual(['cat:groceries', 'cat:eating out']);
  });

  it('still compares periods when two periods are named', () => {
    const b = ask('dining feb vs jan').brief;
    expect(b).toMatchObject({ comparison: 'periods', periods: [LAST_MONTH, '2026-01-01..2026-02-01'] });
  });
});
