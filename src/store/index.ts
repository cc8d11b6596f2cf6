import { Accounts } from './accounts.ts';
import { Catalog } from './catalog.ts';
import { openDatabase, type Db } from './db.ts';
import { Ledger } from './ledger.ts';
import { Queries } from './queries.ts';
import { Reach, StateStore } from './state.ts';
import { Users } from './users.ts';

export type * from './types.ts';
export type { GroupBy } from './queries.ts';

/**
 * Tally's store: the only code that writes SQL. Every method takes the user id and returns a Promise,
 * so a server database can sit behind the same interface later.
 */
export class Store {
  readonly users: Users;
  readonly accounts: Accounts;
  readonly catalog: Catalog;
  readonly ledger: Ledger;
  readonly queries: Queries;
  readonly state: StateStore;
  readonly reach: Reach;

  private constructor(private readonly db: Db) {
    this.catalog = new Catalog(db);
    this.users = new Users(db, () => this.catalog.forgetMerchants());
    this.accounts = new Accounts(db);
    this.ledger = new Ledger(db, this.catalog);
    this.queries = new Queries(db, this.catalog);
    this.state = new StateStore(db);
    this.reach = new Reach(db);
  }

  /** Opens the SQLite file (":memory:" for tests), applying migrations. */
  static open(file: string): Store {
    return new Store(openDatabase(file));
  }

  /** Refreshes the planner's statistics after a large load. */
  async optimize(): Promise<void> {
    this.db.pragma('optimize');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
