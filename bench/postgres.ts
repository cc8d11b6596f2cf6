/**
 * The question and bot-turn benchmarks again on PostgreSQL (`npm run bench -- --store postgres`): an
 * embedded server started here, loaded with the same seeded data as the SQLite database, then
 *   - every insight through PostgresStore, checked against the SQLite floor's numbers;
 *   - bot turns on one instance (spawned as `npm start` runs it, no proxy), on one and on two instances
 *     behind the cluster's round-robin proxy (`npm run cluster`), beside the SQLite and echo runs.
 * Beside each run: PostgreSQL's own CPU and the database transactions per turn (each is a round trip at
 * least), which is where the cost of a server store shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../src/cli/cluster.ts';
import { PostgresStore } from '../src/store/postgres/index.ts';
import { startEmbeddedPostgres, freePort } from '../src/store/postgres/embedded.ts';
import {
  loadServer,
  probeServer,
  startServer,
  type LoadPlan,
  type Meters,
  type ServerResult,
} from './bot.ts';
import type { BuiltDb } from './build-db.ts';
import { loadIntoPostgres, type PgLoad } from './pg-load.ts';
import { cpuMs, descendants, statusKb, stopTree } from './proc.ts';
import { benchQuestions, type QuestionOptions, type QuestionResult } from './questions.ts';
import { latency, type Latency } from './report.ts';
import { startArgs } from './startup.ts';

export interface PgServerResult extends ServerResult {
  instances: number;
  viaProxy: boolean;
}

export interface PostgresResult {
  version: string;
  load: PgLoad;
  /** `SELECT 1` from this process, one client, serial: the least any store call on PostgreSQL costs. */
  roundTrip: Latency;
  /** Connections each instance's pool may open (TALLY_DATABASE_POOL). */
  poolSize: number;
  questions: QuestionResult[];
  bot: PgServerResult[];
}

export interface PgPlan {
  samples: number;
  historySamples: number;
  bot: LoadPlan;
}

/** Processes this one started whose command line matches, e.g. PostgreSQL's or Tally's. */
function started(match: (comm: string, cmdline: string) => boolean): number[] {
  return descendants(process.pid).filter((pid) => {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      return match(comm, cmdline);
    } catch {
      return false;
    }
  });
}

const postgresCpu = () => started((comm) => comm === 'postgres').reduce((n, p) => n + cpuMs(p), 0);

/** Database-wide committed and rolled-back transactions, once every backend has flushed its counts. */
async function transactions(client: pg.Client): Promise<number> {
  // Idle backends publish their statistics within about a second.
  await new Promise((r) => setTimeout(r, 1200));
  await client.query('SELECT pg_stat_clear_snapshot()');
  const row = await client.query<{ n: string }>(
    'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(row.rows[0]?.n ?? 0);
}

async function roundTrip(client: pg.Client, samples: number): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < samples + 50; i++) {
    const t = performance.now();
    await client.query('SELECT 1');
    if (i >= 50) times.push(performance.now() - t);
  }
  return latency(times);
}

/** Runs everything above on a fresh embedded server; the server and its files are gone afterwards. */
export async function benchPostgres(
  db: BuiltDb,
  questions: Omit<QuestionOptions, 'samples' | 'open'>,
  plan: PgPlan,
  work: string,
  log: (line: string) => void,
): Promise<PostgresResult> {
  const server = await startEmbeddedPostgres();
  const client = new pg.Client({ connectionString: server.url });
  try {
    const load = await loadIntoPostgres(db.file, server.url);
    log(`  loaded ${load.rows.toLocaleString('en-US')} rows in ${load.seconds.toFixed(1)} s`);
    await client.connect();
    const version =
      (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    const trip = await roundTrip(client, 500);

    const open = () => PostgresStore.open(server.url);
    const aggregate = await benchQuestions({ ...questions, samples: plan.samples, open }, 'aggregate');
    const history = await benchQuestions({ ...questions, samples: plan.historySamples, open }, 'history');

    const meters: Meters = {
      postgresCpuMs: async () => postgresCpu(),
      transactions: () => transactions(client),
    };
    const bot: PgServerResult[] = [];
    const port = await freePort();
    const { child, startupMs } = await startServer(
      process.execPath,
      startArgs(),
      { TALLY_DATABASE_URL: server.url },
      port,
      join(work, 'tally-pg.log'),
    );
    try {
      const runs = await loadServer(port, plan.bot, () => cpuMs(child.pid as number), meters);
      const peakRssMb = statusKb(child.pid as number, 'VmHWM') / 1024;
      const probes = await probeServer(port, plan.bot);
      bot.push({
        name: 'tally, PostgreSQL',
        instances: 1,
        viaProxy: false,
        startupMs,
        peakRssMb,
        runs,
        probes,
      });
    } finally {
      await stopTree(child);
    }
    for (const instances of [1, 2]) {
      const t = performance.now();
      const cluster = await startCluster({ instances, port: 0, databaseUrl: server.url, output: 'quiet' });
      try {
        const tally = () => started((_, cmd) => cmd.includes('src/index.ts'));
        const runs = await loadServer(
          cluster.port,
          plan.bot,
          () => tally().reduce((n, p) => n + cpuMs(p), 0),
          meters,
        );
        const peakRssMb = Math.max(...tally().map((p) => statusKb(p, 'VmHWM'))) / 1024;
        const probes = await probeServer(cluster.port, plan.bot);
        const name = `tally, PostgreSQL, ${instances} behind proxy`;
        const startupMs = performance.now() - t;
        bot.push({ name, instances, viaProxy: true, startupMs, peakRssMb, runs, probes });
      } finally {
        await cluster.stop();
      }
    }
    return {
      version,
      load,
      roundTrip: trip,
      poolSize: Number(process.env.TALLY_DATABASE_POOL ?? 10),
      questions: [...aggregate, ...history],
      bot,
    };
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
  }
}
