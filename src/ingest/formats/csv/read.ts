/** Turns a planned CSV's rows into transactions, one row at a time. */
import { StatementError, type StatementTransaction } from '../../types.ts';
import { parseAmount } from '../amount.ts';
import { dateExample, parseDate } from '../dates.ts';
import { isOutgoing } from './columns.ts';
import type { CsvPlan, RowFilter } from './plan.ts';

/** Rows without any amount (pending, cancelled) and repeated header rows carry no transaction. */
export function isTransactionRow(r: readonly string[], f: RowFilter): boolean {
  if (r.length < 2) return false;
  if (f.headerDate !== undefined && r[f.dateCol] === f.headerDate) return false;
  for (const m of f.money) if ((r[m] ?? '').trim() !== '') return true;
  return false;
}

export function columnName(plan: Pick<CsvPlan, 'header'>, i: number | undefined): string {
  if (i === undefined) return '';
  return plan.header[i] ? `column "${plan.header[i]?.trim()}"` : `column ${i + 1}`;
}

/**
 * Calls `visit` with every transaction of the file, in order, with the row's cells; a row that cannot
 * be read throws StatementError naming its line. Returns how many rows carried no transaction.
 */
export function eachTransaction(
  plan: CsvPlan,
  visit: (tx: StatementTransaction, cells: readonly string[]) => void,
): number {
  const { columns: c, order, mark, file } = plan;
  let skipped = 0;
  let firstDate: string | undefined;
  const dateCol = c.date ?? 0;
  const seen = new Map<string, string | undefined>();
  plan.source.each((r, index, line) => {
    if (index < plan.from) return;
    if (!isTransactionRow(r, plan.filter)) {
      if (r.length >= 2) skipped++;
      return;
    }
    firstDate ??= r[dateCol];
    const rawDate = r[dateCol] ?? '';
    let date = seen.get(rawDate);
    if (date === undefined) {
      date = parseDate(rawDate, order);
      if (seen.size < 100_000) seen.set(rawDate, date);
    }
    if (date === undefined) {
      throw new StatementError(
        file,
        `line ${line}`,
        `expected a date like ${dateExample(order, firstDate)} in ${columnName(plan, dateCol)}, found "${rawDate}"`,
      );
    }
    const currency =
      c.currency !== undefined && /^[A-Z]{3}$/.test((r[c.currency] ?? '').trim())
        ? (r[c.currency] ?? '').trim()
        : plan.currency;
    const tx: StatementTransaction = {
      date,
      amountMinor: amountOf(plan, r, line, currency),
      currency,
      description: clean(c.description !== undefined ? r[c.description] : ''),
      line,
    };
    if (c.memo !== undefined && r[c.memo]?.trim()) tx.memo = clean(r[c.memo]);
    if (c.category !== undefined && r[c.category]?.trim()) tx.bankCategory = r[c.category]?.trim();
    if (c.type !== undefined && r[c.type]?.trim()) tx.bankType = r[c.type]?.trim();
    if (c.balance !== undefined && r[c.balance]?.trim()) {
      const b = parseAmount(r[c.balance] ?? '', currency, mark);
      if (b !== undefined) tx.balanceAfterMinor = b;
    }
    if (!tx.description && tx.memo) tx.description = tx.memo;
    visit(tx, r);
  });
  return skipped;
}

function clean(text: string | undefined): string {
  if (!text) return '';
  return text.indexOf('  ') >= 0 || text.indexOf('\n') >= 0 ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

function amountOf(plan: CsvPlan, r: readonly string[], line: number, currency: string): number {
  const { columns: c, mark, file } = plan;
  const read = (i: number | undefined): number => {
    if (i === undefined) return 0;
    const raw = r[i] ?? '';
    if (raw.trim() === '') return 0;
    const v = parseAmount(raw, currency, mark);
    if (v === undefined)
      throw new StatementError(
        file,
        `line ${line}`,
        `expected an amount like -12.34 in ${columnName(plan, i)}, found "${raw}"`,
      );
    return v;
  };
  if (c.amount !== undefined) {
    const v = read(c.amount);
    if (c.direction === undefined) return v;
    return isOutgoing(r[c.direction] ?? '') ? -Math.abs(v) : Math.abs(v);
  }
  return Math.abs(read(c.credit)) - Math.abs(read(c.debit));
}
