/**
 * A row's identity never changes from one version of Tally to the next: an account remembers the
 * fingerprints of what it already holds, so a statement imported again adds nothing twice only while
 * the same line gets the same fingerprint. These were computed when the identities were introduced.
 */
import { describe, expect, it } from 'vitest';
import { fingerprinter } from '../../src/ingest/fingerprint.ts';
import type { StatementTransaction } from '../../src/ingest/types.ts';

const ROWS: Array<
  Pick<StatementTransaction, 'date' | 'amountMinor' | 'currency' | 'description' | 'externalId'>
> = [
  { date: '2026-02-03', amountMinor: -450, currency: 'USD', description: 'STARBUCKS STORE 1234' },
  { date: '2026-02-03', amountMinor: -450, currency: 'USD', description: '  starbucks   store 1234 ' },
  { date: '2026-02-03', amountMinor: -450, currency: 'USD', description: 'STARBUCKS STORE 1234' },
  {
    date: '2025-12-31',
    amountMinor: 300000,
    currency: 'EUR',
    description: 'Gehalt Dezember',
    externalId: 'REF-77',
  },
  { date: '2025-12-31', amountMinor: -120000, currency: 'EUR', description: 'Miete', externalId: 'REF-77' },
  { date: '2026-01-15', amountMinor: -999, currency: 'GBP', description: 'CAFÉ ÜBER — 東京 ☕\tTAB' },
];

describe('row identities', () => {
  it('are the ones earlier imports stored, for lines with and without a bank id', () => {
    const identity = fingerprinter();
    expect(ROWS.map((r) => identity(r as StatementTransaction))).toEqual([
      'f:20260203:1wx0p3lgv6q1mr356g9mnm',
      'f:20260203:1exgphykawevrug3hf2as',
      'f:20260203:x20pa3tqeb15asf3ixc1d',
      'b:20251231:qb422vhwxs28w642jji8q',
      'b:20251231:1nd7h6bp70v24trtgron66',
      'f:20260115:61to1lpo0p1d9fyclsrue',
    ]);
  });

  it('tell a second identical line from the first, and a new statement starts counting again', () => {
    const first = fingerprinter();
    const a = first(ROWS[0] as StatementTransaction);
    const b = first(ROWS[0] as StatementTransaction);
    expect(b).not.toBe(a);
    expect(fingerprinter()(ROWS[0] as StatementTransaction)).toBe(a);
  });

  it('keeps counting identical lines past 255, each one distinct', () => {
    const identity = fingerprinter();
    const all = Array.from({ length: 600 }, () => identity(ROWS[0] as StatementTransaction));
    expect(new Set(all).size).toBe(600);
  });
});
