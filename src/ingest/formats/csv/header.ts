/** Finds the delimiter and the header row of a CSV, past any preamble a bank puts on top. */
import { parseDate } from '../dates.ts';
import { matchHeaderLayout, matchHeaderlessLayout, type CsvLayout } from './layouts.ts';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Counts delimiters outside quotes. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === d) n++;
  }
  return n;
}

/** Picks the delimiter that splits the last lines of the sample into the same number of cells. */
export function sniffDelimiter(text: string): string {
  const lines = text
    .slice(0, 65536)
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 40);
  const tail = lines.slice(Math.floor(lines.length / 3));
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = tail.map((l) => countOutsideQuotes(l, d));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode = 0, times = 0] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
    const score = times * 100 + mode;
    if (mode > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function isDateCell(cell: string): boolean {
  return (
    parseDate(cell, 'mdy') !== undefined ||
    parseDate(cell, 'dmy') !== undefined ||
    parseDate(cell, 'ymd') !== undefined
  );
}

export interface HeaderInfo {
  /** Index of the header row, or -1 for a headerless file. */
  headerIndex: number;
  /** Index of the first data row. */
  dataIndex: number;
  layout?: CsvLayout;
}

/**
 * Finds the header: a known layout's header wins; otherwise the first row without dates whose next
 * rows carry a date in some column. A first row that already holds a date means no header.
 */
export function findHeader(
  rows: readonly string[][],
  wanted: readonly string[] = [],
): HeaderInfo | undefined {
  const limit = Math.min(rows.length, 40);
  for (let i = 0; i < limit; i++) {
    const layout = matchHeaderLayout(rows[i] ?? []);
    if (layout) return { headerIndex: i, dataIndex: i + 1, layout };
  }
  if (wanted.length > 0) {
    for (let i = 0; i < limit; i++) {
      const cells = new Set((rows[i] ?? []).map((c) => c.trim().toLowerCase()));
      if (wanted.every((w) => cells.has(w.toLowerCase()))) return { headerIndex: i, dataIndex: i + 1 };
    }
  }
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    if (row.filter((c) => c.trim() !== '').length < 2) continue;
    if (row.some(isDateCell)) {
      const layout = matchHeaderlessLayout(row);
      return layout ? { headerIndex: -1, dataIndex: i, layout } : { headerIndex: -1, dataIndex: i };
    }
    const next = rows.slice(i + 1, i + 4).filter((r) => r.length >= 2);
    const textCells = row.filter((c) => /[A-Za-z\u00c0-\uffff]/.test(c)).length;
    if (textCells >= 2 && next.length > 0 && next.every((r) => r.some(isDateCell)))
      return { headerIndex: i, dataIndex: i + 1 };
  }
  return undefined;
}
