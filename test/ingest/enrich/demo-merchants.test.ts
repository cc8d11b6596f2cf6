/**
 * Every merchant of the demo household, as generated, with the category a person would put it in. A new
 * merchant in the demo recipe fails the first test until it is added here with its expected category.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoHousehold } from '../../../src/demo/household.ts';
import { categorize, cleanMerchant, pickDescriptor } from '../../../src/ingest/enrich/index.ts';

const EXPECTED: Record<string, string> = {
  'Acme Corp': 'INCOME_WAGES',
  'American Express': 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT',
  'Capital One': 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT',
  'Citi Cards': 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT',
  'Card payment': 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT',
  'ATM Withdrawal': 'TRANSFER_OUT_WITHDRAWAL',
  'Transfer To Sav': 'TRANSFER_OUT_SAVINGS',
  'Transfer From CHK': 'TRANSFER_IN_ACCOUNT_TRANSFER',
  'Interest Payment': 'INCOME_INTEREST_EARNED',
  Venmo: 'TRANSFER_OUT_ACCOUNT_TRANSFER',
  'Cheque 1042': 'TRANSFER_OUT_OTHER_TRANSFER_OUT',
  'Oakwood Prop Mgmt': 'RENT_AND_UTILITIES_RENT',
  'PG&E': 'RENT_AND_UTILITIES_GAS_AND_ELECTRICITY',
  EBMUD: 'RENT_AND_UTILITIES_WATER',
  'Comcast Xfinity': 'RENT_AND_UTILITIES_INTERNET_AND_CABLE',
  GEICO: 'GENERAL_SERVICES_INSURANCE',
  'Planet Fitness': 'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS',
  Netflix: 'ENTERTAINMENT_TV_AND_MOVIES',
  Spotify: 'ENTERTAINMENT_MUSIC_AND_AUDIO',
  Apple: 'GENERAL_SERVICES_OTHER_GENERAL_SERVICES',
  'The New York Times': 'GENERAL_SERVICES_OTHER_GENERAL_SERVICES',
  'Blue Bottle Coffee': 'FOOD_AND_DRINK_COFFEE',
  Starbucks: 'FOOD_AND_DRINK_COFFEE',
  'Whole Foods Market': 'FOOD_AND_DRINK_GROCERIES',
  "Trader Joe's": 'FOOD_AND_DRINK_GROCERIES',
  Safeway: 'FOOD_AND_DRINK_GROCERIES',
  Nopa: 'FOOD_AND_DRINK_RESTAURANT',
  'Burma Superstar': 'FOOD_AND_DRINK_RESTAURANT',
  'The Half Orange': 'FOOD_AND_DRINK_RESTAURANT',
  Pizzaiolo: 'FOOD_AND_DRINK_RESTAURANT',
  Chipotle: 'FOOD_AND_DRINK_FAST_FOOD',
  DoorDash: 'FOOD_AND_DRINK_RESTAURANT',
  Uber: 'TRANSPORTATION_TAXIS_AND_RIDE_SHARES',
  Lyft: 'TRANSPORTATION_TAXIS_AND_RIDE_SHARES',
  Clipper: 'TRANSPORTATION_PUBLIC_TRANSIT',
  Shell: 'TRANSPORTATION_GAS',
  Amazon: 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
  Etsy: 'GENERAL_MERCHANDISE_ONLINE_MARKETPLACES',
  Target: 'GENERAL_MERCHANDISE_SUPERSTORES',
  'Best Buy': 'GENERAL_MERCHANDISE_ELECTRONICS',
  'CVS Pharmacy': 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS',
  'Delta Air Lines': 'TRAVEL_FLIGHTS',
  Marriott: 'TRAVEL_LODGING',
};

/** Each demo merchant with every category its lines were given, enriched as the importer enriches them. */
function demoMerchants(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const account of generateDemoHousehold('2026-03-10')) {
    for (const t of account.statement.transactions) {
      const description = pickDescriptor(t.description, t.memo);
      const merchant = cleanMerchant(description);
      const { category } = categorize({
        merchant,
        description,
        amountMinor: t.amountMinor,
        accountType: account.type,
        mcc: t.mcc,
        bankCategory: t.bankCategory,
        bankType: t.bankType,
      });
      const categories = found.get(merchant) ?? new Set<string>();
      categories.add(category);
      found.set(merchant, categories);
    }
  }
  return found;
}

describe('the demo household’s merchants', () => {
  const merchants = demoMerchants();

  it('are all listed here with the category a person would expect', () => {
    expect([...merchants.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('puts %s in %s, on every line', (merchant, category) => {
    expect([...(merchants.get(merchant) ?? [])]).toEqual([category]);
  });

  it('never shows a cheque as a merchant called "Check"', () => {
    expect([...merchants.keys()].filter((m) => /^che(ck|que)$/i.test(m))).toEqual([]);
  });
});
