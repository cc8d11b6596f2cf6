import { describe, expect, it } from 'vitest';
import { keptPathValue, sdkPathValue } from '../../src/bot/lg-memory-paths.ts';

const data = {
  working: { period: { label: 'October 2026', grain: 'month' }, accounts: ['Chase', 'Amex'] },
  Amount: 'upper first',
  amount: 'lower second',
  rows: [{ label: 'Ralphs', share: 72 }, { label: 'Trader Joe’s' }],
  nested: { 'odd key': 1, '0': 'zero', list: [[1, 2], [3]] },
  empty: '',
  zero: 0,
  nothing: null,
  text: 'abc',
  map: new Map<string, unknown>([
    ['Alpha', 1],
    ['beta', { Gamma: 'g' }],
  ]),
};

const PATHS = [
  'working.period.label',
  'WORKING.Period.LABEL',
  'working.accounts[1]',
  'working.accounts[2]',
  'working.accounts.1',
  'working.accounts[-1]',
  'amount',
  'AMOUNT',
  'rows[0].label',
  'rows[1].share',
  'rows[5].label',
  "nested['odd key']",
  'nested["0"]',
  'nested.0',
  'nested.list[0][1]',
  'nested.list[1][0]',
  'empty.length',
  'zero.x',
  'nothing.x',
  'text.1',
  'text.length',
  'map.alpha',
  'map.Beta.gamma',
  'map.missing',
  'missing.deeper',
  'rows.length',
  'working..period..label',
];

describe('reading paths of an answer’s data', () => {
  it('reads what adaptive-expressions reads, at every kind of path, in a render and outside one', () => {
    for (const path of PATHS) {
      const expected = sdkPathValue(data, path);
      expect(keptPathValue(data, path, true), path).toEqual(expected);
      expect(keptPathValue(data, path, false), path).toEqual(expected);
    }
    expect(keptPathValue(data, 'AMOUNT', true)).toBe('upper first');
    expect(keptPathValue(data, 'rows[5].label', true)).toBeUndefined();
  });

  it('sees data changed between renders', () => {
    const changing: Record<string, unknown> = { Total: 1 };
    expect(keptPathValue(changing, 'total', true)).toBe(1);
    changing.total = 2;
    delete changing.Total;
    expect(keptPathValue(changing, 'total', true)).toBe(2);
  });
});
