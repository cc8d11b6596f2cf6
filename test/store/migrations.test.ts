import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/db.ts';
import { Store } from '../../src/store/index.ts';
import { dbOf } from '../helpers/db.ts';
import { tempDbFile } from '../helpers/store.ts';

/** Every migration shipped, in the order they apply. */
const SHIPPED = readdirSync(new URL('../../src/store/migrations/', import.meta.url))
  .filter((f) => /^\d+_.+\.sql$/.test(f))
  .sort();

describe('migrations', () => {
  let temp: ReturnType<typeof tempDbFile>;
  beforeEach(() => {
    temp = tempDbFile();
  });
  afterEach(() => temp.remove());

  it('applies each numbered migration once and records it', () => {
    const store = Store.open(temp.file);
    const recorded = dbOf(store)
      .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations')
      .all() as {
      version: number;
      name: string;
      appliedAt: string;
    }[];
    expect(SHIPPED[0]).toBe('001_init.sql');
    expect(recorded).toEqual(
      SHIPPED.map((name) => ({
        version: Number(name.split('_')[0]),
        name,
        appliedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      })),
    );
    const tables = dbOf(store).prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'accounts', 'transactions', 'bot_state', 'conversation_refs']),
    );
    store.close();
  });

  it('does not re-apply on re-open, and keeps the data', () => {
    const first = Store.open(temp.file);
    dbOf(first).prepare("INSERT INTO users (id, created_at) VALUES ('u1', '2026-03-10T00:00:00Z')").run();
    const appliedAt = dbOf(first).prepare('SELECT applied_at FROM schema_migrations').pluck().get();
    first.close();

    // A second apply of 001_init.sql would fail on "table users already exists".
    const second = Store.open(temp.file);
    expect(dbOf(second).prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(SHIPPED.length);
    expect(dbOf(second).prepare('SELECT applied_at FROM schema_migrations').pluck().get()).toBe(appliedAt);
    expect(dbOf(second).prepare('SELECT id FROM users').pluck().all()).toEqual(['u1']);
    expect(migrate(dbOf(second))).toEqual([]);
    second.close();
  });

  it('runs against a bare connection and reports what it applied', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(SHIPPED);
    expect(migrate(db)).toEqual([]);
    db.close();
  });
});
