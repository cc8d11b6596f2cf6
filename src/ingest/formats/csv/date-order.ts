/**
 * Which way a date column is written, gathered one value at a time: the same answer `inferDateOrder`
 * gives for the whole column, without holding the column. Also keeps what the messages about the
 * column need (its first value, the first one no order reads, and where they are).
 */
import { parseDate, type DateInference, type DateOrder } from '../dates.ts';

const ORDERS = ['ymd', 'mdy', 'dmy'] as const;
const DOTTED = /^\s*\d{1,2}\.\d{1,2}\.\d{2,4}/;

/** Parsed forms of raw values, shared by every column read in one pass (dates repeat a lot). */
type Parsed = [string | undefined, string | undefined, string | undefined];

export class DateEvidence {
  /** Values seen, empty ones included. */
  count = 0;
  first: { value: string; line: number } | undefined;
  /** The first non-empty value, as an example in a question. */
  firstPresent: string | undefined;
  /** The first value no order reads (an empty one included), for the error message. */
  firstBad: { value: string; line: number } | undefined;
  yearFirst = false;
  private present = 0;
  private fits = [true, true, true];
  private up = [true, true, true];
  private down = [true, true, true];
  private prev: Array<string | undefined> = [undefined, undefined, undefined];
  private dotted = true;
  private distinct = new Set<string>();

  constructor(private readonly parsed = new Map<string, Parsed>()) {}

  add(value: string, line: number): void {
    this.count++;
    this.first ??= { value, line };
    if (!this.yearFirst && /^\d{4}/.test(value)) this.yearFirst = true;
    let forms = this.parsed.get(value);
    if (!forms) {
      forms = [parseDate(value, 'ymd'), parseDate(value, 'mdy'), parseDate(value, 'dmy')];
      if (this.parsed.size < 100_000) this.parsed.set(value, forms);
    }
    if (!this.firstBad && forms.every((f) => f === undefined)) this.firstBad = { value, line };
    if (value.trim() === '') return;
    this.present++;
    this.firstPresent ??= value;
    if (this.distinct.size <= 2) this.distinct.add(value);
    if (this.dotted && !DOTTED.test(value)) this.dotted = false;
    for (let o = 0; o < 3; o++) {
      const f = forms[o];
      if (f === undefined) {
        this.fits[o] = false;
        continue;
      }
      const prev = this.prev[o];
      if (prev !== undefined) {
        if (f < prev) this.up[o] = false;
        if (f > prev) this.down[o] = false;
      }
      this.prev[o] = f;
    }
  }

  /** A copy that can take more values without changing this one. */
  clone(): DateEvidence {
    const copy = new DateEvidence(this.parsed);
    Object.assign(copy, this, {
      fits: [...this.fits],
      up: [...this.up],
      down: [...this.down],
      prev: [...this.prev],
      distinct: new Set(this.distinct),
    });
    return copy;
  }

  /** What `inferDateOrder` says of every value added, in order. */
  result(): DateInference {
    if (this.present === 0) return { kind: 'none' };
    const fits: DateOrder[] = ORDERS.filter((_, o) => this.fits[o]);
    if (fits.length === 0) return { kind: 'none' };
    if (fits.length === 1 || fits[0] === 'ymd')
      return { kind: 'settled', order: fits[0] ?? 'ymd', how: 'values' };
    if (this.dotted && fits.includes('dmy')) return { kind: 'settled', order: 'dmy', how: 'values' };
    const sorted = fits.filter((o) => {
      const i = ORDERS.indexOf(o);
      return this.up[i] || this.down[i];
    });
    if (sorted.length === 1 && sorted[0] && this.distinct.size > 2)
      return { kind: 'settled', order: sorted[0], how: 'order' };
    return { kind: 'ambiguous', orders: fits };
  }
}
