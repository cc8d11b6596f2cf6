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
    const key = `${base}|${rank}`;
    // The day first keeps inserts of a statement close together in the unique index (much faster than
    // random keys); two independent 53-bit hashes make a collision between genuine rows no practical risk.
    return `f:${r.date.replace(/-/g, '')}:${hash53(key, 0x9e3779b9).toString(36)}${hash53(key, 0x85ebca6b).toString(36)}`;
  });
}

/** cyrb53: a fast, well-distributed 53-bit string hash (public domain). Not for security. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
