import { beforeAll, describe, expect, it } from 'vitest';
import { asker, framer } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
let frameOf: Awaited<ReturnType<typeof framer>>;
beforeAll(async () => {
  ask = await asker();
  frameOf = await framer();
});

describe('meaningful words the query cannot hold are named in unplaced', () => {
  it.each<[string, RegExp]>([
    ['which subscriptions should i cancel', /cancel/],
    ['forecast my spending for next month', /forecast|next month/],
    ['how much will i spend next month', /next month|will i spend/],
    ['what percentage of my income goes on rent', /percent/],
    ['when did i last pay netflix', /when did/],
    ['how much do i tip at restaurants', /tip/],
    ['how much did i get in refunds last month', /refund/],
    ['what did my wife spend last month', /my wife/],
    ['pay my amex bill', /pay/],
  ])('"%s"', (text, word) => {
    // Either the message is not taken for a question about money at all, or what was not placed is named.
    const frame = frameOf(text);
    const flagged = word.test(frame.understood?.unplaced.join(' ') ?? '');
    expect(
      frame.intent === 'none' || flagged,
      `${frame.intent}: ${JSON.stringify(frame.understood?.unplaced)}`,
    ).toBe(true);
  });
});

describe('names that match nothing in the data are unknown, never something else', () => {
  it.each<[string, string, string[]]>([
    ['how much did i spend at costco last month', 'costco:merchant', []],
    ['costco spending this year', 'costco:merchant', []],
    ['how much did Globex pay me', 'globex:payer', []],
    ['what did i spend at Target', 'target:merchant', []],
    ['any charges from wawa', 'wawa:merchant', []],
    ['how much on my capital one card', 'capital one:account', []],
    ['how much did i spend at home depot', 'home depot:merchant', []],
    ['how much in total at shake shack and five guys', 'five guys:merchant', ['Shake Shack']],
    ['what did i pay my landlord', 'landlord:merchant', []],
    ['how much did the moon cost', 'moon:merchant', []],
    ['how much did my boss pay me', 'boss:payer', []],
  ])('"%s" → %s', (text, name, merchants) => {
    const { frame } = ask(text);
    expect(frame.understood?.unknownNames.map((n) => `${n.text.toLowerCase()}:${n.kind}`)).toContain(name);
    expect(frame.merchants).toEqual(merchants);
    expect(frame.accounts).toEqual([]);
  });

  it('flags an unknown category word after "on"', () => {
    expect(ask('how much did i spend on hobbies last month').frame.understood?.unknownNames).toEqual([
      { text: 'hobbies', kind: 'category' },
    ]);
  });
});

describe('ordinary words are never read as names', () => {
  it.each<[string]>([
    ['how does my spending stack up against last month'],
    ['what is draining my account'],
    ['put it on the table, what did i spend last month'],
    ['forget it, how much did i spend this week'],
    ['how much did i shell out last month'],
    ['did my spending add up to much in january'],
  ])('"%s"', (text) => {
    const frame = frameOf(text);
    expect(frame.merchants).toEqual([]);
    expect(frame.accounts).toEqual([]);
    expect(frame.categories).toEqual([]);
    expect(frame.understood?.unknownNames ?? []).toEqual([]);
  });

  it('still reads the names people mean, typos included', () => {
    expect(ask('how much at starbux last month').frame.merchants).toEqual(['Starbucks']);
    expect(ask('amazn orders in january').frame.merchants).toEqual(['Amazon']);
    expect(ask('what went on the chase saphire this month').frame.accounts).toEqual([2]);
    expect(ask('what did i put on my discover it card').frame.accounts).toEqual([4]);
    expect(ask('how much at shake shack').frame.merchants).toEqual(['Shake Shack']);
  });
});

describe('answerable questions leave nothing unplaced', () => {
  it.each<[string]>([
    ['how much did i spend on groceries last month'],
    ['top 5 merchants this year'],
    ['what did i spend at whole foods in january'],
    ['how much have i spent on eating out since september'],
    ['show my amazon transactions'],
    ['hw much on coffee last mnth'],
    ['how much did i spend with my amex in february'],
    ['whats my spending been like this week'],
  ])('"%s"', (text) => {
    const u = ask(text).frame.understood;
    expect(u?.unplaced).toEqual([]);
    expect(u?.unknownNames).toEqual([]);
  });
});
