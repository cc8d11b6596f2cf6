/** Settles which way a single amount column points when the bank is not known. */
import { StatementQuestion, type AccountType, type ParseOptions, type ParsedStatement, type StatementTransaction } from '../../types.ts';
import type { ColumnMap } from './columns.ts';
import type { CsvLayout } from './layouts.ts';

const PAYMENT = /PAYMENT|THANK YOU|AUTOPAY|AUTO-PMT|AUTO PMT|ONLINE PMT|PMT RECEIVED|E-?PAYMENT/i;

export type SignDecision =
  | { kind: 'as-is'; accountType?: AccountType; assumption?: string }
  | { kind: 'negate'; accountType?: AccountType; assumption: string }
  | { kind: 'ask' };

/**
 * Card exports often list charges as positive numbers. Purchases far outnumber payments, so when
 * most lines are positive and the payment lines are the negative ones, the file uses that
 * convention and every amount is flipped. Bank accounts are left alone: their files are signed
 * from the holder's view.
 */
export function decideSign(amounts: readonly number[], descriptions: readonly string[], accountType: AccountType | undefined): SignDecision {
  if (accountType === 'checking' || accountType === 'savings') return { kind: 'as-is' };
  let positive = 0;
  let negative = 0;
  let paymentsPositive = 0;
  let paymentsNegative = 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] ?? 0;
    if (a > 0) positive++;
    else if (a < 0) negative++;
    if (PAYMENT.test(descriptions[i] ?? '')) {
      if (a > 0) paymentsPositive++;
      else if (a < 0) paymentsNegative++;
    }
  }
  const total = positive + negative;
  if (total === 0 || positive / total < 0.6) return { kind: 'as-is' };
  const flipped = 'Charges are listed as positive amounts; treated them as money out.';
  if (negative > 0 && paymentsNegative > paymentsPositive) return { kind: 'negate', accountType: 'credit_card', assumption: flipped };
  if (negative === 0 && accountType === 'credit_card') return { kind: 'negate', assumption: flipped };
  if (negative > 0 && paymentsPositive === 0 && accountType === 'credit_card') return { kind: 'negate', assumption: flipped };
  if (negative > 0) return { kind: 'as-is' };
  return { kind: 'ask' };
}

/** Flips the amounts of a file that lists charges as positive numbers, or asks when that cannot be told. */
export function applySign(txs: StatementTransaction[], statement: ParsedStatement, layout: CsvLayout | undefined, c: ColumnMap, opts: ParseOptions): void {
  let negate = false;
  if (opts.negate !== undefined) negate = opts.negate;
  else if (layout) {
    negate = layout.sign === 'negate';
    if (negate) statement.assumptions.push(`${layout.institution ?? 'This bank'} lists charges as positive amounts; treated them as money out.`);
  } else if (c.amount !== undefined && c.direction === undefined) {
    const decision = decideSign(txs.map((t) => t.amountMinor), txs.map((t) => t.description), statement.account.type);
    if (decision.kind === 'ask') {
      throw new StatementQuestion(
        opts.fileName,
        'sign',
        `In ${opts.fileName}, most amounts are positive. Are purchases listed as positive numbers (as many card exports do), or are these amounts already money in?`,
        ['negate', 'as-is'],
      );
    }
    negate = decision.kind === 'negate';
    if (decision.assumption) statement.assumptions.push(decision.assumption);
    if (decision.accountType && !statement.account.type) statement.account.type = decision.accountType;
  }
  if (!negate) return;
  for (const t of txs) {
    t.amountMinor = t.amountMinor === 0 ? 0 : -t.amountMinor;
    if (t.balanceAfterMinor !== undefined && statement.account.type === 'credit_card') t.balanceAfterMinor = -t.balanceAfterMinor;
  }
}
