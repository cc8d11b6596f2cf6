/**
 * What a month's saving was made of: money in minus money spent (the executor's `saved` figure), and the
 * transfers that moved money into (or back out of) the person's savings accounts. Pure.
 */
import type { Figure } from '../measures.ts';
import type { Period } from '../query.ts';
import type { Txn } from '../types.ts';

export interface SavingsTransfer {
  accountId: number;
  accountName: string;
  currency: string;
  /** Moved in, positive minor units. */
  inMinor: number;
  /** Moved back out, positive minor units. */
  outMinor: number;
}

export interface Savings {
  period?: Period;
  currency: string;
  receivedMinor: number;
  spentMinor: number;
  /** Received minus spent; negative when more went out than came in. */
  savedMinor: number;
  transfers: SavingsTransfer[];
}

/**
 * @example savingsOf(savedFigure, historyOfMarch, [{ id: 2, name: 'Chase Savings' }], 'USD')
 * // { receivedMinor: 730436, spentMinor: 512000, savedMinor: 218436, transfers: [{ accountName: 'Chase Savings', inMinor: 150000, … }] }
 */
export function savingsOf(
  saved: Figure,
  history: readonly Txn[],
  savingsAccounts: readonly { id: number; name: string }[],
  currency: string,
): Savings {
  const side = (totals: Figure['received']) => totals?.find((t) => t.currency === currency)?.amountMinor ?? 0;
  const receivedMinor = side(saved.received);
  const spentMinor = side(saved.spent);
  const inPeriod = (t: Txn) => !saved.period || (t.date >= saved.period.start && t.date < saved.period.end);
  const transfers: SavingsTransfer[] = [];
  for (const account of savingsAccounts) {
    const moves = history.filter(
      (t) => t.accountId === account.id && t.flow === 'transfer' && t.currency === currency && inPeriod(t),
    );
    const inMinor = moves.filter((t) => t.amountMinor > 0).reduce((n, t) => n + t.amountMinor, 0);
    const outMinor = moves.filter((t) => t.amountMinor < 0).reduce((n, t) => n - t.amountMinor, 0);
    if (inMinor || outMinor)
      transfers.push({ accountId: account.id, accountName: account.name, currency, inMinor, outMinor });
  }
  return {
    ...(saved.period ? { period: saved.period } : {}),
    currency,
    receivedMinor,
    spentMinor,
    savedMinor: receivedMinor - spentMinor,
    transfers,
  };
}
