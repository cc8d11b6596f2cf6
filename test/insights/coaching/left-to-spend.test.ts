import { describe, expect, it } from 'vitest';
import type { ExpectedBill } from '../../../src/insights/coaching/bills.ts';
import {
  affordability,
  currenciesOf,
  dailyDiscretionary,
  leftToSpend,
  projectLowPoint,
} from '../../../src/insights/coaching/left-to-spend.ts';

const bill = (merchant: string, date: string, amountMinor: number): ExpectedBill => ({
  merchant,
  category: 'RENT_AND_UTILITIES_RENT',
  date,
  amountMinor,
  currency: 'USD',
  isSubscription: false,
  cadence: 'monthly',
  estimated: false,
});
const checking = (amountMinor: number, asOf = '2026-03-10', accountName = 'Checking') => ({
  accountName,
  amountMinor,
  currency: 'USD',
  asOf,
});

describe('left to spend until payday', () => {
  it('is the balance minus the bills before payday, each part kept', () => {
    const left = leftToSpend({
      balances: [checking(180000), checking(20000, '2026-03-08', 'Joint')],
      bills: [bill('PG&E', '2026-03-12', 16000), bill('Spotify', '2026-03-11', 1199)],
      currency: 'USD',
    });
    expect(left).toMatchObject({
      balanceMinor: 200000,
      billsMinor: 17199,
      reservedMinor: 0,
      leftMinor: 182801,
      asOf: '2026-03-08',
    });
    expect(left?.bills).toHaveLength(2);
  });

  it('takes off what is set aside (budgets left) as one more part', () => {
    const left = leftToSpend({
      balances: [checking(100000)],
      bills: [bill('Rent', '2026-03-12', 40000)],
      reserved: [
        { label: 'groceries', amountMinor: 15000 },
        { label: 'eating out', amountMinor: 0 },
      ],
      currency: 'USD',
    });
    expect(left).toMatchObject({ reservedMinor: 15000, leftMinor: 45000 });
    expect(left?.reserved.map((r) => r.label)).toEqual(['groceries']);
  });

  it('goes negative when the bills are more than the balance, and never adds other currencies', () => {
    const left = leftToSpend({
      balances: [checking(30000), { ...checking(500000), currency: 'EUR' }],
      bills: [bill('Rent', '2026-03-12', 50000)],
      currency: 'USD',
    });
    expect(left?.leftMinor).toBe(-20000);
    expect(leftToSpend({ balances: [], bills: [], currency: 'USD' })).toBeUndefined();
  });

  it('says whether an amount fits', () => {
    const left = leftToSpend({ balances: [checking(100000)], bills: [], currency: 'USD' })!;
    expect(affordability(left, 99900)).toEqual({ affordable: true, leftAfterMinor: 100 });
    expect(affordability(left, 120000)).toEqual({ affordable: false, leftAfterMinor: -20000 });
  });
});

describe('the balance on the way to payday', () => {
  it('spends the usual amount each day and each bill on its day, and finds the low point', () => {
    const low = projectLowPoint({
      startMinor: 100000,
      from: '2026-03-10',
      payday: '2026-03-13',
      bills: [bill('Rent', '2026-03-12', 60000)],
      dailyMinor: 10000,
    });
    // 11th: 90,000; 12th: 80,000 − 60,000 = 20,000; 13th is payday: no day's spending.
    expect(low).toMatchObject({ lowMinor: 20000, lowDate: '2026-03-12', endMinor: 20000 });
    expect(low.runsOutOn).toBeUndefined();
  });

  it('names the day it would run out', () => {
    const low = projectLowPoint({
      startMinor: 25000,
      from: '2026-03-10',
      payday: '2026-03-20',
      bills: [],
      dailyMinor: 10000,
    });
    expect(low.runsOutOn).toBe('2026-03-13');
    expect(low.lowMinor).toBe(25000 - 9 * 10000);
    expect(low.lowDate).toBe('2026-03-19');
  });

  it('discretionary spending per day leaves regular bills out', () => {
    expect(dailyDiscretionary({ spentMinor: 900000, billsMinor: 450000, days: 90 })).toBe(5000);
    expect(dailyDiscretionary({ spentMinor: 100, billsMinor: 400, days: 30 })).toBe(0);
  });
});

describe('pay on the way, and a balance older than today', () => {
  const sideJob = { payer: 'Bright Horizons', date: '2026-03-11', amountMinor: 18000, currency: 'USD' };

  it('adds pay expected before payday as a part of its own', () => {
    const left = leftToSpend({
      balances: [checking(15000, '2026-03-08')],
      bills: [bill('T-Mobile', '2026-03-12', 8500)],
      pay: [sideJob, { ...sideJob, currency: 'EUR' }],
      currency: 'USD',
    });
    expect(left).toMatchObject({ payMinor: 18000, billsMinor: 8500, leftMinor: 24500 });
    expect(left?.pay).toHaveLength(1);
  });

  it('projects from the balance day, and looks for the low point from today only', () => {
    const low = projectLowPoint({
      startMinor: 10000,
      from: '2026-03-01',
      payday: '2026-03-13',
      bills: [bill('Rent', '2026-03-02', 50000)],
      pay: [{ ...sideJob, date: '2026-03-05', amountMinor: 60000 }],
      dailyMinor: 1000,
      reportFrom: '2026-03-10',
    });
    // It went below zero on the 2nd, but that is past; by the 12th: 10,000 − 11 × 1,000 − 50,000 + 60,000.
    expect(low).toMatchObject({ lowMinor: 9000, lowDate: '2026-03-12', endMinor: 9000 });
    expect(low.runsOutOn).toBeUndefined();
    expect(
      projectLowPoint({
        startMinor: 10000,
        from: '2026-03-01',
        payday: '2026-03-13',
        bills: [],
        dailyMinor: 1000,
        reportFrom: '2026-03-10',
      }),
    ).toMatchObject({ lowMinor: 10000 - 11 * 1000, lowDate: '2026-03-12', runsOutOn: '2026-03-12' });
  });
});

describe('currencies', () => {
  it('puts the pay currency first, then by what is held, and never merges them', () => {
    const balances = [
      { currency: 'EUR', amountMinor: 50000 },
      { currency: 'GBP', amountMinor: 90000 },
      { currency: 'USD', amountMinor: 10000 },
    ];
    expect(currenciesOf(balances, 'USD')).toEqual(['USD', 'GBP', 'EUR']);
    expect(currenciesOf(balances)).toEqual(['GBP', 'EUR', 'USD']);
  });
});
