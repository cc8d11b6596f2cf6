/**
 * The engines every contract test runs on: SQLite in memory, and PostgreSQL in a fresh schema of the
 * server the global setup provides. Both open through `openStore`, as the application does.
 */
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore } from '../../../src/open-store.ts';
import type { Store } from '../../../src/store/index.ts';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

let admin: pg.Pool | undefined;
let schemas = 0;

/** Waits (up to a minute) for the server the global setup is starting. */
async function adminPool(): Promise<pg.Pool> {
  if (admin) return admin;
  const pool = new pg.Pool({ connectionString: inject('pgUrl'), max: 2 });
  pool.on('error', () => undefined);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await pool.query('SELECT 1');
      admin = pool;
      return pool;
    } catch (err) {
      const errorFile = inject('pgErrorFile');
      if (existsSync(errorFile))
        throw new Error(`PostgreSQL did not start: ${readFileSync(errorFile, 'utf8')}`);
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A URL of an empty schema of its own on the test server (dropped by `dropSchema`). */
export async function freshPostgresUrl(): Promise<{ url: string; schema: string }> {
  const pool = await adminPool();
  const schema = `t${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
  await pool.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(inject('pgUrl'));
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

export async function dropSchema(schema: string): Promise<void> {
  await (await adminPool()).query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** An empty store on the engine, with the category taxonomy loaded; `close` removes what it made. */
export async function openEngine(engine: Engine): Promise<{ store: Store; close(): Promise<void> }> {
  if (engine === 'sqlite') {
    const store = await openStore(':memory:');
    return { store, close: () => store.close() };
  }
  const { url, schema } = await freshPostgresUrl();
  const store = await openStore(url);
  return {
    store,
    async close() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** Ends the suite's own connection to the server (call in afterAll of a file that used PostgreSQL). */
export async function closeAdmin(): Promise<void> {
  await admin?.end();
  admin = undefined;
}
