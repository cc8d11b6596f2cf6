/**
 * A bot turn's own work, in-process, without HTTP: the bench's bot questions from random users, each
 * posted to the adapter as the server hands it a request (authentication, the turn, state read and saved,
 * the reply written as JSON), on a copy of the cached full-size question database. Prints the main
 * thread's CPU per turn for each run and their median, and the CPU spent saying the answers
 * (`BotTemplates.render`) and reading and saving state, within those turns. CPU time, not wall time, so the
 * figures hold on a shared machine. `--profile FILE` writes a V8 CPU profile of the last run;
 * `--first-turns` gives every turn a user not seen before (what a load over many users mostly is).
 *   npx tsx bench/profile-turn.ts [--runs N] [--turns N] [--users N] [--profile FILE] [--first-turns]
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotTemplates, createBotApp } from '../src/bot/index.ts';
import { StoreStorage } from '../src/bot/storage.ts';
import { createRenderPool } from '../src/charts/pool.ts';
import { ChartService } from '../src/charts/service.ts';
import { loadConfig } from '../src/config.ts';
import { upcomingFromHistory } from '../src/conversation/upcoming.ts';
import { createUnderstanding } from '../src/language/understand.ts';
import { openStore } from '../src/open-store.ts';
import { activity, QUESTIONS } from './bot.ts';
import { buildDatabase } from './build-db.ts';
import { userId } from './generate.ts';
import { mulberry32 } from './random.ts';
import { latency, printTable } from './report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const cpuUs = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/** Adds the CPU time spent inside `method` of `owner` to `into.us` (outermost calls only). */
function timeMethod(owner: object, method: string, into: { us: number }): void {
  const original = (owner as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
  let depth = 0;
  (owner as Record<string, unknown>)[method] = function timed(this: unknown, ...args: unknown[]) {
    const started = depth++ === 0 ? cpuUs() : 0;
    const done = () => {
      if (--depth === 0) into.us += cpuUs() - started;
    };
    try {
      const out = original.apply(this, args);
      if (out instanceof Promise) {
        // An async store call: its CPU is on the main thread until it resolves.
        return out.finally(done);
      }
      done();
      return out;
    } catch (err) {
      done();
      throw err;
    }
  };
}

/** The least of a Node response the adapter writes a JSON answer through. */
function fakeResponse(): { writeHead(): void; end(text?: string): void; text: string } {
  return {
    text: '',
    writeHead() {},
    end(text?: string) {
      this.text = text ?? '';
    },
  };
}

async function main(): Promise<void> {
  const db = await buildDatabase(
    join(ROOT, 'bench', 'results', 'data'),
    { seed: 1, end: '2026-10-31', years: 3, users: 1000 },
    console.log,
  );
  const work = mkdtempSync(join(tmpdir(), 'tally-turn-'));
  const file = join(work, 'tally.db');
  copyFileSync(db.file, file);
  const saying = { us: 0 };
  const state = { us: 0 };
  timeMethod(BotTemplates.prototype, 'render', saying);
  for (const m of ['read', 'write', 'confirm']) timeMethod(StoreStorage.prototype, m, state);
  // Wired as src/app.ts wires the server's bot (no HTTP server, no Direct Line).
  const config = loadConfig({ ...process.env, PORT: '0', TALLY_DB: file, MicrosoftAppId: '' });
  const store = await openStore(file);
  const understanding = await createUnderstanding({
    luDir: config.dialogsDir,
    synonymsFile: join(config.dataDir, 'category-synonyms.csv'),
    modelCacheDir: join(ROOT, '.cache'),
  });
  const pool = createRenderPool({ threads: 1 });
  const charts = new ChartService({
    store,
    pool,
    images: 'url',
    ttlMs: 600_000,
    baseUrl: () => 'http://localhost:3978',
  });
  const app = createBotApp({
    config,
    store,
    understanding,
    charts: charts.renderer(),
    upcoming: upcomingFromHistory(store),
    templates: BotTemplates.open(config.dialogsDir),
  });
  app.adapter.use(charts.turnMiddleware);
  const processMessage = (req: object, res: object) => app.process(req, res);
  const users = arg('--users', db.users);
  const turns = arg('--turns', 2000);
  const firstTurns = process.argv.includes('--first-turns');
  const rng = mulberry32(7);
  let fresh = 0;
  const ask = async () => {
    const user = firstTurns ? userId(fresh++ % db.users) : userId(Math.floor(rng() * users));
    const text = QUESTIONS[Math.floor(rng() * QUESTIONS.length)] as string;
    const body = JSON.parse(activity(text, user, `turn-${user}`)) as Record<string, unknown>;
    const res = fakeResponse();
    await processMessage({ body, headers: {} }, res);
    if (!res.text.includes('"message"')) throw new Error(`no reply to "${text}": ${res.text.slice(0, 200)}`);
  };
  // Warm: every template said once, the code optimised, as after a server's first minutes.
  for (let i = 0; i < 300; i++) await ask();
  const session = new Session();
  session.connect();
  const rows: string[][] = [['run', 'CPU µs/turn', 'saying µs/turn', 'state µs/turn']];
  const totals: number[] = [];
  const runs = arg('--runs', 3);
  const profileFile = process.argv[process.argv.indexOf('--profile') + 1];
  for (let run = 1; run <= runs; run++) {
    const profiling = process.argv.includes('--profile') && run === runs;
    if (profiling) {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    saying.us = 0;
    state.us = 0;
    const started = cpuUs();
    for (let i = 0; i < turns; i++) await ask();
    const total = (cpuUs() - started) / turns;
    totals.push(total);
    rows.push([String(run), total.toFixed(0), (saying.us / turns).toFixed(0), (state.us / turns).toFixed(0)]);
    if (profiling && profileFile) {
      const { profile } = (await session.post('Profiler.stop')) as Profiler.StopReturnType;
      writeFileSync(profileFile, JSON.stringify(profile));
    }
  }
  rows.push(['median', latency(totals).p50.toFixed(0), '', '']);
  printTable(`A bot turn in-process (${turns} turns a run${firstTurns ? ', each a new user' : ''})`, rows);
  await pool.close();
  store.close();
  rmSync(work, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
