/** Hand-written ledger rows for store tests, with fingerprints made the way the importer makes them. */
import { fingerprints } from '../../src/ingest/fingerprint.ts';
import type { Flow } from '../../src/insights/types.ts';
import type { NewTransaction } from '../../src/store/index.ts';

export interface RowSpec {
  date: string;
  /** Signed minor units: negative = money out. */
  amountMinor: number;
  description: string;
  merchant?: string;
  category?: string;
  flow?: Flow;
  currency?: string;
  externalId?: string;
}

/** One file's rows, fingerprinted together (so identical rows of one file stay distinct). */
export function fileRows(specs: readonly RowSpec[]): NewTransaction[] {
  const statement = specs.map((s) => ({
    date: s.date,
    amountMinor: s.amountMinor,
    currency: s.currency ?? 'USD',
    description: s.description,
    externalId: s.externalId,
  }));
  const ids = fingerprints(statement);
  return specs.map((s, i) => ({
    date: s.date,
    amountMinor: s.amountMinor,
    currency: s.currency ?? 'USD',
    description: s.description,
    merchant: s.merchant ?? s.description,
    category: s.category ?? 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
    flow: s.flow ?? 'spending',
    categorySource: 'test',
    externalId: s.externalId,
    fingerprint: ids[i] as string,
  }));
}
