/**
 * The shared acceptance statements (read in place from the shared folder's acceptance; origin and licence in
 * the shared folder's SOURCES.md) and a store loaded with them through the real import pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountType } from '../../src/ingest/types.ts';
import { importStatement, type ImportSummary } from '../../src/ingest/importer.ts';
import type { Store } from '../../src/store/index.ts';
import { sharedDir } from '../../src/cli/shared-dir.ts';

export const ACCEPTANCE_DIR = sharedDir('acceptance');

/** The instant and calendar day every acceptance question is asked at. */
export const ACCEPTANCE_NOW = new Date('2026-03-10T12:00:00.000-08:00');
export const ACCEPTANCE_TODAY = '2026-03-10';

export interface AcceptanceImport {
  user: string;
  account: string;
  type: AccountType;
  file: string;
}

/** Which file goes to which user and account, as truth.json says. */
export function acceptanceImports(): AcceptanceImport[] {
  const truth = JSON.parse(readFileSync(join(ACCEPTANCE_DIR, 'truth.json'), 'utf8')) as { imports: AcceptanceImport[] };
  return truth.imports;
}

/** The bytes of one acceptance file. */
export function acceptanceBytes(file: string): Buffer {
  return readFileSync(join(ACCEPTANCE_DIR, file));
}

/** Imports the acceptance files (all, or those of the given users) the way `npm run import` does. */
export async function loadAcceptance(store: Store, users?: readonly string[], now = ACCEPTANCE_NOW): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  for (const imp of acceptanceImports()) {
    if (users && !users.includes(imp.user)) continue;
    out.push(
      await importStatement(store, {
        userId: imp.user,
        accountName: imp.account,
        accountType: imp.type,
        fileName: imp.file,
        bytes: acceptanceBytes(imp.file),
        now,
      }),
    );
  }
  return out;
}
