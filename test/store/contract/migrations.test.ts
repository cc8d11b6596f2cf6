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

  it('SQLite records them the same way', async () => {
    const store = await openStoreAt(':memory:');
    expect(await store.health()).toBe('ok');
    await store.close();
  });
});
