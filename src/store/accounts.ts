import { ledgerChanged, type Db } from './db.ts';
import type { AccountKind, AccountSpec, AccountsPort, DemoRemoval } from './port.ts';
import type { AccountRow } from './types.ts';

const COLUMNS = `id, user_id AS userId, name, institution, type, currency, mask, demo, created_at AS createdAt`;

export type { AccountKind, AccountSpec, DemoRemoval };

type StoredAccount = Omit<AccountRow, 'demo'> & { demo: number };

const toRow = (row: StoredAccount | undefined): AccountRow | undefined =>
  row && { ...row, demo: row.demo === 1 };

/**
 * A user's accounts. Every call is scoped by user id. Lists show every account with its `demo` flag;
 * lookups by name and `upsert` see only one kind, so a statement never lands in a demo account and the
 * demo never lands in a person's own account of the same name.
 */
export class Accounts implements AccountsPort {
  /** @param kind what names resolve to; `store.accounts` resolves to the person's own accounts. */
  constructor(
    private readonly db: Db,
    readonly kind: AccountKind = 'real',
  ) {}

  /** The same accounts, with names resolving to demo accounts: what loading the demo hands the importer. */
  demoNames(): Accounts {
    return new Accounts(this.db, 'demo');
  }

  async list(userId: string): Promise<AccountRow[]> {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM accounts WHERE user_id = ?`)
      .all(userId) as StoredAccount[];
    // Ordered here: SQLite would sort the few rows in a temporary b-tree, which costs more than the query.
    return rows.sort((a, b) => a.id - b.id).map((r) => toRow(r) as AccountRow);
  }

  async get(userId: string, accountId: number): Promise<AccountRow | undefined> {
    return this.byId(userId, accountId);
  }

  async findByName(
    userId: string,
    name: string,
    kind: AccountKind = this.kind,
  ): Promise<AccountRow | undefined> {
    return this.byName(userId, name, kind);
  }

  /**
   * Returns the named account of this kind, creating it when it is new. An existing account keeps its
   * type. A person's own new account takes its name even from a demo account, which moves aside to
   * "<name> (demo)"; a demo account never takes a name a person's own account holds.
   */
  async upsert(userId: string, spec: AccountSpec, now = new Date()): Promise<AccountRow> {
    const name = spec.name.trim();
    return this.db.transaction((): AccountRow => {
      const existing = this.byName(userId, name, this.kind);
      if (existing) return existing;
      const other = this.byName(userId, name, this.kind === 'real' ? 'demo' : 'real');
      if (other && this.kind === 'demo')
        throw new Error('a demo account cannot take the name of a real account');
      if (other) {
        this.db
          .prepare('UPDATE accounts SET name = ? WHERE user_id = ? AND id = ?')
          .run(this.freeDemoName(userId, name), userId, other.id);
      }
      this.db
        .prepare('INSERT INTO users (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING')
        .run(userId, now.toISOString());
      const info = this.db
        .prepare(
          `INSERT INTO accounts (user_id, name, institution, type, currency, mask, demo, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          userId,
          name,
          spec.institution ?? null,
          spec.type,
          spec.currency.toUpperCase(),
          spec.mask ?? null,
          this.kind === 'demo' ? 1 : 0,
          now.toISOString(),
        );
      return this.byId(userId, Number(info.lastInsertRowid)) as AccountRow;
    })();
  }

  /**
   * The name the demo account for `name` has or should get: "<name> (demo)", else "<name> (demo 2)", … —
   * the first that is already a demo account or is free. The word in the name keeps every reply that
   * names the account honest about it, and keeps it clear of the person's own "<name>".
   */
  async demoNameFor(userId: string, name: string): Promise<string> {
    const wanted = name.trim();
    for (const candidate of demoNameCandidates(wanted)) {
      const held = this.byName(userId, candidate, 'demo') ?? this.byName(userId, candidate, 'real');
      if (!held) return candidate;
      if (held.demo) return held.name;
    }
    throw new Error('no free name for a demo account');
  }

  /** Removes the account with its transactions and balances; returns how many transactions went. */
  async remove(userId: string, accountId: number): Promise<{ transactions: number } | undefined> {
    ledgerChanged(this.db);
    return this.db.transaction(() => {
      const account = this.db
        .prepare('SELECT id FROM accounts WHERE user_id = ? AND id = ?')
        .get(userId, accountId);
      if (!account) return undefined;
      const gone = this.db
        .prepare('DELETE FROM transactions WHERE user_id = ? AND account_id = ?')
        .run(userId, accountId).changes;
      this.db.prepare('DELETE FROM accounts WHERE user_id = ? AND id = ?').run(userId, accountId);
      return { transactions: gone };
    })();
  }

  /** Removes every demo account of the user with its transactions, balances and import batches, and the demo's budgets. */
  async removeDemo(userId: string): Promise<DemoRemoval> {
    const ofDemo = 'user_id = ? AND account_id IN (SELECT id FROM accounts WHERE user_id = ? AND demo = 1)';
    ledgerChanged(this.db);
    return this.db.transaction((): DemoRemoval => {
      const transactions = this.db
        .prepare(`DELETE FROM transactions WHERE ${ofDemo}`)
        .run(userId, userId).changes;
      const balances = this.db.prepare(`DELETE FROM balances WHERE ${ofDemo}`).run(userId, userId).changes;
      const batches = this.db
        .prepare(`DELETE FROM import_batches WHERE ${ofDemo}`)
        .run(userId, userId).changes;
      const accounts = this.db
        .prepare('DELETE FROM accounts WHERE user_id = ? AND demo = 1')
        .run(userId).changes;
      const budgets = this.db
        .prepare('DELETE FROM budgets WHERE user_id = ? AND demo = 1')
        .run(userId).changes;
      return { accounts, transactions, balances, batches, budgets };
    })();
  }

  private byId(userId: string, accountId: number): AccountRow | undefined {
    return toRow(
      this.db
        .prepare(`SELECT ${COLUMNS} FROM accounts WHERE user_id = ? AND id = ?`)
        .get(userId, accountId) as StoredAccount | undefined,
    );
  }

  private byName(userId: string, name: string, kind: AccountKind): AccountRow | undefined {
    return toRow(
      this.db
        .prepare(`SELECT ${COLUMNS} FROM accounts WHERE user_id = ? AND name = ? COLLATE NOCASE AND demo = ?`)
        .get(userId, name.trim(), kind === 'demo' ? 1 : 0) as StoredAccount | undefined,
    );
  }

  /** A name for a demo account moving aside: "<name> (demo)", "<name> (demo 2)", … that no account holds. */
  private freeDemoName(userId: string, name: string): string {
    const taken = (n: string) => this.byName(userId, n, 'demo') ?? this.byName(userId, n, 'real');
    const free = demoNameCandidates(name).find((n) => n.toLowerCase() !== name.toLowerCase() && !taken(n));
    if (!free) throw new Error('no free name for a demo account');
    return free;
  }
}

/** "Chase Checking" → "Chase Checking (demo)", "Chase Checking (demo 2)", …; a name already marked keeps its mark. */
export function demoNameCandidates(name: string): string[] {
  const base = name.replace(/\s*\(demo(?: \d+)?\)$/i, '');
  return [`${base} (demo)`, ...Array.from({ length: 98 }, (_, i) => `${base} (demo ${i + 2})`)];
}
