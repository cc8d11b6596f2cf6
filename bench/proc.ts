/** Child processes and their memory, read from /proc (Linux). `npm run x` is sh → node, so we follow the tree. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Every process below `pid`, children first. */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift() as number;
    for (const [child, parent] of parentOf) {
      if (parent !== p) continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** A /proc/<pid>/status field in kB (VmHWM = peak resident set, VmRSS = now), or 0 when the process is gone. */
export function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return Number(match?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The largest peak RSS among a process and its descendants, in MB. */
export function treePeakMb(pid: number): number {
  return Math.max(statusKb(pid, 'VmHWM'), ...descendants(pid).map((p) => statusKb(p, 'VmHWM'))) / 1024;
}

export interface Finished {
  code: number | null;
  seconds: number;
  peakMb: number;
  output: string;
}

/** Runs a command to completion, watching the peak RSS of its process tree every 100 ms. */
export function runWatched(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakMb = 0;
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setInterval(() => child.pid && (peakMb = Math.max(peakMb, treePeakMb(child.pid))), 100);
    child.on('error', (e) => (clearInterval(timer), reject(e)));
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakMb, output });
    });
  });
}

/** Stops a child and everything it started (SIGTERM, then SIGKILL after a grace period). */
export async function stopTree(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const pids = [...descendants(child.pid), child.pid];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const p of pids) kill(p, 'SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') for (const p of pids) kill(p, 'SIGKILL');
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** CPU time a process has used (user + system), in ms: unlike wall time, hardly moved by other work. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
