import { describe, expect, it } from 'vitest';
import { lineFeatures } from '../../../../src/ingest/enrich/learned/features.ts';
import { trainNaiveBayes } from '../../../../src/ingest/enrich/learned/naive-bayes.ts';

const features = (merchant: string, direction: 'in' | 'out' = 'out'): number[] =>
  lineFeatures({ merchant, description: `POS PURCHASE ${merchant}`, direction });

const model = trainNaiveBayes([
  { label: 'BUTCHER', features: features('Karoo Butchery') },
  { label: 'BUTCHER', features: features('Meat Masters Butchers') },
  { label: 'BAKERY', features: features('Golden Crust Bakery') },
  { label: 'BAKERY', features: features('Bread Basket Bakers') },
  { label: 'CASH', features: features('Cash Express') },
]);

describe('lineFeatures', () => {
  it('ignores digits and punctuation, which say nothing about the kind of shop', () => {
    expect(features('SPAR 1234 #77')).toEqual(features('SPAR 9876'));
  });

  it('shares most letter sequences between a word and the same word cut short', () => {
    const whole = new Set(features('MOOI BUTCHERY'));
    const cut = features('MOOI BUTCHE');
    expect(cut.filter((f) => whole.has(f)).length / cut.length).toBeGreaterThan(0.8);
  });

  it('reads neighbouring words as pairs, so "MEAT MARKET" says more than "MEAT" and "MARKET" apart', () => {
    const pairs = lineFeatures({ merchant: '', description: 'MEAT MARKET', direction: 'out' });
    const apart = lineFeatures({ merchant: '', description: 'MARKET MEAT', direction: 'out' });
    expect(pairs).toHaveLength(4);
    expect(new Set(pairs)).not.toEqual(new Set(apart));
  });

  it('tells money in from money out', () => {
    expect(features('ACME', 'in')).not.toEqual(features('ACME', 'out'));
  });
});

describe('trainNaiveBayes', () => {
  it('places a name it has never seen by the letters it shares with names it has', () => {
    expect(model.predict(features('Bergville Butchry'))?.label).toBe('BUTCHER');
    expect(model.predict(features('Village Bakehouse'))?.label).toBe('BAKERY');
  });

  it('is surer of a clear name than of one that looks like two classes', () => {
    const clear = model.predict(features('Karoo Butchery Meat'))?.confidence ?? 0;
    const mixed = model.predict(features('Butchery Bakery'))?.confidence ?? 1;
    expect(clear).toBeGreaterThan(mixed);
  });

  it('keeps to the classes allowed, and counts the others against its confidence', () => {
    const cash = features('Cash Express Plus');
    const free = model.predict(cash);
    const kept = model.predict(cash, [true, true, false]);
    expect(free?.label).toBe('CASH');
    expect(kept?.label).not.toBe('CASH');
    expect(kept?.confidence ?? 1).toBeLessThan(0.5);
  });

  it('is not sure of a guess resting on a single known feature', () => {
    // One letter sequence shared with one class would be near-certain if a line's few features were scaled up to full
    // evidence; a thin line stays below the fallback's 0.9.
    const thin = model.predict([...features('Karoo Butchery')].slice(0, 1));
    expect(thin?.confidence ?? 0).toBeLessThan(0.9);
  });

  it('makes no guess from features it has never seen', () => {
    expect(model.predict([123_456_789])).toBeUndefined();
  });
});
