/** Both engines' schemas come from numbered migrations, recorded the same way; each SQLite one has a twin. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStoreAt } from '../../../src/store/index.ts';
import { closeAdmin, dropSchema, freshPostgresUrl } from './engines.ts';

const DIR = join(import.meta.dirname, '../../../src/store/migrations');
const numbered = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && /^\d+_.+\.sql$/.test(f.name))
    .map((f) => f.name)
    .sort();

afterAll(closeAdmin);

describe('migrations', () => {
  it('every SQLite migration has a PostgreSQL twin of the same number and name, and no more', () => {
    expect(numbered(join(DIR, 'postgres'))).toEqual(numbered(DIR));
  });

  it('PostgreSQL records each applied migration in schema_migrations, once, and reports healthy', async () => {
    const { url, schema } = await freshPostgresUrl();
    const first = await openStoreAt(url);
    // A second instance starting on the same database applies nothing again.
    const second = await openStoreAt(url);
    expect(await first.health()).toBe('ok');
    expect(await second.health()).toBe('ok');
    await first.close();
    await second.close();
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version, name FROM schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((r: { name: string }) => r.name)).toEqual(numbered(join(DIR, 'postgres')));
    await dropSchema(schema);
  });

  it('shapes every PostgreSQL table for distribution by user (docs/scale-out.md)', async () => {
    const { url, schema } = await freshPostgresUrl();
    const store = await openStoreAt(url);
    await store.close();
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    const keys = await client.query<{ table: string; kind: string; columns: string[] }>(
      `SELECT c.conrelid::regclass::text AS table, c.contype AS kind,
         array_agg(a.attname ORDER BY a.attnum)::text[] AS columns
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
       WHERE c.connamespace = current_schema()::regnamespace AND c.contype IN ('p', 'u', 'f')
       GROUP BY c.oid, c.conrelid, c.contype`,
    );
    const tables = await client.query<{ table_name: string; has_user: boolean }>(
      `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c
         WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'user_id') AS has_user
       FROM information_schema.tables t WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`,
    );
    await client.end();
    await dropSchema(schema);
    // Shared lookups (reference tables on Citus), the migration log, and users, distributed by its id.
    const SHARED = ['categories', 'merchants', 'schema_migrations'];
    const distributed = tables.rows
      .map((t) => t.table_name)
      .filter((t) => !SHARED.includes(t) && t !== 'users');
    expect(distributed.length).toBeGreaterThanOrEqual(9);
    for (const t of tables.rows)
      if (distributed.includes(t.table_name)) expect(t.has_user, t.table_name).toBe(true);
    for (const k of keys.rows) {
      const table = k.table.split('.').pop() as string;
      if (!distributed.includes(table)) continue;
      // Primary keys and unique constraints include the distribution column; so do foreign keys, except
      // those that point at a shared lookup table.
      const toLookup = k.kind === 'f' && ['merchant_id', 'category_id'].includes(k.columns[0] ?? '');
      if (!toLookup) expect(k.columns, `${table} ${k.kind} ${k.columns.join(',')}`).toContain('user_id');
    }
  });

  it('SQLite records them the same way', async () => {
    const store = await openStoreAt(':memory:');
    expect(await store.health()).toBe('ok');
    await store.close();
  });
});
