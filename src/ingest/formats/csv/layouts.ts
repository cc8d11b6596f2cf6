/** Known CSV exports, kept in data/csv-layouts.json so new banks are a data change. */
import { readFileSync } from 'node:fs';
import type { AccountType } from '../../types.ts';

export type ColumnRole =
  | 'date'
  | 'description'
  | 'amount'
  | 'debit'
  | 'credit'
  | 'direction'
  | 'balance'
  | 'category'
  | 'type'
  | 'memo'
  | 'currency'
  | 'account';

export interface CsvLayout {
  id: string;
  institution?: string;
  accountType?: AccountType;
  headers?: string[];
  headerless?: { columnCount: number; cells: Record<string, string> };
  columns: Partial<Record<ColumnRole, string | number>>;
  dateFormat?: string;
  sign: 'as-is' | 'negate' | 'direction';
  currency?: string;
  decimal?: '.' | ',';
}

let cached: CsvLayout[] | undefined;

/** The layouts, read once from the data file. */
export function knownLayouts(): CsvLayout[] {
  if (!cached) {
    const url = new URL('../../../../data/csv-layouts.json', import.meta.url);
    cached = (JSON.parse(readFileSync(url, 'utf8')) as { layouts: CsvLayout[] }).layouts;
  }
  return cached;
}

/** Header cells compared loosely: case, surrounding spaces and a BOM do not matter. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The layout whose header names all appear in this row (the one naming the most columns wins). */
export function matchHeaderLayout(header: readonly string[]): CsvLayout | undefined {
  const have = new Set(header.map(normaliseHeader));
  let best: CsvLayout | undefined;
  for (const layout of knownLayouts()) {
    if (!layout.headers) continue;
    if (!layout.headers.every((h) => have.has(normaliseHeader(h)))) continue;
    if (!best || (best.headers?.length ?? 0) < layout.headers.length) best = layout;
  }
  return best;
}

/** The headerless layout that this first data row fits. */
export function matchHeaderlessLayout(firstRow: readonly string[]): CsvLayout | undefined {
  return knownLayouts().find((l) => {
    const h = l.headerless;
    if (!h || firstRow.length !== h.columnCount) return false;
    return Object.entries(h.cells).every(([i, v]) => firstRow[Number(i)]?.trim() === v);
  });
}
