/**
 * What Tally cannot answer from statements is said back, never answered with a figure: orders addressed to it
 * at the start of any clause, advice however it is asked, tax rules, prices of things, other people's money.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { asker, framer } from './helpers.ts';
import type { Frame } from '../../../src/language/types.ts';

let ask: Awaited<ReturnType<typeof asker>>;
let frame: (text: string) => Frame;
beforeAll(async () => {
  ask = await asker();
  frame = await framer();
});

/** Right when the frame says what it could not place, or is not a question about money at all. */
function flagged(text: string): boolean {
  const f = frame(text);
  const u = f.understood;
  const placedNothing = (x: typeof u): boolean =>
    !!x && (x.unplaced.length > 0 || x.unknownNames.length > 0 || placedNothing(x.also));
  return f.intent === 'none' || placedNothing(u);
}

describe('orders addressed to Tally', () => {
  it.each([
    'tally pay the chase sapphire in full',
    'go ahead and move 40 from chase checking to ally savings',
    'you could cancel my spotify for me',
    'i need you to dispute that uber charge',
    'please block the amex gold',
    'reorder the chipotle order from friday',
    'book me a lyft home',
    'lower the limit on my discover',
    'i would like you to freeze my ally savings',
  ])('"%s" is said back', (text) => {
    expect(flagged(text)).toBe(true);
  });

  it.each([
    'what did i spend at amazon last month and pay it off',
    'ally savings balance then move 100 into it',
    'how many lyft rides this week and book one for tomorrow',
  ])('"%s" keeps its question and says the order back', (text) => {
    expect(flagged(text)).toBe(true);
    expect(frame(text).understood).toBeDefined();
  });

  it.each([
    'what did i pay amazon last month',
    'tally up my starbucks visits',
    'how much did i transfer to ally savings in january',
    'order my transactions by amount',
    'show me my payments to oakwood apartments',
  ])('"%s" is a question, not an order', (text) => {
    expect(ask(text).brief.unplaced).toEqual([]);
  });
});

describe('advice, tax, prices and other people', () => {
  it.each([
    'should i switch my savings to another bank',
    'do you think i should cut down on uber',
    'is the amex gold better than the chase sapphire',
    'which bank gives the best interest on savings',
    'is 300 a month on eating out normal',
    'do i have to pay tax on my acme corp salary',
    'is my side income taxable',
    'what tax band am i in',
    'how much vat on a 500 laptop',
    'what does a burrito cost at chipotle',
    'price of a tesco meal deal',
    'how much is petrol per litre right now',
    'whats 20% of my january spending',
    "how much does my girlfriend's netflix cost",
    "what's my brother's balance",
  ])('"%s" is said back', (text) => {
    expect(flagged(text)).toBe(true);
  });

  it.each([
    'how much did i pay in tax last year',
    'how much went on petrol in january',
    'what did my amazon orders cost last month',
  ])('"%s" is answered', (text) => {
    const b = ask(text).brief;
    expect(b.unplaced).toEqual([]);
    expect(b.unknown).toEqual([]);
  });
});
