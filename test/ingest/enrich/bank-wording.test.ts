/**
 * The wording banks put around a payee: the channel a payment went through, codes and masked numbers, and type words
 * that say what kind of transaction it is. Each case is written in several banks' wording.
 */
import { describe, expect, it } from 'vitest';
import { categorize } from '../../../src/ingest/enrich/categorize.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';

const categoryOf = (description: string, amountMinor = -25000): string =>
  categorize({ merchant: cleanMerchant(description), description, amountMinor, accountType: 'checking' })
    .category;

describe('bank wording', () => {
  it.each([
    'ELECTRONIC BANKING PAYMENT TO ANNA',
    'ELECTRONIC PAYMENT TO VUSI',
    'CELL PHONE BANKING PMT NALEDI',
    'MOBILE BANKING PAYMENT LINDIWE',
    'SCHEDULED PAYMENT SIPHO',
    'STOP ORDER KHUMALO',
    'THIRD PARTY PAYMENT NKOSI',
    'Send to 0821234567',
  ])('takes a payment to someone, named by its banking channel, for a transfer: %s', (description) => {
    expect(categoryOf(description)).toBe('TRANSFER_OUT_ACCOUNT_TRANSFER');
  });

  it.each([
    ['IB PAYMENT FROM ACME CONSULTING', 'TRANSFER_IN_ACCOUNT_TRANSFER'],
    ['PAYMENT FROM SUNRISE MOTORS', 'TRANSFER_IN_ACCOUNT_TRANSFER'],
    ['RECEIVED FROM BOKAMOSO ATTORNEYS', 'TRANSFER_IN_ACCOUNT_TRANSFER'],
  ])('does not read the trade of whoever paid money in: %s', (description, expected) => {
    expect(categoryOf(description, 250000)).toBe(expected);
  });

  it('keeps money back from a known merchant a refund of its category', () => {
    expect(categoryOf('PAYMENT FROM TAKEALOT REFUND', 49900)).toBe('GENERAL_MERCHANDISE_ONLINE_MARKETPLACES');
  });

  it.each([
    'OZOW*Pep Cell Airtime',
    'POS Purchase Shoprite Airtime 485443*1234 24 Mar',
    'Checkers Airtime Voucher',
    'PREPAID AIRTIME/DATA VODACOM 0821234567',
  ])('counts airtime as phone wherever it was bought: %s', (description) => {
    expect(categoryOf(description)).toBe('RENT_AND_UTILITIES_TELEPHONE');
  });

  it('keeps a fee for buying airtime a bank fee', () => {
    expect(categoryOf('FEE: PREPAID AIRTIME', -50)).toBe('BANK_FEES_OTHER_BANK_FEES');
  });

  it.each(['ATM BALANCE ENQUIRY', 'ATM MINI STATEMENT', 'BAL ENQ ATM NEDBANK'])(
    'takes an ATM enquiry for a charge, not cash: %s',
    (description) => {
      expect(categoryOf(description, -1000)).toBe('BANK_FEES_OTHER_BANK_FEES');
    },
  );

  it.each([
    'Debit Order Unsuccessful Fee',
    'Debit Order Failed Fee',
    'Payment Unsuccessful Fee',
    '#Unpaid Debit Order Fee',
  ])('takes a failed debit order charge for an insufficient-funds fee: %s', (description) => {
    expect(categoryOf(description, -9500)).toBe('BANK_FEES_INSUFFICIENT_FUNDS');
  });

  it.each([
    'Internal Debit Order Fnb Credit Card',
    'Banking App External Payment: Capitec Credit Card',
    'SETTLEMENT ABSA CARD',
    'Int Pymt To Absa Card',
  ])('takes a card bill paid from the bank account for a card payment: %s', (description) => {
    expect(categoryOf(description)).toBe('LOAN_PAYMENTS_CREDIT_CARD_PAYMENT');
  });

  it.each([
    ['DIRECT DEBIT TO BRITISH GAS', 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'],
    ['DIRECT DEBIT TO THAMES WATER', 'RENT_AND_UTILITIES_WATER'],
    ['DD TO PUREGYM LTD', 'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS'],
    ['SO TO MUM', 'TRANSFER_OUT_ACCOUNT_TRANSFER'],
    ['DIRECT DEBIT TO LEEDS CITY COUNCIL CTAX', 'GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT'],
  ])(
    'reads the payee after a UK direct debit or standing order written with TO: %s',
    (description, expected) => {
      expect(categoryOf(description)).toBe(expected);
    },
  );

  it.each([
    ['UPI/DR/412345678903/BIGBASKET/ICIC/bigbasket@icici', 'BigBasket', 'FOOD_AND_DRINK_GROCERIES'],
    ['POS 4161XXXXXXXX1234 RELIANCE SMART', 'Reliance Smart', 'FOOD_AND_DRINK_GROCERIES'],
    ['ACH D- BAJAJ FINANCE EMI', 'Bajaj Finance', 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT'],
    ['Discovery Bank Card Purchase Woolies Food Hyde Park', 'Woolworths', 'FOOD_AND_DRINK_GROCERIES'],
  ])(
    'removes payment addresses, masked cards and bank names around the payee: %s',
    (description, name, expected) => {
      expect(cleanMerchant(description)).toBe(name);
      expect(categoryOf(description)).toBe(expected);
    },
  );

  it.each([
    ['UPI/DR/412345678919/ANIL KUMAR/SBIN/anil@oksbi', -50000, 'TRANSFER_OUT_ACCOUNT_TRANSFER'],
    ['UPI/CR/412345678920/PRIYA S/HDFC/priya@okhdfc', 75000, 'TRANSFER_IN_ACCOUNT_TRANSFER'],
    ['NEFT CR ACME SOFTWARE PVT LTD SALARY', 8500000, 'INCOME_WAGES'],
    ['INT.PD:01-04-2025 TO 30-06-2025', 41200, 'INCOME_INTEREST_EARNED'],
  ])('places Indian payment and interest lines: %s', (description, amountMinor, expected) => {
    expect(categoryOf(description, amountMinor)).toBe(expected);
  });

  it.each([
    ['DEBIT ORDER STELLENBOSCH MUN', 'RENT_AND_UTILITIES_OTHER_UTILITIES'],
    ['DEBIT ORDER POLOKWANE MUNIC', 'RENT_AND_UTILITIES_OTHER_UTILITIES'],
    ['DEBIT ORDER SADTU', 'GOVERNMENT_AND_NON_PROFIT_OTHER_GOVERNMENT_AND_NON_PROFIT'],
    ['DEBIT ORDER NEHAWU SUBS', 'GOVERNMENT_AND_NON_PROFIT_OTHER_GOVERNMENT_AND_NON_PROFIT'],
    ['FNB App Payment To Bond', 'LOAN_PAYMENTS_MORTGAGE_PAYMENT'],
    ['Debit Order: Woolworths Financial Services', 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT'],
    ['Debit Order: Fundi Capital Student Finance', 'LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT'],
    ['IB PAYMENT TO PRETORIA BOYS HIGH', 'GENERAL_SERVICES_EDUCATION'],
  ])('places South African debit orders and payments by what they pay for: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it('takes NSFAS money paid in for money received, not a loan repayment', () => {
    expect(categoryOf('Magtape Credit Nsfas', 150000)).not.toMatch(/^LOAN_PAYMENTS/);
  });
});

describe('store accounts', () => {
  it.each([
    'Debit Order: Ellerines Account',
    'IB PAYMENT TO FOSCHINI ACC PMT',
    'DEBIT ORDER LEWIS STORES ACCOUNT',
    'Internet Pmt To Totalsports Acc',
  ])('takes a payment to a shop’s own account for a loan repayment, whichever shop: %s', (description) => {
    expect(categoryOf(description)).toBe('LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT');
  });

  it.each([
    ['POS Purchase Ellerines Menlyn 402167*9911 05 Sep', 'HOME_IMPROVEMENT_FURNITURE'],
    ['Debit Order: Discovery Health Medical Scheme', 'GENERAL_SERVICES_INSURANCE'],
    ['Woolworths Food Account Credit', 'FOOD_AND_DRINK_GROCERIES'],
  ])('keeps shopping, bills and money in where they were: %s', (description, expected) => {
    const amountMinor = description.includes('Credit') ? 25000 : -25000;
    expect(categoryOf(description, amountMinor)).toBe(expected);
  });
});

describe('childcare', () => {
  it.each([
    'POS Purchase Ubuntu Pre School 402167*9911 05 Sep',
    'Debit Order: Little Stars Pre-School',
    'PRESCHOOL FEES',
  ])('takes a pre-school written with a space, a hyphen or neither for childcare: %s', (description) => {
    expect(categoryOf(description)).toBe('GENERAL_SERVICES_CHILDCARE');
  });
});
