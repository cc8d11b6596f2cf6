/**
 * Start-up alone: the compiled server spawned as `npm start` runs it (without building first) on one database
 * (migrated by an uncounted first start), several times, beside a bare `node -e` start from the same run. Prints each run and the medians.
 *   npx tsx bench/startup-alone.ts [runs] [entry] [node flag]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './bot.ts';
import { stopTree } from './proc.ts';
import { latency } from './report.ts';
import { startArgs } from './startup.ts';

const runs = Number(process.argv[2] ?? 7);
// Another compiled tree to start instead of dist/ (e.g. a copy of an earlier build, for a before/after).
const entry = process.argv[3];
// A node flag to use instead of `npm start`'s flag of the same name (e.g. --max-semi-space-size=16).
const flag = process.argv[4];
const args = startArgs()
  .map((a) => (entry && a === 'dist/index.js' ? entry : a))
  .map((a) => (flag && a.split('=')[0] === flag.split('=')[0] ? flag : a));
const dir = mkdtempSync(join(tmpdir(), 'tally-startup-'));
const wall: number[] = [];
const cpu: number[] = [];
const bare: number[] = [];
// One start first, not counted: it migrates the new database (and fits the intent model if .cache/ lacks it).
for (let i = -1; i < runs; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  if (i >= 0) bare.push(performance.now() - t);
  const { child, startupMs, startupCpuMs } = await startServer(
    process.execPath,
    args,
    { TALLY_DB: join(dir, 'tally.db') },
    39_001 + i,
    join(dir, 'server.log'),
  );
  await stopTree(child);
  if (i < 0) {
    console.log(
      `first start: ${startupMs.toFixed(0)} ms wall, ${startupCpuMs.toFixed(0)} ms CPU (not counted)`,
    );
    continue;
  }
  wall.push(startupMs);
  cpu.push(startupCpuMs);
  console.log(`run ${i + 1}: ${startupMs.toFixed(0)} ms wall, ${startupCpuMs.toFixed(0)} ms CPU`);
}
rmSync(dir, { recursive: true, force: true });
const median = (xs: number[]) => latency(xs).p50;
console.log(
  `median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU; bare node -e ${median(bare).toFixed(0)} ms ` +
    `(${(median(wall) / median(bare)).toFixed(1)}×); load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);
