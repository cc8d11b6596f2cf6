import { beforeAll, describe, expect, it } from 'vitest';
import { asker, type Brief } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});
const LAST_MONTH = '2026-02-01..2026-03-01';

describe('British and other English', () => {
  it.each<[string, Partial<Brief>]>([
    ['what were my outgoings last month', { measure: 'spent', periods: [LAST_MONTH] }],
    ['how much on petrol this year', { include: ['cat:gas'] }],
    ['how much did i spend on takeaway last month', { include: ['cat:eating out'] }],
    ['what did the food shop cost last month', { include: ['cat:groceries'] }],
    ['how much on the tube in february', { include: ['cat:public transport'] }],
    ['spending from my current account last month', { include: ['acc:Chase Checking'] }],
    [
      'how much did i spend at tesco last fortnight',
      { include: ['mer:Tesco'], periods: ['2026-02-23..2026-03-09'] },
    ],
  ])('"%s"', (text, want) => {
    const { frame, brief } = ask(text);
    expect(brief).toMatchObject(want);
    expect(frame.intent).not.toBe('income');
  });
});

describe('slang for spending', () => {
  it.each<[string, Partial<Brief>]>([
    ['how much did i blow on eating out last month', { measure: 'spent', include: ['cat:eating out'] }],
    ['how much have i burned through this month', { measure: 'spent' }],
    ["what's the damage for february", { measure: 'spent', periods: [LAST_MONTH] }],
    ['how much did i splurge on clothes in december', { measure: 'spent', include: ['cat:clothes'] }],
    ['how much money did i drop on uber last month', { measure: 'spent', include: ['mer:Uber'] }],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));
});

describe('account types in the query', () => {
  it('reads "my credit cards" as every card when none is named', () => {
    expect(ask('how much did i spend on my credit cards last month').brief.include).toEqual([
      'type:credit_card',
    ]);
  });
  it('leaves out every card when told to', () => {
    expect(ask('what did i spend last month not counting credit cards').brief).toMatchObject({
      include: [],
      exclude: ['type:credit_card'],
    });
  });
  it('reads savings as an account type for a balance', () => {
    expect(ask("what's in my savings").brief).toMatchObject({ measure: 'balance' });
  });
});

describe('typos', () => {
  it.each<[string, Partial<Brief>]>([
    ['whole food spending', { include: ['mer:Whole Foods Market'] }],
    ['ammex spending last month', { include: ['acc:Amex Gold'] }],
    ['eatting out last month', { include: ['cat:eating out'] }],
    ['chekcing balance', { measure: 'balance', include: ['acc:Chase Checking'] }],
    [
      'hw much did i spnd on grocries lst month',
      { include: ['cat:groceries'], periods: [LAST_MONTH], unknown: [], unplaced: [] },
    ],
  ])('"%s"', (text, want) => expect(ask(text).brief).toMatchObject(want));

  it('says back a misspelt period it could not read instead of answering another one', () => {
    expect(ask('how much last mnthh').brief.unplaced).toEqual(['mnthh']);
  });

  it('reads a period word one slip away as that period', () => {
    expect(ask('how much last mnoth').brief).toMatchObject({ periods: [LAST_MONTH], unplaced: [] });
  });
});
