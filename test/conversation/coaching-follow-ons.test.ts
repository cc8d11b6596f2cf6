/**
 * Short follow-ons to coaching answers on the demo household (asked on Tue 10 Mar 2026; paid twice a month,
 * Fri 13 Mar, Tue 31 Mar, Wed 15 Apr…): the same budgets over another month, the payday after the one just
 * given, and the bills of the month after a list. Figures are checked against the same question asked in
 * full, and a follow-on of another kind is answered as itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importStatement } from '../../src/ingest/importer.ts';
import { play } from '../helpers/chat.ts';
import { DemoChats } from '../helpers/demo-chat.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T15:00:00Z');

const demo = new DemoChats(TODAY, NOW, 'follow');
/** A fresh demo household per test, so budgets set in one do not leak into another. */
const demoChat = () => demo.chat();

beforeAll(() => demo.setUp());

const rowsOf = (turn: { replies: { data?: Record<string, unknown> }[] } | undefined) =>
  (turn?.replies[0]?.data as { rows: unknown[] } | undefined)?.rows;

describe('after a budget over a month', () => {
  it('answers the same budget for the month named, with the figure asked in full', async () => {
    const full = await demoChat();
    const [, march, january] = await play(full, [
      { says: 'set a $300 budget for eating out', template: 'BudgetSet' },
      { says: 'how am I doing on my eating out budget?', template: 'BudgetStatus' },
      { says: 'how did January go against my eating-out budget?', template: 'BudgetMonthResult' },
    ]);
    const chat = await demoChat();
    const turns = await play(chat, [
      { says: 'set a $300 budget for eating out', template: 'BudgetSet' },
      {
        says: 'how did February go against my eating-out budget?',
        template: 'BudgetMonthResult',
        data: { month: 'February 2026', rows: [{ label: 'eating out', spent: '$665.02', over: true }] },
      },
      // This month: the month so far, with the pace.
      { says: 'and in March?', template: 'BudgetStatus', text: ['March 2026', 'so far'] },
      {
        says: 'what about January?',
        template: 'BudgetMonthResult',
        data: { month: 'January 2026' },
        text: ['January 2026', 'eating out'],
      },
      {
        says: 'and the month after?',
        template: 'BudgetMonthResult',
        data: { month: 'February 2026' },
        text: ['$665.02'],
      },
      { says: 'how about December?', template: 'BudgetMonthResult', data: { month: 'December 2025' } },
      // A month said on its own, with or without its year.
      { says: 'November?', template: 'BudgetMonthResult', data: { month: 'November 2025' } },
      { says: 'in October 2025', template: 'BudgetMonthResult', data: { month: 'October 2025' } },
      { says: 'same for February', template: 'BudgetMonthResult', text: ['$665.02'] },
    ]);
    expect(rowsOf(turns[2])).toEqual(rowsOf(march));
    expect(rowsOf(turns[3])).toEqual(rowsOf(january));
  });

  it('keeps every budget of the answer, and takes another one by name', async () => {
    const chat = await demoChat();
    await play(chat, [
      { says: 'how am I doing on my budgets?', template: 'BudgetStatus' },
      {
        says: 'and last month?',
        template: 'BudgetMonthResult',
        data: { month: 'February 2026', rows: [{ label: 'eating out' }, { label: 'groceries' }] },
      },
      {
        says: 'what about groceries?',
        template: 'BudgetMonthResult',
        data: { rows: [{ label: 'groceries' }] },
      },
      { says: 'and the month after that?', template: 'BudgetStatus', text: ['March 2026', 'groceries'] },
      { says: 'how about coffee?', template: 'NoSuchBudget', text: ['coffee'] },
    ]);
  });
});

describe('after a payday', () => {
  it('gives the payday after the one just given, and the one after that', async () => {
    const chat = await demoChat();
    await play(chat, [
      { says: "when's my next payday?", template: 'PaySchedule', text: ['Friday 13 Mar 2026'] },
      {
        says: 'and the one after?',
        template: 'PaydayAfter',
        data: { date: 'Tuesday 31 Mar 2026', days: 21, amount: '$3,652.18' },
        text: ['Tuesday 31 Mar 2026', 'pay schedule'],
      },
      { says: 'the one after that?', template: 'PaydayAfter', data: { date: 'Wednesday 15 Apr 2026' } },
      { says: 'and the following one', template: 'PaydayAfter', data: { date: 'Thursday 30 Apr 2026' } },
      // Read as "cancel" by the classifier alone, and yet a step on from the payday just given.
      { says: 'and after that?', template: 'PaydayAfter', data: { date: 'Friday 15 May 2026' } },
      { says: 'next one?', template: 'PaydayAfter', data: { date: 'Friday 29 May 2026' } },
    ]);
  });

  it('does not project a payday after one whose pay has stopped', async () => {
    const lines = ['Date,Description,Amount,Balance'];
    for (const month of ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11'])
      lines.push(`${month}-01,GLOBEX PAYROLL,2500.00,3000.00`);
    for (const day of ['2026-01-05', '2026-02-05', '2026-03-05'])
      lines.push(`${day},VERIZON WIRELESS PAYMENT,-70.00,2000.00`);
    await importStatement(demo.store, {
      userId: 'stopped-pay',
      accountName: 'Checking',
      accountType: 'checking',
      fileName: 'checking.csv',
      bytes: Buffer.from(`${lines.join('\n')}\n`),
      now: NOW,
    });
    const chat = demo.chatFor('stopped-pay');
    await play(chat, [
      { says: 'when is my next payday?', template: 'PaySchedule', data: { overdue: true } },
      { says: 'and the one after?', template: 'PaydayAfterUnsure', notText: ['$'] },
    ]);
  });

  it('lists the paydays of a month ahead, and says a month gone by only looks back', async () => {
    const chat = await demoChat();
    await play(chat, [
      { says: 'when do I get paid next?', template: 'PaySchedule' },
      {
        says: 'what about April?',
        template: 'PaydaysIn',
        data: { period: 'April 2026', dates: ['Wednesday 15 Apr 2026', 'Thursday 30 Apr 2026'] },
      },
      { says: 'and the one after?', template: 'PaydayAfter', data: { date: 'Friday 15 May 2026' } },
      { says: 'how about next month?', template: 'PaydaysIn', data: { period: 'April 2026', count: 2 } },
      { says: 'and in February 2026?', template: 'PaydayPastPeriod', notText: ['$'] },
    ]);
  });

  it('answers a follow-on of another kind as itself', async () => {
    const chat = await demoChat();
    await play(chat, [
      { says: 'when is payday?', template: 'PaySchedule' },
      { says: 'and what bills are coming up?', template: 'UpcomingBills' },
    ]);
  });
});

describe('after a list of bills', () => {
  it('lists the month after it, and next month, each saying the days counted', async () => {
    const chat = await demoChat();
    const turns = await play(chat, [
      { says: 'what bills are due before payday?', template: 'UpcomingBills', data: { count: 2 } },
      {
        says: 'and the month after?',
        template: 'UpcomingBills',
        data: { h: { starts: 'Saturday 14 Mar 2026', until: 'Monday 13 Apr 2026' } },
        text: ['from Saturday 14 Mar 2026 to Monday 13 Apr 2026'],
      },
      {
        says: 'what about next month?',
        template: 'UpcomingBills',
        data: { h: { starts: 'Wednesday 1 Apr 2026', until: 'Thursday 30 Apr 2026' } },
      },
      {
        says: 'and the month after that',
        template: 'UpcomingBills',
        data: { h: { starts: 'Friday 1 May 2026' } },
      },
      { says: 'and in February?', template: 'BillsPastPeriod', text: ['February 2026'], notText: ['$'] },
    ]);
    // The month after the list is the same bills the days it names hold.
    const days = (data: unknown) => (data as { items: { day: string }[] }).items.map((i) => i.day);
    expect(days(turns[1]!.replies[0]!.data)).toContain('Wednesday 1 Apr 2026');
    expect(days(turns[2]!.replies[0]!.data).every((d) => / Apr 2026$/.test(d))).toBe(true);
  });

  it('does not carry a bills list into an unrelated question', async () => {
    const chat = await demoChat();
    await play(chat, [
      { says: 'what bills are coming up?', template: 'UpcomingBills' },
      { says: 'how much did I spend on groceries in February?', template: 'SpendingTotal' },
      { says: 'and in January?', template: 'SpendingTotal', text: ['January 2026'] },
    ]);
  });
});

describe('budgets over two categories, or with nothing said', () => {
  it('refuses one limit over two categories, clearly, and stores nothing', async () => {
    const chat = await demoChat();
    const before = await demo.store.budgets.list(demo.lastUser);
    for (const says of [
      'a $500 budget for groceries and eating out',
      'set a budget of 500 for groceries and eating out',
      'budget $500 a month for eating out and coffee',
    ])
      await play(chat, [
        { says, template: 'BudgetOneAtATime', text: ['one budget at a time', "haven't set"] },
      ]);
    expect(await demo.store.budgets.list(demo.lastUser)).toEqual(before);
    // The one category named next takes the amount.
    await play(chat, [
      { says: 'a $500 budget for groceries and eating out', template: 'BudgetOneAtATime' },
      { says: 'groceries', template: 'BudgetSet', text: ['$500.00', 'groceries'] },
    ]);
  });

  it('asks what a bare "set a budget" covers and how much, then sets it', async () => {
    const chat = await demoChat();
    await play(chat, [
      { says: 'set a budget', template: 'BudgetNeedsSubject' },
      { says: 'coffee', template: 'BudgetNeedsAmount', text: ['coffee'] },
      { says: 'about 60 bucks', template: 'BudgetSet', text: ['$60.00', 'coffee'] },
      { says: 'set up a budget please', template: 'BudgetNeedsSubject' },
      { says: 'everything', template: 'BudgetNeedsAmount', text: ['all spending'] },
      { says: '4k', template: 'BudgetSet', text: ['$4,000.00'] },
    ]);
  });
});
