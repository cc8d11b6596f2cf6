import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The repository's `data/` folder, where the editable rule files live. */
const DATA_DIR = new URL('../../../data/', import.meta.url);

/**
 * Reads one of the rule files in `data/` as rows keyed by header name.
 * Rule files are read once at start-up, so a plain synchronous read keeps callers simple.
 */
export function readDataCsv(fileName: string): Record<string, string>[] {
  const text = readFileSync(new URL(fileName, DATA_DIR), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
}
