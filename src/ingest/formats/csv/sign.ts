/** Settles which way a single amount column points when the bank is not known. */
import {
  StatementQuestion,
  type AccountType,
  type ParseOptions,
  type ParsedStatement,
  type StatementTransaction,
} from '../../types.ts';
import type { ColumnMap } from './columns.ts';
import type { CsvLayout } from './layouts.ts';

const PAYMENT = /PAYMENT|THANK YOU|AUTOPAY|AUTO-PMT|AUTO PMT|ONLINE PMT|PMT RECEIVED|E-?PAYMENT/i;

export type SignDecision =
  | { kind: 'as-is'; accountType?: AccountType; assumption?: string }
  | { kind: 'negate'; accountType?: AccountType; assumption: string }
  | { kind: 'ask' };

/** Counts, row by row, what decides the sign convention (no row is kept). */
export class SignTally {
  positive = 0;
  negative = 0;
  paymentsPositive = 0;
  paymentsNegative = 0;

  add(amountMinor: number, description: string): void {
    if (amountMinor > 0) this.positive++;
    else if (amountMinor < 0) this.negative++;
    if (PAYMENT.test(description)) {
      if (amountMinor > 0) this.paymentsPositive++;
      else if (amountMinor < 0) this.paymentsNegative++;
    }
  }
}

/**
 * Card exports often list charges as positive numbers. Purchases far outnumber payments, so when
 * most lines are positive and the payment lines are the negative ones, the file uses that
 * convention and every amount is flipped. Bank accounts are left alone: their files are signed
 * from the holder's view.
 */
export function decideSign(t: SignTally, accountType: AccountType | undefined): SignDecision {
  if (accountType === 'checking' || accountType === 'savings') return { kind: 'as-is' };
  const { positive, negative, paymentsPositive, paymentsNegative } = t;
  const total = positive + negative;
  if (total === 0 || positive / total < 0.6) return { kind: 'as-is' };
  const flipped = 'Charges are listed as positive amounts; treated them as money out.';
  if (negative > 0 && paymentsNegative > paymentsPositive)
    return { kind: 'negate', accountType: 'credit_card', assumption: flipped };
  if (negative === 0 && accountType === 'credit_card') return { kind: 'negate', assumption: flipped };
  if (negative > 0 && paymentsPositive === 0 && accountType === 'credit_card')
    return { kind: 'negate', assumption: flipped };
  if (negative > 0) return { kind: 'as-is' };
  return { kind: 'ask' };
}

/** Whether the sign of a file can only be told from all of its amounts (no layout, no answer, one amount column). */
export function signNeedsRows(layout: CsvLayout | undefined, c: ColumnMap, opts: ParseOptions): boolean {
  return opts.negate === undefined && !layout && c.amount !== undefined && c.direction === undefined;
}

/**
 * Settles whether a file's amounts are flipped, recording what was assumed on the statement (and the
 * account type the convention implies); asks when that cannot be told. `tally` holds every row's
 * amount when `signNeedsRows`.
 */
export function settleSign(
  statement: ParsedStatement,
  layout: CsvLayout | undefined,
  c: ColumnMap,
  opts: ParseOptions,
  tally: SignTally | undefined,
): boolean {
  if (opts.negate !== undefined) return opts.negate;
  if (layout) {
    const negate = layout.sign === 'negate';
    if (negate)
      statement.assumptions.push(
        `${layout.institution ?? 'This bank'} lists charges as positive amounts; treated them as money out.`,
      );
    return negate;
  }
  if (!signNeedsRows(layout, c, opts)) return false;
  const decision = decideSign(tally ?? new SignTally(), statement.account.type);
  if (decision.kind === 'ask') {
    throw new StatementQuestion(
      opts.fileName,
      'sign',
      `In ${opts.fileName}, most amounts are positive. Are purchases listed as positive numbers (as many card exports do), or are these amounts already money in?`,
      ['negate', 'as-is'],
    );
  }
  if (decision.assumption) statement.assumptions.push(decision.assumption);
  if (decision.accountType && !statement.account.type) statement.account.type = decision.accountType;
  return decision.kind === 'negate';
}

/** Flips one row read from a file whose charges are positive numbers. */
export function negateRow(t: StatementTransaction, accountType: AccountType | undefined): void {
  t.amountMinor = t.amountMinor === 0 ? 0 : -t.amountMinor;
  if (t.balanceAfterMinor !== undefined && accountType === 'credit_card')
    t.balanceAfterMinor = -t.balanceAfterMinor;
}
