/**
 * Budgets, tone and notice settings understood from words: which request it is and what it names, with
 * "make it $350" as a change of the last budget and unknown subjects kept so the bot can ask.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetAmountOf } from '../../src/language/coaching.ts';
import type { Frame } from '../../src/language/types.ts';
import { realUnderstanding } from '../helpers/chat.ts';
import type { Understanding } from '../../src/conversation/types.ts';

const TODAY = '2026-02-14';
const VOCABULARY = {
  accounts: [{ id: 1, name: 'Amex Gold', type: 'credit_card' as const }],
  merchants: ['Safeway'],
};
let understanding: Understanding;
beforeAll(async () => {
  understanding = await realUnderstanding();
});
const read = (text: string): Frame => understanding.understand(text, TODAY, VOCABULARY);

describe('budget requests', () => {
  it.each([
    ['set a $400 budget for eating out', 'budget_set', 'eating_out', 40_000],
    ['budget 300 a month for groceries', 'budget_set', 'groceries', 30_000],
    ['I want to cap coffee at 60 bucks a month', 'budget_set', 'coffee', 6_000],
    ['set my grocery budget to £250', 'budget_set', 'groceries', 25_000],
    ['drop the eating-out budget', 'budget_remove', 'eating_out', undefined],
    ['am I on track with groceries?', 'budget_status', 'groceries', undefined],
    ["how's my eating out budget looking", 'budget_status', 'eating_out', undefined],
    // Budgets were once words a money question could not place; now they are requests of their own.
    ['set a budget of $300 for eating out', 'budget_set', 'eating_out', 30_000],
    ['i want a budget of 400 for groceries', 'budget_set', 'groceries', 40_000],
    ['am i on track with groceries this month', 'budget_status', 'groceries', undefined],
  ])('%s → %s', (text, intent, category, amount) => {
    const f = read(text);
    expect(f.intent).toBe(intent);
    expect(f.coaching?.categories.map((c) => c.key)).toEqual([category]);
    expect(f.coaching?.amount?.minor).toBe(amount);
  });

  it.each([
    ['what are my budgets?', 'budget_list'],
    ['show me my budgets', 'budget_list'],
    ['How am I doing on my budgets?', 'budget_status'],
    ['am i over budget this month', 'budget_status'],
    ['remove all budgets', 'budget_remove'],
  ])('%s → %s, naming nothing', (text, intent) => {
    const f = read(text);
    expect(f.intent).toBe(intent);
    expect(f.coaching?.categories).toEqual([]);
    expect(f.coaching?.subjectWords).toBeUndefined();
  });

  it('reads all spending, every budget and "make it"', () => {
    expect(read('budget $2,000 a month for all spending').coaching).toMatchObject({
      allSpending: true,
      amount: { minor: 200_000 },
    });
    expect(read('delete all my budgets').coaching?.everyBudget).toBe(true);
    expect(read('make it $350').coaching).toMatchObject({ followUp: true, amount: { minor: 35_000 } });
    expect(read('actually change it to 275').coaching).toMatchObject({
      followUp: true,
      amount: { minor: 27_500 },
    });
  });

  it('keeps a subject it does not know instead of guessing one', () => {
    const f = read('set a budget for zorbs');
    expect(f.intent).toBe('budget_set');
    expect(f.coaching).toMatchObject({ subjectWords: 'zorbs', categories: [], allSpending: false });
  });

  it('leaves money questions alone', () => {
    expect(read('how much did I spend on groceries last month').intent).toBe('spending');
    expect(read('turn alerts off').intent).toBe('alerts');
  });
});

describe('tone and notices', () => {
  it.each([
    ['roast me', 'roast'],
    ['roast my spending', 'roast'],
    ['hype me up', 'hype'],
    ['normal tone please', 'normal'],
    ['be nice', 'normal'],
  ])('%s → %s', (text, tone) => {
    const f = read(text);
    expect(f.intent).toBe('tone');
    expect(f.coaching?.tone).toBe(tone);
  });

  it.each([
    ['stop the weekly recap', 'weekly_recap', false],
    ['send me a weekly recap', 'weekly_recap', true],
    ['turn off budget alerts', 'budget_alerts', false],
    ['no more bill reminders', 'bill_reminders', false],
    ['remind me about bills', 'bill_reminders', true],
    ['stop payday messages', 'payday_notes', false],
  ])('%s → %s %s', (text, notice, on) => {
    const f = read(text);
    expect(f.intent).toBe('notices');
    expect(f.coaching).toMatchObject({ notice, on });
  });
});

describe('budgetAmountOf', () => {
  it('reads written and bare amounts, and not years, days or counts', () => {
    expect(budgetAmountOf('$1,200.50')).toEqual({ minor: 120_050, currency: 'USD' });
    expect(budgetAmountOf('make it 350')).toEqual({ minor: 35_000 });
    expect(budgetAmountOf('1.5k a month')).toEqual({ minor: 150_000 });
    expect(budgetAmountOf('groceries in 2026')).toBeUndefined();
    expect(budgetAmountOf('for 3 months')).toBeUndefined();
  });
});
