/**
 * Coaching questions in the wordings people use for them: a budget over a named month, what was kept of
 * the pay, how long until payday, which bills come before a day or between two paydays, and a price
 * weighed against what is left. Questions about what already happened keep their own meaning.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { readCoachingAsk } from '../../src/language/pay-cycle.ts';
import type { Frame, Intent, UserVocabulary } from '../../src/language/types.ts';
import { createUnderstanding, type Understanding } from '../../src/language/understand.ts';

const TODAY = '2026-03-10'; // a Tuesday
const VOCABULARY: UserVocabulary = {
  merchants: ['Acme Corp', 'Netflix', 'Starbucks'],
  accounts: [
    { id: 1, name: 'Chase Checking', type: 'checking' },
    { id: 2, name: 'Chase Savings', type: 'savings' },
  ],
};

let understanding: Understanding;
beforeAll(async () => {
  understanding = await createUnderstanding({
    luDir: join(ROOT, 'dialogs'),
    synonymsFile: join(ROOT, 'data', 'category-synonyms.csv'),
  });
});
const frameOf = (text: string): Frame => understanding.understand(text, TODAY, VOCABULARY);

describe('a budget over a named month', () => {
  it.each<[string, string, string | undefined]>([
    ['how did February go against my eating-out budget?', 'February 2026', 'eating out'],
    ['was I within my grocery budget in January?', 'January 2026', 'groceries'],
    ['did I stick to my coffee budget last month?', 'February 2026', 'coffee'],
    ['did I stay under my groceries budget in December?', 'December 2025', 'groceries'],
    ['where did January land against that budget?', 'January 2026', undefined],
    ['how did December compare with that limit?', 'December 2025', undefined],
    ['how did I do against my coffee cap in February?', 'February 2026', 'coffee'],
    ['was my grocery allowance enough last month?', 'February 2026', 'groceries'],
    ['how did my budgets go last month?', 'February 2026', undefined],
  ])('%s', (text, month, category) => {
    const frame = frameOf(text);
    expect(frame.intent, text).toBe('budget_status');
    expect(frame.periods[0]?.label, text).toBe(month);
    expect(frame.coaching?.categories[0]?.label, text).toBe(category);
  });

  it('reads "that budget" or "that limit" as the one just talked about', () => {
    for (const text of ['where did January land against that budget?', "how's that budget doing?"])
      expect(frameOf(text).coaching?.followUp, text).toBe(true);
    expect(frameOf('how did February go against my eating-out budget?').coaching?.followUp).toBeFalsy();
  });

  it('still sets, changes and removes budgets that name a month', () => {
    expect(frameOf('set a $300 budget for eating out').intent).toBe('budget_set');
    expect(frameOf('cap coffee at 60 bucks a month').intent).toBe('budget_set');
    expect(frameOf('drop the eating out budget').intent).toBe('budget_remove');
  });
});

describe('what was kept of the pay', () => {
  it.each([
    'how much of my pay did I hang on to last month?',
    'what were my savings last month?',
    'what were our savings in January?',
    'how much of my paycheck did I hold on to in February?',
    'did I end December up or down, and by how much?',
    'did I finish January in the red?',
    'am I up or down this month?',
    'how much did I put away in May?',
  ])('%s', (text) => {
    const q = frameOf(text).understood?.query;
    expect(['saved', 'net'], text).toContain(q?.measure.kind);
    expect(q?.filters.include.accountTypes, text).toEqual([]);
    expect(q?.filters.include.accounts, text).toEqual([]);
    expect(q?.periods, text).toHaveLength(1);
  });

  it('keeps what is in the savings account a balance', () => {
    for (const text of ["what's in my savings?", "what's in my savings account?"]) {
      const q = frameOf(text).understood?.query;
      expect(q?.measure.kind, text).toBe('balance');
    }
  });
});

describe('pay-cycle questions in other words', () => {
  it.each<[Intent, string[]]>([
    [
      'payday',
      [
        "how many days until I'm paid?",
        'how long till payday?',
        'days to go until my salary',
        'how many more days till we get paid',
        'how long until the Acme money comes in?',
        'how many days left till my paycheck?',
        'how long do I have to wait for my wages?',
        'how far away is payday?',
        'what do I earn?',
        'what do i take home',
        'what does my job pay me?',
      ],
    ],
    [
      'upcoming_bills',
      [
        'what bills are still to come this month?',
        "what's left to pay for the rest of the month?",
        'which ones land between that paycheck and the next one?',
        'what bills fall between the next two paydays?',
        'remind me what I owe before the Acme money arrives',
        'what do I have to pay before my wages land?',
        'how much should I keep back for bills until payday?',
        'how much do I need to set aside for my bills?',
        'anything else due this month?',
        'what will I owe between my next two paychecks?',
        'and after that payday, what bills are due?',
      ],
    ],
    [
      'afford',
      [
        'could I swing a $3,000 holiday?',
        'can I stretch to $500 for a bike?',
        'is $200 doable before payday?',
        'do I have room for a $80 dinner?',
        'would a 150 dollar jacket be manageable?',
        'could we manage £60 for tickets this week?',
      ],
    ],
  ])('%s', (intent, texts) => {
    for (const text of texts) expect(frameOf(text).intent, text).toBe(intent);
  });

  it('leaves questions about what happened alone', () => {
    expect(frameOf('what bills did I pay this month?').intent).not.toBe('upcoming_bills');
    expect(frameOf('how much did I spend on bills last month?').intent).toBe('spending');
    expect(frameOf('what did I earn last month?').intent).toBe('income');
    expect(frameOf('what do I pay for regularly?').intent).toBe('subscriptions');
    expect(frameOf('turn on bill reminders').intent).toBe('notices');
    expect(frameOf('is there room in my grocery budget?').intent).toBe('budget_status');
  });
});

describe('where a bills question starts and stops', () => {
  it('reads the end of this month or week, and the pay cycle after the next payday', () => {
    expect(readCoachingAsk('what bills are still to come this month?', TODAY).until).toBe('2026-03-31');
    expect(readCoachingAsk('anything due for the rest of the week?', TODAY).until).toBe('2026-03-15');
    expect(readCoachingAsk('which ones land between that paycheck and the next one?', TODAY)).toMatchObject({
      nextCycle: true,
    });
    expect(
      readCoachingAsk('remind me what I owe before the Acme money arrives', TODAY).until,
    ).toBeUndefined();
  });

  it('knows when the sum to keep back is what is asked', () => {
    expect(readCoachingAsk('how much should I keep back for bills until payday?', TODAY).keepBack).toBe(true);
    expect(readCoachingAsk('what bills are coming up?', TODAY).keepBack).toBe(false);
  });
});
