/** Counts and lists in many wordings: the measure and the form, whatever the classifier first guessed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { asker, understanding, TODAY, VOCABULARY } from './helpers.ts';

let ask: Awaited<ReturnType<typeof asker>>;
beforeAll(async () => {
  ask = await asker();
});

describe('a count', () => {
  it.each([
    'count my ubers',
    'count up my lyft trips since january',
    'did i go to starbucks more than 5 times last month',
    'have i been to chipotle more than twice this month',
    'times i went to starbucks in jan?',
    'starbucks visits count for feb',
    'how regularly do i shop at whole foods',
    'how many times did shell take my money this month',
    'how many charges on the amex this week',
    'hw mny times did i go to chipotle last month',
  ])('"%s" counts the charges, as money out', (text) => {
    const { frame, brief } = ask(text);
    expect(brief.measure).toBe('count:spent');
    expect(frame.intent).toBe('spending');
    expect(brief.unplaced).toEqual([]);
    expect(brief.unknown).toEqual([]);
  });
});

describe('a list', () => {
  it.each([
    'line by line what did i spend on coffee last week',
    'itemise my tesco spending in january',
    'gimme a list of my eating out last month',
    'every single uber ride in q4',
    'what did i purchase at best buy last year',
    'what did i get at best buy in december, item by item',
    'line by line breakdown of my uber spending last month',
    'give me a breakdown of every purchase at tesco',
    'charges on my amex this week',
    'receipts from shell in january',
    'anything from amazon this week?',
    'was there an uber charge yesterday',
    'what did i spend money on yesterday',
    "what's been charged to my sapphire since monday",
    'recent amazon orders',
    'my last few uber rides',
  ])('"%s" lists the transactions', (text) => {
    const { frame, brief } = ask(text);
    expect(frame.intent).toBe('transactions');
    expect(brief.form).toBe('list');
    expect(brief.unplaced).toEqual([]);
  });

  it('"Best Buy last year" names a shop, not the best year', () => {
    const { brief } = ask('what did i purchase at best buy last year');
    expect(brief.include).toEqual(['mer:Best Buy']);
    expect(brief.periods).toEqual(['2025-01-01..2026-01-01']);
  });
});

describe('bills still to come are not charges already made', () => {
  it.each(['bills this week', "what's due this week", 'which payments are coming out this week'])(
    '"%s" stays a question about upcoming bills',
    async (text) => {
      const u = await understanding();
      expect(u.understand(text, TODAY, VOCABULARY).intent).toBe('upcoming_bills');
    },
  );
});
