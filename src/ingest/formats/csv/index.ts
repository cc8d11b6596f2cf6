/** Reads CSV statements: known bank layouts by header, anything else by inference. */
import type { ParseOptions, ParsedStatement, StatementTransaction } from '../../types.ts';
import { accountMask } from '../statement.ts';
import { textLines, type CsvLines } from './lines.ts';
import { planCsv, type CsvPlan } from './plan.ts';
import { eachTransaction } from './read.ts';
import { negateRow } from './sign.ts';

export { bytesLines, textLines, type CsvLines } from './lines.ts';

/**
 * A CSV statement being read row by row. Everything that can refuse the file (a question, a cut-off
 * last row, an unreadable header) was settled when it was opened; a row that cannot be read still
 * throws StatementError from `read`, naming its line.
 */
export interface CsvReader {
  /** The first account's statement as the file describes it, before any row is read (no transactions). */
  first: ParsedStatement;
  /**
   * Hands every transaction to `emit`, in file order, with the index of the statement (account) it
   * belongs to; then returns those statements (balances and assumptions complete, transactions empty).
   */
  read(emit: (tx: StatementTransaction, statement: number) => void): ParsedStatement[];
}

/**
 * Opens a CSV statement for reading. Throws StatementQuestion when the date order or the sign convention
 * cannot be settled from the file; the answers come back through ParseOptions.
 */
export function openCsv(lines: CsvLines, opts: ParseOptions): CsvReader {
  const plan = planCsv(lines, opts);
  return { first: statementFor(plan, plan.firstAccountKey), read: (emit) => readAll(plan, emit) };
}

/** Reads a whole CSV statement into memory (one ParsedStatement per account column value). */
export function parseCsv(text: string, opts: ParseOptions): ParsedStatement[] {
  const lists: StatementTransaction[][] = [];
  const statements = openCsv(textLines(text), opts).read((tx, s) => {
    const list = lists[s];
    if (list) list.push(tx);
    else lists[s] = [tx];
  });
  statements.forEach((st, i) => (st.transactions = lists[i] ?? []));
  return statements;
}

interface Group {
  key: string;
  /** The first and the last row with a running balance: the newest of them is the account's balance. */
  firstBalance?: StatementTransaction;
  lastBalance?: StatementTransaction;
}

function readAll(
  plan: CsvPlan,
  emit: (tx: StatementTransaction, statement: number) => void,
): ParsedStatement[] {
  const col = plan.columns.account;
  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  const type = plan.base.account.type;
  const skipped = eachTransaction(plan, (tx, cells) => {
    if (plan.negate) negateRow(tx, type);
    const key = col === undefined ? '' : (cells[col] ?? '').trim();
    let index = byKey.get(key);
    if (index === undefined) {
      index = groups.length;
      byKey.set(key, index);
      groups.push({ key });
    }
    const group = groups[index] as Group;
    if (tx.balanceAfterMinor !== undefined) {
      group.firstBalance ??= tx;
      group.lastBalance = tx;
    }
    emit(tx, index);
  });
  const skippedNote =
    skipped > 0
      ? [
          `Skipped ${skipped} row${skipped === 1 ? '' : 's'} with no amount (pending, cancelled or repeated headers).`,
        ]
      : [];
  return groups.map((g) => {
    const st = statementFor(plan, g.key, skippedNote);
    const first = g.firstBalance;
    const last = g.lastBalance;
    // The top row of a newest-first file, the bottom of an oldest-first one.
    const newest = first && last ? (first.date > last.date ? first : last) : undefined;
    if (newest?.balanceAfterMinor !== undefined)
      st.balances.push({
        kind: 'running',
        amountMinor: newest.balanceAfterMinor,
        currency: newest.currency,
        asOf: newest.date,
      });
    return st;
  });
}

/** One account's statement: the plan's, with the account named by the account column's value. */
function statementFor(plan: CsvPlan, key: string, notes: readonly string[] = []): ParsedStatement {
  const base = plan.base;
  const st: ParsedStatement = {
    ...base,
    account: { ...base.account },
    assumptions: [...notes, ...base.assumptions],
    transactions: [],
    balances: [],
  };
  const mask = accountMask(key);
  if (mask && key.replace(/\D/g, '').length >= 4) st.account.mask = mask;
  else if (key) st.account.name = key;
  return st;
}
