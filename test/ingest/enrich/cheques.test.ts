import { describe, expect, it } from 'vitest';
import { categorize } from '../../../src/ingest/enrich/categorize.ts';
import { findCheque } from '../../../src/ingest/enrich/cheques.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';

const categorise = (description: string, amountMinor: number) =>
  categorize({ merchant: cleanMerchant(description), description, amountMinor, accountType: 'checking' });

describe('cheques', () => {
  it.each([
    ['CHECK 1234', 'Cheque 1234'],
    ['CHEQUE 000123', 'Cheque 123'],
    ['CHK #552', 'Cheque 552'],
    ['CHK#552', 'Cheque 552'],
    ['CHECK PAID #1042', 'Cheque 1042'],
    ['CHEQUE NO. 000123', 'Cheque 123'],
    ['POSTED CHECK 991', 'Cheque 991'],
    ['CHQ 100234', 'Cheque 100234'],
  ])('names the written cheque %j by its number', (description, name) => {
    expect(cleanMerchant(description)).toBe(name);
    expect(categorise(description, -35_000)).toEqual({
      category: 'TRANSFER_OUT_OTHER_TRANSFER_OUT',
      flow: 'transfer',
      source: 'keyword',
    });
  });

  it('never pools different cheques under one merchant name', () => {
    const names = new Set(['CHECK 1042', 'CHECK 1043', 'CHEQUE 000123'].map(cleanMerchant));
    expect(names.size).toBe(3);
    expect([...names].some((n) => /^check$/i.test(n))).toBe(false);
  });

  it.each(['DEPOSITED CHEQUE', 'CHEQUE DEPOSIT', 'MOBILE CHECK DEPOSIT', 'CHQ DEP 100234'])(
    'counts %j as a deposit',
    (description) => {
      expect(findCheque(description)?.kind).toBe('deposit');
      expect(cleanMerchant(description)).toBe('Cheque deposit');
      expect(categorise(description, 50_000).category).toBe('TRANSFER_IN_DEPOSIT');
    },
  );

  it.each([
    ['CHECKERS HYPER SANDTON', 'FOOD_AND_DRINK_GROCERIES'],
    ['CHECKCARD 0314 TRADER JOE S #552 BOSTON MA', 'FOOD_AND_DRINK_GROCERIES'],
    ['CHECK INTO CASH 1234', 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE'],
    ['ONLINE TRANSFER FROM CHK ...4821', 'TRANSFER_OUT_ACCOUNT_TRANSFER'],
    ['CHECK ORDER FEE', 'BANK_FEES_OTHER_BANK_FEES'],
  ])('does not take %j for a cheque', (description, category) => {
    expect(findCheque(description)).toBeUndefined();
    expect(categorise(description, -1_000).category).toBe(category);
  });
});
