/**
 * Microseconds per distinct description through `cleanMerchant` and `categorize`, without the labelled set: each
 * run categorises lines no earlier run met (so every one misses the cache), and the median of the runs is printed,
 * since a shared machine makes any single run noisy: by the clock, and by the processor time the process used (which
 * leaves out the time it waited for a core).
 * Usage: tsx src/cli/eval-categories-speed.ts [--rows N] [--runs N]
 */
import {
  cpuMicrosPerRow,
  distinctDescriptors,
  rowsPerSecond,
} from '../ingest/enrich/evaluation/throughput.ts';

const args = process.argv.slice(2);
const option = (name: string, otherwise: number): number => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? Number(args[at + 1]) : otherwise;
};
const rows = option('--rows', 100_000);
const runs = option('--runs', 3);

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const report = (what: string, micros: number[]): void =>
  console.log(
    `µs per distinct description (${what}): median ${median(micros).toFixed(2)} of ${runs} runs of ${rows.toLocaleString('en-US')} (${micros.map((m) => m.toFixed(2)).join(', ')})`,
  );

// One warm-up run, so the first measured run does not pay for compiling the rules.
rowsPerSecond(distinctDescriptors(20_000, 10_000_000));
report(
  'clock',
  Array.from({ length: runs }, (_, run) => 1e6 / rowsPerSecond(distinctDescriptors(rows, run * rows))),
);
report(
  'processor',
  Array.from({ length: runs }, (_, run) => cpuMicrosPerRow(distinctDescriptors(rows, (runs + run) * rows))),
);
