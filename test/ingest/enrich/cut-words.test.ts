/**
 * Names a bank cut short to fit its column: the topic word at the end is read whole, so the line lands where the
 * whole name would.
 */
import { describe, expect, it } from 'vitest';
import { categorize } from '../../../src/ingest/enrich/categorize.ts';
import { completedCutWord } from '../../../src/ingest/enrich/cut-words.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';

const categoryOf = (description: string, amountMinor = -15000): string =>
  categorize({ merchant: cleanMerchant(description), description, amountMinor, accountType: 'checking' })
    .category;

describe('completedCutWord', () => {
  it.each([
    ['Mooirivier Butche', 'BUTCHERY'],
    ['Jabulani Restaur', 'RESTAURANT'],
    ['Kleinfontein Apte', 'APTEEK'],
    ['Hillbrow Hardwar', 'HARDWARE'],
    ['Eastside Filling St', 'FILLING STATION'],
  ])('completes the cut last word of %s', (name, word) => {
    expect(completedCutWord(name)).toBe(word);
  });

  it.each([
    'Sunward Park Pharmacy',
    'Rustenburg Super',
    'Thabo Baker',
    'Hubbly Shisa',
    'Pharm',
    'Lerato Moto',
  ])('leaves %s alone: a whole word, a surname, or a word too short to be sure of', (name) => {
    expect(completedCutWord(name)).toBeUndefined();
  });
});

describe('categorising names the bank cut short', () => {
  it.each([
    ['POS Purchase Mooirivier Butche 485443*1234 02 Mar', 'FOOD_AND_DRINK_GROCERIES'],
    ['CARD PURCHASE MAHLANGU SUPERMA', 'FOOD_AND_DRINK_GROCERIES'],
    ['POS Purchase Jabulani Restaur 485443*1234 02 Mar', 'FOOD_AND_DRINK_RESTAURANT'],
    ['Yoco *Kleinfontein Apte', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'],
    ['POS PURCHASE LYNNWOOD VETERINA', 'MEDICAL_VETERINARY_SERVICES'],
    ['Purchase at Kempton Furnitu', 'HOME_IMPROVEMENT_FURNITURE'],
    ['POS Purchase Soweto Optomet 485443*1234 02 Mar', 'MEDICAL_EYE_CARE'],
  ])('places %s by its whole word', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it('does not turn a payment to a person whose name starts like a trade into that trade', () => {
    expect(categoryOf('FNB App Payment To Thabo Baker')).toBe('TRANSFER_OUT_ACCOUNT_TRANSFER');
  });

  it('lets a known merchant decide before any cut word is read', () => {
    expect(categoryOf('POS Purchase Checkers Restaur 485443*1234 02 Mar')).toBe('FOOD_AND_DRINK_GROCERIES');
  });
});
