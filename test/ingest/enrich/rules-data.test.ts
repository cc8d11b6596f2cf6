import { describe, expect, it } from 'vitest';
import { readDataCsv } from '../../../src/ingest/enrich/data-files.ts';

/** Literal runs of four or more digits in a regular expression, quantifiers and escapes aside. */
const literalNumbers = (pattern: string): string[] =>
  pattern
    .replace(/\\./g, '')
    .replace(/\{\d+(,\d*)?\}/g, '')
    .match(/\d{4,}/g) ?? [];

describe('rule files', () => {
  // categorize() caches by the descriptor with every such run turned into zeros, which is sound only while this holds.
  it('name no literal number of four or more digits', () => {
    const found = [
      ...readDataCsv('merchants.csv').flatMap((r) => (r.pattern ?? '').match(/\d{4,}/g) ?? []),
      ...readDataCsv('keyword-rules.csv').flatMap((r) => literalNumbers(r.pattern ?? '')),
      ...readDataCsv('merchant-cleanup.csv').flatMap((r) => literalNumbers(r.pattern ?? '')),
    ];
    expect(found).toEqual([]);
  });

  it('give every keyword rule a known stage and a pattern that compiles', () => {
    for (const r of readDataCsv('keyword-rules.csv')) {
      expect(['first', 'kind', 'middle', 'last']).toContain(r.stage);
      expect(() => new RegExp(r.pattern ?? '', 'i')).not.toThrow();
    }
  });

  it('keep one row per merchant pattern', () => {
    const keys = readDataCsv('merchants.csv').map((r) =>
      (r.pattern ?? '')
        .toUpperCase()
        .replace(/['’`]/g, '')
        .replace(/@/g, ' AT ')
        .replace(/[^A-Z0-9&]+/g, ' ')
        .trim(),
    );
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
