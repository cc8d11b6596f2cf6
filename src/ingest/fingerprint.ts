import type { StatementTransaction } from './types.ts';

/**
 * Stable identities for a file's rows so re-imports and overlapping statements add nothing twice.
 *
 * A line with the bank's own id (OFX FITID, camt AcctSvcrRef, MT940 reference) is identified by that id
 * together with its date, amount and descriptor: banks reuse ids (a salary and a rent payment sharing
 * one MT940 reference), and lines that differ must all be kept, while a line repeated exactly within a
 * file is one line (the importer keeps it once and reports the repeat). A line without an id is
 * identified by date, amount and descriptor plus its rank among identical lines of the same file, so
 * two genuine identical coffees on one day stay two.
 *
 * Rows imported before ids were combined with the line carry `x:<id>` alone; the ledger still
 * recognises them (Ledger.addStatement), so re-importing an old file adds nothing twice.
 */
export function fingerprints(rows: readonly StatementTransaction[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = `${r.date}|${r.amountMinor}|${r.currency}|${r.description.trim().toUpperCase().replace(/\s+/g, ' ')}`;
    if (r.externalId) return `b:${day(r.date)}:${hash(`${r.externalId}|${base}`)}`;
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    return `f:${day(r.date)}:${hash(`${base}|${rank}`)}`;
  });
}

function day(date: string): string {
  return date.replace(/-/g, '');
}

/**
 * The day first (in the callers) keeps inserts of a statement close together in the unique index, much
 * faster than random keys; two independent 53-bit hashes make a collision between genuine rows no
 * practical risk.
 */
function hash(key: string): string {
  return `${hash53(key, 0x9e3779b9).toString(36)}${hash53(key, 0x85ebca6b).toString(36)}`;
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
