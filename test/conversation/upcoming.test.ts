/**
 * What comes next for the scheduler is learnt from 400 days of history; it is kept per person for the day
 * and learnt again when the day or the ledger changes, and a person's answer is never another's.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { upcomingFromHistory } from '../../src/conversation/upcoming.ts';
import { addDays } from '../../src/day.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { memoryStore } from '../helpers/store.ts';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T15:00:00Z');

/** Monthly pay on the 25th, rent on the 1st and a phone bill on the 12th, for 120 days to `lastDay`. */
function statement(lastDay: string, phoneMinor: number): Buffer {
  const lines = ['Date,Description,Amount'];
  for (let d = addDays(lastDay, -120); d <= lastDay; d = addDays(d, 1)) {
    const dom = Number(d.slice(8, 10));
    if (dom === 25) lines.push(`${d},INITECH PAYROLL PPD ID: 4440001,3200.00`);
    if (dom === 1) lines.push(`${d},GREYSTAR RENT PAYMENT,-1400.00`);
    if (dom === 12) lines.push(`${d},VERIZON WIRELESS PAYMENT,-${(phoneMinor / 100).toFixed(2)}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function link(store: Store, userId: string, bytes: Buffer, fileName = 'checking.csv'): Promise<void> {
  await importStatement(store, {
    userId,
    accountName: 'Checking',
    accountType: 'checking',
    fileName,
    bytes,
    now: NOW,
  });
}

let store: Store;
beforeEach(async () => {
  store = await memoryStore();
  await link(store, 'ana', statement(addDays(TODAY, -1), 6000));
  await link(store, 'ben', statement(addDays(TODAY, -1), 9000));
});

describe('what comes next, kept between ticks', () => {
  it('reads the history once per person per day while the ledger is unchanged', async () => {
    const history = vi.spyOn(store.queries, 'history');
    const source = upcomingFromHistory(store);
    const first = await source.upcoming('ana', TODAY);
    const again = await source.upcoming('ana', TODAY);
    expect(history).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
    expect(first).toEqual({
      payday: { date: '2026-03-25', amountMinor: 320000, currency: 'USD' },
      bills: [
        { name: expect.stringMatching(/verizon/i), date: '2026-03-12', amountMinor: 6000, currency: 'USD' },
      ],
    });
    await source.upcoming('ana', addDays(TODAY, 1));
    expect(history).toHaveBeenCalledTimes(2);
  });

  it("keeps each person's answer apart", async () => {
    const source = upcomingFromHistory(store);
    const ana = await source.upcoming('ana', TODAY);
    const ben = await source.upcoming('ben', TODAY);
    expect(ana.bills.find((b) => /verizon/i.test(b.name))?.amountMinor).toBe(6000);
    expect(ben.bills.find((b) => /verizon/i.test(b.name))?.amountMinor).toBe(9000);
    expect((await source.upcoming('ana', TODAY)).bills).toEqual(ana.bills);
  });

  it('learns again once a new statement changes the ledger', async () => {
    const history = vi.spyOn(store.queries, 'history');
    const source = upcomingFromHistory(store);
    const before = await source.upcoming('ana', TODAY);
    expect(before.payday?.date).toBe('2026-03-25');
    // A second account whose phone bill is due on the 11th: the next answer must show it.
    await importStatement(store, {
      userId: 'ana',
      accountName: 'Joint',
      accountType: 'checking',
      fileName: 'joint.csv',
      bytes: Buffer.from(
        [
          'Date,Description,Amount',
          '2025-12-11,COMCAST CABLE,-80.00',
          '2026-01-11,COMCAST CABLE,-80.00',
          '2026-02-11,COMCAST CABLE,-80.00',
          '2026-03-09,COFFEE,-4.00',
          '',
        ].join('\n'),
      ),
      now: NOW,
    });
    const after = await source.upcoming('ana', TODAY);
    expect(history).toHaveBeenCalledTimes(2);
    expect(after.bills.map((b) => b.date)).toContain('2026-03-11');
    expect(before.bills.map((b) => b.date)).not.toContain('2026-03-11');
  });
});
