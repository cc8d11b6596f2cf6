import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../../../src/ingest/enrich/evaluation/cross-validation.ts';
import { readTrainingLines } from '../../../../src/ingest/enrich/learned/fallback.ts';
import { referenceLines } from '../../../../src/ingest/enrich/learned/reference-lines.ts';

const read = (url: URL): string => readFileSync(url, 'utf8');
const corpus = read(new URL('../../../../data/category-training.csv', import.meta.url));
const DEV_SETS = {
  everyday: 'dev-descriptions.csv',
  world: 'dev-descriptions-world.csv',
  statements: 'dev-descriptions-statements.csv',
  banks: 'dev-descriptions-banks.csv',
  channels: 'dev-descriptions-za-channels.csv',
};

describe('the training corpus of the learned fallback', () => {
  it('holds exactly the five development sets, each under its name', () => {
    const rows = parse(corpus, { columns: true, bom: true }) as Record<string, string>[];
    for (const [set, file] of Object.entries(DEV_SETS)) {
      const dev = parse(read(new URL(`../fixtures/${file}`, import.meta.url)), {
        columns: true,
        bom: true,
      }) as Record<string, string>[];
      const held = rows.filter((r) => r.set === set).map(({ set: _set, ...rest }) => rest);
      expect(held).toEqual(dev);
    }
    expect(new Set(rows.map((r) => r.set))).toEqual(new Set(Object.keys(DEV_SETS)));
  });
});

describe('leave-one-set-out measure of the learned fallback', () => {
  const scores = crossValidate(readTrainingLines(corpus));
  const rows = scores.reduce((n, s) => n + s.rows, 0);

  // Trained on four sets and scored on the fifth, the model alone placed 89.3% of lines at the primary level and
  // 86.2% at the detailed level (4,046 lines); the floors leave a small margin.
  it('places wording it was not trained on nearly nine times in ten, on its own', () => {
    const primary = scores.reduce((n, s) => n + s.fallbackAlone.primary, 0);
    const detailed = scores.reduce((n, s) => n + s.fallbackAlone.detailed, 0);
    expect(rows).toBe(4046);
    expect(primary / rows).toBeGreaterThanOrEqual(0.885);
    expect(detailed / rows).toBeGreaterThanOrEqual(0.855);
    for (const s of scores) expect(s.fallbackAlone.primary / s.rows).toBeGreaterThanOrEqual(0.83);
  });

  // Of the 7 lines the fallback took, 6 were right; the one it missed ("MAGTAPE DEBIT RAPID FINANCE": a car or a
  // personal loan?) stayed a loan repayment, so no guess moved a line to another primary category.
  it('never makes the rules worse on a set it was not trained on', () => {
    for (const s of scores) {
      expect(s.rulesWithFallback.primary).toBeGreaterThanOrEqual(s.rules.primary);
      expect(s.rulesWithFallback.detailed).toBeGreaterThanOrEqual(s.rules.detailed);
      expect(s.rulesWithFallback.primary - s.rules.primary).toBeGreaterThanOrEqual(s.taken - s.takenRight);
    }
    const taken = scores.reduce((n, s) => n + s.taken, 0);
    expect(scores.reduce((n, s) => n + s.takenRight, 0) / taken).toBeGreaterThanOrEqual(0.8);
  });

  // Chains recur from set to set, so the figures above flatter the model on businesses nobody wrote about. On the 277
  // spending lines whose clean name shares no word with the training sets, it took 50 at 0.9 and placed 39 right
  // (78.0%; 70.7% before thin evidence was damped and word pairs read). The floor keeps that from sliding back.
  it('is right at least three times in four when it guesses a business whose name it has never seen', () => {
    const unseen = scores.reduce((n, s) => n + s.unseenNames.lines, 0);
    const taken = scores.reduce((n, s) => n + s.unseenNames.taken, 0);
    const right = scores.reduce((n, s) => n + s.unseenNames.takenRight, 0);
    expect(unseen).toBeGreaterThan(250);
    expect(right / taken).toBeGreaterThanOrEqual(0.75);
  });

  it('never holds out or scores the reference lines, which only train', () => {
    const extra = referenceLines();
    const withExtra = crossValidate(readTrainingLines(corpus), undefined, extra);
    expect(withExtra.map((s) => s.set)).toEqual(Object.keys(DEV_SETS));
    expect(withExtra.reduce((n, s) => n + s.rows, 0)).toBe(rows);
  });
});
