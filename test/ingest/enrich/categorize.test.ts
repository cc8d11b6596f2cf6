import { describe, expect, it } from 'vitest';
import { type CategorizeInput, categorize } from '../../../src/ingest/enrich/categorize.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';
import { merchantKey } from '../../../src/ingest/enrich/user-rules.ts';

const line = (
  description: string,
  amountMinor: number,
  extra: Partial<CategorizeInput> = {},
): CategorizeInput => ({
  merchant: cleanMerchant(description),
  description,
  amountMinor,
  ...extra,
});

describe('categorize', () => {
  it('uses the merchant rule for a known merchant', () => {
    expect(categorize(line('SAFEWAY #1507 SAN FRANCISCO CA', -11774))).toEqual({
      category: 'FOOD_AND_DRINK_GROCERIES',
      flow: 'spending',
      source: 'merchant',
    });
  });

  it('treats card payments as transfers on the bank side and on the card side', () => {
    expect(
      categorize(line('CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224', -52600, { accountType: 'checking' }))
        .flow,
    ).toBe('transfer');
    expect(categorize(line('AMEX EPAYMENT ACH PMT W2468', -39295, { accountType: 'checking' })).flow).toBe(
      'transfer',
    );
    expect(
      categorize(line('Payment Thank You-Mobile', 52600, { accountType: 'credit_card', bankType: 'Payment' }))
        .flow,
    ).toBe('transfer');
    expect(
      categorize(line('AUTOPAY PAYMENT - THANK YOU', 39295, { accountType: 'credit_card' })).category,
    ).toBe('LOAN_PAYMENTS_CREDIT_CARD_PAYMENT');
  });

  it('counts payroll as income', () => {
    expect(
      categorize(line('ACME CORP PAYROLL PPD ID: 9111111101', 325000, { accountType: 'checking' })),
    ).toMatchObject({ category: 'INCOME_WAGES', flow: 'income' });
  });

  it('counts an ATM withdrawal as cash, not spending, and its fee as a fee', () => {
    expect(
      categorize(line('ATM WITHDRAWAL 1234 MAIN ST', -10000, { accountType: 'checking' })),
    ).toMatchObject({ category: 'TRANSFER_OUT_WITHDRAWAL', flow: 'cash' });
    expect(categorize(line('ATM Cash Withdrawal Fee', -975)).category).toBe('BANK_FEES_ATM_FEES');
  });

  it('keeps a refund as spending in the merchant category so it reduces that category', () => {
    expect(
      categorize(line('AMAZON.COM REFUND AMZN.COM/BILL WA', 3450, { accountType: 'credit_card' })),
    ).toMatchObject({
      category: 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
      flow: 'spending',
    });
  });

  it('lets merchant rules beat the bank category column', () => {
    expect(categorize(line('UBER *TRIP HELP.UBER.COM CA', -1358, { bankCategory: 'Travel' })).category).toBe(
      'TRANSPORTATION_TAXIS_AND_RIDE_SHARES',
    );
  });

  it('uses the bank category column for a merchant no rule knows', () => {
    expect(
      categorize(line('TST* NOPA SAN FRANCISCO CA', -7501, { bankCategory: 'Food & Drink' })),
    ).toMatchObject({ category: 'FOOD_AND_DRINK_RESTAURANT', source: 'bank' });
  });

  it('uses the MCC before the bank category', () => {
    expect(
      categorize(line('JOES PLACE 123', -1000, { mcc: '5411', bankCategory: 'Shopping' })),
    ).toMatchObject({ category: 'FOOD_AND_DRINK_GROCERIES', source: 'mcc' });
  });

  it('falls back to keywords, then to a default', () => {
    expect(categorize(line('PURCHASE AUTHORIZED ON 03/02 MAISON COFFEE ROASTERS', -450)).category).toBe(
      'FOOD_AND_DRINK_COFFEE',
    );
    expect(categorize(line('QWXZ 4411', -450))).toMatchObject({
      category: 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
      source: 'default',
    });
  });

  it("applies the user's own correction first", () => {
    const rules = new Map([[merchantKey('Blue Bottle Coffee'), 'FOOD_AND_DRINK_RESTAURANT']]);
    expect(categorize(line('SQ *BLUE BOTTLE COFFEE San Francisco CA', -539), rules)).toMatchObject({
      category: 'FOOD_AND_DRINK_RESTAURANT',
      source: 'user',
    });
  });
});

describe('merchantKey', () => {
  it('lower-cases and collapses spacing', () => {
    expect(merchantKey('  Blue  Bottle Coffee ')).toBe('blue bottle coffee');
  });
});
