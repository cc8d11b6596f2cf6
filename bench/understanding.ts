/**
 * A question answered as text, from words to figures: understanding the message (intent, entities and the
 * `Query`), choosing a period when none is named, and running the query through the one executor against
 * the seeded multi-user database. Beside it, the floor measured in the same run: one bare indexed SQL
 * total (a user's spending over a month) on better-sqlite3. The user's vocabulary (accounts and merchant
 * names) is read once per user beforehand, as it is the same for every turn of a conversation.
 */
import Database from 'better-sqlite3';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDefaults } from '../src/insights/defaults.ts';
import { execute, type ExecContext } from '../src/insights/execute.ts';
import type { Query } from '../src/insights/query.ts';
import { createUnderstanding, type Understanding } from '../src/language/understand.ts';
import type { UserVocabulary } from '../src/language/types.ts';
import { Store } from '../src/store/index.ts';
import { userId } from './generate.ts';
import { intBetween, pick, streamFor, type Rng } from './random.ts';
import { latency, type Latency } from './report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface UnderstandingOptions {
  dbFile: string;
  users: number;
  /** The day the questions are asked, ISO. */
  today: string;
  samples: number;
  seed: number;
}

export interface UnderstandingResult {
  /** Every question: understanding + default period + executing the query, ms. */
  all: Latency;
  /** Understanding alone (words → Query), ms. */
  understand: Latency;
  /** One bare indexed SQL total on better-sqlite3, ms. */
  floor: Latency;
  perQuestion: { question: string; p50: number; p99: number }[];
  /** Questions whose understanding left words unplaced or names unknown (so no figure would be given). */
  notUnderstood: number;
}

export interface Asker {
  vocabulary: UserVocabulary;
  merchantIds: Map<string, number[]>;
  /** Merchant names the user pays often, for questions that name one. */
  frequent: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september'];

/** Questions of every common kind; `{m}` is one of the user's merchants, `{month}` a month with data. */
export const QUESTIONS: readonly string[] = [
  'how much did i spend on groceries last month',
  'what did i spend at {m} in {month}',
  'top 5 merchants this year',
  'spending by category in {month}',
  'how many times did i go to {m}',
  'everything but rent last month',
  'my biggest purchase in {month}',
  'average monthly spend on eating out this year',
  'coffee vs groceries last month',
  'did i spend more on food in {month} than the month before',
  'how much did i make last month',
  'spending each month since january',
];

export async function askerOf(store: Store, user: string): Promise<Asker> {
  const [accounts, merchants] = await Promise.all([store.accounts.list(user), store.queries.merchants(user)]);
  const merchantIds = new Map<string, number[]>();
  for (const m of merchants)
    merchantIds.set(m.name.toLowerCase(), [...(merchantIds.get(m.name.toLowerCase()) ?? []), m.id]);
  return {
    vocabulary: {
      accounts: accounts.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        institution: a.institution ?? undefined,
        mask: a.mask ?? undefined,
      })),
      merchants: merchants.map((m) => m.name),
    },
    merchantIds,
    frequent: merchants
      .filter((m) => m.count >= 10 && /^[A-Za-z][A-Za-z' ]+$/.test(m.name))
      .sort((a, b) => b.count - a.count)
      .slice(0, 8)
      .map((m) => m.name),
  };
}

/** Understands the text and answers it; returns the understanding's own time and whether it was placed. */
async function answer(
  understanding: Understanding,
  store: Store,
  user: string,
  asker: Asker,
  text: string,
  today: string,
): Promise<{ understandMs: number; understood: boolean }> {
  const started = performance.now();
  const frame = understanding.understand(text, today, asker.vocabulary);
  const understandMs = performance.now() - started;
  const u = frame.understood;
  if (!u) return { understandMs, understood: false };
  const query: Query = u.query;
  const span = await store.queries.span(user);
  const resolved = resolveDefaults(query, span, today).query;
  const ctx: ExecContext = {
    store,
    userId: user,
    merchantIds: (name) => asker.merchantIds.get(name.toLowerCase()) ?? [],
    span,
  };
  await execute(ctx, resolved);
  return { understandMs, understood: !u.unplaced.length && !u.unknownNames.length };
}

export function fill(rng: Rng, template: string, asker: Asker, today: string): string {
  const monthsSoFar = MONTHS.slice(0, Math.max(1, Number(today.slice(5, 7)) - 1));
  return template
    .replace('{m}', asker.frequent.length ? pick(rng, asker.frequent).toLowerCase() : 'amazon')
    .replace('{month}', pick(rng, monthsSoFar));
}

/** Runs every question `samples` times for random users after a warm-up; latencies in milliseconds. */
export async function benchUnderstanding(o: UnderstandingOptions): Promise<UnderstandingResult> {
  const understanding = await createUnderstanding({
    luDir: join(ROOT, 'dialogs'),
    synonymsFile: join(ROOT, 'data/category-synonyms.csv'),
  });
  const store = Store.open(o.dbFile);
  const db = new Database(o.dbFile, { readonly: true });
  try {
    const floorSql = db
      .prepare(
        `SELECT SUM(-amount_minor) FROM transactions WHERE user_id = ? AND posted_on >= ? AND posted_on < ?
        AND flow = 'spending'`,
      )
      .pluck();
    const askers = new Map<string, Asker>();
    const rng = streamFor(o.seed, 'understanding');
    const allMs: number[] = [];
    const understandMs: number[] = [];
    const floorMs: number[] = [];
    const byQuestion = new Map<string, number[]>(QUESTIONS.map((q) => [q, []]));
    let notUnderstood = 0;
    const warm = Math.min(100, o.samples);
    const year = Number(o.today.slice(0, 4));
    for (let i = 0; i < warm + o.samples; i++) {
      const user = userId(Math.floor(rng() * o.users));
      let asker = askers.get(user);
      if (!asker) askers.set(user, (asker = await askerOf(store, user)));
      const template = QUESTIONS[i % QUESTIONS.length] as string;
      const text = fill(rng, template, asker, o.today);
      let t = performance.now();
      const got = await answer(understanding, store, user, asker, text, o.today);
      const took = performance.now() - t;
      const month = intBetween(rng, 1, Math.max(1, Number(o.today.slice(5, 7)) - 1));
      const start = `${year}-${String(month).padStart(2, '0')}-01`;
      const end = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
      t = performance.now();
      floorSql.get(user, Number(start.replaceAll('-', '')), Number(end.replaceAll('-', '')));
      const floorTook = performance.now() - t;
      if (i < warm) continue;
      allMs.push(took);
      understandMs.push(got.understandMs);
      floorMs.push(floorTook);
      byQuestion.get(template)?.push(took);
      if (!got.understood) notUnderstood++;
    }
    return {
      all: latency(allMs),
      understand: latency(understandMs),
      floor: latency(floorMs),
      perQuestion: [...byQuestion].map(([question, ms]) => {
        const l = latency(ms);
        return { question, p50: l.p50, p99: l.p99 };
      }),
      notUnderstood,
    };
  } finally {
    db.close();
    store.close();
  }
}
