import type { Flow } from './categorize.ts';
import { identifyMerchant } from './merchants.ts';
import { type AccountKind, matchKeyword } from './rules.ts';

/** A transaction as transfer pairing needs to see it. */
export interface TransferCandidate<Id extends number | string = number | string> {
  id: Id;
  accountId: number | string;
  accountType?: AccountKind;
  /** ISO `yyyy-mm-dd`. */
  date: string;
  /** Signed minor units: negative = money out. */
  amountMinor: number;
  description: string;
  flow?: Flow;
}

/** How far apart the two sides of one transfer may be posted. */
export const TRANSFER_WINDOW_DAYS = 5;

const CARD_PAYMENT = 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT';
/** Wording that makes a line plausible as one side of a transfer, so a purchase and an unrelated refund of the same amount are not paired. */
const TRANSFER_WORDING = /PAY|PMT|PYMT|TRANSFER|XFER|\bTRF\b|DEPOSIT|SAVINGS|\bSAV\b|THANK YOU/i;

function dayNumber(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  );
}

/** True when the wording alone says this is a credit-card payment (either side of it). */
export function looksLikeCardPayment(
  row: Pick<TransferCandidate, 'description' | 'amountMinor' | 'accountType'>,
): boolean {
  const direction = row.amountMinor > 0 ? 'in' : 'out';
  return (
    matchKeyword('first', row.description, direction, row.accountType) === CARD_PAYMENT ||
    identifyMerchant(row.description).category === CARD_PAYMENT
  );
}

function plausible(row: TransferCandidate<number | string>): boolean {
  return (
    row.flow !== 'income' &&
    row.flow !== 'cash' &&
    (row.flow === 'transfer' || TRANSFER_WORDING.test(row.description))
  );
}

/**
 * The ids to mark as transfers between a person's own accounts: card payments by their wording, and pairs
 * of a bank-account debit and a card or savings credit (or a savings debit and a checking credit) of the
 * same amount, in different accounts, within five days of each other. Each line pairs at most once,
 * with the closest date.
 */
export function findTransferIds<Id extends number | string>(rows: readonly TransferCandidate<Id>[]): Id[] {
  const marked = new Set<Id>();
  for (const row of rows) if (looksLikeCardPayment(row)) marked.add(row.id);

  const creditsByAmount = new Map<number, TransferCandidate<Id>[]>();
  for (const row of rows) {
    if (row.amountMinor <= 0 || !plausible(row)) continue;
    const list = creditsByAmount.get(row.amountMinor) ?? [];
    list.push(row);
    creditsByAmount.set(row.amountMinor, list);
  }
  const used = new Set<Id>();
  const debits = rows.filter((r) => r.amountMinor < 0 && r.accountType !== 'credit_card' && plausible(r));
  for (const debit of debits) {
    const day = dayNumber(debit.date);
    let best: TransferCandidate<Id> | undefined;
    let bestGap = Infinity;
    for (const credit of creditsByAmount.get(-debit.amountMinor) ?? []) {
      if (used.has(credit.id) || credit.accountId === debit.accountId) continue;
      if (debit.accountType === 'checking' && credit.accountType === 'checking') continue;
      const gap = Math.abs(dayNumber(credit.date) - day);
      if (gap <= TRANSFER_WINDOW_DAYS && gap < bestGap) {
        best = credit;
        bestGap = gap;
      }
    }
    if (best) {
      used.add(best.id);
      marked.add(best.id);
      marked.add(debit.id);
    }
  }
  return [...marked];
}
