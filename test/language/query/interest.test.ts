/** "Interest" is what the person earned unless the words say they paid it: then it is the interest charged. */
import { beforeAll, describe, expect, it } from 'vitest';
import { framer } from './helpers.ts';
import type { Frame } from '../../../src/language/types.ts';

let frame: (text: string) => Frame;
beforeAll(async () => {
  frame = await framer();
});

const read = (text: string) => {
  const u = frame(text).understood;
  return {
    codes: u?.query.filters.include.categories.flatMap((c) => c.codes),
    measure: u?.query.measure.kind,
  };
};

describe('interest', () => {
  it.each([
    'how much interest did i pay last month',
    'interest i paid on the amex in january',
    'what did the card charge me in interest',
    'how much has interest cost me this year',
    'interest charges in february',
    'finance charges on my discover',
  ])('"%s" is interest charged, spent', (text) => {
    expect(read(text)).toEqual({ codes: ['BANK_FEES_INTEREST_CHARGE'], measure: 'spent' });
  });

  it.each([
    'how much interest did i earn last year',
    'interest on my ally savings in january',
    'how much interest did my savings pay me',
    'what interest have i received since january',
  ])('"%s" is interest earned, received', (text) => {
    expect(read(text)).toEqual({ codes: ['INCOME_INTEREST_EARNED'], measure: 'received' });
  });
});
