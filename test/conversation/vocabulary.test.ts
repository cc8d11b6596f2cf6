/**
 * The words people use, end to end on the made-up household (test/fixtures/household; Maya's data runs
 * 1 Dec 2025 – 3 Mar 2026, today is 5 March 2026): British and Australian category words, Maya's own merchants
 * misspelt, a payee asked about "overall" or "ever", and ordinary words that must not be read as names.
 * Amounts are worked out by hand from the statement rows named beside them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, realUnderstanding } from '../helpers/chat.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
  store = await memoryStore();
  await loadHousehold(store, ['maya']);
});

const reply = async (says: string): Promise<string> => {
  const chat = new Chat({ store, understanding, userId: 'maya', today: HOUSEHOLD_TODAY, now: HOUSEHOLD_NOW });
  return (await chat.say(says)).texts.join('\n');
};

describe('category words of other Englishes', () => {
  it.each([
    // Shell 53.08 (3 Feb) + 47.66 (18 Feb).
    ['how much did i spend at the servo last month', '**$100.74** on gas in February 2026'],
    // Shell 46.12 (6 Jan) + 49.90 (20 Jan).
    ['my petrol expense in january', '**$96.02** on gas in January 2026'],
    // Trader Joe's 251.71 + Whole Foods 84.33 + Safeway 78.55.
    ['what did the big shop cost last month', '**$414.59** on groceries in February 2026'],
  ])('%s', async (says, answer) => {
    expect(await reply(says)).toContain(answer);
  });
});

describe("Maya's own merchants, misspelt", () => {
  it.each([
    // 73.48 + 59.27 + 61.90 + 57.06 (1, 8, 15 and 27 Feb).
    ['how much did i spend at trader jose last month', "**$251.71** at Trader Joe's in February 2026"],
    // SAFEWAY #1211, 17 Feb.
    ['safwy in february', '**$78.55** at Safeway in February 2026'],
    // CHIPOTLE 2231, 22 Feb.
    ['how much at chipolte last month', '**$15.20** at Chipotle in February 2026'],
    // WHOLEFDS 112.58 (23 Dec) + 84.33 (21 Feb), every month linked.
    ['what has wholefoods cost me overall', '**$196.91** at Whole Foods Market'],
  ])('%s', async (says, answer) => {
    const text = await reply(says);
    expect(text).toContain(answer);
    expect(text).not.toMatch(/don't see/);
  });
});

describe('a payee asked about overall, ever or at all', () => {
  it('answers for a merchant in the data over everything linked, with one figure', async () => {
    // CHIPOTLE 14.85 (19 Dec) + 13.95 (24 Jan) + 15.20 (22 Feb).
    const text = await reply('Chipotle: anything spent, and how much?');
    expect(text).toContain('**$44.00** at Chipotle');
    expect(text).not.toMatch(/balance/i);
    expect(text.match(/\$\d/g)).toHaveLength(1);
  });

  it.each([
    'What has Costco cost me overall?',
    'Have I ever paid Costco anything?',
    'Costco: anything spent, and how much?',
  ])('%s says Costco is not there, with no figure', async (says) => {
    const text = await reply(says);
    expect(text).toContain("I don't see any payments to Costco in your accounts.");
    expect(text).not.toMatch(/\$\d/);
  });
});

describe('ordinary words are never names', () => {
  it.each([
    'what was my biggest purchase overall',
    "what's in my biggest account",
    'how much did i get from anyone last month',
    'how much did i spend with everyone in january',
  ])('%s', async (says) => {
    const text = await reply(says);
    expect(text).not.toMatch(/don't see|called/i);
  });
});
