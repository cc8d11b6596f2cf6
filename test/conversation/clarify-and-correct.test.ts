/**
 * Telling Tally which account was meant, and which category a merchant belongs in, on the made-up household
 * (test/fixtures/household; today = 2026-03-05, so "last month" is February 2026). Expected amounts are worked
 * out by hand from the statement rows named beside them.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
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

describe('an account name that fits two accounts', () => {
  // Theo's February card charges: Chevron 53.88 + 57.91 + 55.40, Sprouts 47.63 + 49.57, Peet's 4.95,
  // YouTube 13.99, In-N-Out 18.20, Planet Fitness 15.00, Chipotle 14.10; the 344.17 payment left out.
  const THEO_CARD_FEBRUARY = '$330.63';

  it.each([
    ['a typed answer', 'the card'],
    ['a tapped suggestion', 'Alliant Visa'],
    ['an ordinal', 'the second one'],
  ])('asks which one, and %s resolves it', async (_how, answer) => {
    await play(chatFor('theo'), [
      {
        says: 'how much did I spend on Alliant Visa last month',
        template: 'SpendingTotal',
        data: { accounts: 'on Alliant Visa', amount: THEO_CARD_FEBRUARY },
      },
    ]);
    const chat = chatFor('theo');
    await play(chat, [
      {
        says: 'how much did I spend on alliant last month',
        template: 'Clarify',
        data: { kind: 'account', options: ['Alliant Checking', 'Alliant Visa'] },
        text: ['Alliant Checking', 'Alliant Visa'],
      },
      {
        says: answer,
        template: 'SpendingTotal',
        data: {
          accounts: 'on Alliant Visa',
          accountCount: 1,
          period: 'February 2026',
          amount: THEO_CARD_FEBRUARY,
        },
      },
    ]);
    expect(chat.state.pending).toBeUndefined();
  });

  it('asks again when the answer fits neither, and lets a new question through', async () => {
    const chat = chatFor('theo');
    await play(chat, [
      { says: 'how much did I spend on alliant last month', template: 'Clarify' },
      { says: 'purple', template: 'ClarifyAgain', data: { options: ['Alliant Checking', 'Alliant Visa'] } },
      {
        says: "How much did Peet's cost me in December?",
        template: 'SpendingTotal',
        data: { subject: "at Peet's Coffee", amount: '$9.90' },
      },
    ]);
    expect(chat.state.pending).toBeUndefined();
  });
});

describe('category corrections', () => {
  it("\"Peet's is eating out\" re-labels that person's past Peet's rows, even right after a question", async () => {
    const peetsCategories = async (user: string) => {
      const id = (await store.queries.merchants(user)).find((m) => m.name === "Peet's Coffee")!.id;
      const rows = await store.queries.transactions(
        user,
        ['spending'],
        { merchantIds: [id] },
        { limit: 1000, offset: 0 },
      );
      return new Set(rows.map((r) => r.category));
    };
    const theoBefore = await peetsCategories('theo');
    await play(chatFor('maya'), [
      { says: "How much did Peet's cost me in December?", template: 'SpendingTotal' },
      // Maya's Peet's rows: 3 in December, 3 in January, 3 in February, 1 in March.
      {
        says: "Peet's is eating out",
        template: 'CategoryCorrected',
        data: { merchant: "Peet's Coffee", category: 'eating out', changed: 10 },
      },
      // 286.16 before, plus February's Peet's 6.45 + 6.45 + 5.95.
      { says: 'how much on eating out in february', template: 'SpendingTotal', data: { amount: '$305.01' } },
    ]);
    expect(await peetsCategories('maya')).toEqual(new Set(['FOOD_AND_DRINK_RESTAURANT']));
    expect(await peetsCategories('theo')).toEqual(theoBefore);
    expect(theoBefore).toEqual(new Set(['FOOD_AND_DRINK_COFFEE']));
  });

  it('asks for the missing part of a correction', async () => {
    await play(chatFor('maya'), [
      { says: 'Put Zzyzx Widgets under groceries', template: 'CorrectionNeedsDetail' },
    ]);
  });
});
