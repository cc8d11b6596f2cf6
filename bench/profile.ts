/**
 * Where a bot turn's time goes: starts Tally from source under `node --cpu-prof`, loads it with the
 * bench's questions, stops it, and prints the functions and files with the most self time (and writes the
 * load's samples alone to load.cpuprofile beside the whole profile).
 *   npx tsx bench/profile.ts DB_FILE [--users N] [--seconds S] [--warm-seconds W] [--connections C] [--startup] [--compiled]
 * With --startup it stops right after the first answer, so the profile is the start-up alone; otherwise only
 * the samples taken while the load ran are counted, after a warm-up of W seconds (3 by default, as the bench
 * warms its servers) so that what a server does once (loading the date recognizer, parsing a template the
 * first time it is said) is not spread over the requests. With --compiled it profiles dist/ as `npm start` runs it
 * (after `npm run build`) instead of the source.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { questionRequest, startServer } from './bot.ts';
import { stopTree } from './proc.ts';
import { mulberry32 } from './random.ts';
import { startArgs } from './startup.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Drops the samples outside [from, to) (µs on the monotonic clock the profile's times are on). */
function within(profile: CpuProfile, from: number, to: number): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t >= from && t < to) {
      samples.push(id);
      timeDeltas.push(delta);
    }
  });
  return { ...profile, samples, timeDeltas };
}

/** Now, in µs on the monotonic clock V8 stamps profile samples with. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Self time per key, in ms, largest first. */
function selfTimes(profile: CpuProfile, key: (n: ProfileNode) => string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const k = key(node);
    totals.set(k, (totals.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Time with the function anywhere on the stack (each sample counted once per function), largest first. */
function inclusiveTimes(
  profile: CpuProfile,
  key: (n: ProfileNode) => string | undefined,
): [string, number][] {
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let node = byId.get(id); node; node = parent.get(node.id)) {
      const k = key(node);
      if (k) seen.add(k);
    }
    for (const k of seen) totals.set(k, (totals.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Self time charged to the innermost of Tally's own files on the stack (a library call is charged to the
 * Tally file that made it), or to the innermost package when no Tally code is on the stack: who asked for
 * the work, where self time by function says who did it.
 */
function ownerTimes(profile: CpuProfile): [string, number][] {
  const parent = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    let owner: string | undefined;
    let library: string | undefined;
    for (let node = byId.get(id); node && !owner; node = parent.get(node.id)) {
      const url = short(node.callFrame.url);
      if (/^(src|dist)\//.test(url)) owner = url;
      else if (url.startsWith('nm/'))
        library ??= url
          .split('/')
          .slice(0, url[3] === '@' ? 3 : 2)
          .join('/');
    }
    const key = owner ?? library ?? (byId.get(id)?.callFrame.functionName || '(native)');
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function short(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, 'nm/')
    .replace(process.cwd() + '/', '');
}

async function main(): Promise<void> {
  const db = process.argv[2];
  if (!db) throw new Error('usage: npx tsx bench/profile.ts DB_FILE [--users N] [--seconds S]');
  const users = arg('--users', 20);
  const dir = mkdtempSync(join(tmpdir(), 'tally-profile-'));
  const { child, port, startupMs } = await startServer(
    process.execPath,
    // --compiled: the server as `npm start` runs it (build first); otherwise from source through tsx.
    [
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      ...(process.argv.includes('--compiled') ? startArgs() : ['--import', 'tsx', 'src/index.ts']),
    ],
    { TALLY_DB: db },
    39799,
    join(dir, 'server.log'),
  );
  console.log(`first answer after ${startupMs.toFixed(0)} ms`);
  let requests = 0;
  let window: [number, number] | undefined;
  if (!process.argv.includes('--startup')) {
    const rng = mulberry32(1);
    const run = (seconds: number) =>
      autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: arg('--connections', 10),
        duration: seconds,
        requests: [questionRequest(rng, users, 'profile')],
      });
    const warm = arg('--warm-seconds', 3);
    if (warm > 0) await run(warm);
    const from = monotonicUs();
    const result = await run(arg('--seconds', 10));
    requests = result.requests.total;
    window = [from, monotonicUs()];
    console.log(`${requests} requests, ${result.requests.average} req/s, p99 ${result.latency.p99} ms`);
  }
  await stopTree(child);
  // The main thread's profile is the first one written (worker threads get later sequence numbers).
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()[0];
  if (!file) throw new Error(`no profile written in ${dir}`);
  const whole = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  // Under load, only the load: start-up (model loading, first parses) would otherwise be spread over requests.
  const profile = window ? within(whole, ...window) : whole;
  if (window) writeFileSync(join(dir, 'load.cpuprofile'), JSON.stringify(profile));
  const per = requests ? ` (µs per request)` : '';
  const scale = (ms: number) => (requests ? ((ms * 1000) / requests).toFixed(0) : ms.toFixed(0));
  console.log(`\nprofile: ${join(dir, file)}\n\nself time by file${per}`);
  for (const [k, ms] of selfTimes(profile, (n) => short(n.callFrame.url) || '(native)').slice(0, 25))
    console.log(`${scale(ms).padStart(8)}  ${k}`);
  console.log(`\nself time by the Tally file that asked for it${per}`);
  for (const [k, ms] of ownerTimes(profile).slice(0, 30)) console.log(`${scale(ms).padStart(8)}  ${k}`);
  console.log(`\nself time by function${per}`);
  const fn = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  for (const [k, ms] of selfTimes(profile, fn).slice(0, 40)) console.log(`${scale(ms).padStart(8)}  ${k}`);
  console.log(`\ntime inside Tally's own functions, callees included${per}`);
  const own = (n: ProfileNode) =>
    /\/(src|dist)\//.test(n.callFrame.url) && !n.callFrame.url.includes('node_modules') ? fn(n) : undefined;
  for (const [k, ms] of inclusiveTimes(profile, own).slice(0, 50))
    console.log(`${scale(ms).padStart(8)}  ${k}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
