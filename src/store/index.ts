import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Accounts } from './accounts.ts';
import { Budgets } from './budgets.ts';
import { Catalog } from './catalog.ts';
import { ChartImages } from './charts.ts';
import { CoachingSettingsStore } from './coaching.ts';
import { openDatabase, type Db } from './db.ts';
import { DirectLineStore } from './directline.ts';
import { Ledger } from './ledger.ts';
import { Queries } from './queries.ts';
import { Schedule } from './schedule.ts';
import { Reach, StateStore } from './state.ts';
import type { DatabaseHealth, Store as StorePort } from './port.ts';
import { Users } from './users.ts';

export type * from './types.ts';
export type * from './port.ts';
export { openStoreAt } from './open.ts';
export type { BudgetRow, BudgetSpec } from './budgets.ts';
export type { CoachingSettings, NoticeKind, Tone } from './coaching.ts';
export type { PlannedMessage, ScheduledRow } from './schedule.ts';

/** The file a store was opened on, as it was then: a probe compares the file at that path with it. */
interface OpenedFile {
  path: string;
  dev: number;
  ino: number;
}

let latestMigration: number | undefined;
/** The highest migration this code ships (the same folder `migrate` applies). */
function latestShippedMigration(): number {
  latestMigration ??= Math.max(
    0,
    ...readdirSync(join(dirname(fileURLToPath(import.meta.url)), 'migrations'), { withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => f.name)
      .filter((f) => /^\d+_.+\.sql$/.test(f))
      .map((f) => Number(f.split('_')[0])),
  );
  return latestMigration;
}

/** The embedded store: one SQLite file (or memory, for tests), opened in this process. */
export class SqliteStore implements StorePort {
  readonly users: Users;
  readonly accounts: Accounts;
  readonly catalog: Catalog;
  readonly ledger: Ledger;
  readonly queries: Queries;
  readonly state: StateStore;
  readonly reach: Reach;
  readonly charts: ChartImages;
  readonly budgets: Budgets;
  readonly coaching: CoachingSettingsStore;
  readonly schedule: Schedule;
  readonly directLine: DirectLineStore;

  private constructor(
    private readonly db: Db,
    private readonly opened?: OpenedFile,
  ) {
    this.catalog = new Catalog(db);
    this.users = new Users(db, () => this.catalog.forgetMerchants());
    this.accounts = new Accounts(db);
    this.ledger = new Ledger(db, this.catalog);
    this.queries = new Queries(db, this.catalog);
    this.state = new StateStore(db);
    this.reach = new Reach(db);
    this.charts = new ChartImages(db);
    this.budgets = new Budgets(db);
    this.coaching = new CoachingSettingsStore(db);
    this.schedule = new Schedule(db);
    this.directLine = new DirectLineStore(db);
  }

  /** Opens the SQLite file (":memory:" for tests), applying migrations. */
  static open(file: string): SqliteStore {
    const db = openDatabase(file);
    if (db.memory || file.startsWith('file:')) return new SqliteStore(db);
    const path = resolve(file);
    const { dev, ino } = statSync(path);
    return new SqliteStore(db, { path, dev, ino });
  }

  /**
   * A check cheap enough for every probe: the connection is open, the file it was opened on is still at
   * its path and writable, `SELECT 1` answers, the schema is at this code's latest migration, and the
   * write lock can be taken. A committed write per probe would add a log frame every few seconds, and
   * `PRAGMA quick_check` reads the whole file; neither is worth it here.
   */
  async health(): Promise<DatabaseHealth> {
    if (!this.db.open) return 'closed';
    const file = this.fileProblem();
    if (file) return file;
    let version: number;
    try {
      this.db.prepare('SELECT 1').get();
      version =
        (this.db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    } catch {
      return 'query-failed';
    }
    const latest = latestShippedMigration();
    if (version < latest) return 'migrations-pending';
    if (version > latest) return 'schema-newer';
    return this.canTakeWriteLock() ? 'ok' : 'read-only';
  }

  /** Deleted, swapped for another file, or no longer writable: writes would go nowhere a restart finds. */
  private fileProblem(): DatabaseHealth | undefined {
    if (!this.opened) return undefined;
    let now;
    try {
      now = statSync(this.opened.path);
    } catch {
      return 'missing';
    }
    if (now.ino !== this.opened.ino || now.dev !== this.opened.dev) return 'replaced';
    // The mode bits as well as access(): access() says yes to root whatever the bits are.
    if ((now.mode & 0o222) === 0) return 'read-only';
    try {
      accessSync(this.opened.path, constants.W_OK);
    } catch {
      return 'read-only';
    }
    return undefined;
  }

  /** Takes and releases the write lock without waiting: busy (someone else writing) counts as writable. */
  private canTakeWriteLock(): boolean {
    if (this.db.readonly) return false;
    if (this.db.inTransaction) return true;
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.exec('BEGIN IMMEDIATE');
      this.db.exec('ROLLBACK');
      return true;
    } catch (err) {
      return (err as { code?: unknown }).code === 'SQLITE_BUSY';
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /** Refreshes the planner's statistics after a large load. */
  async optimize(): Promise<void> {
    this.db.pragma('optimize');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** The store port (the interface every engine implements). */
export type Store = StorePort;
/** `Store.open(file)` opens a SQLite file directly (tools and tests that work on one file). */
export const Store = { open: (file: string): SqliteStore => SqliteStore.open(file) };
