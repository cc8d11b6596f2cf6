/**
 * Loads the seeded question database (built once through the importer on SQLite) into PostgreSQL, row for
 * row with the same ids, so both engines answer the same questions over the same data. Bulk: one
 * INSERT … SELECT FROM json_populate_recordset per batch, which is far quicker than re-importing 1M rows
 * statement by statement and leaves nothing to the importer's own speed on PostgreSQL.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/index.ts';

/** Parents before children, so every foreign key finds its row. */
const TABLES = [
  'users',
  'categories',
  'merchants',
  'accounts',
  'import_batches',
  'transactions',
  'balances',
  'user_category_rules',
] as const;
const BATCH = 20_000;

export interface PgLoad {
  rows: number;
  seconds: number;
}

/** Migrates the server's database, empties the tables above and copies them from the SQLite file. */
export async function loadIntoPostgres(sqliteFile: string, url: string): Promise<PgLoad> {
  // Opening the store applies the migrations, as an instance starting on an empty server would.
  await (await PostgresStore.open(url)).close();
  const started = performance.now();
  const source = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  try {
    await client.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    for (const table of TABLES) {
      const described = (
        await client.query<{ column_name: string; is_identity: string }>(
          `SELECT column_name, is_identity FROM information_schema.columns WHERE table_name = $1`,
          [table],
        )
      ).rows;
      const pgColumns = new Set(described.map((r) => r.column_name));
      const columns = (source.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
        .map((c) => c.name)
        .filter((c) => pgColumns.has(c));
      const list = columns.join(', ');
      const insert = `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1)`;
      let batch: unknown[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await client.query(insert, [JSON.stringify(batch)]);
        rows += batch.length;
        batch = [];
      };
      for (const row of source.prepare(`SELECT ${list} FROM ${table}`).iterate()) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      // Ids were copied as they were: the identity must carry on after the largest.
      if (described.some((c) => c.column_name === 'id' && c.is_identity === 'YES'))
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), max(id)) FROM ${table} HAVING max(id) IS NOT NULL`,
        );
    }
    // Vacuumed and analysed, as a long-running server would be: index-only scans need the visibility map.
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
    source.close();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}
