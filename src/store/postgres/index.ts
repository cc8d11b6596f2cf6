import type { DatabaseHealth, Store } from '../port.ts';
import { PgAccounts } from './accounts.ts';
import { PgBudgets } from './budgets.ts';
import { PgCatalog } from './catalog.ts';
import { PgChartImages } from './charts.ts';
import { PgCoachingSettings } from './coaching.ts';
import { PgDirectLineStore } from './directline.ts';
import { migrate, migrationFiles, PgDb, PG_MIGRATIONS_DIR } from './db.ts';
import { PgLedger } from './ledger.ts';
import { PgQueries } from './queries.ts';
import { PgSchedule } from './schedule.ts';
import { PgReach, PgStateStore } from './state.ts';
import { PgUsers } from './users.ts';

/**
 * The server store: a pooled PostgreSQL connection (`TALLY_DATABASE_URL`). Any number of Tally instances
 * can share one database: nothing that decides a reply is held only in one process's memory.
 */
export class PostgresStore implements Store {
  readonly users: PgUsers;
  readonly accounts: PgAccounts;
  readonly catalog: PgCatalog;
  readonly ledger: PgLedger;
  readonly queries: PgQueries;
  readonly state: PgStateStore;
  readonly reach: PgReach;
  readonly charts: PgChartImages;
  readonly budgets: PgBudgets;
  readonly coaching: PgCoachingSettings;
  readonly schedule: PgSchedule;
  readonly directLine: PgDirectLineStore;

  private constructor(private readonly db: PgDb) {
    this.catalog = new PgCatalog(db);
    this.users = new PgUsers(db, this.catalog);
    this.accounts = new PgAccounts(db);
    this.ledger = new PgLedger(db, this.catalog);
    this.queries = new PgQueries(db, this.catalog);
    this.state = new PgStateStore(db);
    this.reach = new PgReach(db);
    this.charts = new PgChartImages(db);
    this.budgets = new PgBudgets(db);
    this.coaching = new PgCoachingSettings(db);
    this.schedule = new PgSchedule(db);
    this.directLine = new PgDirectLineStore(db);
  }

  /** Connects, applies any migration not yet recorded, and loads the category catalogue. */
  static async open(url: string): Promise<PostgresStore> {
    const db = new PgDb(url);
    try {
      await migrate(db);
      const store = new PostgresStore(db);
      await store.catalog.syncCategories([]);
      return store;
    } catch (err) {
      await db.close();
      throw err;
    }
  }

  async health(): Promise<DatabaseHealth> {
    if (this.db.closed) return 'closed';
    let version: number;
    let readOnly: boolean;
    try {
      const row = await this.db.one<{ version: number | null; ro: string }>(
        `SELECT (SELECT max(version) FROM schema_migrations) AS version, current_setting('transaction_read_only') AS ro`,
      );
      version = row?.version ?? 0;
      readOnly = row?.ro === 'on';
    } catch {
      return 'query-failed';
    }
    const latest = Math.max(0, ...migrationFiles(PG_MIGRATIONS_DIR).map((m) => m.version));
    if (version < latest) return 'migrations-pending';
    if (version > latest) return 'schema-newer';
    return readOnly ? 'read-only' : 'ok';
  }

  async optimize(): Promise<void> {
    await this.db.query('ANALYZE');
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
