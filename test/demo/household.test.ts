import { describe, expect, it } from 'vitest';
import { generateDemoHousehold } from '../../src/demo/household.ts';
import type { DemoAccount } from '../../src/demo/household.ts';
import { loadHouseholdRecipe, validateRecipe } from '../../src/demo/recipe.ts';
import { expandDescriptor } from '../../src/demo/descriptor.ts';
import { dayNumber } from '../../src/demo/calendar.ts';
import { mulberry32 } from '../../src/random.ts';

const TODAY = '2026-03-10';
const household = generateDemoHousehold(TODAY);
const byName = (name: string): DemoAccount => {
  const a = household.find((x) => x.name === name);
  if (!a) throw new Error(`no account ${name}`);
  return a;
};
const checking = byName('Chase Checking');
const cards = household.filter((a) => a.type === 'credit_card');
const allLines = household.flatMap((a) => a.statement.transactions.map((t) => ({ ...t, account: a })));
const isPaymentCredit = (description: string) => /THANK YOU/.test(description);
const purchases = cards.flatMap((a) => a.statement.transactions.filter((t) => t.amountMinor < 0));

describe('generateDemoHousehold', () => {
  it('is deterministic for the same today and seed, and differs for another seed', () => {
    expect(generateDemoHousehold(TODAY, 1)).toEqual(household);
    expect(generateDemoHousehold(TODAY, 2)).not.toEqual(household);
  });

  it('has one checking account and cards from at least two banks, all USD, as demo CSV statements', () => {
    expect(household.filter((a) => a.type === 'checking')).toHaveLength(1);
    expect(new Set(cards.map((c) => c.institution)).size).toBeGreaterThanOrEqual(2);
    for (const a of household) {
      expect(a.currency).toBe('USD');
      expect(a.mask).toMatch(/^\d{4}$/);
      expect(a.statement).toMatchObject({
        format: 'csv',
        layout: 'demo',
        account: { name: a.name, type: a.type, mask: a.mask },
      });
    }
  });

  it('covers every calendar month of the last twelve plus the current month, and nothing after today', () => {
    const months = new Set(allLines.map((t) => t.date.slice(0, 7)));
    const expected = [
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ];
    expect([...months].sort()).toEqual(expected);
    expect(allLines.every((t) => t.date >= '2025-03-01' && t.date <= TODAY)).toBe(true);
    expect(allLines.some((t) => t.date === TODAY)).toBe(true);
  });

  it('lists each statement oldest first with unique external ids', () => {
    for (const a of household) {
      const dates = a.statement.transactions.map((t) => t.date);
      expect(dates).toEqual([...dates].sort());
    }
    const ids = allLines.map((t) => t.externalId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses integer minor units and non-empty, fully expanded descriptors', () => {
    for (const t of allLines) {
      expect(Number.isInteger(t.amountMinor)).toBe(true);
      expect(t.amountMinor).not.toBe(0);
      expect(t.description.trim()).not.toBe('');
      expect(t.description).not.toMatch(/[{}]/);
    }
  });

  it('pairs every card payment from checking with a card credit of the same amount one to three days later', () => {
    const debits = checking.statement.transactions.filter((t) =>
      /EPAYMENT|MOBILE PMT|CARD ONLINE PAYMENT/.test(t.description),
    );
    const credits = cards.flatMap((c) =>
      c.statement.transactions.filter((t) => isPaymentCredit(t.description)),
    );
    expect(debits.length).toBeGreaterThanOrEqual(30);
    expect(credits).toHaveLength(debits.length);
    const unmatched = [...credits];
    for (const d of debits) {
      expect(d.amountMinor).toBeLessThan(0);
      const i = unmatched.findIndex(
        (c) =>
          c.amountMinor === -d.amountMinor &&
          dayNumber(c.date) - dayNumber(d.date) >= 1 &&
          dayNumber(c.date) - dayNumber(d.date) <= 3,
      );
      expect(i, `no credit for ${d.date} ${d.description} ${d.amountMinor}`).toBeGreaterThanOrEqual(0);
      unmatched.splice(i, 1);
    }
  });

  it('is paid twice a month and pays rent once a month from checking', () => {
    const pay = checking.statement.transactions.filter(
      (t) => t.description === 'ACME CORP PAYROLL PPD ID: 9111111101',
    );
    const rent = checking.statement.transactions.filter((t) => t.description.includes('RENT'));
    expect(pay.every((t) => t.amountMinor > 0)).toBe(true);
    expect(new Set(pay.map((t) => t.date.slice(0, 7))).size).toBe(12);
    expect(pay.length).toBe(24);
    expect(rent.map((t) => t.date.slice(0, 7))).toHaveLength(13);
    expect(rent.every((t) => t.amountMinor === -295000)).toBe(true);
  });

  it('has card purchases negative, at least one refund, and an ATM withdrawal', () => {
    expect(purchases.length).toBeGreaterThan(500);
    const refunds = cards.flatMap((c) =>
      c.statement.transactions.filter((t) => t.amountMinor > 0 && !isPaymentCredit(t.description)),
    );
    expect(refunds.length).toBeGreaterThanOrEqual(1);
    for (const r of refunds)
      expect(
        purchases.some(
          (p) => p.description === r.description && p.amountMinor === -r.amountMinor && p.date <= r.date,
        ),
      ).toBe(true);
    expect(
      checking.statement.transactions.some(
        (t) => t.description.startsWith('ATM WITHDRAWAL') && t.amountMinor < 0,
      ),
    ).toBe(true);
  });

  it('always produces a refund, whatever the seed or date', () => {
    for (const [today, seed] of [
      ['2025-01-31', 3],
      ['2026-07-04', 9],
      ['2024-02-29', 42],
    ] as const) {
      const lines = generateDemoHousehold(today, seed)
        .filter((a) => a.type === 'credit_card')
        .flatMap((a) => a.statement.transactions);
      expect(
        lines.some((t) => t.amountMinor > 0 && !isPaymentCredit(t.description)),
        `${today} seed ${seed}`,
      ).toBe(true);
    }
  });

  it('raises the Netflix price from 15.49 to 17.99 three months ago', () => {
    const netflix = purchases.filter((t) => t.description === 'NETFLIX.COM LOS GATOS CA');
    expect(netflix).toHaveLength(13);
    expect(netflix.filter((t) => t.date < '2025-12-01').every((t) => t.amountMinor === -1549)).toBe(true);
    expect(netflix.filter((t) => t.date >= '2025-12-01').every((t) => t.amountMinor === -1799)).toBe(true);
  });

  it('has a clearly unusual large charge: over twenty times the median card purchase', () => {
    const sorted = purchases.map((t) => -t.amountMinor).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(sorted.at(-1)).toBeGreaterThan(20 * median);
  });

  it('is dominated by a few merchants: coffee several times a week, groceries weekly', () => {
    const weeks = 53;
    const count = (re: RegExp) => purchases.filter((t) => re.test(t.description)).length;
    expect(count(/BLUE BOTTLE|STARBUCKS/) / weeks).toBeGreaterThan(3);
    expect(count(/WHOLEFDS|TRADER JOE/) / weeks).toBeGreaterThan(1);
  });

  it('is busier on weekends than on weekdays', () => {
    let weekend = 0;
    let weekday = 0;
    for (const t of purchases) {
      const wd = new Date(`${t.date}T00:00:00Z`).getUTCDay();
      if (wd === 0 || wd === 6) weekend++;
      else weekday++;
    }
    expect(weekend / 2).toBeGreaterThan((weekday / 5) * 1.2);
  });

  it('reports each ledger balance as of today, consistent with the lines', () => {
    for (const a of household) {
      const [ledger] = a.statement.balances;
      expect(ledger).toMatchObject({ kind: 'ledger', asOf: TODAY, currency: 'USD' });
      const last = a.statement.transactions.at(-1);
      if (a.type === 'credit_card') {
        expect(ledger?.amountMinor).toBe(a.statement.transactions.reduce((s, t) => s + t.amountMinor, 0));
        expect(ledger?.amountMinor).toBeLessThan(0);
      } else {
        expect(ledger?.amountMinor).toBe(last?.balanceAfterMinor);
      }
    }
    expect(checking.statement.transactions.every((t) => (t.balanceAfterMinor ?? -1) > 0)).toBe(true);
  });

  it('rejects a date that does not exist', () => {
    expect(() => generateDemoHousehold('2026-02-30')).toThrow(RangeError);
  });
});

describe('demo recipe', () => {
  it('names the bad entry when an account reference is wrong', () => {
    const recipe = loadHouseholdRecipe();
    const broken = { ...recipe, monthly: [{ ...recipe.monthly[0]!, account: 'nope' }] };
    expect(() => validateRecipe(broken)).toThrow(/unknown account "nope"/);
  });
});

describe('expandDescriptor', () => {
  it('prints Lyft rides with the weekday and hour, ATM lines with the date, Amazon with an order code', () => {
    const rng = mulberry32(7);
    const sunday = dayNumber('2026-03-01');
    expect(expandDescriptor('LYFT *RIDE {DOW} {hour}', sunday, rng)).toMatch(
      /^LYFT \*RIDE SUN (1[0-2]|[1-9])(AM|PM)$/,
    );
    expect(expandDescriptor('ATM WITHDRAWAL {digits:6} {mm/dd} X', sunday, rng)).toMatch(
      /^ATM WITHDRAWAL \d{6} 03\/01 X$/,
    );
    expect(expandDescriptor('AMZN Mktp US*{alnum:9} AMZN.COM/BILL WA', sunday, rng)).toMatch(
      /^AMZN Mktp US\*[A-Z0-9]{9} AMZN\.COM\/BILL WA$/,
    );
    expect(expandDescriptor('KEEP {unknown}', sunday, rng)).toBe('KEEP {unknown}');
  });
});

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
