import { primaryOf } from './categories.ts';
import type { Direction } from './rules.ts';

/**
 * A payment to a shop's own account ("DEBIT ORDER: ELLERINES ACCOUNT", "IB PAYMENT TO FOSCHINI ACC PMT") pays off store
 * credit: it is a loan repayment, not shopping, whichever shop it is. Read only when a merchant rule has named a shop.
 */
const ACCOUNT_ENDING = /\b(?:ACC|ACCT|ACCOUNT)\b(?:\s+(?:PAYMENT|PMT|PYMT|REPAYMENT|INSTAL\w*))?\s*$/i;

/** Shops that sell on their own credit: clothing, department and other stores, and furniture. */
function isShop(category: string): boolean {
  return primaryOf(category) === 'GENERAL_MERCHANDISE' || category === 'HOME_IMPROVEMENT_FURNITURE';
}

export const STORE_ACCOUNT_PAYMENT = 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT';

/**
 * True when money leaves for a shop's account rather than for its goods.
 * @example paysStoreAccount('Debit Order: Ellerines Account', 'HOME_IMPROVEMENT_FURNITURE', 'out') // true
 * @example paysStoreAccount('POS Purchase Ellerines Menlyn', 'HOME_IMPROVEMENT_FURNITURE', 'out') // false
 */
export function paysStoreAccount(
  description: string,
  merchantCategory: string,
  direction: Direction,
): boolean {
  return direction === 'out' && isShop(merchantCategory) && ACCOUNT_ENDING.test(description.trim());
}
