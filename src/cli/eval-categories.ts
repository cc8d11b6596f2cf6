/**
 * Prints how well merchant clean-up and categorisation do: accuracy on a labelled set of real
 * descriptors, the acceptance questions that depend on categories, and throughput.
 * Usage: tsx src/cli/eval-categories.ts [--labelled FILE] [--acceptance DIR] [--misses]
 */
import { existsSync, readFileSync } from 'node:fs';
import { categorize } from '../ingest/enrich/categorize.ts';
import { checkAcceptance } from '../ingest/enrich/evaluation/acceptance-questions.ts';
import { scoreLabelled } from '../ingest/enrich/evaluation/labelled.ts';
import { cleanMerchant } from '../ingest/enrich/merchants.ts';
import { sharedDir } from './shared-dir.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
};
const labelledPath = option('--labelled', 'test/fixtures/reference/labelled_descriptions_za.csv');
const acceptanceDir = option('--acceptance', process.env.TALLY_ACCEPTANCE_DIR ?? sharedDir('acceptance'));
const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

const labelled = scoreLabelled(readFileSync(labelledPath, 'utf8'));
console.log(
  `Labelled set (${labelledPath}): ${labelled.scored} rows scored, ${labelled.skipped} without a taxonomy counterpart`,
);
console.log(
  `  primary level: ${pct(labelled.primaryHits, labelled.scored)} (${labelled.primaryHits}/${labelled.scored})`,
);
console.log(
  `  label level:   ${pct(labelled.labelHits, labelled.scored)} (${labelled.labelHits}/${labelled.scored})`,
);
if (args.includes('--misses'))
  for (const m of labelled.misses)
    console.log(`    ${m.label.padEnd(24)} ${m.predicted.padEnd(48)} ${m.description}`);

if (existsSync(acceptanceDir)) {
  const results = checkAcceptance(acceptanceDir);
  const passed = results.filter((r) => r.ok).length;
  console.log(
    `Acceptance category questions (${acceptanceDir}): ${passed}/${results.length} reproduce truth.json`,
  );
  for (const r of results)
    console.log(
      `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.id.padEnd(26)} expected ${r.expected.join(', ').padEnd(18)} got ${r.actual.join(', ')}`,
    );
} else {
  console.log(`Acceptance set not found at ${acceptanceDir}; skipped.`);
}

// Throughput: distinct descriptors (every row misses the cache) and a realistic mix (repeats hit it).
const seeds = [
  'STARBUCKS STORE',
  'SQ *BLUE BOTTLE COFFEE',
  'SAFEWAY #',
  'CORNER BAKERY #',
  'PURCHASE AUTHORIZED ON 12/04 JOES DINER',
  'UBER *TRIP',
  'SHELL OIL',
  'ACME PAYROLL PPD ID:',
];
const distinct = Array.from({ length: 200_000 }, (_, i) => `${seeds[i % seeds.length]}${i} SAN FRANCISCO CA`);
const repeated = Array.from({ length: 1_000_000 }, (_, i) => distinct[i % 2_000] as string);
function run(descriptors: string[]): number {
  const started = performance.now();
  for (let i = 0; i < descriptors.length; i++) {
    const description = descriptors[i] as string;
    categorize({
      merchant: cleanMerchant(description),
      description,
      amountMinor: i % 7 === 0 ? 1250 : -1250,
      accountType: 'checking',
    });
  }
  return descriptors.length / ((performance.now() - started) / 1000);
}
const cold = run(distinct);
const warm = run(repeated);
console.log(
  `Throughput (cleanMerchant + categorize): ${Math.round(cold).toLocaleString('en-US')} rows/s all-distinct, ${Math.round(warm).toLocaleString('en-US')} rows/s with repeats`,
);
