/** Entry point of the statement readers: bytes in, one ParsedStatement per account out (whole, or row by row). */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { decodeStatement } from './decode.ts';
import { parseCamt } from './formats/camt.ts';
import { fileIsUtf8, fileLines } from './formats/csv/file-lines.ts';
import { bytesLines, openCsv, parseCsv, textLines, type CsvLines } from './formats/csv/index.ts';
import { detectFormat } from './formats/detect.ts';
import { parseMt940 } from './formats/mt940.ts';
import { parseOfx } from './formats/ofx.ts';
import { parseQif } from './formats/qif.ts';
import {
  StatementError,
  StatementQuestion,
  type ParseOptions,
  type ParsedStatement,
  type StatementTransaction,
} from './types.ts';

/**
 * Reads a statement file of any supported format (OFX/QFX/OFC, CSV, QIF, camt.053/052, MT940),
 * recognised from its content. Throws StatementError for files that cannot be imported (broken, or
 * without bank or card transactions), TruncatedStatementError (a StatementError) for files that stop
 * before their end, and StatementQuestion when the caller must settle a choice.
 * @example parseStatement(readFileSync('chase.csv'), { fileName: 'chase.csv' })[0].transactions
 */
export function parseStatement(bytes: Buffer, opts: ParseOptions): ParsedStatement[] {
  const file = opts.fileName;
  if (bytes.length === 0) throw new StatementError(file, 'line 1', 'expected a statement; the file is empty');
  const { text } = decodeStatement(bytes);
  const format = detectFormat(text);
  if (!format) {
    throw new StatementError(
      file,
      'line 1',
      text.trim() === ''
        ? 'expected a statement; the file is empty'
        : 'expected an OFX, QFX, CSV, QIF, camt.053 or MT940 statement',
    );
  }
  return readable(format, file, () => read(format, text, opts).filter((s) => s.transactions.length > 0));
}

/** Runs a reader; anything it throws that is not already a StatementError or a question becomes one. */
function readable<T>(format: string, file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof StatementError || e instanceof StatementQuestion) throw e;
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new StatementError(
      file,
      'file',
      `expected a readable ${format.toUpperCase()} statement (${reason})`,
    );
  }
}

/**
 * A statement file opened for reading row by row: what it says about its account is known at once, and
 * every check that can refuse the whole file (a question, a cut-off end, an unreadable header) has
 * passed; a row that cannot be read still throws StatementError from `read`, naming its line.
 */
export interface StatementReader {
  format: string;
  /** What the file says about its (first) account. */
  account: ParsedStatement['account'];
  /** The currency a new account takes: the account's, or the first row's. */
  currency: string | undefined;
  /**
   * Hands every transaction to `emit` in file order, with the index of the statement (account) it
   * belongs to, then returns the statements: layout, account, balances and assumptions complete.
   */
  read(emit: (tx: StatementTransaction, statement: number) => void): ParsedStatement[];
}

/**
 * Opens a statement for reading row by row. A CSV in UTF-8 is read from its bytes a chunk at a time,
 * so neither its text nor its rows are ever held whole; a CSV in another encoding from its decoded
 * text, row by row; the structured formats (and small files generally) are parsed whole, as
 * `parseStatement` does. Throws what `parseStatement` throws, before any row is handed on.
 */
export function openStatement(bytes: Buffer, opts: ParseOptions): StatementReader {
  const file = opts.fileName;
  if (bytes.length === 0) throw new StatementError(file, 'line 1', 'expected a statement; the file is empty');
  const lines = linesOf(bytes);
  const format = detectFormat(lines.start(8192));
  if (format !== 'csv') return statementReader(parseStatement(bytes, opts));
  return csvReader(lines, opts);
}

/**
 * Opens a statement file for reading row by row, as `openStatement` opens its bytes. A CSV in UTF-8 is
 * read from the file a block at a time in every pass, so not even its bytes are held whole; any other
 * file is read into memory first. `close` releases the file once the rows have been read.
 */
export function openStatementFile(path: string, opts: ParseOptions): StatementReader & { close(): void } {
  const head = Buffer.alloc(Math.min(statSync(path).size, 4));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (head.length === 0 || utf16 || !fileIsUtf8(path, bom))
    return { ...openStatement(readFileSync(path), opts), close: () => undefined };
  const lines = fileLines(path, bom);
  try {
    const format = detectFormat(lines.start(8192));
    if (format !== 'csv') {
      lines.close();
      return { ...openStatement(readFileSync(path), opts), close: () => undefined };
    }
    return { ...csvReader(lines, opts), close: () => lines.close() };
  } catch (e) {
    lines.close();
    throw e;
  }
}

function csvReader(lines: CsvLines, opts: ParseOptions): StatementReader {
  const file = opts.fileName;
  const csv = readable('csv', file, () => openCsv(lines, opts));
  return {
    format: 'csv',
    account: csv.first.account,
    currency: csv.first.account.currency,
    read: (emit) => readable('csv', file, () => csv.read(emit)),
  };
}

/** Statements already parsed, handed on row by row. */
export function statementReader(statements: readonly ParsedStatement[]): StatementReader {
  const first = statements[0];
  return {
    format: first?.format ?? 'unknown',
    account: first?.account ?? {},
    currency: first?.account.currency ?? first?.transactions[0]?.currency,
    read(emit) {
      statements.forEach((s, i) => s.transactions.forEach((t) => emit(t, i)));
      return [...statements];
    },
  };
}

/** UTF-8 (the usual case) is split from the bytes; anything else is decoded first. */
function linesOf(bytes: Buffer): CsvLines {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytesLines(bytes, 'utf8', 3);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && isUtf8(bytes)) return bytesLines(bytes, 'utf8');
  return textLines(decodeStatement(bytes).text);
}

function read(
  format: NonNullable<ReturnType<typeof detectFormat>>,
  text: string,
  opts: ParseOptions,
): ParsedStatement[] {
  switch (format) {
    case 'ofx':
      return parseOfx(text, opts.fileName);
    case 'camt053':
      return parseCamt(text, opts.fileName);
    case 'mt940':
      return parseMt940(text, opts.fileName);
    case 'qif':
      return parseQif(text, opts.fileName, opts);
    case 'csv':
      return parseCsv(text, opts);
  }
}

/** One line about what was read, for confirmations: "CSV (chase-checking), 48 transactions". */
export function describeFormat(statements: readonly ParsedStatement[]): string {
  const first = statements[0];
  if (!first) return 'no statements';
  const count = statements.reduce((n, s) => n + s.transactions.length, 0);
  const accounts = statements.length > 1 ? ` in ${statements.length} accounts` : '';
  return `${first.format.toUpperCase()} (${first.layout}), ${count} transaction${count === 1 ? '' : 's'}${accounts}`;
}
