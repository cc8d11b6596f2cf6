/**
 * Questions answered from their query on the made-up household (test/fixtures/household; Maya's data runs
 * 1 Dec 2025 – 3 Mar 2026, today is 5 March 2026): every answer shows its working, a question with no period
 * gets one chosen from the data and says so, follow-ups edit the last query, and names or words that are not
 * understood get no figure. Amounts are worked out by hand from the statement rows named beside them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
  store = await memoryStore();
  await loadHousehold(store);
});

const maya = (today = HOUSEHOLD_TODAY) =>
  new Chat({ store, understanding, userId: 'maya', today, now: HOUSEHOLD_NOW });
const MONEY = /\$\d/;

describe('answers show their working', () => {
  it('food, then without groceries, then just the card, then last year, then the transactions', async () => {
    await play(maya(), [
      // Groceries 414.59 + eating out 286.16 + Peet's 6.45 + 6.45 + 5.95.
      {
        says: 'how much did I spend on food last month',
        template: 'SpendingTotal',
        data: { amount: '$719.60', period: 'February 2026' },
        text: ['_Spending on food · February 2026 · both accounts_'],
      },
      // Lucca Osteria 64.18 twice + Camino Bistro 142.60 + Chipotle 15.20 + Peet's 18.85.
      {
        says: 'and without groceries?',
        template: 'SpendingTotal',
        data: { amount: '$305.01', subject: 'on food except groceries' },
        text: ['_Spending on food except groceries · February 2026 · both accounts_'],
      },
      // All of it is on the card.
      {
        says: 'just the Discover It',
        template: 'SpendingTotal',
        data: { amount: '$305.01', accounts: 'on Discover It' },
        text: ['_Spending on food except groceries · February 2026 · Discover It_'],
      },
      // December on the card: Peet's 6.45 + 5.95 + 6.45, Lucca Osteria 58.40, Chipotle 14.85, Sweetgreen 16.25.
      {
        says: 'what about last year?',
        template: 'SpendingTotal',
        data: { amount: '$108.35', period: '2025' },
        text: ['· 2025 (your data starts 2 Dec 2025) · Discover It_'], // the card's first row: Spotify, 2 Dec
      },
      {
        says: 'show me those',
        template: 'TransactionList',
        data: { period: '2025', from: 1, to: 6, more: false },
        text: ['Sweetgreen', 'Lucca Osteria'],
        notText: ['Trader Joe', 'Safeway', 'Shell'],
      },
    ]);
  });

  it('every money answer starts with one working line', async () => {
    const chat = maya();
    for (const says of [
      'spending last month',
      'top 5 merchants in February',
      'how much did I earn in January',
      'what is my balance?',
      'break down last month by category',
      'eating out jan vs dec',
    ]) {
      const turn = await chat.say(says);
      const first = turn.texts[0]!.split('\n')[0]!;
      expect(first, `${says} → ${turn.texts[0]}`).toMatch(/^_[A-Z][^_]* · [^_]+_$/);
    }
  });
});

describe('a question with no period', () => {
  it('"my spending" is the latest complete month, and the reply says it chose it', async () => {
    await play(maya(), [
      {
        says: 'how much have I spent?',
        template: 'SpendingTotal',
        data: { amount: '$4,206.68', period: 'February 2026' },
        text: ['February 2026, the latest full month of your data'],
      },
    ]);
  });

  it('what a merchant cost is everything linked, with its dates', async () => {
    // Amazon 42.18 + 129.99 (Dec) + 23.47 (Jan) + 38.62 + 19.99 (Feb).
    await play(maya(), [
      {
        says: 'how much did Amazon cost me',
        template: 'SpendingTotal',
        data: { amount: '$254.25', subject: 'at Amazon' },
        text: ['all your linked data, 1 Dec 2025 – 3 Mar 2026'],
      },
    ]);
  });

  it('weeks after the data ends: still February, and an empty current month is said to be empty', async () => {
    await play(maya('2026-04-20'), [
      {
        says: 'how much have I spent?',
        template: 'SpendingTotal',
        data: { amount: '$4,206.68', period: 'February 2026' },
      },
      {
        says: 'how much did I spend this month',
        template: 'NoDataForPeriod',
        text: ['Your linked accounts cover 1 Dec 2025 – 3 Mar 2026'],
        notText: [MONEY],
      },
    ]);
  });

  it('a month the data has not reached the end of says so, and is not set against the usual', async () => {
    await play(maya(), [
      // 1–3 March: rent 2,150.00 + Shell 50.34 + Peet's 6.45 + Spotify 12.99.
      {
        says: 'how much did I spend this month',
        template: 'SpendingTotal',
        data: { amount: '$2,219.78', observation: '' },
        text: ['(your data runs to 3 Mar 2026)'],
      },
    ]);
  });
});

describe('kinds of question', () => {
  it('two subjects side by side, a figure each', async () => {
    await play(maya(), [
      {
        says: 'spending on groceries vs eating out in February',
        template: 'SubjectsSideBySide',
        text: [
          'groceries: **$414.59**',
          'eating out: **$286.16**',
          '_Spending: groceries vs eating out · February 2026 · both accounts_',
        ],
      },
    ]);
  });

  it('counts, averages, the largest charge, savings and the month spent least', async () => {
    await play(maya(), [
      // Trader Joe's four times in each of December, January and February.
      {
        says: "how many times did I go to Trader Joe's",
        template: 'CountTotal',
        data: { count: 12 },
        text: ['**12** charges at Trader Joe'],
      },
      // Groceries 441.04 + 345.90 + 414.59 over the three whole months.
      {
        says: 'average monthly spending on groceries',
        template: 'AverageTotal',
        data: { amount: '$400.51', units: '3' },
        text: ['December 2025 – February 2026, the whole months of your data'],
      },
      {
        says: 'biggest purchase last month',
        template: 'LargestCharges',
        text: ['**$2,150.00**', '2 Feb 2026'],
      },
      // Pay 6,825.10 in; 4,206.68 spent.
      {
        says: 'how much did I save last month',
        template: 'NetTotal',
        text: ['**$6,825.10** came in', '**$4,206.68**', 'you saved **$2,618.42**'],
      },
      // December 3,064.91, January 2,766.82, February 4,206.68; March has only three days and does not count.
      {
        says: 'which month did I spend the least',
        template: 'Trend',
        text: ['The lowest month was **Jan 2026** ($2,766.82)', 'Mar 2026: $2,219.78 (partial)'],
      },
    ]);
  });

  it('two questions in one message get two answers', async () => {
    const turn = await maya().say('how much on groceries last month and how much on eating out?');
    expect(turn.replies.map((r) => r.template)).toEqual(['SpendingTotal', 'SpendingTotal']);
    expect(turn.replies.map((r) => r.data?.amount)).toEqual(['$414.59', '$286.16']);
  });

  it('"break that down by month" makes a series of the last question', async () => {
    await play(maya(), [
      { says: 'how much did Amazon cost me', template: 'SpendingTotal', data: { amount: '$254.25' } },
      // December 172.17, January 23.47, February 58.61.
      {
        says: 'break that down by month',
        template: 'Trend',
        text: ['Dec 2025: $172.17', 'Jan 2026: $23.47', 'Feb 2026: $58.61', 'Mar 2026: $0.00'],
      },
    ]);
  });
});

describe('never a confident wrong number', () => {
  it('a merchant that is not in the data gets no figure', async () => {
    await play(maya(), [
      {
        says: 'how much did I spend at Costco last month',
        template: 'UnknownName',
        text: ["I don't see any payments to Costco in your accounts"],
        notText: [MONEY],
      },
    ]);
  });

  it('a budget request sets a budget and gives no spending figure as if it were the question', async () => {
    const chat = maya();
    await play(chat, [
      {
        says: 'set a budget of $300 for eating out',
        template: 'BudgetSet',
        text: ['$300.00', 'eating out'],
        notText: ['$84.56', '$286.16', '$478.26'],
      },
    ]);
    // No figure was given, so there is nothing for a follow-up to build on.
    expect(chat.state.last).toBeUndefined();
  });
});
