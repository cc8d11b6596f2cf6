/**
 * Latency of each insight on the multi-user database, for random users and periods, beside a
 * hand-written SQL query for the same number run directly on better-sqlite3 (the floor). Store call and
 * floor alternate per sample so both see the same cache.
 */
import Database from 'better-sqlite3';
import { findUnusualCharges } from '../src/insights/anomalies.ts';
import { findRecurring } from '../src/insights/recurring.ts';
import { Store, type Store as StorePort } from '../src/store/index.ts';
import { dayNumber, isoDay, userId } from './generate.ts';
import { streamFor, pick, intBetween, type Rng } from './random.ts';
import { latency, type Latency } from './report.ts';

export interface QuestionResult {
  name: string;
  kind: 'aggregate' | 'history';
  store: Latency;
  floor: Latency;
  /** Samples where the store's number differed from the floor's. */
  mismatches: number;
  /** For history-based insights: p50 of fetching the rows alone through the store, in ms. */
  fetchP50?: number;
}

export interface QuestionOptions {
  dbFile: string;
  users: number;
  /** Last day of data, ISO: "today" for the history-based insights. */
  today: string;
  years: number;
  samples: number;
  seed: number;
  /** The store under test; the SQLite store on `dbFile` when absent. The floor always runs on `dbFile`. */
  open?: () => Promise<StorePort>;
}

const CATEGORIES = [
  'FOOD_AND_DRINK_GROCERIES',
  'FOOD_AND_DRINK_COFFEE',
  'FOOD_AND_DRINK_RESTAURANT',
  'TRANSPORTATION_GAS',
  'FOOD_AND_DRINK',
];

interface Case {
  name: string;
  kind: 'aggregate' | 'history';
  /** Draws one question; returns the store's answer and the floor's as comparable numbers. */
  make(rng: Rng): { store: () => Promise<number>; floor: () => number; fetch?: () => Promise<unknown> };
}

/** First day of the month `offset` months after the month of `iso`. */
function monthStart(iso: string, offset: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}

const dayInt = (iso: string) => Number(iso.replaceAll('-', ''));

function cases(store: StorePort, db: Database.Database, o: QuestionOptions): Case[] {
  const months = Math.floor(o.years * 12) - 1;
  const categoryIds = new Map(
    CATEGORIES.map((code) => [
      code,
      (
        db
          .prepare('SELECT id FROM categories WHERE code = ? OR primary_code = ?')
          .pluck()
          .all(code, code) as number[]
      ).join(','),
    ]),
  );
  const floorStatements = new Map<string, Database.Statement>();
  const categoryFloor = (code: string) => {
    let s = floorStatements.get(code);
    if (!s) {
      s = db
        .prepare(
          `SELECT SUM(-amount_minor) FROM transactions WHERE user_id = ? AND posted_on >= ? AND posted_on < ?
        AND flow = 'spending' AND category_id IN (${categoryIds.get(code)})`,
        )
        .pluck();
      floorStatements.set(code, s);
    }
    return s;
  };
  const merchantSql = db
    .prepare(
      `SELECT SUM(-amount_minor) FROM transactions WHERE user_id = ? AND posted_on >= ?
    AND posted_on < ? AND flow = 'spending' AND merchant_id = ?`,
    )
    .pluck();
  const topSql = db
    .prepare(
      `SELECT m.name, t.total FROM (SELECT merchant_id, SUM(-amount_minor) AS total FROM transactions
    WHERE user_id = ? AND posted_on >= ? AND posted_on < ? AND flow = 'spending' GROUP BY merchant_id ORDER BY total DESC LIMIT 5) t
    JOIN merchants m ON m.id = t.merchant_id`,
    )
    .raw();
  const trendSql = db
    .prepare(
      `SELECT posted_on / 100, SUM(-amount_minor) FROM transactions
    WHERE user_id = ? AND posted_on >= ? AND posted_on < ? AND flow = 'spending' GROUP BY posted_on / 100`,
    )
    .raw();
  const historySql = db
    .prepare(
      `SELECT id, posted_on, amount_minor, currency, description, merchant_id, category_id, account_id, flow
    FROM transactions WHERE user_id = ? AND posted_on >= ? ORDER BY posted_on, id`,
    )
    .raw();
  const merchantsOf = new Map<string, number[]>();
  const userMerchants = (user: string) => {
    let ids = merchantsOf.get(user);
    if (!ids) {
      ids = db
        .prepare(
          `SELECT merchant_id FROM transactions WHERE user_id = ? AND flow = 'spending' GROUP BY merchant_id
        HAVING COUNT(*) >= 3`,
        )
        .pluck()
        .all(user) as number[];
      merchantsOf.set(user, ids);
    }
    return ids;
  };
  const randomUser = (rng: Rng) => userId(Math.floor(rng() * o.users));
  const since = monthStart(o.today, -12);
  const historyCase = (
    name: string,
    run: (rows: Awaited<ReturnType<StorePort['queries']['history']>>) => number,
  ): Case => ({
    name,
    kind: 'history',
    make: (rng) => {
      const u = randomUser(rng);
      return {
        store: async () => run(await store.queries.history(u, since)),
        floor: () => historySql.all(u, dayInt(since)).length,
        fetch: () => store.queries.history(u, since),
      };
    },
  });
  return [
    {
      name: 'month total by category',
      kind: 'aggregate',
      make: (rng) => {
        const u = randomUser(rng);
        const code = pick(rng, CATEGORIES);
        const start = monthStart(o.today, -intBetween(rng, 0, months));
        const end = monthStart(start, 1);
        return {
          store: async () =>
            (await store.queries.totals(u, 'spending', { categories: [code], start, end }))[0]?.amountMinor ??
            0,
          floor: () => Number(categoryFloor(code).get(u, dayInt(start), dayInt(end)) ?? 0),
        };
      },
    },
    {
      name: 'merchant total, 90 days',
      kind: 'aggregate',
      make: (rng) => {
        const u = randomUser(rng);
        const merchant = pick(rng, userMerchants(u));
        const endDay = dayNumber(o.today) - intBetween(rng, 0, 300);
        const start = isoDay(endDay - 90);
        const end = isoDay(endDay);
        return {
          store: async () =>
            (await store.queries.totals(u, 'spending', { merchantIds: [merchant], start, end }))[0]
              ?.amountMinor ?? 0,
          floor: () => Number(merchantSql.get(u, dayInt(start), dayInt(end), merchant) ?? 0),
        };
      },
    },
    {
      name: 'top 5 merchants, a year',
      kind: 'aggregate',
      make: (rng) => {
        const u = randomUser(rng);
        const year = Number(o.today.slice(0, 4)) - intBetween(rng, 0, Math.max(0, Math.floor(o.years) - 1));
        const start = `${year}-01-01`;
        const end = `${year + 1}-01-01`;
        return {
          store: async () =>
            (await store.queries.grouped(u, 'spending', 'merchant', { start, end }))
              .slice(0, 5)
              .reduce((n, g) => n + g.amountMinor, 0),
          floor: () =>
            (topSql.all(u, dayInt(start), dayInt(end)) as [string, number][]).reduce((n, r) => n + r[1], 0),
        };
      },
    },
    {
      name: '12-month trend',
      kind: 'aggregate',
      make: (rng) => {
        const u = randomUser(rng);
        const end = monthStart(o.today, -intBetween(rng, 0, Math.max(0, months - 12)));
        const start = monthStart(end, -12);
        return {
          store: async () =>
            (await store.queries.grouped(u, 'spending', 'month', { start, end })).reduce(
              (n, g) => n + g.amountMinor,
              0,
            ),
          floor: () =>
            (trendSql.all(u, dayInt(start), dayInt(end)) as [number, number][]).reduce((n, r) => n + r[1], 0),
        };
      },
    },
    historyCase(
      'unusual charges, 13 months',
      (rows) =>
        findUnusualCharges(rows, { since: monthStart(o.today, 0), today: o.today }).length + rows.length,
    ),
    historyCase('recurring payments, 13 months', (rows) => findRecurring(rows, o.today).length + rows.length),
  ];
}

/** Runs each question (of one kind, or all) `samples` times after a warm-up; latencies in milliseconds. */
export async function benchQuestions(
  o: QuestionOptions,
  only?: 'aggregate' | 'history',
): Promise<QuestionResult[]> {
  const store = o.open ? await o.open() : Store.open(o.dbFile);
  const db = new Database(o.dbFile, { readonly: true });
  try {
    const results: QuestionResult[] = [];
    for (const c of cases(store, db, o).filter((x) => !only || x.kind === only)) {
      const rng = streamFor(o.seed, c.name);
      const warm = Math.min(200, o.samples);
      const storeMs: number[] = [];
      const floorMs: number[] = [];
      const fetchMs: number[] = [];
      let mismatches = 0;
      for (let i = 0; i < warm + o.samples; i++) {
        const q = c.make(rng);
        let t = performance.now();
        const got = await q.store();
        const storeTime = performance.now() - t;
        t = performance.now();
        const want = q.floor();
        const floorTime = performance.now() - t;
        let fetchTime = 0;
        if (q.fetch) {
          t = performance.now();
          await q.fetch();
          fetchTime = performance.now() - t;
        }
        if (i < warm) continue;
        storeMs.push(storeTime);
        floorMs.push(floorTime);
        if (q.fetch) fetchMs.push(fetchTime);
        // History cases report rows + findings; the floor only counts rows, so compare only aggregates.
        if (c.kind === 'aggregate' && got !== want) mismatches++;
      }
      results.push({
        name: c.name,
        kind: c.kind,
        store: latency(storeMs),
        floor: latency(floorMs),
        mismatches,
        fetchP50: fetchMs.length ? latency(fetchMs).p50 : undefined,
      });
    }
    return results;
  } finally {
    db.close();
    await store.close();
  }
}
