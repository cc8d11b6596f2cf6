/**
 * Ledger rows packed for the trip from an import's reading thread to its writing thread. Posting a batch
 * of objects makes the writer rebuild every object and every one of its property names (a structured
 * clone costs about as much as the insert it feeds); a packed batch is one string, one transferred
 * buffer and a few new words, and the writer reads rows out of it with slices and array look-ups.
 *
 * Values that repeat from row to row (the day, currency, merchant, category, flow, how it was
 * categorised, MCC, bank category) are sent once and then by number; the rest (descriptor,
 * fingerprint, bank id) travel in the batch's text.
 */
import type { NewTransaction } from '../store/types.ts';

/** One batch as it crosses between threads. */
export interface PackedRows {
  count: number;
  /** Words first used in this batch, appended to the import's word table in order. */
  words: string[];
  /** The word table was emptied before `words` were added (it had reached WORDS_LIMIT). */
  restart: boolean;
  /** Per row: the amount, one word number per WORD_FIELDS field (-1: none), then 1 when it has a bank id. */
  numbers: Float64Array<ArrayBuffer>;
  /** Per row, the TEXT_FIELDS one after another; `ends` gives where each one ends. */
  text: string;
  ends: Int32Array<ArrayBuffer>;
}

const WORD_FIELDS = [
  'date',
  'currency',
  'merchant',
  'category',
  'flow',
  'categorySource',
  'mcc',
  'bankCategory',
] as const;
const TEXT_FIELDS = ['description', 'fingerprint', 'externalId'] as const;
const STRIDE = 2 + WORD_FIELDS.length;
/** Bounds both word tables, whatever the file: past it the table starts again. */
const WORDS_LIMIT = 50_000;

/** The reading thread's side: packs batches, remembering which words it has sent. */
export function rowPacker(): (rows: readonly NewTransaction[]) => PackedRows {
  let known = new Map<string, number>();
  return (rows) => {
    let restart = false;
    if (known.size >= WORDS_LIMIT) {
      known = new Map();
      restart = true;
    }
    const words: string[] = [];
    const numbers = new Float64Array(rows.length * STRIDE);
    const ends = new Int32Array(rows.length * TEXT_FIELDS.length);
    const parts: string[] = [];
    let length = 0;
    let at = 0;
    let end = 0;
    // A word's number, sending it first if the writer does not know it yet; -1 for none.
    const word = (value: string | undefined): number => {
      if (value === undefined) return -1;
      let n = known.get(value);
      if (n === undefined) {
        n = known.size;
        known.set(value, n);
        words.push(value);
      }
      return n;
    };
    for (const row of rows) {
      // Field by field, in WORD_FIELDS order: each read is then of one known property.
      numbers[at++] = row.amountMinor;
      numbers[at++] = word(row.date);
      numbers[at++] = word(row.currency);
      numbers[at++] = word(row.merchant);
      numbers[at++] = word(row.category);
      numbers[at++] = word(row.flow);
      numbers[at++] = word(row.categorySource);
      numbers[at++] = word(row.mcc);
      numbers[at++] = word(row.bankCategory);
      numbers[at++] = row.externalId === undefined ? 0 : 1;
      const { description, fingerprint, externalId } = row;
      if (description) parts.push(description);
      length += description.length;
      ends[end++] = length;
      parts.push(fingerprint);
      length += fingerprint.length;
      ends[end++] = length;
      if (externalId) {
        parts.push(externalId);
        length += externalId.length;
      }
      ends[end++] = length;
    }
    return { count: rows.length, words, restart, numbers, text: parts.join(''), ends };
  };
}

/** The writing thread's side: rebuilds the rows of each batch in order, sharing the repeated words. */
export function rowUnpacker(): (packed: PackedRows) => NewTransaction[] {
  let table: string[] = [];
  const word = (n: number): string | undefined => (n < 0 ? undefined : table[n]);
  return (packed) => {
    if (packed.restart) table = [];
    for (const w of packed.words) table.push(w);
    const { numbers, text, ends } = packed;
    const rows = new Array<NewTransaction>(packed.count);
    let from = 0;
    for (let i = 0; i < packed.count; i++) {
      const n = i * STRIDE;
      const e = i * TEXT_FIELDS.length;
      const descriptionEnd = ends[e] as number;
      const fingerprintEnd = ends[e + 1] as number;
      const externalEnd = ends[e + 2] as number;
      const row: NewTransaction = {
        date: word(numbers[n + 1] as number) as string,
        amountMinor: numbers[n] as number,
        currency: word(numbers[n + 2] as number) as string,
        description: text.slice(from, descriptionEnd),
        merchant: word(numbers[n + 3] as number) as string,
        category: word(numbers[n + 4] as number) as string,
        flow: word(numbers[n + 5] as number) as NewTransaction['flow'],
        categorySource: word(numbers[n + 6] as number) as string,
        fingerprint: text.slice(descriptionEnd, fingerprintEnd),
      };
      if (numbers[n + STRIDE - 1] === 1) row.externalId = text.slice(fingerprintEnd, externalEnd);
      const mcc = word(numbers[n + 7] as number);
      if (mcc !== undefined) row.mcc = mcc;
      const bankCategory = word(numbers[n + 8] as number);
      if (bankCategory !== undefined) row.bankCategory = bankCategory;
      rows[i] = row;
      from = externalEnd;
    }
    return rows;
  };
}
