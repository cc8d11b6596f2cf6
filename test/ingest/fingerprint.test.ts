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

/** A statement of `days` days, newest first, each day with a few identical coffees and a bank-id line. */
function statement(days: number): StatementTransaction[] {
  const rows: StatementTransaction[] = [];
  for (let d = days; d > 0; d--) {
    const date = new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10);
    for (let k = 0; k < 5; k++)
      rows.push({ date, amountMinor: -450, currency: 'USD', description: `COFFEE ${k % 2}` });
    rows.push({ date, amountMinor: -9900, currency: 'USD', description: 'GYM', externalId: `G${d % 3}` });
  }
  return rows;
}

/** Identities from a fingerprinter that may forget days past `budget` slots, able to read the rows again. */
function forgetful(rows: readonly StatementTransaction[], budget: number): { ids: string[]; passes: number } {
  let passes = 0;
  const identity = fingerprinter((visit) => {
    passes++;
    rows.forEach((r) => visit(r));
  }, budget);
  return { ids: rows.map(identity), passes };
}

describe('row identities of a long statement, with days left behind forgotten', () => {
  it('are those of a fingerprinter that forgets nothing, for a file in date order, read once', () => {
    const rows = statement(400);
    const { ids, passes } = forgetful(rows, 64);
    expect(ids).toEqual(rows.map(fingerprinter()));
    expect(new Set(ids).size).toBe(rows.length);
    expect(passes).toBe(0);
  });

  it('are the same for a file whose dates go back to a forgotten day, which reads it again once', () => {
    const rows = statement(400);
    // The newest day's coffees again at the end, and two of an early day in the middle.
    const late = [...rows, ...rows.slice(0, 3), ...rows.slice(600, 602)];
    const shuffled = [...late.slice(0, 1200), ...late.slice(6, 8), ...late.slice(1200)];
    for (const list of [late, shuffled]) {
      const { ids, passes } = forgetful(list, 64);
      expect(ids).toEqual(list.map(fingerprinter()));
      expect(passes).toBe(1);
    }
  });

  it('keep a day met again before it was forgotten, without reading the file again', () => {
    const rows = statement(30);
    const again = [...rows, ...rows.slice(0, 4)];
    const { ids, passes } = forgetful(again, 1 << 18);
    expect(ids).toEqual(again.map(fingerprinter()));
    expect(new Set(ids.filter((id) => id.startsWith('f:'))).size).toBe(30 * 5 + 4);
    expect(passes).toBe(0);
  });
});
