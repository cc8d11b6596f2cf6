import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateQueryFile, LU_DIR, SYNONYMS_FILE } from '../../src/cli/eval-language.ts';
import { ROOT } from '../../src/config.ts';
import { readQueryCases } from '../../src/language/evaluation/query-cases.ts';
import { createUnderstanding, type Understanding } from '../../src/language/understand.ts';

/** The development questions: written for tuning the query understanding, so they guard what it learnt. */
const DEV_FILES = [
  'dev-query.jsonl',
  'dev-query-2.jsonl',
  'dev-query-3.jsonl',
  'dev-query-4.jsonl',
  'dev-query-periods.jsonl',
  'dev-query-vocab.jsonl',
  'dev-query-shapes.jsonl',
  'dev-query-kinds.jsonl',
  'dev-query-kinds-2.jsonl',
  'dev-query-kinds-3.jsonl',
  'dev-query-kinds-4.jsonl',
  'dev-query-kinds-5.jsonl',
].map((f) => join(ROOT, 'test/language/data', f));

let understanding: Understanding;
beforeAll(async () => {
  understanding = await createUnderstanding({ luDir: LU_DIR, synonymsFile: SYNONYMS_FILE });
});

describe('development questions', () => {
  it.each(DEV_FILES)('%s is understood whole-frame at 95% or better', async (file) => {
    const result = await evaluateQueryFile(understanding, file);
    expect(result.total).toBeGreaterThanOrEqual(50);
    const misses = result.misses.map((m) => `[${m.kind}] ${m.text}`).join('\n');
    expect(result.right / result.total, misses).toBeGreaterThanOrEqual(0.95);
  });

  it('every line that must ask says so with a reason', async () => {
    for (const file of DEV_FILES)
      for (const c of await readQueryCases(file)) if (c.expect.asks) expect(c.expect.why, c.t).toBeTruthy();
  });
});
