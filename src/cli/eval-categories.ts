/**
 * Prints how well merchant clean-up and categorisation do: accuracy on the labelled set of real descriptors
 * (a measure only: rules are never tuned on it), on the hand-written development descriptors (what the rules
 * are tuned on), and throughput.
 * Usage: tsx src/cli/eval-categories.ts [--labelled FILE] [--dev FILE[,FILE…]] [--misses]
 * `--misses` lists the development descriptors that land elsewhere than expected.
 * The default development files are the South African, UK and US descriptors and the further set from many banks
 * and countries (US, UK, South Africa, the EU), and a third set with a strong South African share (payment gateways, debit
 * orders, airtime, municipal accounts, medical aids) and lines from many other countries, and a fourth in the export
 * wording of South African banks with shares from the UK, Australia, India and the US, a fifth in South African
 * card, gateway and debit-order wording, and a sixth to small and local South African businesses.
 */
import { readFileSync } from 'node:fs';
import { scoreDevelopment } from '../ingest/enrich/evaluation/development.ts';
import { scoreLabelled } from '../ingest/enrich/evaluation/labelled.ts';
import { distinctDescriptors, rowsPerSecond } from '../ingest/enrich/evaluation/throughput.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
};
const labelledPath = option('--labelled', 'test/fixtures/reference/labelled_descriptions_za.csv');
const devPaths = option(
  '--dev',
  'test/ingest/enrich/fixtures/dev-descriptions.csv,test/ingest/enrich/fixtures/dev-descriptions-world.csv,test/ingest/enrich/fixtures/dev-descriptions-statements.csv,test/ingest/enrich/fixtures/dev-descriptions-banks.csv,test/ingest/enrich/fixtures/dev-descriptions-za-channels.csv,test/ingest/enrich/fixtures/dev-descriptions-za-local.csv',
).split(',');
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

for (const devPath of devPaths) {
  const dev = scoreDevelopment(readFileSync(devPath, 'utf8'));
  console.log(`Development descriptors (${devPath}): ${dev.rows} rows`);
  console.log(`  primary level:  ${pct(dev.primaryHits, dev.rows)} (${dev.primaryHits}/${dev.rows})`);
  console.log(`  detailed level: ${pct(dev.detailedHits, dev.rows)} (${dev.detailedHits}/${dev.rows})`);
  if (args.includes('--misses'))
    for (const m of dev.misses)
      console.log(`    ${m.expected.padEnd(46)} ${m.actual.padEnd(46)} ${m.description}`);
}

// Throughput: distinct descriptors (every row misses the cache) and a realistic mix (repeats hit it).
const distinct = distinctDescriptors(200_000);
const repeated = Array.from({ length: 1_000_000 }, (_, i) => distinct[i % 2_000] as string);
const cold = rowsPerSecond(distinct);
const warm = rowsPerSecond(repeated);
console.log(
  `Throughput (cleanMerchant + categorize): ${Math.round(cold).toLocaleString('en-US')} rows/s all-distinct, ${Math.round(warm).toLocaleString('en-US')} rows/s with repeats`,
);
