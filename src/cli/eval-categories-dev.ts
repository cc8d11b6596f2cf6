/**
 * Scores development files three ways: the rules alone, the rules with the shipped learned fallback (what
 * `categorize` does), and the fallback alone. A set written after the rules and left out of the training corpus
 * says how the categoriser meets wording nobody tuned it on. It never reads the labelled reference set.
 * Usage: tsx src/cli/eval-categories-dev.ts FILE[,FILE…] [--misses]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { categorize, categorizeByRules, flowOf } from '../ingest/enrich/categorize.ts';
import { primaryOf } from '../ingest/enrich/categories.ts';
import { shippedFallback } from '../ingest/enrich/learned/fallback.ts';
import { cleanMerchant } from '../ingest/enrich/merchants.ts';
import type { AccountKind } from '../ingest/enrich/rules.ts';

const args = process.argv.slice(2);
const files = (args.find((a) => !a.startsWith('--')) ?? '').split(',').filter(Boolean);
if (files.length === 0) throw new Error('usage: eval-categories-dev.ts FILE[,FILE…] [--misses]');
const ACCOUNTS: readonly AccountKind[] = ['checking', 'savings', 'credit_card'];
const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
const fallback = shippedFallback(flowOf);

for (const file of files) {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
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
    const byRules = categorizeByRules(input).category;
    const full = categorize(input);
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
      misses.push(`    ${expected.padEnd(44)} ${full.category.padEnd(44)} ${full.source.padEnd(8)} ${description}`);
  }
  const both = (h: number[]): string => `${pct(h[0] ?? 0, rows.length)} / ${pct(h[1] ?? 0, rows.length)}`;
  console.log(`${file}: ${rows.length} rows, primary / detailed`);
  console.log(`  rules alone:    ${both(hits.rules)}`);
  console.log(`  rules+fallback: ${both(hits.full)}`);
  console.log(`  fallback alone: ${both(hits.alone)}`);
  if (args.includes('--misses')) for (const m of misses) console.log(m);
}
