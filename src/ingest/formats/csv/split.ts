/**
 * Splits CSV into cells. Most bank exports never put a delimiter or a line break inside quotes; their
 * lines are split one at a time (`splitLine`), several times faster than a general reader. A file with
 * a quoted value spanning lines (or a quote inside an unquoted cell) goes whole through csv-parse
 * (`fullSplit`); text that stops inside a quoted value was cut off: TruncatedStatementError.
 */
import { parse } from 'csv-parse/sync';
import { TruncatedStatementError } from '../../types.ts';

/** Rows of a CSV by index. */
export interface CsvRows {
  count: number;
  row(i: number): string[];
  /** 1-based source line where row i starts. */
  line(i: number): number;
}

/** Whether a line holds an odd number of quotes: a quoted value that goes on past its end. */
export function oddQuotes(line: string): boolean {
  let n = 0;
  for (let q = line.indexOf('"'); q >= 0; q = line.indexOf('"', q + 1)) n++;
  return n % 2 === 1;
}

/** The cells of one line without line breaks inside quotes (what the fast path reads). */
export function splitLine(line: string, delimiter: string): string[] {
  if (line.indexOf('"') < 0) return line.split(delimiter);
  return unquoteCells(line.split(delimiter)) ?? splitQuotedLine(line, delimiter);
}

/** Strips quotes from cells split at every delimiter; undefined when a quoted cell held a delimiter. */
function unquoteCells(cells: string[]): string[] | undefined {
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k] ?? '';
    if (c.length === 0 || c.charCodeAt(0) !== 34) continue;
    if (c.length < 2 || c.charCodeAt(c.length - 1) !== 34) return undefined;
    const inner = c.slice(1, -1);
    if (inner.indexOf('"') >= 0) {
      if (/(^|[^"])"("")*($|[^"])/.test(inner)) return undefined;
      cells[k] = inner.replace(/""/g, '"');
    } else cells[k] = inner;
  }
  return cells;
}

function splitQuotedLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let q = line.indexOf('"', i + 1);
      if (q < 0) q = n;
      let value: string;
      if (line.charCodeAt(q + 1) !== 34) {
        value = line.slice(i + 1, q);
      } else {
        value = '';
        let j = i + 1;
        for (;;) {
          value += line.slice(j, q);
          if (line.charCodeAt(q + 1) !== 34) break;
          value += '"';
          j = q + 2;
          q = line.indexOf('"', j);
          if (q < 0) q = n;
        }
      }
      cells.push(value);
      i = q + 1;
      if (i >= n) return cells;
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        cells[cells.length - 1] += line.slice(i);
        return cells;
      }
      cells[cells.length - 1] += line.slice(i, next);
      i = next + delimiter.length;
    } else {
      const d = line.indexOf(delimiter, i);
      cells.push(d < 0 ? line.slice(i) : line.slice(i, d));
      if (d < 0) return cells;
      i = d + delimiter.length;
    }
    if (i === n) {
      cells.push('');
      return cells;
    }
  }
}

/** Every row of the text through csv-parse: quoted values may span lines. */
export function fullSplit(text: string, delimiter: string, file: string): CsvRows {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      ...(text.includes('\n') ? {} : { record_delimiter: '\r' }),
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    if ((e as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw e;
    const open = openQuote(text, delimiter);
    throw new TruncatedStatementError(
      file,
      open.end,
      `inside a quoted value that opens at line ${open.line} and never closes`,
    );
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const r of records) {
    rows.push(r.record);
    const embedded = r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    lines.push(r.info.lines - embedded);
  }
  return { count: rows.length, row: (i) => rows[i] ?? [], line: (i) => lines[i] ?? 0 };
}

/** Where the quoted value that is still open at the end of the text starts (csv-parse rules, relaxed quotes). */
function openQuote(text: string, delimiter: string): { line: number; end: number } {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
    if (quoted) {
      if (ch !== '"') continue;
      if (text[i + 1] === '"') i++;
      else quoted = false;
      continue;
    }
    if (ch === '"' && cellStart) {
      quoted = true;
      openedAt = line;
    }
    cellStart = ch === delimiter || ch === '\n' || ch === '\r';
  }
  const end = /[\r\n]$/.test(text) ? line - 1 : line;
  return { line: openedAt, end: Math.max(end, openedAt) };
}
