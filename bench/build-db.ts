/**
 * Builds the multi-user question database through Tally's own importer (one Chase CSV per account),
 * cached by its options and the schema so repeated runs reuse it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES } from '../src/ingest/enrich/categories.ts';
import { importStatement } from '../src/ingest/importer.ts';
import { Store } from '../src/store/index.ts';
import { accountCsv } from './bank-csv.ts';
import { generateUser, userId, type GenOptions } from './generate.ts';

export interface DbOptions extends GenOptions {
  users: number;
}

export interface BuiltDb {
  file: string;
  users: number;
  transactions: number;
  /** Seconds spent building, or 0 when a cached copy was reused. */
  buildSeconds: number;
  /** Rows per second through the in-process importer while building (0 when cached). */
  importRowsPerSecond: number;
}

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'store', 'migrations');

/** A short hash of the schema, so a new migration invalidates cached databases. */
function schemaHash(): string {
  const h = createHash('sha1');
  for (const f of readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort())
    h.update(f).update(readFileSync(join(MIGRATIONS, f)));
  return h.digest('hex').slice(0, 8);
}

/** Adds the taxonomy to a fresh store, as the app does at start-up. */
export async function syncTaxonomy(store: Store): Promise<void> {
  await store.catalog.syncCategories(
    CATEGORIES.map((c) => ({
      code: c.detailed,
      primaryCode: c.primary,
      label: c.label,
      description: c.description,
    })),
  );
}

/**
 * Returns the path of a database holding `users` generated users, building it in `dir` when no cached
 * copy exists. Every account goes through `importStatement`, exactly as an uploaded file would.
 */
export async function buildDatabase(
  dir: string,
  options: DbOptions,
  log: (line: string) => void,
): Promise<BuiltDb> {
  mkdirSync(dir, { recursive: true });
  const name = `questions-${options.users}u-${options.years}y-s${options.seed}-${options.end}-${schemaHash()}.db`;
  const file = join(dir, name);
  if (existsSync(file)) {
    const store = Store.open(file);
    const count = await countRows(store, options.users);
    store.close();
    return { file, users: options.users, transactions: count, buildSeconds: 0, importRowsPerSecond: 0 };
  }
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const store = Store.open(partial);
  await syncTaxonomy(store);
  const started = performance.now();
  let rows = 0;
  for (let i = 0; i < options.users; i++) {
    const user = generateUser(i, options);
    await store.users.ensure(user.id);
    for (const account of user.accounts) {
      const summary = await importStatement(store, {
        userId: user.id,
        accountName: account.name,
        accountType: account.type,
        fileName: `${account.name.toLowerCase().replace(/\s+/g, '-')}.csv`,
        bytes: Buffer.from(accountCsv(account)),
      });
      rows += summary.added;
    }
    if ((i + 1) % 100 === 0)
      log(`  built ${i + 1}/${options.users} users, ${rows.toLocaleString('en-US')} rows`);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.optimize();
  store.close();
  renameSync(partial, file);
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  return {
    file,
    users: options.users,
    transactions: rows,
    buildSeconds: seconds,
    importRowsPerSecond: rows / seconds,
  };
}

async function countRows(store: Store, users: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < users; i++) {
    const coverage = await store.queries.coverage(userId(i));
    total += coverage.reduce((n, c) => n + c.count, 0);
  }
  return total;
}
