/**
 * Scores the language layer. First the frozen held-out questions (`heldout-query.jsonl`, never tuned on):
 * whole-frame accuracy overall and per kind. Then the older utterances (`heldout.jsonl`, used for tuning, so
 * no longer held out): accuracy per intent. Always exits 0: it measures, it does not gate.
 * `npm run eval:language [-- --bayes] [-- --verbose] [-- --kind exclusion] [-- --verbose-older]`;
 * `-- --dev [file]` scores only the development questions (`dev-query.jsonl`) and prints every miss.
 * (see docs/language-evaluation.md)
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { createUnderstanding, type Understanding } from '../language/understand.ts';
import type { Frame, UserVocabulary } from '../language/types.ts';
import { readQueryCases, readTaxonomy } from '../language/evaluation/query-cases.ts';
import { evaluateQueries, type QueryEvalResult } from '../language/evaluation/query-score.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HELDOUT_FILE = join(ROOT, 'test/language/data/heldout.jsonl');
export const LU_DIR = join(ROOT, 'dialogs');
export const SYNONYMS_FILE = join(ROOT, 'data/category-synonyms.csv');
/** The frozen held-out questions; their SHA-256 is in docs/language-evaluation.md. */
export const HELDOUT_QUERY_FILE = join(ROOT, 'test/language/data/heldout-query.jsonl');
/** Development questions in the same format, for tuning: same user and day as the frozen set. */
export const DEV_QUERY_FILE = join(ROOT, 'test/language/data/dev-query.jsonl');
export const CATEGORIES_FILE = join(ROOT, 'data/categories.csv');
/** The day every held-out period is resolved against. */
export const HELDOUT_TODAY = '2026-03-10';

/** The user whose data the held-out utterances talk about. */
export const HELDOUT_VOCABULARY: UserVocabulary = {
  merchants: [
    'Starbucks',
    'Amazon',
    'Uber',
    'Whole Foods Market',
    "Trader Joe's",
    'Netflix',
    'Spotify',
    'Shell',
    'Blue Bottle Coffee',
    'Oakwood Apartments',
  ],
  accounts: [
    { id: 1, name: 'Chase Checking', type: 'checking', institution: 'Chase' },
    { id: 2, name: 'Chase Sapphire', type: 'credit_card', institution: 'Chase' },
    { id: 3, name: 'Amex Gold', type: 'credit_card', institution: 'American Express' },
    { id: 4, name: 'Capital One Quicksilver', type: 'credit_card', institution: 'Capital One' },
  ],
};

/**
 * The user the frozen held-out questions talk about: the older user plus British shops and accounts, more
 * card-and-fuel merchants, a payroll payer and a freelance client (`Costa Coffee` is here and `Costco` is
 * not, so "costco" must come back unknown rather than matched).
 */
export const HELDOUT_QUERY_VOCABULARY: UserVocabulary = {
  merchants: [
    ...HELDOUT_VOCABULARY.merchants,
    'Chevron',
    'Best Buy',
    'Shake Shack',
    'Tesco',
    'Pret A Manger',
    "Sainsbury's",
    'Costa Coffee',
    'Target',
    'Apple',
    'Deliveroo',
    'Lyft',
    'Chipotle',
    'Home Depot',
    'Airbnb',
    'Acme Corp',
    'Upwork',
  ],
  accounts: [
    ...HELDOUT_VOCABULARY.accounts,
    { id: 5, name: 'Barclays Current Account', type: 'checking', institution: 'Barclays' },
    { id: 6, name: 'Monzo', type: 'checking', institution: 'Monzo' },
    { id: 7, name: 'Ally Savings', type: 'savings', institution: 'Ally' },
  ],
};

/** One held-out line: text, intent and every entity expected (absent = none). */
export interface HeldoutCase {
  t: string;
  i: string;
  cat?: string[];
  mer?: string[];
  acc?: string[];
  per?: [string, string][];
  amt?: { min?: number; max?: number };
  top?: number;
  by?: string;
  tog?: boolean;
  corr?: { m: string; cat: string };
  amb?: { kind: string; options: string[] };
}

export async function readHeldout(file = HELDOUT_FILE): Promise<HeldoutCase[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as HeldoutCase);
}

/** The frame reduced to what a held-out label states, in a canonical form for comparison. */
export function comparable(frame: Frame, vocabulary: UserVocabulary): string {
  const name = (id: number): string => vocabulary.accounts.find((a) => a.id === id)?.name ?? String(id);
  return JSON.stringify({
    i: frame.intent,
    cat: frame.categories.map((c) => c.key).sort(),
    mer: [...frame.merchants].sort(),
    acc: frame.accounts.map(name).sort(),
    per: frame.periods.map((p) => [p.start, p.end]),
    amt: frame.amount ? { min: frame.amount.minMinor, max: frame.amount.maxMinor } : undefined,
    top: frame.top,
    by: frame.groupBy,
    tog: frame.toggle,
    corr: frame.correction
      ? { m: frame.correction.merchantText.toLowerCase(), cat: frame.correction.category.key }
      : undefined,
    amb: frame.ambiguous
      ? { kind: frame.ambiguous.kind, options: [...frame.ambiguous.options].sort() }
      : undefined,
  });
}

export function expected(c: HeldoutCase): string {
  return JSON.stringify({
    i: c.i,
    cat: [...(c.cat ?? [])].sort(),
    mer: [...(c.mer ?? [])].sort(),
    acc: [...(c.acc ?? [])].sort(),
    per: c.per ?? [],
    amt: c.amt ? { min: c.amt.min, max: c.amt.max } : undefined,
    top: c.top,
    by: c.by,
    tog: c.tog,
    corr: c.corr ? { m: c.corr.m, cat: c.corr.cat } : undefined,
    amb: c.amb ? { kind: c.amb.kind, options: [...c.amb.options].sort() } : undefined,
  });
}

export interface EvalResult {
  total: number;
  intentAccuracy: number;
  frameAccuracy: number;
  perIntent: Map<string, { total: number; correct: number; frames: number }>;
  failures: { text: string; expected: string; got: string }[];
  /** Mean milliseconds per understand() call. */
  msPerUtterance: number;
}

/** Runs every held-out case through the understanding. */
export function evaluate(understanding: Understanding, cases: readonly HeldoutCase[]): EvalResult {
  const perIntent = new Map<string, { total: number; correct: number; frames: number }>();
  const failures: EvalResult['failures'] = [];
  let intents = 0;
  let frames = 0;
  const started = performance.now();
  for (const c of cases) {
    const frame = understanding.understand(c.t, HELDOUT_TODAY, HELDOUT_VOCABULARY);
    const got = comparable(frame, HELDOUT_VOCABULARY);
    const want = expected(c);
    const row = perIntent.get(c.i) ?? { total: 0, correct: 0, frames: 0 };
    perIntent.set(c.i, row);
    row.total++;
    if (frame.intent === c.i) {
      row.correct++;
      intents++;
    }
    if (got === want) {
      row.frames++;
      frames++;
    } else failures.push({ text: c.t, expected: want, got });
  }
  const elapsed = performance.now() - started;
  return {
    total: cases.length,
    intentAccuracy: intents / cases.length,
    frameAccuracy: frames / cases.length,
    perIntent,
    failures,
    msPerUtterance: elapsed / cases.length,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Scores the frozen held-out questions with their own user and day. */
export async function evaluateHeldoutQueries(understanding: Understanding): Promise<QueryEvalResult> {
  return evaluateQueryFile(understanding, HELDOUT_QUERY_FILE);
}

/** Scores a file of whole questions in the held-out format, with the held-out user and day. */
export async function evaluateQueryFile(
  understanding: Understanding,
  file: string,
): Promise<QueryEvalResult> {
  const [cases, taxonomy] = await Promise.all([readQueryCases(file), readTaxonomy(CATEGORIES_FILE)]);
  return evaluateQueries(understanding, cases, {
    taxonomy,
    vocabulary: HELDOUT_QUERY_VOCABULARY,
    today: HELDOUT_TODAY,
  });
}

function printQueries(
  result: QueryEvalResult,
  args: readonly string[],
  title = 'held-out questions (frozen)',
): void {
  console.log(`${title}: ${result.total}`);
  console.log('kind'.padEnd(18), 'n'.padStart(4), 'frame'.padStart(8), 'query'.padStart(8));
  for (const [kind, row] of [...result.perKind].sort()) {
    console.log(
      kind.padEnd(18),
      String(row.total).padStart(4),
      pct(row.right / row.total).padStart(8),
      pct(row.queryRight / row.total).padStart(8),
    );
  }
  console.log(
    `whole-frame accuracy ${pct(result.right / result.total)} (${result.right}/${result.total}); ` +
      `query right whatever the intent ${pct(result.queryRight / result.total)}; ` +
      `${result.msPerUtterance.toFixed(3)} ms per question`,
  );
  const only = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : undefined;
  if (args.includes('--verbose') || only)
    for (const m of result.misses.filter((x) => !only || x.kind === only))
      console.log(`\n[${m.kind}] ${m.text}\n  want ${m.want}\n  got  ${m.got}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const understanding = await createUnderstanding({
    luDir: LU_DIR,
    synonymsFile: SYNONYMS_FILE,
    classifier: args.includes('--bayes') ? 'bayes' : 'logistic',
  });
  const devArg = args[args.indexOf('--dev') + 1];
  const dev = args.includes('--dev')
    ? devArg && !devArg.startsWith('--')
      ? devArg
      : DEV_QUERY_FILE
    : undefined;
  if (dev) {
    // Development questions: written for tuning, so every miss is printed.
    printQueries(await evaluateQueryFile(understanding, resolve(dev)), ['--verbose'], 'development');
    return;
  }
  printQueries(await evaluateHeldoutQueries(understanding), args);
  console.log('');
  const cases = await readHeldout();
  evaluate(understanding, cases.slice(0, 20));
  const result = evaluate(understanding, cases);
  console.log(
    `older utterances (used for tuning): ${result.total}  (.lu problems: ${understanding.problems.length})`,
  );
  console.log('intent'.padEnd(18), 'n'.padStart(4), 'intent'.padStart(8), 'frame'.padStart(8));
  for (const [intent, row] of [...result.perIntent].sort()) {
    console.log(
      intent.padEnd(18),
      String(row.total).padStart(4),
      pct(row.correct / row.total).padStart(8),
      pct(row.frames / row.total).padStart(8),
    );
  }
  console.log(`intent accuracy ${pct(result.intentAccuracy)}, frame accuracy ${pct(result.frameAccuracy)}`);
  const masked = cases.map((c) => c.t);
  const t0 = performance.now();
  for (let r = 0; r < 10; r++) for (const m of masked) understanding.classifyMasked(m);
  const classifyMs = (performance.now() - t0) / (10 * masked.length);
  console.log(
    `start-up ${understanding.trainMs.toFixed(0)} ms (classifier fit ${understanding.fitMs.toFixed(0)} ms)`,
  );
  console.log(
    `classify ${classifyMs.toFixed(3)} ms, whole understand() ${result.msPerUtterance.toFixed(3)} ms per utterance`,
  );
  if (args.includes('--verbose-older'))
    for (const f of result.failures) console.log(`\n${f.text}\n  want ${f.expected}\n  got  ${f.got}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
