/**
 * Scores development files three ways: the rules alone, the rules with the shipped learned fallback (what
 * `categorize` does), and the fallback alone. A set written after the rules and left out of the training corpus
 * says how the categoriser meets wording nobody tuned it on. It never reads the labelled reference set.
 * Usage: tsx src/cli/eval-categories-dev.ts FILE[,FILE…] [--threshold P] [--corpus FILE] [--reference] [--misses]
 * The fallback is trained on the corpus (default `data/category-training.csv`), as shipped; `--reference` adds the
 * merchant category codes' descriptions.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { categorizeByRules, flowOf, withLearnedFallback } from '../ingest/enrich/categorize.ts';
import { primaryOf } from '../ingest/enrich/categories.ts';
import { CONFIDENCE_THRESHOLD, readTrainingLines, trainFallback } from '../ingest/enrich/learned/fallback.ts';
import { referenceLines } from '../ingest/enrich/learned/reference-lines.ts';
import { cleanMerchant } from '../ingest/enrich/merchants.ts';
import type { AccountKind } from '../ingest/enrich/rules.ts';

const args = process.argv.slice(2);
const files = (args[0] ?? '').split(',').filter(Boolean);
if (files.length === 0) throw new Error('usage: eval-categories-dev.ts FILE[,FILE…] [--misses]');
const ACCOUNTS: readonly AccountKind[] = ['checking', 'savings', 'credit_card'];
const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
const option = (name: string, otherwise: string): string => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : otherwise;
};
const corpus = readTrainingLines(readFileSync(option('--corpus', 'data/category-training.csv'), 'utf8'));
const threshold = Number(option('--threshold', String(CONFIDENCE_THRESHOLD)));
const fallback = trainFallback(
  [...corpus, ...(args.includes('--reference') ? referenceLines() : [])],
  flowOf,
  threshold,
);

for (const file of files) {
  const rows = parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Record<string, string>[];
  const hits = { rules: [0, 0], full: [0, 0], alone: [0, 0] };
  const tally = (h: number[], got: string, want: string): void => {
    if (primaryOf(got) === primaryOf(want)) h[0] = (h[0] ?? 0) + 1;
    if (got === want) h[1] = (h[1] ?? 0) + 1;
  };
  const misses: string[] = [];
  for (const row of rows) {
    const description = row.description ?? '';
    const expected = row.category ?? '';
    const amountMinor = (row.amount ?? '').trim().startsWith('-') ? -100 : 100;
    const accountType = ACCOUNTS.find((a) => a === row.account);
    const merchant = cleanMerchant(description);
    const input = { merchant, description, amountMinor, accountType };
    const rules = categorizeByRules(input);
    const byRules = rules.category;
    const full = withLearnedFallback(rules, input, amountMinor < 0 ? 'out' : 'in', fallback);
    const alone = fallback.best({
      merchant,
      description,
      direction: amountMinor < 0 ? 'out' : 'in',
      account: row.account,
    });
    tally(hits.rules, byRules, expected);
    tally(hits.full, full.category, expected);
    tally(hits.alone, alone?.label ?? byRules, expected);
    if (full.category !== expected)
      misses.push(
        `    ${expected.padEnd(44)} ${full.category.padEnd(44)} ${full.source.padEnd(8)} ${description}`,
      );
  }
  const both = (h: number[]): string => `${pct(h[0] ?? 0, rows.length)} / ${pct(h[1] ?? 0, rows.length)}`;
  console.log(`${file}: ${rows.length} rows, primary / detailed`);
  console.log(`  rules alone:    ${both(hits.rules)}`);
  console.log(`  rules+fallback: ${both(hits.full)}`);
  console.log(`  fallback alone: ${both(hits.alone)}`);
  if (args.includes('--misses')) for (const m of misses) console.log(m);
}
