/**
 * Questions and follow-ups, turn by turn, on the acceptance statements (today = 2026-03-10). Amounts marked
 * "truth" are the independently worked-out answers in the shared acceptance set (truth.json).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { ACCEPTANCE_NOW, ACCEPTANCE_TODAY, acceptanceBytes, loadAcceptance } from '../helpers/acceptance.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { memoryStore } from '../helpers/store.ts';

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
});

beforeEach(async () => {
  store = await memoryStore();
  await loadAcceptance(store);
});

const chatFor = (userId: string, on = store) => new Chat({ store: on, understanding, userId, today: ACCEPTANCE_TODAY, now: ACCEPTANCE_NOW });

describe('spending questions and follow-ups', () => {
  it('answers a spending question, then "and in January?" keeps the subject and takes the period', async () => {
    await play(chatFor('alice'), [
      { says: 'How much went on groceries last month?', template: 'SpendingTotal', data: { amount: '$611.32', period: 'February 2026', subject: 'on groceries' } }, // truth
      { says: 'food spending in December', template: 'SpendingTotal', data: { period: 'December 2025', subject: 'on food' } },
      { says: 'and in January?', template: 'SpendingTotal', data: { amount: '$1,686.73', period: 'January 2026', subject: 'on food' }, text: ['**$1,686.73** on food in January 2026'] }, // truth
    ]);
  });

  it('"what about Amazon in February?" keeps the question and takes the new merchant', async () => {
    await play(chatFor('alice'), [
      { says: 'How much did Starbucks cost me in December?', template: 'SpendingTotal', data: { amount: '$71.84', subject: 'at Starbucks' }, notText: ['31.91'] }, // truth, not bob's
      { says: 'what about Amazon in February?', template: 'SpendingTotal', data: { amount: '$474.31', subject: 'at Amazon', period: 'February 2026' } }, // truth
    ]);
  });

  it('"what about Amazon?" keeps the period of the last question', async () => {
    await play(chatFor('alice'), [
      { says: 'How much did I spend in total last month?', template: 'SpendingTotal' },
      { says: 'what about Amazon?', template: 'SpendingTotal', data: { amount: '$474.31', subject: 'at Amazon', period: 'February 2026' } },
    ]);
  });

  it('"break that down by merchant", "show me those" and "show more" work on the last question', async () => {
    const chat = chatFor('alice');
    const [, breakdown, list, more] = await play(chat, [
      { says: 'How much did I spend in total last month?', template: 'SpendingTotal', data: { amount: '$5,943.75', period: 'February 2026' } }, // truth
      { says: 'break that down by merchant', template: 'Breakdown', data: { dimension: 'merchant', period: 'February 2026', total: '$5,943.75' } },
      { says: 'show me those', template: 'TransactionList', data: { period: 'February 2026', from: 1, to: 10, more: true }, text: ['(1–10, newest first)'] },
      { says: 'show more', template: 'TransactionList', data: { period: 'February 2026', from: 11, to: 20 }, text: ['(11–20, newest first)'] },
    ]);
    const rows = (breakdown!.replies[0]!.data as { rows: { label: string; amount: string }[] }).rows;
    expect(rows[0]).toMatchObject({ label: 'Oakwood Apts', amount: '$2,150.00' });
    expect(rows.some((r) => r.label === 'Amazon' && r.amount === '$474.31')).toBe(true);
    // Page two continues where page one stopped, newest first throughout, all in February.
    const dates = [list!, more!].flatMap((t) => (t.replies[0]!.data as { rows: { date: string }[] }).rows.map((r) => new Date(`${r.date} UTC`).getTime()));
    expect(dates).toHaveLength(20);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(dates.every((d) => d >= Date.UTC(2026, 1, 1) && d < Date.UTC(2026, 2, 1))).toBe(true);
    expect(list!.replies[0]!.card).toBeDefined();
  });

  it('each user hears only about their own money', async () => {
    await play(chatFor('bob'), [
      { says: 'How much did Starbucks cost me in December?', template: 'SpendingTotal', data: { amount: '$31.91' }, notText: ['71.84'] }, // truth
      { says: 'How much money do I have?', template: 'Balances', text: ['18,891.19'], notText: ['22,626.58'] }, // truth
    ]);
  });

  it('asks about unusual charges within the period asked about', async () => {
    await play(chatFor('alice'), [
      { says: 'Is there anything unusual on my accounts?', template: 'UnusualCharges', text: ['$1,249.00 at Best Buy'] }, // truth
      { says: 'anything unusual in January?', template: 'UnusualCharges', notText: ['Feb 2026'] },
    ]);
  });
});

describe('an account name that fits two accounts', () => {
  /** Two Chase accounts, and no merchant called Chase to confuse the word with. */
  async function twoChases(): Promise<Store> {
    const s = await memoryStore();
    const add = (accountName: string, accountType: 'checking' | 'credit_card', file: string) =>
      importStatement(s, { userId: 'carol', accountName, accountType, fileName: file, bytes: acceptanceBytes(file), now: ACCEPTANCE_NOW });
    await add('Chase Sapphire', 'credit_card', 'alice_chase_sapphire.csv');
    await add('Chase Checking', 'checking', 'bob_wells_checking.ofx');
    return s;
  }

  it.each([
    ['a typed answer', 'the card'],
    ['a tapped suggestion', 'Chase Sapphire'],
    ['an ordinal', 'the second one'],
  ])('asks which one, and %s resolves it', async (_how, answer) => {
    const s = await twoChases();
    const direct = await chatFor('carol', s).say('how much did I spend on Chase Sapphire last month');
    expect(direct.replies[0]).toMatchObject({ template: 'SpendingTotal', data: { accounts: 'on Chase Sapphire' } });
    const chat = chatFor('carol', s);
    await play(chat, [
      { says: 'how much did I spend on chase last month', template: 'Clarify', data: { kind: 'account', options: ['Chase Checking', 'Chase Sapphire'] }, text: ['Chase Checking', 'Chase Sapphire'] },
      { says: answer, template: 'SpendingTotal', data: { accounts: 'on Chase Sapphire', accountCount: 1, period: 'February 2026', amount: direct.replies[0]!.data!.amount } },
    ]);
    expect(chat.state.pending).toBeUndefined();
  });

  it('asks again when the answer fits neither, and lets a new question through', async () => {
    const chat = chatFor('carol', await twoChases());
    await play(chat, [
      { says: 'how much did I spend on chase last month', template: 'Clarify' },
      { says: 'purple', template: 'ClarifyAgain', data: { options: ['Chase Checking', 'Chase Sapphire'] } },
      { says: 'How much did Starbucks cost me in December?', template: 'SpendingTotal', data: { subject: 'at Starbucks' } },
    ]);
    expect(chat.state.pending).toBeUndefined();
  });
});

describe('category corrections', () => {
  it('"Starbucks is eating out" re-labels that user’s past Starbucks rows, even right after a question', async () => {
    const starbucksCategories = async (user: string) => {
      const id = (await store.queries.merchants(user)).find((m) => m.name === 'Starbucks')!.id;
      const rows = await store.queries.transactions(user, ['spending'], { merchantIds: [id] }, { limit: 1000, offset: 0 });
      return new Set(rows.map((r) => r.category));
    };
    const bobBefore = await starbucksCategories('bob');
    const [, corrected] = await play(chatFor('alice'), [
      { says: 'How much did Starbucks cost me in December?', template: 'SpendingTotal' },
      { says: 'Starbucks is eating out', template: 'CategoryCorrected', data: { merchant: 'Starbucks', category: 'eating out' } },
    ]);
    expect(corrected!.replies[0]!.data!.changed).toBeGreaterThan(10);
    expect(await starbucksCategories('alice')).toEqual(new Set(['FOOD_AND_DRINK_RESTAURANT']));
    expect(await starbucksCategories('bob')).toEqual(bobBefore);
    expect(bobBefore.has('FOOD_AND_DRINK_RESTAURANT')).toBe(false);
  });

  it('asks for the missing part of a correction', async () => {
    await play(chatFor('alice'), [{ says: 'Put Zzyzx Widgets under groceries', template: 'CorrectionNeedsDetail' }]);
  });
});

describe('people without data, and odd input', () => {
  it('a user with no accounts is told how to start', async () => {
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
    const chat = chatFor('alice');
    const turn = await chat.say(text);
    expect(turn.replies.length).toBeGreaterThan(0);
    expect(turn.texts.every((t) => t.length > 0)).toBe(true);
    expect(['Fallback', 'SpendingTotal', 'NoDataForPeriod', 'Help']).toContain(turn.replies[0]!.template);
    expect(chat.state.pending).toBeUndefined();
    // And the conversation still works afterwards.
    await play(chat, [{ says: 'How much went on groceries last month?', template: 'SpendingTotal', data: { amount: '$611.32' } }]);
  });
});
