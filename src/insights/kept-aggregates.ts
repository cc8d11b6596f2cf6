import type { Store } from '../store/index.ts';
import type { SqlAggregate, SqlValue } from '../store/query-sql.ts';

/**
 * The store as one answer sees it, with each aggregate statement run once: an answer often asks the same
 * one twice (a total, then a breakdown of it that needs the same total for its shares: "$171.07 on
 * groceries, mostly Ralphs (72%)" ran the groceries total twice, ~100 µs each on the bench's database).
 * Kept only for the answer it is made for, so nothing written in between can be missed; each caller gets
 * its own copy of the rows, so one that sorts or edits them changes nothing for the next.
 */
export function keepingAggregates(store: Store): Store {
  const sql = store.queries.sql;
  const kept = new Map<string, Promise<SqlValue[]>>();
  const aggregate = async (userId: string, q: SqlAggregate): Promise<SqlValue[]> => {
    const key = JSON.stringify([userId, q]);
    let rows = kept.get(key);
    if (!rows) {
      rows = sql.aggregate(userId, q);
      kept.set(key, rows);
      // A failed statement is not kept: asked again, it runs again.
      rows.catch(() => kept.delete(key));
    }
    return (await rows).map((r) => ({ ...r }));
  };
  // Everything else is the store's own: its methods run with the kept statement in place of the runner's.
  const keptSql = Object.create(sql, { aggregate: { value: aggregate } }) as typeof sql;
  const queries = Object.create(store.queries, { sql: { value: keptSql } }) as Store['queries'];
  return Object.create(store, { queries: { value: queries } }) as Store;
}
