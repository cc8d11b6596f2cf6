/** Reads CSV statements: known bank layouts by header, anything else by inference. */
import { StatementError, StatementQuestion, TruncatedStatementError, type ParseOptions, type ParsedStatement, type StatementTransaction } from '../../types.ts';
import { guessDecimalMark, parseAmount, type DecimalMark } from '../amount.ts';
import { dateExample, formatName, inferDateOrder, orderFromFormat, parseDate, type DateOrder } from '../dates.ts';
import { accountMask, emptyStatement } from '../statement.ts';
import { inferColumns, inferHeaderlessColumns, isOutgoing, type ColumnMap } from './columns.ts';
import { findHeader, sniffDelimiter } from './header.ts';
import { normaliseHeader, type ColumnRole, type CsvLayout } from './layouts.ts';
import { applySign } from './sign.ts';
import { assertLastRowWhole } from './complete.ts';
import { splitCsv, type CsvRows } from './split.ts';

const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW', '₹': 'INR', 'CHF': 'CHF' };

interface Plan {
  file: string;
  header: string[];
  columns: ColumnMap;
  order: DateOrder;
  mark: DecimalMark;
  currency: string;
  source: CsvRows;
  /** Index of the first data row. */
  from: number;
  filter: RowFilter;
}

function columnName(plan: Plan, i: number | undefined): string {
  if (i === undefined) return '';
  return plan.header[i] ? `column "${plan.header[i]?.trim()}"` : `column ${i + 1}`;
}

/** Resolves a layout's or the caller's `role=name|index` choices to column indexes. */
function resolveColumns(spec: Partial<Record<ColumnRole, string | number>>, header: readonly string[], file: string): ColumnMap {
  const norm = header.map(normaliseHeader);
  const map: ColumnMap = {};
  for (const [role, ref] of Object.entries(spec) as Array<[ColumnRole, string | number]>) {
    const i = typeof ref === 'number' || /^\d+$/.test(String(ref)) ? Number(ref) : norm.indexOf(normaliseHeader(String(ref)));
    if (i >= 0) map[role] = i;
    else if (role === 'date' || role === 'amount') throw new StatementError(file, 'header', `expected a column named "${ref}"`);
  }
  return map;
}

function parseColumnsOption(text: string): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const part of text.split(',')) {
    const [k, ...v] = part.split('=');
    if (k && v.length) out[k.trim() as ColumnRole] = v.join('=').trim();
  }
  return out;
}

/**
 * Reads a CSV statement. Throws StatementQuestion when the date order or the sign convention cannot
 * be settled from the file; the answers come back through ParseOptions.
 */
export function parseCsv(text: string, opts: ParseOptions): ParsedStatement[] {
  const file = opts.fileName;
  const delimiter = sniffDelimiter(text);
  const source = splitCsv(text, delimiter, file);
  // A last row without a line break may be cut off (see complete.ts): it must not shape the inference.
  const inferable = /[\r\n]$/.test(text) || source.count < 3 ? source.count : source.count - 1;
  const head: string[][] = [];
  for (let i = 0; i < Math.min(inferable, 40); i++) head.push(source.row(i));
  const override = opts.columns ? parseColumnsOption(opts.columns) : undefined;
  const wanted = override ? Object.values(override).filter((v): v is string => !!v && !/^\d+$/.test(v)) : [];
  const found = findHeader(head, wanted);
  if (!found) {
    throw new StatementError(file, 'line 1', 'expected a header row followed by rows that start with a date (no dates found in the first 40 rows)');
  }
  const layout = override ? undefined : found.layout;
  const header = found.headerIndex >= 0 ? (head[found.headerIndex] ?? []) : [];
  const sample: string[][] = [];
  for (let i = found.dataIndex; i < Math.min(inferable, found.dataIndex + 200); i++) sample.push(source.row(i));
  const columns = override
    ? resolveColumns(override, header, file)
    : layout
      ? resolveColumns(layout.columns, header, file)
      : header.length > 0
        ? inferColumns(header, sample)
        : inferHeaderlessColumns(sample);
  const headerLine = found.headerIndex >= 0 ? `line ${source.line(found.headerIndex)}` : 'line 1';
  if (columns.date === undefined) throw new StatementError(file, headerLine, 'expected a column holding dates (such as "Date" or "Posting Date")');
  if (columns.amount === undefined && (columns.debit === undefined || columns.credit === undefined)) {
    throw new StatementError(file, headerLine, 'expected an amount column (such as "Amount"), or separate debit and credit columns');
  }
  const filter: RowFilter = {
    money: [columns.amount, columns.debit, columns.credit].filter((i): i is number => i !== undefined),
    dateCol: columns.date,
    headerDate: header[columns.date],
  };
  const needAll = !opts.dateFormat && !layout?.dateFormat;
  const kept = { rows: transactionRows(source, found.dataIndex, filter, needAll ? Infinity : 2000) };
  if (kept.rows.length === 0) {
    if (!/[\r\n]$/.test(text) && source.count > found.dataIndex) throw new TruncatedStatementError(file, source.line(source.count - 1), 'in the middle of its first row');
    throw new StatementError(file, headerLine, 'expected at least one transaction row after the header; found none');
  }

  const basis = kept.rows[0] !== undefined && kept.rows[0] < inferable ? kept.rows.filter((i) => i < inferable) : kept.rows;
  const amountCells = basis.slice(0, 2000).map((i) => source.row(i)).flatMap((r) => [columns.amount, columns.debit, columns.credit].map((i) => (i === undefined ? '' : (r[i] ?? ''))));
  const plan: Plan = {
    file,
    header,
    columns,
    order: settledOrder(source, basis, kept.rows, columns.date, header, layout, opts),
    mark: layout?.decimal ?? guessDecimalMark(amountCells),
    currency: currencyOf(layout, header, columns, amountCells, source.row(basis[0] ?? 0)),
    source,
    from: found.dataIndex,
    filter,
  };
  assertLastRowWhole({ file, text, source, header, from: found.dataIndex, columns, mark: plan.mark, order: plan.order, isTransactionRow: (r) => isTransactionRow(r, filter) });
  const { txs, skipped, sourceRows } = readRows(plan);
  const statement = emptyStatement('csv', layout?.id ?? 'inferred');
  if (skipped > 0) statement.assumptions.push(`Skipped ${skipped} row${skipped === 1 ? '' : 's'} with no amount (pending, cancelled or repeated headers).`);
  if (plan.currency === 'USD' && !layout?.currency && columns.currency === undefined && !/\$/.test(amountCells.join(''))) {
    statement.assumptions.push('The file names no currency; amounts read as USD.');
  }
  statement.account.currency = plan.currency;
  if (layout?.institution) statement.account.institution = layout.institution;
  const accountType = opts.accountType ?? layout?.accountType;
  if (accountType) statement.account.type = accountType;
  applySign(txs, statement, layout, columns, opts);
  return splitByAccount(txs, sourceRows, plan, statement);
}

interface RowFilter {
  money: number[];
  dateCol: number;
  headerDate: string | undefined;
}

/** Rows without any amount (pending, cancelled) and repeated header rows carry no transaction. */
function isTransactionRow(r: readonly string[], f: RowFilter): boolean {
  if (r.length < 2) return false;
  if (f.headerDate !== undefined && r[f.dateCol] === f.headerDate) return false;
  for (const m of f.money) if ((r[m] ?? '').trim() !== '') return true;
  return false;
}

/** The first transaction rows, for inference; all of them when `all` (date inference needs every value). */
function transactionRows(source: CsvRows, from: number, f: RowFilter, limit: number): number[] {
  const out: number[] = [];
  for (let i = from; i < source.count && out.length < limit; i++) if (isTransactionRow(source.row(i), f)) out.push(i);
  return out;
}

function dateOrder(source: CsvRows, kept: readonly number[], col: number, header: readonly string[], layout: CsvLayout | undefined, opts: ParseOptions): DateOrder {
  const given = opts.dateFormat ?? layout?.dateFormat;
  const forced = given ? orderFromFormat(given) : undefined;
  if (forced) return forced;
  const values = Array.from(kept, (i) => source.row(i)[col] ?? '');
  const inferred = inferDateOrder(values);
  if (inferred.kind === 'settled') return inferred.order;
  const name = header[col] ? `column "${header[col]?.trim()}"` : `column ${col + 1}`;
  if (inferred.kind === 'ambiguous') {
    const sample = values.find((v) => v.trim() !== '') ?? '';
    throw new StatementQuestion(
      opts.fileName,
      'date-format',
      `In ${opts.fileName}, every date in ${name} could be month-first or day-first (for example "${sample}"). Which is it?`,
      inferred.orders.map((o) => formatName(o, sample)),
    );
  }
  const bad = values.findIndex((v) => !['ymd', 'mdy', 'dmy'].some((o) => parseDate(v, o as DateOrder) !== undefined));
  const example = dateExample(values.some((v) => /^\d{4}/.test(v)) ? 'ymd' : 'mdy', values[0]);
  throw new StatementError(opts.fileName, `line ${source.line(kept[Math.max(bad, 0)] ?? 0)}`, `expected a date like ${example} in ${name}, found "${values[Math.max(bad, 0)] ?? ''}"`);
}

/** The date order read without a last row that may be cut off; with it when only that row settles the order. */
function settledOrder(source: CsvRows, basis: readonly number[], all: readonly number[], col: number, header: readonly string[], layout: CsvLayout | undefined, opts: ParseOptions): DateOrder {
  try {
    return dateOrder(source, basis, col, header, layout, opts);
  } catch (e) {
    if (!(e instanceof StatementQuestion) || basis.length === all.length) throw e;
    try {
      return dateOrder(source, all, col, header, layout, opts);
    } catch {
      throw e;
    }
  }
}

function currencyOf(layout: CsvLayout | undefined, header: readonly string[], columns: ColumnMap, amounts: readonly string[], first: readonly string[] | undefined): string {
  if (layout?.currency) return layout.currency;
  const fromColumn = columns.currency !== undefined ? first?.[columns.currency]?.trim() : undefined;
  if (fromColumn && /^[A-Z]{3}$/.test(fromColumn)) return fromColumn;
  const fromHeader = header.map((h) => /\(([A-Z]{3})\)/.exec(h)?.[1]).find(Boolean);
  if (fromHeader) return fromHeader;
  const joined = amounts.join(' ');
  for (const [symbol, code] of Object.entries(SYMBOLS)) if (joined.includes(symbol)) return code;
  const code = /\b([A-Z]{3})\b/.exec(joined)?.[1];
  return code && columns.currency === undefined ? code : 'USD';
}

function readRows(plan: Plan): { txs: StatementTransaction[]; skipped: number; sourceRows: number[] } {
  const { columns: c, order, mark, file } = plan;
  const out: StatementTransaction[] = [];
  const sourceRows: number[] = [];
  let skipped = 0;
  let firstDate: string | undefined;
  const dateCol = c.date ?? 0;
  const seen = new Map<string, string | undefined>();
  for (let index = plan.from; index < plan.source.count; index++) {
    const r = plan.source.row(index);
    if (!isTransactionRow(r, plan.filter)) {
      if (r.length >= 2) skipped++;
      continue;
    }
    const line = plan.source.line(index);
    firstDate ??= r[dateCol];
    const rawDate = r[dateCol] ?? '';
    let date = seen.get(rawDate);
    if (date === undefined) {
      date = parseDate(rawDate, order);
      if (seen.size < 100_000) seen.set(rawDate, date);
    }
    if (date === undefined) {
      throw new StatementError(file, `line ${line}`, `expected a date like ${dateExample(order, firstDate)} in ${columnName(plan, dateCol)}, found "${rawDate}"`);
    }
    const currency = c.currency !== undefined && /^[A-Z]{3}$/.test((r[c.currency] ?? '').trim()) ? (r[c.currency] ?? '').trim() : plan.currency;
    const tx: StatementTransaction = { date, amountMinor: amountOf(plan, r, line, currency), currency, description: clean(c.description !== undefined ? r[c.description] : ''), line };
    if (c.memo !== undefined && r[c.memo]?.trim()) tx.memo = clean(r[c.memo]);
    if (c.category !== undefined && r[c.category]?.trim()) tx.bankCategory = r[c.category]?.trim();
    if (c.type !== undefined && r[c.type]?.trim()) tx.bankType = r[c.type]?.trim();
    if (c.balance !== undefined && r[c.balance]?.trim()) {
      const b = parseAmount(r[c.balance] ?? '', currency, mark);
      if (b !== undefined) tx.balanceAfterMinor = b;
    }
    if (!tx.description && tx.memo) tx.description = tx.memo;
    out.push(tx);
    sourceRows.push(index);
  }
  return { txs: out, skipped, sourceRows };
}

function clean(text: string | undefined): string {
  if (!text) return '';
  return text.indexOf('  ') >= 0 || text.indexOf('\n') >= 0 ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

function amountOf(plan: Plan, r: readonly string[], line: number, currency: string): number {
  const { columns: c, mark, file } = plan;
  const read = (i: number | undefined): number => {
    if (i === undefined) return 0;
    const raw = r[i] ?? '';
    if (raw.trim() === '') return 0;
    const v = parseAmount(raw, currency, mark);
    if (v === undefined) throw new StatementError(file, `line ${line}`, `expected an amount like -12.34 in ${columnName(plan, i)}, found "${raw}"`);
    return v;
  };
  if (c.amount !== undefined) {
    const v = read(c.amount);
    if (c.direction === undefined) return v;
    return isOutgoing(r[c.direction] ?? '') ? -Math.abs(v) : Math.abs(v);
  }
  return Math.abs(read(c.credit)) - Math.abs(read(c.debit));
}

function splitByAccount(txs: StatementTransaction[], sourceRows: readonly number[], plan: Plan, base: ParsedStatement): ParsedStatement[] {
  const col = plan.columns.account;
  const groups = new Map<string, StatementTransaction[]>();
  if (col === undefined) groups.set('', txs);
  else {
    txs.forEach((t, i) => {
      const key = (plan.source.row(sourceRows[i] ?? 0)[col] ?? '').trim();
      const list = groups.get(key);
      if (list) list.push(t);
      else groups.set(key, [t]);
    });
  }
  return [...groups.entries()].map(([key, list]) => {
    const st: ParsedStatement = { ...base, account: { ...base.account }, assumptions: [...base.assumptions], transactions: list, balances: [] };
    const mask = accountMask(key);
    if (mask && key.replace(/\D/g, '').length >= 4) st.account.mask = mask;
    else if (key) st.account.name = key;
    const newest = newestWithBalance(list);
    if (newest?.balanceAfterMinor !== undefined) st.balances.push({ kind: 'running', amountMinor: newest.balanceAfterMinor, currency: newest.currency, asOf: newest.date });
    return st;
  });
}

/** The row whose balance is the latest: the top row of a newest-first file, the bottom of an oldest-first one. */
function newestWithBalance(list: readonly StatementTransaction[]): StatementTransaction | undefined {
  const withBalance = list.filter((t) => t.balanceAfterMinor !== undefined);
  if (withBalance.length === 0) return undefined;
  const first = withBalance[0];
  const last = withBalance[withBalance.length - 1];
  if (!first || !last) return undefined;
  return first.date > last.date ? first : last;
}
