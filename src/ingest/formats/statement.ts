/** Small pieces every reader uses to assemble a ParsedStatement. */
import type { AccountType, ParsedStatement, StatementBalance, StatementFormat } from '../types.ts';

/** Last four digits (or characters) of an account or card number; undefined when there are none. */
export function accountMask(id: string | undefined): string | undefined {
  const digits = (id ?? '').replace(/\D/g, '');
  return digits.length === 0 ? undefined : digits.slice(-4);
}

/** Reads account-type words banks use (OFX ACCTTYPE, QIF !Type, CSV hints). */
export function accountTypeFrom(word: string | undefined): AccountType | undefined {
  const w = (word ?? '').toUpperCase();
  if (/CHECK|CURRENT|BANK|GIRO/.test(w)) return 'checking';
  if (/SAVING|MONEYMRKT/.test(w)) return 'savings';
  if (/CREDIT|CCARD|CARD/.test(w)) return 'credit_card';
  return undefined;
}

/** An empty statement to fill in. */
export function emptyStatement(format: StatementFormat, layout: string): ParsedStatement {
  return { format, layout, account: {}, transactions: [], balances: [], assumptions: [] };
}

/** Merges statements for the same account (a file may carry several periods of one account). */
export function mergeByKey(
  items: ReadonlyArray<{ key: string; statement: ParsedStatement }>,
): ParsedStatement[] {
  const byKey = new Map<string, ParsedStatement>();
  for (const { key, statement } of items) {
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, statement);
      continue;
    }
    seen.transactions.push(...statement.transactions);
    seen.balances.push(...statement.balances);
    for (const a of statement.assumptions) if (!seen.assumptions.includes(a)) seen.assumptions.push(a);
  }
  const out = [...byKey.values()];
  for (const s of out) s.balances = latestBalances(s.balances);
  return out;
}

/** Keeps the newest balance of each kind (a file of daily statements carries one per day). */
export function latestBalances(balances: readonly StatementBalance[]): StatementBalance[] {
  const byKind = new Map<string, StatementBalance>();
  for (const b of balances) {
    const seen = byKind.get(b.kind);
    if (!seen || b.asOf >= seen.asOf) byKind.set(b.kind, b);
  }
  return [...byKind.values()];
}

/** 1-based line where the text stops; a final line break ends the last line rather than starting one. */
export function endLine(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
