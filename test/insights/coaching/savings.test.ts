import { describe, expect, it } from 'vitest';
import { savingsOf } from '../../../src/insights/coaching/savings.ts';
import type { Figure } from '../../../src/insights/measures.ts';
import { charge } from '../build.ts';

const FEB = { start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' as const };
const figure: Figure = {
  period: FEB,
  values: [{ currency: 'USD', amountMinor: 218436, count: 40 }],
  count: 40,
  received: [{ currency: 'USD', amountMinor: 730436, count: 2 }],
  spent: [{ currency: 'USD', amountMinor: 512000, count: 38 }],
};
const transfer = (date: string, amount: number, accountId: number) =>
  charge(date, -amount, 'Online Transfer', 'TRANSFER_IN_ACCOUNT_TRANSFER', { flow: 'transfer', accountId });

describe('savings of a month', () => {
  it('is money in minus money spent, with transfers into savings accounts named', () => {
    const history = [
      transfer('2026-01-16', 150000, 2),
      transfer('2026-02-16', 150000, 2),
      transfer('2026-02-20', -20000, 2),
      transfer('2026-02-16', -150000, 1), // the checking side of the same move
      transfer('2026-03-02', 150000, 2),
    ];
    const s = savingsOf(figure, history, [{ id: 2, name: 'Chase Savings' }], 'USD');
    expect(s).toMatchObject({ receivedMinor: 730436, spentMinor: 512000, savedMinor: 218436 });
    expect(s.transfers).toEqual([
      { accountId: 2, accountName: 'Chase Savings', currency: 'USD', inMinor: 150000, outMinor: 20000 },
    ]);
  });

  it('is negative when more went out, and names no transfers when there were none', () => {
    const over: Figure = {
      ...figure,
      received: [],
      spent: [{ currency: 'USD', amountMinor: 5000, count: 1 }],
    };
    const s = savingsOf(over, [], [{ id: 2, name: 'Chase Savings' }], 'USD');
    expect(s.savedMinor).toBe(-5000);
    expect(s.transfers).toEqual([]);
  });
});
