import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedMasking, maskingKey } from '../../src/language/masked-examples-cache.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-mask-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'synonyms.csv'), 'phrase,category\ncoffee,coffee\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const inputs = [['SpendingTotal', 'how much on coffee last month', []]];
const key = (o: { today?: string; inputs?: unknown } = {}) =>
  maskingKey(o.inputs ?? inputs, {
    files: [join(dir, 'data', 'synonyms.csv')],
    dataDir: join(dir, 'data'),
    today: o.today ?? '2026-03-10',
  });

describe('masked examples kept between start-ups', () => {
  it('masks once, then reads the same examples back', () => {
    let masked = 0;
    const mask = () => {
      masked += 1;
      return [{ text: 'how much on {category} {period}', label: 'SpendingTotal' }];
    };
    const cache = join(dir, 'cache');
    const first = cachedMasking(key(), cache, mask);
    const second = cachedMasking(key(), cache, mask);
    expect(first.loaded).toBe(false);
    expect(second.loaded).toBe(true);
    expect(second.examples).toEqual(first.examples);
    expect(masked).toBe(1);
  });

  it('masks afresh when the examples, the day or a data file change', () => {
    const base = key();
    expect(key()).toBe(base);
    expect(key({ today: '2026-03-11' })).not.toBe(base);
    expect(key({ inputs: [['SpendingTotal', 'how much on tea last month', []]] })).not.toBe(base);
    writeFileSync(join(dir, 'data', 'synonyms.csv'), 'phrase,category\ntea,coffee\n');
    expect(key()).not.toBe(base);
  });

  it('masks again when the stored file is damaged', () => {
    const cache = join(dir, 'cache');
    const mask = () => [{ text: 'hi', label: 'Greeting' }];
    cachedMasking(key(), cache, mask);
    const [file] = readdirSync(cache);
    writeFileSync(join(cache, file as string), '[{"text": 3}]');
    const again = cachedMasking(key(), cache, mask);
    expect(again.loaded).toBe(false);
    expect(again.examples).toEqual([{ text: 'hi', label: 'Greeting' }]);
  });
});
