import { beforeAll, describe, expect, it } from 'vitest';
import { HELDOUT_VOCABULARY, LU_DIR, SYNONYMS_FILE } from '../../../src/cli/eval-language.ts';
import { createUnderstanding, type Understanding } from '../../../src/language/understand.ts';
import { DATA_INTENTS } from '../../../src/language/types.ts';

const TODAY = '2026-03-10';
let u: Understanding;
beforeAll(async () => {
  u = await createUnderstanding({ luDir: LU_DIR, synonymsFile: SYNONYMS_FILE });
});
const ask = (text: string) => u.understand(text, TODAY, HELDOUT_VOCABULARY);
const query = (text: string) => {
  const q = ask(text).understood?.query;
  if (!q) throw new Error(`no query for "${text}"`);
  return q;
};

describe('every money question carries its query', () => {
  it.each([
    'how much did i spend on groceries last month',
    'break down my spending in january',
    'top 5 merchants this year',
    'dining feb vs jan',
    'spending over time',
    'what is my balance',
    'how much did i earn last month',
    'show my amazon transactions',
    'any unusual charges',
    'show my subscriptions',
  ])('"%s"', (text) => {
    const f = ask(text);
    expect(DATA_INTENTS).toContain(f.intent);
    expect(f.understood).toBeDefined();
  });

  it('leaves small talk and settings without a query', () => {
    expect(ask('hello there').understood).toBeUndefined();
    expect(ask('turn alerts off').understood).toBeUndefined();
  });
});

describe("today's intents as queries", () => {
  it('a spending question is a figure of money spent, with its subject and period', () => {
    const q = query('how much did i spend on groceries at whole foods last month');
    expect(q.measure).toEqual({ kind: 'spent' });
    expect(q.form).toBe('figure');
    expect(q.filters.include.categories.map((c) => c.label)).toEqual(['groceries']);
    expect(q.filters.include.merchants).toEqual(['Whole Foods Market']);
    expect(q.periods.map((p) => [p.start, p.end])).toEqual([['2026-02-01', '2026-03-01']]);
  });

  it('a breakdown groups and answers as a breakdown', () => {
    const q = query('break down last month by merchant');
    expect(q).toMatchObject({ form: 'breakdown', groupBy: 'merchant' });
  });

  it('a top question ranks merchants', () => {
    expect(query('top 3 merchants this year')).toMatchObject({
      form: 'breakdown',
      groupBy: 'merchant',
      ranking: { order: 'top', n: 3 },
    });
  });

  it('a comparison of two periods keeps them in the order said', () => {
    const q = query('dining feb vs jan');
    expect(q.comparison).toEqual({ kind: 'periods' });
    expect(q.periods.map((p) => p.start)).toEqual(['2026-02-01', '2026-01-01']);
  });

  it('a trend is a monthly series', () => {
    const q = query('spending trend in 2025');
    expect(q.series).toMatchObject({ grain: 'month', within: { start: '2025-01-01', end: '2026-01-01' } });
    expect(q.periods).toEqual([]);
  });

  it('balance and income name their measure', () => {
    expect(query('what is my balance').measure).toEqual({ kind: 'balance' });
    expect(query('how much did i earn last month').measure).toEqual({ kind: 'received' });
  });

  it('a list of transactions answers as a list, with its amount condition', () => {
    const q = query('show transactions over $50 last month');
    expect(q.form).toBe('list');
    expect(q.filters.amount).toEqual({ minMinor: 5001 });
  });

  it('names accounts by id in the include list', () => {
    expect(query('amex gold spending in february').filters.include.accounts).toEqual([3]);
  });
});
