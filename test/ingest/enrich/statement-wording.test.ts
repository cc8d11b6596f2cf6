/**
 * Wording that decides a category whoever the merchant is: payment gateways in front of the payee, strong topic
 * words that outrank weaker ones, and transfers that follow the money. Each case is written in several wordings.
 */
import { describe, expect, it } from 'vitest';
import { alongMoney, categorize, mccInText } from '../../../src/ingest/enrich/categorize.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';

const categoryOf = (description: string, amountMinor = -10000): string =>
  categorize({ merchant: cleanMerchant(description), description, amountMinor, accountType: 'checking' })
    .category;

describe('statement wording', () => {
  it.each([
    ['OZOW*SUPABETS', 'ENTERTAINMENT_CASINOS_AND_GAMBLING'],
    ['PAYU *SPOTIFY', 'ENTERTAINMENT_MUSIC_AND_AUDIO'],
    ['PEACH*VIRGIN ACTIVE', 'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS'],
    ['ADUMO*SPUR STEAK RANCH', 'FOOD_AND_DRINK_RESTAURANT'],
    ['PAYGATE*DISCHEM ONLINE', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'],
  ])('reads the payee behind a payment gateway: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it.each([
    ['POS PURCHASE THAI PETROL DEPOT', 'TRANSPORTATION_GAS'],
    ['KARTENZAHLUNG TANKSTELLE SUED', 'TRANSPORTATION_GAS'],
    ['COMPRA ESTACION DE SERVICIO LA GRILL', 'TRANSPORTATION_GAS'],
    ['PURCHASE SPARKLE CAR WASH DRIVE THRU', 'GENERAL_SERVICES_AUTOMOTIVE'],
    ['CARD PURCHASE CHICKEN TYRES GERMISTON', 'GENERAL_SERVICES_AUTOMOTIVE'],
  ])('lets fuel and car-care words outrank cuisine and fast-food words: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it.each([
    'CARD PURCHASE GAUTRAIN PARKING HATFIELD',
    'POS PURCHASE UBER PARKADE',
    'Airport Parking OR Tambo',
  ])('takes parking for parking even at a transit or ride merchant: %s', (description) => {
    expect(categoryOf(description)).toBe('TRANSPORTATION_PARKING');
  });

  it.each(['EKEDC ELECTRIC PREPAID 0412', 'ELECTRICITY TOKENS MANGAUNG', 'PREPAID TOKEN ELECTRIC CO-OP'])(
    'takes a prepaid token from a power vendor for electricity, not airtime: %s',
    (description) => {
      expect(categoryOf(description)).toBe('RENT_AND_UTILITIES_GAS_AND_ELECTRICITY');
    },
  );

  it.each(['STOKVEL KASI BURIAL CLUB', 'Umoja Savings Club Contribution'])(
    'counts a savings club as savings, not a club night: %s',
    (description) => {
      expect(categoryOf(description)).toBe('TRANSFER_OUT_SAVINGS');
    },
  );

  it.each(['FARMACIA CENTRAL', 'PAIEMENT CB PHARMACIE DE LA GARE', 'DROGARIA SAO PAULO'])(
    'knows pharmacies in other languages: %s',
    (description) => {
      expect(categoryOf(description)).toBe('MEDICAL_PHARMACIES_AND_SUPPLEMENTS');
    },
  );

  it('does not take a video or tool rental shop for rent, but takes a letting agent for it', () => {
    expect(categoryOf('POS PURCHASE TOOL RENTALS MIDRAND')).not.toBe('RENT_AND_UTILITIES_RENT');
    expect(categoryOf('DEBIT ORDER SEEFF RENTALS')).toBe('RENT_AND_UTILITIES_RENT');
  });

  it('turns a transfer named by a merchant the way the money moved', () => {
    expect(categoryOf('ZELLE FROM NGUYEN ANH', 5000)).toBe('TRANSFER_IN_ACCOUNT_TRANSFER');
    expect(categoryOf('ZELLE TO NGUYEN ANH', -5000)).toBe('TRANSFER_OUT_ACCOUNT_TRANSFER');
    expect(alongMoney('TRANSFER_OUT_SAVINGS', 'in')).toBe('TRANSFER_IN_SAVINGS');
    expect(alongMoney('TRANSFER_IN_INVESTMENT_AND_RETIREMENT_FUNDS', 'out')).toBe(
      'TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS',
    );
    // Cash and loans are one-way by meaning: a withdrawal stays a withdrawal.
    expect(alongMoney('TRANSFER_OUT_WITHDRAWAL', 'in')).toBe('TRANSFER_OUT_WITHDRAWAL');
    expect(alongMoney('FOOD_AND_DRINK_GROCERIES', 'in')).toBe('FOOD_AND_DRINK_GROCERIES');
  });

  it.each([
    ['APPLE PAY CHECKERS HYPER', 'FOOD_AND_DRINK_GROCERIES'],
    ['SAMSUNG PAY STEERS', 'FOOD_AND_DRINK_FAST_FOOD'],
    ['GOOGLE PAY ENGEN', 'TRANSPORTATION_GAS'],
    ['GARMIN PAY VIRGIN ACTIVE', 'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS'],
  ])('reads the merchant behind a phone or watch wallet: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it.each([
    ['EFTPOS WOOLWORTHS METRO', 'FOOD_AND_DRINK_GROCERIES'],
    ['UPI/DR/998877665544/ZOMATO/ICIC/zomato@icici', 'FOOD_AND_DRINK_RESTAURANT'],
    ['MPESA BUY GOODS CARREFOUR TRM', 'FOOD_AND_DRINK_GROCERIES'],
  ])('strips payment wording of other countries: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it('uses a merchant category code printed in the descriptor, and keeps lines that differ only in it apart', () => {
    expect(mccInText('CARD TXN MOLEFE TRADING MCC 5812')).toBe('5812');
    expect(mccInText('POS 5411 MOLEFE TRADING')).toBeUndefined();
    expect(categoryOf('CARD TXN MOLEFE TRADING MCC 5812')).toBe('FOOD_AND_DRINK_RESTAURANT');
    expect(categoryOf('CARD TXN MOLEFE TRADING MCC:5541')).toBe('TRANSPORTATION_GAS');
    expect(categoryOf('CARD TXN MOLEFE TRADING MCC#7011')).toBe('TRAVEL_LODGING');
    expect(cleanMerchant('CARD TXN MOLEFE TRADING MCC 5812')).not.toMatch(/MCC|5812/);
  });

  it.each([
    ['CARD PURCHASE ROSEBANK PHARM', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'],
    ['POS PURCHASE WILGERS HOSP', 'MEDICAL_OTHER_MEDICAL'],
    ['FOURWAYS MEDICAL CENTRE', 'MEDICAL_PRIMARY_CARE'],
    ['POS PURCHASE SOWETO CAR CLINIC', 'GENERAL_SERVICES_AUTOMOTIVE'],
    ['DEBIT ORDER MATJHABENG LOCAL MUN', 'RENT_AND_UTILITIES_OTHER_UTILITIES'],
    ['YOCO *SHESANYAMA EXPRESS', 'FOOD_AND_DRINK_RESTAURANT'],
  ])('reads the short forms South African statements use: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it('does not take a hospitality group for a hospital', () => {
    expect(categoryOf('CARD PURCHASE SUN HOSPITALITY GROUP')).not.toMatch(/^MEDICAL_/);
  });
});
