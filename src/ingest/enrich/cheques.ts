/**
 * Cheques ("CHECK 1042", "CHEQUE 000123", "CHK #552", "DEPOSITED CHEQUE"). A cheque names no payee, so it is
 * not a merchant: each written cheque is shown by its number ("Cheque 1042") and never pooled with other cheques
 * under one name, and its category says only that money left by cheque.
 */

/** What a cheque line is: one written from the account, or one paid in. */
export type ChequeKind = 'written' | 'deposit';

export interface Cheque {
  kind: ChequeKind;
  /** The cheque number without leading zeros, when the line prints one. */
  number?: string;
}

const WORD = String.raw`(?:CHECK|CHEQUE|CHQ|CHK)`;
/** Bank wording that may come before the cheque word ("POSTED CHECK 1042", "PAID CHEQUE 100234"). */
const LEAD = String.raw`(?:(?:POSTED|PAID|DEBIT|DRAFT|CLEARED|ISSUED)\s+)?`;
/** Words between the cheque word and its number ("CHECK PAID #1042", "CHEQUE NO. 000123"). */
const FILL = String.raw`(?:\s*(?:PAID|NO\.?|NUMBER|NBR|NUM|#)\s*)*`;
/**
 * A line that starts with a cheque word and then its number, or nothing at all ("CHECK 1042", "CHK#552",
 * "CHEQUE"); "CHECK INTO CASH" is a lender, not a cheque.
 */
const WRITTEN = new RegExp(String.raw`^${LEAD}${WORD}${FILL}(?:#?\s*(\d{1,12})\b|$)`, 'i');
/** Paying in a cheque, wherever the wording puts it ("DEPOSITED CHEQUE", "CHQ DEP", "MOBILE CHECK DEPOSIT"). */
const DEPOSIT = new RegExp(
  String.raw`\b(?:DEPOSITED|MOBILE|REMOTE|ATM|BRANCH|COUNTER)\s+${WORD}\b|\b${WORD}\s+(?:DEPOSIT|DEP|LODGEMENT|LODGMENT|PAID IN|CREDIT)\b`,
  'i',
);
/** Cheque words that start something else: a debit card ("CHECKCARD"), a fee for a cheque book, a statement line. */
const NOT_A_CHEQUE = /^(?:CHECK ?CARD|CHE(?:CK|QUE) ?(?:BOOK|ORDER|PRINT|RETURN|STOP)|CHECK ?OUT|CHECKING)/i;
const NUMBER_AFTER = new RegExp(String.raw`${WORD}${FILL}#?\s*(\d{1,12})\b`, 'i');
const withoutLeadingZeros = (digits: string): string => digits.replace(/^0+(?=\d)/, '');

/**
 * Recognises a cheque line and its number; anything else gives `undefined`.
 * @example findCheque('CHECK 1042') // { kind: 'written', number: '1042' }
 * @example findCheque('DEPOSITED CHEQUE') // { kind: 'deposit' }
 */
export function findCheque(description: string): Cheque | undefined {
  const text = description.replace(/\s+/g, ' ').trim();
  if (NOT_A_CHEQUE.test(text)) return undefined;
  if (DEPOSIT.test(text)) {
    const number = NUMBER_AFTER.exec(text)?.[1];
    return number ? { kind: 'deposit', number: withoutLeadingZeros(number) } : { kind: 'deposit' };
  }
  const written = WRITTEN.exec(text);
  if (!written) return undefined;
  return written[1] ? { kind: 'written', number: withoutLeadingZeros(written[1]) } : { kind: 'written' };
}

/** The name a cheque line is shown under: "Cheque 1042", "Cheque deposit", or "Cheque" when no number is printed. */
export function chequeName(cheque: Cheque): string {
  if (cheque.kind === 'deposit') return 'Cheque deposit';
  return cheque.number ? `Cheque ${cheque.number}` : 'Cheque';
}

/** Money paid in by cheque is a deposit; money out by cheque went to a payee the statement does not name. */
export function chequeCategory(direction: 'in' | 'out'): string {
  return direction === 'in' ? 'TRANSFER_IN_DEPOSIT' : 'TRANSFER_OUT_OTHER_TRANSFER_OUT';
}
