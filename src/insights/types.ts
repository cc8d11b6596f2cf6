/** Rows the history-based insights work on: one user's transactions, already scoped by the store. */

/** How a transaction counts: spending (refunds included, as positive amounts), income, a transfer between own accounts, or cash taken out. */
export type Flow = 'spending' | 'income' | 'transfer' | 'cash';

export interface Txn {
  id: number;
  /** ISO `yyyy-mm-dd`. */
  date: string;
  /** Signed minor units: negative = money out, positive = money in (refunds, income). */
  amountMinor: number;
  currency: string;
  merchant: string;
  /** Detailed taxonomy code, e.g. `FOOD_AND_DRINK_COFFEE`. */
  category: string;
  accountId: number;
  description: string;
  flow: Flow;
}

/** A total for one group (category, merchant, account…) in one currency; spending as positive minor units. */
export interface GroupTotal {
  key: string;
  currency: string;
  amountMinor: number;
}

/** Why a charge stands out: far from its usual amounts, large at a merchant never seen before, or a bank fee/interest. */
export type UnusualKind = 'outlier' | 'new_merchant' | 'fee';

/** What the usual amount was measured against: the same merchant, its category, or all of the user's charges. */
export type UnusualBasis = 'merchant' | 'category' | 'all';

/** A charge worth pointing out, with the figures a reply needs ("$1,249.00 at Best Buy — about 9× your usual shopping charge"). */
export interface UnusualFlag {
  kind: UnusualKind;
  txn: Txn;
  /** The charge as a positive amount. */
  amountMinor: number;
  /** Median charge of the basis, positive minor units (absent for fees without history). */
  typicalMinor?: number;
  /** amountMinor / typicalMinor, one decimal. */
  ratio?: number;
  basis?: UnusualBasis;
  /** Taxonomy code the usual amount was measured in (detailed or primary), when the basis is a category. */
  categoryLabelKey?: string;
  /** How many other charges the usual amount was measured on. */
  basisCount?: number;
}

/** Two charges that look like the same purchase billed twice. */
export interface DuplicatePair {
  first: Txn;
  second: Txn;
  /** Days from the first to the second charge (0 = same day). */
  gapDays: number;
  /** The usual number of days between charges at that merchant, when there is enough history to tell. */
  usualGapDays?: number;
}

export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly';

export interface PriceChange {
  /** Date of the first charge at the new price. */
  date: string;
  fromMinor: number;
  toMinor: number;
}

/** A merchant charged on a regular cadence: a subscription or a bill. Amounts are positive minor units. */
export interface RecurringSeries {
  merchant: string;
  category: string;
  currency: string;
  cadence: Cadence;
  /** Charges that make up the series (extra charges within one cycle left out). */
  txnIds: number[];
  occurrences: number;
  firstDate: string;
  lastDate: string;
  lastAmountMinor: number;
  /** Median of the series' amounts. */
  typicalAmountMinor: number;
  /** True when the amount changes from charge to charge (utilities), false for a fixed price. */
  variableAmount: boolean;
  nextExpectedDate: string;
  nextExpectedAmountMinor: number;
  /** What the series costs per month at its latest price (typical amount when variable). */
  monthlyMinor: number;
  /** Last charge within 1.5 cadences of today. */
  active: boolean;
  /** Streaming, software, memberships, gyms — as opposed to rent, utilities, insurance, loans. */
  isSubscription: boolean;
  priceChanges: PriceChange[];
}
