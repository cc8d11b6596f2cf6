/** Entry point of the statement readers: bytes in, one ParsedStatement per account out. */
import { decodeStatement } from './decode.ts';
import { parseCamt } from './formats/camt.ts';
import { parseCsv } from './formats/csv/index.ts';
import { detectFormat } from './formats/detect.ts';
import { parseMt940 } from './formats/mt940.ts';
import { parseOfx } from './formats/ofx.ts';
import { parseQif } from './formats/qif.ts';
import { StatementError, StatementQuestion, type ParseOptions, type ParsedStatement } from './types.ts';

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
    throw new StatementError(file, 'line 1', text.trim() === '' ? 'expected a statement; the file is empty' : 'expected an OFX, QFX, CSV, QIF, camt.053 or MT940 statement');
  }
  try {
    const statements = read(format, text, opts);
    return statements.filter((s) => s.transactions.length > 0);
  } catch (e) {
    if (e instanceof StatementError || e instanceof StatementQuestion) throw e;
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new StatementError(file, 'file', `expected a readable ${format.toUpperCase()} statement (${reason})`);
  }
}

function read(format: NonNullable<ReturnType<typeof detectFormat>>, text: string, opts: ParseOptions): ParsedStatement[] {
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
