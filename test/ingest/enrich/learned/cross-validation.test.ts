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
  local: 'dev-descriptions-za-local.csv',
};
/** The sets written before the local one, whose names decide which names count as never seen. */
const FIRST_FIVE = ['everyday', 'world', 'statements', 'banks', 'channels'];

describe('the training corpus of the learned fallback', () => {
  it('holds exactly the six development sets, each under its name', () => {
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

  // Trained on the other sets and scored on the one held out, the model alone placed 89.1% of lines at the primary
  // level and 86.3% at the detailed level (4,780 lines; 89.3% and 86.2% of 4,046 before the local set); the floors
  // leave a small margin. The local set (small businesses named by their trade, few of them chains) is the hardest to
  // place from the others alone: 81.9%.
  it('places wording it was not trained on nearly nine times in ten, on its own', () => {
    const primary = scores.reduce((n, s) => n + s.fallbackAlone.primary, 0);
    const detailed = scores.reduce((n, s) => n + s.fallbackAlone.detailed, 0);
    expect(rows).toBe(4780);
    expect(primary / rows).toBeGreaterThanOrEqual(0.885);
    expect(detailed / rows).toBeGreaterThanOrEqual(0.855);
    for (const s of scores)
      expect(s.fallbackAlone.primary / s.rows).toBeGreaterThanOrEqual(s.set === 'local' ? 0.8 : 0.83);
  });

  // Of the 15 lines the fallback took, 14 were right; the one it missed ("BIDVEST MCCARTHY", a motor dealer, taken
  // for Bidvest's car rental) left "other shopping", which was no better.
  it('never makes the rules worse on a set it was not trained on', () => {
    for (const s of scores) {
      expect(s.rulesWithFallback.primary).toBeGreaterThanOrEqual(s.rules.primary);
      expect(s.rulesWithFallback.detailed).toBeGreaterThanOrEqual(s.rules.detailed);
      expect(s.rulesWithFallback.primary - s.rules.primary).toBeGreaterThanOrEqual(s.taken - s.takenRight);
    }
    const taken = scores.reduce((n, s) => n + s.taken, 0);
    expect(scores.reduce((n, s) => n + s.takenRight, 0) / taken).toBeGreaterThanOrEqual(0.8);
  });

  // Chains recur from set to set, so the figures above flatter the model on businesses nobody wrote about. Counted
  // against the first five sets' names, 343 spending lines have a name none of them shares a word with; the model took
  // 96 at 0.9 and placed 79 right (82.3%; 39 of 50, 78.0%, before the local set was written, and 70.7% before thin
  // evidence was damped and word pairs read).
  it('is right at least four times in five when it guesses a business whose name it has never seen', () => {
    const fiveSets = crossValidate(readTrainingLines(corpus), undefined, [], FIRST_FIVE);
    const taken = fiveSets.reduce((n, s) => n + s.unseenNames.taken, 0);
    const right = fiveSets.reduce((n, s) => n + s.unseenNames.takenRight, 0);
    expect(fiveSets.reduce((n, s) => n + s.unseenNames.lines, 0)).toBeGreaterThan(300);
    expect(right / taken).toBeGreaterThanOrEqual(0.8);
  });

  // Counted against every set, a name with a trade word in it is nearly always "known" (the local set holds them all),
  // so what stays unseen is a bare brand (AXXESS, BRIGHTROCK, SUPERCUTS): of 289 such lines the model took 54 and
  // placed 37 right (68.5%). The floor keeps that from sliding back.
  it('guesses a bare brand it has never seen right at least two times in three', () => {
    const unseen = scores.reduce((n, s) => n + s.unseenNames.lines, 0);
    const taken = scores.reduce((n, s) => n + s.unseenNames.taken, 0);
    const right = scores.reduce((n, s) => n + s.unseenNames.takenRight, 0);
    expect(unseen).toBeGreaterThan(250);
    expect(right / taken).toBeGreaterThanOrEqual(0.66);
  });

  it('never holds out or scores the reference lines, which only train', () => {
    const extra = referenceLines();
    const withExtra = crossValidate(readTrainingLines(corpus), undefined, extra);
    expect(withExtra.map((s) => s.set)).toEqual(Object.keys(DEV_SETS));
    expect(withExtra.reduce((n, s) => n + s.rows, 0)).toBe(rows);
  });
});
