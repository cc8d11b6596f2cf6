import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EnrichedRow, inWord, loadAcceptanceUser, netSpending } from './acceptance.ts';

/** One acceptance question that depends on enrichment, with the period and filter it implies. */
interface Check {
  id: string;
  user: string;
  answer: (rows: readonly EnrichedRow[]) => string[];
}

const amount = (minor: number): string => (minor / 100).toFixed(2);
const spend =
  (start: string, end: string, keep?: (r: EnrichedRow) => boolean) => (rows: readonly EnrichedRow[]) => [
    amount(netSpending(rows, start, end, keep)),
  ];
const merchantIs = (name: string) => (r: EnrichedRow) => r.merchant === name;

/** Periods follow the questions' wording with "now" = 2026-03-10 (see truth.json). */
const CHECKS: Check[] = [
  {
    id: 'groceries-last-month',
    user: 'alice',
    answer: spend('2026-02-01', '2026-03-01', inWord('groceries')),
  },
  { id: 'food-january', user: 'alice', answer: spend('2026-01-01', '2026-02-01', inWord('food')) },
  {
    id: 'starbucks-december',
    user: 'alice',
    answer: spend('2025-12-01', '2026-01-01', merchantIs('Starbucks')),
  },
  {
    id: 'bob-starbucks-december',
    user: 'bob',
    answer: spend('2025-12-01', '2026-01-01', merchantIs('Starbucks')),
  },
  { id: 'uber-ytd', user: 'alice', answer: spend('2026-01-01', '2026-03-11', merchantIs('Uber')) },
  {
    id: 'amex-last-month',
    user: 'alice',
    answer: spend('2026-02-01', '2026-03-01', (r) => r.account === 'Amex Gold'),
  },
  { id: 'total-february', user: 'alice', answer: spend('2026-02-01', '2026-03-01') },
  {
    id: 'top-merchant-november',
    user: 'alice',
    answer: (rows) => {
      const totals = new Map<string, number>();
      for (const r of rows)
        if (r.flow === 'spending' && r.date >= '2025-11-01' && r.date < '2025-12-01')
          totals.set(r.merchant, (totals.get(r.merchant) ?? 0) - r.amountMinor);
      const top = [...totals].sort((a, b) => b[1] - a[1])[0];
      return top ? [top[0].toLowerCase()] : [];
    },
  },
  {
    id: 'income-last-month',
    user: 'alice',
    answer: (rows) => [
      amount(
        rows
          .filter((r) => r.flow === 'income' && r.date >= '2026-02-01' && r.date < '2026-03-01')
          .reduce((s, r) => s + r.amountMinor, 0),
      ),
    ],
  },
  {
    id: 'restaurants-jan-vs-dec',
    user: 'alice',
    answer: (rows) => [
      ...spend('2025-12-01', '2026-01-01', inWord('eating out'))(rows),
      ...spend('2026-01-01', '2026-02-01', inWord('eating out'))(rows),
    ],
  },
  { id: 'gas-q4', user: 'alice', answer: spend('2025-10-01', '2026-01-01', inWord('gas')) },
  {
    id: 'amazon-net-last-month',
    user: 'alice',
    answer: spend('2026-02-01', '2026-03-01', merchantIs('Amazon')),
  },
  { id: 'coffee-ytd', user: 'alice', answer: spend('2026-01-01', '2026-03-11', inWord('coffee')) },
  { id: 'transport-30d', user: 'alice', answer: spend('2026-02-09', '2026-03-11', inWord('transport')) },
  {
    id: 'entertainment-january',
    user: 'alice',
    answer: spend('2026-01-01', '2026-02-01', inWord('entertainment')),
  },
  { id: 'utilities-february', user: 'alice', answer: spend('2026-02-01', '2026-03-01', inWord('utilities')) },
  { id: 'travel-last-year', user: 'alice', answer: spend('2025-01-01', '2026-01-01', inWord('travel')) },
];

export interface CheckResult {
  id: string;
  expected: string[];
  actual: string[];
  ok: boolean;
}

interface TruthQuestion {
  id: string;
  expect: string[];
  words: string[];
}

/** Runs the enrichment-dependent acceptance questions against the files in `dir`. */
export function checkAcceptance(dir: string): CheckResult[] {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { questions: TruthQuestion[] };
  const byUser = new Map<string, EnrichedRow[]>();
  return CHECKS.map((check) => {
    const rows = byUser.get(check.user) ?? loadAcceptanceUser(dir, check.user);
    byUser.set(check.user, rows);
    const question = truth.questions.find((q) => q.id === check.id);
    const expected = question ? [...question.expect, ...question.words] : [];
    const actual = check.answer(rows);
    const ok = expected.length > 0 && expected.every((e) => actual.some((a) => a.includes(e)));
    return { id: check.id, expected, actual, ok };
  });
}
