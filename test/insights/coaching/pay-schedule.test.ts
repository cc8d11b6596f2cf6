import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../src/day.ts';
import {
  isBusinessDay,
  shiftToBusinessDay,
  weekdayOf,
} from '../../../src/insights/coaching/business-days.ts';
import {
  findPaySchedules,
  mainPaySchedule,
  monthlyPay,
  otherPayStreams,
  payBetween,
  paydaysBetween,
} from '../../../src/insights/coaching/pay-schedule.ts';
import { charge } from '../build.ts';

/** Money in from a payer. */
const pay = (date: string, amount: number, payer = 'Acme Corp') =>
  charge(date, -amount, payer, 'INCOME_WAGES', { flow: 'income' });

describe('business days', () => {
  it('knows weekdays, weekends and bank holidays', () => {
    expect(weekdayOf('2026-03-13')).toBe(5);
    expect(isBusinessDay('2026-03-14')).toBe(false);
    expect(isBusinessDay('2026-01-19')).toBe(false); // Martin Luther King Jr. Day
    // 4 July 2026 is a Saturday: the Federal Reserve stays open on the Friday before.
    expect(isBusinessDay('2026-07-03')).toBe(true);
    expect(isBusinessDay('2026-03-16')).toBe(true);
  });

  it('moves a closed day to the business day before or after', () => {
    expect(shiftToBusinessDay('2026-03-15', 'before')).toBe('2026-03-13');
    expect(shiftToBusinessDay('2026-03-15', 'after')).toBe('2026-03-16');
    expect(shiftToBusinessDay('2026-03-15', 'none')).toBe('2026-03-15');
  });
});

describe('pay cadence', () => {
  it('finds weekly pay on Fridays', () => {
    const history = Array.from({ length: 10 }, (_, i) => pay(addDays('2026-01-02', 7 * i), 95000));
    const s = mainPaySchedule(history, '2026-03-08');
    expect(s?.cadence).toBe('weekly');
    expect(s?.nextPayday).toBe('2026-03-13');
    expect(s?.usualAmountMinor).toBe(95000);
  });

  it('finds pay every two weeks, with amounts that vary a little', () => {
    const history = Array.from({ length: 8 }, (_, i) =>
      pay(addDays('2025-11-21', 14 * i), 210000 + (i % 3) * 4000),
    );
    const s = mainPaySchedule(history, '2026-03-01');
    expect(s?.cadence).toBe('biweekly');
    // Last paid 27 Feb; two weeks on.
    expect(s?.lastPaid.date).toBe('2026-02-27');
    expect(s?.nextPayday).toBe('2026-03-13');
  });

  it('finds twice a month on the 15th and the last day, paid the Friday before a weekend', () => {
    const dates = [
      '2025-09-15',
      '2025-09-30',
      '2025-10-15',
      '2025-10-31',
      '2025-11-14', // the 15th was a Saturday
      '2025-11-28', // the 30th was a Sunday
      '2025-12-15',
      '2025-12-31',
      '2026-01-15',
      '2026-01-30', // the 31st was a Saturday
      '2026-02-13', // the 15th was a Sunday
      '2026-02-27', // the 28th was a Saturday
    ];
    const s = mainPaySchedule(
      dates.map((d) => pay(d, 365218)),
      '2026-03-05',
    );
    expect(s?.cadence).toBe('semimonthly');
    expect(s?.rule).toEqual({ kind: 'monthdays', days: [15, 31], shift: 'before' });
    // 15 March 2026 is a Sunday: Friday the 13th.
    expect(s?.nextPayday).toBe('2026-03-13');
    expect(paydaysBetween(s!.rule, '2026-03-13', '2026-05-31')).toEqual([
      '2026-03-31',
      '2026-04-15',
      '2026-04-30',
      '2026-05-15',
      '2026-05-29',
    ]);
  });

  it('finds monthly pay on the last business day', () => {
    const dates = ['2025-08-29', '2025-09-30', '2025-10-31', '2025-11-28', '2025-12-31', '2026-01-30'];
    const s = mainPaySchedule(
      dates.map((d) => pay(d, 520000)),
      '2026-02-10',
    );
    expect(s?.cadence).toBe('monthly');
    expect(s?.nextPayday).toBe('2026-02-27');
  });

  it('finds monthly pay on a fixed day that moves to the Monday after a weekend', () => {
    const dates = ['2025-10-01', '2025-11-03', '2025-12-01', '2026-01-02', '2026-02-02', '2026-03-02'];
    const s = mainPaySchedule(
      dates.map((d) => pay(d, 410000)),
      '2026-03-20',
    );
    expect(s?.cadence).toBe('monthly');
    expect(s?.rule).toMatchObject({ days: [1], shift: 'after' });
    expect(s?.nextPayday).toBe('2026-04-01');
  });

  it('learns that a bank holiday moves pay to the business day before', () => {
    // The 19th: a Sunday in October 2025 and Martin Luther King Jr. Day in January 2026, paid the Friday before.
    const dates = ['2025-10-17', '2025-11-19', '2025-12-19', '2026-01-16', '2026-02-19', '2026-03-19'];
    const s = mainPaySchedule(
      dates.map((d) => pay(d, 400000)),
      '2026-03-25',
    );
    expect(s?.rule).toEqual({ kind: 'monthdays', days: [19], shift: 'before' });
    // 19 April 2026 is a Sunday.
    expect(s?.nextPayday).toBe('2026-04-17');
  });

  it('says today when today is a payday not yet paid', () => {
    const history = Array.from({ length: 6 }, (_, i) => pay(addMonths('2025-09-10', i), 300000));
    expect(mainPaySchedule(history, '2026-03-10')?.nextPayday).toBe('2026-03-10');
    history.push(pay('2026-03-10', 300000));
    expect(mainPaySchedule(history, '2026-03-10')?.nextPayday).toBe('2026-04-10');
  });

  it('finds no schedule in irregular income', () => {
    const dates = ['2025-10-03', '2025-10-29', '2025-11-06', '2025-12-19', '2026-01-02', '2026-02-11'];
    expect(
      findPaySchedules(
        dates.map((d, i) => pay(d, 50000 + i * 7000, 'Freelance Client')),
        '2026-03-01',
      ),
    ).toEqual([]);
  });

  it('finds no schedule when the amounts are all over the place', () => {
    const amounts = [12000, 250000, 4000, 90000, 31000, 600000];
    const history = amounts.map((a, i) => pay(addMonths('2025-09-01', i), a, 'Etsy Payouts'));
    expect(findPaySchedules(history, '2026-03-05')).toEqual([]);
  });

  it('picks the stream that brings in the most as the main pay, and ignores transfers and refunds', () => {
    const history = [
      ...Array.from({ length: 6 }, (_, i) => pay(addDays('2025-12-05', 14 * i), 180000)),
      ...Array.from({ length: 6 }, (_, i) => pay(addMonths('2025-09-30', i), 95, 'Interest Payment')),
      ...Array.from({ length: 6 }, (_, i) =>
        charge(addMonths('2025-09-16', i), -500000, 'Transfer From Savings', 'TRANSFER_IN', {
          flow: 'transfer',
        }),
      ),
    ];
    const all = findPaySchedules(history, '2026-02-20');
    expect(all.map((s) => s.payer)).toEqual(['Acme Corp', 'Interest Payment']);
    expect(all[0]?.cadence).toBe('biweekly');
  });

  it('flags pay that has stopped coming', () => {
    const history = Array.from({ length: 6 }, (_, i) => pay(addMonths('2025-06-15', i), 300000));
    const s = mainPaySchedule(history, '2026-03-01');
    expect(s?.overdue).toBe(true);
  });
});

describe('income besides the main pay', () => {
  const salary = Array.from({ length: 8 }, (_, i) =>
    pay(addDays('2025-12-05', 14 * i), 210000, 'Globex Corp'),
  );
  const partTime = Array.from({ length: 10 }, (_, i) =>
    pay(addDays('2026-01-07', 7 * i), 18000 + (i % 3) * 500, 'Bright Horizons'),
  );
  const interest = Array.from({ length: 4 }, (_, i) =>
    charge(addMonths('2025-11-30', i), -1200, 'Interest Payment', 'INCOME_INTEREST_EARNED', {
      flow: 'income',
    }),
  );

  it('finds a second regular stream, leaving interest out', () => {
    const all = findPaySchedules([...salary, ...partTime, ...interest], '2026-03-12');
    expect(all[0]?.payer).toBe('Globex Corp');
    const others = otherPayStreams(all, '2026-03-12');
    expect(others.map((s) => [s.payer, s.cadence])).toEqual([['Bright Horizons', 'weekly']]);
    expect(monthlyPay(others[0]!)).toBe(Math.round(others[0]!.usualAmountMinor * (52 / 12)));
  });

  it('drops a stream that has stopped', () => {
    const all = findPaySchedules([...salary, ...partTime], '2026-03-12');
    expect(otherPayStreams(all, '2026-04-30')).toEqual([]);
  });

  it('gives its paydays before a day, at the usual amount', () => {
    const [, side] = findPaySchedules([...salary, ...partTime], '2026-03-12');
    expect(payBetween(side!, '2026-03-12', '2026-03-25')).toEqual([
      { payer: 'Bright Horizons', date: '2026-03-18', amountMinor: side!.usualAmountMinor, currency: 'USD' },
    ]);
  });
});
