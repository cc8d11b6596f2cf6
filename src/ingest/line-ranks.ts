/**
 * How many times each line of a statement has been seen so far, for the rank in its identity (see
 * fingerprint.ts), with memory that does not grow with the file.
 *
 * A line's rank hash includes its date, so lines of different days never share a count, and a
 * statement's lines come day by day: counts are kept per day, and the days a file has left behind are
 * forgotten, oldest first, once they hold more than a budget of slots. A day met again after it was
 * forgotten (a file far out of date order) has lost its counts: `next` says so, and the caller counts
 * the statement's earlier lines anew after `keepEverything`, which forgets nothing from then on.
 */

/** Slots the days left behind may hold together (9 bytes each: about 2.4 MB, a few months of a busy file). */
export const KEPT_SLOTS = 1 << 18;

export class LineRanks {
  private day: string | undefined;
  private table = new RankTable();
  /** The days left behind, the longest ago first. */
  private readonly kept = new Map<string, RankTable>();
  private keptSlots = 0;
  private readonly forgotten = new Set<string>();

  /** `budget`: slots the days left behind may hold before the oldest is forgotten; Infinity keeps all. */
  constructor(private budget = KEPT_SLOTS) {}

  /** 1 the first time the line of hashes (a, b) is seen on `date`, 2 the second, …; 0 when that day was forgotten. */
  next(date: string, a: number, b: number): number {
    if (date !== this.day && !this.open(date)) return 0;
    return this.table.next(a, b);
  }

  /** Forgets every count and from now on keeps every day, for the lines to be counted again. */
  keepEverything(): void {
    this.budget = Infinity;
    this.day = undefined;
    this.table = new RankTable();
    this.kept.clear();
    this.keptSlots = 0;
    this.forgotten.clear();
  }

  private open(date: string): boolean {
    if (this.forgotten.has(date)) return false;
    if (this.day !== undefined) {
      this.kept.set(this.day, this.table);
      this.keptSlots += this.table.slots;
    }
    const again = this.kept.get(date);
    if (again) {
      this.kept.delete(date);
      this.keptSlots -= again.slots;
    }
    this.day = date;
    this.table = again ?? new RankTable();
    for (const [day, table] of this.kept) {
      if (this.keptSlots <= this.budget) break;
      this.kept.delete(day);
      this.keptSlots -= table.slots;
      this.forgotten.add(day);
    }
    return true;
  }
}

/**
 * Counts occurrences of strings by two independent 32-bit hashes (64 bits: two different lines of one
 * million share both with odds of about 1 in 30 million): an open-addressing table of 9 bytes a slot
 * that doubles as it fills, from a size that suits one day. A count is one byte; the rare line seen
 * more than 255 times keeps the rest of its count aside.
 */
class RankTable {
  private size = 0;
  slots = 16;
  private hi = new Uint32Array(this.slots);
  private lo = new Uint32Array(this.slots);
  private counts = new Uint8Array(this.slots);
  /** Occurrences past 255, by the line's two hashes. */
  private beyond = new Map<string, number>();

  /** 1 the first time a line of hashes (a, b) is seen, 2 the second, … */
  next(a: number, b: number): number {
    let i = this.find(a, b);
    const count = this.counts[i] as number;
    if (count === 0) {
      if ((this.size + 1) * 4 > this.slots * 3) {
        this.grow();
        i = this.find(a, b);
      }
      this.hi[i] = a;
      this.lo[i] = b;
      this.size++;
    }
    if (count < 255) {
      this.counts[i] = count + 1;
      return count + 1;
    }
    const key = `${a}:${b}`;
    const more = (this.beyond.get(key) ?? 0) + 1;
    this.beyond.set(key, more);
    return 255 + more;
  }

  /** The slot holding (a, b), or the empty slot where it belongs. */
  private find(a: number, b: number): number {
    const mask = this.slots - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.counts[i] !== 0 && (this.hi[i] !== a || this.lo[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { hi, lo, counts } = this;
    this.slots *= 2;
    this.hi = new Uint32Array(this.slots);
    this.lo = new Uint32Array(this.slots);
    this.counts = new Uint8Array(this.slots);
    for (let j = 0; j < counts.length; j++) {
      if (counts[j] === 0) continue;
      const i = this.find(hi[j] ?? 0, lo[j] ?? 0);
      this.hi[i] = hi[j] ?? 0;
      this.lo[i] = lo[j] ?? 0;
      this.counts[i] = counts[j] ?? 0;
    }
  }
}
