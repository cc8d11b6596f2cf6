/**
 * Tells a CSV whose last row was cut off from one that simply ends. CSV has no closing marker, so a
 * file cut exactly between rows cannot be told from a shorter statement; a row cut in the middle can:
 *
 * - A file that ends with a line break ends with a whole row: nothing more to check.
 * - A last row that stops inside a quoted value is cut (found while splitting, see split.ts).
 * - Otherwise the last row has no line break and is judged against the rows above it. It is a row of
 *   the statement (not a footer such as "Total") when its cells look like the same cells above. Such a
 *   row is cut when it has fewer cells than every row above (or the header, in a one-row file), when
 *   its last cell is empty where no row above has an empty one, when its last cell is an amount with
 *   fewer decimals than every amount above it or ending in its decimal mark, or when the last cell of a
 *   column with a fixed shape (dates, codes) is only the beginning of that shape ("2026-0", "EU").
 * - A last cell of free text ("STARBU") cannot be told from a whole one; it is kept as it is.
 */
import { TruncatedStatementError } from '../../types.ts';
import type { DecimalMark } from '../amount.ts';
import { parseDate, type DateOrder } from '../dates.ts';
import type { ColumnMap } from './columns.ts';
import type { CsvRows } from './split.ts';

export interface LastRowCheck {
  file: string;
  /** The text ends with a line break. */
  endsWithBreak: boolean;
  /** The last characters of the text. */
  ending: string;
  source: Pick<CsvRows, 'count' | 'row' | 'line'>;
  header: readonly string[];
  /** Index of the first data row. */
  from: number;
  columns: ColumnMap;
  mark: DecimalMark;
  order: DateOrder;
  isTransactionRow(row: readonly string[]): boolean;
}

/** How many rows above the last one are compared with it. */
const SAMPLE = 200;
/** A column whose values take at most this many shapes has a fixed shape (dates, currency codes, times). */
const FIXED_SHAPES = 4;
/** Fewer rows than this say nothing about whether a column has a fixed shape. */
const MIN_ROWS_FOR_SHAPE = 5;

/** Throws TruncatedStatementError when the last row of the file was cut off in the middle. */
export function assertLastRowWhole(c: LastRowCheck): void {
  if (c.endsWithBreak || c.source.count <= c.from) return;
  const lastIndex = c.source.count - 1;
  const last = c.source.row(lastIndex);
  const above: string[][] = [];
  for (let i = lastIndex - 1; i >= c.from && above.length < SAMPLE; i--) {
    const r = c.source.row(i);
    if (c.isTransactionRow(r)) above.push(r);
  }
  const problem = cutReason(c, last, above);
  if (problem)
    throw new TruncatedStatementError(
      c.file,
      c.source.line(lastIndex),
      `in the middle of its last row, which ${problem}`,
    );
}

function cutReason(c: LastRowCheck, last: readonly string[], above: readonly string[][]): string | undefined {
  const k = last.length - 1;
  const value = (last[k] ?? '').trim();
  const d = c.columns.date;
  if (d !== undefined && d < k && parseDate(last[d] ?? '', c.order) === undefined) return undefined;
  if (d === k && value !== '' && parseDate(value, c.order) === undefined) {
    const dates = above.map((r) => shape(r[d] ?? ''));
    const partial =
      dates.length > 0 ? dates.some((full) => full.startsWith(shape(value))) : /^[\d./\- ]+$/.test(value);
    return partial ? 'stops inside its date' : undefined;
  }
  const expected = above.length > 0 ? Math.min(...above.map((r) => r.length)) : c.header.length;
  if (last.length < expected) return `has ${last.length} of ${expected} fields`;
  if (endsQuoted(c.ending)) return undefined;
  const column = above.map((r) => (r[k] ?? '').trim());
  if (value === '')
    return column.length > 0 && column.every((v) => v !== '')
      ? 'has an empty last field where every row above has a value'
      : undefined;
  const money = [c.columns.amount, c.columns.debit, c.columns.credit, c.columns.balance].includes(k);
  if (money && /^[-+(]?[\d\s.,]*$/.test(value.replace(/[^\d\s.,+()-]/g, ''))) {
    const filled = column.filter((v) => v !== '');
    if (value.endsWith(c.mark) || /[-+(]$/.test(value)) return 'stops inside its amount';
    if (filled.length > 0 && decimals(value, c.mark) < Math.min(...filled.map((v) => decimals(v, c.mark)))) {
      return 'stops inside its amount (fewer decimals than in the rows above)';
    }
  }
  const shapes = fixedShapes(above, k);
  const s = shape(value);
  if (shapes && !shapes.has(s) && [...shapes].some((full) => full.startsWith(s)))
    return 'stops inside its last value (shorter than in the rows above)';
  return undefined;
}

/** The shapes a column's values take in the rows above, when they are few (a fixed-shape column). */
function fixedShapes(above: readonly string[][], j: number): Set<string> | undefined {
  if (above.length < MIN_ROWS_FOR_SHAPE) return undefined;
  const shapes = new Set<string>();
  for (const r of above) {
    shapes.add(shape(r[j] ?? ''));
    if (shapes.size > FIXED_SHAPES) return undefined;
  }
  return shapes;
}

/** "2026-03-01" → "9999-99-99", "EUR" → "aaa": digits and letters by kind, everything else as it is. */
function shape(value: string): string {
  return value.trim().replace(/\d/g, '9').replace(/\p{L}/gu, 'a');
}

function decimals(value: string, mark: DecimalMark): number {
  const at = value.lastIndexOf(mark);
  return at < 0 ? 0 : (/^\d*/.exec(value.slice(at + 1))?.[0].length ?? 0);
}

/** The text ends with a closing quote: the last cell was quoted and its quote closed, so it is whole. */
function endsQuoted(text: string): boolean {
  return /"\s*$/.test(text);
}
