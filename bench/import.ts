/**
 * End-to-end import speed: `npm run import` on a large Chase checking CSV into a fresh database, beside
 * the floor: the same rows inserted with one better-sqlite3 prepared statement in one transaction into
 * Tally's own schema (see floorInsert).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toDayInt } from '../src/day.ts';
import { fingerprinter } from '../src/ingest/fingerprint.ts';
import { openStatementFile } from '../src/ingest/parse.ts';
import { openDatabase } from '../src/store/db.ts';
import { BULK_CACHE_KIB } from '../src/store/ledger.ts';
import { writeImportCsv } from './bank-csv.ts';
import { importRows, isoDay, type GenOptions, type GenRow } from './generate.ts';
import { runWatched } from './proc.ts';

export interface ImportResult {
  rows: number;
  fileMb: number;
  /** Rows/s of `npm run import`, spawn to exit. */
  endToEnd: number;
  endToEndSeconds: number;
  /** Rows the import actually wrote (read back from its database). */
  rowsStored: number;
  peakRssMb: number;
  /** Rows/s of the bare prepared-statement insert. */
  floor: number;
  /** Rows/s of reading the file alone (`openStatementFile`, every row handed on), in this process (where the time goes). */
  parseOnly: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Rows/s of the bare insert: the same rows into the same schema (a store opened by `openDatabase`,
 * every migration, every index of `transactions`), with the connection set up as a bulk import sets it
 * (page cache, no per-row foreign-key checks), the import's own fingerprints and its
 * `ON CONFLICT DO NOTHING`, through one prepared statement in one transaction. Values are prepared
 * beforehand; only the transaction is timed. So the floor is what writing these rows costs at least,
 * and the import's ratio to it is everything else it does (reading, cleaning, categorising, start-up).
 */
export function floorInsert(file: string, rows: readonly GenRow[]): number {
  const db = openDatabase(file);
  db.pragma('foreign_keys = OFF');
  db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  const now = new Date().toISOString();
  db.prepare('INSERT INTO users (id, created_at) VALUES (?, ?)').run('bench-import', now);
  const account = Number(
    db
      .prepare(
        `INSERT INTO accounts (user_id, name, type, currency, created_at) VALUES (?, 'Business Checking', 'checking', 'USD', ?)`,
      )
      .run('bench-import', now).lastInsertRowid,
  );
  const batch = Number(
    db
      .prepare(
        `INSERT INTO import_batches (user_id, account_id, source, format, imported_at) VALUES (?, ?, 'floor', 'csv', ?)`,
      )
      .run('bench-import', account, now).lastInsertRowid,
  );
  const category =
    (db.prepare('SELECT id FROM categories ORDER BY id LIMIT 1').pluck().get() as number | undefined) ??
    Number(
      db
        .prepare(`INSERT INTO categories (code, primary_code, label, description) VALUES ('X', 'X', 'X', '')`)
        .run().lastInsertRowid,
    );
  const merchants = new Map<string, number>();
  const addMerchant = db.prepare('INSERT INTO merchants (name) VALUES (?)');
  const identity = fingerprinter();
  // In the file's order (the Chase export is newest first), so the indexes grow the same way.
  const values = [...rows].reverse().map((r) => {
    const merchant = r.description.replace(/[\d#*].*$/, '').trim();
    let merchantId = merchants.get(merchant);
    if (merchantId === undefined) {
      merchantId = Number(addMerchant.run(merchant || '?').lastInsertRowid);
      merchants.set(merchant, merchantId);
    }
    const date = isoDay(r.day);
    const fingerprint = identity({
      date,
      amountMinor: r.amountMinor,
      currency: 'USD',
      description: r.description,
    });
    return [
      'bench-import',
      account,
      toDayInt(date),
      r.amountMinor,
      'USD',
      r.description,
      merchantId,
      category,
      r.amountMinor < 0 ? 'spending' : 'income',
      'rule',
      null,
      fingerprint,
      null,
      null,
      batch,
    ];
  });
  const insert =
    db.prepare(`INSERT INTO transactions (user_id, account_id, posted_on, amount_minor, currency, description,
    merchant_id, category_id, flow, category_source, external_id, fingerprint, mcc, bank_category, batch_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, fingerprint) DO NOTHING`);
  const started = performance.now();
  db.transaction(() => {
    for (const v of values) insert.run(...v);
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return rows.length / seconds;
}

/** Generates (or reuses) the CSV, imports it through the CLI, then measures the floor and the parser alone. */
export async function benchImport(
  dataDir: string,
  workDir: string,
  count: number,
  gen: GenOptions,
  options: { floor?: boolean } = {},
): Promise<ImportResult> {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(workDir, { recursive: true });
  const csv = join(dataDir, `import-${count}-s${gen.seed}-${gen.end}.csv`);
  if (!existsSync(csv)) writeImportCsv(csv, count, gen);
  const dbFile = join(workDir, 'import.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

  const run = await runWatched(
    'npm',
    [
      'run',
      '--silent',
      'import',
      '--',
      csv,
      '--user',
      'bench-import',
      '--account',
      'Business Checking',
      '--type',
      'checking',
    ],
    { cwd: ROOT, env: { ...process.env, TALLY_DB: dbFile } },
  );
  if (run.code !== 0) throw new Error(`npm run import exited with ${run.code}:\n${run.output.slice(-2000)}`);
  const check = new Database(dbFile, { readonly: true });
  const rowsStored = check.prepare('SELECT COUNT(*) FROM transactions').pluck().get() as number;
  check.close();

  const fileMb = statSync(csv).size / 1e6;
  const floorFile = join(workDir, 'floor.db');
  let floor = 0;
  let parseOnly = 0;
  // The scaling section runs the command alone; the floor and the parser are measured in the main run.
  if (options.floor !== false) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(floorFile + suffix, { force: true });
    floor = floorInsert(floorFile, importRows(count, gen));
    const started = performance.now();
    let parsedRows = 0;
    const reader = openStatementFile(csv, { fileName: 'import.csv', accountType: 'checking' });
    reader.read(() => {
      parsedRows++;
    });
    reader.close();
    parseOnly = parsedRows / ((performance.now() - started) / 1000);
  }

  for (const f of [dbFile, floorFile])
    for (const suffix of ['', '-wal', '-shm']) rmSync(f + suffix, { force: true });
  return {
    rows: count,
    fileMb,
    endToEnd: count / run.seconds,
    endToEndSeconds: run.seconds,
    rowsStored,
    peakRssMb: run.peakMb,
    floor,
    parseOnly,
  };
}
