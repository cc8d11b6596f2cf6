/**
 * Understanding alone, in-process, on the bench's question mix over the cached full-size database: each
 * question's p50/p99 (wall) and the mean CPU time per message, repeated `--runs` times with the median of
 * the runs. `--profile` samples the CPU while the questions run (V8's profiler through node:inspector) and
 * prints self and inclusive time per function; `--alloc` samples allocations instead (bytes per message by the
 * function that made them: the garbage that makes young-generation collections land inside turns); `--dump FILE` writes the frames of the bench's questions
 * and of the dev sets' wordings as JSON lines, to compare two versions of the code for the same frames.
 *   npx tsx bench/profile-understanding.ts [--runs N] [--samples N] [--profile | --alloc] [--warm] [--dump FILE]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session, type HeapProfiler, type Profiler } from 'node:inspector/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUnderstanding, type Understanding } from '../src/language/understand.ts';
import type { UserVocabulary } from '../src/language/types.ts';
import { Store } from '../src/store/index.ts';
import { buildDatabase } from './build-db.ts';
import { userId } from './generate.ts';
import { latency, printTable, us } from './report.ts';
import { streamFor } from './random.ts';
import { askerOf, fill, QUESTIONS, type Asker } from './understanding.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TODAY = '2026-10-31';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Ask {
  template: string;
  text: string;
  vocabulary: UserVocabulary;
}

/** The same users, templates and fillings as the bench's understanding section. */
async function questionsOf(dbFile: string, users: number, count: number): Promise<Ask[]> {
  const store = Store.open(dbFile);
  try {
    const rng = streamFor(1, 'understanding');
    const askers = new Map<string, Asker>();
    const asks: Ask[] = [];
    for (let i = 0; i < count; i++) {
      const user = userId(Math.floor(rng() * users));
      let asker = askers.get(user);
      if (!asker) askers.set(user, (asker = await askerOf(store, user)));
      const template = QUESTIONS[i % QUESTIONS.length] as string;
      asks.push({ template, text: fill(rng, template, asker, TODAY), vocabulary: asker.vocabulary });
      rng(); // the bench draws the floor's month here
    }
    return asks;
  } finally {
    store.close();
  }
}

/**
 * Each run gets fresh copies of the users' vocabularies, as the bench does: a user's first question pays
 * for whatever the language layer builds once per vocabulary (`--warm` keeps them, as the bot's turns do).
 */
function fresh(asks: readonly Ask[]): Ask[] {
  if (process.argv.includes('--warm')) return [...asks];
  const copies = new Map<UserVocabulary, UserVocabulary>();
  return asks.map((a) => {
    let v = copies.get(a.vocabulary);
    if (!v) copies.set(a.vocabulary, (v = structuredClone(a.vocabulary)));
    return { ...a, vocabulary: v };
  });
}

function timeRun(
  u: Understanding,
  asks: readonly Ask[],
): { all: number[]; cpu: number[]; by: Map<string, number[]>; cpuUs: number } {
  const by = new Map<string, number[]>(QUESTIONS.map((q) => [q, []]));
  const all: number[] = [];
  const cpu: number[] = [];
  const used = threadCpuUs();
  for (const a of asks) {
    const c = threadCpuUs();
    const t = performance.now();
    u.understand(a.text, TODAY, a.vocabulary);
    const ms = performance.now() - t;
    cpu.push((threadCpuUs() - c) / 1000);
    all.push(ms);
    by.get(a.template)?.push(ms);
  }
  return { all, cpu, by, cpuUs: (threadCpuUs() - used) / asks.length };
}

/** The main thread's CPU time in µs (the whole process's where Node cannot tell threads apart). */
function threadCpuUs(): number {
  const p = process as { threadCpuUsage?: () => NodeJS.CpuUsage };
  const u = p.threadCpuUsage ? p.threadCpuUsage() : process.cpuUsage();
  return u.user + u.system;
}

type Node = Profiler.ProfileNode;

function report(profile: Profiler.Profile, messages: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, Node>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const name = (n: Node) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const dt = profile.timeDeltas?.[i] ?? 0;
    const leaf = byId.get(id);
    if (!leaf) return;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: Node | undefined = leaf; n; n = parent.get(n.id)) seen.add(name(n));
    for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([f, t]) => `${(t / messages).toFixed(1).padStart(8)}  ${f}`)
      .join('\n');
  console.log(`\nself time per message (µs)\n${top(self, 40)}`);
  const own = new Map([...incl].filter(([k]) => k.includes('src/')));
  console.log(`\ninclusive time per message in src/ (µs)\n${top(own, 60)}`);
}

/** Bytes allocated per message by the function that allocated them (sampled, garbage included). */
function reportAllocations(profile: HeapProfiler.SamplingHeapProfile, messages: number): void {
  const bytes = new Map<string, number>();
  // Built-ins (slice, matchAll, RegExp) are charged to the nearest of Tally's own functions calling them.
  const walk = (n: HeapProfiler.SamplingHeapProfileNode, caller: string): void => {
    const f = n.callFrame;
    const own = f.url.includes('/src/')
      ? `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}:${f.columnNumber}`
      : caller;
    bytes.set(own, (bytes.get(own) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c, own);
  };
  walk(profile.head, '(outside src)');
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.log(`\nallocated per message: ${(total / messages / 1024).toFixed(1)} KB, by function (KB)`);
  for (const [k, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${(b / messages / 1024).toFixed(1).padStart(8)}  ${k}`);
}

/** Frames for the bench's questions and for the dev sets' wordings against the tests' household. */
async function dump(u: Understanding, asks: readonly Ask[], file: string): Promise<void> {
  const { VOCABULARY, TODAY: DEV_DAY } = await import('../test/language/query/helpers.ts');
  const lines = asks
    .slice(0, 600)
    .map((a) => JSON.stringify([a.text, u.understand(a.text, TODAY, a.vocabulary)]));
  const dataDir = join(ROOT, 'test/language/data');
  for (const f of readdirSync(dataDir).filter((x) => x.startsWith('dev') && x.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dataDir, f), 'utf8').split('\n').filter(Boolean)) {
      const text = (JSON.parse(line) as { t: string }).t;
      lines.push(JSON.stringify([text, u.understand(text, DEV_DAY, VOCABULARY)]));
    }
  }
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`${lines.length} frames written to ${file}`);
}

async function main(): Promise<void> {
  const db = await buildDatabase(
    join(ROOT, 'bench', 'results', 'data'),
    { seed: 1, end: TODAY, years: 3, users: 1000 },
    () => {},
  );
  const samples = arg('--samples', 2000);
  const u = await createUnderstanding({
    luDir: join(ROOT, 'dialogs'),
    synonymsFile: join(ROOT, 'data/category-synonyms.csv'),
  });
  const asks = await questionsOf(db.file, db.users, samples + 100);
  const dumpAt = process.argv.indexOf('--dump');
  if (dumpAt >= 0) return dump(u, asks, process.argv[dumpAt + 1] as string);
  timeRun(u, asks.slice(0, 100)); // warm-up
  const measured = asks.slice(100);
  if (process.argv.includes('--warm')) timeRun(u, measured); // every vocabulary seen once
  if (process.argv.includes('--alloc')) {
    const session = new Session();
    session.connect();
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 512,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    timeRun(u, fresh(measured));
    const { profile } = await session.post('HeapProfiler.stopSampling');
    session.disconnect();
    reportAllocations(profile, measured.length);
    return;
  }
  if (process.argv.includes('--profile')) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    timeRun(u, fresh(measured));
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    report(profile, measured.length);
    return;
  }
  const runs = Array.from({ length: arg('--runs', 3) }, () => timeRun(u, fresh(measured)));
  const med = (xs: number[]) => latency(xs).p50;
  printTable(`Understanding alone, ${measured.length} messages, median of ${runs.length} run(s)`, [
    ['question', 'p50', 'p99'],
    ['all', us(med(runs.map((r) => latency(r.all).p50))), us(med(runs.map((r) => latency(r.all).p99)))],
    [
      'all, main-thread CPU time',
      us(med(runs.map((r) => latency(r.cpu).p50))),
      us(med(runs.map((r) => latency(r.cpu).p99))),
    ],
    ...QUESTIONS.map((q) => [
      `  "${q}"`,
      us(med(runs.map((r) => latency(r.by.get(q) ?? []).p50))),
      us(med(runs.map((r) => latency(r.by.get(q) ?? []).p99))),
    ]),
  ]);
  console.log(
    `mean CPU per message: ${med(runs.map((r) => r.cpuUs)).toFixed(0)} µs (runs: ${runs.map((r) => r.cpuUs.toFixed(0)).join(', ')})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
