import { parse } from 'csv-parse/sync';
import { categorize } from '../categorize.ts';
import { primaryOf } from '../categories.ts';
import { cleanMerchant } from '../merchants.ts';

/**
 * The labels of the South African labelled set, as taxonomy codes (detailed or primary).
 * Labels with no counterpart in the taxonomy ("Debit Order", "Refund") are left out of the score.
 * Where the taxonomy splits what one label names, every part of it counts: a café is eating out, mobile data bought
 * from an internet provider is a data purchase, and a crèche is what people pay under education. These additions never
 * cross a primary category, so they leave the primary-level score as it was.
 */
export const LABEL_CODES: Readonly<Record<string, readonly string[]>> = {
  'Bank Charges and Fees': ['BANK_FEES'],
  'Insufficient Funds Fee': ['BANK_FEES_INSUFFICIENT_FUNDS'],
  'Spend Limit Exceeded Fee': ['BANK_FEES'],
  'Cash Deposit Fee': ['BANK_FEES'],
  'Eating Out': [
    'FOOD_AND_DRINK_RESTAURANT',
    'FOOD_AND_DRINK_FAST_FOOD',
    'FOOD_AND_DRINK_COFFEE',
    'FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK',
  ],
  Restaurants: ['FOOD_AND_DRINK_RESTAURANT', 'FOOD_AND_DRINK_FAST_FOOD'],
  'Fast Food & Takeouts': ['FOOD_AND_DRINK_FAST_FOOD', 'FOOD_AND_DRINK_RESTAURANT'],
  Coffee: ['FOOD_AND_DRINK_COFFEE'],
  Groceries: ['FOOD_AND_DRINK_GROCERIES'],
  Alcohol: ['FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR', 'FOOD_AND_DRINK_RESTAURANT'],
  'General Purchases': ['GENERAL_MERCHANDISE'],
  'Online Purchase': ['GENERAL_MERCHANDISE_ONLINE_MARKETPLACES', 'GENERAL_SERVICES_OTHER_GENERAL_SERVICES'],
  Clothing: ['GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES'],
  'Electronics and Appliances': ['GENERAL_MERCHANDISE_ELECTRONICS'],
  'Tobacco & Smoking': ['GENERAL_MERCHANDISE_TOBACCO_AND_VAPE'],
  Subscriptions: [
    'ENTERTAINMENT_TV_AND_MOVIES',
    'ENTERTAINMENT_MUSIC_AND_AUDIO',
    'ENTERTAINMENT_VIDEO_GAMES',
    'GENERAL_SERVICES_OTHER_GENERAL_SERVICES',
  ],
  'Cellular Data Purchase': ['RENT_AND_UTILITIES_TELEPHONE', 'RENT_AND_UTILITIES_INTERNET_AND_CABLE'],
  Fuel: ['TRANSPORTATION_GAS'],
  Parking: ['TRANSPORTATION_PARKING'],
  Transport: ['TRANSPORTATION', 'GENERAL_SERVICES_AUTOMOTIVE'],
  'Holidays and Travel': ['TRAVEL'],
  Entertainment: ['ENTERTAINMENT'],
  Gambling: ['ENTERTAINMENT_CASINOS_AND_GAMBLING'],
  Sport: ['ENTERTAINMENT', 'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS'],
  'Home and Garden': ['HOME_IMPROVEMENT'],
  'Health and Medical': ['MEDICAL'],
  'Personal Care': ['PERSONAL_CARE'],
  Education: ['GENERAL_SERVICES_EDUCATION', 'GENERAL_SERVICES_CHILDCARE'],
  'Life Insurance': ['GENERAL_SERVICES_INSURANCE'],
  'General Insurance': ['GENERAL_SERVICES_INSURANCE'],
  'Auto Insurance': ['GENERAL_SERVICES_INSURANCE'],
  'Health Insurance': ['GENERAL_SERVICES_INSURANCE'],
  Donation: ['GOVERNMENT_AND_NON_PROFIT_DONATIONS'],
  'Bank Transfer': ['TRANSFER_OUT_ACCOUNT_TRANSFER', 'TRANSFER_IN_ACCOUNT_TRANSFER'],
  'Savings Transfer': ['TRANSFER_OUT_SAVINGS', 'TRANSFER_IN_SAVINGS'],
  Investments: [
    'TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS',
    'TRANSFER_IN_INVESTMENT_AND_RETIREMENT_FUNDS',
  ],
  'Returned Debit Order': ['TRANSFER_IN'],
  'Cash Deposit': ['TRANSFER_IN_DEPOSIT'],
  'ATM and Cash Withdrawal': ['TRANSFER_OUT_WITHDRAWAL'],
  'Interest Received': ['INCOME_INTEREST_EARNED'],
  'Interest Repayment': ['BANK_FEES_INTEREST_CHARGE'],
  'General Loan Repayment': ['LOAN_PAYMENTS'],
};

export interface LabelledScore {
  /** Rows whose label has a counterpart in the taxonomy. */
  scored: number;
  /** Rows left out because their label has no counterpart. */
  skipped: number;
  /** Predicted primary category matches the label's primary. */
  primaryHits: number;
  /** Predicted detailed category is one the label allows. */
  labelHits: number;
  misses: { description: string; label: string; predicted: string }[];
}

const matches = (code: string, allowed: readonly string[]): boolean =>
  allowed.some((a) => code === a || primaryOf(code) === a);

/** The sign is all the labelled file reliably says about amounts (its number formats vary row to row). */
function amountSign(amount: string): number {
  if (amount.includes('-')) return -1;
  return /\d/.test(amount) ? 1 : -1;
}

/** Scores the categoriser against a labelled file with `description,amount,label` columns. */
export function scoreLabelled(csvText: string): LabelledScore {
  const rows = parse(csvText, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
  }) as Record<string, string>[];
  const score: LabelledScore = { scored: 0, skipped: 0, primaryHits: 0, labelHits: 0, misses: [] };
  for (const row of rows) {
    const label = row.label ?? '';
    const allowed = LABEL_CODES[label];
    if (!allowed) {
      score.skipped++;
      continue;
    }
    const description = row.description ?? '';
    const { category } = categorize({
      merchant: cleanMerchant(description),
      description,
      amountMinor: amountSign(row.amount ?? '') * 100,
      accountType: 'checking',
    });
    score.scored++;
    if (matches(category, allowed)) score.labelHits++;
    else score.misses.push({ description, label, predicted: category });
    if (allowed.some((a) => primaryOf(a) === primaryOf(category))) score.primaryHits++;
  }
  return score;
}
