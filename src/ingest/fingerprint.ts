import { createHash } from 'node:crypto';
import type { StatementTransaction } from './types.ts';

/**
 * Stable identities for a file's rows so re-imports and overlapping statements add nothing twice.
 * The bank's own id wins; otherwise date, amount and descriptor, plus the row's rank among identical
 * rows of the same file, so two genuine identical coffees on one day stay two.
 */
export function fingerprints(rows: readonly StatementTransaction[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    if (r.externalId) return `x:${r.externalId}`;
    const base = `${r.date}|${r.amountMinor}|${r.currency}|${r.description.trim().toUpperCase().replace(/\s+/g, ' ')}`;
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    return `f:${createHash('sha1').update(`${base}|${rank}`).digest('base64url').slice(0, 22)}`;
  });
}
