/**
 * A large CSV is read, enriched and written row by row in batches inside its one transaction, never
 * held as objects: a 200,000-row statement is imported in a fresh process whose peak memory is read
 * before and after; the same file with a bad row near its end, or cut off in its last row, saves
 * nothing. The streamed reading gives exactly the transactions `parseStatement` gives.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import { openStatement, parseStatement } from '../../src/ingest/parse.ts';
import {
  StatementError,
  StatementQuestion,
  TruncatedStatementError,
  type StatementTransaction,
} from '../../src/ingest/types.ts';
import { countRows } from '../helpers/db.ts';
import { memoryStore, tempDbFile } from '../helpers/store.ts';

const ROWS = 200_000;
const NOW = new Date('2026-03-10T12:00:00Z');
const SHOPS = [
  'SAFEWAY #',
  'SHELL OIL ',
  'STARBUCKS STORE ',
  'TRADER JOES #',
  'CVS PHARMACY #',
  'UBER *TRIP ',
  'AMZN Mktp US*',
  'PG&E WEB ONLINE ',
];

/** An oldest-first checking export of `rows` lines, ISO dates, no known layout (so the date order is inferred from every row). */
function bigCsv(rows: number): { text: string; totalMinor: number } {
  const lines = ['Date,Description,Amount'];
  const start = Date.UTC(2023, 0, 1);
  let totalMinor = 0;
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(i / 180) * 86_400_000).toISOString().slice(0, 10);
    const cents = i % 97 === 0 ? 250_000 + (i % 1000) : -(100 + ((i * 7919) % 20_000));
    totalMinor += cents;
    lines.push(`${day},${SHOPS[i % SHOPS.length]}${(i * 31) % 4000},${(cents / 100).toFixed(2)}`);
  }
  return { text: `${lines.join('\n')}\n`, totalMinor };
}

/** Peak resident memory of this process so far (Linux VmHWM), in MB. */
const PEAK = `Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024`;

describe('streaming import of a 200,000-row CSV', () => {
  const temp = tempDbFile('tally-stream-');
  const file = join(temp.dir, 'big.csv');
  const { text, totalMinor } = bigCsv(ROWS);
  writeFileSync(file, text);
  afterAll(() => temp.remove());

  it('keeps memory bounded: the import adds far less than the rows would take as objects', () => {
    const url = (path: string) => pathToFileURL(join(ROOT, path)).href;
    const script = `
      import { readFileSync } from 'node:fs';
      const { importStatement } = await import(${JSON.stringify(url('src/ingest/importer.ts'))});
      const { openStore } = await import(${JSON.stringify(url('src/open-store.ts'))});
      const bytes = readFileSync(${JSON.stringify(file)});
      const store = await openStore(${JSON.stringify(temp.file)});
      // Warm the reader, the enrichment rules and the statements on a small file first, so the figure is the import's own.
      await importStatement(store, { userId: 'warm', accountName: 'Warm', accountType: 'checking', fileName: 'warm.csv', bytes: Buffer.from('Date,Description,Amount\\n2026-01-02,SAFEWAY #1,-1.00\\n') });
      const before = ${PEAK};
      const started = performance.now();
      const s = await importStatement(store, { userId: 'bo', accountName: 'Everyday', accountType: 'checking', fileName: 'big.csv', bytes });
      const seconds = (performance.now() - started) / 1000;
      console.log(JSON.stringify({ before, after: ${PEAK}, seconds, added: s.added, rows: s.rows, repeated: s.repeated, first: s.firstDate, last: s.lastDate }));
      store.close();
    `;
    // V8 set as `npm run import` sets it (a small young generation, old space collected at 1.5× what is
    // live), so the figure is the pipeline's rather than the collector's timing.
    const run = spawnSync(
      process.execPath,
      [
        '--max-semi-space-size=4',
        '--heap-growing-percent=50',
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        script,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
      before: number;
      after: number;
      seconds: number;
      added: number;
      rows: number;
      first: string;
      last: string;
    };
    expect(out).toMatchObject({ added: ROWS, rows: ROWS, first: '2023-01-01' });
    const growthMb = out.after - out.before;
    console.info(
      `${ROWS} rows (${(text.length / 1e6).toFixed(1)} MB) in ${out.seconds.toFixed(1)} s (${Math.round(ROWS / out.seconds)} rows/s); peak RSS ${out.before.toFixed(0)} → ${out.after.toFixed(0)} MB (+${growthMb.toFixed(0)} MB)`,
    );
    // Held as parsed and enriched objects, these rows took over 200 MB; streamed, the growth is the
    // reader's and the caches' (a few tens of MB), whatever the row count.
    expect(growthMb).toBeLessThan(120);
  }, 150_000);

  it('stored every row with the file’s total', async () => {
    const { openStore } = await import('../../src/open-store.ts');
    const store = await openStore(temp.file);
    try {
      expect(countRows(store, 'transactions', 'user_id = ?', 'bo')).toBe(ROWS);
      const sum = (await import('../helpers/db.ts'))
        .dbOf(store)
        .prepare("SELECT sum(amount_minor) FROM transactions WHERE user_id = 'bo'")
        .pluck()
        .get();
      expect(sum).toBe(totalMinor);
    } finally {
      store.close();
    }
  });

  it('is all or nothing: a bad row near the end of a large file saves no row, no account and no batch', async () => {
    const lines = text.split('\n');
    lines[ROWS - 5] = '2026-02-01,SAFEWAY #9,twelve dollars';
    const store = await memoryStore();
    await expect(
      importStatement(store, {
        userId: 'cy',
        accountName: 'Everyday',
        accountType: 'checking',
        fileName: 'bad.csv',
        bytes: Buffer.from(lines.join('\n')),
        now: NOW,
      }),
    ).rejects.toThrow(
      new StatementError(
        'bad.csv',
        `line ${ROWS - 4}`,
        'expected an amount like -12.34 in column "Amount", found "twelve dollars"',
      ),
    );
    for (const table of ['transactions', 'accounts', 'import_batches', 'users'])
      expect(countRows(store, table), table).toBe(0);
    store.close();
  });

  it('refuses a large file cut off in its last row before anything is written', async () => {
    const cut = Buffer.from(text.slice(0, text.length - 4));
    const store = await memoryStore();
    const refused = await importStatement(store, {
      userId: 'cy',
      accountName: 'Everyday',
      accountType: 'checking',
      fileName: 'cut.csv',
      bytes: cut,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TruncatedStatementError);
    expect((refused as TruncatedStatementError).line).toBe(ROWS + 1);
    for (const table of ['transactions', 'accounts', 'import_batches'])
      expect(countRows(store, table), table).toBe(0);
    store.close();
  });
});

/** Every transaction `openStatement` hands on, or what it threw. */
function streamed(bytes: Buffer, fileName: string): StatementTransaction[] | string {
  try {
    const out: StatementTransaction[] = [];
    openStatement(bytes, { fileName }).read((t) => {
      out.push(t);
    });
    return out;
  } catch (e) {
    if (e instanceof StatementError || e instanceof StatementQuestion) return `${e.name}: ${e.message}`;
    throw e;
  }
}

function whole(bytes: Buffer, fileName: string): StatementTransaction[] | string {
  try {
    return parseStatement(bytes, { fileName }).flatMap((s) => s.transactions);
  } catch (e) {
    if (e instanceof StatementError || e instanceof StatementQuestion) return `${e.name}: ${e.message}`;
    throw e;
  }
}

describe('reading a CSV row by row', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'statements', 'csv');
  it.each(readdirSync(dir).sort())(
    '%s: the same transactions (or the same refusal) as reading it whole',
    (name) => {
      const bytes = readFileSync(join(dir, name));
      expect(streamed(bytes, name)).toEqual(whole(bytes, name));
    },
  );

  it('a byte-order mark, CRLF line ends and a quoted value spanning lines read as when whole', () => {
    const csv =
      '\uFEFFDate,Description,Amount\r\n2026-01-02,"SAFEWAY\r\n#1507",-12.50\r\n2026-01-03,SHELL,-30.00\r\n';
    const bytes = Buffer.from(csv);
    const rows = streamed(bytes, 'crlf.csv');
    expect(rows).toEqual(whole(bytes, 'crlf.csv'));
    expect(Array.isArray(rows) && rows.map((r) => [r.date, r.description, r.amountMinor])).toEqual([
      ['2026-01-02', 'SAFEWAY #1507', -1250],
      ['2026-01-03', 'SHELL', -3000],
    ]);
  });
});
