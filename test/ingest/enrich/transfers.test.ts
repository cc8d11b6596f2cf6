import { describe, expect, it } from 'vitest';
import { type TransferCandidate, findTransferIds } from '../../../src/ingest/enrich/transfers.ts';

const row = (
  id: number,
  accountId: number,
  accountType: TransferCandidate['accountType'],
  date: string,
  amountMinor: number,
  description: string,
): TransferCandidate<number> => ({
  id,
  accountId,
  accountType,
  date,
  amountMinor,
  description,
  flow: 'spending',
});

describe('findTransferIds', () => {
  it('pairs a checking debit with a card credit of the same amount within five days', () => {
    const ids = findTransferIds([
      row(1, 1, 'checking', '2026-02-20', -52600, 'ONLINE PAYMENT 8812'),
      row(2, 2, 'credit_card', '2026-02-22', 52600, 'PAYMENT RECEIVED'),
    ]);
    expect(ids.sort()).toEqual([1, 2]);
  });

  it('does not pair lines more than five days apart or in the same account', () => {
    expect(
      findTransferIds([
        row(1, 1, 'checking', '2026-02-01', -10000, 'TRANSFER TO SAV 1234'),
        row(2, 2, 'savings', '2026-02-09', 10000, 'TRANSFER FROM CHK'),
      ]),
    ).toEqual([]);
    expect(
      findTransferIds([
        row(1, 1, 'checking', '2026-02-01', -10000, 'ONLINE TRANSFER'),
        row(2, 1, 'checking', '2026-02-02', 10000, 'ONLINE TRANSFER'),
      ]),
    ).toEqual([]);
  });

  it('does not pair a purchase with an unrelated refund of the same amount', () => {
    expect(
      findTransferIds([
        row(1, 1, 'checking', '2026-02-01', -4999, 'SAFEWAY #1507'),
        row(2, 2, 'credit_card', '2026-02-02', 4999, 'TARGET REFUND'),
      ]),
    ).toEqual([]);
  });

  it('marks card payments by their wording even without a partner', () => {
    expect(
      findTransferIds([
        row(7, 1, 'checking', '2026-01-20', -69290, 'CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224'),
      ]),
    ).toEqual([7]);
  });
});
