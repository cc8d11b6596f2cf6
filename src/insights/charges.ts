/** Shared views over transaction history: which rows are charges, and how merchants and categories group. */
import { currencyExponent } from '../money.ts';
import type { Txn } from './types.ts';

/** Keys depend only on the spelling, and a history repeats few spellings many times. */
const merchantKeys = new Map<string, string>();
const primaries = new Map<string, string>();

/** Money spent on goods and services: spending rows going out. Refunds, income, transfers and cash are not charges. */
export function isCharge(t: Txn): boolean {
  return t.flow === 'spending' && t.amountMinor < 0;
}

/** Groups spellings of one merchant ("Netflix", "NETFLIX ") together; never across currencies. */
export function merchantKey(t: Txn): string {
  const raw = `${t.currency}|${t.merchant || t.description}`;
  let key = merchantKeys.get(raw);
  if (key === undefined) {
    const name = (t.merchant || t.description).trim().toLowerCase().replace(/\s+/g, ' ');
    key = `${t.currency.toUpperCase()}|${name}`;
    if (merchantKeys.size > 50_000) merchantKeys.clear();
    merchantKeys.set(raw, key);
  }
  return key;
}

const PRIMARY_CATEGORIES = [
  'INCOME',
  'TRANSFER_IN',
  'TRANSFER_OUT',
  'LOAN_PAYMENTS',
  'BANK_FEES',
  'ENTERTAINMENT',
  'FOOD_AND_DRINK',
  'GENERAL_MERCHANDISE',
  'HOME_IMPROVEMENT',
  'MEDICAL',
  'PERSONAL_CARE',
  'GENERAL_SERVICES',
  'GOVERNMENT_AND_NON_PROFIT',
  'TRANSPORTATION',
  'TRAVEL',
  'RENT_AND_UTILITIES',
];

/**
 * The primary taxonomy group of a detailed code, so that sparse detailed categories can borrow history from siblings.
 * @example primaryCategory('GENERAL_MERCHANDISE_ELECTRONICS') // 'GENERAL_MERCHANDISE'
 */
export function primaryCategory(category: string): string {
  let primary = primaries.get(category);
  if (primary === undefined) {
    primary = findPrimary(category);
    primaries.set(category, primary);
  }
  return primary;
}

function findPrimary(category: string): string {
  const code = category.toUpperCase();
  const known = PRIMARY_CATEGORIES.find((p) => code === p || code.startsWith(`${p}_`));
  if (known) return known;
  const cut = code.indexOf('_');
  return cut > 0 ? code.slice(0, cut) : code;
}

/** Whole major units of a currency expressed in its minor units (25 USD → 2500, 25 JPY → 25). */
export function majorUnits(amount: number, currency: string): number {
  return amount * 10 ** currencyExponent(currency);
}

/** Orders rows by date, then id, without touching the input. */
export function byDate(rows: readonly Txn[]): Txn[] {
  return [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}
