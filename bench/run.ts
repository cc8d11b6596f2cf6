/**
 * Runs every benchmark, prints one table per benchmark with each figure beside its floor measured in
 * this run, checks the targets (PASS/MISS) and writes everything to <out>/latest.json.
 *   npm run bench                      full run (1,000 users, ~1M rows; builds and caches the database first)
 *   npm run bench -- --quick           smoke run, well under a minute
 *   npm run bench -- --out DIR         write latest.json (and cached data) under DIR instead of bench/results
 *   npm run bench -- --store postgres  also the questions and bot turns on PostgreSQL (bench/postgres.ts)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchServer, type ServerResult } from './bot.ts';
import { buildDatabase, type BuiltDb } from './build-db.ts';
import { benchCharts } from './charts.ts';
import { benchImport } from './import.ts';
import { benchQuestions, type QuestionResult } from './questions.ts';
import { int, printTable, ratio, us, type Verdict } from './report.ts';
import { benchStartup, echoArgs, startArgs } from './startup.ts';
import { printBot, printCharts, printImport, printStartup, printUnderstanding } from './tables.ts';
import { benchUnderstanding } from './understanding.ts';
import { verdicts } from './targets.ts';
import { benchPostgres, type PostgresResult } from './postgres.ts';
import { printPostgres } from './pg-tables.ts';
import { benchScaling, printScaling, type ScalePlan, type ScalePoint } from './scaling.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

interface Plan {
  users: number;
  years: number;
  importRows: number;
  samples: number;
  historySamples: number;
  botSeconds: number;
  warmSeconds: number;
  connections: number[];
  probeRounds: number;
  startupRuns: number;
  chartSamples: number;
  scale: ScalePlan;
}

const FULL: Plan = {
  users: 1000,
  years: 3,
  importRows: 1_000_000,
  samples: 2000,
  historySamples: 1000,
  botSeconds: 15,
  warmSeconds: 3,
  connections: [10, 50],
  probeRounds: 20,
  startupRuns: 3,
  chartSamples: 30,
  scale: {
    divisor: 10,
    factor: 3,
    samples: 500,
    historySamples: 300,
    botSeconds: 6,
    warmSeconds: 2,
    probeRounds: 1,
  },
};
const QUICK: Plan = {
  users: 20,
  years: 1,
  importRows: 10_000,
  samples: 60,
  historySamples: 20,
  botSeconds: 1,
  warmSeconds: 1,
  connections: [10, 50],
  probeRounds: 2,
  startupRuns: 1,
  chartSamples: 5,
  scale: {
    divisor: 4,
    factor: 3,
    samples: 20,
    historySamples: 10,
    botSeconds: 1,
    warmSeconds: 1,
    probeRounds: 1,
  },
};
const SEED = 1;
const END = '2026-10-31';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function machine() {
  const cpu =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { nproc: cpus().length, cpu, node: process.version, date: new Date().toISOString() };
}

async function section<T>(name: string, errors: string[], run: () => Promise<T>): Promise<T | undefined> {
  console.log(`\n== ${name} ==`);
  const started = performance.now();
  try {
    const result = await run();
    console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    errors.push(`${name}: ${message}`);
    console.log(`FAILED: ${message}`);
    return undefined;
  }
}

function printQuestions(db: BuiltDb, results: readonly QuestionResult[]): void {
  printTable(`Questions on ${int(db.transactions)} rows, ${db.users} users (random users and periods)`, [
    ['insight', 'p50', 'p99', 'floor p50', 'floor p99', 'p50 ratio', 'p99 ratio', 'samples', 'mismatches'],
    ...results.map((q) => [
      q.name + (q.kind === 'history' ? ' *' : ''),
      us(q.store.p50),
      us(q.store.p99),
      us(q.floor.p50),
      us(q.floor.p99),
      ratio(q.store.p50, q.floor.p50),
      ratio(q.store.p99, q.floor.p99),
      String(q.store.samples),
      String(q.mismatches),
    ]),
  ]);
  const fetches = results
    .filter((q) => q.fetchP50 !== undefined)
    .map((q) => `${q.name}: ${us(q.fetchP50 as number)}`);
  console.log(
    `* floor = fetching the same rows with raw SQL; store.queries.history alone p50 — ${fetches.join('; ')}`,
  );
}

function printVerdicts(list: readonly Verdict[]): void {
  printTable('Targets', [
    ['benchmark', 'target', 'measured', ''],
    ...list.map((v) => [v.benchmark, v.target, v.measured, v.pass ? 'PASS' : 'MISS']),
  ]);
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const storeName = argValue('--store') ?? 'sqlite';
  if (storeName !== 'sqlite' && storeName !== 'postgres') {
    console.error(`--store takes sqlite or postgres, not ${storeName}`);
    return 2;
  }
  const plan = quick ? QUICK : FULL;
  const out = resolve(argValue('--out') ?? join(HERE, 'results'));
  const dataDir = join(out, 'data');
  const work = mkdtempSync(join(tmpdir(), 'tally-bench-'));
  mkdirSync(out, { recursive: true });
  const errors: string[] = [];
  let keepWork = false;
  const gen = { seed: SEED, end: END, years: plan.years };
  console.log(`Tally benchmarks (${quick ? 'quick' : 'full'}) on ${JSON.stringify(machine())}`);
  try {
    const db = await section('database', errors, () =>
      buildDatabase(dataDir, { ...gen, users: plan.users }, console.log),
    );
    if (db)
      console.log(
        `${int(db.transactions)} rows for ${db.users} users in ${db.file}${db.buildSeconds ? ` (built in ${db.buildSeconds.toFixed(0)} s, ${int(db.importRowsPerSecond)} rows/s through importStatement)` : ' (cached)'}`,
      );

    const questions = db
      ? await section('questions', errors, async () => {
          const common = { dbFile: db.file, users: db.users, today: END, years: plan.years, seed: SEED };
          const all = await benchQuestions({ ...common, samples: plan.samples });
          const history = await benchQuestions({ ...common, samples: plan.historySamples }, 'history');
          return [...all.filter((q) => q.kind === 'aggregate'), ...history];
        })
      : undefined;
    if (db && questions) printQuestions(db, questions);

    const understanding = db
      ? await section('understanding + query', errors, () =>
          benchUnderstanding({
            dbFile: db.file,
            users: db.users,
            today: END,
            samples: plan.samples,
            seed: SEED,
          }),
        )
      : undefined;
    if (understanding) printUnderstanding(understanding);

    // Builds dist/ (as `npm start` does first), which the bot turns below also run.
    const startup = db
      ? await section('start-up', errors, () => {
          const startupDb = join(work, 'startup.db');
          copyFileSync(db.file, startupDb);
          return benchStartup({
            dbFile: startupDb,
            port: 39793,
            runs: plan.startupRuns,
            logFile: join(work, 'startup.log'),
          });
        })
      : undefined;
    if (startup) printStartup(startup);

    const charts = await section('charts', errors, () => benchCharts(plan.chartSamples));
    if (charts) printCharts(charts);

    const servers: ServerResult[] = [];
    if (db) {
      await section('bot turns', errors, async () => {
        const botDb = join(work, 'tally.db');
        copyFileSync(db.file, botDb);
        const common = {
          users: db.users,
          connections: plan.connections,
          seconds: plan.botSeconds,
          warmSeconds: plan.warmSeconds,
          seed: SEED,
          probeRounds: plan.probeRounds,
        };
        servers.push(
          await benchServer({
            ...common,
            name: 'echo',
            args: echoArgs(),
            env: {},
            port: 39791,
            logFile: join(work, 'echo.log'),
          }),
        );
        servers.push(
          await benchServer({
            ...common,
            name: 'tally',
            args: startArgs(),
            env: { TALLY_DB: botDb },
            port: 39792,
            logFile: join(work, 'tally.log'),
          }),
        );
        if (servers.some((s) => s.runs.some((r) => r.failures > 0))) {
          keepWork = true;
          console.log(`some requests failed; server logs kept in ${work}`);
        }
      });
      if (servers.length) printBot(servers);
    }

    let postgres: PostgresResult | undefined;
    if (storeName === 'postgres' && db && questions) {
      postgres = await section('PostgreSQL', errors, () =>
        benchPostgres(
          db,
          { dbFile: db.file, users: db.users, today: END, years: plan.years, seed: SEED },
          {
            samples: plan.samples,
            historySamples: plan.historySamples,
            bot: {
              users: db.users,
              connections: plan.connections,
              seconds: plan.botSeconds,
              warmSeconds: plan.warmSeconds,
              seed: SEED,
              probeRounds: plan.probeRounds,
            },
          },
          work,
          console.log,
        ),
      );
      if (postgres) printPostgres(postgres, questions, servers);
    }

    const scaling =
      db && questions
        ? await section('scaling', errors, () =>
            benchScaling(
              dataDir,
              work,
              { ...gen, years: plan.years },
              { db, importRows: plan.importRows, questions, servers },
              plan.scale,
              console.log,
            ),
          )
        : undefined;

    // Last: the import's in-process parse leaves a large heap behind, which would slow the load generator.
    const imported = await section('import', errors, () =>
      benchImport(dataDir, work, plan.importRows, { ...gen, years: 3 }),
    );
    if (imported) printImport(imported);
    const middle: ScalePoint | undefined = scaling?.[1];
    if (middle && imported)
      middle.import = {
        rowsPerSecond: imported.endToEnd,
        peakRssMb: imported.peakRssMb,
        rowsStored: imported.rowsStored,
      };
    if (scaling) printScaling(scaling);

    const checked = verdicts(imported, questions ?? [], servers, startup, charts, understanding);
    printVerdicts(checked);
    const file = join(out, 'latest.json');
    writeFileSync(
      file,
      `${JSON.stringify({ mode: quick ? 'quick' : 'full', machine: machine(), plan, database: db, startup, charts, understanding, import: imported, questions, bot: servers, postgres, scaling, verdicts: checked, errors }, null, 2)}\n`,
    );
    console.log(`\nResults written to ${file}`);
    if (errors.length) console.log(`Errors:\n  ${errors.join('\n  ')}`);
    return errors.length ? 1 : 0;
  } finally {
    if (!errors.length && !keepWork) rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
