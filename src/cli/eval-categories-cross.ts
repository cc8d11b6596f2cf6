/**
 * Leave-one-set-out measure of the learned category fallback on the training corpus (`data/category-training.csv`):
 * for each hand-written set, the model is trained on the other sets and that set is scored by the rules alone, the
 * rules with the fallback, and the fallback alone. It never reads the labelled reference set.
 * Usage: tsx src/cli/eval-categories-cross.ts [--corpus FILE] [--threshold P[,P…]] [--reference]
 * `--reference` adds the merchant category codes' descriptions to every training fold (see `reference-lines.ts`).
 */
import { readFileSync } from 'node:fs';
import { crossValidate, type Hits } from '../ingest/enrich/evaluation/cross-validation.ts';
import { CONFIDENCE_THRESHOLD, readTrainingLines } from '../ingest/enrich/learned/fallback.ts';
import { referenceLines } from '../ingest/enrich/learned/reference-lines.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
};
const lines = readTrainingLines(readFileSync(option('--corpus', 'data/category-training.csv'), 'utf8'));
const thresholds = option('--threshold', String(CONFIDENCE_THRESHOLD)).split(',').map(Number);
const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
const both = (h: Hits, rows: number): string =>
  `${pct(h.primary, rows).padStart(6)} / ${pct(h.detailed, rows).padStart(6)}`;

for (const threshold of thresholds) {
  console.log(`Threshold ${threshold}: primary / detailed on each set, model trained on the others`);
  console.log(
    '  set          rows   rules alone       rules+fallback    fallback alone    defaults  taken  right',
  );
  const scores = crossValidate(lines, threshold, args.includes('--reference') ? referenceLines() : []);
  for (const s of scores)
    console.log(
      `  ${s.set.padEnd(12)} ${String(s.rows).padStart(4)}   ${both(s.rules, s.rows)}   ${both(s.rulesWithFallback, s.rows)}   ${both(s.fallbackAlone, s.rows)}   ${String(s.defaults).padStart(8)}  ${String(s.taken).padStart(5)}  ${String(s.takenRight).padStart(5)}`,
    );
  const sum = (pick: (s: (typeof scores)[number]) => number): number =>
    scores.reduce((n, s) => n + pick(s), 0);
  const rows = sum((s) => s.rows);
  const total = (pick: (s: (typeof scores)[number]) => Hits): Hits => ({
    primary: sum((s) => pick(s).primary),
    detailed: sum((s) => pick(s).detailed),
  });
  console.log(
    `  ${'all'.padEnd(12)} ${String(rows).padStart(4)}   ${both(
      total((s) => s.rules),
      rows,
    )}   ${both(
      total((s) => s.rulesWithFallback),
      rows,
    )}   ${both(
      total((s) => s.fallbackAlone),
      rows,
    )}   ${String(sum((s) => s.defaults)).padStart(8)}  ${String(sum((s) => s.taken)).padStart(5)}  ${String(sum((s) => s.takenRight)).padStart(5)}`,
  );
  const unseen = sum((s) => s.unseenNames.lines);
  const unseenTaken = sum((s) => s.unseenNames.taken);
  console.log(
    `  names no training line shares a word with: ${unseen} spending lines, ${unseenTaken} guessed at the threshold, ${pct(
      sum((s) => s.unseenNames.takenRight),
      unseenTaken,
    )} of those right`,
  );
}
