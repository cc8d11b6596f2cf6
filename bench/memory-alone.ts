/**
 * Memory under the bot-turn load, alone: the compiled server (as `npm start` runs it, or the echo bot)
 * on a copy of a question database, with `bench/memory-sampler.ts` preloaded, loaded as `npm run bench`
 * loads it (a warm-up at 10 connections, then 10 and 50); prints requests/s per run, the server's VmHWM,
 * and what the resident set held at its largest sample (anonymous and file-backed pages, V8 heap spaces,
 * memory outside the heap).
 *   npx tsx bench/memory-alone.ts DB [--echo] [--every-user] [--snapshot] [--keep] [--entry FILE] [--seconds S] [--users N] [--node-arg FLAG]... [--env K=V]...
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { activity, loadServer, QUESTIONS, startServer } from './bot.ts';
import { userId } from './generate.ts';
import { cpuMs, statusKb, stopTree } from './proc.ts';
import { echoArgs, startArgs } from './startup.ts';

function values(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === name ? [process.argv[i + 1] as string] : []));
}
const number = (name: string, fallback: number) => Number(values(name)[0] ?? fallback);

const db = process.argv[2];
if (!db || db.startsWith('--')) throw new Error('usage: memory-alone.ts DB [--echo] [--seconds S] …');
const echo = process.argv.includes('--echo');
const dir = mkdtempSync(join(tmpdir(), 'tally-memory-'));
const log = join(dir, 'memory.jsonl');
const env: NodeJS.ProcessEnv = { TALLY_MEMORY_LOG: log, TALLY_DB: join(dir, 'tally.db') };
for (const kv of values('--env')) env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
if (!echo) copyFileSync(db, env.TALLY_DB as string);

// Another compiled tree to start instead of dist/ (e.g. a copy of an earlier build, for a before/after).
const entry = values('--entry')[0];
const start = echo ? echoArgs() : startArgs().map((a) => (entry && a === 'dist/index.js' ? entry : a));
const extra = values('--node-arg');
// Flags given here replace `npm start`'s own flag of the same name (e.g. --max-semi-space-size).
const own = start.filter(
  (a) => !extra.some((e) => a.startsWith('--') && a.split('=')[0] === e.split('=')[0]),
);
const args = ['--import', './bench/memory-sampler.ts', ...extra, ...own];
const server = await startServer(process.execPath, args, env, 39_600, join(dir, 'server.log'));
const pid = server.child.pid as number;
const users = number('--users', 1000);
try {
  if (process.argv.includes('--every-user')) {
    // Each user asked once first, so the per-user caches hold everyone however few turns the load gets
    // through on a busy machine: the figure is then the worst case, not a function of throughput.
    const started = performance.now();
    for (let u = 0; u < users; u++)
      await (
        await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: activity(QUESTIONS[u % QUESTIONS.length] as string, userId(u), `bench-${userId(u)}`),
        })
      ).arrayBuffer();
    console.log(
      `asked each of ${users} users once in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const runs = await loadServer(
    server.port,
    {
      users,
      connections: [10, 50],
      seconds: number('--seconds', 15),
      warmSeconds: number('--warm', 3),
      seed: 1,
      probeRounds: 0,
    },
    () => cpuMs(pid),
  );
  const hwm = statusKb(pid, 'VmHWM') / 1024;
  await new Promise((r) => setTimeout(r, 300));
  const samples = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number | Record<string, number>>);
  const largest = samples.reduce((a, b) => ((b.rss as number) > (a.rss as number) ? b : a));
  console.log(`${echo ? 'echo' : 'tally'} ${args.join(' ')}`);
  console.log(`start-up ${server.startupMs.toFixed(0)} ms; load average ${loadavg()[0]?.toFixed(2)}`);
  for (const r of runs)
    console.log(
      `  ${r.connections} connections: ${r.requestsPerSecond.toFixed(0)} req/s, p99 ${r.p99} ms, ` +
        `${r.failures} failed, ${r.cpuMsPerRequest.toFixed(2)} CPU ms/req`,
    );
  console.log(`VmHWM ${hwm.toFixed(0)} MB; largest sample: ${JSON.stringify(largest)}`);
  console.log(`after load: ${JSON.stringify(samples.at(-1))}`);
  if (process.argv.includes('--snapshot')) {
    // Written synchronously by the server; it answers nothing while it writes, so wait for the file.
    process.kill(pid, 'SIGUSR2');
    for (let i = 0; i < 600 && !readdirSync(dir).some((f) => f.endsWith('.heapsnapshot')); i++)
      await new Promise((r) => setTimeout(r, 500));
  }
} finally {
  await stopTree(server.child);
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
