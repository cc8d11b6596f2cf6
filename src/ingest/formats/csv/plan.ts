/**
 * Everything about a CSV that is settled before its rows are read: delimiter, header and layout,
 * columns, date order, decimal mark, currency, sign convention, and that its last row is whole. Reads
 * the first and last rows, and passes over every row only where inference needs every value (dates
 * of an unknown layout, the sign of an unknown card export).
 */
import {
  StatementError,
  StatementQuestion,
  TruncatedStatementError,
  type ParseOptions,
  type ParsedStatement,
} from '../../types.ts';
import { guessDecimalMark, type DecimalMark } from '../amount.ts';
import { dateExample, formatName, orderFromFormat, type DateOrder } from '../dates.ts';
import { emptyStatement } from '../statement.ts';
import { inferColumns, inferHeaderlessColumns, type ColumnMap } from './columns.ts';
import { assertLastRowWhole } from './complete.ts';
import { DateEvidence } from './date-order.ts';
import { findHeader, sniffDelimiter } from './header.ts';
import { normaliseHeader, type ColumnRole, type CsvLayout } from './layouts.ts';
import type { CsvLines } from './lines.ts';
import { eachTransaction, isTransactionRow } from './read.ts';
import { settleSign, SignTally, signNeedsRows } from './sign.ts';
import { rowSource, type RowSource } from './source.ts';

const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₩': 'KRW',
  '₹': 'INR',
  CHF: 'CHF',
};

export interface RowFilter {
  money: number[];
  dateCol: number;
  headerDate: string | undefined;
}

export interface CsvPlan {
  file: string;
  header: string[];
  columns: ColumnMap;
  order: DateOrder;
  mark: DecimalMark;
  currency: string;
  source: RowSource;
  /** Index of the first data row. */
  from: number;
  filter: RowFilter;
  layout: CsvLayout | undefined;
  /** What every account's statement starts from: account details and what was assumed before the rows. */
  base: ParsedStatement;
  /** Amounts (and card balances) are flipped as they are read. */
  negate: boolean;
  /** The account cell of the first transaction row, when the file has an account column. */
  firstAccountKey: string;
}

/** Resolves a layout's or the caller's `role=name|index` choices to column indexes. */
function resolveColumns(
  spec: Partial<Record<ColumnRole, string | number>>,
  header: readonly string[],
  file: string,
): ColumnMap {
  const norm = header.map(normaliseHeader);
  const map: ColumnMap = {};
  for (const [role, ref] of Object.entries(spec) as Array<[ColumnRole, string | number]>) {
    const i =
      typeof ref === 'number' || /^\d+$/.test(String(ref))
        ? Number(ref)
        : norm.indexOf(normaliseHeader(String(ref)));
    if (i >= 0) map[role] = i;
    else if (role === 'date' || role === 'amount')
      throw new StatementError(file, 'header', `expected a column named "${ref}"`);
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
 * Plans the reading of a CSV. Throws StatementQuestion when the date order or the sign convention
 * cannot be settled from the file, TruncatedStatementError when its last row was cut off, and
 * StatementError when it cannot be read; all before any row is handed on.
 */
export function planCsv(lines: CsvLines, opts: ParseOptions): CsvPlan {
  const file = opts.fileName;
  const delimiter = sniffDelimiter(lines.start(65536));
  const source = rowSource(lines, delimiter, file);
  // A last row without a line break may be cut off (see complete.ts): it must not shape the inference.
  const inferable = lines.endsWithBreak || source.count < 3 ? source.count : source.count - 1;
  const head: string[][] = [];
  for (let i = 0; i < Math.min(inferable, 40); i++) head.push(source.row(i));
  const override = opts.columns ? parseColumnsOption(opts.columns) : undefined;
  const wanted = override ? Object.values(override).filter((v): v is string => !!v && !/^\d+$/.test(v)) : [];
  const found = findHeader(head, wanted);
  if (!found) {
    throw new StatementError(
      file,
      'line 1',
      'expected a header row followed by rows that start with a date (no dates found in the first 40 rows)',
    );
  }
  const layout = override ? undefined : found.layout;
  const header = found.headerIndex >= 0 ? (head[found.headerIndex] ?? []) : [];
  const sample: string[][] = [];
  for (let i = found.dataIndex; i < Math.min(inferable, found.dataIndex + 200); i++)
    sample.push(source.row(i));
  const columns = override
    ? resolveColumns(override, header, file)
    : layout
      ? resolveColumns(layout.columns, header, file)
      : header.length > 0
        ? inferColumns(header, sample)
        : inferHeaderlessColumns(sample);
  const headerLine = found.headerIndex >= 0 ? `line ${source.line(found.headerIndex)}` : 'line 1';
  if (columns.date === undefined)
    throw new StatementError(
      file,
      headerLine,
      'expected a column holding dates (such as "Date" or "Posting Date")',
    );
  if (columns.amount === undefined && (columns.debit === undefined || columns.credit === undefined)) {
    throw new StatementError(
      file,
      headerLine,
      'expected an amount column (such as "Amount"), or separate debit and credit columns',
    );
  }
  const filter: RowFilter = {
    money: [columns.amount, columns.debit, columns.credit].filter((i): i is number => i !== undefined),
    dateCol: columns.date,
    headerDate: header[columns.date],
  };
  const kept = transactionRows(source, found.dataIndex, filter, 2000);
  if (kept.length === 0) {
    if (!lines.endsWithBreak && source.count > found.dataIndex)
      throw new TruncatedStatementError(
        file,
        source.line(source.count - 1),
        'in the middle of its first row',
      );
    throw new StatementError(
      file,
      headerLine,
      'expected at least one transaction row after the header; found none',
    );
  }

  const basis = kept[0] !== undefined && kept[0] < inferable ? kept.filter((i) => i < inferable) : kept;
  const amountCells = basis
    .slice(0, 2000)
    .map((i) => source.row(i))
    .flatMap((r) =>
      [columns.amount, columns.debit, columns.credit].map((i) => (i === undefined ? '' : (r[i] ?? ''))),
    );
  const given = opts.dateFormat ?? layout?.dateFormat;
  const order =
    (given ? orderFromFormat(given) : undefined) ??
    settledOrder(
      dateEvidence(source, kept, basis, found.dataIndex, filter, inferable, !given),
      columns.date,
      header,
      opts,
    );
  const mark = layout?.decimal ?? guessDecimalMark(amountCells);
  const currency = currencyOf(layout, header, columns, amountCells, source.row(basis[0] ?? 0));
  assertLastRowWhole({
    file,
    endsWithBreak: lines.endsWithBreak,
    ending: lines.ending,
    source,
    header,
    from: found.dataIndex,
    columns,
    mark,
    order,
    isTransactionRow: (r) => isTransactionRow(r, filter),
  });

  const base = emptyStatement('csv', layout?.id ?? 'inferred');
  if (
    currency === 'USD' &&
    !layout?.currency &&
    columns.currency === undefined &&
    !/\$/.test(amountCells.join(''))
  ) {
    base.assumptions.push('The file names no currency; amounts read as USD.');
  }
  base.account.currency = currency;
  if (layout?.institution) base.account.institution = layout.institution;
  const accountType = opts.accountType ?? layout?.accountType;
  if (accountType) base.account.type = accountType;
  const plan: CsvPlan = {
    file,
    header,
    columns,
    order,
    mark,
    currency,
    source,
    from: found.dataIndex,
    filter,
    layout,
    base,
    negate: false,
    firstAccountKey:
      columns.account === undefined ? '' : (source.row(kept[0] ?? 0)[columns.account] ?? '').trim(),
  };
  // Every row is read once here when only all of the amounts can tell the sign; a bad row is reported first.
  let tally: SignTally | undefined;
  if (signNeedsRows(layout, columns, opts)) {
    const counts = new SignTally();
    eachTransaction(plan, (tx) => counts.add(tx.amountMinor, tx.description));
    tally = counts;
  }
  plan.negate = settleSign(base, layout, columns, opts, tally);
  return plan;
}

/** The first transaction rows among those that can be read by index, for inference. */
function transactionRows(source: RowSource, from: number, f: RowFilter, limit: number): number[] {
  const out: number[] = [];
  const end = Math.min(source.count, source.headCount);
  for (let i = from; i < end && out.length < limit; i++) if (isTransactionRow(source.row(i), f)) out.push(i);
  return out;
}

interface Evidence {
  /** Without a last row that may be cut off. */
  basis: DateEvidence;
  /** Every transaction row's date. */
  all: DateEvidence;
}

/**
 * The date column's values: of every transaction row when nothing names the date format (one pass over
 * the file), else of the rows already read.
 */
function dateEvidence(
  source: RowSource,
  kept: readonly number[],
  basis: readonly number[],
  from: number,
  f: RowFilter,
  inferable: number,
  everyRow: boolean,
): Evidence {
  const col = f.dateCol;
  if (!everyRow) {
    const b = new DateEvidence();
    for (const i of basis) b.add(source.row(i)[col] ?? '', source.line(i));
    if (basis.length === kept.length) return { basis: b, all: b };
    const all = new DateEvidence();
    for (const i of kept) all.add(source.row(i)[col] ?? '', source.line(i));
    return { basis: b, all };
  }
  const b = new DateEvidence();
  let first = -1;
  let pending: { value: string; line: number; index: number } | undefined;
  source.each((cells, index, line) => {
    if (index < from || !isTransactionRow(cells, f)) return;
    if (pending) b.add(pending.value, pending.line);
    pending = { value: cells[col] ?? '', line, index };
    if (first < 0) first = index;
  });
  if (!pending) return { basis: b, all: b };
  if (pending.index < inferable || first >= inferable) {
    b.add(pending.value, pending.line);
    return { basis: b, all: b };
  }
  const all = b.clone();
  all.add(pending.value, pending.line);
  return { basis: b, all };
}

function orderOf(ev: DateEvidence, col: number, header: readonly string[], opts: ParseOptions): DateOrder {
  const inferred = ev.result();
  if (inferred.kind === 'settled') return inferred.order;
  const name = header[col] ? `column "${header[col]?.trim()}"` : `column ${col + 1}`;
  if (inferred.kind === 'ambiguous') {
    const sample = ev.firstPresent ?? '';
    throw new StatementQuestion(
      opts.fileName,
      'date-format',
      `In ${opts.fileName}, every date in ${name} could be month-first or day-first (for example "${sample}"). Which is it?`,
      inferred.orders.map((o) => formatName(o, sample)),
    );
  }
  const bad = ev.firstBad ?? ev.first;
  const example = dateExample(ev.yearFirst ? 'ymd' : 'mdy', ev.first?.value);
  throw new StatementError(
    opts.fileName,
    `line ${bad?.line ?? 0}`,
    `expected a date like ${example} in ${name}, found "${bad?.value ?? ''}"`,
  );
}

/** The date order read without a last row that may be cut off; with it when only that row settles the order. */
function settledOrder(ev: Evidence, col: number, header: readonly string[], opts: ParseOptions): DateOrder {
  try {
    return orderOf(ev.basis, col, header, opts);
  } catch (e) {
    if (!(e instanceof StatementQuestion) || ev.basis === ev.all) throw e;
    try {
      return orderOf(ev.all, col, header, opts);
    } catch {
      throw e;
    }
  }
}

function currencyOf(
  layout: CsvLayout | undefined,
  header: readonly string[],
  columns: ColumnMap,
  amounts: readonly string[],
  first: readonly string[] | undefined,
): string {
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
