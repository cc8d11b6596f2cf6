/**
 * The words people use: category words of other Englishes, the user's own merchants said short or misspelt,
 * ordinary words that are never names, and questions about a payee "overall" or "ever".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LU_DIR, SYNONYMS_FILE } from '../../src/cli/eval-language.ts';
import { createUnderstanding, type Understanding } from '../../src/language/understand.ts';
import type { UserVocabulary } from '../../src/language/types.ts';

const TODAY = '2026-03-10';
const USER: UserVocabulary = {
  merchants: [
    'AMC Theatres 1234',
    'Safeway',
    "Trader Joe's",
    'Whole Foods Market',
    'Starbucks',
    'Chipotle',
    'DoorDash',
    'Panera Bread',
    'Pandora',
    'Shell',
  ],
  accounts: [
    { id: 1, name: 'Chase Checking', type: 'checking', institution: 'Chase' },
    { id: 2, name: 'Amex Gold', type: 'credit_card', institution: 'American Express' },
    { id: 3, name: 'Capital One Quicksilver', type: 'credit_card', institution: 'Capital One' },
  ],
};

let u: Understanding;
beforeAll(async () => {
  u = await createUnderstanding({ luDir: LU_DIR, synonymsFile: SYNONYMS_FILE });
});
const say = (text: string) => u.understand(text, TODAY, USER);

describe('category words of British, Australian and other English', () => {
  it.each([
    ['how much did i spend at the servo last month', 'gas'],
    ['what have my fill-ups cost this year', 'gas'],
    ['cab fares in january', 'rides'],
    ['how much on minicabs', 'rides'],
    ['what did the chippy cost me', 'eating_out'],
    ['brekkie out last month', 'eating_out'],
    ['how much went on brekky this year', 'eating_out'],
    ['how much at the pub in february', 'eating_out'],
    ['what did the bottle-o get from me', 'alcohol'],
    ['offie spending last month', 'alcohol'],
    ['how much was rego this year', 'government'],
    ['what did my car registration cost', 'government'],
    ['how much did i pay in rates', 'taxes'],
    ['council rates last quarter', 'taxes'],
    ['how much on the big shop', 'groceries'],
    ['what did the chemist cost me', 'health'],
    ['water rates last year', 'water'],
    ['how much on car insurance', 'insurance'],
    ["what did doctor's fees come to", 'health'],
    ['corner shop spending last month', 'convenience'],
    ['cinema trips in january', 'movies'],
    ['how much on fags', 'tobacco'],
    ['what did i lose on the pokies', 'gambling'],
    ['mobile recharge last month', 'phone'],
    ['auto fares this year', 'rides'],
  ])('%s → %s', (text, key) => {
    const f = say(text);
    expect(f.intent).toBe('spending');
    expect(f.categories.map((c) => c.key)).toEqual([key]);
  });

  it('reads "rates" after interest or exchange as the price of money, not council rates', () => {
    expect(say('what are interest rates doing').categories.map((c) => c.key)).not.toContain('taxes');
    expect(say('exchange rates this week').categories.map((c) => c.key)).not.toContain('taxes');
  });

  it('keeps "fill up at" a verb, so a merchant question stays about the merchant', () => {
    expect(say('how many times did i fill up at shell').categories).toEqual([]);
  });

  it('asks for money, not a count, when a count word is followed by a currency', () => {
    expect(say('how many quid on coffee last month').understood?.query.measure).toEqual({ kind: 'spent' });
  });
});

describe("the user's own merchants, said short or misspelt", () => {
  it.each([
    ['how much on AMC last month', 'AMC Theatres 1234'],
    ['amc tickets in february', 'AMC Theatres 1234'],
    ['how much did i spend at trader jose', "Trader Joe's"],
    ['safwy last month', 'Safeway'],
    ['how much at safewy this year', 'Safeway'],
    ['how much at starbuck in january', 'Starbucks'],
    ['chipolte last week', 'Chipotle'],
    ['wholefoods last month', 'Whole Foods Market'],
    ['how much on doordahs', 'DoorDash'],
  ])('%s → %s', (text, merchant) => {
    const f = say(text);
    expect(f.intent).toBe('spending');
    expect(f.merchants).toEqual([merchant]);
    expect(f.understood?.unknownNames).toEqual([]);
  });

  it('never takes a misspelt merchant for a payer of money in', () => {
    const f = say('safwy in february');
    expect(f.understood?.query.measure.kind).toBe('spent');
    expect(f.merchants).toEqual(['Safeway']);
  });

  it('asks which merchant when a misspelling is as close to two of them', () => {
    const f = say('how much at panora last month');
    expect(f.merchants).toEqual([]);
    expect(f.ambiguous).toEqual({ kind: 'merchant', text: 'panora', options: ['Pandora', 'Panera Bread'] });
    expect(f.intent).toBe('spending');
  });

  it('leaves a name the data does not have unknown rather than correcting it to another', () => {
    const f = say('how much at costco last month');
    expect(f.merchants).toEqual([]);
    expect(f.understood?.unknownNames.map((n) => n.text)).toEqual(['costco']);
  });

  it('does not take an ordinary word for a name a number was cut from', () => {
    const user = { merchants: ['Forever 21', 'Gate 7'], accounts: [] };
    expect(u.understand('how much did i spend forever', TODAY, user).merchants).toEqual([]);
    expect(u.understand('what did i pay at the gate last month', TODAY, user).merchants).toEqual([]);
    expect(u.understand('how much at forever 21', TODAY, user).merchants).toEqual(['Forever 21']);
  });

  it('does not shorten a short word no one would say alone', () => {
    const f = u.understand('how much at the bar last month', TODAY, {
      merchants: ['Bar Louie'],
      accounts: [],
    });
    expect(f.merchants).toEqual([]);
  });
});

describe("the user's own accounts, misspelt", () => {
  it.each([
    ['spending on the quicksliver last month', 3],
    ['what did i put on the amex gld in january', 2],
    ['chase chekcing balance', 1],
  ])('%s', (text, id) => {
    expect(say(text).accounts).toEqual([id]);
  });
});

describe('ordinary words are never names', () => {
  it.each([
    'how much is in my biggest account',
    'what did i spend on my biggest card',
    'how much did i get from overall',
    'biggest payment from anyone',
    'how much did i spend with everyone',
    'money in from biggest client',
    'what was my largest charge ever',
    'how much did i receive from anybody last month',
    'what did i spend at the cheapest place',
  ])('%s', (text) => {
    const f = say(text);
    expect(f.understood?.unknownNames ?? []).toEqual([]);
    expect(f.accounts).toEqual([]);
    expect(f.merchants).toEqual([]);
  });
});

describe('a payee asked about overall, ever or at all is a spending question', () => {
  it.each([
    ['What has Chipotle cost me overall?', 'Chipotle'],
    ['what has shell cost me all told', 'Shell'],
    ['Have I ever paid Starbucks anything?', 'Starbucks'],
    ['did i ever pay doordash anything', 'DoorDash'],
    ['Safeway: anything spent, and how much?', 'Safeway'],
    ['how much have i given trader joes overall', "Trader Joe's"],
  ])('%s', (text, merchant) => {
    const f = say(text);
    expect(f.intent).toBe('spending');
    expect(f.merchants).toEqual([merchant]);
    expect(f.understood?.query.measure.kind).toBe('spent');
    expect(f.understood?.also).toBeUndefined();
  });

  it.each([
    'What has Costco cost me overall?',
    'Have I ever paid Costco anything?',
    'Costco: anything spent, and how much?',
  ])('%s names Costco as not in the data', (text) => {
    const f = say(text);
    expect(f.intent).toBe('spending');
    expect(f.understood?.unknownNames.map((n) => n.text)).toEqual(['Costco']);
  });
});
