/**
 * An import killed with SIGKILL at any moment leaves the database exactly as it was, or (when it got to
 * commit) holding the whole file; never an empty account or part of a file. `npm run import` runs on a
 * generated 20,000-row statement against copies of one database; each copy is killed at a seeded random
 * moment, then reopened and compared with the database before and after an uninterrupted import.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config.ts';
import { importStatement } from '../../src/ingest/importer.ts';
import { openStore } from '../../src/open-store.ts';
import { dbOf } from '../helpers/db.ts';
import { tempDbFile } from '../helpers/store.ts';
import { IMPORT_COMMAND } from '../helpers/import-command.ts';

const ROWS = 20_000;
const RUNS = 10;
const AT_ONCE = 2;
/** Runs killed during start-up, before the database is opened; the rest are killed after it is. */
const DURING_START_UP = 2;
const SEED = 20260310;
const MERCHANTS = [
  'SAFEWAY #1507',
  'SHELL OIL 5744',
  'STARBUCKS STORE 123',
  'AMAZON MKTPLACE',
  'UBER TRIP',
  'CVS PHARMACY',
  'TRADER JOES #55',
  'PG&E UTILITY',
];

/** mulberry32: a small seeded generator, so every run of the test kills at the same moments. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bigStatement(random: () => number): string {
  const lines = ['Date,Description,Amount'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(start + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10);
    const merchant = MERCHANTS[Math.floor(random() * MERCHANTS.length)] ?? 'SAFEWAY';
    lines.push(`${day},${merchant} ${i % 89},-${(100 + Math.floor(random() * 20_000)) / 100}`);
  }
  return `${lines.join('\n')}\n`;
}

interface Snapshot {
  integrity: string;
  users: string[];
  accounts: Array<{ user: string; name: string; rows: number; total: number; batches: number }>;
  balances: number;
}

/** Everything an import touches, read after SQLite has recovered the file. */
async function snapshot(file: string): Promise<Snapshot> {
  const store = await openStore(file);
  try {
    const db = dbOf(store);
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      users: db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as string[],
      accounts: db
        .prepare(
          `SELECT a.user_id AS user, a.name,
             (SELECT count(*) FROM transactions t WHERE t.account_id = a.id) AS rows,
             (SELECT coalesce(sum(amount_minor), 0) FROM transactions t WHERE t.account_id = a.id) AS total,
             (SELECT count(*) FROM import_batches b WHERE b.account_id = a.id) AS batches
           FROM accounts a ORDER BY a.user_id, a.name`,
        )
        .all() as Snapshot['accounts'],
      balances: db.prepare('SELECT count(*) FROM balances').pluck().get() as number,
    };
  } finally {
    store.close();
  }
}

interface Run {
  code: number | null;
  signal: string | null;
  /** From start to exit. */
  ms: number;
  /** From the moment the command opened the database (its -wal file appears) to exit. */
  afterOpenMs: number;
}

/**
 * Runs `npm run import` on a copy of the database. `kill` is counted from the moment the command opens
 * the database (start-up, which loads the code and the dialogs, is most of a short run), or from the
 * start when `fromStart` is set.
 */
function runImport(
  dbFile: string,
  statement: string,
  kill?: { ms: number; fromStart?: boolean },
): Promise<Run> {
  const started = performance.now();
  let opened: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const child = spawn(
    process.execPath,
    [...IMPORT_COMMAND, statement, '--user', 'bob', '--account', 'Everyday', '--type', 'checking'],
    {
      cwd: ROOT,
      env: { ...process.env, TALLY_DB: dbFile },
      stdio: 'ignore',
    },
  );
  if (kill?.fromStart) timer = setTimeout(() => child.kill('SIGKILL'), kill.ms);
  const watch = setInterval(() => {
    if (opened !== undefined || !existsSync(`${dbFile}-wal`)) return;
    opened = performance.now();
    if (kill && !kill.fromStart) timer = setTimeout(() => child.kill('SIGKILL'), kill.ms);
  }, 5);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      const now = performance.now();
      resolve({ code, signal, ms: now - started, afterOpenMs: now - (opened ?? now) });
    });
  });
}

describe('an import killed with SIGKILL', () => {
  const tmp = tempDbFile('tally-kill-');
  const template = join(tmp.dir, 'before.db');
  const statement = join(tmp.dir, 'everyday.csv');
  let before: Snapshot;
  let after: Snapshot;
  let whole: Run;

  beforeAll(async () => {
    writeFileSync(statement, bigStatement(seeded(SEED)));
    // The database already holds another person's account, so "as before" is not an empty file.
    const store = await openStore(template);
    await store.users.recordConsent('ana', new Date('2026-03-01T00:00:00Z'));
    await importStatement(store, {
      userId: 'ana',
      accountName: 'Checking',
      accountType: 'checking',
      fileName: 'ana.csv',
      bytes: Buffer.from('Date,Description,Amount\n2026-02-01,RENT,-1500.00\n2026-02-02,PAYROLL,3200.00\n'),
      now: new Date('2026-03-01T00:00:00Z'),
    });
    store.close();
    before = await snapshot(template);
    const wholeFile = join(tmp.dir, 'whole.db');
    copyFileSync(template, wholeFile);
    whole = await runImport(wholeFile, statement);
    expect(whole.code).toBe(0);
    after = await snapshot(wholeFile);
  }, 60_000);

  afterAll(() => tmp.remove());

  it('an uninterrupted import adds one account holding the whole file', () => {
    expect(before.accounts).toEqual([{ user: 'ana', name: 'Checking', rows: 2, total: 170_000, batches: 1 }]);
    expect(after.accounts).toHaveLength(2);
    expect(after.accounts.find((a) => a.user === 'bob')).toMatchObject({
      name: 'Everyday',
      rows: ROWS,
      batches: 1,
    });
    expect(after.users).toEqual(['ana', 'bob']);
  });

  it(`leaves the database as before or with the whole file, in ${RUNS} runs killed at seeded random moments`, async () => {
    const random = seeded(SEED + 1);
    // Most runs die between opening the database and a little past the time an uninterrupted run takes
    // from there (parsing, enriching, writing, committing); a few die while starting up.
    const kills = Array.from({ length: RUNS }, (_, i) =>
      i < DURING_START_UP
        ? { ms: Math.round((whole.ms - whole.afterOpenMs) * random()), fromStart: true }
        : { ms: Math.round(whole.afterOpenMs * 1.1 * random()) },
    );
    const outcomes: string[] = [];
    for (let i = 0; i < RUNS; i += AT_ONCE) {
      const batch = kills.slice(i, i + AT_ONCE).map(async (kill, j) => {
        const file = join(tmp.dir, `run-${i + j}.db`);
        copyFileSync(template, file);
        const run = await runImport(file, statement, kill);
        const found = await snapshot(file);
        const where = `run ${i + j}, killed ${kill.ms} ms after ${kill.fromStart ? 'start' : 'opening the database'} (${run.signal ?? `exit ${run.code}`})`;
        expect(found.integrity, where).toBe('ok');
        const known = before.accounts.map((a) => `${a.user}/${a.name}`);
        expect(
          found.accounts.filter((a) => a.rows === 0 && !known.includes(`${a.user}/${a.name}`)),
          `${where}: an empty account was left`,
        ).toEqual([]);
        const bob = found.accounts.find((a) => a.user === 'bob');
        expect([0, ROWS], `${where}: part of the file was saved`).toContain(bob?.rows ?? 0);
        expect(found, where).toEqual(bob ? after : before);
        outcomes.push(
          run.signal === 'SIGKILL' ? (bob ? 'killed after commit' : 'killed, nothing saved') : 'finished',
        );
      });
      await Promise.all(batch);
    }
    const killed = outcomes.filter((o) => o.startsWith('killed')).length;
    console.info(
      `${RUNS} runs (an uninterrupted run: ${Math.round(whole.ms)} ms, ${Math.round(whole.afterOpenMs)} ms of it after opening the database): ${killed} killed (${outcomes.filter((o) => o === 'killed, nothing saved').length} with nothing saved), ${outcomes.filter((o) => o === 'finished').length} finished first`,
    );
    expect(killed).toBeGreaterThanOrEqual(RUNS / 2);
  }, 120_000);
});
