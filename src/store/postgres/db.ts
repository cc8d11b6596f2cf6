import { AsyncLocalStorage } from 'node:async_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const PG_MIGRATIONS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'migrations',
  'postgres',
);

/** bigint (counts, ids, sums of bigint) and numeric (sums) come back as numbers: every figure fits in 2^53. */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export type Row = Record<string, unknown>;

/**
 * A pooled PostgreSQL connection. `tx` checks one client out of the pool for a whole unit of work; every
 * query made inside it (through any part of the store) runs on that client, so it commits or rolls back
 * with the rest.
 */
export class PgDb {
  readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<pg.PoolClient>();
  closed = false;

  constructor(url: string, max = Number(process.env.TALLY_DATABASE_POOL?.trim() || 10)) {
    this.pool = new pg.Pool({ connectionString: url, max, types: TYPES });
    // An idle client the server dropped must not take the process down; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Runs one statement with `$1…` placeholders (several statements when there are no arguments). */
  async query<T extends Row = Row>(sql: string, args: readonly unknown[] = []): Promise<pg.QueryResult<T>> {
    const client = this.current.getStore();
    return client ? client.query<T>(sql, args as unknown[]) : this.pool.query<T>(sql, args as unknown[]);
  }

  async rows<T extends Row = Row>(sql: string, args: readonly unknown[] = []): Promise<T[]> {
    return (await this.query<T>(sql, args)).rows;
  }

  async one<T extends Row = Row>(sql: string, args: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, args)).rows[0];
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** Runs `work` in one transaction on one client; nested calls join the outer transaction. */
  async tx<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await this.current.run(client, work);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** `?` → `$1, $2, …`, for the query builder's statements (it never puts a question mark in a literal). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The numbered migrations in a folder, in order. */
export function migrationFiles(dir: string): { version: number; file: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && /^\d+_.+\.sql$/.test(f.name))
    .map((f) => ({ version: Number(f.name.split('_')[0]), file: f.name }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies numbered plain-SQL migrations once each, each in its own transaction, recorded in
 * schema_migrations as on SQLite. Instances starting together take turns on an advisory lock, so each
 * migration runs once.
 */
export async function migrate(db: PgDb, dir = PG_MIGRATIONS_DIR): Promise<string[]> {
  // CockroachDB has no advisory locks: there, start one instance first (docs/scale-out.md).
  const version = (await db.one<{ v: string }>('SELECT version() AS v'))?.v ?? '';
  const lock = /cockroach/i.test(version)
    ? async () => undefined
    : async () => void (await db.query('SELECT pg_advisory_xact_lock(7426655)'));
  // Under the lock too: two instances creating the table at once would collide in the catalogue.
  await db.tx(async () => {
    await lock();
    await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  });
  const done: string[] = [];
  for (const { version, file } of migrationFiles(dir)) {
    await db.tx(async () => {
      await lock();
      const applied = await db.one('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (applied) return;
      await db.query(readFileSync(join(dir, file), 'utf8'));
      await db.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        version,
        file,
        new Date().toISOString(),
      ]);
      done.push(file);
    });
  }
  return done;
}
