/**
 * Bot turns over HTTP with autocannon: realistic spending questions from users in the database, posted
 * with `expectReplies` so each response carries the bot's answer, against Tally and against an echo bot
 * on the same stack. Also start-up time (spawn → first answered request) and peak RSS under load.
 */
import autocannon, { type RequestOptions } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/store/postgres/embedded.ts';
import { userId } from './generate.ts';
import { cpuMs, statusKb, stopTree } from './proc.ts';
import { mulberry32 } from './random.ts';
import { latency } from './report.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const QUESTIONS = [
  'how much did i spend on groceries last month',
  'how much did I spend at starbucks this year',
  'what did i spend on coffee in september',
  'top merchants this year',
  'spending by category last month',
  'how much on restaurants in the last 3 months',
  'how much did i spend on gas in august',
  'what did I spend at amazon last year',
  'any unusual charges?',
  'what subscriptions do i have',
  'show my spending over the last 12 months',
  'how much did i spend last week',
];

export interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx responses, socket errors (timeouts included) and 2xx answers without a reply activity. */
  failures: number;
  non2xx: number;
  /** Socket errors, counting timeouts (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  /** The server's CPU time (user + system) per request during the run: its own cost, whatever the load. */
  cpuMsPerRequest: number;
  /** Any further counter read before and after the run, per request (e.g. database transactions). */
  perRequest?: Record<string, number>;
}

/** One question asked alone (one connection, one at a time): where a turn's time goes. */
export interface QuestionProbe {
  text: string;
  p50Ms: number;
  responseBytes: number;
}

export interface ServerResult {
  name: string;
  startupMs: number;
  peakRssMb: number;
  runs: LoadResult[];
  probes: QuestionProbe[];
}

let sequence = 0;

/** A Bot Framework message activity as the Emulator posts it, asking for the replies in the response. */
export function activity(text: string, user: string, conversation: string): string {
  return JSON.stringify({
    type: 'message',
    id: `bench-${++sequence}`,
    text,
    from: { id: user, name: user },
    conversation: { id: conversation },
    recipient: { id: 'bot' },
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    localTimestamp: '2026-11-10T10:00:00-08:00',
    localTimezone: 'America/Los_Angeles',
  });
}

/** Whether an expectReplies response carries at least one reply. */
function answered(status: number, body: string): boolean {
  return status >= 200 && status < 300 && body.includes('"activities"') && body.includes('"message"');
}

interface Started {
  child: ChildProcess;
  /** The port it listens on: the one asked for, or a free one when that was taken (another run). */
  port: number;
  startupMs: number;
  /** CPU time the server used up to its first answer. */
  startupCpuMs: number;
}

/** Whether nothing listens on the port yet (two bench runs at once must not load each other's server). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Spawns a server and polls it with a real question until it answers; returns how long that took. */
export async function startServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  requestedPort: number,
  logFile: string,
): Promise<Started> {
  const port = (await portIsFree(requestedPort)) ? requestedPort : await freePort();
  const started = performance.now();
  // Logs go straight to a file, as under a process manager: piped through this process (busy running
  // the load generator), a full pipe would block the server's synchronous log writes.
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const body = activity('how much did i spend on groceries last month', userId(0), 'bench-startup');
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${args.join(' ')} exited with ${child.exitCode}; see ${logFile}`);
    if (performance.now() - started > 60_000) {
      await stopTree(child);
      throw new Error(`${args.join(' ')} did not answer within 60 s; see ${logFile}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (answered(res.status, await res.text()))
        return {
          child,
          port,
          startupMs: performance.now() - started,
          startupCpuMs: cpuMs(child.pid as number),
        };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * An autocannon request asking a random one of the QUESTIONS as a random one of `users`, in that user's
 * conversation (`<tag>-<user>`).
 */
export function questionRequest(rng: () => number, users: number, tag: string): RequestOptions {
  return {
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => {
      const user = userId(Math.floor(rng() * users));
      const text = QUESTIONS[Math.floor(rng() * QUESTIONS.length)] as string;
      return { ...request, body: activity(text, user, `${tag}-${user}`) };
    },
  };
}

/** One autocannon run: each request a random question from a random user, in that user's conversation. */
async function load(
  port: number,
  connections: number,
  seconds: number,
  users: number,
  seed: number,
): Promise<LoadResult> {
  const rng = mulberry32(seed + connections);
  let failures = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        ...questionRequest(rng, users, 'bench'),
        onResponse: (status, body) => {
          if (!answered(status, body)) failures++;
        },
      },
    ],
  });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: Math.max(failures, result.non2xx) + result.errors,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMsPerRequest: 0,
  };
}

/** Asks each question `rounds` times, serially, of random users; median latency and response size per question. */
async function probe(port: number, users: number, rounds: number, seed: number): Promise<QuestionProbe[]> {
  const rng = mulberry32(seed + 7);
  const out: QuestionProbe[] = [];
  for (const text of QUESTIONS) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < rounds; i++) {
      const user = userId(Math.floor(rng() * users));
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: activity(text, user, `bench-probe-${user}`),
      });
      bytes = Math.max(bytes, (await res.arrayBuffer()).byteLength);
      times.push(performance.now() - started);
    }
    out.push({ text, p50Ms: latency(times).p50, responseBytes: bytes });
  }
  return out;
}

export interface BotOptions {
  name: string;
  /** Arguments to `node`, e.g. ['--import', 'tsx', 'src/index.ts']. */
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  users: number;
  connections: readonly number[];
  seconds: number;
  warmSeconds: number;
  logFile: string;
  seed: number;
  probeRounds: number;
}

/** What one server is loaded with: the part of `BotOptions` that does not say how to start it. */
export type LoadPlan = Pick<
  BotOptions,
  'users' | 'connections' | 'seconds' | 'warmSeconds' | 'seed' | 'probeRounds'
>;

/** Counters read before and after each run; what they moved by is reported per request. */
export type Meters = Record<string, () => Promise<number>>;

async function readMeters(meters: Meters): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, read] of Object.entries(meters)) out[name] = await read();
  return out;
}

/**
 * Warms a running server on `port` and loads it at each connection count.
 * `cpu` reads the CPU time (ms) of whatever serves the requests, for the cost per request.
 */
export async function loadServer(
  port: number,
  o: LoadPlan,
  cpu: () => number,
  meters: Meters = {},
): Promise<LoadResult[]> {
  await load(port, 10, o.warmSeconds, o.users, o.seed + 1000);
  const runs: LoadResult[] = [];
  for (const c of o.connections) {
    const extra = await readMeters(meters);
    const before = cpu();
    const run = await load(port, c, o.seconds, o.users, o.seed);
    run.cpuMsPerRequest = (cpu() - before) / Math.max(1, run.requests);
    if (Object.keys(meters).length) {
      const after = await readMeters(meters);
      run.perRequest = Object.fromEntries(
        Object.entries(after).map(([k, v]) => [k, (v - (extra[k] ?? 0)) / Math.max(1, run.requests)]),
      );
    }
    runs.push(run);
  }
  return runs;
}

/** Asks each question alone, `probeRounds` times, of a running server. */
export function probeServer(port: number, o: LoadPlan): Promise<QuestionProbe[]> {
  return probe(port, o.users, o.probeRounds, o.seed);
}

/** Starts one server, warms it, loads it at each connection count, reads its peak RSS, stops it. */
export async function benchServer(o: BotOptions): Promise<ServerResult> {
  const { child, port, startupMs } = await startServer(process.execPath, o.args, o.env, o.port, o.logFile);
  try {
    const runs = await loadServer(port, o, () => cpuMs(child.pid as number));
    // The node process itself was spawned directly, so its VmHWM is the server's peak.
    const peakRssMb = statusKb(child.pid as number, 'VmHWM') / 1024;
    const probes = await probeServer(port, o);
    return { name: o.name, startupMs, peakRssMb, runs, probes };
  } finally {
    await stopTree(child);
  }
}
