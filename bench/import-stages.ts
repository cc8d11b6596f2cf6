/**
 * Where an import's time goes: each stage of `npm run import` alone, on the same Chase CSV, in one
 * process and one run, beside the floor (bench/import.ts):
 *   npx tsx bench/import-stages.ts [ROWS]     (default 1,000,000; the CSV is the bench's cached one)
 * Each line gives wall time and the CPU time of the thread that did the work: on a machine shared with
 * other work the wall time grows with the load and the CPU time hardly does, so read the CPU column
 * when the two disagree. The reading thread does stages 1–3; the writing thread unpacks and writes.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { fingerprinter } from '../src/ingest/fingerprint.ts';
import { importFile } from '../src/ingest/importer.ts';
import { readLedgerRows } from '../src/ingest/ledger-rows.ts';
import { rowPacker, rowUnpacker } from '../src/ingest/packed-rows.ts';
import { openStatementFile } from '../src/ingest/parse.ts';
import type { StatementTransaction } from '../src/ingest/types.ts';
import { openStore } from '../src/open-store.ts';
import type { NewTransaction, Store } from '../src/store/index.ts';
import { writeImportCsv } from './bank-csv.ts';
import { floorInsert } from './import.ts';
import { importRows } from './generate.ts';
import { int, printTable } from './report.ts';

const GEN = { seed: 1, end: '2026-10-31', years: 3 };
const HERE = dirname(fileURLToPath(import.meta.url));

interface Stage {
  name: string;
  seconds: number;
  cpuSeconds: number;
}

/** Wall and this thread's CPU seconds of `work`. */
async function timed(name: string, work: () => unknown): Promise<Stage> {
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  await work();
  const used = process.threadCpuUsage(cpu);
  return { name, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

function openCsv(csv: string) {
  return openStatementFile(csv, { fileName: 'import.csv', accountType: 'checking' });
}

/** Reads the whole file through `visit`, closing it after. */
function eachRow(csv: string, visit: (t: StatementTransaction, statement: number) => void): void {
  const reader = openCsv(csv);
  try {
    reader.read(visit);
  } finally {
    reader.close();
  }
}

async function freshStore(dir: string, name: string): Promise<{ store: Store; accountId: number }> {
  const file = join(dir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const store = await openStore(file);
  await store.users.ensure('bench-import');
  const account = await store.accounts.upsert('bench-import', {
    name: 'Business Checking',
    type: 'checking',
    currency: 'USD',
  });
  return { store, accountId: account.id };
}

/** The store's statement writer alone, on rows already read: indexes kept up row by row, or built after. */
async function writeAlone(dir: string, batches: NewTransaction[][], rows: number, deferred: boolean) {
  const { store, accountId } = await freshStore(dir, deferred ? 'deferred' : 'in-place');
  const stage = await timed(
    deferred
      ? '5b. writing, indexes built after (store writer)'
      : '5a. writing, indexes kept up (store writer)',
    () =>
      store.ledger.atomically(
        async () => {
          const writer = await store.ledger.beginStatement('bench-import', accountId, {
            name: 'import.csv',
            format: 'csv',
          });
          for (const batch of batches) writer.add(batch);
          await writer.finish([]);
        },
        { bulk: true, large: true, ...(deferred ? { rows } : {}) },
      ),
  );
  await store.close();
  return stage;
}

/**
 * The whole import in this process (reading thread and all), with the writer's time inside `add` and
 * the CPU time of the whole process (both threads, SQLite and the collector's helpers).
 */
async function wholeImport(
  dir: string,
  csv: string,
): Promise<{ stage: Stage; addSeconds: number; processCpuSeconds: number }> {
  const { store } = await freshStore(dir, 'whole');
  let addSeconds = 0;
  const processCpu = process.cpuUsage();
  const begin = store.ledger.beginStatement.bind(store.ledger);
  store.ledger.beginStatement = async (...args) => {
    const writer = await begin(...args);
    return {
      add: (rows) => {
        const started = performance.now();
        writer.add(rows);
        addSeconds += (performance.now() - started) / 1000;
      },
      finish: writer.finish,
    };
  };
  const stage = await timed('7. importFile, reading thread + writer (this thread)', () =>
    importFile(store, {
      userId: 'bench-import',
      accountName: 'Business Checking',
      fileName: 'import.csv',
      path: csv,
      size: statSync(csv).size,
      thread: true,
    }),
  );
  const used = process.cpuUsage(processCpu);
  await store.close();
  return { stage, addSeconds, processCpuSeconds: (used.user + used.system) / 1e6 };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1_000_000);
  const dataDir = join(HERE, 'results', 'data');
  mkdirSync(dataDir, { recursive: true });
  const csv = join(dataDir, `import-${count}-s${GEN.seed}-${GEN.end}.csv`);
  if (!existsSync(csv)) writeImportCsv(csv, count, GEN);
  const dir = mkdtempSync(join(tmpdir(), 'tally-import-stages-'));
  const stages: Stage[] = [];
  try {
    let rows = 0;
    stages.push(await timed('1. read + parse', () => eachRow(csv, () => rows++)));
    stages.push(
      await timed('2. read + parse + fingerprint', () => {
        // As the import makes them: days left behind are forgotten (the file is read again only when
        // its dates go back to one).
        const identities: Array<ReturnType<typeof fingerprinter>> = [];
        const recount = (s: number) => (visit: (t: StatementTransaction) => void) =>
          eachRow(csv, (t, at) => at === s && visit(t));
        eachRow(csv, (t, s) => (identities[s] ??= fingerprinter(recount(s)))(t));
      }),
    );
    const descriptions = new Set<string>();
    eachRow(csv, (t) => descriptions.add(t.description));
    const batches: NewTransaction[][] = [];
    stages.push(
      await timed('3. + clean-up and categories (the reading thread)', () => {
        const reader = openCsv(csv);
        readLedgerRows(reader, 'checking', new Map(), (batch) => batches.push(batch));
        reader.close();
      }),
    );
    const pack = rowPacker();
    const unpack = rowUnpacker();
    const packed = batches.map(pack);
    stages.push(await timed('4a. packing the batches (reading thread)', () => batches.map(rowPacker())));
    stages.push(await timed('4b. unpacking them (writing thread)', () => packed.forEach(unpack)));
    const cloned = batches.map((b) => serialize(b));
    stages.push(await timed('4c. as objects instead: cloning out', () => batches.map((b) => serialize(b))));
    stages.push(
      await timed('4d. as objects instead: cloning in', () => cloned.forEach((b) => deserialize(b))),
    );
    cloned.length = 0;
    stages.push(await writeAlone(dir, batches, rows, false));
    stages.push(await writeAlone(dir, batches, rows, true));
    batches.length = 0;
    const floorRate = floorInsert(join(dir, 'floor.db'), importRows(count, GEN));
    stages.push({
      name: '6. floor: bare prepared insert, 1 txn',
      seconds: rows / floorRate,
      cpuSeconds: NaN,
    });
    const whole = await wholeImport(dir, csv);
    stages.push(whole.stage);
    const floorSeconds = rows / floorRate;
    printTable(
      `Import stages: ${int(rows)} rows (${int(descriptions.size)} distinct descriptions), one process`,
      [
        ['stage', 'wall s', 'CPU s', 'rows/s', 'rows per CPU s', 'wall vs floor'],
        ...stages.map((s) => [
          s.name,
          s.seconds.toFixed(2),
          Number.isNaN(s.cpuSeconds) ? '' : s.cpuSeconds.toFixed(2),
          int(rows / s.seconds),
          Number.isNaN(s.cpuSeconds) ? '' : int(rows / s.cpuSeconds),
          `${(floorSeconds / s.seconds).toFixed(2)}×`,
        ]),
      ],
    );
    console.log(
      `writer inside add ${whole.addSeconds.toFixed(2)} s of ${whole.stage.seconds.toFixed(2)} s: it waited for rows ` +
        `${Math.max(0, whole.stage.seconds - whole.addSeconds).toFixed(2)} s (start-up and the last batches included); ` +
        `process CPU ${whole.processCpuSeconds.toFixed(2)} s, of which the writing thread ${whole.stage.cpuSeconds.toFixed(2)} s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
