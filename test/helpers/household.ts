/**
 * The made-up household of test/fixtures/household (Maya's checking and card CSVs, Theo's checking and card
 * OFX files, 1 December 2025 to 3 March 2026) and a store loaded with it through the real import pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountType } from '../../src/ingest/types.ts';
import { importStatement, type ImportSummary } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';

export const HOUSEHOLD_DIR = join(import.meta.dirname, '../fixtures/household');

/** The instant and calendar day the household's questions are asked at: "last month" is February 2026. */
export const HOUSEHOLD_NOW = new Date('2026-03-05T10:00:00.000-08:00');
export const HOUSEHOLD_TODAY = '2026-03-05';

export interface HouseholdImport {
  user: string;
  account: string;
  type: AccountType;
  file: string;
}

/** Which file goes to which person and account, in the order they are linked. */
export const HOUSEHOLD: readonly HouseholdImport[] = [
  { user: 'maya', account: 'BofA Checking', type: 'checking', file: 'maya_bofa_checking.csv' },
  { user: 'maya', account: 'Discover It', type: 'credit_card', file: 'maya_discover_it.csv' },
  { user: 'theo', account: 'Alliant Checking', type: 'checking', file: 'theo_alliant_checking.ofx' },
  { user: 'theo', account: 'Alliant Visa', type: 'credit_card', file: 'theo_alliant_visa.ofx' },
];

/** The bytes of one household statement. */
export function householdBytes(file: string): Buffer {
  return readFileSync(join(HOUSEHOLD_DIR, file));
}

/** Imports the household's statements (all, or those of the given people) the way `npm run import` does. */
export async function loadHousehold(
  store: Store,
  users?: readonly string[],
  now = HOUSEHOLD_NOW,
): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  for (const imp of HOUSEHOLD) {
    if (users && !users.includes(imp.user)) continue;
    out.push(
      await importStatement(store, {
        userId: imp.user,
        accountName: imp.account,
        accountType: imp.type,
        fileName: imp.file,
        bytes: householdBytes(imp.file),
        now,
      }),
    );
  }
  return out;
}
