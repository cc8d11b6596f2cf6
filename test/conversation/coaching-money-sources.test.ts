/**
 * Where the coaching figures' money comes from and goes: accounts in two currencies (never summed), a
 * balance from an old statement (projected from its own day), and a second income stream (mentioned, and
 * counted before payday). Made-up statements around one day.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/conversation/types.ts';
import { addDays } from '../../src/day.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { Chat, play, realUnderstanding } from '../helpers/chat.ts';
import { memoryStore } from '../helpers/store.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T15:00:00Z');

let understanding: Understanding;
let store: Store;

type Row = [date: string, description: string, amountMinor: number];

/** A checking statement over the 150 days to `lastDay`, rows from `rowsOn`, its last balance `endMinor`. */
function statement(
  lastDay: string,
  endMinor: number,
  currency: string,
  rowsOn: (day: string) => Row[],
): Buffer {
  const rows: Row[] = [];
  for (let d = addDays(lastDay, -150); d <= lastDay; d = addDays(d, 1)) rows.push(...rowsOn(d));
  let balance = endMinor - rows.reduce((n, r) => n + r[2], 0);
  const lines = ['Date,Description,Amount,Currency,Balance'];
  for (const [d, desc, amount] of rows) {
    balance += amount;
    lines.push(`${d},${desc},${(amount / 100).toFixed(2)},${currency},${(balance / 100).toFixed(2)}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** True on `anchor` and every 14 days before or after it. */
const fortnightsFrom = (anchor: string, d: string) =>
  ((((Date.parse(d) - Date.parse(anchor)) / 86_400_000) % 14) + 14) % 14 === 0;

/** Pay every other Friday (27 Feb, 13 Mar), rent on the 1st, a phone bill on the 12th, groceries on even days. */
function usdRows(d: string): Row[] {
  const dom = Number(d.slice(8, 10));
  const rows: Row[] = [];
  if (fortnightsFrom('2026-02-27', d)) rows.push([d, 'GLOBEX CORP PAYROLL PPD ID: 5550001', 210000]);
  if (dom === 1) rows.push([d, 'AVALON BAY APARTMENTS RENT', -145000]);
  if (dom === 12) rows.push([d, 'T-MOBILE AUTOPAY', -8500]);
  if (dom % 2 === 0) rows.push([d, 'SAFEWAY #1507 SAN FRANCISCO CA', -3000]);
  return rows;
}

/** A euro account: Vattenfall power on the 11th, a flat's service charge on the 3rd, a café on odd days. */
function eurRows(d: string): Row[] {
  const dom = Number(d.slice(8, 10));
  const rows: Row[] = [];
  if (dom === 11) rows.push([d, 'VATTENFALL ENERGIE LASTSCHRIFT', -6500]);
  if (dom === 3) rows.push([d, 'HAUSVERWALTUNG MIETE WOHNUNG', -40000]);
  if (dom % 2 === 1) rows.push([d, 'CAFE EINSTEIN BERLIN', -450]);
  return rows;
}

/** The USD rows plus a weekly part-time job paid on Wednesdays (4 Mar, 11 Mar). */
function sideJobRows(d: string): Row[] {
  const weekly = ((Date.parse(d) - Date.parse('2026-03-04')) / 86_400_000) % 7 === 0;
  return [
    ...usdRows(d),
    ...(weekly ? ([[d, 'BRIGHT HORIZONS PAYROLL PPD ID: 7770002', 18000]] as Row[]) : []),
  ];
}

async function link(user: string, accountName: string, bytes: Buffer): Promise<void> {
  await importStatement(store, {
    userId: user,
    accountName,
    accountType: 'checking',
    fileName: `${accountName}.csv`,
    bytes,
    now: NOW,
  });
}

const chat = (userId: string) => new Chat({ store, understanding, userId, today: TODAY, now: NOW });

beforeAll(async () => {
  understanding = await realUnderstanding();
  store = await memoryStore();
  await link('two-currencies', 'Checking', statement(addDays(TODAY, -1), 60000, 'USD', usdRows));
  await link('two-currencies', 'Girokonto', statement(addDays(TODAY, -1), 50000, 'EUR', eurRows));
  await link('old-statement', 'Checking', statement('2026-02-20', 90000, 'USD', usdRows));
  await link('side-job', 'Checking', statement(addDays(TODAY, -1), 15000, 'USD', sideJobRows));
});

describe('accounts in two currencies', () => {
  it('gives left to spend for each currency, each with its own bills, never one sum', async () => {
    const [turn] = await play(chat('two-currencies'), [
      { says: 'how much can I spend until payday?', template: 'LeftToSpend' },
    ]);
    // USD: $600 − T-Mobile $85 on the 12th. EUR: €500 − Vattenfall €65 on the 11th.
    expect(turn!.replies.map((r) => r.template)).toEqual(['LeftToSpend', 'LeftToSpendInCurrency']);
    expect(turn!.replies[0]!.data).toMatchObject({
      currency: 'USD',
      left: '$515.00',
      working: { bills: '$85.00' },
    });
    expect(turn!.replies[1]!.data).toMatchObject({
      currency: 'EUR',
      left: '€435.00',
      working: { bills: '€65.00' },
    });
    expect(turn!.texts.join('\n')).not.toMatch(/\$950|\$1,100|950\.00/);
    expect(turn!.texts[1]).toContain('In EUR, you have **€435.00** left to spend until payday');
  });

  it.each(['safe to spend?', "what's left until payday", 'how much money do I have left till I get paid'])(
    '"%s" gets one figure per currency too',
    async (says) => {
      const turn = await chat('two-currencies').say(says);
      expect(turn.replies.map((r) => [r.template, (r.data as { left?: string }).left])).toEqual([
        ['LeftToSpend', '$515.00'],
        ['LeftToSpendInCurrency', '€435.00'],
      ]);
    },
  );

  it('sets aside for bills per currency, and weighs a euro price against the euros', async () => {
    const c = chat('two-currencies');
    const [bills] = await play(c, [
      { says: 'how much should I keep back for bills before payday?', template: 'UpcomingBills' },
    ]);
    expect(bills!.replies[0]!.data).toMatchObject({ keepBack: true, totals: ['$85.00', '€65.00'] });
    expect(bills!.texts[0]).toContain('**$85.00** and **€65.00**');
    await play(c, [
      {
        says: 'can I afford €400?',
        template: 'Afford',
        data: { affordable: true, currency: 'EUR', leftAfter: '€35.00' },
      },
      {
        says: 'can i afford $550',
        template: 'Afford',
        data: { affordable: false, currency: 'USD', leftAfter: '$35.00' },
      },
    ]);
  });
});

describe('a balance from an old statement', () => {
  it('says as of when, and counts the pay and bills since that day, not from today', async () => {
    // $900 on 20 Feb + pay $2,100 on 27 Feb − rent $1,450 on 1 Mar − T-Mobile $85 on 12 Mar = $1,465.
    const [turn] = await play(chat('old-statement'), [
      {
        says: "what's left to spend until payday",
        template: 'LeftToSpend',
        data: {
          left: '$1,465.00',
          working: {
            stale: true,
            asOf: '20 Feb 2026',
            balance: '$900.00',
            pay: '$2,100.00',
            bills: '$1,535.00',
          },
        },
        text: ['going by your balance as of 20 Feb 2026', 'Globex Corp: $2,100.00 on Friday 27 Feb 2026'],
      },
    ]);
    expect(turn!.texts[0]).toContain(
      '    - Avalon Bay Apartments: $1,450.00 on Sunday 1 Mar 2026\n    - T-Mobile: $85.00 on Thursday 12 Mar 2026',
    );
  });

  it('projects the low point from the balance day too, looking for it from today', async () => {
    // $900 on 20 Feb; $14.67 a day (44 grocery runs of $30 in the 90 days to 20 Feb) over the 20 days
    // from 21 Feb to 12 Mar; pay $2,100 on 27 Feb; rent $1,450 on 1 Mar; T-Mobile $85 on the 12th.
    await play(chat('old-statement'), [
      {
        says: 'will I run out before payday?',
        template: 'RunOutBeforePayday',
        data: { runsOut: false, daily: '$14.67', low: '$1,171.60', lowDate: 'Thursday 12 Mar 2026' },
        text: ['balance as of 20 Feb 2026'],
      },
    ]);
  });
});

describe('a second income stream', () => {
  it('is mentioned when asked how much I get paid, beside the main pay', async () => {
    for (const says of [
      'how much do I get paid?',
      'how much is my paycheck',
      "what's my take-home pay",
      'how much will I get paid on payday',
    ]) {
      const turn = await chat('side-job').say(says);
      expect(turn.replies[0]?.template, says).toBe('PaySchedule');
      expect(turn.replies[0]?.data, says).toMatchObject({
        payer: 'Globex Corp',
        others: [{ payer: 'Bright Horizons', amount: '$180.00', cadence: 'weekly', weekday: 'Wednesday' }],
      });
      expect(turn.texts[0], says).toContain(
        'You also get about **$180.00** from Bright Horizons, weekly on Wednesdays',
      );
    }
  });

  it('counts its pay landing before payday in left to spend and in the low point', async () => {
    // $150 + Bright Horizons $180 on Wed 11 Mar − T-Mobile $85 on the 12th.
    const [left, low] = await play(chat('side-job'), [
      { says: 'how much can I spend until payday?', template: 'LeftToSpend', data: { left: '$245.00' } },
      { says: 'will I run out before payday?', template: 'RunOutBeforePayday' },
    ]);
    expect(left!.texts[0]).toContain('Pay coming in before then: $180.00');
    // From $150 on the 8th at $14.67 a day: $120.66 today, then +$180 on the 11th, −$85 on the 12th.
    // Without the part-time pay it would bottom out at $6.32 on the 12th.
    expect(low!.replies[0]!.data).toMatchObject({
      runsOut: false,
      low: '$120.66',
      lowDate: 'Tuesday 10 Mar 2026',
      end: '$186.32',
    });
  });
});
