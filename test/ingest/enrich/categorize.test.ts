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

  it('counts a gig platform paying its driver or shopper as pay, and its charges as spending', () => {
    const pay = (d: string, amountMinor: number) =>
      categorize(line(d, amountMinor, { accountType: 'checking' }));
    for (const d of [
      'DOORDASH DASHER PAYOUT',
      'UBER DRIVER PAYMENTS',
      'LYFT PAYOUT 8834',
      'INSTACART SHOPPER PAY',
      'AMAZON FLEX PAYOUT',
    ])
      expect(pay(d, 15_230), d).toMatchObject({ category: 'INCOME_WAGES', flow: 'income' });
    expect(pay('ETSY PAYOUT', 8_800)).toMatchObject({ category: 'INCOME_OTHER_INCOME', flow: 'income' });
    expect(pay('LOAN PAYOUT', 500_000).flow).toBe('transfer');
    expect(pay('UBER *TRIP', -1_500)).toMatchObject({
      category: 'TRANSPORTATION_TAXIS_AND_RIDE_SHARES',
      flow: 'spending',
    });
    expect(pay('DOORDASH*THAI BASIL', -3_000).flow).toBe('spending');
  });

  it('tells federal benefits from a tax refund, though both come as TREAS 310', () => {
    const money = (d: string) => categorize(line(d, 184_300, { accountType: 'checking' })).category;
    expect(money('SSA TREAS 310 XXSOC SEC')).toBe('INCOME_OTHER_INCOME');
    expect(money('VA BENEFITS TREAS 310')).toBe('INCOME_OTHER_INCOME');
    expect(money('IRS TREAS 310 TAX REF')).toBe('INCOME_TAX_REFUND');
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
      categorize(line('SQ *MARLOWE SAN FRANCISCO CA', -7501, { bankCategory: 'Food & Drink' })),
    ).toMatchObject({ category: 'FOOD_AND_DRINK_RESTAURANT', source: 'bank' });
  });

  it('lets a known merchant claim a fee word, but not the bank’s own fee wording', () => {
    expect(categorize(line('PLANET FITNESS CLUB FEES PPD ID: 1264567890', -2499)).category).toBe(
      'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS',
    );
    expect(categorize(line('FNB App Payment To St Johns College School Fees', -1250000)).category).toBe(
      'GENERAL_SERVICES_EDUCATION',
    );
    expect(categorize(line('#Monthly Account Fee', -19900)).category).toBe('BANK_FEES_OTHER_BANK_FEES');
    expect(categorize(line('Fee: Prepaid Mobile Vodacom', -110)).category).toBe('BANK_FEES_OTHER_BANK_FEES');
  });

  it('takes a Toast restaurant for a restaurant when nothing else names it', () => {
    expect(categorize(line('TST* BURMA HOUSE OAKLAND CA', -4200))).toMatchObject({
      category: 'FOOD_AND_DRINK_RESTAURANT',
      source: 'keyword',
    });
    expect(categorize(line('TST* JOES COFFEE OAKLAND CA', -600)).category).toBe('FOOD_AND_DRINK_COFFEE');
  });

  it('reads the payee after South African and UK payment wording', () => {
    expect(cleanMerchant('IB PAYMENT TO DISCOVERY INSURE 1234')).toBe('Discovery Insure');
    expect(categorize(line('Internet Pmt To City Of Johannesburg 555123456', -245000)).category).toBe(
      'RENT_AND_UTILITIES_OTHER_UTILITIES',
    );
    expect(categorize(line('DD THAMES WATER UTILITIES', -3800)).category).toBe('RENT_AND_UTILITIES_WATER');
    expect(categorize(line('FNB App Payment To Thandi', -40000)).category).toBe(
      'TRANSFER_OUT_ACCOUNT_TRANSFER',
    );
  });

  it('says what a bill was for whichever way the money moved, as merchant rules do', () => {
    expect(categorize(line('PREPAID AIRTIME REFUND', 2900)).category).toBe('RENT_AND_UTILITIES_TELEPHONE');
    expect(categorize(line('POS Purchase Reversal Joes Hardware Store', 12000)).category).toBe(
      'HOME_IMPROVEMENT_HARDWARE',
    );
    expect(categorize(line('POS Purchase Reversal Zqx Trading', 12000)).flow).toBe('spending');
  });

  it('does not take a firm called "… Investments" for an investment', () => {
    expect(categorize(line('POS Purchase Mabena Investments Cc 412345*6789 02 Aug', -12000)).category).toBe(
      'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
    );
    expect(categorize(line('Debit Order Allan Gray Unit Trust 123', -200000)).category).toBe(
      'TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS',
    );
  });

  it('recognises a multi-word merchant name the bank cut short', () => {
    expect(cleanMerchant('POS Purchase Incredible Connec')).toBe('Incredible Connection');
    expect(cleanMerchant('POS Purchase Progress')).not.toBe('Progressive');
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
