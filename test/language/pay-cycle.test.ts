/**
 * Coaching questions in many wordings reach their intent, and questions about what already happened do
 * not; the details (amount, a named day, the low point) are read from the words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../../src/config.ts';
import { coachingCue, priceReplyOf, readCoachingAsk } from '../../src/language/pay-cycle.ts';
import type { Intent, UserVocabulary } from '../../src/language/types.ts';
import { createUnderstanding, type Understanding } from '../../src/language/understand.ts';

const TODAY = '2026-03-10'; // a Tuesday
const VOCABULARY: UserVocabulary = {
  merchants: ['Acme Corp', 'Netflix', 'Starbucks'],
  accounts: [{ id: 1, name: 'Chase Checking', type: 'checking' }],
};

let understanding: Understanding;
beforeAll(async () => {
  understanding = await createUnderstanding({
    luDir: join(ROOT, 'dialogs'),
    synonymsFile: join(ROOT, 'data', 'category-synonyms.csv'),
  });
});
const intentOf = (text: string) => understanding.understand(text, TODAY, VOCABULARY).intent;

describe('coaching questions reach their intent', () => {
  it.each<[Intent, string[]]>([
    [
      'payday',
      [
        "When's my next payday?",
        'when do we get paid',
        'next pay check?',
        'how much do I get paid?',
        'when will my salary arrive',
        'how many days till i get paid',
        'whens wages day',
      ],
    ],
    [
      'upcoming_bills',
      ['what bills are coming up', 'upcoming bills', 'anything due before payday?', 'bills due this week'],
    ],
    [
      'left_to_spend',
      [
        'how much can I spend till Friday',
        "what's left until payday",
        'safe to spend?',
        'will I be broke before payday',
        'am i going to run out of money before i get paid',
        'how much have i got left to last me till payday',
      ],
    ],
    ['afford', ['can I afford a new iPhone?', 'can i afford $800', 'could we afford a weekend away']],
  ])('%s', (intent, texts) => {
    for (const text of texts) expect(intentOf(text), text).toBe(intent);
  });
});

describe('questions about what already happened stay what they were', () => {
  it.each([
    ['when was my last paycheck', 'income'],
    ['what did i get paid last month', 'income'],
    ["what's my income this month", 'income'],
    ['how much did i spend on bills last month', 'spending'],
    ["what's my balance", 'balance'],
    ['show my subscriptions', 'subscriptions'],
  ])('"%s" → %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('keeps savings questions as questions about money, with the saved measure', () => {
    for (const text of ['how much did I save last month', 'did I save anything in March']) {
      const frame = understanding.understand(text, TODAY, VOCABULARY);
      expect(frame.understood?.query.measure.kind, text).toBe('saved');
    }
  });

  it('does not take advice on an amount for an affordability question', () => {
    expect(coachingCue('how much can i afford to spend on rent')).toBeUndefined();
    expect(intentOf('how much can i afford to spend on rent')).not.toBe('afford');
  });
});

describe('details of a coaching question', () => {
  it('reads the amount to afford, with or without a currency sign', () => {
    expect(readCoachingAsk('can I afford $1,200 before payday?', TODAY)).toMatchObject({
      amountMinor: 120000,
      currency: 'USD',
    });
    expect(readCoachingAsk('can i afford 450', TODAY).amountMinor).toBe(45000);
    expect(readCoachingAsk('can I afford a new iPhone?', TODAY).amountMinor).toBeUndefined();
  });

  it('reads a named day as where the count stops', () => {
    expect(readCoachingAsk('how much can I spend till Friday', TODAY).until).toBe('2026-03-13');
    expect(readCoachingAsk('how much can I spend until tuesday', TODAY).until).toBe('2026-03-17');
    expect(readCoachingAsk('what can i spend until the end of the month', TODAY).until).toBe('2026-03-31');
    expect(readCoachingAsk('money left till the 15th', TODAY).until).toBe('2026-03-15');
    expect(readCoachingAsk('money left till the 5th', TODAY).until).toBe('2026-04-05');
    expect(readCoachingAsk("what's left until payday", TODAY).until).toBeUndefined();
  });

  it('tells a question about the low point from one about the figure', () => {
    expect(readCoachingAsk('will I run out before payday?', TODAY).lowPoint).toBe(true);
    expect(readCoachingAsk('will i be broke before payday', TODAY).lowPoint).toBe(true);
    expect(readCoachingAsk('how much can I spend until payday', TODAY).lowPoint).toBe(false);
  });
});

describe('priceReplyOf', () => {
  it.each([
    ['$1200', 120000],
    ['about 900', 90000],
    ['$1,200', 120000],
    ['around 1200 dollars', 120000],
    ['it’s about $900 I think', 90000],
    ['1.5k', 150000],
    ['900?', 90000],
    ['maybe 850.50', 85050],
  ])('reads "%s" as a price on its own', (text, minor) => {
    expect(priceReplyOf(text)?.minor).toBe(minor);
  });

  it.each([
    'spent $900 on groceries?',
    '1200 last month',
    'between 900 and 1200',
    '2 iphones',
    'yes',
    'what are my budgets?',
  ])('does not take "%s", which says more than a price, for one', (text) => {
    expect(priceReplyOf(text)).toBeUndefined();
  });
});
