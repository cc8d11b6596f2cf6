import { describe, expect, it } from 'vitest';
import { cleanMerchant, pickDescriptor } from '../../../src/ingest/enrich/merchants.ts';

describe('cleanMerchant', () => {
  it.each([
    ['PURCHASE AUTHORIZED ON 12/04 STARBUCKS STORE 0881 OAKLAND CA', 'Starbucks'],
    ['SQ *BLUE BOTTLE COFFEE San Francisco CA', 'Blue Bottle Coffee'],
    ['DOORDASH*THAI BASIL SAN FRANCISCO CA', 'DoorDash'],
    ['AMZN Mktp US*2K3XX1234', 'Amazon'],
    ['AMAZON.COM REFUND AMZN.COM/BILL WA', 'Amazon'],
    ['WHOLEFDS MKT #10234 SAN FRANCISCO CA', 'Whole Foods Market'],
    ['SHAKE SHACK 1045 SAN FRANCISCO CA', 'Shake Shack'],
    ['TRADER JOE S #236 SAN FRANCISCO CA', "Trader Joe's"],
    ['UBER *TRIP HELP.UBER.COM CA', 'Uber'],
    ['POS Purchase Uber Eats  * 10 Nov', 'Uber Eats'],
    ['UNITED 0162345678901 UNITED.COM TX', 'United Airlines'],
  ])('names the known merchant in %j', (raw, name) => {
    expect(cleanMerchant(raw)).toBe(name);
  });

  it.each([
    ['CHECKERSSIXTY60', 'Checkers Sixty60'],
    ["Pick'n Pay Claremont", 'Pick n Pay'],
    ['OCEANBASKET', 'Ocean Basket'],
    ['BURGERKINGMENLYN', 'Burger King'],
    ['Kartenzahlung REWE Markt GmbH Berlin', 'REWE'],
  ])(
    'names the known merchant whose words run together or follow foreign bank wording in %j',
    (raw, name) => {
      expect(cleanMerchant(raw)).toBe(name);
    },
  );

  it.each([
    ['SHELLYS', 'Shellys'],
    ['SPURGEON HALL', 'Spurgeon Hall'],
  ])('does not find a short name inside a longer word in %j', (raw, name) => {
    expect(cleanMerchant(raw)).toBe(name);
  });

  it.each([
    ['TST* NOPA SAN FRANCISCO CA', 'Nopa'],
    ['OAKWOOD APTS RENT WEB PMTS 88271 WEB ID: 1234567890', 'Oakwood Apts'],
    ['ACME CORP PAYROLL PPD ID: 9111111101', 'Acme Corp'],
    ['DEBIT CARD PURCHASE XXXX1234 CORNER BAKERY #112 CHICAGO IL', 'Corner Bakery'],
    ['PP*JOHNSMITHDESIGN 4029357733 CA', 'Johnsmithdesign'],
    ['POS PURCHASE (EFFEC ) DJS BILTONG (PTY) LTD NORKE CARD NO. ', 'DJS Biltong'],
  ])('tidies the unknown merchant in %j', (raw, name) => {
    expect(cleanMerchant(raw)).toBe(name);
  });
});

describe('pickDescriptor', () => {
  it.each([
    [
      'WESTGATE PROPERTY MGMT DES:RENT ID:0048812 INDN:MAYA LIN CO ID:1942311877 WEB',
      'Westgate Property Mgmt',
    ],
    ['GUSTO DES:PAY ID:XXXXX INDN:LIN MAYA CO ID:XXXXX PPD', 'Gusto'],
    ['HARBOR DENTAL GROUP INDN:MAYA LIN', 'Harbor Dental Group'],
  ])('names the company of an ACH line, not its description or the account holder, in %j', (raw, name) => {
    expect(cleanMerchant(raw)).toBe(name);
  });

  it('prefers a memo that completes a name cut at 32 characters', () => {
    expect(
      pickDescriptor(
        'PURCHASE AUTHORIZED ON 09/01 STA',
        'PURCHASE AUTHORIZED ON 09/01 STARBUCKS STORE 0881 OAKLAND CA',
      ),
    ).toBe('PURCHASE AUTHORIZED ON 09/01 STARBUCKS STORE 0881 OAKLAND CA');
  });

  it('keeps the name when the memo says something else', () => {
    expect(pickDescriptor('SAFEWAY #0917', 'Groceries for the party')).toBe('SAFEWAY #0917');
  });
});
