/** The demo only on purpose: asked for by name, confirmed, kept apart, and removable (today = 2026-03-10). */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding, type Turn } from '../helpers/chat.ts';
import { countRows, dbOf } from '../helpers/db.ts';
import { groceriesWithSpike } from '../helpers/statements.ts';
import { memoryStore } from '../helpers/store.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T12:00:00.000-08:00');

/** Everyday messages that must never load the demo, nor even offer it. */
const ORDINARY = [
  'test',
  'testing',
  'test 123',
  'just testing',
  'try again',
  'let me try again',
  'can you try that again?',
  'try it again',
  'retry',
  'one more time',
  'sample',
  'samples',
  'sample size',
  'show me a sample of my spending',
  'give me a sample of my transactions from last month',
  'ATM withdrawals',
  'atm withdrawals last month',
  'cash from the ATM in February',
  'is this demo data?',
  'are these demo accounts?',
  'what is the demo?',
  'why do I see a demo account?',
  "don't load the demo",
  'no demo please',
  'example',
  'for example groceries last month',
  'give me an example',
  'free trial',
  'try groceries last month',
  'testing the alerts',
  'run a test',
  "i'm testing you",
  'are there any fake transactions on my card?',
  'show me fake charges',
  'demonstrate what you can do',
  'how much did I spend on coffee last month?',
  'what is my balance',
  'what do you keep about me?',
  'show my subscriptions',
  'hello',
] as const;

/** Clear requests for the demo: each gets the question, never the data. */
const REQUESTS = [
  'try the demo',
  'Try the demo',
  'load the demo data',
  'show me a demo',
  'can I try it with sample data?',
  'use demo data',
  'start the demo',
  'demo please',
  'can i take it for a test drive',
  'i want to try it without my bank',
  'let me play with example data',
  'demo?',
] as const;

const REMOVALS = [
  'remove the demo',
  'delete the demo data',
  'get rid of the sample accounts',
  'unlink the demo accounts',
  'exit demo mode',
  "I don't need the demo anymore",
] as const;

let understanding: Understanding;
let store: Store;
let ownAccountId: number;

beforeAll(async () => {
  understanding = await realUnderstanding();
});
beforeEach(async () => {
  store = await memoryStore();
  const own = await importStatement(store, {
    userId: 'alice',
    accountName: 'Chase Checking',
    accountType: 'checking',
    fileName: 'march.csv',
    bytes: groceriesWithSpike(TODAY),
    now: NOW,
  });
  ownAccountId = own.account.id;
});

function chatFor(userId: string, with_: Understanding = understanding): Chat {
  return new Chat({ store, understanding: with_, userId, today: TODAY, now: NOW });
}

const demoAccounts = (userId: string) => countRows(store, 'accounts', 'user_id = ? AND demo = 1', userId);
const ownRows = () =>
  dbOf(store).prepare('SELECT * FROM transactions WHERE account_id = ? ORDER BY id').all(ownAccountId);
const templatesOf = (turns: Turn[]) => turns.flatMap((t) => t.replies.map((r) => r.template));
const DEMO_TEMPLATES = ['DemoOffer', 'DemoAdded', 'DemoOfferAgain'];

describe('ordinary messages', () => {
  it.each(['alice', 'newcomer'])(
    'never load the demo or offer it (%s), even when a "yes" follows',
    async (userId) => {
      expect(ORDINARY.length).toBeGreaterThanOrEqual(35);
      const rowsBefore = countRows(store, 'transactions');
      for (const text of ORDINARY) {
        const chat = chatFor(userId);
        const turns = [await chat.say(text), await chat.say('yes')];
        const where = `"${text}" → ${templatesOf(turns).join(', ')}`;
        expect(
          templatesOf(turns).filter((t) => DEMO_TEMPLATES.includes(t)),
          where,
        ).toEqual([]);
        expect(turns[0]!.state.pending?.kind, where).not.toBe('confirm-demo');
        expect(demoAccounts(userId), where).toBe(0);
      }
      expect(countRows(store, 'transactions')).toBe(rowsBefore);
    },
  );

  it('a demo request the language layer is unsure of is not acted on', async () => {
    const unsure: Understanding = {
      understand: (text, today, vocabulary) => ({
        ...understanding.understand(text, today, vocabulary),
        confidence: 0.4,
      }),
    };
    const chat = chatFor('alice', unsure);
    const turns = [await chat.say('try the demo'), await chat.say('yes')];
    expect(turns[0]!.replies[0]?.template).toBe('Fallback');
    expect(templatesOf(turns).filter((t) => DEMO_TEMPLATES.includes(t))).toEqual([]);
    expect(demoAccounts('alice')).toBe(0);
  });
});

describe('asking for the demo', () => {
  it.each(REQUESTS)('"%s" asks first, saying what will be added, and loads nothing yet', async (text) => {
    const chat = chatFor('alice');
    const [offer] = await play(chat, [
      {
        says: text,
        template: 'DemoOffer',
        data: { accounts: 5, hasAccounts: true },
        text: ['made-up', 'marked as demo', 'apart from your own accounts', 'remove the demo', 'yes or no'],
      },
    ]);
    expect(offer!.state.pending).toEqual({ kind: 'confirm-demo' });
    expect(demoAccounts('alice')).toBe(0);
    await play(chat, [{ says: 'no', template: 'DemoDeclined' }]);
    expect(demoAccounts('alice')).toBe(0);
  });

  it('only a yes loads it, into demo accounts apart from the person’s own, and says so', async () => {
    const before = ownRows();
    const chat = chatFor('alice');
    await play(chat, [
      { says: 'Try the demo', template: 'DemoOffer' },
      { says: 'hmm', template: 'DemoOfferAgain', text: ['yes or no'] },
    ]);
    expect(demoAccounts('alice')).toBe(0);
    const [added] = await play(chat, [
      {
        says: 'Yes, add the demo',
        template: 'DemoAdded',
        data: { accounts: 5 },
        text: ['marked as demo', '(demo)', 'remove the demo'],
      },
    ]);
    const loaded = added!.replies[0]!.data!.transactions as number;
    expect(loaded).toBeGreaterThan(800);
    expect(demoAccounts('alice')).toBe(5);
    expect(countRows(store, 'transactions', 'account_id IN (SELECT id FROM accounts WHERE demo = 1)')).toBe(
      loaded,
    );
    expect(ownRows()).toEqual(before);
    expect((await store.accounts.list('alice')).map((a) => [a.name, a.demo])).toContainEqual([
      'Chase Checking (demo)',
      true,
    ]);
    // Loading the demo is not consent to keep the person's own statements.
    expect((await store.users.get('alice'))?.consentAt ?? null).toBeNull();
    await play(chat, [
      { says: 'try the demo', template: 'DemoAlreadyLoaded', data: { accounts: 5 } },
      {
        says: 'How much did I spend last month?',
        template: 'SpendingTotal',
        data: { period: 'February 2026' },
      },
    ]);
  });

  it('a question instead of an answer is answered, and a later yes loads nothing', async () => {
    const chat = chatFor('alice');
    await play(chat, [
      { says: 'try the demo', template: 'DemoOffer' },
      { says: 'how much did I spend on groceries last month?', template: 'SpendingTotal' },
    ]);
    const yes = await chat.say('yes');
    expect(templatesOf([yes])).not.toContain('DemoAdded');
    expect(demoAccounts('alice')).toBe(0);
  });

  it('"cancel" drops the offer, and a later yes loads nothing', async () => {
    const chat = chatFor('alice');
    await play(chat, [
      { says: 'try the demo', template: 'DemoOffer' },
      { says: 'cancel', template: 'Cancelled', data: { wasWaiting: true } },
    ]);
    expect(templatesOf([await chat.say('yes')])).not.toContain('DemoAdded');
    expect(demoAccounts('alice')).toBe(0);
  });

  it('someone with no accounts is told what the demo is too, and gets it after a yes', async () => {
    const chat = chatFor('newcomer');
    await play(chat, [
      {
        says: 'try the demo',
        template: 'DemoOffer',
        data: { hasAccounts: false },
        notText: ['your own accounts'],
      },
      { says: 'yes', template: 'DemoAdded', data: { accounts: 5 } },
    ]);
    expect((await store.accounts.list('newcomer')).map((a) => a.demo)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('removing the demo', () => {
  async function withDemo(chat: Chat): Promise<number> {
    const [, added] = await play(chat, [
      { says: 'try the demo', template: 'DemoOffer' },
      { says: 'yes', template: 'DemoAdded' },
    ]);
    return added!.replies[0]!.data!.transactions as number;
  }

  it.each(REMOVALS)(
    '"%s" removes every demo account and row, says how many, and leaves the rest as it was',
    async (text) => {
      const before = ownRows();
      const chat = chatFor('alice');
      const loaded = await withDemo(chat);
      await play(chat, [
        {
          says: text,
          template: 'DemoRemoved',
          data: { accounts: 5, transactions: loaded, balances: 5, batches: 5, budgets: 2 },
          text: ['5 demo accounts', `${loaded} made-up transactions`, 'exactly as they were'],
        },
      ]);
      expect(demoAccounts('alice')).toBe(0);
      expect(countRows(store, 'transactions', "user_id = 'alice'")).toBe(before.length);
      expect(countRows(store, 'import_batches', "user_id = 'alice'")).toBe(1);
      expect(countRows(store, 'balances', "user_id = 'alice'")).toBe(0);
      expect(ownRows()).toEqual(before);
      expect((await store.accounts.list('alice')).map((a) => a.name)).toEqual(['Chase Checking']);
    },
  );

  it('says so when there is no demo to remove, and changes nothing', async () => {
    const before = ownRows();
    await play(chatFor('alice'), [
      {
        says: 'remove the demo',
        template: 'NoDemoToRemove',
        data: { ownAccounts: 1 },
        text: ['no demo data', 'nothing was changed'],
      },
    ]);
    await play(chatFor('newcomer'), [
      { says: 'delete the demo data', template: 'NoDemoToRemove', data: { ownAccounts: 0 } },
    ]);
    expect(ownRows()).toEqual(before);
  });

  it('"delete my data" still means everything, demo included, after its own confirmation', async () => {
    const chat = chatFor('alice');
    await withDemo(chat);
    await play(chat, [
      { says: 'delete all my data', template: 'ConfirmDelete' },
      { says: 'yes', template: 'DeletedEverything', data: { accounts: 6 } },
    ]);
    expect(countRows(store, 'accounts', "user_id = 'alice'")).toBe(0);
  });
});

describe('the demo’s budgets', () => {
  const budgetsOf = (userId: string) =>
    dbOf(store)
      .prepare(
        'SELECT subject_key AS subject, amount_minor AS amount, demo FROM budgets WHERE user_id = ? ORDER BY subject_key',
      )
      .all(userId);
  const cents = (text: unknown) => Math.round(Number(String(text).replace(/[$,]/g, '')) * 100);

  async function loadDemoIn(chat: Chat): Promise<void> {
    await play(chat, [
      { says: 'try the demo', template: 'DemoOffer' },
      {
        says: 'yes',
        template: 'DemoAdded',
        data: { budgets: 2 },
        text: ['2 monthly budgets', 'how am I doing on my budgets?'],
      },
    ]);
  }

  it('come with the demo, so budget status can be tried on it straight away', async () => {
    const chat = chatFor('newcomer');
    await loadDemoIn(chat);
    expect(budgetsOf('newcomer')).toEqual([
      { subject: 'eating_out', amount: 40000, demo: 1 },
      { subject: 'groceries', amount: 90000, demo: 1 },
    ]);
    const [status] = await play(chat, [
      { says: 'how am I doing on my budgets?', template: 'BudgetStatus', data: { month: 'March 2026' } },
    ]);
    const rows = status!.replies[0]!.data!.rows as Record<string, unknown>[];
    expect(rows.map((r) => [r.label, r.limit, r.daysElapsed])).toEqual([
      ['eating out', '$400.00', 10],
      ['groceries', '$900.00', 10],
    ]);
    for (const row of rows) expect(cents(row.spent) + cents(row.left)).toBe(cents(row.limit));
  });

  it('are held back from what is left to spend until payday', async () => {
    const chat = chatFor('newcomer');
    await loadDemoIn(chat);
    const [status] = await play(chat, [{ says: 'how am I doing on my budgets?', template: 'BudgetStatus' }]);
    const budgetLeft = (status!.replies[0]!.data!.rows as Record<string, unknown>[]).map((r) =>
      cents(r.left),
    );
    const [left] = await play(chat, [
      { says: 'how much can I spend until payday?', template: 'LeftToSpend' },
    ]);
    const data = left!.replies[0]!.data!;
    const working = data.working as Record<string, unknown>;
    expect(working.reservedItems).toEqual([
      { label: 'eating out', amount: `$${(budgetLeft[0]! / 100).toFixed(2)}` },
      { label: 'groceries', amount: `$${(budgetLeft[1]! / 100).toFixed(2)}` },
    ]);
    expect(left!.texts[0]).toContain(`- eating out: $${(budgetLeft[0]! / 100).toFixed(2)}`);
    expect(cents(working.reserved)).toBe(budgetLeft[0]! + budgetLeft[1]!);
    expect(cents(data.left)).toBe(cents(working.balance) - cents(working.bills) - cents(working.reserved));
    expect(left!.texts[0]).toContain(String(working.reserved));
  });

  it('go with "remove the demo"; a budget the person set stays, and is not replaced by the demo’s', async () => {
    const chat = chatFor('alice');
    await play(chat, [{ says: 'set a $250 budget for eating out', template: 'BudgetSet' }]);
    await play(chat, [
      { says: 'try the demo', template: 'DemoOffer' },
      { says: 'yes', template: 'DemoAdded', data: { budgets: 1 } },
    ]);
    expect(budgetsOf('alice')).toEqual([
      { subject: 'eating_out', amount: 25000, demo: 0 },
      { subject: 'groceries', amount: 90000, demo: 1 },
    ]);
    await play(chat, [
      {
        says: 'remove the demo',
        template: 'DemoRemoved',
        data: { accounts: 5, budgets: 1 },
        text: ['1 demo budget'],
      },
    ]);
    expect(budgetsOf('alice')).toEqual([{ subject: 'eating_out', amount: 25000, demo: 0 }]);
  });
});
