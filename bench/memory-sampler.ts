/**
 * Preloaded into a server under measurement (`node --import ./bench/memory-sampler.ts …`): every
 * TALLY_MEMORY_SAMPLE_MS (250 by default) it appends one JSON line to TALLY_MEMORY_LOG with what the
 * process holds — resident set split into anonymous and file-backed pages, V8's heap and each of its
 * spaces, memory outside the heap (Buffers, native addons) — so a peak can be put down to its parts.
 * SIGUSR2 writes a heap snapshot next to the log.
 */
import { appendFileSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import v8 from 'node:v8';

const file = process.env.TALLY_MEMORY_LOG;
const every = Number(process.env.TALLY_MEMORY_SAMPLE_MS ?? 250);

function statusKb(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync('/proc/self/status', 'utf8').split('\n')) {
    const m = /^(VmRSS|VmHWM|RssAnon|RssFile|RssShmem):\s+(\d+) kB/.exec(line);
    if (m) out[m[1] as string] = Number(m[2]);
  }
  return out;
}

function sample(): void {
  const mb = (n: number) => Math.round(n / 1048576);
  const mem = process.memoryUsage();
  const kb = statusKb();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), mb(s.space_size)]),
  );
  const line = {
    t: Math.round(performance.now()),
    rss: Math.round((kb.VmRSS ?? 0) / 1024),
    hwm: Math.round((kb.VmHWM ?? 0) / 1024),
    anon: Math.round((kb.RssAnon ?? 0) / 1024),
    fileBacked: Math.round((kb.RssFile ?? 0) / 1024),
    heapTotal: mb(mem.heapTotal),
    heapUsed: mb(mem.heapUsed),
    external: mb(mem.external),
    arrayBuffers: mb(mem.arrayBuffers),
    spaces,
  };
  if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
}

if (file) {
  setInterval(sample, every).unref();
  process.on('SIGUSR2', () => {
    // Written under another name and renamed, so a reader waiting for the file sees it whole.
    const snapshot = join(dirname(file), `heap-${process.pid}-${Date.now()}.heapsnapshot`);
    renameSync(v8.writeHeapSnapshot(`${snapshot}.part`), snapshot);
  });
}
