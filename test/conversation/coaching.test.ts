/**
 * Coaching in conversation: paydays, bills before payday, left to spend, affordability, the low point
 * before payday and savings, on the demo household and on made-up statements dated around one day.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import { upcomingFromHistory } from '../../src/conversation/upcoming.ts';
import { addDays } from '../../src/day.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { HOUSEHOLD_NOW, HOUSEHOLD_TODAY, loadHousehold } from '../helpers/household.ts';
import { memoryStore } from '../helpers/store.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T15:00:00Z');

let understanding: Understanding;
let store: Store;

/**
 * Sam's checking account up to `lastDay`: pay from Globex every other Friday, rent on the 1st, a phone
 * bill on the 12th, Netflix on the 5th, and groceries every other day, with the running balance ending
 * at `endMinor`.
 */
function samStatement(lastDay: string, endMinor: number, pay = true): Buffer {
  const rows: [string, string, number][] = [];
  for (let d = addDays(lastDay, -150); d <= lastDay; d = addDays(d, 1)) {
    const dom = Number(d.slice(8, 10));
    if (pay && (((Date.parse(d) / 86_400_000 - Date.parse('2026-02-27') / 86_400_000) % 14) + 14) % 14 === 0)
      rows.push([d, 'GLOBEX CORP PAYROLL PPD ID: 5550001', 210000]);
    if (dom === 1) rows.push([d, 'AVALON BAY APARTMENTS RENT', -145000]);
    if (dom === 12) rows.push([d, 'T-MOBILE AUTOPAY', -8500]);
    if (dom === 5) rows.push([d, 'NETFLIX.COM', -1799]);
    if (dom % 2 === 0) rows.push([d, 'SAFEWAY #1507 SAN FRANCISCO CA', -(3000 + ((dom * 37) % 1500))]);
  }
  let balance = endMinor - rows.reduce((n, r) => n + r[2], 0);
  const lines = ['Date,Description,Amount,Balance'];
  for (const [d, desc, amount] of rows) {
    balance += amount;
    lines.push(`${d},${desc},${(amount / 100).toFixed(2)},${(balance / 100).toFixed(2)}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function linkSam(user: string, bytes: Buffer): Promise<void> {
  await importStatement(store, {
    userId: user,
    accountName: 'Sam Checking',
    accountType: 'checking',
    fileName: 'sam.csv',
    bytes,
    now: NOW,
  });
}

const chat = (userId: string, inGroup = false) =>
  new Chat({ store, understanding, userId, today: TODAY, now: NOW, inGroup });

beforeAll(async () => {
  understanding = await realUnderstanding();
  store = await memoryStore();
  await loadDemo(store, 'demo-user', TODAY, NOW);
  await linkSam('sam', samStatement(addDays(TODAY, -1), 60000));
  await linkSam('sam-tight', samStatement(addDays(TODAY, -1), 15000));
  await linkSam('sam-old', samStatement('2026-02-20', 90000));
  await linkSam('no-pay', samStatement(addDays(TODAY, -1), 40000, false));
});

describe('paydays', () => {
  it('gives the next payday, the usual amount and the schedule, on the demo household', async () => {
    await play(chat('demo-user'), [
      {
        says: "When's my next payday?",
        template: 'PaySchedule',
        // 15 March 2026 is a Sunday: Acme pays on the Friday before.
        data: { payer: 'Acme Corp', date: 'Friday 13 Mar 2026', days: 3, amount: '$3,652.18' },
        text: ['**Friday 13 Mar 2026**', '$3,652.18', 'twice a month', 'the 15th and the last day'],
      },
      {
        says: 'how much do I get paid?',
        template: 'PaySchedule',
        text: ['You usually get **$3,652.18** from Acme Corp', 'twice a month'],
      },
      { says: 'when is my next pay check', template: 'PaySchedule' },
      { says: 'when do i get paid', template: 'PaySchedule' },
    ]);
  });

  it('finds pay every two weeks in a statement of its own', async () => {
    await play(chat('sam'), [
      {
        says: 'next payday?',
        template: 'PaySchedule',
        data: { payer: 'Globex Corp', date: 'Friday 13 Mar 2026', cadence: 'biweekly' },
        text: ['every two weeks on Fridays', '$2,100.00'],
      },
    ]);
  });

  it('says so when nothing comes in regularly, instead of a zero', async () => {
    await play(chat('no-pay'), [
      { says: "when's payday", template: 'PayNoRegularIncome', notText: ['$0'] },
      { says: 'how much do i get paid', template: 'PayNoRegularIncome' },
    ]);
  });

  it('goes by the schedule when the statements stop early, and says so', async () => {
    await play(chat('sam-old'), [
      {
        says: 'when is my next payday',
        template: 'PaySchedule',
        data: { dataOld: true, date: 'Friday 13 Mar 2026' },
        text: ['statements end on 20 Feb 2026'],
      },
    ]);
  });

  it('keeps questions about pay that came in as income questions', async () => {
    const c = chat('demo-user');
    expect((await c.say('what did i get paid last month')).replies[0]?.template).not.toBe('PaySchedule');
    expect((await c.say('when was my last paycheck')).replies[0]?.template).not.toBe('PaySchedule');
  });
});

describe('bills before payday', () => {
  it('lists the bills after today and on or before payday, each with its date and amount', async () => {
    const [turn] = await play(chat('demo-user'), [
      {
        says: 'what bills are coming up?',
        template: 'UpcomingBills',
        data: { count: 2 },
      },
    ]);
    expect(turn!.replies[0]!.data).toMatchObject({
      h: { byPayday: true, until: 'Friday 13 Mar 2026' },
      items: [
        { merchant: 'Spotify', amount: '$11.99', estimated: false },
        { merchant: 'PG&E', amount: '$148.64', estimated: true },
      ],
      total: '$160.63',
      estimates: [{ merchant: 'PG&E', amount: '$148.64' }],
    });
    expect(turn!.texts[0]).toContain(
      '- Spotify: $11.99 on Wednesday 11 Mar 2026\n- PG&E: about $148.64 on Thursday 12 Mar 2026',
    );
    // Card payments and the transfer to savings are between the household's own accounts.
    expect(turn!.texts[0]).not.toMatch(/AMEX|Capital One|Citi|Transfer/i);
  });

  it('counts a month ahead, and says why, when there is no payday', async () => {
    const [turn] = await play(chat('no-pay'), [
      { says: 'upcoming bills', template: 'UpcomingBills', text: ["couldn't find a regular payday"] },
    ]);
    expect(turn!.texts[0]).toContain(
      [
        '- T-Mobile: $85.00 on Thursday 12 Mar 2026',
        '- Avalon Bay Apartments: $1,450.00 on Wednesday 1 Apr 2026',
        '- Netflix: $17.99 on Monday 6 Apr 2026',
      ].join('\n'),
    );
    expect(turn!.replies[0]!.data?.items).toHaveLength(3);
  });
});

describe('left to spend until payday', () => {
  it('is the checking balance minus the bills before payday, each part shown', async () => {
    await play(chat('sam'), [
      {
        says: 'how much can I spend until payday?',
        template: 'LeftToSpend',
        data: { left: '$515.00', working: { balance: '$600.00', bills: '$85.00', stale: false } },
        text: [
          '**$515.00** left to spend until payday (Friday 13 Mar 2026)',
          'Sam Checking: $600.00',
          'T-Mobile: $85.00',
        ],
      },
      { says: "what's left until payday", template: 'LeftToSpend', data: { left: '$515.00' } },
      { says: 'safe to spend?', template: 'LeftToSpend', data: { left: '$515.00' } },
      { says: 'how much can I spend till Friday', template: 'LeftToSpend', data: { left: '$515.00' } },
    ]);
  });

  it('says as of when an old balance is', async () => {
    await play(chat('sam-old'), [
      {
        says: 'how much do i have left to spend',
        template: 'LeftToSpend',
        text: ['balance as of 20 Feb 2026'],
      },
    ]);
  });

  it('counts to a named day that is not payday', async () => {
    const [turn] = await play(chat('no-pay'), [
      { says: 'how much can i spend till thursday', template: 'LeftToSpend' },
    ]);
    expect(turn!.replies[0]!.data).toMatchObject({ h: { until: 'Thursday 12 Mar 2026', byPayday: false } });
  });
});

describe('can I afford it', () => {
  it('answers from what is left and names the payday', async () => {
    await play(chat('sam'), [
      {
        says: 'can I afford $100?',
        template: 'Afford',
        data: { affordable: true, leftAfter: '$415.00' },
        text: ['Friday 13 Mar 2026'],
      },
    ]);
    await play(chat('sam-tight'), [
      {
        says: 'can i afford $100',
        template: 'Afford',
        data: { affordable: false, left: '$65.00', leftAfter: '$35.00' },
        text: ['$35.00** short'],
      },
    ]);
  });

  it('asks how much when no amount is given, and says what is left', async () => {
    await play(chat('demo-user'), [
      {
        says: 'can I afford a new iPhone?',
        template: 'AffordHowMuch',
        text: ['How much is it?', 'left to spend until payday (Friday 13 Mar 2026)'],
        notText: ["didn't spend", 'phone'],
      },
    ]);
  });
});

describe('a commitment over years', () => {
  it.each([
    ['can I afford a 400k mortgage?', 'a 400k mortgage'],
    ['could we afford a house', 'a house'],
    ['can i afford to retire early', 'to retire'],
    ['can we afford a baby?', 'a baby'],
    ['can I afford a car loan', 'a car loan'],
  ])('"%s" gets no figure from what is left until payday', async (says, thing) => {
    await play(chat('demo-user'), [
      {
        says,
        template: 'AffordCommitment',
        data: { thing },
        text: [thing],
        notText: ['$', 'How much is it?'],
      },
    ]);
  });

  it('leaves prices and bills to the usual answer', async () => {
    await play(chat('demo-user'), [
      { says: 'can I afford a $300 dinner at home?', template: 'Afford' },
      { says: 'can i afford rent this month?', template: 'AffordHowMuch' },
    ]);
  });
});

describe('the price given after "how much is it?"', () => {
  it('answers the affordability question asked before, from the same figure', async () => {
    const c = chat('sam');
    const [asked] = await play(c, [
      { says: 'Can I afford it?', template: 'AffordHowMuch', data: { left: '$515.00' } },
    ]);
    expect(asked!.state.pending).toEqual({ kind: 'afford-amount' });
    const [answer] = await play(c, [
      {
        says: '$1200',
        template: 'Afford',
        data: { amount: '$1,200.00', affordable: false, leftAfter: '$685.00' },
        text: ['Friday 13 Mar 2026'],
      },
    ]);
    expect(answer!.state.pending).toBeUndefined();
    await play(c, [
      { says: 'can I afford a new iPhone?', template: 'AffordHowMuch' },
      {
        says: 'about 400',
        template: 'Afford',
        data: { amount: '$400.00', affordable: true, leftAfter: '$115.00' },
      },
      { says: 'can i afford a new coat', template: 'AffordHowMuch' },
      {
        says: "it's around $99.50 I think",
        template: 'Afford',
        data: { amount: '$99.50', affordable: true },
      },
    ]);
  });

  it('keeps the day the question was asked up to', async () => {
    const c = chat('sam');
    const [asked] = await play(c, [
      { says: 'can I afford new shoes till thursday?', template: 'AffordHowMuch' },
    ]);
    expect(asked!.state.pending).toEqual({ kind: 'afford-amount', until: '2026-03-12' });
    await play(c, [
      { says: '100', template: 'Afford', data: { amount: '$100.00', h: { until: 'Thursday 12 Mar 2026' } } },
    ]);
  });

  it('leaves the question when something else is said, which is answered as itself', async () => {
    const c = chat('sam');
    await play(c, [
      { says: 'can I afford it?', template: 'AffordHowMuch' },
      { says: 'how much did I spend at Safeway last month?', template: 'SpendingTotal' },
    ]);
    expect(c.state.pending).toBeUndefined();
    const later = await c.say('$1200');
    expect(later.replies.map((r) => r.template)).not.toContain('Afford');
    await play(c, [
      { says: 'can I afford it?', template: 'AffordHowMuch' },
      { says: 'what bills are coming up?', template: 'UpcomingBills' },
      { says: 'can I afford it?', template: 'AffordHowMuch' },
      { says: 'set a $300 budget for eating out', template: 'BudgetSet' },
    ]);
  });
});

describe('will I run out before payday', () => {
  it('gives the projected low point from bills on their dates and the usual daily spending', async () => {
    await play(chat('sam-tight'), [
      {
        says: 'will I run out before payday?',
        template: 'RunOutBeforePayday',
        // From the balance's day, not today: $150 on the 8th − four days at $17.50 (9th to 12th) − T-Mobile
        // $85 on the 12th.
        data: { runsOut: true, daily: '$17.50', low: '-$5.00', lowDate: 'Thursday 12 Mar 2026' },
      },
      { says: 'will i be broke before payday', template: 'RunOutBeforePayday' },
    ]);
    await play(chat('no-pay'), [
      {
        says: 'am i going to run out of money',
        template: 'RunOutBeforePayday',
        data: { runsOut: true },
        text: ['drop below zero on **'],
      },
    ]);
  });
});

describe('savings', () => {
  it('shows money in and money spent, then names the transfers into savings', async () => {
    const turn = await chat('demo-user').say('how much did I save last month?');
    expect(turn.replies.map((r) => r.template)).toEqual(['NetTotal', 'SavingsTransfers']);
    expect(turn.texts[0]).toMatch(/came in and you spent/);
    expect(turn.texts[1]).toBe('Moved into savings in February 2026: $1,500.00 into Chase Savings (demo).');
  });

  it('answers "did I save anything in March" for that month', async () => {
    const turn = await chat('demo-user').say('did I save anything in January?');
    expect(turn.replies.map((r) => r.template)).toEqual(['NetTotal', 'SavingsTransfers']);
    expect(turn.texts[1]).toContain('January 2026');
  });
});

describe('in a group chat', () => {
  it.each(["when's my next payday?", 'what bills are coming up', 'can I afford $50', 'safe to spend'])(
    '"%s" is asked for privately',
    async (says) => {
      const turn = await chat('demo-user', true).say(says);
      expect(turn.replies.map((r) => r.template)).toEqual(['AskPrivately']);
    },
  );
});

describe('on the made-up household', () => {
  let household: Store;
  beforeAll(async () => {
    household = await memoryStore();
    await loadHousehold(household);
  });
  const person = (userId: string) =>
    new Chat({ store: household, understanding, userId, today: HOUSEHOLD_TODAY, now: HOUSEHOLD_NOW });

  it("finds Maya's pay twice a month and Theo's every two weeks", async () => {
    await play(person('maya'), [
      {
        says: 'when do I get paid next?',
        template: 'PaySchedule',
        data: { cadence: 'semimonthly', date: 'Friday 13 Mar 2026', amount: '$3,412.55' },
      },
    ]);
    await play(person('theo'), [
      {
        says: "when's payday",
        template: 'PaySchedule',
        data: { cadence: 'biweekly', date: 'Friday 13 Mar 2026', amount: '$2,688.40' },
      },
    ]);
  });

  it('answers "can I afford a new iPhone?" with what is left, not with spending on phones', async () => {
    await play(person('maya'), [
      {
        says: 'can I afford a new iPhone?',
        template: 'AffordHowMuch',
        data: { left: '$11,731.29' },
        notText: ["didn't spend"],
      },
    ]);
  });
});

describe('budgets held back from what is left', () => {
  it('takes what is still left in a category budget off left to spend, and names it', async () => {
    await linkSam('sam-budget', samStatement(addDays(TODAY, -1), 60000));
    // Groceries so far in March: Safeway on the 2nd, 4th, 6th and 8th, $127.40 of a $400 budget.
    await play(chat('sam-budget'), [
      { says: 'set a $400 budget for groceries', template: 'BudgetSet' },
      {
        says: 'how much can I spend until payday?',
        template: 'LeftToSpend',
        data: { left: '$242.40', working: { balance: '$600.00', bills: '$85.00', reserved: '$272.60' } },
        text: ['$272.60'],
      },
      { says: 'can I afford $300?', template: 'Afford', data: { affordable: false } },
    ]);
  });

  it('does not hold back a budget for all spending, which caps the same money', async () => {
    await linkSam('sam-cap', samStatement(addDays(TODAY, -1), 60000));
    await play(chat('sam-cap'), [
      { says: 'set a budget of $2000 for all spending', template: 'BudgetSet' },
      { says: 'how much can I spend until payday?', template: 'LeftToSpend', data: { left: '$515.00' } },
    ]);
  });
});

describe('what comes next, for the scheduler', () => {
  it('gives the next payday and the bills before it from the same facts as the answers', async () => {
    const coming = await upcomingFromHistory(store).upcoming('demo-user', TODAY);
    expect(coming.payday).toMatchObject({ date: '2026-03-13', currency: 'USD' });
    expect(coming.payday!.amountMinor).toBeGreaterThan(0);
    expect(coming.bills.map((b) => [b.name, b.date])).toEqual([
      ['Spotify', '2026-03-11'],
      ['PG&E', '2026-03-12'],
    ]);
  });

  it('promises no payday where there is no regular pay', async () => {
    const coming = await upcomingFromHistory(store).upcoming('no-pay', TODAY);
    expect(coming.payday).toBeUndefined();
    expect(coming.bills[0]).toMatchObject({ name: 'T-Mobile', date: '2026-03-12', amountMinor: 8500 });
  });
});
