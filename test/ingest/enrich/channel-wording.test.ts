/**
 * South African card and payment channels print their own words before the payee (tap-to-pay, cheque-card and
 * local card purchases, QR and instant-payment rails, gateway codes before a star). The payee after them is what
 * decides the category; the channel only says how the money moved.
 */
import { describe, expect, it } from 'vitest';
import { categorize } from '../../../src/ingest/enrich/categorize.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';

const categoryOf = (description: string, amountMinor = -25_000): string =>
  categorize({ merchant: cleanMerchant(description), description, amountMinor, accountType: 'checking' })
    .category;

describe('South African channel wording', () => {
  it.each([
    ['Contactless Dr P Mahlangu Soshanguve Card 4410', 'MEDICAL_PRIMARY_CARE'],
    ['CHQ CARD PUR DR A PILLAY 12 MAR 554120', 'MEDICAL_PRIMARY_CARE'],
    ['POS DR K BOTHA INC', 'MEDICAL_PRIMARY_CARE'],
  ])('finds a doctor behind card wording: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it.each([
    ['Contactless Engen Witbank Card 0921', 'Engen'],
    ['CHEQUE CARD PURCHASE Clicks Hatfield', 'Clicks'],
    ['LOCAL CARD PURCHASE: Woolworths Brooklyn', 'Woolworths'],
    ['IKHOKHA*MAMA THANDI KITCHEN', 'Mama Thandi Kitchen'],
    ['SNAPSCAN*LEBO HAIR STUDIO', 'Lebo Hair Studio'],
  ])('names the payee, not the channel: %s', (description, name) => {
    expect(cleanMerchant(description)).toBe(name);
  });

  it.each([
    ['PAYSHAP PURCHASE DUNE FASHION 7HQ2K', 'GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES'],
    ['PAYSHAP PUR KASI BUTCHERY', 'FOOD_AND_DRINK_GROCERIES'],
  ])('keeps a purchase paid by PayShap a purchase: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it.each(['PAYSHAP PAYMENT TO N ZULU', 'PAYSHAP TO 0831234567'])(
    'keeps money sent to a person by PayShap a transfer: %s',
    (description) => {
      expect(categoryOf(description)).toBe('TRANSFER_OUT_ACCOUNT_TRANSFER');
    },
  );

  it.each(['INT ON CR BAL', 'INT ON CREDIT BALANCE', 'INTEREST ON CR BAL'])(
    'takes interest on a credit balance for interest earned: %s',
    (description) => {
      expect(categoryOf(description, 412)).toBe('INCOME_INTEREST_EARNED');
    },
  );

  it.each([
    ['IKHOKHA*LULUBEAUTYSTUDIO', 'PERSONAL_CARE_HAIR_AND_BEAUTY'],
    ['YOCO *BLUEBELL NAILS', 'PERSONAL_CARE_HAIR_AND_BEAUTY'],
    ['LUBE CITY TZANEEN', 'GENERAL_SERVICES_AUTOMOTIVE'],
  ])('reads a trade word only where a word starts: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });
});
