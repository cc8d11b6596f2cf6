/**
 * The working line every money answer starts with, from the query it answered, rendered through the real
 * `Working` template of dialogs/answers.lg: measure, what was included and left out, amounts, the period
 * (and why, when the bot chose it) and the accounts.
 */
import { describe, expect, it } from 'vitest';
import { workingOf } from '../../src/conversation/working.ts';
import { baseQuery, type Period, type Query } from '../../src/insights/query.ts';
import type { UserVocabulary } from '../../src/language/types.ts';
import { realTemplates } from '../helpers/chat.ts';

const JAN: Period = { start: '2026-01-01', end: '2026-02-01', label: 'January 2026', grain: 'month' };
const SPAN = { first: '2025-09-03', last: '2026-03-02' };
const FOUR: UserVocabulary = {
  merchants: [],
  accounts: [
    { id: 1, name: 'Chase Checking', type: 'checking' },
    { id: 2, name: 'Savings', type: 'savings' },
    { id: 3, name: 'Amex Gold', type: 'credit_card' },
    { id: 4, name: 'Discover It', type: 'credit_card' },
  ],
};

function line(edit: (q: Query) => void, period: Period | undefined = JAN, vocabulary = FOUR): string {
  const q = baseQuery(period ? [period] : []);
  edit(q);
  return realTemplates().render('Working', { w: workingOf(q, period, vocabulary, SPAN) });
}

describe('the working line', () => {
  it('says the measure, the subject with what is left out, the period and the accounts', () => {
    expect(
      line((q) => {
        q.filters.include.categories = [{ codes: ['FOOD_AND_DRINK'], label: 'food' }];
        q.filters.exclude.categories = [{ codes: ['FOOD_AND_DRINK_GROCERIES'], label: 'groceries' }];
      }),
    ).toBe('_Spending on food except groceries · January 2026 · all 4 accounts_');
    expect(
      line((q) => {
        q.filters.include.merchants = ['Chevron', 'Shell'];
        q.filters.exclude.accounts = [4];
        q.filters.exclude.accountTypes = ['savings'];
      }),
    ).toBe(
      '_Spending at Chevron and Shell except Discover It and savings accounts · January 2026 · all 4 accounts_',
    );
  });

  it('says amount conditions as they were meant', () => {
    const amount = (minMinor?: number, maxMinor?: number) =>
      line((q) => (q.filters.amount = { minMinor, maxMinor }));
    expect(amount(10_001)).toBe('_Spending, each over $100.00 · January 2026 · all 4 accounts_');
    expect(amount(10_000)).toBe('_Spending, each $100.00 or more · January 2026 · all 4 accounts_');
    expect(amount(undefined, 1_999)).toBe('_Spending, each under $20.00 · January 2026 · all 4 accounts_');
    expect(amount(1_000, 5_000)).toBe(
      '_Spending, each between $10.00 and $50.00 · January 2026 · all 4 accounts_',
    );
  });

  it('says when the bot chose the period, and why', () => {
    const all: Period = { start: '2025-09-03', end: '2026-03-03', label: '', grain: 'custom' };
    expect(line((q) => (q.defaultedPeriod = 'all-linked'), all)).toBe(
      '_Spending · all your linked data, 3 Sep 2025 – 2 Mar 2026 · all 4 accounts_',
    );
    const feb: Period = { start: '2026-02-01', end: '2026-03-01', label: 'February 2026', grain: 'month' };
    expect(line((q) => (q.defaultedPeriod = 'latest-complete-month'), feb)).toBe(
      '_Spending · February 2026, the latest full month of your data · all 4 accounts_',
    );
    const whole: Period = {
      start: '2025-10-01',
      end: '2026-03-01',
      label: 'October 2025 – February 2026',
      grain: 'custom',
    };
    expect(
      line((q) => {
        q.measure = { kind: 'average', of: 'spent', per: 'month' };
        q.defaultedPeriod = 'all-linked';
      }, whole),
    ).toBe(
      '_Average spending per month · October 2025 – February 2026, the whole months of your data · all 4 accounts_',
    );
  });

  it('says when the period runs past the data', () => {
    const march: Period = { start: '2026-03-01', end: '2026-04-01', label: 'March 2026', grain: 'month' };
    expect(line(() => undefined, march)).toBe(
      '_Spending · March 2026 (your data runs to 2 Mar 2026) · all 4 accounts_',
    );
    const y2025: Period = { start: '2025-01-01', end: '2026-01-01', label: '2025', grain: 'year' };
    expect(line(() => undefined, y2025)).toBe(
      '_Spending · 2025 (your data starts 3 Sep 2025) · all 4 accounts_',
    );
  });

  it('names each measure', () => {
    expect(line((q) => ((q.measure = { kind: 'received' }), (q.filters.include.merchants = ['Acme'])))).toBe(
      '_Money in from Acme · January 2026 · all 4 accounts_',
    );
    expect(line((q) => (q.measure = { kind: 'count', of: 'spent' }))).toBe(
      '_Number of charges · January 2026 · all 4 accounts_',
    );
    expect(line((q) => (q.measure = { kind: 'average', of: 'spent', per: 'transaction' }))).toBe(
      '_Average spending per charge · January 2026 · all 4 accounts_',
    );
    expect(line((q) => (q.measure = { kind: 'largest', of: 'spent' }))).toBe(
      '_Largest charge · January 2026 · all 4 accounts_',
    );
    expect(line((q) => (q.measure = { kind: 'saved' }))).toBe(
      '_Saved (money in minus spending) · January 2026 · all 4 accounts_',
    );
    expect(line((q) => (q.measure = { kind: 'balance' }), undefined)).toBe(
      '_Latest balances · all 4 accounts_',
    );
  });

  it('names the accounts: those asked about, a type, both, or the only one', () => {
    expect(line((q) => (q.filters.include.accounts = [3, 4]))).toBe(
      '_Spending · January 2026 · Amex Gold and Discover It_',
    );
    expect(line((q) => (q.filters.include.accountTypes = ['credit_card']))).toBe(
      '_Spending · January 2026 · your credit cards_',
    );
    const two = { merchants: [], accounts: FOUR.accounts.slice(0, 2) };
    expect(line(() => undefined, JAN, two)).toBe('_Spending · January 2026 · both accounts_');
    const one = { merchants: [], accounts: FOUR.accounts.slice(2, 3) };
    expect(line(() => undefined, JAN, one)).toBe('_Spending · January 2026 · Amex Gold_');
  });

  it('puts subjects side by side', () => {
    expect(
      line((q) => {
        q.comparison = {
          kind: 'subjects',
          subjects: [
            {
              label: 'Chevron',
              include: { categories: [], merchants: ['Chevron'], accounts: [], accountTypes: [] },
            },
            {
              label: 'Shell',
              include: { categories: [], merchants: ['Shell'], accounts: [], accountTypes: [] },
            },
          ],
        };
      }),
    ).toBe('_Spending: Chevron vs Shell · January 2026 · all 4 accounts_');
  });
});
