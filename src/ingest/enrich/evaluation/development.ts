import { parse } from 'csv-parse/sync';
import { categorize } from '../categorize.ts';
import { isCategoryCode, primaryOf } from '../categories.ts';
import { cleanMerchant } from '../merchants.ts';
import type { AccountKind } from '../rules.ts';

/** One line of a development file and what the categoriser made of it. */
export interface DevelopmentResult {
  description: string;
  account: AccountKind;
  expected: string;
  actual: string;
  merchant: string;
}

export interface DevelopmentScore {
  rows: number;
  primaryHits: number;
  detailedHits: number;
  misses: DevelopmentResult[];
}

const ACCOUNTS: readonly AccountKind[] = ['checking', 'savings', 'credit_card'];

/** Decimal text ("-412.50") to signed minor units, without going through floating point. */
function minorUnits(amount: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`development file: bad amount ${JSON.stringify(amount)}`);
  const minor = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -minor : minor;
}

/**
 * Scores the categoriser on a development file with `description,amount,account,category` columns: descriptors
 * written by hand with the detailed category a person would expect, used to tune the rules in `data/`.
 */
export function scoreDevelopment(csvText: string): DevelopmentScore {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
  const score: DevelopmentScore = { rows: 0, primaryHits: 0, detailedHits: 0, misses: [] };
  for (const row of rows) {
    const description = row.description ?? '';
    const expected = row.category ?? '';
    const account = ACCOUNTS.find((a) => a === row.account);
    if (!account || !isCategoryCode(expected))
      throw new Error(`development file: bad row ${JSON.stringify(row)}`);
    const merchant = cleanMerchant(description);
    const { category } = categorize({
      merchant,
      description,
      amountMinor: minorUnits(row.amount ?? ''),
      accountType: account,
    });
    score.rows++;
    if (primaryOf(category) === primaryOf(expected)) score.primaryHits++;
    if (category === expected) score.detailedHits++;
    else score.misses.push({ description, account, expected, actual: category, merchant });
  }
  return score;
}
