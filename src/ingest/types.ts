/** What every statement reader produces, whatever the file format. */

export type AccountType = 'checking' | 'savings' | 'credit_card';

export type StatementFormat = 'ofx' | 'csv' | 'qif' | 'camt053' | 'mt940';

/** One line of a statement, normalised but not yet enriched. */
export interface StatementTransaction {
  /** Posted (booking) date, ISO `yyyy-mm-dd`. */
  date: string;
  /** Signed integer minor units from the account holder's view: negative = money out, positive = money in. */
  amountMinor: number;
  /** ISO 4217 code. */
  currency: string;
  /** The descriptor as the bank printed it (payee/name, falling back to memo). */
  description: string;
  memo?: string;
  /** The bank's own id for the line (OFX FITID, camt AcctSvcrRef/NtryRef, …) when the file gives one. */
  externalId?: string;
  /** Merchant category code, when the file carries one (OFX SIC/MCC, some CSVs). */
  mcc?: string;
  /** The bank's own category column, a hint only. */
  bankCategory?: string;
  /** The bank's own type column or code ("Sale", "Payment", "ATM", "DIRECTDEP", "XFER"…), a hint only. */
  bankType?: string;
  /** Running balance after this line, when the file has such a column. */
  balanceAfterMinor?: number;
  /** 1-based line of the source file where the transaction starts, for messages. */
  line?: number;
}

export interface StatementBalance {
  amountMinor: number;
  currency: string;
  /** ISO `yyyy-mm-dd`. */
  asOf: string;
  kind: 'ledger' | 'available' | 'running';
}

export interface ParsedStatement {
  format: StatementFormat;
  /** Recognised layout, e.g. "amex", "chase-checking", "ofx-2.x", or "inferred". */
  layout: string;
  /** What the file says about its account, where it says anything. */
  account: {
    type?: AccountType;
    /** Last 4 digits of the account or card number. */
    mask?: string;
    institution?: string;
    name?: string;
    currency?: string;
  };
  transactions: StatementTransaction[];
  balances: StatementBalance[];
  /** Plain sentences about what was assumed, e.g. "American Express lists charges as positive amounts; signs flipped." */
  assumptions: string[];
}

/** Options a caller can give; everything else is inferred from the content. */
export interface ParseOptions {
  /** Used in error messages only; never for format detection. */
  fileName: string;
  accountType?: AccountType;
  /** Override the CSV date format: `mm/dd/yyyy`, `dd/mm/yyyy`, `yyyy-mm-dd`, `dd.mm.yyyy`, `mm/dd/yy`, `dd/mm/yy`… */
  dateFormat?: string;
  /** Override CSV columns: `date=0,description=2,amount=3` or by header name `date=Posting Date,amount=Amount` (keys: date, description, amount, debit, credit, direction, balance, category, memo, currency). */
  columns?: string;
  /** Flip the sign of every amount (a card export that lists charges as positive numbers). */
  negate?: boolean;
}

/** A file that cannot be imported: says which file, where, and what was expected there. */
export class StatementError extends Error {
  constructor(
    readonly file: string,
    /** "line 12", "element STMTTRN #3 > DTPOSTED", "header" … */
    readonly where: string,
    readonly expected: string,
  ) {
    super(`${file}, ${where}: ${expected}`);
    this.name = 'StatementError';
  }
}

/**
 * A file that stops before its end: cut off in the download or the export. Says where it stops and
 * what was still open there, so the user knows to export it again; nothing from it is imported.
 */
export class TruncatedStatementError extends StatementError {
  constructor(
    file: string,
    /** 1-based line where the text stops. */
    readonly line: number,
    /** What was unfinished there, in plain words: "inside the transaction that starts at line 40 (no </STMTTRN>)". */
    readonly detail: string,
  ) {
    super(file, `line ${line}`, `the file stops here, ${detail}; it looks cut off`);
    this.name = 'TruncatedStatementError';
  }
}

/** Inference was unsure: the caller must ask one question (CLI: an override flag; chat: a question). */
export class StatementQuestion extends Error {
  constructor(
    readonly file: string,
    readonly topic: 'date-format' | 'sign' | 'columns',
    /** The question in plain words. */
    readonly question: string,
    /** The values the answer can take, as they would be passed to ParseOptions (e.g. ["mm/dd/yyyy","dd/mm/yyyy"] or ["as-is","negate"]). */
    readonly options: string[],
  ) {
    super(question);
    this.name = 'StatementQuestion';
  }
}
