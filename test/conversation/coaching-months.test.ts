/**
 * Coaching answers on the demo household (data 1 Mar 2025 – 10 Mar 2026, asked on 10 Mar 2026): a budget
 * over a finished month, with "that budget" carried from the turn before; what was kept of the pay; days to
 * payday; bills to the month's end and over the pay cycle after the next payday; prices in other words.
 * Figures are checked against the plain answers to the same question asked the usual way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importStatement } from '../../src/ingest/importer.ts';
import { play } from '../helpers/chat.ts';
import { DemoChats } from '../helpers/demo-chat.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T15:00:00Z');

const demo = new DemoChats(TODAY, NOW, 'demo');
/** A fresh demo household per test, so budgets set in one do not leak into another. */
const demoChat = () => demo.chat();

beforeAll(() => demo.setUp());

describe('a budget over a finished month', () => {
  it('says spent, limit and over or under, with no pace, and carries "that budget" on', async () => {
    const chat = await demoChat();
    await play(chat, [
      // The same figure asked the usual way.
      {
        says: 'how much did I spend on eating out in February?',
        template: 'SpendingTotal',
        text: ['$665.02'],
      },
      { says: 'set a $300 budget for eating out', template: 'BudgetSet' },
      {
        says: 'how did February go against my eating-out budget?',
        template: 'BudgetMonthResult',
        data: {
          month: 'February 2026',
          rows: [{ label: 'eating out', spent: '$665.02', by: '$365.02', over: true }],
        },
        text: ['February 2026', '$665.02', '$300.00', '$365.02 over'],
        notText: ['at this rate', 'so far'],
      },
      {
        says: 'where did January land against that budget?',
        template: 'BudgetMonthResult',
        data: { month: 'January 2026', rows: [{ label: 'eating out', over: false }] },
        text: ['under'],
      },
      {
        says: 'how did December compare with that limit?',
        template: 'BudgetMonthResult',
        data: { month: 'December 2025', rows: [{ label: 'eating out' }] },
      },
      // This month keeps the pace.
      { says: 'how am I doing on my eating out budget?', template: 'BudgetStatus', text: ['so far'] },
    ]);
  });

  it('answers every budget for a month, and asks which when "that budget" could be several', async () => {
    const chat = await demoChat();
    await play(chat, [
      { says: 'set a $60 budget for coffee', template: 'BudgetSet' },
      {
        says: 'did I stick to my coffee budget last month?',
        template: 'BudgetMonthResult',
        data: { month: 'February 2026', rows: [{ label: 'coffee', limit: '$60.00' }] },
      },
      {
        says: 'how did my budgets go last month?',
        template: 'BudgetMonthResult',
        data: { rows: [{ label: 'coffee' }, { label: 'eating out' }, { label: 'groceries' }] },
      },
    ]);
    const fresh = demo.chatFor(demo.lastUser);
    await play(fresh, [{ says: 'how did January go against that budget?', template: 'BudgetWhichOne' }]);
  });

  it('never measures a month the statements miss, one not yet come, or a week', async () => {
    const chat = await demoChat();
    await play(chat, [
      {
        says: 'how did March 2024 go against my grocery budget?',
        template: 'BudgetMonthNoData',
        text: ['March 2024', '1 Mar 2025'],
        notText: ['$0.00'],
      },
      { says: 'how did last week go against my grocery budget?', template: 'BudgetMonthsOnly' },
    ]);
  });
});

describe('a month the statements only partly cover', () => {
  it('counts from the first day there is data, and says so', async () => {
    const lines = ['Date,Description,Amount'];
    for (const day of ['2026-01-15', '2026-01-22', '2026-01-29', '2026-02-05', '2026-02-12'])
      lines.push(`${day},SAFEWAY #1507 SAN FRANCISCO CA,-120.00`);
    await importStatement(demo.store, {
      userId: 'late-starter',
      accountName: 'Checking',
      accountType: 'checking',
      fileName: 'checking.csv',
      bytes: Buffer.from(`${lines.join('\n')}\n`),
      now: NOW,
    });
    const chat = demo.chatFor('late-starter');
    await play(chat, [
      { says: 'set a $400 budget for groceries', template: 'BudgetSet' },
      {
        says: 'how did January go against my grocery budget?',
        template: 'BudgetMonthResult',
        data: { dataStarts: '15 Jan 2026', rows: [{ spent: '$360.00', by: '$40.00', over: false }] },
        text: ['start on 15 Jan 2026', '$40.00 under'],
      },
      {
        says: 'and how did February go against that budget?',
        template: 'BudgetMonthResult',
        data: { dataEnds: '12 Feb 2026', rows: [{ spent: '$240.00' }] },
        text: ['end on 12 Feb 2026'],
      },
    ]);
  });
});

describe('what was kept of the pay', () => {
  it('answers income minus spending, the same figure as "how much did I save"', async () => {
    const chat = await demoChat();
    const saved = { data: { saved: true }, text: ['$7,305.36', '$6,955.66', '$349.70'] };
    await play(chat, [
      { says: 'how much did I save last month?', template: 'NetTotal', ...saved },
      { says: 'how much of my pay did I hang on to last month?', template: 'NetTotal', text: saved.text },
      {
        says: 'what were my savings last month?',
        template: 'NetTotal',
        text: saved.text,
        notText: ['$1.00'],
      },
      {
        says: 'did I end January up or down, and by how much?',
        template: 'NetTotal',
        text: ['January 2026'],
      },
      { says: "what's in my savings?", template: 'Balances', text: ['Chase Savings'] },
    ]);
  });
});

describe('the pay cycle in other words', () => {
  it('counts the days to payday, and gives the date', async () => {
    const chat = await demoChat();
    for (const says of [
      "how many days until I'm paid?",
      'how long till payday?',
      'days to go until my salary',
    ])
      await play(chat, [
        {
          says,
          template: 'PaySchedule',
          data: { days: 3, howLong: true },
          text: ['**3 days**', 'Friday 13 Mar 2026'],
        },
      ]);
  });

  it('lists bills to the end of the month as those before payday and those in the cycle after it', async () => {
    const chat = await demoChat();
    const [before, after, month] = await play(chat, [
      {
        says: 'remind me what I owe before the Acme money arrives',
        template: 'UpcomingBills',
        data: { count: 2, total: '$160.63', h: { byPayday: true } },
      },
      {
        says: 'which ones land between that paycheck and the next one?',
        template: 'UpcomingBills',
        data: { count: 4, total: '$132.81', h: { from: 'Friday 13 Mar 2026', until: 'Tuesday 31 Mar 2026' } },
      },
      {
        says: 'what bills are still to come this month?',
        template: 'UpcomingBills',
        data: { count: 6, total: '$293.44', h: { until: 'Tuesday 31 Mar 2026', byPayday: false } },
      },
      {
        says: 'how much should I set aside for bills until payday?',
        template: 'UpcomingBills',
        data: { keepBack: true, total: '$160.63' },
        // The set-aside says which part of it is an estimate, and how far that bill has ranged.
        text: ['keep back about **$160.63**', '$148.64 of it is an estimate: PG&E varies ($105.85–$226.33'],
      },
    ]);
    const items = (t: typeof before) => (t!.replies[0]!.data as { items: string[] }).items;
    expect(items(month!)).toEqual([...items(before!), ...items(after!)]);
  });

  it('does not guess at a pay cycle where no steady pay shows', async () => {
    const lines = ['Date,Description,Amount,Balance'];
    for (const month of ['2025-12', '2026-01', '2026-02', '2026-03'])
      lines.push(`${month}-02,VERIZON WIRELESS PAYMENT,-70.00,900.00`);
    await importStatement(demo.store, {
      userId: 'no-pay',
      accountName: 'Checking',
      accountType: 'checking',
      fileName: 'checking.csv',
      bytes: Buffer.from(`${lines.join('\n')}\n`),
      now: NOW,
    });
    const chat = demo.chatFor('no-pay');
    await play(chat, [
      { says: 'which bills land between my next two paydays?', template: 'BillsNoPayCycle', notText: ['$'] },
    ]);
  });

  it('weighs a price said in other words against what is left to spend', async () => {
    const chat = await demoChat();
    const [left] = await play(chat, [
      { says: 'how much can I spend until payday?', template: 'LeftToSpend' },
    ]);
    const leftText = (left!.replies[0]!.data as { left: string }).left;
    for (const [says, amount] of [
      ['could I swing a $3,000 holiday?', '$3,000.00'],
      ['can I stretch to $500 for a bike?', '$500.00'],
      ['is $200 doable before payday?', '$200.00'],
      ['do I have room for a $80 dinner?', '$80.00'],
    ] as const) {
      await play(chat, [
        { says, template: 'Afford', data: { amount, left: leftText }, notText: ['between'] },
      ]);
    }
  });
});
