/**
 * Shapes of question answered on the made-up household (test/fixtures/household; Maya's data runs 1 Dec 2025
 * – 3 Mar 2026, today is 5 March 2026). Each question starts a fresh conversation so nothing is carried over;
 * amounts are worked out by hand from the statement rows named beside them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding, type Step } from '../helpers/chat.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
  store = await memoryStore();
  await loadHousehold(store);
});

const maya = () =>
  new Chat({ store, understanding, userId: 'maya', today: HOUSEHOLD_TODAY, now: HOUSEHOLD_NOW });

describe('each shape gets its own figure', () => {
  it.each<Step>([
    // February's spending 4,206.68 less groceries 414.59.
    {
      says: 'leaving groceries aside, how much in february?',
      template: 'SpendingTotal',
      data: { amount: '$3,792.09' },
      text: ['_Spending except groceries · February 2026'],
    },
    // February's spending 4,206.68 less the rent of 2,150.00 (2 Feb, BofA).
    {
      says: 'take out the rent: what did february cost me?',
      template: 'SpendingTotal',
      data: { amount: '$2,056.68' },
      text: ['except rent'],
      notText: ['eating out'],
    },
    // 2 Feb: rent 2,150.00 + Trader Joe's 73.48 (posted 2 Feb) + Spotify 12.99.
    {
      says: 'the most I spent in a single day in February',
      template: 'Trend',
      text: ['biggest spending day in February 2026 was **2 Feb 2026**: $2,236.47'],
      notText: ['1 Feb 2026', '11 November'],
    },
    // Peet's: ten charges, 63.00 in all.
    {
      says: 'how much per visit to peets',
      template: 'AverageTotal',
      text: ['**$6.30** per charge', '10 charges'],
    },
    // Amazon 254.25 over five orders; Target one charge of 63.29 (14 Dec).
    {
      says: 'my amazon total and my target total, one each',
      template: 'SubjectsSideBySide',
      text: ['Amazon: **$254.25** (5 transactions)', 'Target: **$63.29** (1 transaction)'],
    },
    // January 2,766.82 in all: BofA 2,338.16 and the card 428.66.
    {
      says: 'bofa against discover in january: which card did i use more?',
      template: 'SubjectsSideBySide',
      text: ['BofA Checking: **$2,338.16**', 'Discover It: **$428.66**'],
    },
    // The largest card charge: IKEA 1,146.75 on 21 Feb (the rent is paid from checking).
    {
      says: 'biggest card purchase',
      template: 'LargestCharges',
      text: ['**$1,146.75**', 'IKEA', 'your credit cards'],
    },
  ])('$says', async (step) => {
    await play(maya(), [step]);
  });

  it('"groceries last month and my biggest purchase" gets two answers', async () => {
    const turn = await maya().say('groceries last month and my biggest purchase');
    expect(turn.replies.map((r) => r.template)).toEqual(['SpendingTotal', 'LargestCharges']);
    expect(turn.texts[0]).toContain('$414.59');
    expect(turn.texts[1]).toContain('$2,150.00');
  });

  it('"did I spend more in January or February" compares the two months', async () => {
    const turn = await maya().say('did I spend more in January or February');
    expect(turn.texts[0]).toContain('January 2026 vs February 2026');
    expect(turn.texts[0]).toContain('$1,439.86');
  });
});
