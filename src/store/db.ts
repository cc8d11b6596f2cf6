import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setNewest } from '../newest.ts';

export type Db = Database.Database;

/** The page cache of every connection, in KiB as `PRAGMA cache_size` takes it (negative). */
export const PAGE_CACHE_KIB = -8192;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens (creating if needed) the SQLite file and applies any migration not yet recorded. */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, so "delete my data" leaves nothing readable in the file.
  db.pragma('secure_delete = ON');
  // 8 MB of page cache (SQLite's own default is 2 MB). A turn reads one user's few hundred rows through
  // the covering index, and pages the cache lacks come from the operating system's file cache: on the
  // bench's 1M-row file, 64 MB here cost ~60 MB of resident memory for no measurable speed (turn queries
  // p50 1.61 ms at 64 MB, 1.64 ms at 8 MB). Bulk imports set their own (BULK_CACHE_KIB).
  db.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
  migrate(db);
  reusePreparedStatements(db);
  return db;
}

const ledgerWrites = new WeakMap<Db, number>();

/** Called by every write that adds, removes or re-labels transactions, so caches of them know to refresh. */
export function ledgerChanged(db: Db): void {
  ledgerWrites.set(db, (ledgerWrites.get(db) ?? 0) + 1);
}

/**
 * Changes whenever the transactions may have changed: a write through this connection, or a commit by
 * any other connection to the file (`npm run import` while the server runs).
 */
export function ledgerVersion(db: Db): string {
  return `${ledgerWrites.get(db) ?? 0}:${String(dataVersion(db).pluck(true).get())}`;
}

/** `db.pragma` compiles its statement on every call; this one is asked on every answer, so it is kept. */
const dataVersions = new WeakMap<Db, Database.Statement>();

function dataVersion(db: Db): Database.Statement {
  let statement = dataVersions.get(db);
  if (!statement) dataVersions.set(db, (statement = db.prepare('PRAGMA data_version')));
  return statement;
}

/**
 * Makes `db.prepare` hand back the statement it prepared before for the same SQL (SQLite compiles each
 * one in tens of microseconds, and a turn prepares a dozen). A statement comes back in its default mode,
 * whatever `pluck`/`raw`/`expand` its last user set. The most recently used 500 are kept.
 */
function reusePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const reuse = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (statement && !statement.busy) {
      if (statement.reader) statement.raw(false).expand(false).pluck(false);
    } else statement = prepare(sql);
    setNewest(cache, sql, statement, 500);
    return statement;
  };
  db.prepare = reuse as Db['prepare'];
}

/**
 * Copies the write-ahead log into the database file and truncates the log, so pages that held deleted
 * rows do not live on in the -wal file. A no-op for in-memory databases.
 */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Applies numbered plain-SQL migrations (`NNN_name.sql`) in order, each once, each in its own transaction. */
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const files = readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort();
  const done: string[] = [];
  for (const file of files) {
    const version = Number(file.split('_')[0]);
    if (applied.has(version)) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        file,
        new Date().toISOString(),
      );
    })();
    done.push(file);
  }
  return done;
}
