/**
 * Budgets in a conversation, checked in the database: set, change with "make it", list, status with the
 * pace, remove one and remove all; unknown categories are asked about and nothing is stored.
 *
 * Alice's ledger (test/insights/ledger.ts) on 14 February 2026: groceries so far are Safeway $60.00 (12 Feb)
 * and $120.00 (14 Feb) in USD, plus €30.00 (not counted against a USD budget). 14 of 28 days gone, so the
 * pace is $360.00 by the 28th.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realTemplates, realUnderstanding } from '../helpers/chat.ts';
import { dbOf } from '../helpers/db.ts';
import { ledger } from '../insights/ledger.ts';

const TODAY = '2026-02-14';
const NOW = new Date('2026-02-14T18:00:00Z');

let understanding: Understanding;
let store: Store;

beforeAll(async () => {
  understanding = await realUnderstanding();
});
beforeEach(async () => {
  store = (await ledger()).store;
});

const chat = (userId = 'alice', inGroup = false) =>
  new Chat({ store, understanding, userId, today: TODAY, now: NOW, inGroup });

/** Alice's budget rows as stored. */
function rows(userId = 'alice') {
  return dbOf(store)
    .prepare(
      'SELECT subject_key AS subject, label, amount_minor AS amount, currency, query_json AS query FROM budgets WHERE user_id = ? ORDER BY subject_key',
    )
    .all(userId) as { subject: string; label: string; amount: number; currency: string; query: string }[];
}

describe('budgets in chat', () => {
  it('sets a budget as a stored query with a limit, then changes it with "make it"', async () => {
    const c = chat();
    await play(c, [
      { says: 'set a $400 budget for eating out', template: 'BudgetSet', text: ['$400.00', 'eating out'] },
    ]);
    const [first] = rows();
    expect(first).toMatchObject({
      subject: 'eating_out',
      label: 'eating out',
      amount: 40_000,
      currency: 'USD',
    });
    const query = JSON.parse(first!.query) as {
      measure: { kind: string };
      filters: { include: { categories: { codes: string[] }[] } };
      periods: unknown[];
    };
    expect(query.measure.kind).toBe('spent');
    expect(query.filters.include.categories[0]?.codes).toContain('FOOD_AND_DRINK_RESTAURANT');
    expect(query.periods).toEqual([]);

    await play(c, [{ says: 'make it $350', template: 'BudgetSet', text: ['$350.00', 'was $400.00'] }]);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ subject: 'eating_out', amount: 35_000 });
  });

  it('takes a bare number, lists budgets, and replaces rather than duplicates', async () => {
    const c = chat();
    await play(c, [
      { says: 'budget 300 a month for groceries', template: 'BudgetSet', text: ['$300.00', 'groceries'] },
      {
        says: 'budget $2,000 a month for all spending',
        template: 'BudgetSet',
        text: ['$2,000.00', 'all your spending'],
      },
      { says: 'set my groceries budget to $250', template: 'BudgetSet', text: ['$250.00', 'was $300.00'] },
      {
        says: 'what are my budgets?',
        template: 'BudgetList',
        text: ['All spending: **$2,000.00**', 'groceries: **$250.00**'],
      },
    ]);
    expect(rows().map((r) => [r.subject, r.amount])).toEqual([
      ['all', 200_000],
      ['groceries', 25_000],
    ]);
  });

  it('says spent so far, what is left and the pace, from the executor', async () => {
    const c = chat();
    await c.say('budget $300 a month for groceries');
    await c.say('set a $1,000 budget for eating out');
    const turn = await c.say('How am I doing on my budgets?');
    expect(turn.replies[0]?.template).toBe('BudgetStatus');
    const text = turn.texts[0]!;
    expect(text).toContain('February 2026 so far (day 14 of 28)');
    // 60 + 120 = 180 of 300; 180 × 28 / 14 = 360, so $60 over by the 28th.
    expect(text).toMatch(
      /groceries: spent \*\*\$180\.00\*\* of \$300\.00, \$120\.00 left\. At this rate you'll be \*\*\$60\.00 over\*\* by the 28th/,
    );
    expect(text).toMatch(/eating out: spent \*\*\$0\.00\*\* of \$1,000\.00, \$1,000\.00 left\. On track/);

    const one = await c.say('am I on track with groceries?');
    expect(one.replies[0]?.template).toBe('BudgetStatus');
    expect(one.texts[0]).toContain('$60.00 over');
    expect(one.texts[0]).not.toContain('eating out');
  });

  it('says "over" once the limit is passed', async () => {
    const c = chat();
    await c.say('set a $150 budget for groceries');
    const turn = await c.say('how is my groceries budget going');
    expect(turn.texts[0]).toMatch(/spent \*\*\$180\.00\*\* of \$150\.00, \*\*\$30\.00 over\*\*/);
  });

  it('removes one budget, then all of them', async () => {
    const c = chat();
    await c.say('set a $400 budget for eating out');
    await c.say('budget 300 a month for groceries');
    await play(c, [{ says: 'drop the eating-out budget', template: 'BudgetRemoved', text: ['eating out'] }]);
    expect(rows().map((r) => r.subject)).toEqual(['groceries']);
    await play(c, [
      { says: 'drop the eating-out budget', template: 'NoSuchBudget' },
      { says: 'remove all budgets', template: 'BudgetsRemoved', text: ['Removed your budget'] },
      { says: 'what are my budgets?', template: 'NoBudgets' },
    ]);
    expect(rows()).toEqual([]);
  });

  it('asks about a category it does not know and stores nothing', async () => {
    const c = chat();
    await play(c, [
      { says: 'set a budget for zorbs', template: 'BudgetUnknownCategory', text: ['zorbs'] },
      { says: 'set a $50 budget for zorbs', template: 'BudgetUnknownCategory' },
      {
        says: 'set a $300 budget for groceries and coffee',
        template: 'BudgetOneAtATime',
        text: ['groceries or coffee'],
      },
    ]);
    expect(rows()).toEqual([]);
  });

  it('asks what a budget covers, or how much, and finishes with the answer', async () => {
    const c = chat();
    await play(c, [
      { says: 'set a budget of $300', template: 'BudgetNeedsSubject', text: ['$300.00'] },
      { says: 'groceries', template: 'BudgetSet', text: ['$300.00', 'groceries'] },
      { says: 'set a budget for eating out', template: 'BudgetNeedsAmount', text: ['eating out'] },
      { says: '$120', template: 'BudgetSet', text: ['$120.00', 'eating out'] },
    ]);
    expect(rows().map((r) => [r.subject, r.amount])).toEqual([
      ['eating_out', 12_000],
      ['groceries', 30_000],
    ]);
  });

  it('asks which budget "make it" means when none was just talked about', async () => {
    await play(chat(), [{ says: 'make it $350', template: 'BudgetWhichOne' }]);
    expect(rows()).toEqual([]);
  });

  it('keeps each person to their own budgets', async () => {
    await chat('alice').say('set a $400 budget for eating out');
    await play(chat('bob'), [{ says: 'what are my budgets?', template: 'NoBudgets' }]);
    expect(rows('bob')).toEqual([]);
  });

  it('answers budgets only in private in a group chat', async () => {
    await play(chat('alice', true), [{ says: 'set a $400 budget for eating out', template: 'AskPrivately' }]);
    expect(rows()).toEqual([]);
  });

  it('goes with "delete my data"', async () => {
    const c = chat();
    await c.say('set a $400 budget for eating out');
    await c.say('roast me');
    expect(rows()).toHaveLength(1);
    await c.say('delete my data');
    await c.say('yes');
    expect(rows()).toEqual([]);
    expect(
      dbOf(store).prepare("SELECT count(*) FROM coaching_settings WHERE user_id = 'alice'").pluck().get(),
    ).toBe(0);
  });

  it('renders every budget reply with the real templates', () => {
    expect(realTemplates().problems).toEqual([]);
  });
});
