/**
 * Scaling shown, not claimed: the same questions, bot turns and import at a tenth of the main data and
 * at three times it (100k → 1M → 3M rows, 100 → 1,000 → 3,000 users in the full run), beside the main
 * run's own figures, so a reader sees what stays flat and what grows.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchServer, type ServerResult } from './bot.ts';
import { buildDatabase, type BuiltDb } from './build-db.ts';
import type { GenOptions } from './generate.ts';
import { benchImport, type ImportResult } from './import.ts';
import { benchQuestions, type QuestionResult } from './questions.ts';
import { int, printTable, us } from './report.ts';
import { multiplyDatabase } from './scale-db.ts';
import { startArgs } from './startup.ts';

export interface ScalePoint {
  users: number;
  transactions: number;
  questions: QuestionResult[];
  bot?: { requestsPerSecond: number; p50: number; p99: number; failures: number; peakRssMb: number };
  importRows: number;
  import?: { rowsPerSecond: number; peakRssMb: number; rowsStored: number };
}

export interface ScalePlan {
  /** The smaller point has the main database's users (and import rows) divided by this. */
  divisor: number;
  /** The larger point has them multiplied by this. */
  factor: number;
  samples: number;
  historySamples: number;
  botSeconds: number;
  warmSeconds: number;
  probeRounds: number;
}

interface Main {
  db: BuiltDb;
  importRows: number;
  questions: QuestionResult[];
  servers: ServerResult[];
  imported?: ImportResult;
}

/** Runs the smaller and the larger points; the middle one is the main run's. */
export async function benchScaling(
  dataDir: string,
  work: string,
  gen: GenOptions,
  main: Main,
  plan: ScalePlan,
  log: (line: string) => void,
): Promise<ScalePoint[]> {
  const small = await buildDatabase(
    dataDir,
    { ...gen, users: Math.max(1, Math.round(main.db.users / plan.divisor)) },
    log,
  );
  const largeUsers = main.db.users * plan.factor;
  const largeFile = main.db.file.replace(/\.db$/, `-x${plan.factor}.db`);
  log(`  ${largeUsers} users: copying the main database's users under new ids (cached)`);
  const largeRows = multiplyDatabase(main.db.file, main.db.users, plan.factor, largeFile);
  const tally = main.servers.find((s) => s.name === 'tally');
  const middle: ScalePoint = {
    users: main.db.users,
    transactions: main.db.transactions,
    questions: main.questions,
    bot: tally?.runs[0] && { ...tally.runs[0], peakRssMb: tally.peakRssMb },
    importRows: main.importRows,
    import: main.imported && {
      rowsPerSecond: main.imported.endToEnd,
      peakRssMb: main.imported.peakRssMb,
      rowsStored: main.imported.rowsStored,
    },
  };
  const points: ScalePoint[] = [];
  for (const [users, file, rows, importRows] of [
    [small.users, small.file, small.transactions, Math.round(main.importRows / plan.divisor)],
    [largeUsers, largeFile, largeRows, main.importRows * plan.factor],
  ] as const) {
    log(`  ${users} users, ${int(rows)} rows`);
    const common = { dbFile: file, users, today: gen.end, years: gen.years, seed: gen.seed };
    const all = await benchQuestions({ ...common, samples: plan.samples }, 'aggregate');
    const history = await benchQuestions({ ...common, samples: plan.historySamples }, 'history');
    const botDb = join(work, `scale-${users}.db`);
    copyFileSync(file, botDb);
    const server = await benchServer({
      name: 'tally',
      args: startArgs(),
      env: { TALLY_DB: botDb },
      port: 39795,
      users,
      connections: [10],
      seconds: plan.botSeconds,
      warmSeconds: plan.warmSeconds,
      logFile: join(work, `scale-${users}.log`),
      seed: gen.seed,
      probeRounds: plan.probeRounds,
    });
    for (const suffix of ['', '-wal', '-shm']) rmSync(botDb + suffix, { force: true });
    log(`  importing ${int(importRows)} rows`);
    const imported = await benchImport(dataDir, work, importRows, gen, { floor: false });
    const run = server.runs[0];
    points.push({
      users,
      transactions: rows,
      questions: [...all, ...history],
      bot: run && { ...run, peakRssMb: server.peakRssMb },
      importRows,
      import: {
        rowsPerSecond: imported.endToEnd,
        peakRssMb: imported.peakRssMb,
        rowsStored: imported.rowsStored,
      },
    });
  }
  const [low, high] = points as [ScalePoint, ScalePoint];
  return [low, middle, high];
}

/** One row per figure, one column per point, and how the largest compares with the smallest. */
export function printScaling(points: readonly ScalePoint[]): void {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return;
  const growth = (a?: number, b?: number) => (a && b ? `${(b / a).toFixed(2)}×` : '');
  const row = (name: string, value: (p: ScalePoint) => number | undefined, show: (n: number) => string) => [
    name,
    ...points.map((p) => {
      const v = value(p);
      return v === undefined ? '' : show(v);
    }),
    growth(value(first), value(last)),
  ];
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  const rows = [
    [
      'figure',
      ...points.map((p) => `${int(p.transactions)} rows, ${int(p.users)} users`),
      'largest vs smallest',
    ],
    ...first.questions.flatMap((q) => [
      row(`${q.name} p50`, (p) => p.questions.find((x) => x.name === q.name)?.store.p50, us),
      row(`${q.name} p99`, (p) => p.questions.find((x) => x.name === q.name)?.store.p99, us),
    ]),
    row('bot turns req/s, 10 connections', (p) => p.bot?.requestsPerSecond, int),
    row('bot turn p99, 10 connections', (p) => p.bot?.p99, ms),
    row('server peak RSS', (p) => p.bot?.peakRssMb, mb),
    [
      'import size',
      ...points.map((p) => `${int(p.importRows)} rows`),
      growth(first.importRows, last.importRows),
    ],
    row('import rows/s, end to end', (p) => p.import?.rowsPerSecond, int),
    row('import peak RSS', (p) => p.import?.peakRssMb, mb),
  ];
  printTable('Scaling (the same benchmarks at each size; the middle column is the main run above)', rows);
}
