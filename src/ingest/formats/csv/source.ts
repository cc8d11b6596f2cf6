/**
 * A CSV's rows for reading in passes: one survey of the lines up front (how many rows, whether any
 * quoted value spans lines, the first and last rows kept for inference and for the completeness check),
 * then as many passes over every row as the reading needs, each splitting one line at a time.
 */
import type { CsvLines } from './lines.ts';
import { fullSplit, oddQuotes, splitLine } from './split.ts';

export interface RowSource {
  count: number;
  /** Rows `0 … headCount - 1` and the last `TAIL` rows can be read by index; the rest only in `each`. */
  headCount: number;
  row(i: number): string[];
  /** 1-based source line where row i starts. */
  line(i: number): number;
  /** Every row, in order. */
  each(visit: (cells: string[], index: number, line: number) => void): void;
}

/** Rows kept from the top: enough for the header search, the column sample and 2,000 amounts. */
const HEAD = 4000;
/** Rows kept from the bottom: the last row and the rows above it that it is compared with. */
const TAIL = 1000;

/** Surveys the lines and returns their rows; files whose quoted values span lines are read whole by csv-parse. */
export function rowSource(lines: CsvLines, delimiter: string, file: string): RowSource {
  const head: string[] = [];
  const headLines: number[] = [];
  const tail: string[] = new Array<string>(TAIL);
  const tailLines = new Int32Array(TAIL);
  let count = 0;
  let spansLines = false;
  lines.each((text, line) => {
    if (text.indexOf('"') >= 0 && oddQuotes(text)) {
      spansLines = true;
      return false;
    }
    if (count < HEAD) {
      head.push(text);
      headLines.push(line);
    }
    tail[count % TAIL] = text;
    tailLines[count % TAIL] = line;
    count++;
    return true;
  });
  if (spansLines) {
    const rows = fullSplit(lines.whole(), delimiter, file);
    return {
      count: rows.count,
      headCount: rows.count,
      row: (i) => rows.row(i),
      line: (i) => rows.line(i),
      each(visit) {
        for (let i = 0; i < rows.count; i++) visit(rows.row(i), i, rows.line(i));
      },
    };
  }
  const inTail = (i: number) => i >= 0 && i < count && i >= count - TAIL;
  return {
    count,
    headCount: head.length,
    row(i) {
      if (i >= 0 && i < head.length) return splitLine(head[i] ?? '', delimiter);
      if (inTail(i)) return splitLine(tail[i % TAIL] ?? '', delimiter);
      return [];
    },
    line(i) {
      if (i >= 0 && i < head.length) return headLines[i] ?? 0;
      return inTail(i) ? (tailLines[i % TAIL] ?? 0) : 0;
    },
    each(visit) {
      let i = 0;
      lines.each((text, line) => {
        visit(splitLine(text, delimiter), i++, line);
      });
    },
  };
}
