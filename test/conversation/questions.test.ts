/**
 * Questions and follow-ups, turn by turn, on the made-up household (test/fixtures/household; today = 2026-03-05,
 * so "last month" is February 2026). Each expected amount is worked out by hand from the statement rows named
 * beside it; card payments between a person's own accounts and pay never count as spending.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { countRows } from '../helpers/db.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
});

beforeEach(async () => {
  store = await memoryStore();
  await loadHousehold(store);
});

const chatFor = (userId: string) =>
  new Chat({ store, understanding, userId, today: HOUSEHOLD_TODAY, now: HOUSEHOLD_NOW });

// Maya's February spending, $4,206.68: rent 2,150.00 + IKEA 1,146.75 + groceries 414.59 + eating out 286.16
// + Shell 100.74 (53.08, 47.66) + Amazon 58.61 (38.62, 19.99) + Netflix 17.99 + Spotify 12.99
// + Peet's 18.85 (6.45, 6.45, 5.95). Left out: pay 6,825.10 (3,412.55 twice) and the card payment of 812.06.
// Groceries, $414.59: Trader Joe's 73.48 + 59.27 + 61.90 + 57.06, Whole Foods 84.33, Safeway 78.55.
// Eating out, $286.16: Lucca Osteria 64.18 twice (charged twice), Camino Bistro 142.60, Chipotle 15.20.
const MAYA_FEBRUARY = '$4,206.68';

describe('spending questions and follow-ups', () => {
  it('answers a spending question, then "and in January?" keeps the subject and takes the period', async () => {
    await play(chatFor('maya'), [
      {
        says: 'How much went on groceries last month?',
        template: 'SpendingTotal',
        data: { amount: '$414.59', period: 'February 2026', subject: 'on groceries' },
      },
      // Trader Joe's 64.37 + 71.02 + 58.76 + 47.91, Whole Foods 112.58, Safeway 86.40 (groceries 441.04);
      // Peet's 6.45 + 5.95 + 6.45; Lucca Osteria 58.40; Chipotle 14.85; Sweetgreen 16.25.
      {
        says: 'food spending in December',
        template: 'SpendingTotal',
        data: { amount: '$549.39', period: 'December 2025', subject: 'on food' },
        notText: ['263.64'],
      }, // not Theo's
      // Trader Joe's 69.14 + 62.80 + 55.63 + 66.19, Safeway 92.14; Peet's 6.45 + 5.95 + 6.45; Lucca Osteria 71.25;
      // Chipotle 13.95; Sweetgreen 17.40.
      {
        says: 'and in January?',
        template: 'SpendingTotal',
        data: { amount: '$467.35', period: 'January 2026', subject: 'on food' },
        text: ['**$467.35** on food in January 2026'],
      },
    ]);
  });

  it('"what about Amazon in February?" keeps the question and takes the new merchant', async () => {
    await play(chatFor('maya'), [
      // Peet's on 6, 14 and 21 December: 6.45 + 5.95 + 6.45. Theo's were 4.95 twice.
      {
        says: "How much did Peet's cost me in December?",
        template: 'SpendingTotal',
        data: { amount: '$18.85', subject: "at Peet's Coffee" },
        notText: ['9.90'],
      },
      {
        says: 'what about Amazon in February?',
        template: 'SpendingTotal',
        data: { amount: '$58.61', subject: 'at Amazon', period: 'February 2026' },
      },
    ]);
  });

  it('"what about Amazon?" keeps the period of the last question', async () => {
    await play(chatFor('maya'), [
      {
        says: 'How much did I spend in total last month?',
        template: 'SpendingTotal',
        data: { amount: MAYA_FEBRUARY },
      },
      {
        says: 'what about Amazon?',
        template: 'SpendingTotal',
        data: { amount: '$58.61', subject: 'at Amazon', period: 'February 2026' },
      },
    ]);
  });

  it('"break that down by merchant", "show me those" and "show more" work on the last question', async () => {
    const chat = chatFor('maya');
    const [, breakdown, list, more] = await play(chat, [
      {
        says: 'How much did I spend in total last month?',
        template: 'SpendingTotal',
        data: { amount: MAYA_FEBRUARY, period: 'February 2026' },
      },
      {
        says: 'break that down by merchant',
        template: 'Breakdown',
        data: { dimension: 'merchant', period: 'February 2026', total: MAYA_FEBRUARY },
      },
      {
        says: 'show me those',
        template: 'TransactionList',
        data: { period: 'February 2026', from: 1, to: 10, more: true },
        text: ['(1–10, newest first)'],
        notText: ['812.06'],
      },
      {
        says: 'show more',
        template: 'TransactionList',
        data: { period: 'February 2026', from: 11, to: 20 },
        text: ['(11–20, newest first)'],
        notText: ['812.06'],
      },
    ]);
    const rows = (breakdown!.replies[0]!.data as { rows: { label: string; amount: string }[] }).rows;
    expect(rows[0]!.label).toMatch(/^Westgate Property/i);
    expect(rows[0]!.amount).toBe('$2,150.00');
    expect(rows[1]).toMatchObject({ label: 'IKEA', amount: '$1,146.75' });
    expect(rows).toContainEqual(expect.objectContaining({ label: "Trader Joe's", amount: '$251.71' })); // 73.48 + 59.27 + 61.90 + 57.06
    expect(rows.some((r) => /discover|payment/i.test(r.label))).toBe(false);
    // Page two continues where page one stopped, newest first throughout, all in February.
    const dates = [list!, more!].flatMap((t) =>
      (t.replies[0]!.data as { rows: { date: string }[] }).rows.map((r) =>
        new Date(`${r.date} UTC`).getTime(),
      ),
    );
    expect(dates).toHaveLength(20);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(dates.every((d) => d >= Date.UTC(2026, 1, 1) && d < Date.UTC(2026, 2, 1))).toBe(true);
    expect(list!.replies[0]!.card).toBeDefined();
  });

  it('each person hears only about their own money', async () => {
    await play(chatFor('theo'), [
      {
        says: "How much did Peet's cost me in December?",
        template: 'SpendingTotal',
        data: { amount: '$9.90' },
        notText: ['18.85'],
      }, // 4.95 on 3 and 27 December
      // The same Safeway: Theo's 71.48 (5 Jan) + 58.90 (19 Jan); Maya's 92.14 is hers.
      {
        says: 'How much did I spend at Safeway in January?',
        template: 'SpendingTotal',
        data: { amount: '$130.38' },
        notText: ['92.14'],
      },
      // The ledger balances the two OFX files end with; Maya's checking ends at 11,749.28.
      {
        says: 'How much money do I have?',
        template: 'Balances',
        text: ['**$21,822.31**', '**$352.28** owed'],
        notText: ['11,749.28'],
      },
      {
        says: 'Is there anything unusual on my accounts?',
        template: 'UnusualCharges',
        data: { count: 0 },
        notText: ['IKEA', '1,146.75'],
      },
    ]);
    // 3,482.16 at the start + pay 6 × 3,412.55 − rent 4 × 2,150.00 − Shell 347.18 − Safeway 257.09 − card payments 3,003.91.
    await play(chatFor('maya'), [
      {
        says: 'How much money do I have?',
        template: 'Balances',
        text: ['$11,749.28', "Discover It don't include a balance"],
        notText: ['21,822.31', '352.28'],
      },
    ]);
  });

  it('answers whether the payment asked about went up, not with another one that did', async () => {
    // Maya's Spotify went from $11.99 to $12.99 in February; Netflix stayed at $17.99.
    await play(chatFor('maya'), [
      {
        says: 'has netflix gone up?',
        template: 'PriceRisesAsked',
        text: ["No, Netflix hasn't gone up", '$17.99'],
        notText: ['Spotify'],
      },
      {
        says: 'did spotify go up',
        template: 'PriceRisesAsked',
        text: ['Yes: Spotify went from $11.99 to $12.99'],
      },
      {
        says: "has trader joe's gone up",
        template: 'PriceRisesAsked',
        text: ["I don't see Trader Joe's as a regular payment"],
      },
      { says: 'have any subscriptions gone up?', template: 'PriceRises', text: ['Spotify'] },
    ]);
  });

  it('says when a period compared is only partly in the data', async () => {
    // Today is 5 March 2026 and Maya's statements run to 3 March.
    await play(chatFor('maya'), [
      {
        says: 'compare my spending this month to last',
        template: 'ComparePeriods',
        data: { partly: '3 Mar 2026' },
        text: ['Your data for March 2026 stops at 3 Mar 2026'],
      },
      {
        says: 'compare january and february',
        template: 'ComparePeriods',
        data: { partly: '' },
        notText: ['stops at'],
      },
    ]);
  });

  it("gives a ranking's shares of the whole total, not of the few groups it shows", async () => {
    // February 2026: $4,206.68 spent in all, $2,150.00 of it rent and $1,146.75 at IKEA.
    await play(chatFor('maya'), [
      {
        says: "what's my biggest expense category in february",
        template: 'Top',
        text: ['(51% of your spending'],
      },
      {
        says: 'my top 2 merchants in february',
        template: 'Top',
        text: ['Westgate Property Mgmt: **$2,150.00** (51%)', 'IKEA: **$1,146.75** (27%)'],
      },
    ]);
  });

  it('names an account asked about whose statements give no balance, never answers with another', async () => {
    // Maya's Discover It CSV has no balance column; her BofA Checking OFX ends at 11,749.28.
    await play(chatFor('maya'), [
      {
        says: 'discover balance',
        template: 'NoBalances',
        data: { without: ['Discover It'] },
        notText: ['11,749.28'],
      },
      { says: "what's the balance of discover?", template: 'NoBalances', data: { without: ['Discover It'] } },
      {
        says: 'balance of bofa and discover',
        template: 'Balances',
        data: { without: ['Discover It'] },
        text: ['$11,749.28', "Discover It don't include a balance"],
      },
      { says: 'checking balance', template: 'Balances', data: { without: [] }, notText: ['Discover'] },
    ]);
  });

  it('asks about unusual charges within the period asked about', async () => {
    await play(chatFor('maya'), [
      {
        says: 'Is there anything unusual on my accounts?',
        template: 'UnusualCharges',
        text: ['$1,146.75 at IKEA'],
        notText: ['Westgate', '2,150.00'],
      },
      // January's charges are all near her usual ones; the REI jacket ($149.00) was returned.
      {
        says: 'anything unusual in January?',
        template: 'UnusualCharges',
        data: { count: 0 },
        notText: ['Feb 2026'],
      },
    ]);
  });
});

describe('what is not spending', () => {
  it('a card payment from checking counts on neither account, and pay is income', async () => {
    await play(chatFor('maya'), [
      // The card's February charges, without the 812.06 payment: Trader Joe's 251.71, Whole Foods 84.33, Lucca Osteria
      // 128.36, Camino Bistro 142.60, Chipotle 15.20, Peet's 18.85, Amazon 58.61, Netflix 17.99, Spotify 12.99, IKEA 1,146.75.
      {
        says: 'how much did I spend on Discover It last month?',
        template: 'SpendingTotal',
        data: { amount: '$1,877.39', accounts: 'on Discover It' },
        notText: ['812.06'],
      },
      {
        says: 'how much did I earn last month',
        template: 'Income',
        data: { amount: '$6,825.10', period: 'February 2026' },
      }, // 3,412.55 on 13 and 27 Feb
    ]);
    // Three paydays in January (2, 16 and 30): 3 × 2,688.40. The 361.84 moved to the Visa is not income.
    await play(chatFor('theo'), [
      {
        says: 'how much did I earn in January',
        template: 'Income',
        data: { amount: '$8,065.20' },
        notText: ['361.84'],
      },
    ]);
  });

  it('a refund takes its purchase back out of the total', async () => {
    await play(chatFor('maya'), [
      // REI 149.00 on 11 January, returned on 24 January.
      {
        says: 'how much did I spend at REI in January',
        template: 'SpendingTotal',
        data: { nothing: true, subject: 'at REI' },
      },
      // Amazon 23.47 + REI 149.00 − 149.00.
      {
        says: 'how much on shopping in January?',
        template: 'SpendingTotal',
        data: { amount: '$23.47', period: 'January 2026' },
      },
    ]);
  });
});

describe('people without data, and odd input', () => {
  it('a person with no accounts is told how to start', async () => {
    await play(chatFor('nobody'), [
      { says: 'How much did I spend on groceries last month?', template: 'NoAccountsYet' },
      { says: 'Any unusual charges?', template: 'NoAccountsYet' },
      { says: 'unlink my card', template: 'NoAccountsToUnlink' },
    ]);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['emoji', '🤑💸🙈'],
    ['punctuation', '?!?!...'],
    ['10,000 characters of junk', 'qzx@#$ wvk '.repeat(1_000)],
    ['SQL', "'; DROP TABLE transactions; --"],
    ['control characters', 'how much\u0000 on \u0007groceries'],
  ])('%s never throws and gets a sensible reply', async (_name, text) => {
    const chat = chatFor('maya');
    const turn = await chat.say(text);
    expect(turn.replies.length).toBeGreaterThan(0);
    expect(turn.texts.every((t) => t.length > 0)).toBe(true);
    expect([
      'Fallback',
      'SpendingTotal',
      'NoDataForPeriod',
      'Help',
      'TransactionList',
      'NoTransactions',
    ]).toContain(turn.replies[0]!.template);
    expect(chat.state.pending).toBeUndefined();
    // Nothing was written or dropped: Maya's 23 + 53 rows and Theo's 23 + 35.
    expect(countRows(store, 'transactions')).toBe(134);
    // And the conversation still works afterwards.
    await play(chat, [
      {
        says: 'How much went on groceries last month?',
        template: 'SpendingTotal',
        data: { amount: '$414.59' },
      },
    ]);
  });
});
