/**
 * Small and local businesses are placed by what their words say they are (a butchery, an educare, a dance academy),
 * and a chain's branch that names its trade is that trade: a name alone never beats a clear word.
 */
import { describe, expect, it } from 'vitest';
import { categorize } from '../../../src/ingest/enrich/categorize.ts';
import { completedCutWord } from '../../../src/ingest/enrich/cut-words.ts';
import { cleanMerchant } from '../../../src/ingest/enrich/merchants.ts';

const categoryOf = (description: string, amountMinor = -18_000): string =>
  categorize({ merchant: cleanMerchant(description), description, amountMinor, accountType: 'checking' })
    .category;

describe("a chain's branch that names its trade", () => {
  it.each([
    ['POS PURCHASE PICK N PAY PHARMACY MENLYN 412345*0001', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'],
    ['Card Purchase Spar Pharmacy Hilton ZA', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'],
    ['PURCHASE BOXER LIQUORS UMLAZI ZA 412345*0002', 'FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR'],
    ['CONTACTLESS PURCHASE SUPERSPAR BOTTLE STORE 412345*0003', 'FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR'],
    [
      'POS Purchase Wits University Bookshop 412345*0004 02 Mar',
      'GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS',
    ],
  ])('is placed by its trade: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it.each([
    ['POS Purchase Spur Steak Ranch Menlyn 412345*0005 03 Mar', 'FOOD_AND_DRINK_RESTAURANT'],
    ['POS PURCHASE CHECKERS HYPER BRACKENFELL 412345*0006', 'FOOD_AND_DRINK_GROCERIES'],
    ['Card Purchase Clicks Pharmacy Hatfield ZA', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'],
    ['PURCHASE ENGEN QUICKSHOP RANDBURG ZA 412345*0007', 'TRANSPORTATION_GAS'],
  ])('keeps the chain where its own words agree or name nothing else: %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });
});

describe('what the words of a local business say it is', () => {
  it.each([
    ['POS PURCHASE KLIPRIVIER MEATS BUTCHERY 412345*0008', 'FOOD_AND_DRINK_GROCERIES'],
    ['Card Purchase Oupa Se Biltong Bar Parys ZA', 'FOOD_AND_DRINK_GROCERIES'],
    ['POS PURCHASE MAGIC MEAT MARKET SHISA NYAMA 412345*0009', 'FOOD_AND_DRINK_RESTAURANT'],
    ['PURCHASE LINDA MINI MARKET TEMBISA ZA 412345*0010', 'GENERAL_MERCHANDISE_CONVENIENCE_STORES'],
    ['Yoco *Bismillah Wholesalers 412345*0011', 'FOOD_AND_DRINK_GROCERIES'],
    ['DEBIT ORDER HAPPY FEET EDUCARE 55512', 'GENERAL_SERVICES_CHILDCARE'],
    ['IB PAYMENT TO RHYTHM DANCE ACADEMY KG7', 'GENERAL_SERVICES_EDUCATION'],
    ['Debit Order: Sonata Music School 90021', 'GENERAL_SERVICES_EDUCATION'],
    ['POS PURCHASE DIEREKLINIEK BRITS 412345*0012', 'MEDICAL_VETERINARY_SERVICES'],
    ['Card purchase at T Govender Optom Chatsworth', 'MEDICAL_EYE_CARE'],
    ['POS LOCAL PURCHASE SMASH PANEL AND PAINT BENONI', 'GENERAL_SERVICES_AUTOMOTIVE'],
    ['PURCHASE MR CELL FIX ROSSLYN ZA 412345*0013', 'GENERAL_MERCHANDISE_ELECTRONICS'],
    ['POS PURCHASE PRINT WORX PTA 412345*0014', 'GENERAL_MERCHANDISE_OFFICE_SUPPLIES'],
    ['Card Purchase Zodwa Alterations Ga-Rankuwa ZA', 'GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES'],
    ['POS PURCHASE KAMEELDRIFT BOUMARK 412345*0015', 'HOME_IMPROVEMENT_HARDWARE'],
    ['Immediate Payment Dr Patel And Partners 7XK2', 'MEDICAL_PRIMARY_CARE'],
    ['FNB App Payment To Garden Cottage Rental Mei', 'RENT_AND_UTILITIES_RENT'],
    ['PAYSHAP PAYMENT TO MUN OF THABAZIMBI 88AB', 'RENT_AND_UTILITIES_OTHER_UTILITIES'],
    ['NAEDO ZWANE FINANCE 7781', 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT'],
    ['Debit Order Laersk Eldoraigne 2231', 'GENERAL_SERVICES_EDUCATION'],
    ['IB PAYMENT TO MAMELODI HIGH SCH TERM 2', 'GENERAL_SERVICES_EDUCATION'],
    ['DEBIT ORDER BEGRAFNISFONDS NOORDHOEK', 'GENERAL_SERVICES_INSURANCE'],
  ])('%s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it.each([
    ['IB BETALING LOODGIETER PIET', 'HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE'],
    ['DEBIT ORDER STUDIE LENING', 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT'],
    ['Betaling aan Heffing Eenheid 4', 'RENT_AND_UTILITIES_RENT'],
    ['POS PURCHASE BOEKHOUERS VAN ZYL', 'GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING'],
    ['Card Purchase Speelgoed Paradys Bethlehem ZA', 'GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES'],
    ['POS PURCHASE SKOENE EN SAKKE', 'GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES'],
    ['Debit Order Eiendomsbelasting Tlokwe', 'RENT_AND_UTILITIES_OTHER_UTILITIES'],
    ['Debit Order Elektrisiteit Rekening 4471', 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY'],
    ['PAYMENT TO TAKSI VERENIGING', 'TRANSPORTATION_TAXIS_AND_RIDE_SHARES'],
    ['SARS BELASTING BETALING', 'GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT'],
  ])('reads the Afrikaans trade word of %s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });

  it('reads a bank charge named as such as the bank’s, not a finance house’s', () => {
    expect(categoryOf('FINANCE CHARGE', -4500)).toBe('BANK_FEES_INTEREST_CHARGE');
  });

  it('finds a known biller behind the full EXTERNAL DEBIT ORDER wording', () => {
    expect(cleanMerchant('EXTERNAL DEBIT ORDER ESKOM 0012345678')).toBe('Eskom');
  });
});

describe('trades people pay in person', () => {
  it.each([
    ['Card Purchase Kwa Mai Mai Traditional Healer ZA', 'MEDICAL_OTHER_MEDICAL'],
    ['POS PURCHASE MOKOENA GENERAL STORE', 'FOOD_AND_DRINK_GROCERIES'],
    ['POS PURCHASE SIMUNYE TRADING STORE', 'FOOD_AND_DRINK_GROCERIES'],
    ['POS PURCHASE JOZI ELECTRICAL SUPPLIES', 'HOME_IMPROVEMENT_HARDWARE'],
    ['POS PURCHASE ENGEN CAR WASH', 'GENERAL_SERVICES_AUTOMOTIVE'],
    ['POS PURCHASE SHELL CAR WASH', 'GENERAL_SERVICES_AUTOMOTIVE'],
    ['POS PURCHASE NKOMO TYRE AND EXHAUST', 'GENERAL_SERVICES_AUTOMOTIVE'],
    ['DEBIT ORDER SIYAPHAMBILI BURIAL SOC', 'GENERAL_SERVICES_INSURANCE'],
    ['IB PAYMENT TO THANDEKA STOKVEL DEC', 'TRANSFER_OUT_SAVINGS'],
    ['POS PURCHASE MOTHER S KITCHEN TAKEAWAY', 'FOOD_AND_DRINK_FAST_FOOD'],
    ['POS PURCHASE KINGS JEWELLERS CRESTA', 'GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES'],
    ['DEBIT ORDER THULAMELA LOCAL MUNICIPALITY', 'RENT_AND_UTILITIES_OTHER_UTILITIES'],
    ['DEBIT ORDER DR MOLOI DENTAL SURGEON', 'MEDICAL_DENTAL_CARE'],
    ['POS PURCHASE MARULA BUSH LODGE', 'TRAVEL_LODGING'],
    ['POS PURCHASE FAIRVIEW FARM STALL', 'FOOD_AND_DRINK_GROCERIES'],
    ['POS PURCHASE TURBO LOCKSMITH', 'HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE'],
    ['POS PURCHASE SMITH SECOND HAND DEALERS', 'GENERAL_MERCHANDISE_DISCOUNT_STORES'],
    ['POS PURCHASE CHECKERS BUTCHERY', 'FOOD_AND_DRINK_GROCERIES'],
    ['POS PURCHASE WOOLWORTHS CLOTHING', 'GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES'],
  ])('%s', (description, expected) => {
    expect(categoryOf(description)).toBe(expected);
  });
});

describe('a cut name with the town printed after it', () => {
  it.each([
    ['Die Hoek Slaghu Worcester', 'SLAGHUIS'],
    ['Sunrise Pharmac Upington', 'PHARMACY'],
  ])('completes the cut word of %s', (name, word) => {
    expect(completedCutWord(name)).toBe(word);
  });

  it('still takes a whole word as whole', () => {
    expect(completedCutWord('Rustenburg Super Spar')).toBeUndefined();
  });
});
