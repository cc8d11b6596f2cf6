/**
 * Backtest of the ways to guess a varying bill's next amount. Finds every monthly bill whose amount
 * changes (utilities, phone, insurance with extras) with six or more payments in: the real statement
 * exports the tests read (test/fixtures/statements, see its README), the demo household over several
 * seeds, and users from the bench generator. Each payment from the fourth on is predicted from the ones
 * before it; the table gives, per estimator, the mean absolute % error, the mean signed % error (bias:
 * positive means the set-aside would be too high) and how many predictions it could make.
 * Usage: npm run eval:bills [-- --users 40]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/config.ts';
import { generateDemoHousehold } from '../src/demo/household.ts';
import { categorize, flowOf } from '../src/ingest/enrich/categorize.ts';
import { matchKey, stripDescriptor, tidyMerchantName } from '../src/ingest/enrich/cleanup.ts';
import { parseStatement } from '../src/ingest/parse.ts';
import { BILL_ESTIMATORS, type PastBill } from '../src/insights/bill-estimate.ts';
import { isFixedBill } from '../src/insights/recurring.ts';
import { daysBetween } from '../src/day.ts';
import { generateUser, isoDay } from './generate.ts';

interface Line {
  date: string;
  amountMinor: number;
  description: string;
  bankType?: string;
}

interface Series {
  source: string;
  name: string;
  bills: PastBill[];
}

const MIN_BILLS = 6;
const FIRST_PREDICTED = 3;
const args = process.argv.slice(2);
const users = Number(args[args.indexOf('--users') + 1]) || 30;
const fixturesDir = join(ROOT, 'test', 'fixtures', 'statements');

/** Outgoing bill lines grouped by merchant, kept when monthly, varying and six or more long. */
function variableBills(source: string, lines: readonly Line[]): Series[] {
  const groups = new Map<string, PastBill[]>();
  for (const l of [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (l.amountMinor >= 0) continue;
    const stripped = stripDescriptor(l.description);
    const merchant = tidyMerchantName(stripped);
    const c = categorize({ merchant, description: l.description, amountMinor: l.amountMinor, ...opt(l) });
    if (flowOf(c.category) !== 'spending' || !isFixedBill(c.category)) continue;
    const key = matchKey(stripped).replace(/\d+/g, '').trim();
    groups.set(key, [...(groups.get(key) ?? []), { date: l.date, amountMinor: -l.amountMinor }]);
  }
  const out: Series[] = [];
  for (const [name, bills] of groups) {
    if (bills.length < MIN_BILLS) continue;
    const gaps = bills.slice(1).map((b, i) => daysBetween(bills[i]!.date, b.date));
    if (gaps.filter((g) => g >= 25 && g <= 36).length / gaps.length < 0.75) continue;
    if (new Set(bills.map((b) => b.amountMinor)).size <= bills.length / 2) continue;
    out.push({ source, name, bills });
  }
  return out;
}

const opt = (l: Line) => (l.bankType ? { bankType: l.bankType } : {});

function fixtureFiles(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? fixtureFiles(path) : [path];
    });
  } catch {
    return [];
  }
}

function fromFixtures(): { files: number; series: Series[] } {
  let files = 0;
  const series: Series[] = [];
  for (const path of fixtureFiles(fixturesDir)) {
    try {
      const statements = parseStatement(readFileSync(path), { fileName: path });
      files++;
      for (const s of statements) series.push(...variableBills(`fixture ${path}`, s.transactions));
    } catch {
      // Broken files are there on purpose (the importer's own tests); they hold no bills to learn from.
    }
  }
  return { files, series };
}

/**
 * The demo household over two years: the year generated for a year ago, up to where this year's starts,
 * then this year's: the recipe's seasons repeat, the amounts drawn around them differ.
 */
function fromDemo(seeds: number): Series[] {
  const out: Series[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    // Another seed for the earlier year: the same seed would draw the same amounts twelve months apart.
    const earlier = generateDemoHousehold('2025-11-30', seed + 1000);
    const later = generateDemoHousehold('2026-11-30', seed);
    later.forEach((a, i) => {
      const rows = a.statement.transactions;
      const starts = rows[0]?.date ?? '';
      const before = earlier[i]!.statement.transactions.filter((t) => t.date < starts);
      out.push(...variableBills(`demo seed ${seed}`, [...before, ...rows]));
    });
  }
  return out;
}

function fromBench(count: number): Series[] {
  const out: Series[] = [];
  for (let i = 0; i < count; i++) {
    const user = generateUser(i, { seed: 7, end: '2026-11-30', years: 3 });
    for (const a of user.accounts) {
      const lines = a.rows.map((r) => ({ ...r, date: isoDay(r.day) }));
      out.push(...variableBills(`bench user ${i}`, lines));
    }
  }
  return out;
}

interface Score {
  abs: number;
  signed: number;
  n: number;
}

/** Every estimator over every prediction point of `series` where `eligible(i)` holds. */
function backtest(series: readonly Series[], eligible: (i: number) => boolean): Map<string, Score> {
  const scores = new Map<string, Score>(
    Object.keys(BILL_ESTIMATORS).map((k) => [k, { abs: 0, signed: 0, n: 0 }]),
  );
  for (const s of series) {
    for (let i = FIRST_PREDICTED; i < s.bills.length; i++) {
      if (!eligible(i)) continue;
      const actual = s.bills[i]!;
      for (const [name, estimate] of Object.entries(BILL_ESTIMATORS)) {
        const guess = estimate(s.bills.slice(0, i), actual.date);
        if (guess === undefined) continue;
        const score = scores.get(name)!;
        const err = (guess - actual.amountMinor) / actual.amountMinor;
        score.abs += Math.abs(err);
        score.signed += err;
        score.n++;
      }
    }
  }
  return scores;
}

/** One row per estimator: its MAPE in each source, their mean (each source counts once) and the pooled bias. */
function print(
  title: string,
  sources: readonly [string, Series[]][],
  eligible: (i: number) => boolean,
): void {
  const used = sources.filter(([, series]) => series.length > 0);
  const per = used.map(([, series]) => backtest(series, eligible));
  console.log(`\n${title}`);
  console.log(
    `| estimator | ${used.map(([label]) => label.split(',')[0]).join(' | ')} | mean of sources | bias | predictions |`,
  );
  console.log(`|---|${used.map(() => '---:|').join('')}---:|---:|---:|`);
  const rows = Object.keys(BILL_ESTIMATORS)
    .map((name) => {
      const scores = per.map((p) => p.get(name)!);
      if (scores.some((s) => s.n === 0)) return undefined;
      const mapes = scores.map((s) => s.abs / s.n);
      const n = scores.reduce((t, s) => t + s.n, 0);
      const bias = scores.reduce((t, s) => t + s.signed, 0) / n;
      return { name, mapes, mean: mapes.reduce((t, m) => t + m, 0) / mapes.length, bias, n };
    })
    .filter((r) => r !== undefined)
    .sort((a, b) => a.mean - b.mean);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const r of rows)
    console.log(`| ${r.name} | ${r.mapes.map(pct).join(' | ')} | ${pct(r.mean)} | ${pct(r.bias)} | ${r.n} |`);
}

const fixtures = fromFixtures();
const sources: [string, Series[]][] = [
  [`real statement exports (${fixtures.files} readable files)`, fixtures.series],
  ['demo household over two years, seeds 1-8', fromDemo(8)],
  [`bench generator, ${users} users over 3 years`, fromBench(users)],
];
for (const [label, series] of sources) {
  const names = [...new Set(series.map((s) => s.name))].slice(0, 6).join(', ');
  console.log(`${label}: ${series.length} variable monthly bills${names ? ` (${names}…)` : ''}`);
}
print('Under a year of bills known (3 to 11 before the one predicted)', sources, (i) => i < 12);
print('A year or more known (12 or more before)', sources, (i) => i >= 12);
