import { describe, expect, it } from 'vitest';
import { keepingAggregates } from '../../src/insights/kept-aggregates.ts';
import type { Store } from '../../src/store/index.ts';
import type { SqlAggregate, SqlValue } from '../../src/store/query-sql.ts';

/** A store whose runner counts the statements it runs and answers from a table. */
function countingStore(answer: (q: SqlAggregate) => SqlValue[]) {
  const ran: SqlAggregate[] = [];
  const sql = {
    async aggregate(_userId: string, q: SqlAggregate) {
      ran.push(q);
      if (q.flows.includes('cash')) throw new Error('no such table');
      return answer(q);
    },
  };
  const queries = {
    sql,
    // As Queries.totals does: through this.sql.
    async totals(this: { sql: typeof sql }, userId: string, q: SqlAggregate) {
      return this.sql.aggregate(userId, q);
    },
  };
  return { store: { queries } as unknown as Store, ran };
}

const groceries: SqlAggregate = {
  flows: ['spending'],
  start: '2026-10-01',
  end: '2026-11-01',
  include: { categories: ['FOOD_AND_DRINK_GROCERIES'] },
  aggregate: 'sum',
  sign: -1,
};

describe('one answer’s aggregates', () => {
  it('runs the same statement once, and each different one once', async () => {
    const { store, ran } = countingStore(() => [{ key: null, currency: 'USD', value: 17107, count: 9 }]);
    const kept = keepingAggregates(store);
    const first = await kept.queries.sql.aggregate('u1', groceries);
    const again = await kept.queries.sql.aggregate('u1', { ...groceries });
    await kept.queries.sql.aggregate('u2', groceries);
    await kept.queries.sql.aggregate('u1', { ...groceries, groupBy: 'merchant' });
    expect(again).toEqual(first);
    expect(ran).toHaveLength(3);
  });

  it('is used by the store’s own methods that go through the runner', async () => {
    const { store, ran } = countingStore(() => []);
    const kept = keepingAggregates(store);
    await (kept.queries as unknown as { totals(u: string, q: SqlAggregate): Promise<unknown> }).totals(
      'u1',
      groceries,
    );
    await kept.queries.sql.aggregate('u1', groceries);
    expect(ran).toHaveLength(1);
  });

  it('hands each caller its own rows', async () => {
    const { store } = countingStore(() => [{ key: 3, currency: 'USD', value: 500, count: 2 }]);
    const kept = keepingAggregates(store);
    const first = await kept.queries.sql.aggregate('u1', groceries);
    first[0]!.value = 0;
    first.pop();
    expect(await kept.queries.sql.aggregate('u1', groceries)).toEqual([
      { key: 3, currency: 'USD', value: 500, count: 2 },
    ]);
  });

  it('keeps nothing for the next answer, and does not keep a failure', async () => {
    const { store, ran } = countingStore(() => []);
    await keepingAggregates(store).queries.sql.aggregate('u1', groceries);
    await keepingAggregates(store).queries.sql.aggregate('u1', groceries);
    const kept = keepingAggregates(store);
    const cash = { ...groceries, flows: ['cash' as const] };
    await expect(kept.queries.sql.aggregate('u1', cash)).rejects.toThrow('no such table');
    await expect(kept.queries.sql.aggregate('u1', cash)).rejects.toThrow('no such table');
    expect(ran).toHaveLength(4);
  });
});
