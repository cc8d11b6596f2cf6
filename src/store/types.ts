import type { AccountType } from '../ingest/types.ts';
import type { Flow } from '../insights/types.ts';

export interface AccountRow {
  id: number;
  userId: string;
  name: string;
  institution: string | null;
  type: AccountType;
  currency: string;
  mask: string | null;
  /** Holds the made-up demo household, not the person's own statements. */
  demo: boolean;
  createdAt: string;
}

export interface CategoryRow {
  id: number;
  code: string;
  primaryCode: string;
  label: string;
  description: string;
}

/** A transaction ready to be written: enriched, with its dedupe fingerprint. */
export interface NewTransaction {
  date: string;
  amountMinor: number;
  currency: string;
  description: string;
  merchant: string;
  category: string;
  flow: Flow;
  categorySource: string;
  externalId?: string;
  fingerprint: string;
  mcc?: string;
  bankCategory?: string;
}

export interface NewBalance {
  asOf: string;
  kind: 'ledger' | 'available' | 'running';
  amountMinor: number;
  currency: string;
}

export interface ImportResult {
  batchId: number;
  added: number;
  skipped: number;
  /** Dates covered by the file's transactions, ISO days. */
  firstDate?: string;
  lastDate?: string;
}

/** Which transactions an aggregate covers. Days are ISO, half-open. */
export interface TxnFilter {
  start?: string;
  end?: string;
  /** Detailed or primary taxonomy codes. */
  categories?: string[];
  merchantIds?: number[];
  accountIds?: number[];
  minAbsMinor?: number;
  maxAbsMinor?: number;
}

export interface MoneyTotal {
  currency: string;
  amountMinor: number;
  count: number;
}

export interface GroupedTotal extends MoneyTotal {
  key: string;
  /** Display name of the group (merchant name, category label, account name, yyyy-mm). */
  label: string;
}

export interface TxnRow {
  id: number;
  date: string;
  amountMinor: number;
  currency: string;
  description: string;
  merchant: string;
  category: string;
  categoryLabel: string;
  flow: Flow;
  accountId: number;
  accountName: string;
}

export interface BalanceRow {
  accountId: number;
  accountName: string;
  accountType: AccountType;
  asOf: string;
  amountMinor: number;
  currency: string;
}

export interface DeletedCounts {
  accounts: number;
  transactions: number;
  balances: number;
  rules: number;
  conversations: number;
}
