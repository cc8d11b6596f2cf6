/**
 * The text-answer sections alone, on the cached full-size question database: understanding + query, then
 * bot turns (echo bot and compiled Tally, the full run's load plan). For measuring a change to a turn's own
 * work without the whole bench; `--runs N` repeats both and prints the median of the headline figures.
 * `--understanding-only` leaves the bot turns out (no build, no servers).
 *   npx tsx bench/turns.ts [--runs N] [--no-build] [--understanding-only]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchServer, type ServerResult } from './bot.ts';
import { buildDatabase } from './build-db.ts';
import { latency, printTable, us } from './report.ts';
import { buildDist, startArgs } from './startup.ts';
import { printBot, printUnderstanding } from './tables.ts';
import { benchUnderstanding, type UnderstandingResult } from './understanding.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 1;
const END = '2026-10-31';
const LOAD = { connections: [10, 50], seconds: 15, warmSeconds: 3, seed: SEED, probeRounds: 20 };

function runsArg(): number {
  const i = process.argv.indexOf('--runs');
  return i >= 0 ? Number(process.argv[i + 1]) : 1;
}

const median = (xs: number[]) => latency(xs).p50;

async function main(): Promise<void> {
  const db = await buildDatabase(
    join(HERE, 'results', 'data'),
    { seed: SEED, end: END, years: 3, users: 1000 },
    console.log,
  );
  const understandingOnly = process.argv.includes('--understanding-only');
  if (!understandingOnly && !process.argv.includes('--no-build'))
    console.log(`npm run build: ${buildDist().toFixed(1)} s`);
  const work = mkdtempSync(join(tmpdir(), 'tally-turns-'));
  const understood: UnderstandingResult[] = [];
  const served: ServerResult[][] = [];
  try {
    for (let run = 1; run <= runsArg(); run++) {
      console.log(`\n== run ${run} ==`);
      const u = await benchUnderstanding({
        dbFile: db.file,
        users: db.users,
        today: END,
        samples: 2000,
        seed: SEED,
      });
      printUnderstanding(u);
      understood.push(u);
      if (understandingOnly) continue;
      const botDb = join(work, 'tally.db');
      copyFileSync(db.file, botDb);
      const common = { ...LOAD, users: db.users };
      const servers = [
        await benchServer({
          ...common,
          name: 'echo',
          args: ['--import', 'tsx', 'bench/echo-bot.ts'],
          env: {},
          port: 39781,
          logFile: join(work, 'echo.log'),
        }),
        await benchServer({
          ...common,
          name: 'tally',
          args: startArgs(),
          env: { TALLY_DB: botDb },
          port: 39782,
          logFile: join(work, 'tally.log'),
        }),
      ];
      printBot(servers);
      served.push(servers);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const runAt = (s: ServerResult[], name: string, c: number) =>
    s.find((x) => x.name === name)?.runs.find((r) => r.connections === c);
  const rows: string[][] = [
    ['understanding + query p50', us(median(understood.map((u) => u.all.p50)))],
    ['understanding + query p99', us(median(understood.map((u) => u.all.p99)))],
    ['understanding alone p50', us(median(understood.map((u) => u.understand.p50)))],
    ['understanding alone p99', us(median(understood.map((u) => u.understand.p99)))],
  ];
  for (const c of understandingOnly ? [] : LOAD.connections) {
    const ratio = (f: (e: number, t: number) => number, key: 'requestsPerSecond' | 'p99') =>
      median(served.map((s) => f(runAt(s, 'echo', c)?.[key] ?? NaN, runAt(s, 'tally', c)?.[key] ?? NaN)));
    rows.push([`req/s vs echo, ${c} conns`, ratio((e, t) => t / e, 'requestsPerSecond').toFixed(2) + '×']);
    rows.push([`p99 vs echo, ${c} conns`, ratio((e, t) => t / e, 'p99').toFixed(2) + '×']);
    rows.push([
      `tally CPU ms/request, ${c} conns`,
      median(served.map((s) => runAt(s, 'tally', c)?.cpuMsPerRequest ?? NaN)).toFixed(2),
    ]);
  }
  printTable(`Median of ${understood.length} run(s)`, [['figure', 'median'], ...rows]);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
