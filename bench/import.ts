/**
 * End-to-end import speed: `npm run import` on a large Chase checking CSV into a fresh database, beside
 * the floor: the same rows inserted with one better-sqlite3 prepared statement in one transaction, into a
 * table shaped like `transactions` with its covering index.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStatement } from '../src/ingest/parse.ts';
import { writeImportCsv } from './bank-csv.ts';
import { importRows, type GenOptions, type GenRow } from './generate.ts';
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
  /** Rows/s of `parseStatement` alone on the same bytes, in this process (where the time goes). */
  parseOnly: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The CREATE TABLE and covering index of `transactions`, read from the first migration so they stay in step. */
function transactionsDdl(): string {
  const sql = readFileSync(join(ROOT, 'src', 'store', 'migrations', '001_init.sql'), 'utf8');
  const table = /CREATE TABLE transactions \([\s\S]*?\)\s*STRICT;/.exec(sql)?.[0];
  const index = /CREATE INDEX transactions_by_user_day[\s\S]*?;/.exec(sql)?.[0];
  if (!table || !index) throw new Error('could not find the transactions table in 001_init.sql');
  return `${table}\n${index}`;
}

/** Rows/s of the bare insert: values prepared beforehand, only the transaction timed. */
function floorInsert(file: string, rows: readonly GenRow[]): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  db.exec(transactionsDdl());
  const merchants = new Map<string, number>();
  const values = rows.map((r, i) => {
    const merchant = r.description.replace(/[\d#*].*$/, '').trim();
    if (!merchants.has(merchant)) merchants.set(merchant, merchants.size + 1);
    const date = new Date(r.day * 86_400_000).toISOString().slice(0, 10);
    const fingerprint = `f:${createHash('sha1').update(`${date}|${r.amountMinor}|${r.description}|${i}`).digest('base64url').slice(0, 22)}`;
    return [
      'bench-import',
      1,
      Number(date.replaceAll('-', '')),
      r.amountMinor,
      'USD',
      r.description,
      merchants.get(merchant),
      1 + ((merchants.get(merchant) as number) % 100),
      r.amountMinor < 0 ? 'spending' : 'income',
      'rule',
      null,
      fingerprint,
      null,
      null,
      1,
    ];
  });
  const insert =
    db.prepare(`INSERT INTO transactions (user_id, account_id, posted_on, amount_minor, currency, description,
    merchant_id, category_id, flow, category_source, external_id, fingerprint, mcc, bank_category, batch_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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

  const rows = importRows(count, gen);
  const floorFile = join(workDir, 'floor.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(floorFile + suffix, { force: true });
  const floor = floorInsert(floorFile, rows);

  const bytes = readFileSync(csv);
  const started = performance.now();
  const parsed = parseStatement(bytes, { fileName: 'import.csv', accountType: 'checking' });
  const parseSeconds = (performance.now() - started) / 1000;
  const parsedRows = parsed.reduce((n, s) => n + s.transactions.length, 0);

  for (const f of [dbFile, floorFile])
    for (const suffix of ['', '-wal', '-shm']) rmSync(f + suffix, { force: true });
  return {
    rows: count,
    fileMb: bytes.length / 1e6,
    endToEnd: count / run.seconds,
    endToEndSeconds: run.seconds,
    rowsStored,
    peakRssMb: run.peakMb,
    floor,
    parseOnly: parsedRows / parseSeconds,
  };
}
