/** Rows packed by an import's reading thread come out on the writing thread exactly as they went in. */
import { describe, expect, it } from 'vitest';
import { rowPacker, rowUnpacker } from '../../src/ingest/packed-rows.ts';
import type { NewTransaction } from '../../src/store/types.ts';

function row(i: number, extra: Partial<NewTransaction> = {}): NewTransaction {
  return {
    date: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    amountMinor: i % 5 === 0 ? 250_000 : -(100 + i),
    currency: i % 7 === 0 ? 'EUR' : 'USD',
    description: `SHOP ${i % 3} #${i}`,
    merchant: `Shop ${i % 3}`,
    category: 'FOOD_AND_DRINK_GROCERIES',
    flow: i % 5 === 0 ? 'income' : 'spending',
    categorySource: 'rule',
    fingerprint: `f:202602${i}:abc${i}`,
    ...extra,
  };
}

describe('packed rows between the import threads', () => {
  it('gives back every field of every row, in order, across batches', () => {
    const pack = rowPacker();
    const unpack = rowUnpacker();
    const first = Array.from({ length: 50 }, (_, i) => row(i));
    const second = [
      row(50, { externalId: 'FITID-7', mcc: '5411', bankCategory: 'Groceries' }),
      row(51, { description: '', externalId: '' }),
      row(52, { description: 'CAFÉ ÜBER — 東京 ☕', merchant: 'Café Über' }),
    ];
    expect(unpack(pack(first))).toEqual(first);
    expect(unpack(pack(second))).toEqual(second);
  });

  it('sends a repeated word once', () => {
    const pack = rowPacker();
    const a = pack([row(1), row(2)]);
    const b = pack([row(1)]);
    expect(a.words).toContain('USD');
    expect(b.words).not.toContain('USD');
  });

  it('keeps an absent bank id, MCC or bank category absent rather than empty', () => {
    const out = rowUnpacker()(rowPacker()([row(3)]))[0];
    expect(out).not.toHaveProperty('externalId');
    expect(out).not.toHaveProperty('mcc');
    expect(out).not.toHaveProperty('bankCategory');
  });

  it('starts its word table again past the limit without mixing words up', () => {
    const pack = rowPacker();
    const unpack = rowUnpacker();
    // Every row names a merchant of its own, so the table fills and restarts several times.
    for (let b = 0; b < 70; b++) {
      const batch = Array.from({ length: 1000 }, (_, i) =>
        row(b * 1000 + i, { merchant: `M${b * 1000 + i}` }),
      );
      const out = unpack(pack(batch));
      expect(out[999]?.merchant).toBe(`M${b * 1000 + 999}`);
      expect(out[0]?.merchant).toBe(`M${b * 1000}`);
    }
  });
});
