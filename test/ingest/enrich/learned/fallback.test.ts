import { describe, expect, it } from 'vitest';
import {
  type CategorizeInput,
  categorize,
  categorizeByRules,
} from '../../../../src/ingest/enrich/categorize.ts';
import { cleanMerchant } from '../../../../src/ingest/enrich/merchants.ts';

const line = (description: string, amountMinor: number): CategorizeInput => ({
  merchant: cleanMerchant(description),
  description,
  amountMinor,
  accountType: 'checking',
});

describe('the learned category fallback', () => {
  it.each([
    ['POS PURCHASE CLICKSS ROSEBANK', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'],
    ['UNITED 0169912345 CHICAGO IL', 'TRAVEL_FLIGHTS'],
    ['POS PURCHASE SANDTON CITY PARK 2231', 'TRANSPORTATION_PARKING'],
  ])('places %j, which no rule knows, by what it resembles', (description, category) => {
    expect(categorizeByRules(line(description, -4_500)).category).toBe(
      'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
    );
    expect(categorize(line(description, -4_500))).toEqual({ category, flow: 'spending', source: 'learned' });
  });

  it.each([
    ['PAYMENT TO ZZQX TRADING', -50_000, 'TRANSFER_OUT_ACCOUNT_TRANSFER'],
    // A surname that also names a firm in the training lines (NKOSI ATTORNEYS) says nothing about a payment to a person.
    ['FNB OB Pmt Nkosi', -40_000, 'TRANSFER_OUT_ACCOUNT_TRANSFER'],
    ['CHEQUE 000123', -120_000, 'TRANSFER_OUT_OTHER_TRANSFER_OUT'],
    ['MONTHLY ACCOUNT FEE', -6_500, 'BANK_FEES_OTHER_BANK_FEES'],
    ['POS PURCHASE NANDOS GREENSTONE', -18_900, 'FOOD_AND_DRINK_FAST_FOOD'],
    ['ZZQX PAYROLL', 2_500_000, 'INCOME_WAGES'],
  ])('leaves %j to the rules', (description, amountMinor, category) => {
    const result = categorize(line(description, amountMinor));
    expect(result.category).toBe(category);
    expect(result.source).not.toBe('learned');
  });

  it.each([
    ['CHECK INTO CASH 1234', -1_000],
    ['UNITED 0169912345 CHICAGO IL', 1_000],
    ['ZZQX HOLDINGS', -20_000],
    ['ZZQX HOLDINGS', 20_000],
    ['POS PURCHASE KFCC MALL', -7_000],
    ['CARD PURCHASE ROSEBANK MALL PARK', 3_000],
    ['ZZQX SAL', 900_000],
  ])('never changes whether %j (%i) is spending, income, a transfer or cash', (description, amountMinor) => {
    expect(categorize(line(description, amountMinor)).flow).toBe(
      categorizeByRules(line(description, amountMinor)).flow,
    );
  });

  // The local development set is full of card, Yoco and speedpoint wording around trade words; that wording alone
  // says a card was used, not what for, so it is no evidence of a trade.
  it.each([
    'POS PURCHASE 485443*1234 12 MAR',
    'Card Purchase Zq Mthatha ZA',
    'Yoco *Mk 552238*2533',
    'Speedpoint Qx Parow 690442',
    'CHEQUE CARD PURCHASE XR 491923*3544',
  ])('refuses a guess resting on purchase wording alone: %j', (description) => {
    expect(categorize(line(description, -9_900)).source).not.toBe('learned');
  });

  it('keeps the rules default when the name looks like something the flow rules out', () => {
    // It reads like cash taken out, but no rule says so: it stays a purchase nobody has placed.
    expect(categorize(line('CHECK INTO CASH 1234', -1_000))).toEqual({
      category: 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
      flow: 'spending',
      source: 'default',
    });
  });
});
