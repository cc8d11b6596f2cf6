import type { Db } from './db.ts';

/**
 * A bulk write into a table holding few rows is faster with the table's secondary indexes built once at
 * the end, from sorted keys, than kept up row by row (about 1.3× on a million-row import). Dropping
 * and re-creating them inside the caller's transaction keeps it all or nothing: a rollback, or a
 * process killed before the commit, leaves the indexes as they were.
 *
 * Only indexes created with CREATE INDEX are set aside; those behind UNIQUE and PRIMARY KEY constraints
 * stay (the import's duplicate check needs them). Call inside a transaction; the returned function
 * rebuilds what was dropped and must run before the commit.
 * @example const rebuild = deferIndexes(db, 'transactions'); …insert…; rebuild();
 */
export function deferIndexes(db: Db, table: string): () => void {
  if (!db.inTransaction) throw new Error('indexes are set aside inside a transaction');
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return () => {
    for (const { sql } of indexes) db.exec(sql);
  };
}

/**
 * Whether writing about `rows` new rows into `table` is cheaper with its indexes rebuilt afterwards:
 * rebuilding sorts every row of the table, old ones too, so it pays only when the new rows are most of
 * them. The table's size is read from its largest rowid (an upper bound, found without a scan).
 */
export function worthDeferring(db: Db, table: string, rows: number): boolean {
  const largest = (db.prepare(`SELECT max(rowid) FROM "${table}"`).pluck().get() as number | null) ?? 0;
  return rows >= 50_000 && rows >= 2 * largest;
}
