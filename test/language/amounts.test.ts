import { describe, expect, it } from 'vitest';
import { findAmountRange, findAmounts, findTopN } from '../../src/language/amounts.ts';

describe('findAmountRange', () => {
  it.each([
    ['over $50', { minMinor: 5001, currency: 'USD' }],
    ['more than 100 dollars', { minMinor: 10001, currency: 'USD' }],
    ['above 20', { minMinor: 2001 }],
    ['between $10 and $50', { minMinor: 1000, maxMinor: 5000, currency: 'USD' }],
    ['$10-$50', { minMinor: 1000, maxMinor: 5000, currency: 'USD' }],
    ['at least 75 bucks', { minMinor: 7500, currency: 'USD' }],
    ['under £20', { maxMinor: 1999, currency: 'GBP' }],
    ['less than €15', { maxMinor: 1499, currency: 'EUR' }],
    ['the $1,200.50 payment', { minMinor: 120050, maxMinor: 120050, currency: 'USD' }],
    ['at most 30', { maxMinor: 3000 }],
    ['exactly $9.99', { minMinor: 999, maxMinor: 999, currency: 'USD' }],
    ['more than ¥500', { minMinor: 501, currency: 'JPY' }],
    ['over 1.5k', { minMinor: 150001 }],
    ['$50 or more', { minMinor: 5000, currency: 'USD' }],
    ['20 bucks or less', { maxMinor: 2000, currency: 'USD' }],
    ['£100+', { minMinor: 10000, currency: 'GBP' }],
    ['over a hundred dollars', { minMinor: 10001, currency: 'USD' }],
    ['under twenty quid', { maxMinor: 1999, currency: 'GBP' }],
    ['more than fifty five bucks', { minMinor: 5501, currency: 'USD' }],
  ])('reads "%s"', (text, range) => {
    expect(findAmountRange(text)?.range).toEqual(range);
  });

  it('points at the words it read', () => {
    const text = 'Coffee over $50 last month';
    const found = findAmountRange(text)!;
    expect(text.slice(found.index, found.index + found.length)).toBe('over $50');
  });

  it.each([
    'jan 5',
    'spending over 3 months',
    'between 1 and 15 october',
    'top 5 merchants',
    'more than 2 times',
  ])('finds no amount in "%s"', (text) => {
    expect(findAmountRange(text)).toBeUndefined();
  });
});

describe('findAmounts', () => {
  it('lists amounts written with a currency', () => {
    expect(findAmounts('paid $12.50 and 20 bucks, not 30').map((a) => [a.minor, a.currency])).toEqual([
      [1250, 'USD'],
      [2000, 'USD'],
    ]);
  });
});

describe('amounts in rand', () => {
  it('reads R500, R 500 and 300 rand as rand, and no rand inside a word', () => {
    expect(findAmounts('over R500, under r 1,200 or 300 rand').map((a) => [a.minor, a.currency])).toEqual([
      [50000, 'ZAR'],
      [120000, 'ZAR'],
      [30000, 'ZAR'],
    ]);
    expect(findAmountRange('anything over R 500')?.range).toEqual({ minMinor: 50001, currency: 'ZAR' });
    expect(findAmounts('for 500 or fr500')).toEqual([]);
  });
});

describe('findTopN', () => {
  it.each([
    ['top 5', 5],
    ['top ten', 10],
    ['my 3 biggest', 3],
    ['5 largest purchases', 5],
    ['top three merchants', 3],
  ])('reads "%s"', (text, n) => {
    expect(findTopN(text)?.n).toBe(n);
  });

  it.each(['top merchants in 2025', 'jan 5 biggest', 'top $50', 'spent 2025 dollars'])(
    'finds no count in "%s"',
    (text) => {
      expect(findTopN(text)).toBeUndefined();
    },
  );
});
