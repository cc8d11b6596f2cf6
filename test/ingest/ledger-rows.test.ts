import { describe, expect, it } from 'vitest';
import { readLedgerRows } from '../../src/ingest/ledger-rows.ts';
import type { StatementReader } from '../../src/ingest/parse.ts';
import type { StatementTransaction } from '../../src/ingest/types.ts';
import type { NewTransaction } from '../../src/store/types.ts';

/** A reader over fixed lines, all in one statement. */
function readerOf(lines: StatementTransaction[]): StatementReader {
  return {
    format: 'csv',
    account: {},
    currency: 'USD',
    read: (emit) => {
      lines.forEach((t) => emit(t, 0));
      return [];
    },
  };
}

function rowsOf(lines: StatementTransaction[]): NewTransaction[] {
  const rows: NewTransaction[] = [];
  readLedgerRows(readerOf(lines), 'checking', new Map(), (batch) => rows.push(...batch));
  return rows;
}

const line = (over: Partial<StatementTransaction>): StatementTransaction => ({
  date: '2026-03-02',
  amountMinor: -2000,
  currency: 'USD',
  description: 'WITHDRAWAL 4411 MAIN ST',
  line: 1,
  ...over,
});

describe('readLedgerRows', () => {
  it('tells the same description apart by the bank transaction type of each line', () => {
    const rows = rowsOf([
      line({ bankType: 'ATM' }),
      line({ bankType: 'FEE' }),
      line({}),
      line({ bankType: 'ATM', date: '2026-03-03' }),
    ]);
    expect(rows.map((r) => r.category)).toEqual([
      'TRANSFER_OUT_WITHDRAWAL',
      'BANK_FEES_OTHER_BANK_FEES',
      rowsOf([line({})])[0]?.category,
      'TRANSFER_OUT_WITHDRAWAL',
    ]);
    expect(rows[0]?.categorySource).toBe('bank');
  });

  it('enriches each line as it would be alone, whatever the lines before it with the same description', () => {
    const lines = [
      line({ description: 'ONLINE TRANSFER REF 1234', mcc: '5411' }),
      line({ description: 'ONLINE TRANSFER REF 1234', mcc: '5812' }),
      line({ description: 'ONLINE TRANSFER REF 1234', amountMinor: 2000 }),
      line({ description: 'ONLINE TRANSFER REF 1234', memo: 'ONLINE TRANSFER REF 1234 TO SAVINGS' }),
      line({ description: 'ONLINE TRANSFER REF 1234', bankCategory: 'Groceries' }),
      line({ description: 'ONLINE TRANSFER REF 1234' }),
    ];
    const alone = (t: StatementTransaction) => {
      const { fingerprint: _, ...rest } = rowsOf([t])[0] as NewTransaction;
      return rest;
    };
    const together = rowsOf([...lines, ...lines]).map(({ fingerprint: _, ...rest }) => rest);
    expect(together).toEqual([...lines, ...lines].map(alone));
    expect(new Set(together.map((r) => r.category)).size).toBeGreaterThan(1);
  });

  it('gives identical lines of one statement distinct fingerprints and the same day', () => {
    const rows = rowsOf([line({}), line({}), line({ date: '2026-03-05' })]);
    expect(new Set(rows.map((r) => r.fingerprint)).size).toBe(3);
    expect(rows.map((r) => r.fingerprint.slice(0, 11))).toEqual([
      'f:20260302:',
      'f:20260302:',
      'f:20260305:',
    ]);
  });
});
