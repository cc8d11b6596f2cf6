/**
 * Production start-up: `npm run build`, then `node dist/index.js` spawned on a copy of the question
 * database and timed from spawn to its first answered question (a POST /api/messages with
 * expectReplies), several times; once more from source through tsx, the way `npm run dev` starts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './bot.ts';
import { statusKb, stopTree } from './proc.ts';
import { latency } from './report.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface StartupResult {
  buildSeconds: number;
  /** Spawn → first answer of the compiled server as `npm start` runs it, each run. */
  compiledMs: number[];
  compiledMedianMs: number;
  /** CPU time (user + system) each compiled run used up to its first answer: what load on the machine does not inflate. */
  compiledCpuMs: number[];
  compiledCpuMedianMs: number;
  /** Resident memory of the compiled server right after its first answer. */
  compiledRssMb: number;
  /** The same from source (`node --import tsx src/index.ts`). */
  sourceMs: number;
}

/** How `npm start` runs node (its flags and dist/index.js), read from package.json so the two stay in step. */
export function startArgs(): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  ).scripts;
  const start = scripts?.start?.trim() ?? '';
  // Until the start script runs the compiled server itself, measure it the way it is meant to.
  return /^node\s.*\bdist\/index\.js\b/.test(start)
    ? start.split(/\s+/).slice(1)
    : ['--max-semi-space-size=4', '--heap-growing-percent=50', 'dist/index.js'];
}

/**
 * The echo bot started as Tally is: the same node flags as `npm start`, and no tsx (Node strips the
 * types of bench/echo-bot.ts itself), so its memory is a floor for Tally's. Through tsx it also carried
 * tsx's loader thread, and without the flags V8's own young generation (up to 128 MB on this machine).
 */
export function echoArgs(): string[] {
  return [...startArgs().filter((a) => a !== 'dist/index.js'), 'bench/echo-bot.ts'];
}

/** Builds dist/ as `npm start` does before starting; throws with the compiler's output when it fails. */
export function buildDist(): number {
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0)
    throw new Error(`npm run build failed:\n${`${run.stdout}\n${run.stderr}`.slice(-2000)}`);
  return (performance.now() - started) / 1000;
}

export async function benchStartup(o: {
  dbFile: string;
  port: number;
  runs: number;
  logFile: string;
}): Promise<StartupResult> {
  const buildSeconds = buildDist();
  const compiledMs: number[] = [];
  const compiledCpuMs: number[] = [];
  let compiledRssMb = 0;
  for (let i = 0; i < o.runs; i++) {
    const { child, startupMs, startupCpuMs } = await startServer(
      process.execPath,
      startArgs(),
      { TALLY_DB: o.dbFile },
      o.port,
      o.logFile,
    );
    compiledMs.push(startupMs);
    compiledCpuMs.push(startupCpuMs);
    compiledRssMb = Math.max(compiledRssMb, statusKb(child.pid as number, 'VmRSS') / 1024);
    await stopTree(child);
  }
  const source = await startServer(
    process.execPath,
    ['--import', 'tsx', 'src/index.ts'],
    { TALLY_DB: o.dbFile },
    o.port,
    o.logFile,
  );
  await stopTree(source.child);
  return {
    buildSeconds,
    compiledMs,
    compiledMedianMs: latency(compiledMs).p50,
    compiledCpuMs,
    compiledCpuMedianMs: latency(compiledCpuMs).p50,
    compiledRssMb,
    sourceMs: source.startupMs,
  };
}
