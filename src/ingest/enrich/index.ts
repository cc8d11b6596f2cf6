/** Merchant names, categories and flows for statement lines. */
export { cleanMerchant, identifyMerchant, pickDescriptor, type MerchantMatch } from './merchants.ts';
export {
  categorize,
  flowOf,
  type Categorization,
  type CategorizeInput,
  type CategorySource,
  type Flow,
} from './categorize.ts';
export {
  CATEGORIES,
  categoryLabel,
  detailedCodesOf,
  isCategoryCode,
  isPrimaryCode,
  primaryOf,
  type Category,
} from './categories.ts';
export {
  findTransferIds,
  looksLikeCardPayment,
  TRANSFER_WINDOW_DAYS,
  type TransferCandidate,
} from './transfers.ts';
export { merchantKey } from './user-rules.ts';
