import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluate,
  LU_DIR,
  readHeldout,
  SYNONYMS_FILE,
  type HeldoutCase,
} from '../../src/cli/eval-language.ts';
import { exampleKey, loadLuFolder } from '../../src/language/lu.ts';
import { createUnderstanding, type Understanding } from '../../src/language/understand.ts';
import { INTENTS } from '../../src/language/types.ts';

let cases: HeldoutCase[];
let understanding: Understanding;
beforeAll(async () => {
  cases = await readHeldout();
  understanding = await createUnderstanding({ luDir: LU_DIR, synonymsFile: SYNONYMS_FILE });
});

describe('held-out utterances', () => {
  it('are many, cover every intent, and none is a training example', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(new Set(cases.map((c) => c.i))).toEqual(new Set(INTENTS));
    const doc = await loadLuFolder(LU_DIR);
    const trained = new Set([...doc.intents.values()].flat().map((e) => exampleKey(e.text)));
    expect(cases.filter((c) => trained.has(exampleKey(c.t))).map((c) => c.t)).toEqual([]);
  });

  it('get the intent right at least 95% of the time and the whole frame at least 95%', () => {
    const result = evaluate(understanding, cases);
    expect(result.intentAccuracy, JSON.stringify(result.failures, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(result.frameAccuracy, JSON.stringify(result.failures, null, 1)).toBeGreaterThanOrEqual(0.95);
  });
});
